// SMS MFA behind a WAF web ACL: the IP reputation list, per-IP limits on the operations that send
// codes and on sign-in, CAPTCHA on managed login's pages, and the log of what WAF blocked.
import { Duration } from 'aws-cdk-lib';
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('AbuseProtection', {
  ...CANONICAL['sms-and-totp'](),
  abuseProtection: { codeRequestsPerIp: 10, evaluationWindow: Duration.minutes(5), captcha: true },
}, { mfaConfiguration: 'OPTIONAL', totp: true, sms: true, email: false }).synth();
