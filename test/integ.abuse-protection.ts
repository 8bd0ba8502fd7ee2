// SMS MFA behind a WAF web ACL: the IP reputation list, the callers' countries, Bot Control, a
// circuit breaker over all addresses, limits per network and per address on every request that can
// send a code (API and managed login) and on sign-in, CAPTCHA on managed login's pages, and the log
// of what WAF blocked.
import { Duration } from 'aws-cdk-lib';
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('AbuseProtection', {
  ...CANONICAL['sms-and-totp'](),
  abuseProtection: {
    codeRequestsPerIp: 10,
    evaluationWindow: Duration.minutes(5),
    captcha: true,
    codeRequestsAllIps: 1000,
    codeRequestsPerAsn: 200,
    callerCountries: ['US', 'CA', 'XK'],
    botControl: true,
  },
}, { mfaConfiguration: 'OPTIONAL', totp: true, sms: true, email: false }).synth();
