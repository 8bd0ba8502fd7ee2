import {
  AdminGetUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AssociateSoftwareTokenCommand,
  SetUserMFAPreferenceCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { createUser, motoTotpCode, poolFrom, signIn, useEmulator } from './fixtures';
import { startMoto } from './harness';
import { MfaEnforcement } from '../src';

/**
 * The reference setup's admin operations (checkUserMFA with AdminGetUser, resetUserMFA with
 * AdminSetUserMFAPreference), which cognito-local lacks, against moto's server with the same
 * adapter. moto gives every user the same TOTP secret; the harness turns its code check on, so the
 * codes here are real ones for that secret (required.e2e.ts proves a wrong one is refused).
 */
const server = useEmulator(startMoto);

test('an admin reads a user\'s MFA setting and resets it, after which sign-in needs no second factor', async () => {
  const { cognito } = server();
  const email = 'admin-reset@example.com';
  const { userPoolId, clientId } = await poolFrom(cognito, { mfa: MfaEnforcement.OPTIONAL });
  await createUser(cognito, userPoolId, email);
  const signInNow = () => signIn(cognito, clientId, email);

  // The user enrols TOTP and prefers it.
  const accessToken = (await signInNow()).AuthenticationResult!.AccessToken!;
  const { SecretCode } = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: accessToken }));
  await cognito.send(new VerifySoftwareTokenCommand({ AccessToken: accessToken, UserCode: motoTotpCode(SecretCode!) }));
  await cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: accessToken, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));

  // checkUserMFA: the admin sees the preference, and sign-in now asks for TOTP.
  const before = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  expect(before.PreferredMfaSetting).toBe('SOFTWARE_TOKEN_MFA');
  expect(before.UserMFASettingList).toEqual(['SOFTWARE_TOKEN_MFA']);
  expect((await signInNow()).ChallengeName).toBe('SOFTWARE_TOKEN_MFA');

  // resetUserMFA: exactly the reference setup's call.
  await cognito.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: userPoolId,
    Username: email,
    SoftwareTokenMfaSettings: { Enabled: false, PreferredMfa: false },
    SMSMfaSettings: { Enabled: false, PreferredMfa: false },
  }));
  const after = await cognito.send(new AdminGetUserCommand({ UserPoolId: userPoolId, Username: email }));
  expect(after.PreferredMfaSetting ?? '').toBe('');
  expect(after.UserMFASettingList ?? []).toEqual([]);
  const reset = await signInNow();
  expect(reset.ChallengeName).toBeUndefined();
  expect(reset.AuthenticationResult?.AccessToken).toBeDefined();
});
