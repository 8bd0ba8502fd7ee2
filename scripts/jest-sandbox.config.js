// Jest configuration for a run against the aws-cdk-lib in $CDK_SANDBOX (scripts/cdk-sandbox.sh):
// the project's own configuration from package.json, with aws-cdk-lib and constructs resolved
// from the sandbox, for the tests and for every package that requires them (cdk-nag among them).
const path = require('path');
const pkg = require('../package.json');

const sandbox = process.env.CDK_SANDBOX;
if (!sandbox) {
  throw new Error('CDK_SANDBOX is not set: run through scripts/test-against-cdk.sh');
}
const modules = path.join(sandbox, 'node_modules');

module.exports = {
  ...pkg.jest,
  rootDir: path.join(__dirname, '..'),
  moduleNameMapper: {
    '^aws-cdk-lib$': `${modules}/aws-cdk-lib`,
    '^aws-cdk-lib/(.*)$': `${modules}/aws-cdk-lib/$1`,
    '^constructs$': `${modules}/constructs`,
  },
  // The main run's JUnit report stays the one in test-reports/.
  reporters: ['default'],
};
