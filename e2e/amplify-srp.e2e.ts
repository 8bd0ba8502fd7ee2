import { Amplify } from 'aws-amplify';
import { fetchMFAPreference, setUpTOTP, signIn, updateMFAPreference, verifyTOTPSetup } from 'aws-amplify/auth';
import { createUser, motoTotpCode, PASSWORD, poolFrom, useEmulator } from './fixtures';
import { startMoto } from './harness';
import { MfaEnforcement } from '../src';

/**
 * The reference client's calls with Amplify v6's default sign-in flow, SRP (USER_SRP_AUTH, then
 * PASSWORD_VERIFIER), with no authFlowType option, against moto's server, which implements SRP.
 * What it proves and where it stops: Amplify's client side of the SRP exchange runs unchanged
 * against Cognito's wire protocol. moto does not check the SRP password claim (a wrong password
 * signs in too), so the password check is not proven here. Once the user prefers TOTP, moto
 * answers the next SRP sign-in with an HTTP 500 that Amplify retries until the test times out, so
 * the MFA sign-in runs with USER_PASSWORD_AUTH instead (amplify.e2e.ts on cognito-local,
 * required.e2e.ts on moto).
 */
const server = useEmulator(startMoto);

test('SRP sign-in (Amplify\'s default), then setUpTOTP, verifyTOTPSetup, updateMFAPreference, fetchMFAPreference', async () => {
  const { cognito, emulator } = server();
  const email = 'amplify-srp@example.com';
  const { userPoolId, clientId } = await poolFrom(cognito, { mfa: MfaEnforcement.OPTIONAL });
  await createUser(cognito, userPoolId, email);
  Amplify.configure({ Auth: { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: emulator.endpoint } } });

  // The SRP exchange completes: no authFlowType, exactly as the reference client calls it.
  const first = await signIn({ username: email, password: PASSWORD });
  expect(first).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });

  // Enrolment on the SRP session, with a real code for moto's secret (a wrong one is refused).
  const totpSetupDetails = await setUpTOTP();
  await expect(verifyTOTPSetup({ code: '000000' })).rejects.toThrow();
  await verifyTOTPSetup({ code: motoTotpCode(totpSetupDetails.sharedSecret) });
  await updateMFAPreference({ totp: 'PREFERRED' });
  const preference = await fetchMFAPreference();
  expect(preference.preferred).toBe('TOTP');
  expect(preference.enabled).toEqual(['TOTP']);
});
