import { Aws } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import {
  AdaptiveAuthentication, DeviceRemembering, MfaEnforcement, MfaUserPoolProps, RiskNotificationSender, SmsMfa, SmsOriginationIdentity,
  SmsCountryAction, ThreatProtection,
} from '../src';

/** The configurations the proofs, integration tests and benchmark share. */
export const CANONICAL: Record<string, () => MfaUserPoolProps> = {
  'default': () => ({}),
  'reference-setup': () => ({
    mfa: MfaEnforcement.OPTIONAL,
    totp: true,
    sms: SmsMfa.withNewRole({ message: 'Your sign-in code for MyApp is {####}' }),
    deviceRemembering: DeviceRemembering.USER_OPT_IN,
  }),
  'totp-only': () => ({ mfa: MfaEnforcement.REQUIRED, totp: true, sms: undefined }),
  'sms-and-totp': () => ({ mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole() }),
  'email': () => ({
    email: { subject: 'Your MyApp code', body: 'Your MyApp sign-in code is {####}' },
    userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1' }) },
  }),
  'passkeys-mfa': () => ({ mfa: MfaEnforcement.REQUIRED, totp: true, passkeys: { relyingPartyId: 'auth.example.com' } }),
  'adaptive-authentication': () => ({
    mfa: MfaEnforcement.OPTIONAL,
    threatProtection: ThreatProtection.ENFORCED,
    adaptiveAuthentication: AdaptiveAuthentication.recommended({
      // A verified SES identity of the account; INTEG_SES_DOMAIN names it for a real deployment.
      notification: {
        sender: RiskNotificationSender.fromArn(`arn:${Aws.PARTITION}:ses:${Aws.REGION}:${Aws.ACCOUNT_ID}:identity/${process.env.INTEG_SES_DOMAIN ?? 'example.com'}`),
      },
    }),
  }),
  'sms-end-user-messaging': () => ({
    mfa: MfaEnforcement.OPTIONAL,
    totp: true,
    // A phone number and a configuration set of the account; INTEG_SMS_PHONE_NUMBER_ID and
    // INTEG_SMS_CONFIGURATION_SET name them for a real deployment.
    sms: SmsMfa.withEndUserMessaging({
      message: 'Your sign-in code for MyApp is {####}',
      originationIdentity: SmsOriginationIdentity.fromArn(
        `arn:${Aws.PARTITION}:sms-voice:${Aws.REGION}:${Aws.ACCOUNT_ID}:phone-number/${process.env.INTEG_SMS_PHONE_NUMBER_ID ?? 'phone-0123456789abcdef0123456789abcdef'}`),
      configurationSetName: process.env.INTEG_SMS_CONFIGURATION_SET ?? 'mfa-delivery-events',
    }),
  }),
  // SMS pumping protection on the direct path: a web ACL, and country rules (US and Canada allowed,
  // every other country filtered) on a configuration set the library creates and the pool names.
  'sms-country-rules': () => ({
    mfa: MfaEnforcement.OPTIONAL,
    totp: true,
    sms: SmsMfa.withEndUserMessaging({
      originationIdentity: SmsOriginationIdentity.fromArn(
        `arn:${Aws.PARTITION}:sms-voice:${Aws.REGION}:${Aws.ACCOUNT_ID}:phone-number/${process.env.INTEG_SMS_PHONE_NUMBER_ID ?? 'phone-0123456789abcdef0123456789abcdef'}`),
    }),
    abuseProtection: { smsCountries: { allow: ['US', 'CA'], otherCountries: SmsCountryAction.FILTER } },
  }),
  'threat-protection': () => ({ threatProtection: ThreatProtection.ENFORCED, customAuthThreatProtection: ThreatProtection.AUDIT }),
};
