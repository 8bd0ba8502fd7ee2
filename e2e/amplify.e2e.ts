import { Amplify } from 'aws-amplify';
import {
  confirmSignIn, fetchMFAPreference, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup,
} from 'aws-amplify/auth';
import { authenticator } from 'otplib';
import { createUser, PASSWORD, poolFrom, useEmulator } from './fixtures';
import { startCognitoLocal } from './harness';
import { MfaEnforcement } from '../src';

/**
 * The reference setup's own client calls (README), unchanged, with the Amplify JavaScript client (aws-amplify v6):
 * Amplify accepts a custom user pool endpoint (`userPoolEndpoint`), so it can talk to the
 * cognito-local this harness started. The one option the reference client does not use is
 * `authFlowType: 'USER_PASSWORD_AUTH'`: cognito-local does not implement SRP, Amplify's default.
 */
const server = useEmulator(startCognitoLocal);

test('signIn, setUpTOTP, verifyTOTPSetup, updateMFAPreference, fetchMFAPreference, confirmSignIn', async () => {
  const { cognito, emulator } = server();
  const email = 'amplify@example.com';
  const password = PASSWORD;
  const { userPoolId, clientId } = await poolFrom(cognito, { mfa: MfaEnforcement.OPTIONAL });
  await createUser(cognito, userPoolId, email);

  Amplify.configure({
    Auth: { Cognito: { userPoolId, userPoolClientId: clientId, userPoolEndpoint: emulator.endpoint } },
  });

  // Sign in before enrolment: done, no MFA step.
  const first = await signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  expect(first.nextStep.signInStep).toBe('DONE');

  // The reference client's initiateTOTPSetup and verifyTOTP.
  const totpSetupDetails = await setUpTOTP();
  const setupUri = totpSetupDetails.getSetupUri('MyApp', email);
  expect(setupUri.toString()).toMatch(/^otpauth:\/\/totp\/MyApp:.*secret=[A-Z2-7]+.*issuer=MyApp/);
  await verifyTOTPSetup({ code: authenticator.generate(totpSetupDetails.sharedSecret) });
  await updateMFAPreference({ totp: 'PREFERRED' });

  // The reference client's getMFAPreference.
  const preference = await fetchMFAPreference();
  expect(preference.preferred).toBe('TOTP');
  expect(preference.enabled).toEqual(['TOTP']);

  // The reference client's signInWithMFA and confirmMFACode.
  await signOut();
  const second = await signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  expect(second.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  const wrong = String((Number(authenticator.generate(totpSetupDetails.sharedSecret)) + 1) % 1_000_000).padStart(6, '0');
  await expect(confirmSignIn({ challengeResponse: wrong })).rejects.toThrow();
  const signedIn = await signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } })
    .then(() => confirmSignIn({ challengeResponse: authenticator.generate(totpSetupDetails.sharedSecret) }));
  expect(signedIn.isSignedIn).toBe(true);
  expect(signedIn.nextStep.signInStep).toBe('DONE');
});
