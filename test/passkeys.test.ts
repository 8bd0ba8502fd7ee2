import { Lazy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { MfaEnforcement, MfaUserPool, SmsMfa } from '../src';
import { build, newStack, poolProperties, SES } from './util';

const RP = 'auth.example.com';

describe('passkeys', () => {
  test('with REQUIRED MFA a passkey counts as MFA, with user verification required, next to the password', () => {
    const built = build({ passkeys: { relyingPartyId: RP } });
    built.pool.addAppClient('WebClient');
    const template = built.template;

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] }, PasswordPolicy: Match.anyValue() },
      WebAuthnRelyingPartyID: RP,
      WebAuthnUserVerification: 'required',
      WebAuthnFactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION',
      UserPoolTier: 'ESSENTIALS',
    });
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    });
  });

  test('single-factor passkeys with REQUIRED MFA are refused', () => {
    expect(() => build({ passkeys: { relyingPartyId: RP, countsAsMfa: false } }))
      .toThrow(/passkeys\.countsAsMfa must be true while mfa is REQUIRED: Cognito refuses single-factor passkeys there \(received: false\)\. Remove countsAsMfa/);
  });

  test('with OPTIONAL MFA a single-factor passkey is allowed, with the advisory that it skips MFA', () => {
    const { template, annotations } = build({ mfa: MfaEnforcement.OPTIONAL, passkeys: { relyingPartyId: RP, countsAsMfa: false } });

    expect(poolProperties(template).WebAuthnFactorConfiguration).toBe('SINGLE_FACTOR');
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:mfaWithPasswordless'));
  });

  test('with OPTIONAL MFA a passkey counts as MFA by default, with no advisory', () => {
    const { template, annotations } = build({ mfa: MfaEnforcement.OPTIONAL, passkeys: { relyingPartyId: RP } });

    expect(poolProperties(template).WebAuthnFactorConfiguration).toBe('MULTI_FACTOR_WITH_USER_VERIFICATION');
    annotations.hasNoWarning('/TestStack/Users', Match.anyValue());
  });

  test('with MFA OFF passkeys are a single factor; counting them as MFA is refused', () => {
    const { template } = build({ mfa: MfaEnforcement.OFF, passkeys: { relyingPartyId: RP } });
    expect(poolProperties(template).WebAuthnFactorConfiguration).toBe('SINGLE_FACTOR');
    expect(poolProperties(template).MfaConfiguration).toBe('OFF');

    expect(() => build({ mfa: MfaEnforcement.OFF, passkeys: { relyingPartyId: RP, countsAsMfa: true } }))
      .toThrow(/passkeys\.countsAsMfa would be ignored because mfa is OFF/);
  });

  test('passkeys that count as MFA need another factor (lockout), and the error says so', () => {
    expect(() => build({ totp: false, passkeys: { relyingPartyId: RP } }))
      .toThrow(/mfa is REQUIRED but no factor is enabled .*passkeys that count as MFA need one too/);
  });

  test('preferred user verification that counts as MFA synthesizes with an advisory', () => {
    const { template, annotations } = build({ passkeys: { relyingPartyId: RP, userVerification: cognito.PasskeyUserVerification.PREFERRED } });

    expect(poolProperties(template).WebAuthnUserVerification).toBe('preferred');
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:passkeyWithoutUserVerification'));
  });

  test('an unknown user verification value is refused', () => {
    expect(() => build({ passkeys: { relyingPartyId: RP, userVerification: 'always' as any } }))
      .toThrow(/passkeys\.userVerification is not a cognito\.PasskeyUserVerification \(received: "always"\)\. Use cognito\.PasskeyUserVerification\.PREFERRED or REQUIRED/);
  });

  test.each(['', `${'a'.repeat(60)}.com`])('relying party ID %j, outside the 1 to 63 characters of the CloudFormation schema, is refused', (relyingPartyId) => {
    expect(() => build({ passkeys: { relyingPartyId } }))
      .toThrow(/passkeys\.relyingPartyId must be 1 to 63 characters.*\[rule: relyingPartyIdForm/);
  });

  test.each([
    'https://auth.example.com', 'auth.example.com:443', 'auth.example.com/login', 'auth..example.com', '-auth.example.com', 'auth_example.com',
  ])('relying party ID %j, which is no bare domain name, synthesizes with an advisory (the schema has no pattern)', (relyingPartyId) => {
    const { template, annotations } = build({ passkeys: { relyingPartyId } });
    expect(poolProperties(template).WebAuthnRelyingPartyID).toBe(relyingPartyId);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('is not a bare domain name.*cdk-mfa-user-pool:relyingPartyIdNotDomain'));
  });

  test.each(['localhost', 'example.com', 'auth.example.co.uk', `${'a'.repeat(59)}.com`])('relying party ID %j is accepted', (relyingPartyId) => {
    expect(poolProperties(build({ passkeys: { relyingPartyId } }).template).WebAuthnRelyingPartyID).toBe(relyingPartyId);
  });

  test('a relying party ID that is a token is not checked', () => {
    // GIVEN a token whose value this library would refuse as a literal
    const stack = newStack();
    new MfaUserPool(stack, 'Users', { passkeys: { relyingPartyId: Lazy.string({ produce: () => 'https://auth.example.com' }) } });
    // THEN it synthesizes, and the value is whatever the token resolves to
    expect(poolProperties(Template.fromStack(stack)).WebAuthnRelyingPartyID).toBe('https://auth.example.com');
  });

  test('passkeys with the LITE plan are refused', () => {
    expect(() => build({ featurePlan: cognito.FeaturePlan.LITE, passkeys: { relyingPartyId: RP } }))
      .toThrow(/featurePlan must be ESSENTIALS or PLUS for passkeys and passwordless first factors \(received: "LITE"\)/);
  });

  test('a pool without passkeys or passwordless factors has no sign-in policy, no WebAuthn settings and no ALLOW_USER_AUTH', () => {
    const built = build();
    built.pool.addAppClient('WebClient');
    const template = built.template;

    const props = poolProperties(template);
    expect(props.Policies.SignInPolicy).toBeUndefined();
    expect(props.WebAuthnRelyingPartyID).toBeUndefined();
    expect(props.WebAuthnFactorConfiguration).toBeUndefined();
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  });

  test('a client whose own auth flows leave out ALLOW_USER_AUTH on a passkey pool is warned about', () => {
    const built = build({ passkeys: { relyingPartyId: RP } });
    built.pool.addAppClient('WebClient', { authFlows: { userSrp: true } });

    built.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:noChoiceBasedSignIn'));
  });
});

