import { App } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaEnforcement, MfaErrors, MfaUserPool, SmsMfa } from '../src';
import { build, newStack } from './util';

function thrownBy(fn: () => unknown): unknown {
  try {
    fn();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

describe('MfaErrors', () => {
  test('recognises a refusal thrown by the construct', () => {
    const error = thrownBy(() => build({ mfa: MfaEnforcement.REQUIRED, totp: false }));
    expect(MfaErrors.isConfigurationError(error)).toBe(true);
    expect(MfaErrors.isConfigurationErrorMessage((error as Error).message)).toBe(true);
  });

  test('does not take other errors, or values that are not errors, for a refusal', () => {
    const other = thrownBy(() => newStack().node.findChild('NoSuchChild'));
    expect(MfaErrors.isConfigurationError(other)).toBe(false);
    expect(MfaErrors.isConfigurationErrorMessage((other as Error).message)).toBe(false);
    for (const value of [undefined, null, 'MfaConfigurationError', 42, {}, new Error('[MfaUserPool x]')]) {
      expect(MfaErrors.isConfigurationError(value)).toBe(false);
    }
    expect(MfaErrors.isConfigurationErrorMessage('')).toBe(false);
    expect(MfaErrors.isConfigurationErrorMessage('[MfaUserPool ]')).toBe(false);
    expect(MfaErrors.isConfigurationErrorMessage(undefined as any)).toBe(false);
  });

  test('an exception of another jsii language arrives as an object with its message, and is judged by it', () => {
    // GIVEN the message of a refusal, as Java's binding serializes its exception (getters) and
    // Python's and Go's pass theirs ({ message })
    const refusal = (thrownBy(() => build({ mfa: MfaEnforcement.REQUIRED, totp: false })) as Error).message;
    const java = { stackTrace: [], message: refusal, suppressed: [], localizedMessage: refusal };
    // THEN the refusal is recognised, and anything else is not, without throwing
    expect(MfaErrors.isConfigurationError(java)).toBe(true);
    expect(MfaErrors.isConfigurationError({ message: refusal })).toBe(true);
    expect(MfaErrors.isConfigurationError({ message: 'Cannot find module aws-cdk-lib' })).toBe(false);
    expect(MfaErrors.isConfigurationError({ message: 42 })).toBe(false);
    expect(MfaErrors.isConfigurationError({ get message(): string { throw new Error('getter'); } })).toBe(false);
    // A JavaScript Error is ours only with the marker symbol, whatever its message says
    expect(MfaErrors.isConfigurationError(new Error(refusal))).toBe(false);
  });

  test('a refusal made while the app is synthesized is the same refusal: recognised, the path once, no token in it', () => {
    // GIVEN a brought role that does not trust Cognito
    const stack = newStack();
    const role = new iam.Role(stack, 'SmsRole', { assumedBy: new iam.AccountRootPrincipal() });
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-from-synth') });
    // WHEN the app is synthesized
    const error = thrownBy(() => (stack.node.root as App).synth());
    // THEN it is this library's refusal, not aws-cdk-lib's validation error around it
    expect(MfaErrors.isConfigurationError(error)).toBe(true);
    const message = (error as Error).message;
    expect(MfaErrors.isConfigurationErrorMessage(message)).toBe(true);
    expect(message).toMatch(/^\[MfaUserPool TestStack\/Users\] sms role does not let cognito-idp.amazonaws.com assume it/);
    expect(message.match(/TestStack\/Users\]/g)).toHaveLength(1);
    expect(message).toContain('StringEquals sts:ExternalId "ext-from-synth"');
    expect(message).not.toContain('${Token[');
    expect(message).toMatch(/\[rule: smsRoleTrust, docs\/RULES.md#smsroletrust\]$/);
  });
});
