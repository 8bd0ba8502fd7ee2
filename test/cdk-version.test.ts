import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { Stack } from 'aws-cdk-lib';

function readJson(file: string): any {
  return JSON.parse(fs.readFileSync(file, 'utf-8'));
}

// The version runs (test:floor, test:newest) point the suites at another aws-cdk-lib without
// touching node_modules; this proves they really load it. The main run loads the dev pin.
test('the suites load the aws-cdk-lib they are meant to test', () => {
  const expected = process.env.EXPECT_AWS_CDK_LIB_VERSION
    ?? readJson(path.join(__dirname, '..', 'package.json')).devDependencies['aws-cdk-lib'];
  const manifest = require.resolve('aws-cdk-lib/package.json');
  expect(readJson(manifest).version).toBe(expected);
  // The module the tests build with is that same copy.
  expect(require.resolve('aws-cdk-lib')).toBe(path.join(path.dirname(manifest), 'index.js'));
  expect(cdk.Stack).toBe(Stack);
});
