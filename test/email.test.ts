import { Lazy } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { MfaEnforcement, SmsMfa } from '../src';
import { acknowledgeCfnValidate, build, poolProperties, SES } from './util';


describe('email MFA factor', () => {
  test('enables EMAIL_OTP with the subject and body', () => {
    const { template } = build({
      email: { subject: 'Your MyApp code', body: 'Your MyApp code is {####}' },
      userPoolProps: { email: SES },
    });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      EnabledMfas: ['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'],
      EmailAuthenticationSubject: 'Your MyApp code',
      EmailAuthenticationMessage: 'Your MyApp code is {####}',
      EmailConfiguration: Match.objectLike({ EmailSendingAccount: 'DEVELOPER' }),
      UserPoolTier: 'ESSENTIALS',
    });
  });

  test('an empty options object enables the factor with Cognito default texts', () => {
    const { template } = build({ email: {}, userPoolProps: { email: SES } });

    const props = poolProperties(template);
    expect(props.EnabledMfas).toEqual(['SOFTWARE_TOKEN_MFA', 'EMAIL_OTP']);
    expect(props.EmailAuthenticationSubject).toBeUndefined();
    expect(props.EmailAuthenticationMessage).toBeUndefined();
  });

  test('all three factors come in the L2 order', () => {
    const { template } = build({ sms: SmsMfa.withNewRole(), email: {}, userPoolProps: { email: SES } });

    template.hasResourceProperties('AWS::Cognito::UserPool', { EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA', 'EMAIL_OTP'] });
  });

  test('without SES email sending it is refused', () => {
    expect(() => build({ email: {} })).toThrow(/email needs the pool to send email through Amazon SES.*UserPoolEmail\.withSES/);
    expect(() => build({ email: {}, userPoolProps: { email: cognito.UserPoolEmail.withCognito() } }))
      .toThrow(/email needs the pool to send email through Amazon SES/);
  });

  test('with the LITE feature plan it is refused', () => {
    expect(() => build({ email: {}, featurePlan: cognito.FeaturePlan.LITE, userPoolProps: { email: SES } }))
      .toThrow(/featurePlan must be ESSENTIALS or PLUS for the email MFA factor \(received: "LITE"\)/);
  });

  test('a body without {####} or of the wrong length is refused', () => {
    expect(() => build({ email: { body: 'Your code' }, userPoolProps: { email: SES } }))
      .toThrow(/email\.body must contain the placeholder \{####\} \(received: "Your code"\)/);
    expect(() => build({ email: { body: `{####}${'x'.repeat(20000)}` }, userPoolProps: { email: SES } }))
      .toThrow(/email\.body must be 6 to 20,000 characters, not 20006/);
  });

  test('a subject of the wrong length is refused', () => {
    expect(() => build({ email: { subject: '' }, userPoolProps: { email: SES } })).toThrow(/email\.subject must be 1 to 140 characters, not 0/);
    expect(() => build({ email: { subject: 'x'.repeat(141) }, userPoolProps: { email: SES } })).toThrow(/email\.subject must be 1 to 140 characters, not 141/);
  });

  test('tokens are not validated as literals', () => {
    const built = build({
      email: { subject: Lazy.string({ produce: () => '' }), body: Lazy.string({ produce: () => 'no code' }) },
      userPoolProps: { email: SES },
    });
    // The empty subject is bad on purpose: CloudFormation Validate (length) sees it instead.
    acknowledgeCfnValidate(built.stack, 'tokens reach the template unvalidated on purpose', 'F3033');
    const template = built.template;

    template.hasResourceProperties('AWS::Cognito::UserPool', { EmailAuthenticationSubject: '', EmailAuthenticationMessage: 'no code' });
  });

  test('email as the only factor is allowed with a warning', () => {
    const { annotations, template } = build({ mfa: MfaEnforcement.OPTIONAL, totp: false, email: {}, userPoolProps: { email: SES } });

    template.hasResourceProperties('AWS::Cognito::UserPool', { EnabledMfas: ['EMAIL_OTP'] });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('Email is the only MFA factor.*cdk-mfa-user-pool:emailOnlyMfa'));
  });

  test('with TOTP too there is no email-only warning', () => {
    const { annotations } = build({ email: {}, userPoolProps: { email: SES } });

    annotations.hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('emailOnlyMfa'));
  });
});
