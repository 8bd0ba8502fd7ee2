// SMS pumping protection on the direct End User Messaging path: a WAF web ACL in front of the pool,
// and country rules (US and Canada allowed, every other country filtered) as a protect
// configuration on a configuration set the library creates and the pool names; the alarms include
// the web ACL's blocked requests. Deploying it needs a phone number of the account: set
// INTEG_SMS_PHONE_NUMBER_ID when you run it against a real account.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('SmsCountryRules', CANONICAL['sms-country-rules'](), {
  mfaConfiguration: 'OPTIONAL',
  totp: true,
  sms: true,
  email: false,
  endUserMessaging: true,
}, pool => { pool.addAlarms(); }).synth();
