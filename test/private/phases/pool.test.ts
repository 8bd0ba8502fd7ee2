import { Duration, Lazy, RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import { advised, advisoryIds, refusal, resolve } from './helpers';
import { DeviceRemembering, MfaEnforcement, SmsMfa, ThreatProtection } from '../../../src';
import { offersChoiceBasedSignIn } from '../../../src/private/resolve/first-factors';

const RP = 'auth.example.com';
const OPTIONAL = MfaEnforcement.OPTIONAL;
const { LITE, ESSENTIALS, PLUS } = cognito.FeaturePlan;
const R = cognito.AccountRecovery;

describe('phase: first factors', () => {
  test('none by default: the password only', () => {
    const first = resolve({}).firstFactors;
    expect(first).toEqual({ passkey: undefined, emailOtp: false, smsOtp: false });
    expect(offersChoiceBasedSignIn(first)).toBe(false);
  });

  test.each([
    [{ passkeys: { relyingPartyId: RP } }],
    [{ mfa: OPTIONAL, passwordless: { emailOtp: true } }],
    [{ mfa: OPTIONAL, sms: SmsMfa.withNewRole(), passwordless: { smsOtp: true } }],
  ])('%j needs ESSENTIALS or PLUS, and offers choice-based sign-in', (props) => {
    expect(refusal({ ...props, featurePlan: LITE })).toBe('firstFactorsNeedEssentials');
    expect(refusal({ ...props, featurePlan: PLUS })).toBeUndefined();
    expect(offersChoiceBasedSignIn(resolve(props).firstFactors)).toBe(true);
  });

  test('the plan refusal names the plan and the fix', () => {
    expect(() => resolve({ passkeys: { relyingPartyId: RP }, featurePlan: LITE })).toThrow(
      '[MfaUserPool P] featurePlan must be ESSENTIALS or PLUS for passkeys and passwordless first factors (received: "LITE"). '
      + 'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or remove passkeys and passwordless.');
    expect(refusal({ featurePlan: LITE, passwordless: { emailOtp: false, smsOtp: false }, mfa: OPTIONAL })).toBeUndefined();
  });

  test.each([['emailOtp', {}], ['smsOtp', { sms: SmsMfa.withNewRole() }]])('passwordless.%s with mfa REQUIRED is refused', (factor, more) => {
    expect(() => resolve({ ...more, passwordless: { [factor]: true } })).toThrow(
      `[MfaUserPool P] passwordless.${factor} is a passwordless first factor, which Cognito refuses while mfa is REQUIRED (those sign-ins would skip MFA) (received: true). `
      + 'Remove it and offer passkeys (passkeys: { relyingPartyId }), which count as MFA, or set mfa to MfaEnforcement.OPTIONAL.');
  });

  test('SMS OTP needs the SMS configuration, whatever the MFA mode', () => {
    expect(() => resolve({ mfa: OPTIONAL, passwordless: { smsOtp: true } })).toThrow(
      '[MfaUserPool P] passwordless.smsOtp needs an SMS configuration to send the codes (received: true). Set sms: SmsMfa.withNewRole() (or SmsMfa.withRole(...)), or remove passwordless.smsOtp.');
    expect(refusal({ mfa: MfaEnforcement.OFF, passwordless: { smsOtp: true } })).toBe('smsOtpNeedsSms');
    expect(resolve({ mfa: MfaEnforcement.OFF, sms: SmsMfa.withNewRole(), passwordless: { smsOtp: true } }).firstFactors)
      .toEqual({ passkey: undefined, emailOtp: false, smsOtp: true });
  });

  test('a first factor that skips MFA is advised about with mfa OPTIONAL only', () => {
    expect(advised({ mfa: OPTIONAL, passwordless: { emailOtp: true }, userPoolProps: {} })[0]).toMatch(
      /^mfaWithPasswordless: Passwordless first factors are allowed while MFA is OPTIONAL: passwordless sign-ins skip MFA/);
    expect(advisoryIds({ mfa: OPTIONAL, passkeys: { relyingPartyId: RP, countsAsMfa: false } })).toEqual(['mfaWithPasswordless']);
    expect(advisoryIds({ mfa: OPTIONAL, passkeys: { relyingPartyId: RP } })).toEqual([]);
    expect(advisoryIds({ mfa: MfaEnforcement.OFF, passwordless: { emailOtp: true } })).toEqual([]);
  });

  test('passkeys count as MFA whenever MFA is on, with required user verification by default', () => {
    expect(resolve({ passkeys: { relyingPartyId: RP } }).firstFactors.passkey)
      .toEqual({ relyingPartyId: RP, userVerification: cognito.PasskeyUserVerification.REQUIRED, countsAsMfa: true });
    expect(resolve({ mfa: OPTIONAL, passkeys: { relyingPartyId: RP } }).firstFactors.passkey?.countsAsMfa).toBe(true);
    expect(resolve({ mfa: MfaEnforcement.OFF, passkeys: { relyingPartyId: RP } }).firstFactors.passkey?.countsAsMfa).toBe(false);
  });

  test('passkeys that count as MFA with mfa OFF, or that do not with mfa REQUIRED, are refused', () => {
    expect(() => resolve({ mfa: MfaEnforcement.OFF, passkeys: { relyingPartyId: RP, countsAsMfa: true } })).toThrow(
      '[MfaUserPool P] passkeys.countsAsMfa would be ignored because mfa is OFF (received: true). Remove countsAsMfa, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.');
    expect(() => resolve({ passkeys: { relyingPartyId: RP, countsAsMfa: false } })).toThrow(
      '[MfaUserPool P] passkeys.countsAsMfa must be true while mfa is REQUIRED: Cognito refuses single-factor passkeys there (received: false). '
      + 'Remove countsAsMfa (it defaults to true), or set mfa to MfaEnforcement.OPTIONAL.');
    expect(refusal({ mfa: OPTIONAL, passkeys: { relyingPartyId: RP, countsAsMfa: false } })).toBeUndefined();
  });

  test('passkey MFA without required user verification is advised against; a single-factor passkey is not', () => {
    const preferred = cognito.PasskeyUserVerification.PREFERRED;
    expect(advised({ passkeys: { relyingPartyId: RP, userVerification: preferred } })).toEqual([
      'passkeyWithoutUserVerification: passkeys.userVerification is preferred: a passkey sign-in satisfies MFA only with user verification, so users whose authenticator '
      + 'does not verify them are asked for another factor. Use cognito.PasskeyUserVerification.REQUIRED to make every passkey sign-in count as MFA.',
    ]);
    expect(advisoryIds({ mfa: OPTIONAL, passkeys: { relyingPartyId: RP, userVerification: preferred, countsAsMfa: false } })).toEqual(['mfaWithPasswordless']);
    expect(refusal({ passkeys: { relyingPartyId: RP, userVerification: 'sometimes' as cognito.PasskeyUserVerification } })).toBe('notAMember');
  });

  test.each([['a', undefined], ['x'.repeat(63), undefined], ['x'.repeat(64), 'relyingPartyIdForm'], ['', 'relyingPartyIdForm']])(
    'relying party ID of %j', (relyingPartyId, rule) => {
      expect(refusal({ passkeys: { relyingPartyId } })).toBe(rule);
    });

  test('the relying party refusal shows the length; a form that is no domain is advised against; a token is not checked', () => {
    expect(() => resolve({ passkeys: { relyingPartyId: 'x'.repeat(64) } })).toThrow(
      /^\[MfaUserPool P\] passkeys\.relyingPartyId must be 1 to 63 characters, not 64 \(received: "x+"\)\. Use the domain users sign in on, for example "auth\.example\.com"\./);
    expect(advised({ passkeys: { relyingPartyId: 'https://a.com' } })).toEqual(['relyingPartyIdNotDomain: passkeys.relyingPartyId "https://a.com" is not a bare domain name: '
      + 'WebAuthn needs the domain users sign in on, with no scheme, path or port (for example "auth.example.com"). Cognito accepts the value, and passkey registration fails.']);
    for (const relyingPartyId of ['localhost', 'a-b.example.co.uk', 'A1.example.com']) {
      expect(advisoryIds({ passkeys: { relyingPartyId } })).toEqual([]);
    }
    for (const relyingPartyId of ['a..b', '-a.com', 'a-.com', 'a_b.com', 'a.com.', '.a.com', 'a.com/x', 'a.com:443']) {
      expect(advisoryIds({ passkeys: { relyingPartyId } })).toEqual(['relyingPartyIdNotDomain']);
    }
    expect(refusal({ passkeys: { relyingPartyId: Lazy.string({ produce: () => '' }) } })).toBeUndefined();
  });
});

describe('phase: plan and threat protection', () => {
  test('ESSENTIALS by default, PLUS when either threat protection is on', () => {
    expect(resolve({}).plan)
      .toEqual({ featurePlan: ESSENTIALS, threatProtection: ThreatProtection.OFF, customAuthThreatProtection: ThreatProtection.OFF });
    expect(resolve({ threatProtection: ThreatProtection.AUDIT }).plan.featurePlan).toBe(PLUS);
    expect(resolve({ customAuthThreatProtection: ThreatProtection.ENFORCED }).plan.featurePlan).toBe(PLUS);
    expect(resolve({ featurePlan: LITE }).plan.featurePlan).toBe(LITE);
  });

  test('threat protection on another plan is refused', () => {
    expect(() => resolve({ customAuthThreatProtection: ThreatProtection.AUDIT, featurePlan: ESSENTIALS })).toThrow(
      '[MfaUserPool P] featurePlan must be PLUS for threat protection (received: "ESSENTIALS"). Set featurePlan: cognito.FeaturePlan.PLUS (or leave it unset), '
      + 'or set threatProtection and customAuthThreatProtection to ThreatProtection.OFF.');
    expect(refusal({ threatProtection: ThreatProtection.OFF, featurePlan: LITE })).toBeUndefined();
  });

  test('the email factor on LITE is refused; on ESSENTIALS it is not', () => {
    expect(() => resolve({ email: {}, featurePlan: LITE })).toThrow(
      '[MfaUserPool P] featurePlan must be ESSENTIALS or PLUS for the email MFA factor (received: "LITE"). '
      + 'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or remove email.');
    expect(refusal({ email: {}, featurePlan: ESSENTIALS })).toBeUndefined();
  });

  test('ENFORCED without a risk configuration is advised about', () => {
    expect(advised({ threatProtection: ThreatProtection.ENFORCED })[0]).toMatch(/^threatProtectionWithoutRiskConfiguration: threatProtection is ENFORCED without adaptiveAuthentication/);
    expect(advisoryIds({ threatProtection: ThreatProtection.AUDIT })).toEqual([]);
  });

  test.each([['threatProtection', { threatProtection: 'ON' }], ['customAuthThreatProtection', { customAuthThreatProtection: 'ON' }],
    ['deviceRemembering', { deviceRemembering: 'SOMETIMES' }]])('an unknown %s is refused with the members', (prop, props) => {
    expect(() => resolve(props as any)).toThrow(new RegExp(`^\\[MfaUserPool P\\] ${prop} is not an? \\w+ \\(received: "\\w+"\\)\\. Use \\w+\\.[A-Z_]+, .* or [A-Z_]+\\.`));
  });

  test('device remembering: the user opts in by default', () => {
    expect(resolve({}).deviceRemembering).toBe(DeviceRemembering.USER_OPT_IN);
    expect(resolve({ deviceRemembering: DeviceRemembering.OFF }).deviceRemembering).toBe(DeviceRemembering.OFF);
  });
});

describe('phase: account recovery', () => {
  const sms = SmsMfa.withNewRole();
  const phoneUsername = { signInAliases: { phone: true } };

  test('email by default, for every pool', () => {
    expect(resolve({}).accountRecovery).toBe(R.EMAIL_ONLY);
    expect(resolve({ sms }).accountRecovery).toBe(R.EMAIL_ONLY);
    expect(resolve({ email: {} }).accountRecovery).toBe(R.EMAIL_ONLY);
  });

  test.each([
    // [recovery, props, refusal, advisories]
    [R.EMAIL_ONLY, {}, undefined, []],
    [R.NONE, { sms }, undefined, []],
    [R.PHONE_ONLY_WITHOUT_MFA, {}, undefined, ['phoneRecoveryWithoutSms']],
    [R.PHONE_AND_EMAIL, {}, undefined, ['phoneRecoveryWithoutSms']],
    [R.EMAIL_AND_PHONE_WITHOUT_MFA, { sms }, undefined, ['phoneRecoveryWithSmsMfa']],
    [R.PHONE_WITHOUT_MFA_AND_EMAIL, { sms }, undefined, ['phoneRecoveryWithSmsMfa']],
    [R.PHONE_AND_EMAIL, { sms }, undefined, ['legacyRecoveryWithSmsMfa']],
    [R.PHONE_ONLY_WITHOUT_MFA, { mfa: MfaEnforcement.OFF, sms }, undefined, []],
    [R.PHONE_ONLY_WITHOUT_MFA, { sms, userPoolProps: phoneUsername }, 'phoneRecoveryWithSmsMfaAndPhoneUsername', []],
    [R.EMAIL_AND_PHONE_WITHOUT_MFA, { sms, userPoolProps: { signInAliases: { email: true, phone: true } } }, 'phoneRecoveryWithSmsMfaAndPhoneUsername', []],
    [R.PHONE_AND_EMAIL, { sms, userPoolProps: phoneUsername }, undefined, ['legacyRecoveryWithSmsMfa']],
    [R.PHONE_ONLY_WITHOUT_MFA, { sms, userPoolProps: { signInAliases: { username: true, phone: true } } }, undefined, ['phoneRecoveryWithSmsMfa']],
    [R.PHONE_ONLY_WITHOUT_MFA, { sms, userPoolProps: { signInAliases: { phone: true }, autoVerify: { phone: false } } }, undefined, ['phoneRecoveryWithSmsMfa']],
    [R.PHONE_ONLY_WITHOUT_MFA, { mfa: MfaEnforcement.OFF, sms, userPoolProps: phoneUsername }, undefined, []],
    [R.EMAIL_ONLY, { email: {} }, undefined, ['emailRecoveryWithEmailMfa']],
    [R.PHONE_ONLY_WITHOUT_MFA, { email: {}, sms }, undefined, ['phoneRecoveryWithSmsMfa']],
    [R.NONE, { email: {} }, undefined, []],
  ] as const)('%s with %j', (accountRecovery, props, rule, ids) => {
    const all = { ...props, accountRecovery, userPoolProps: { ...(props as any).userPoolProps } };
    expect(refusal(all)).toBe(rule);
    if (rule === undefined) {
      expect(advisoryIds(all)).toEqual(ids);
    }
  });

  test('the messages name the setting, who is affected and what to choose', () => {
    expect(() => resolve({ sms, accountRecovery: R.PHONE_ONLY_WITHOUT_MFA, userPoolProps: phoneUsername })).toThrow(
      '[MfaUserPool P] accountRecovery uses the phone number, which Cognito refuses while SMS is an MFA factor and the auto-verified phone number is the username '
      + '("Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when SMS MFA is configured") (received: "PHONE_ONLY_WITHOUT_MFA"). '
      + 'Use AccountRecovery.EMAIL_ONLY (the default) or NONE.');
    expect(advised({ sms, accountRecovery: R.PHONE_ONLY_WITHOUT_MFA })).toEqual(['phoneRecoveryWithSmsMfa: accountRecovery is PHONE_ONLY_WITHOUT_MFA: Cognito skips SMS recovery '
      + 'for users whose MFA is SMS (they fall back to an administrator), and sends the others their recovery code by SMS, which a SIM swap intercepts. '
      + 'AccountRecovery.EMAIL_ONLY keeps recovery off the phone.']);
    expect(advised({ sms, accountRecovery: R.EMAIL_AND_PHONE_WITHOUT_MFA })[0]).toContain('(they fall back to email)');
    expect(advised({ sms, accountRecovery: R.PHONE_AND_EMAIL })).toEqual(['legacyRecoveryWithSmsMfa: accountRecovery is PHONE_AND_EMAIL, which writes no recovery setting: '
      + 'Cognito\'s legacy behaviour then prefers SMS, even for users whose MFA is SMS, so one SIM resets the password and passes MFA. '
      + 'Use AccountRecovery.EMAIL_ONLY or EMAIL_AND_PHONE_WITHOUT_MFA.']);
    expect(advised({ email: {} })).toEqual(['emailRecoveryWithEmailMfa: accountRecovery is EMAIL_ONLY (the default): users whose MFA is email cannot recover their account '
      + 'by email (Cognito disqualifies it for them), so they need an administrator (AdminResetUserPassword). Users whose MFA is TOTP recover by email.']);
    expect(advised({ email: {}, sms, accountRecovery: R.EMAIL_ONLY })).toEqual(['emailRecoveryWithEmailMfa: accountRecovery is EMAIL_ONLY: users whose MFA is email cannot '
      + 'recover their account by email (Cognito disqualifies it for them), so they need a verified phone number (AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA) or an '
      + 'administrator (AdminResetUserPassword). Users whose MFA is TOTP or SMS recover by email.']);
    expect(advised({ accountRecovery: R.PHONE_ONLY_WITHOUT_MFA })).toEqual(['phoneRecoveryWithoutSms: accountRecovery is PHONE_ONLY_WITHOUT_MFA, which can send recovery codes '
      + 'by SMS, but the pool has no SMS configuration: no SMS code goes out, and users without a verified email cannot recover. Use AccountRecovery.EMAIL_ONLY, or configure sms.']);
  });

  test('an unknown recovery value is refused with the member names', () => {
    expect(() => resolve({ accountRecovery: 42 as cognito.AccountRecovery })).toThrow(
      '[MfaUserPool P] accountRecovery is not a cognito.AccountRecovery (received: 42). Use cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA, PHONE_WITHOUT_MFA_AND_EMAIL, '
      + 'EMAIL_ONLY, PHONE_ONLY_WITHOUT_MFA, PHONE_AND_EMAIL or NONE.');
  });
});

describe('phase: password policy', () => {
  test('the strong default, and the fields given over it', () => {
    expect(resolve({}).passwordPolicy)
      .toEqual({ minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true });
    expect(resolve({ passwordPolicy: { minLength: 14, passwordHistorySize: 5 } }).passwordPolicy)
      .toMatchObject({ minLength: 14, passwordHistorySize: 5, requireSymbols: true });
  });

  test.each([
    [{ minLength: 6 }, undefined], [{ minLength: 5 }, 'passwordPolicyRange'], [{ minLength: 99 }, undefined], [{ minLength: 100 }, 'passwordPolicyRange'],
    [{ minLength: 12.5 }, 'passwordPolicyRange'], [{ passwordHistorySize: 0 }, undefined], [{ passwordHistorySize: 24 }, undefined],
    [{ passwordHistorySize: 25 }, 'passwordPolicyRange'], [{ passwordHistorySize: -1 }, 'passwordPolicyRange'], [{ passwordHistorySize: 1.5 }, 'passwordPolicyRange'],
    [{ tempPasswordValidity: Duration.days(365) }, undefined], [{ tempPasswordValidity: Duration.days(366) }, 'passwordPolicyRange'],
    [{ tempPasswordValidity: Duration.hours(36) }, 'passwordPolicyRange'], [{ tempPasswordValidity: Duration.hours(48) }, undefined],
  ])('%j', (passwordPolicy, rule) => {
    expect(refusal({ passwordPolicy })).toBe(rule);
  });

  test('the range refusals say the range', () => {
    expect(() => resolve({ passwordPolicy: { minLength: 5 } })).toThrow('[MfaUserPool P] passwordPolicy.minLength must be a whole number from 6 to 99 (received: 5). Use at least 12 (the default).');
    expect(() => resolve({ passwordPolicy: { passwordHistorySize: 25 } })).toThrow(
      '[MfaUserPool P] passwordPolicy.passwordHistorySize must be a whole number from 0 to 24 (received: 25). Choose a value in that range.');
    expect(() => resolve({ passwordPolicy: { tempPasswordValidity: Duration.days(366) } })).toThrow(
      '[MfaUserPool P] passwordPolicy.tempPasswordValidity must be a whole number of days, at most 365 (received: "366 days"). Use Duration.days(n) with n up to 365; 7 days is Cognito\'s default.');
  });

  test('on LITE, a history above 0 is refused and 0 is left out', () => {
    expect(() => resolve({ featurePlan: LITE, passwordPolicy: { passwordHistorySize: 1 } })).toThrow(
      '[MfaUserPool P] passwordPolicy.passwordHistorySize above 0 needs the ESSENTIALS or PLUS feature plan (received: 1). '
      + 'Remove passwordHistorySize (or set it to 0), or set featurePlan to ESSENTIALS (the default) or PLUS.');
    const policy = resolve({ featurePlan: LITE, passwordPolicy: { passwordHistorySize: 0, minLength: 14 } }).passwordPolicy;
    expect(policy).toEqual({ minLength: 14, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true });
    expect(resolve({ passwordPolicy: { passwordHistorySize: 0 } }).passwordPolicy.passwordHistorySize).toBe(0);
    expect(resolve({ featurePlan: LITE }).passwordPolicy.passwordHistorySize).toBeUndefined();
  });

  test('values that are tokens are not checked', () => {
    const n = Lazy.number({ produce: () => 1000 });
    expect(refusal({ passwordPolicy: { minLength: n, passwordHistorySize: n, tempPasswordValidity: Duration.days(n) } })).toBeUndefined();
  });

  test('a weaker policy is advised about, naming what is weaker', () => {
    expect(advised({ passwordPolicy: { minLength: 8, requireSymbols: false, requireDigits: false } })).toEqual([
      'weakPasswordPolicy: passwordPolicy is weaker than the default (minLength 8 < 12, requireDigits: false, requireSymbols: false). '
      + 'The default is at least 12 characters with lower and upper case letters, digits and symbols.',
    ]);
    expect(advisoryIds({ passwordPolicy: { requireLowercase: false } })).toEqual(['weakPasswordPolicy']);
    expect(advisoryIds({ passwordPolicy: { requireUppercase: false } })).toEqual(['weakPasswordPolicy']);
    expect(advisoryIds({ passwordPolicy: { minLength: 12 } })).toEqual([]);
  });
});

describe('phase: lifecycle and log delivery', () => {
  test('retained and protected by default; either weakening is advised about', () => {
    expect(resolve({}).lifecycle).toEqual({ removalPolicy: RemovalPolicy.RETAIN, deletionProtection: true });
    expect(advised({ removalPolicy: RemovalPolicy.DESTROY })).toEqual(['dataLossRisk: The user pool can be deleted with every user in it (removalPolicy: destroy, '
      + 'deletionProtection: true). Keep RETAIN and deletion protection for any pool that holds real users.']);
    expect(advisoryIds({ deletionProtection: false })).toEqual(['dataLossRisk']);
    expect(advisoryIds({ removalPolicy: RemovalPolicy.SNAPSHOT })).toEqual([]);
  });

  test('delivery errors whenever the pool sends codes; auth events on request with threat protection; a year of retention', () => {
    expect(resolve({}).logs).toEqual({ messageDeliveryErrors: false, userAuthEvents: false, retention: logs.RetentionDays.ONE_YEAR });
    expect(resolve({ sms: SmsMfa.withNewRole() }).logs.messageDeliveryErrors).toBe(true);
    expect(resolve({ email: {} }).logs.messageDeliveryErrors).toBe(true);
    expect(resolve({ mfa: OPTIONAL, passwordless: { emailOtp: true } }).logs.messageDeliveryErrors).toBe(true);
    expect(resolve({ sms: SmsMfa.withNewRole(), logDelivery: { messageDeliveryErrors: false } }).logs.messageDeliveryErrors).toBe(false);
    expect(resolve({ threatProtection: ThreatProtection.AUDIT, logDelivery: { userAuthEvents: true, retention: logs.RetentionDays.ONE_MONTH } }).logs)
      .toEqual({ messageDeliveryErrors: false, userAuthEvents: true, retention: logs.RetentionDays.ONE_MONTH });
  });

  test('auth events without threat protection, and an unknown retention, are refused', () => {
    expect(() => resolve({ logDelivery: { userAuthEvents: true } })).toThrow(
      '[MfaUserPool P] logDelivery.userAuthEvents needs threat protection: Cognito exports user authentication events only while it is on (received: true). '
      + 'Set threatProtection to ThreatProtection.AUDIT or ENFORCED (the PLUS feature plan), or remove logDelivery.userAuthEvents.');
    expect(refusal({ logDelivery: { retention: 42 as logs.RetentionDays } })).toBe('notAMember');
    expect(refusal({ logDelivery: { retention: logs.RetentionDays.INFINITE } })).toBeUndefined();
  });
});

describe('phase: fields the construct owns', () => {
  test.each(['mfa', 'mfaSecondFactor', 'smsRole', 'snsRegion', 'featurePlan', 'accountRecovery', 'deletionProtection', 'signInPolicy'])(
    'userPoolProps.%s is refused, naming the prop to use', (field) => {
      expect(() => resolve({ userPoolProps: { [field]: 'x' } as any })).toThrow(
        new RegExp(`^\\[MfaUserPool P\\] userPoolProps\\.${field} is owned by MfaUserPool and cannot be passed through \\(received: "x"\\)\\. Use the MfaUserPool prop \\S`));
    });

  test('the rest passes through', () => {
    expect(refusal({ userPoolProps: { userPoolName: 'users', selfSignUpEnabled: true } })).toBeUndefined();
  });
});
