import { awscdk, javascript } from 'projen';

/**
 * aws-cdk-lib floor: 2.181.0.
 *
 * The construct needs, from the L2 `cognito.UserPool`: `featurePlan` (2.175), `signInPolicy`
 * (2.180) and `standardThreatProtectionMode` / `customThreatProtectionMode` (first published in
 * 2.181.0; 2.180.0 does not have them). Checked by unpacking the `aws-cognito/lib/user-pool.d.ts`
 * of 2.170, 2.175, 2.180, 2.181 ... 2.200 and 2.276 from the npm registry. The L1 properties it
 * sets directly (`EmailAuthenticationMessage`, `EmailAuthenticationSubject`) are older still.
 */
const CDK_FLOOR = '2.181.0';
/** The constructs floor: aws-cdk-lib 2.181.0 itself accepts constructs ^10.0.0. */
const CONSTRUCTS_FLOOR = '10.0.5';

/**
 * The aws-cdk-lib the tests run on by default: the newest at the time of writing. It has the
 * built-in CloudFormation validation plugin and satisfies cdk-nag 3 (aws-cdk-lib >= 2.257).
 * CI also runs the construct tests against CDK_FLOOR (see .ci/run).
 */
const CDK_DEV = '2.276.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-mfa-user-pool',
  description:
    'An AWS CDK L3 construct for an Amazon Cognito user pool with multi-factor authentication done right: typed MFA, a hardened SMS role, device remembering and synth-time validation.',
  keywords: ['aws-cdk', 'cdk', 'cognito', 'mfa', 'totp', 'sms', 'user-pool', 'awscdk'],
  author: 'cdk-mfa-user-pool maintainers',
  authorAddress: 'maintainers@example.com',
  repositoryUrl: 'https://github.com/cdk-mfa-user-pool/cdk-mfa-user-pool.git',
  license: 'Apache-2.0',
  defaultReleaseBranch: 'main',
  packageManager: javascript.NodePackageManager.NPM,
  projenrcTs: true,
  // Node.js 22 and 24, the lines jsii's runtime supports (it calls Node.js 20 unsupported since
  // 2026-10-30, and the AWS SDK for JavaScript drops 20 in January 2027). CI runs every stage on 22
  // and the test suites on 24 too (see .ci/run).
  minNodeVersion: '22.0.0',
  workflowNodeVersion: '22.x',

  cdkVersion: CDK_FLOOR,
  constructsVersion: CONSTRUCTS_FLOOR,
  jsiiVersion: '~6.0.0',
  tsconfigDevFile: 'tsconfig.dev.json',
  // The recovery handlers are Lambda code, bundled by esbuild (bundle:recovery), not part of the
  // jsii assembly.
  excludeTypescript: ['src/recovery/handlers/**'],

  // No runtime dependencies: aws-cdk-lib and constructs are peers.
  deps: [],
  // Users get the floor as a peer range; the tests build against CDK_DEV (not the pinned floor
  // projen would add by default).
  peerDependencyOptions: { pinnedDevDependency: false },
  devDeps: [
    `aws-cdk-lib@${CDK_DEV}`,
    'cdk-nag@^3.0.2',
    'fast-check@^4',
    '@aws-cdk/integ-tests-alpha@2.245.0-alpha.0',
    '@aws-cdk/integ-runner@^2.197.10',
    // End-to-end MFA flows against a local Cognito emulator (e2e/).
    'cognito-local@5.3.0',
    // The recovery handlers' clients (src/recovery/handlers/), bundled into their assets at build
    // time by esbuild: exact versions, so that an asset's hash moves only with a deliberate upgrade.
    '@aws-sdk/client-cognito-identity-provider@3.1169.0',
    '@aws-sdk/client-dynamodb@3.1169.0',
    '@aws-sdk/client-sesv2@3.1169.0',
    'esbuild@0.28.2',
    'otplib@^12',
    'aws-amplify@^6.22.1',
    'qrcode@^1.5.4',
    '@types/qrcode',
    'jsqr@^1.4.0',
    'pngjs@^7',
    '@types/pngjs',
    // The example page in headless Chromium (e2e/browser.e2e.ts): drives Debian's chromium through
    // executablePath, downloads no browser.
    'playwright-core@1.65.2',
    // Mutation testing of the rules (npx projen mutation).
    '@stryker-mutator/core@^10.0.0',
    '@stryker-mutator/jest-runner@^10.0.0',
    // Reads the jsii assemblies in scripts/check-assembly.ts (the version jsii-pacmak brings).
    '@jsii/spec@^1.140.0',
    // The ISO 3166-1 codes that test/sms-countries.test.ts holds the shipped country list to.
    'i18n-iso-countries@7.14.0',
    // The amplify_outputs.json types (generated from schema 1.5) that test/amplify-outputs.test.ts holds the output to.
    '@aws-amplify/client-config@1.11.1',
  ],

  docgen: true,
  // Lint src, test and example against tsconfig.dev.json, which includes all three.
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'example', 'e2e', 'projenrc', 'scripts', '.projenrc.ts'],
    tsconfigPath: './tsconfig.dev.json',
    projectService: false,
  },
  // Tests never write snapshots: a drift fails CI instead of being recorded silently.
  jestOptions: {
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    passWithNoTests: false,
    jestConfig: {
      // Rooted, so that a clone under a path containing /lib/ still finds its tests.
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/lib/', '<rootDir>/dist/'],
    },
  },
  // GitHub workflows: build (with the self-mutation check) on every pull request, release to npm,
  // PyPI, Maven Central, NuGet and the Go module repository from main, and a weekly dependency
  // upgrade. The secrets they need are listed in README ("Releasing").
  github: true,
  release: true,
  buildWorkflow: true,
  depsUpgrade: true,

  publishToPypi: {
    distName: 'cdk-mfa-user-pool',
    module: 'cdk_mfa_user_pool',
  },
  publishToMaven: {
    javaPackage: 'io.github.cdkmfauserpool',
    mavenGroupId: 'io.github.cdk-mfa-user-pool',
    mavenArtifactId: 'cdk-mfa-user-pool',
  },
  publishToNuget: {
    dotNetNamespace: 'CdkMfaUserPool',
    packageId: 'CdkMfaUserPool',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-mfa-user-pool/cdk-mfa-user-pool-go',
  },

  gitignore: [
    'cdk.out/',
    '/example/cdk.out/',
    '.venv/',
    '.jsii.tabl.json',
    // integ-runner's snapshots keep the assertion provider's 2 MB Lambda bundle; verification
    // compares templates and does not need it.
    'test/*.snapshot/asset.*',
    '/bindings/java/target/',
    // StrykerJS's working copies and reports (npx projen mutation).
    '/.stryker-tmp/',
    '/reports/',
  ],
});

