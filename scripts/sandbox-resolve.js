// Preloaded with `node -r` by runs against the aws-cdk-lib in $CDK_SANDBOX
// (scripts/cdk-sandbox.sh): aws-cdk-lib, constructs and @aws-cdk/integ-tests-alpha are resolved
// from the sandbox instead of the repository's node_modules; every other module as usual.
const Module = require('module');
const path = require('path');

const sandbox = process.env.CDK_SANDBOX;
if (!sandbox) {
  throw new Error('CDK_SANDBOX is not set');
}
const fromSandbox = Module.createRequire(path.join(sandbox, 'package.json'));
const redirected = /^(aws-cdk-lib|constructs|@aws-cdk\/integ-tests-alpha)(\/.*)?$/;
const resolve = Module._resolveFilename;
// fromSandbox.resolve() comes back through this hook: the flag lets that call resolve normally.
let redirecting = false;
Module._resolveFilename = function (request, ...rest) {
  if (redirecting || !redirected.test(request)) {
    return resolve.call(this, request, ...rest);
  }
  redirecting = true;
  try {
    return fromSandbox.resolve(request);
  } finally {
    redirecting = false;
  }
};
