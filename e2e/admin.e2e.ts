import {
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminSetUserPasswordCommand,
  AssociateSoftwareTokenCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { authenticator } from 'otplib';
import { provision } from './adapter';
import { clientFor, Emulator, startMoto } from './harness';
import { DeviceRemembering, MfaEnforcement, MfaUserPool } from '../src';

/**
 * The article's admin operations (checkUserMFA with AdminGetUser, resetUserMFA with
 * AdminSetUserMFAPreference), which cognito-local lacks, against moto's server with the same
 * adapter. Moto holes, never relied on: it gives every user the same TOTP secret and accepts any
 * code, so no test here expects a code to be refused (the cognito-local suite does that).
 */
jest.setTimeout(30_000);

const PASSWORD = 'Correct-Horse-42!';
let emulator: Emulator;
let cognito: CognitoIdentityProviderClient;

beforeAll(async () => {
  emulator = await startMoto();
  cognito = clientFor(emulator);
}, 40_000);

afterAll(async () => {
  cognito?.destroy();
  await emulator?.stop();
});

test('an admin reads a user\'s MFA setting and resets it, after which sign-in needs no second factor', async () => {
  const stack = new Stack(new App(), 'E2EAdmin', { env: { account: '123456789012', region: 'us-east-1' } });
  const pool = new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OPTIONAL, deviceRemembering: DeviceRemembering.OFF });
  pool.addAppClient('E2EClient', { authFlows: { userPassword: true, userSrp: true } });
  const { userPoolId, clients } = await provision(cognito, Template.fromStack(stack).toJSON());
  const clientId = Object.values(clients)[0];
  const email = 'admin-reset@example.com';
  const signIn = () => cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD },
  }));

  await cognito.send(new AdminCreateUserCommand({
    UserPoolId: userPoolId, Username: email, MessageAction: 'SUPPRESS', UserAttributes: [{ Name: 'email', Value: email }],
  }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: PASSWORD, Permanent: true }));

  // The user enrols TOTP and prefers it.
  const accessToken = (await signIn()).AuthenticationResult!.AccessToken!;
  const { SecretCode } = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await cognito.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: authenticator.generate(SecretCode!) }));
  await cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));

  // checkUserMFA: the admin sees the preference, and sign-in now asks for TOTP.
  const before = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  expect(before.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
  expect(before.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
  expect((await signIn()).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

  // resetUserMFA: exactly the article's call.
  await cognito.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: userPoolId,
    Username: email,
    SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    SMSMfaSettings: { Enabled: false, PreferredMfa: false },
  }));
  const after = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  expect(after.PreferredMfaSetting ?? '').toBe('');
  expect(after.UserMFASettingList ?? []).toEqual([]);
  const reset = await signIn();
  expect(reset.ChallengeName).toBeUndefined();
  expect(reset.AuthenticationResult?.AccessToken).toBeDefined();
});
