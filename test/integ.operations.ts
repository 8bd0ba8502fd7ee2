// Operations on the reference setup: threat protection ENFORCED, message delivery errors and user
// authentication events delivered to CloudWatch Logs, the day-one alarms on a topic this library
// creates, and the dashboard. Deploying it sends no SMS; the spend alarm uses a 10 USD limit.
import { ThreatProtection } from '../src';
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('Operations', {
  ...CANONICAL['reference-setup'](),
  threatProtection: ThreatProtection.ENFORCED,
  logDelivery: { userAuthEvents: true },
}, {
  mfaConfiguration: 'OPTIONAL',
  totp: true,
  sms: true,
  email: false,
  logDelivery: [{ EventSource: 'userNotification', LogLevel: 'ERROR' }, { EventSource: 'userAuthEvents', LogLevel: 'INFO' }],
}, pool => {
  pool.addAlarms({ smsMonthlySpendLimitUsd: 10 });
  pool.addDashboard();
}).synth();
