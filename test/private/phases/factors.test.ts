import { advised, advisoryIds, refusal, resolve } from './helpers';
import { MfaEnforcement, SmsMfa } from '../../../src';
import { resolveSignIn } from '../../../src/private/resolve/sign-in';

const OFF = MfaEnforcement.OFF;
const OPTIONAL = MfaEnforcement.OPTIONAL;
const REQUIRED = MfaEnforcement.REQUIRED;

describe('phase: MFA mode and factors', () => {
  test('the default: REQUIRED with TOTP only', () => {
    expect(resolve({}).factors).toEqual({ mfa: REQUIRED, totp: true, smsFactor: false, emailFactor: false, sms: undefined, email: undefined });
  });

  test('OFF: no factor, whatever was left unset; totp false says the same', () => {
    expect(resolve({ mfa: OFF }).factors).toEqual({ mfa: OFF, totp: false, smsFactor: false, emailFactor: false, sms: undefined, email: undefined });
    expect(resolve({ mfa: OFF, totp: false }).factors.totp).toBe(false);
  });

  test('OFF keeps the SMS configuration without an SMS factor', () => {
    const factors = resolve({ mfa: OFF, sms: SmsMfa.withNewRole({ message: 'Code {####}' }) }).factors;
    expect(factors.smsFactor).toBe(false);
    expect(factors.sms).toEqual({ externalId: undefined, message: 'Code {####}', snsRegion: undefined });
  });

  test.each([
    [{ totp: true }, 'totp would be ignored because mfa is OFF (received: true). Remove totp, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.'],
    [{ email: {} }, 'email would be ignored because mfa is OFF (received: {}). Remove email, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.'],
    [{ sms: SmsMfa.withNewRole(), smsMfa: true }, 'smsMfa would be ignored because mfa is OFF (the SMS configuration stays, for verification and sign-in codes) '
      + '(received: true). Remove smsMfa, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.'],
  ])('OFF with %j refuses the factor it would ignore', (props, message) => {
    expect(() => resolve({ mfa: OFF, ...props })).toThrow(`[MfaUserPool P] ${message} [rule: factorWhileMfaOff, docs/RULES.md#factorwhilemfaoff]`);
  });

  test('OFF with smsMfa false is what OFF means', () => {
    expect(refusal({ mfa: OFF, sms: SmsMfa.withNewRole(), smsMfa: false })).toBeUndefined();
    expect(refusal({ mfa: OFF, smsMfa: false })).toBeUndefined();
  });

  test.each([OPTIONAL, REQUIRED])('%s without any factor is refused, with the value and the fix', (mfa) => {
    expect(() => resolve({ mfa, totp: false })).toThrow(
      `[MfaUserPool P] mfa is ${mfa} but no factor is enabled (received: {"mfa":"${mfa}","totp":false}). `
      + 'Enable at least one factor: totp: true (recommended), sms: SmsMfa.withNewRole(), or email: {}. Or set mfa to MfaEnforcement.OFF. '
      + '[rule: mfaWithoutFactor, docs/RULES.md#mfawithoutfactor]');
  });

  test('the no-factor refusal says why passkeys need a factor too, only when passkeys are on', () => {
    expect(() => resolve({ totp: false, passkeys: { relyingPartyId: 'example.com' } }))
      .toThrow('email: {} (passkeys that count as MFA need one too, so that a lost device does not lock users out). Or set mfa');
  });

  test.each([
    [{ sms: SmsMfa.withNewRole() }, { totp: false, smsFactor: true, emailFactor: false }],
    [{ email: {} }, { totp: false, smsFactor: false, emailFactor: true }],
  ])('one factor besides TOTP is enough: %j', (props, expected) => {
    expect(resolve({ mfa: OPTIONAL, totp: false, ...props }).factors).toMatchObject(expected);
  });

  test('SMS is an MFA factor whenever MFA is on and the pool has an SMS configuration', () => {
    expect(resolve({ sms: SmsMfa.withNewRole() }).factors.smsFactor).toBe(true);
    expect(resolve({ mfa: OPTIONAL, sms: SmsMfa.withNewRole(), smsMfa: true }).factors.smsFactor).toBe(true);
    expect(resolve({ smsMfa: false }).factors.smsFactor).toBe(false);
  });

  test('smsMfa false next to an SMS configuration is refused with the error Cognito returns', () => {
    expect(() => resolve({ mfa: OPTIONAL, sms: SmsMfa.withNewRole(), smsMfa: false })).toThrow(
      '[MfaUserPool P] smsMfa cannot be false while mfa is OPTIONAL and the pool has an SMS configuration: Cognito refuses '
      + '"Can\'t turn off SMS_MFA when SMS configuration is set for the user pool" (received: false). Remove smsMfa (SMS is then an MFA factor next to TOTP), '
      + 'or remove sms and the phone verification and SMS OTP sign-in that need it, or set mfa to MfaEnforcement.OFF. '
      + '[rule: smsMfaFollowsSmsConfiguration, docs/RULES.md#smsmfafollowssmsconfiguration]');
  });

  test('smsMfa true without sms is refused, whatever the mode but OFF', () => {
    expect(() => resolve({ smsMfa: true })).toThrow(
      '[MfaUserPool P] smsMfa needs sms, the configuration Cognito sends the codes with (received: true). Set sms: SmsMfa.withNewRole() (or another SmsMfa), or remove smsMfa.');
    expect(refusal({ mfa: OPTIONAL, smsMfa: true })).toBe('smsMfaWithoutSms');
  });

  test('the email factor keeps its options; email-only MFA is advised against with the measured creation failure', () => {
    const d = resolve({ mfa: OPTIONAL, totp: false, email: { subject: 'Code' } });
    expect(d.factors.email).toEqual({ subject: 'Code' });
    expect(advised({ mfa: OPTIONAL, totp: false, email: {} })[0]).toMatch(
      /^emailOnlyMfa: Email is the only MFA factor\. Creating a pool with email-only MFA through CloudFormation has been measured to fail .*aws-cdk #32615.*enable totp too/);
    expect(advisoryIds({ mfa: OPTIONAL, email: {} })).not.toContain('emailOnlyMfa');
    expect(advisoryIds({ mfa: OPTIONAL, totp: false, sms: SmsMfa.withNewRole(), email: {} })).not.toContain('emailOnlyMfa');
  });

  test('phone verification needs the SMS configuration; phone sign-in alone does not', () => {
    expect(() => resolve({ userPoolProps: { signInAliases: { phone: true } } })).toThrow(
      '[MfaUserPool P] userPoolProps.autoVerify verifies phone numbers (the default with phone sign-in), which needs an SMS configuration to send the codes '
      + '(received: {"signInAliases":{"phone":true}}). Set sms: SmsMfa.withNewRole() (or SmsMfa.withRole(...)), or set userPoolProps.autoVerify: { phone: false }.');
    expect(refusal({ userPoolProps: { autoVerify: { email: true, phone: true } } })).toBe('phoneNeedsSms');
    expect(refusal({ userPoolProps: { signInAliases: { phone: true }, autoVerify: { email: false } } })).toBeUndefined();
    expect(refusal({ sms: SmsMfa.withNewRole(), userPoolProps: { signInAliases: { phone: true } } })).toBeUndefined();
  });
});

describe('phase: sign-in', () => {
  test('email sign-in, verified and kept until the new address is verified, by default', () => {
    expect(resolveSignIn({})).toEqual({
      signInAliases: { email: true },
      autoVerify: undefined,
      keepOriginal: { email: true, phone: undefined },
      phoneVerified: false,
      phoneIsUsername: false,
    });
  });

  test('the phone is verified with phone sign-in unless autoVerify says otherwise, and is the username unless username sign-in is on', () => {
    expect(resolveSignIn({ signInAliases: { phone: true } }))
      .toMatchObject({ phoneVerified: true, phoneIsUsername: true, keepOriginal: { email: undefined, phone: true } });
    expect(resolveSignIn({ signInAliases: { phone: true }, autoVerify: { email: false, phone: false } }))
      .toMatchObject({ phoneVerified: false, keepOriginal: undefined });
    expect(resolveSignIn({ signInAliases: { username: true, phone: true } }).phoneIsUsername).toBe(false);
    expect(resolveSignIn({ signInAliases: { username: true, preferredUsername: true, phone: true } }).phoneIsUsername).toBe(false);
    expect(resolveSignIn({ signInAliases: { email: true }, autoVerify: { phone: true } }))
      .toMatchObject({ phoneVerified: true, phoneIsUsername: false });
  });

  test('keepOriginal given is kept as given', () => {
    expect(resolveSignIn({ keepOriginal: { email: false } }).keepOriginal).toEqual({ email: false });
  });
});
