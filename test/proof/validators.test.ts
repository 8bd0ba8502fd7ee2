import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { MfaUserPool, SmsMfa } from '../../src';
import { CANONICAL } from '../canonical';
import { CFN_VALIDATION_AVAILABLE, newStack } from '../util';

describe('the CloudFormation validation built into aws-cdk-lib, in strict mode', () => {
  test('is present: the proof suites need aws-cdk-lib >= 2.257', () => {
    expect(CFN_VALIDATION_AVAILABLE).toBe(true);
  });

  test('fails the synthesis of a deliberately broken raw L1 pool (the check can fail)', () => {
    const stack = newStack();
    new cognito.CfnUserPool(stack, 'Broken', {
      mfaConfiguration: 'MAYBE',
      smsAuthenticationMessage: 'no code here',
    });

    expect(() => Template.fromStack(stack)).toThrow(/CloudFormation Validate[\s\S]*(MfaConfiguration|SmsAuthenticationMessage)/);
  });

  test.each(Object.keys(CANONICAL))('passes the canonical %s configuration with zero findings', (name) => {
    const stack = newStack();
    new MfaUserPool(stack, 'Users', CANONICAL[name]());

    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('passes several pools with SMS in one stack', () => {
    const stack = newStack();
    new MfaUserPool(stack, 'A', { sms: SmsMfa.withNewRole() }).addAppClient('Web');
    new MfaUserPool(stack, 'B', { sms: SmsMfa.withNewRole() }).addAppClient('Web');

    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});
