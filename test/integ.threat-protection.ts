// Threat protection ENFORCED (and AUDIT for custom auth) on the PLUS plan.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('ThreatProtection', CANONICAL['threat-protection'](), { mfaConfiguration: 'ON', totp: true, sms: false, email: false }).synth();