// The npm package holds the library (lib/, .jsii, API.md, README, LICENSE) and nothing of the
// repository's tooling.
for (const pattern of [
  '/.ci/', '/.venv/', '/bench/', '/bindings/', '/docs/*', '/e2e/', '/example/', '/rosetta/',
  '/scripts/', '/requirements-dev.txt', '/.jsii.tabl.json', '/test-reports/', '/coverage/',
  '/stryker.config.json', '/reports/', '/.stryker-tmp/',
]) {
  project.npmignore?.exclude(pattern);
}
// The rule catalog refusals point to (docs/RULES.md#<rule>) ships with the package.
project.npmignore?.include('/docs/RULES.md');

// The recovery handlers, one bundle for both endpoints (assets/recovery/index.js), built before
// compile: the library has no runtime dependency, and every jsii package carries the npm tarball,
// so the bundle ships in the Python, Java, .NET and Go packages too. It is build output
// (git-ignored), made the same way from the same lockfile on every machine.
project.gitignore.exclude('/assets/');
project.npmignore?.include('/assets/');
const bundleRecovery = project.addTask('bundle:recovery', {
  description: 'Bundle the recovery handlers (src/recovery/handlers/) with esbuild into assets/recovery/index.js',
  exec: 'esbuild src/recovery/handlers/index.ts --bundle --platform=node --target=node22 --format=cjs --minify '
    + '--legal-comments=eof --log-level=warning --outfile=assets/recovery/index.js',
});
project.preCompileTask.spawn(bundleRecovery);
// The handlers import the AWS SDK clients, which esbuild bundles in: dev dependencies, on purpose.
project.eslint?.addOverride({
  files: ['src/recovery/handlers/**/*.ts'],
  rules: { 'import/no-extraneous-dependencies': ['error', { devDependencies: true, optionalDependencies: false, peerDependencies: true }] },
});

// Declared after construction: the CDK dependency component replaces an earlier constructs dev dep.
project.addDevDeps('constructs@10.5.1');

// The main job of the README: synthesize the example app and summarize what it produced.
project.addTask('example', {
  description: 'Synthesize the example app (example/app.ts) and print a summary of the pool it produced',
  steps: [
    { exec: 'ts-node --project tsconfig.dev.json example/app.ts' },
    { exec: 'ts-node --project tsconfig.dev.json example/summarize.ts example/cdk.out' },
  ],
});

// The whole verification: compile with jsii, test, lint, check the README and docstring
// examples with jsii-rosetta, and package the npm tarball.
project.addTask('verify', {
  description: 'The whole verification: build (jsii compile, tests, lint, API.md), rosetta, package',
  steps: [
    { spawn: 'default' },
    { spawn: 'pre-compile' },
    { spawn: 'compile' },
    { spawn: 'post-compile' },
    { spawn: 'test' },
    { spawn: 'rosetta:extract' },
    { spawn: 'package:js' },
    { exec: 'bash scripts/check-package.sh' },
  ],
});

// docs/RULES.md, the reader's view of the rule catalog, is regenerated on every compile (like
// API.md), so a stale one shows as a diff in CI; test/rules/rules-md.test.ts fails on it too.
const rulesDocs = project.addTask('rules:docs', {
  description: 'Generate docs/RULES.md from the rule catalog (src/private/rules/catalog.ts)',
  exec: 'ts-node --project tsconfig.dev.json scripts/rules-md.ts',
});
project.postCompileTask.spawn(rulesDocs);

