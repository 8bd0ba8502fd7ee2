import * as cdk from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';

// The version runs (test:floor, test:newest) point the suites at another aws-cdk-lib without
// touching node_modules; this proves they really load it. The main run loads the dev pin.
test('the suites load the aws-cdk-lib they are meant to test', () => {
  const expected = process.env.EXPECT_AWS_CDK_LIB_VERSION ?? require('../package.json').devDependencies['aws-cdk-lib'];
  const loaded = require('aws-cdk-lib/package.json').version;
  expect(loaded).toBe(expected);
  // The module the tests build with is that same copy.
  expect(require.resolve('aws-cdk-lib')).toBe(require.resolve('aws-cdk-lib/package.json').replace(/package\.json$/, 'index.js'));
  expect(cdk.Stack).toBe(Stack);
});
