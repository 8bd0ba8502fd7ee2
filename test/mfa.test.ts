import { Match } from 'aws-cdk-lib/assertions';
import { MfaEnforcement, SmsMfa } from '../src';
import { build, poolProperties } from './util';

describe('MFA enforcement and factors', () => {
  test('the default is REQUIRED MFA with TOTP only', () => {
    // GIVEN / WHEN
    const { template, pool } = build();

    // THEN
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      SmsConfiguration: Match.absent(),
      SmsAuthenticationMessage: Match.absent(),
    });
    expect(pool.mfa).toBe(MfaEnforcement.REQUIRED);
  });

  test('REQUIRED with only TOTP creates no SMS role', () => {
    const { template, pool } = build({ mfa: MfaEnforcement.REQUIRED, totp: true });

    template.resourceCountIs('AWS::IAM::Role', 0);
    expect(pool.smsRole).toBeUndefined();
    expect(pool.smsExternalId).toBeUndefined();
  });

  test.each([
    [MfaEnforcement.OFF, 'OFF'],
    [MfaEnforcement.OPTIONAL, 'OPTIONAL'],
    [MfaEnforcement.REQUIRED, 'ON'],
  ])('mfa %s maps to MfaConfiguration %s', (mfa, expected) => {
    const { template } = build({ mfa });

    template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: expected });
  });

  test('OFF emits no EnabledMfas at all', () => {
    const { template } = build({ mfa: MfaEnforcement.OFF });

    expect(poolProperties(template).EnabledMfas).toBeUndefined();
  });

  test('OPTIONAL with TOTP and SMS enables both, SMS first', () => {
    const { template } = build({ mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole() });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OPTIONAL',
      EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
    });
  });

  test('totp: false with SMS enables SMS only', () => {
    const { template } = build({ totp: false, sms: SmsMfa.withNewRole() });

    template.hasResourceProperties('AWS::Cognito::UserPool', { EnabledMfas: ['SMS_MFA'] });
  });

  test('MFA on with no factor is refused, naming mfa and the fix', () => {
    expect(() => build({ mfa: MfaEnforcement.REQUIRED, totp: false }))
      .toThrow(/mfa is REQUIRED but no factor is enabled \(received: \{"mfa":"REQUIRED","totp":false\}\)\. Enable at least one factor/);
    expect(() => build({ mfa: MfaEnforcement.OPTIONAL, totp: false }))
      .toThrow(/mfa is OPTIONAL but no factor is enabled/);
  });

  test('totp: true while MFA is OFF is refused instead of being ignored', () => {
    expect(() => build({ mfa: MfaEnforcement.OFF, totp: true }))
      .toThrow(/totp would be ignored because mfa is OFF \(received: true\)/);
  });

  test('totp: false while MFA is OFF is accepted (it says what OFF means)', () => {
    expect(() => build({ mfa: MfaEnforcement.OFF, totp: false })).not.toThrow();
  });

  test('SMS while MFA is OFF keeps the SMS configuration and its message (invitations, verification, sign-in codes), without an SMS factor', () => {
    const { template, pool } = build({ mfa: MfaEnforcement.OFF, sms: SmsMfa.withNewRole({ message: 'Your code is {####}' }) });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OFF',
      EnabledMfas: Match.absent(),
      SmsConfiguration: Match.objectLike({ SnsCallerArn: Match.anyValue() }),
      SmsAuthenticationMessage: 'Your code is {####}',
    });
    expect(pool.smsRole).toBeDefined();
  });

  test('smsMfa true while MFA is OFF is refused as ignored', () => {
    expect(() => build({ mfa: MfaEnforcement.OFF, sms: SmsMfa.withNewRole(), smsMfa: true }))
      .toThrow(/smsMfa would be ignored because mfa is OFF.*\[rule: factorWhileMfaOff/);
  });

  test('smsMfa false next to an SMS configuration while MFA is on is refused with the error Cognito returns', () => {
    expect(() => build({ mfa: MfaEnforcement.REQUIRED, sms: SmsMfa.withNewRole(), smsMfa: false }))
      .toThrow(/smsMfa cannot be false while mfa is REQUIRED and the pool has an SMS configuration: Cognito refuses "Can't turn off SMS_MFA when SMS configuration is set for the user pool".*\[rule: smsMfaFollowsSmsConfiguration/);
  });

  test('smsMfa true without sms is refused', () => {
    expect(() => build({ smsMfa: true })).toThrow(/smsMfa needs sms.*\[rule: smsMfaWithoutSms/);
  });

  test('smsMfa says what the defaults already mean: true with sms and MFA on, false without sms or with MFA OFF', () => {
    build({ sms: SmsMfa.withNewRole(), smsMfa: true }).template.hasResourceProperties('AWS::Cognito::UserPool', { EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'] });
    build({ smsMfa: false }).template.hasResourceProperties('AWS::Cognito::UserPool', { EnabledMfas: ['SOFTWARE_TOKEN_MFA'] });
    build({ mfa: MfaEnforcement.OFF, sms: SmsMfa.withNewRole(), smsMfa: false }).template.hasResourceProperties('AWS::Cognito::UserPool', { MfaConfiguration: 'OFF' });
  });

  test('email while MFA is OFF is refused', () => {
    expect(() => build({ mfa: MfaEnforcement.OFF, email: {} }))
      .toThrow(/email would be ignored because mfa is OFF/);
  });

  test('an unknown mfa value from an untyped caller is refused', () => {
    expect(() => build({ mfa: 'ON' as any })).toThrow(/mfa is not an MfaEnforcement \(received: "ON"\)/);
  });

  test('refusals are MfaConfigurationErrors that name the construct path', () => {
    let error: any;
    try {
      build({ mfa: MfaEnforcement.REQUIRED, totp: false });
    } catch (e) {
      error = e;
    }
    expect(error?.name).toBe('MfaConfigurationError');
    expect(error?.message).toMatch(/^\[MfaUserPool TestStack\/Users\] mfa /);
  });
});
