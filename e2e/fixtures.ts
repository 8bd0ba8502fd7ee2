import {
  AdminCreateUserCommand,
  AdminSetUserPasswordCommand,
  CognitoIdentityProviderClient,
  InitiateAuthCommand,
  InitiateAuthCommandOutput,
  RespondToAuthChallengeCommand,
  RespondToAuthChallengeCommandOutput,
} from '@aws-sdk/client-cognito-identity-provider';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { provision, Provisioned } from './adapter';
import { clientFor, Emulator } from './harness';
import { DeviceRemembering, MfaUserPool, MfaUserPoolProps } from '../src';

export const PASSWORD = 'Correct-Horse-42!';

/**
 * Starts an emulator before the file's tests and stops it after them; returns an accessor for
 * the SDK client (valid inside tests). Each scenario synthesizes an app (loading aws-cdk-lib
 * takes seconds) and talks to a server, hence the longer timeout.
 */
export function useEmulator(start: () => Promise<Emulator>): () => { emulator: Emulator; cognito: CognitoIdentityProviderClient } {
  jest.setTimeout(30_000);
  let current: { emulator: Emulator; cognito: CognitoIdentityProviderClient } | undefined;
  beforeAll(async () => {
    const emulator = await start();
    current = { emulator, cognito: clientFor(emulator) };
  }, 40_000);
  afterAll(async () => {
    current?.cognito.destroy();
    await current?.emulator.stop();
  });
  return () => {
    if (!current) {
      throw new Error('the emulator has not started');
    }
    return current;
  };
}

/**
 * Synthesizes an MfaUserPool (device remembering OFF: no emulator has device APIs) with an app
 * client that also allows USER_PASSWORD_AUTH (the emulators have no SRP), and provisions the
 * template through the adapter.
 */
export async function poolFrom(cognito: CognitoIdentityProviderClient, props: MfaUserPoolProps): Promise<Provisioned & { clientId: string }> {
  const stack = new Stack(new App(), 'E2E', { env: { account: '123456789012', region: 'us-east-1' } });
  const pool = new MfaUserPool(stack, 'Users', { deviceRemembering: DeviceRemembering.OFF, ...props });
  pool.addAppClient('E2EClient', { authFlows: { userPassword: true, userSrp: true } });
  const provisioned = await provision(cognito, Template.fromStack(stack).toJSON());
  return { ...provisioned, clientId: Object.values(provisioned.clients)[0] };
}

/** An admin-created user with a permanent password and a verified email. */
export async function createUser(cognito: CognitoIdentityProviderClient, userPoolId: string, email: string): Promise<void> {
  await cognito.send(new AdminCreateUserCommand({
    UserPoolId: userPoolId,
    Username: email,
    MessageAction: 'SUPPRESS',
    UserAttributes: [{ Name: 'email', Value: email }, { Name: 'email_verified', Value: 'true' }],
  }));
  await cognito.send(new AdminSetUserPasswordCommand({ UserPoolId: userPoolId, Username: email, Password: PASSWORD, Permanent: true }));
}

/** USER_PASSWORD_AUTH sign-in. */
export function signIn(cognito: CognitoIdentityProviderClient, clientId: string, email: string): Promise<InitiateAuthCommandOutput> {
  return cognito.send(new InitiateAuthCommand({
    ClientId: clientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD },
  }));
}

/** Answers a challenge with one response field. */
export function answer(
  cognito: CognitoIdentityProviderClient,
  clientId: string,
  challenge: { ChallengeName?: string; Session?: string },
  email: string,
  responses: Record<string, string>,
): Promise<RespondToAuthChallengeCommandOutput> {
  return cognito.send(new RespondToAuthChallengeCommand({
    ClientId: clientId,
    ChallengeName: challenge.ChallengeName as any,
    Session: challenge.Session,
    ChallengeResponses: { USERNAME: email, ...responses },
  }));
}
