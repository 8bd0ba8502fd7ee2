// The article's setup: optional MFA with TOTP and SMS, device remembering on the user's say-so.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('Article', CANONICAL.article(), { mfaConfiguration: 'OPTIONAL', totp: true, sms: true, email: false }).synth();
