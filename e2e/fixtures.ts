import * as crypto from 'crypto';
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

/**
 * A TOTP code for moto's fixed secret. That secret is not strict base32 (its last character
 * carries non-zero padding bits): moto decodes it with Python's lenient base64.b32decode, which
 * drops the leftover bits, and strict decoders (otplib's among them) read it differently. So the
 * secret is decoded here the lenient way and the code computed from the raw key (RFC 6238: HMAC
 * SHA-1, 30-second steps, 6 digits, as Cognito documents).
 */
export function motoTotpCode(secret: string, at: number = Date.now()): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of secret.toUpperCase().replace(/=+$/, '')) {
    const value = alphabet.indexOf(char);
    if (value < 0) {
      throw new Error(`not base32: ${char}`);
    }
    bits += value.toString(2).padStart(5, '0');
  }
  const key = Buffer.from((bits.match(/.{8}/g) ?? []).map(byte => parseInt(byte, 2)));
  const counter = Buffer.alloc(8);
  counter.writeBigUInt64BE(BigInt(Math.floor(at / 1000 / 30)));
  const mac = crypto.createHmac('sha1', key).update(counter).digest();
  // Dynamic truncation: the low 4 bits of the last byte pick the offset; the top bit is dropped.
  const offset = mac[mac.length - 1] % 16;
  return String((mac.readUInt32BE(offset) % 2 ** 31) % 1_000_000).padStart(6, '0');
}
