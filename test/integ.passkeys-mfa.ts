// Passkeys that count as MFA, next to TOTP, with MFA REQUIRED: Cognito must report the WebAuthn
// factor configuration MULTI_FACTOR_WITH_USER_VERIFICATION and the passkey first factor.
import { CANONICAL } from './canonical';
import { mfaScenario } from './integ-util';

mfaScenario('PasskeysMfa', CANONICAL['passkeys-mfa'](), {
  mfaConfiguration: 'ON',
  totp: true,
  sms: false,
  email: false,
  webAuthn: { relyingPartyId: 'auth.example.com', userVerification: 'required', factorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION' },
}).synth();
