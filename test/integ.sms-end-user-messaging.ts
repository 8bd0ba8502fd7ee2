// SMS through AWS End User Messaging directly (no Amazon SNS), OPTIONAL MFA with TOTP, the role
// scoped to one origination identity and its configuration set. Deploying it needs a phone number
// and a configuration set in the account: set INTEG_SMS_PHONE_NUMBER_ID and
// INTEG_SMS_CONFIGURATION_SET when you run it against a real account.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('SmsEndUserMessaging', CANONICAL['sms-end-user-messaging'](), {
  mfaConfiguration: 'OPTIONAL',
  totp: true,
  sms: true,
  email: false,
  endUserMessaging: true,
}).synth();
