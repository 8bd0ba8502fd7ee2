import { AdminCreateUserCommand, AdminSetUserPasswordCommand, CognitoIdentityProviderClient } from '@aws-sdk/client-cognito-identity-provider';
import { Amplify } from 'aws-amplify';
import {
  confirmSignIn, fetchMFAPreference, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup,
} from 'aws-amplify/auth';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { authenticator } from 'otplib';
import { provision } from './adapter';
import { clientFor, Emulator, startCognitoLocal } from './harness';
import { DeviceRemembering, MfaEnforcement, MfaUserPool } from '../src';

/**
 * The article's own client calls, unchanged, with the Amplify JavaScript client (aws-amplify v6):
 * Amplify accepts a custom user pool endpoint (`userPoolEndpoint`), so it can talk to the
 * cognito-local this harness started. The one option the article does not show is
 * `authFlowType: 'USER_PASSWORD_AUTH'`: cognito-local does not implement SRP, Amplify's default.
 */
jest.setTimeout(30_000);

let emulator: Emulator;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  emulator = await startCognitoLocal();
  cognito = clientFor(emulator);
}, 40_000);

afterAll(async () => {
  cognito?.destroy();
  await emulator?.stop();
});

test('signIn, setUpTOTP, verifyTOTPSetup, updateMFAPreference, fetchMFAPreference, confirmSignIn', async () => {
  const stack = new Stack(new App(), 'E2EAmplify', { env: { account: '123456789012', region: 'us-east-1' } });
  const pool = new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OPTIONAL, deviceRemembering: DeviceRemembering.OFF });
  pool.addAppClient('WebClient', { authFlows: { userPassword: true, userSrp: true } });
  const { userPoolId, clients } = await provision(cognito, Template.fromStack(stack).toJSON());
  const email = 'amplify@example.com';
  const password = 'Correct-Horse-42!';
  await cognito.send(new AdminCreateUserCommand({
    UserPoolId: userPoolId, Username: email, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }],
  }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: password, Permanent: true }));

  Amplify.configure({
    Auth: { Cognito: { userPoolId, userPoolClientId: Object.values(clients)[0], userPoolEndpoint: emulator.endpoint } },
  });

  // Sign in before enrolment: done, no MFA step.
  const first = await signIn({ username: email, password, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  expect(first.nextStep.signInStep).toBe('DONE');

  // The article's initiateTOTPSetup and verifyTOTP.
  const totpSetupDetails = await setUpTOTP();
  const setupUri = totpSetupDetails.getSetupUri('MyApp', email);
  expect(setupUri.toString()).toMatch(/^otpauth:\/\/totp\/MyApp:.*secret=[A-Z2-7]+.*issuer=MyApp/);
  await verifyTOTPSetup({ code: authenticator.generate(totpSetupDetails.sharedSecret) });
  await updateMFAPreference({ totp: 'PREFERRED' });

  // The article's getMFAPreference.
  const preference = await fetchMFAPreference();
  expect(preference.preferred).toBe('TOTP');
  expect(preference.enabled).toEqual(['TOTP']);

  // The article's signInWithMFA and confirmMFACode.
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
