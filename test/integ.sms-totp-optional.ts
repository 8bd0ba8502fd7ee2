// SMS and TOTP, OPTIONAL, with a role this library creates.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('SmsTotpOptional', CANONICAL['sms-and-totp'](), { mfaConfiguration: 'OPTIONAL', totp: true, sms: true, email: false }).synth();
