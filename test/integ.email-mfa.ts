// Email OTP next to TOTP. Deploying it needs a verified SES identity for the from address:
// set INTEG_SES_FROM (and INTEG_SES_REGION) when you run it against a real account.
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { mfaScenario } from './integ-util';

const fromEmail = process.env.INTEG_SES_FROM ?? 'no-reply@example.com';
const sesRegion = process.env.INTEG_SES_REGION ?? 'us-east-1';

mfaScenario('EmailMfa', {
  email: { subject: 'Your MyApp code', body: 'Your MyApp sign-in code is {####}' },
  userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail, sesRegion }) },
}, { mfaConfiguration: 'ON', totp: true, sms: false, email: true }).synth();