describe('passwordless one-time passwords', () => {
  test.each([['emailOtp'], ['smsOtp']])('passwordless.%s with REQUIRED MFA is refused', (factor) => {
    expect(() => build({ sms: SmsMfa.withNewRole(), passwordless: { [factor]: true }, userPoolProps: { email: SES } }))
      .toThrow(new RegExp(`passwordless\\.${factor} is a passwordless first factor, which Cognito refuses while mfa is REQUIRED`));
  });

  test('email OTP with OPTIONAL MFA and SES is a first factor, with the advisory', () => {
    const built = build({ mfa: MfaEnforcement.OPTIONAL, passwordless: { emailOtp: true }, userPoolProps: { email: SES } });
    built.pool.addAppClient('WebClient');
    const { template, annotations } = built;

    expect(poolProperties(template).Policies.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
    expect(poolProperties(template).WebAuthnFactorConfiguration).toBeUndefined();
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:mfaWithPasswordless'));
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', { ExplicitAuthFlows: Match.arrayWith(['ALLOW_USER_AUTH']) });
  });

  test('email OTP with Cognito\'s default email synthesizes, as the deployed aws-cdk snapshot does, with an advisory on the quota', () => {
    const { template, annotations } = build({ mfa: MfaEnforcement.OFF, passwordless: { emailOtp: true } });

    expect(poolProperties(template).Policies.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP'] });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('daily quota is low.*cdk-mfa-user-pool:emailOtpWithCognitoEmail'));
  });

  test('email OTP with SES email sending has no quota advisory', () => {
    build({ mfa: MfaEnforcement.OFF, passwordless: { emailOtp: true }, userPoolProps: { email: SES } }).annotations
      .hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('emailOtpWithCognitoEmail'));
  });

  test('SMS OTP sign-in with MFA OFF needs only the SMS configuration, and gets the SMS message', () => {
    const { template } = build({ mfa: MfaEnforcement.OFF, sms: SmsMfa.withNewRole({ message: 'Sign in with {####}' }), passwordless: { smsOtp: true } });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'OFF',
      SmsConfiguration: Match.objectLike({ SnsCallerArn: Match.anyValue() }),
      SmsAuthenticationMessage: 'Sign in with {####}',
      Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP'] } },
    });
  });

  test('SMS OTP needs the SMS configuration', () => {
    expect(() => build({ mfa: MfaEnforcement.OFF, passwordless: { smsOtp: true } }))
      .toThrow(/passwordless\.smsOtp needs an SMS configuration to send the codes/);

    const { template } = build({ mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole(), passwordless: { smsOtp: true } });
    expect(poolProperties(template).Policies.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'SMS_OTP'] });
  });

  test('passwordless factors with the LITE plan are refused', () => {
    expect(() => build({
      mfa: MfaEnforcement.OFF, featurePlan: cognito.FeaturePlan.LITE, passwordless: { emailOtp: true }, userPoolProps: { email: SES },
    }))
      .toThrow(/featurePlan must be ESSENTIALS or PLUS for passkeys and passwordless first factors/);
  });

  test('every first factor together with OPTIONAL MFA', () => {
    const { template } = build({
      mfa: MfaEnforcement.OPTIONAL,
      sms: SmsMfa.withNewRole(),
      passkeys: { relyingPartyId: RP },
      passwordless: { emailOtp: true, smsOtp: true },
      userPoolProps: { email: SES },
    });
    expect(poolProperties(template).Policies.SignInPolicy).toEqual({ AllowedFirstAuthFactors: ['PASSWORD', 'EMAIL_OTP', 'SMS_OTP', 'WEB_AUTHN'] });
  });

  test('passwordless factors set to false change nothing', () => {
    expect(poolProperties(build({ passwordless: { emailOtp: false, smsOtp: false } }).template).Policies.SignInPolicy).toBeUndefined();
  });
});
