// TOTP only, REQUIRED: the construct's default.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('TotpRequired', CANONICAL['totp-only'](), { mfaConfiguration: 'ON', totp: true, sms: false, email: false }).synth();