// The Python and Go runtimes of jsii cannot hand a caught exception to JavaScript with its
// message: the shims (bindings/shims/) let MfaErrors.isConfigurationError judge it there. Added
// right after jsii-pacmak, so that every wheel, sdist and Go module built carries them.
// package:python builds in a temporary directory (jsii-pacmak's twine check is not quoted, so it
// fails in a path with a space) and moves the wheel to dist/python only once it is shimmed.
project.tasks.tryFind('package:python')!.reset('bash scripts/package-python.sh');
project.tasks.tryFind('package:go')!.exec('python3 scripts/binding-shims.py go dist/go');

// No public method or constructor may take another assembly's struct as its last parameter
// (jsii's Python binding expands it as it stood at build time): checked over the jsii assembly
// after every compile (scripts/check-assembly.ts; test/assembly.test.ts tests the check).
const checkAssembly = project.addTask('check:assembly', {
  description: 'Fail when a public method or constructor takes a struct of another assembly (aws-cdk-lib) as its last parameter',
  exec: 'ts-node --project tsconfig.dev.json scripts/check-assembly.ts',
});
project.postCompileTask.spawn(checkAssembly);

// Mutation testing of the rules and the decisions they feed (StrykerJS, stryker.config.json):
// kept out of .ci/run for its duration; README states the measured score and time.
project.addTask('mutation', {
  description: 'Mutation-test the rule phases and the SMS, trust, Region and alarm decisions with StrykerJS (report in reports/mutation/)',
  exec: 'stryker run stryker.config.json',
  receiveArgs: true,
});

project.addTask('test:floor', {
  description: `Type-check the sources and run the construct tests against the aws-cdk-lib floor (${CDK_FLOOR}), installed in a sandbox outside node_modules`,
  exec: `bash scripts/test-against-cdk.sh ${CDK_FLOOR} ${CONSTRUCTS_FLOOR}`,
});

project.addTask('test:newest', {
  description: 'Run every test suite against the newest aws-cdk-lib on the registry when it is newer than the dev pin (in a sandbox outside node_modules)',
  exec: `bash scripts/test-newest.sh ${CDK_DEV}`,
});
project.addTask('test:node24', {
  description: 'Run every test suite on Node.js 24 (the npm package node@24 ships the binary)',
  exec: 'bash scripts/with-node.sh 24 node node_modules/jest/bin/jest.js --ci --coverage=false',
});

project.addTask('bench', {
  description: 'Benchmark synthesis of MfaUserPool against the raw L2 for 1, 10 and 100 pools; test suite time; tarball size',
  steps: [
    { spawn: 'compile' },
    { exec: 'node bench/run.js', receiveArgs: true },
  ],
});

project.addTask('bindings', {
  description: 'Build the Python, Java and Go packages, generate the .NET sources, and smoke-test each binding',
  exec: 'bash scripts/bindings.sh',
});

project.addTask('e2e', {
  description: 'The MFA flows end to end against cognito-local and moto, provisioned from the synthesized templates; fails on open handles',
  exec: 'bash scripts/e2e.sh',
  receiveArgs: true,
});

project.addTask('demo', {
  description: 'Try the MFA flows locally: the example pool in cognito-local and the example page (example/web/) on http://127.0.0.1:3000/ (Ctrl-C stops)',
  exec: 'ts-node --project tsconfig.dev.json scripts/demo.ts',
});

project.addTask('integ', {
  description: 'Verify the committed integ-runner snapshots of test/integ.*.ts (no deployment)',
  exec: 'bash scripts/integ.sh verify',
});
project.addTask('integ:update', {
  description: 'Rewrite the integ-runner snapshots without deploying (review the diff before committing)',
  exec: 'bash scripts/integ.sh update',
});
project.addTask('integ:deploy', {
  description: 'Deploy every integ scenario to the AWS account in the environment, assert, destroy (needs credentials)',
  exec: 'bash scripts/integ.sh deploy',
});
project.addTask('lint:cfn', {
  description: 'cfn-lint over the integ snapshot and example templates, proof that it fails a broken template, and the negative space read from the pinned botocore',
  exec: 'bash scripts/cfn-lint.sh',
});

project.addTask('lint:workflows', {
  description: 'actionlint (from the Go module proxy) over the generated GitHub workflows, and proof that it fails a broken one',
  exec: 'bash scripts/actionlint.sh',
});

project.addTask('rosetta:extract', {
  description: 'Compile every example in README.md and the docstrings under jsii-rosetta --strict',
  exec: 'jsii-rosetta extract --strict --compile',
});

project.tsconfigDev.addInclude('example/**/*.ts');
// The page is browser code with a tsconfig of its own (DOM); the tests type-check it with that one.
project.tsconfigDev.addExclude('example/web/main.ts');
project.eslint?.addIgnorePattern('example/web/main.ts');
project.tsconfigDev.addInclude('.projenrc.ts');

project.synth();
