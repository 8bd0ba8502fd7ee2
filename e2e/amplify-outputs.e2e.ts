import { Amplify } from 'aws-amplify';
import {
  confirmSignIn, fetchMFAPreference, setUpTOTP, signIn, signOut, updateMFAPreference, verifyTOTPSetup,
} from 'aws-amplify/auth';
import { parseAmplifyConfig } from 'aws-amplify/utils';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { authenticator } from 'otplib';
import { provision, resolveOutput } from './adapter';
import { createUser, PASSWORD, useEmulator } from './fixtures';
import { startCognitoLocal } from './harness';
import { DeviceRemembering, MfaEnforcement, MfaUserPool } from '../src';

/**
 * The client configuration the library writes (amplify_outputs.json), resolved as CloudFormation
 * would with the emulator's pool and client IDs, configures Amplify: the reference client's calls
 * then run unchanged. The one addition is the endpoint the emulator needs (`userPoolEndpoint`),
 * which amplify_outputs.json has no field for; and `authFlowType: 'USER_PASSWORD_AUTH'`, since
 * cognito-local does not implement SRP.
 */
const server = useEmulator(startCognitoLocal);

test('Amplify.configure(amplify_outputs.json), then signIn, setUpTOTP, verifyTOTPSetup, updateMFAPreference, fetchMFAPreference, confirmSignIn', async () => {
  const { cognito, emulator } = server();
  const stack = new Stack(new App(), 'E2E', { env: { account: '123456789012', region: 'us-east-1' } });
  const pool = new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OPTIONAL, deviceRemembering: DeviceRemembering.OFF });
  const client = pool.addAppClient('E2EClient', { authFlows: { userPassword: true, userSrp: true } });
  pool.addAmplifyOutputs('AmplifyOutputs', client);
  const template = Template.fromStack(stack).toJSON();
  const provisioned = await provision(cognito, template);
  const outputId = Object.keys(template.Outputs).find(id => id.startsWith('UsersAmplifyOutputs'))!;
  const outputs = JSON.parse(resolveOutput(template, outputId, provisioned));
  expect(outputs.auth).toMatchObject({
    user_pool_id: provisioned.userPoolId, user_pool_client_id: Object.values(provisioned.clients)[0], mfa_configuration: 'OPTIONAL', mfa_methods: ['TOTP'],
  });

  const config = parseAmplifyConfig(outputs);
  // The one change: the emulator's endpoint, which amplify_outputs.json has no field for.
  Amplify.configure({ ...config, Auth: { Cognito: { ...(config.Auth!.Cognito as any), userPoolEndpoint: emulator.endpoint } } });
  expect(Amplify.getConfig().Auth?.Cognito).toMatchObject({
    userPoolId: provisioned.userPoolId, mfa: { status: 'optional', totpEnabled: true, smsEnabled: false }, loginWith: { email: true },
  });

  const email = 'outputs@example.com';
  await createUser(cognito, provisioned.userPoolId, email);
  const first = await signIn({ username: email, password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  expect(first.nextStep.signInStep).toBe('DONE');
  const totp = await setUpTOTP();
  await verifyTOTPSetup({ code: authenticator.generate(totp.sharedSecret) });
  await updateMFAPreference({ totp: 'PREFERRED' });
  expect((await fetchMFAPreference()).preferred).toBe('TOTP');
  await signOut();
  const second = await signIn({ username: email, password: PASSWORD, options: { authFlowType: 'USER_PASSWORD_AUTH' } });
  expect(second.nextStep.signInStep).toBe('CONFIRM_SIGN_IN_WITH_TOTP_CODE');
  const done = await confirmSignIn({ challengeResponse: authenticator.generate(totp.sharedSecret) });
  expect(done).toEqual({ isSignedIn: true, nextStep: { signInStep: 'DONE' } });
});
