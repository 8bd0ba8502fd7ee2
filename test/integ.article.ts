// The reference setup (README): optional MFA with TOTP and SMS, device remembering on the user's
// say-so. The scenario keeps its first name, Article, so that its snapshot does not move.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('Article', CANONICAL['reference-setup'](), { mfaConfiguration: 'OPTIONAL', totp: true, sms: true, email: false }).synth();
