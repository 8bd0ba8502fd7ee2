import {
  AdminCreateUserCommand,
  AdminSetUserMFAPreferenceCommand,
  AdminUpdateUserAttributesCommand,
  AssociateSoftwareTokenCommand,
  CodeMismatchException,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { answer, createUser, motoTotpCode, PASSWORD, poolFrom, signIn, useEmulator } from './fixtures';
import { startMoto } from './harness';
import { MfaEnforcement, MfaUserPoolProps, SmsMfa } from '../src';

/**
 * The MFA challenges cognito-local lacks, on moto's server: the enrolment challenge (MFA_SETUP)
 * under REQUIRED, and SMS_MFA for a user who prefers SMS. moto checks TOTP codes against one fixed
 * secret for every user (the harness turns that check on); it does not send or check SMS codes.
 */
const server = useEmulator(startMoto);
const TEMPORARY_PASSWORD = 'Temporary-Pass-42!';

/** A user as an admin invites them: a temporary password to change at first sign-in. */
async function invite(cognito: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<void> {
  await cognito.send(new AdminCreateUserCommand({
    UserPoolId: userPoolId,
    Username: email,
    TemporaryPassword: TEMPORARY_PASSWORD,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  }));
}

/** First sign-in: the temporary password, then the permanent one; returns what Cognito asks next. */
async function firstSignIn(props: MfaUserPoolProps, email: string) {
  const { cognito } = server();
  const { userPoolId, clientId } = await poolFrom(cognito, props);
  await invite(cognito, userPoolId, email);
  const initiated = await cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: TEMPORARY_PASSWORD },
  }));
  expect(initiated.ChallengeName).toBe('NEW_PASSWORD_REQUIRED');
  const next = await answer(cognito, clientId, initiated, email, { NEW_PASSWORD: PASSWORD });
  return { cognito, clientId, next };
}

test('REQUIRED with TOTP: a new user must enrol (MFA_SETUP), then every sign-in asks for the code', async () => {
  const email = 'required-totp@example.com';
  const { cognito, clientId, next } = await firstSignIn({ mfa: MfaEnforcement.REQUIRED, totp: true }, email);

  // Enrolment: no tokens until a factor is set up.
  expect(next.ChallengeName).toBe('MFA_SETUP');
  // Real Cognito sends a JSON list; moto sends the Python list's text: read the names from either.
  expect(next.ChallengeParameters!.MFAS_CAN_SETUP.match(/[A-Z_]+/g)).toEqual(['SOFTWARE_TOKEN_MFA']);
  expect(next.AuthenticationResult).toBeUndefined();
  const associated = await cognito.send(new AssociateSoftwareTokenCommand({ Session: next.Session }));
  const secret = associated.SecretCode!;

  // A wrong code is refused (moto's TOTP check is on), the right one verifies the token.
  await expect(cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: '000000' })))
    .rejects.toBeInstanceOf(CodeMismatchException);
  const verified = await cognito.send(new VerifySoftwareTokenCommand({ Session: associated.Session, UserCode: motoTotpCode(secret) }));
  expect(verified.Status).toBe('SUCCESS');
  const enrolled = await answer(cognito, clientId, { ChallengeName: 'MFA_SETUP', Session: verified.Session }, email, {});
  expect(enrolled.AuthenticationResult?.AccessToken).toBeDefined();

  // Every later sign-in asks for the TOTP code: a wrong one is refused, the right one yields tokens.
  const challenged = await signIn(cognito, clientId, email);
  expect(challenged.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  expect(challenged.AuthenticationResult).toBeUndefined();
  await expect(answer(cognito, clientId, challenged, email, { SOFTWARE_TOKEN_MFA_CODE: '000000' }))
    .rejects.toBeInstanceOf(CodeMismatchException);
  const again = await signIn(cognito, clientId, email);
  const tokens = await answer(cognito, clientId, again, email, { SOFTWARE_TOKEN_MFA_CODE: motoTotpCode(secret) });
  expect(tokens.AuthenticationResult?.AccessToken).toBeDefined();
});

test.each([MfaEnforcement.OPTIONAL, MfaEnforcement.OFF])('the same first sign-in with mfa %s asks for no enrolment (the REQUIRED check can fail)', async (mfa) => {
  const { next } = await firstSignIn({ mfa, totp: mfa === MfaEnforcement.OFF ? undefined : true }, `no-setup-${mfa.toLowerCase()}@example.com`);
  expect(next.ChallengeName).toBeUndefined();
  expect(next.AuthenticationResult?.AccessToken).toBeDefined();
});

test('OPTIONAL with TOTP and SMS (the reference setup): a user who prefers SMS gets SMS_MFA and completes it', async () => {
  const { cognito } = server();
  const email = 'prefers-sms@example.com';
  const { userPoolId, clientId } = await poolFrom(cognito, { mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole() });
  await createUser(cognito, userPoolId, email);
  await cognito.send(new AdminUpdateUserAttributesCommand({
    UserPoolId: userPoolId, Username: email, UserAttributes: [{ Name: 'phone_number', Value: '+15555550100' }],
  }));

  // Before the user turns SMS on, OPTIONAL MFA lets them in with the password alone.
  expect((await signIn(cognito, clientId, email)).AuthenticationResult?.AccessToken).toBeDefined();

  await cognito.send(new AdminSetUserMFAPreferenceCommand({
    UserPoolId: userPoolId, Username: email, SMSMfaSettings: { Enabled: true, PreferredMfa: true },
  }));
  const challenged = await signIn(cognito, clientId, email);
  expect(challenged.ChallengeName).toBe('SMS_MFA');
  expect(challenged.AuthenticationResult).toBeUndefined();

  // moto neither sends the SMS nor checks the code's value (real Cognito does both): it only
  // requires a code, so this proves the challenge and its answer, not the code.
  await expect(answer(cognito, clientId, challenged, email, {})).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  const again = await signIn(cognito, clientId, email);
  const tokens = await answer(cognito, clientId, again, email, { SMS_MFA_CODE: '123456' });
  expect(tokens.AuthenticationResult?.AccessToken).toBeDefined();
});
