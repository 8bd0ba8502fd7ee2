import {
  AdminGetUserCommand, AssociateSoftwareTokenCommand, GetUserCommand, NotAuthorizedException, SetUserMFAPreferenceCommand, VerifySoftwareTokenCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { UserPoolEmail } from 'aws-cdk-lib/aws-cognito';
import { provision } from './adapter';
import { answer, createUser, motoTotpCode, signIn, useEmulator } from './fixtures';
import { startMoto } from './harness';
import { RecoveryHandlers, startRecoveryHandlers } from './recovery-harness';
import { DeviceRemembering, MfaRecovery, MfaUserPool } from '../src';

/**
 * Self-service recovery codes end to end: the template's pool, clients and table provisioned in
 * moto's server, the handlers' bundles (assets/recovery/*) run with the environment the template
 * gives them, their AWS calls sent to moto (Cognito, DynamoDB, SES v2). moto 5.2.5 lacks three
 * Cognito operations the recover handler calls: AdminDeleteSoftwareToken, AdminListDevices and
 * AdminForgetDevice. A stand-in in front of moto answers those as the API reference documents and
 * records them: this proves the handler sends them, signed, for the right pool and user, after the
 * code is consumed; what Cognito then does (the next sign-in asks for MFA_SETUP) is the API
 * reference's word, not measured here.
 */
const server = useEmulator(startMoto);
jest.setTimeout(60_000);

const ACCOUNT = '123456789012';
const SES = UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1', sesVerifiedDomain: 'example.com' });
const DEVICES = ['us-east-1_device-a', 'us-east-1_device-b'];

interface World extends RecoveryHandlers {
  readonly userPoolId: string;
  readonly webClientId: string;
}

let world: World;

/** The synthesized app, provisioned in moto; the handlers loaded with their template environment. */
beforeAll(async () => {
  const { emulator, cognito: client } = server();
  const stack = new Stack(new App(), 'E2E', { env: { account: ACCOUNT, region: 'us-east-1' } });
  const pool = new MfaUserPool(stack, 'Users', { deviceRemembering: DeviceRemembering.OFF, userPoolProps: { email: SES } });
  pool.addAppClient('Web', { authFlows: { userPassword: true, userSrp: true } });
  new MfaRecovery(stack, 'Recovery', { pool, appName: 'Example' });
  const template = Template.fromStack(stack).toJSON();
  const provisioned = await provision(client, template);
  const handlers = await startRecoveryHandlers(emulator.endpoint, template, provisioned, DEVICES);
  world = Object.assign(handlers, {
    userPoolId: provisioned.userPoolId,
    webClientId: Object.entries(provisioned.clients).find(([id]) => !id.startsWith('Recovery'))![1],
  });
}, 60_000);

afterAll(async () => {
  await world?.stop();
});

/** Sent email, as moto keeps it. */
async function mails(): Promise<Array<{ subject: string; body: string; destinations: { ToAddresses: string[] } }>> {
  const data = await (await fetch(`${server().emulator.endpoint}/moto-api/data.json`)).json() as any;
  return data.ses?.Message ?? [];
}

/**
 * A user who set up an authenticator app and then signed in with it: the access token of that
 * fresh MFA session, and the secret. (moto hands a user created with a permanent password tokens
 * at once, without MFA_SETUP: the app is set up with that first token, as a signed-in user would.)
 */
async function enrolled(email: string): Promise<{ accessToken: string; idToken: string; secret: string }> {
  const { cognito } = server();
  await createUser(cognito, world.userPoolId, email);
  const first = (await signIn(cognito, world.webClientId, email)).AuthenticationResult!.AccessToken!;
  const { SecretCode } = await cognito.send(new AssociateSoftwareTokenCommand({ AccessToken: first }));
  await cognito.send(new VerifySoftwareTokenCommand({ AccessToken: first, UserCode: motoTotpCode(SecretCode!) }));
  await cognito.send(new SetUserMFAPreferenceCommand({ AccessToken: first, SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true } }));
  const challenged = await signIn(cognito, world.webClientId, email);
  expect(challenged.ChallengeName).toBe('SOFTWARE_TOKEN_MFA');
  const tokens = await answer(cognito, world.webClientId, challenged, email, { SOFTWARE_TOKEN_MFA_CODE: motoTotpCode(SecretCode!) });
  return { accessToken: tokens.AuthenticationResult!.AccessToken!, idToken: tokens.AuthenticationResult!.IdToken!, secret: SecretCode! };
}

const recoverEvent = (body: object) => ({
  body: JSON.stringify(body),
  path: '/v1/recover',
  headers: { 'User-Agent': 'e2e' },
  requestContext: { identity: { sourceIp: '203.0.113.7', userAgent: 'e2e' }, domainName: 'api.example.com' },
});

test('a user gets codes in a fresh session, loses the authenticator, and recovers with the password and one code', async () => {
  const { cognito } = server();
  const email = 'lost-phone@example.com';
  const { accessToken, secret } = await enrolled(email);
  // Email is the sign-in alias; the pool's own username (here, as in Cognito, a UUID) is what the admin calls name.
  const { Username: username, UserAttributes } = await cognito.send(new AdminGetUserCommand({ UserPoolId: world.userPoolId, Username: email }));
  const sub = UserAttributes!.find(a => a.Name === 'sub')!.Value!;
  const again = await signIn(cognito, world.webClientId, username!);
  const byUsername = (await answer(cognito, world.webClientId, again, username!, { SOFTWARE_TOKEN_MFA_CODE: motoTotpCode(secret) }))
    .AuthenticationResult!.AccessToken!;
  expect((await cognito.send(new GetUserCommand({ AccessToken: byUsername }))).Username).toBe(username);

  // POST /codes with the fresh access token: ten codes, shown once; the table holds only hashes; the user is told.
  const issued = await world.codes({ headers: { Authorization: `Bearer ${accessToken}` }, requestContext: { identity: { sourceIp: '203.0.113.7' } } });
  expect(issued.statusCode).toBe(200);
  const codes: string[] = JSON.parse(issued.body).codes;
  expect(codes).toHaveLength(10);
  const stored = await world.dynamodb.send(new GetItemCommand({ TableName: world.tableName, Key: { sub: { S: sub } }, ConsistentRead: true }));
  expect(JSON.parse(stored.Item!.codes.S!)).toHaveLength(10);
  for (const code of codes) {
    expect(JSON.stringify(stored.Item)).not.toContain(code.replace(/-/g, ''));
  }
  expect((await mails()).map(m => m.subject)).toContain('New recovery codes for Example');

  // A wrong code: the generic refusal, no sooner than the 2-second floor, the failure counted.
  const started = Date.now();
  const wrong = await world.recover(recoverEvent({ username: email, password: 'Correct-Horse-42!', code: 'AAAA-AAAA-AAAA-AAAA' }));
  expect(Date.now() - started).toBeGreaterThanOrEqual(2_000);
  expect(wrong.statusCode).toBe(401);
  const unknown = await world.recover(recoverEvent({ username: 'nobody@example.com', password: 'Correct-Horse-42!', code: codes[0] }));
  expect(unknown).toEqual(wrong);
  expect((await world.dynamodb.send(new GetItemCommand({ TableName: world.tableName, Key: { sub: { S: sub } }, ConsistentRead: true }))).Item!.failures.N).toBe('1');

  // The password (checked by Cognito through the recovery client) and one code.
  const recovered = await world.recover(recoverEvent({ username: email, password: 'Correct-Horse-42!', code: codes[4] }));
  expect(recovered.statusCode).toBe(200);
  expect(JSON.parse(recovered.body).remaining).toBe(9);
  // The calls moto lacks, sent signed for this pool and user: the authenticator deleted, the
  // devices forgotten (in parallel).
  const pool = { UserPoolId: world.userPoolId, Username: username };
  const answered = (operation: string) => world.standIn.answered.filter(a => a.operation === operation).map(a => a.body);
  expect(world.standIn.answered.every(a => a.signed)).toBe(true);
  expect(answered('AdminDeleteSoftwareToken')).toEqual([pool]);
  expect(answered('AdminListDevices')).toEqual([{ ...pool, Limit: 60 }]);
  expect(answered('AdminForgetDevice').map(b => b.DeviceKey).sort()).toEqual(DEVICES);
  expect(answered('AdminForgetDevice').every(b => b.UserPoolId === world.userPoolId && b.Username === username)).toBe(true);
  // The whole conversation with Cognito, in order; the sign-out reached moto, which ended the session
  // signed in under the pool's username (moto keys sessions by the name given at sign-in, so the
  // one signed in with the email alias outlives it there; Cognito signs out the user).
  expect(world.standIn.operations.slice(-7)).toEqual(['AdminGetUser', 'AdminInitiateAuth', 'AdminDeleteSoftwareToken', 'AdminUserGlobalSignOut',
    'AdminListDevices', 'AdminForgetDevice', 'AdminForgetDevice']);
  await expect(cognito.send(new GetUserCommand({ AccessToken: byUsername }))).rejects.toBeInstanceOf(NotAuthorizedException);
  const told = (await mails()).filter(m => m.destinations.ToAddresses.includes(email)).map(m => m.subject);
  expect(told).toEqual(['New recovery codes for Example', 'Example: your account was recovered with a recovery code']);

  // The code is used up: a replay gets the generic refusal, and the stand-in hears nothing more.
  const replay = await world.recover(recoverEvent({ username: email, password: 'Correct-Horse-42!', code: codes[4] }));
  expect(replay).toEqual(wrong);
  expect(world.standIn.answered).toHaveLength(4);
});

test('POST /codes turns away an ID token and a stranger\'s request; a wrong password with a right code is the generic refusal', async () => {
  const email = 'strict@example.com';
  const { accessToken, idToken } = await enrolled(email);
  expect((await world.codes({ headers: { Authorization: `Bearer ${idToken}` } })).statusCode).toBe(401);
  expect((await world.codes({ headers: {} })).statusCode).toBe(401);
  const issued = JSON.parse((await world.codes({ headers: { Authorization: `Bearer ${accessToken}` } })).body).codes;
  const before = world.standIn.answered.length;
  const wrongPassword = await world.recover(recoverEvent({ username: email, password: 'Not-The-Password-1!', code: issued[0] }));
  expect(wrongPassword.statusCode).toBe(401);
  expect(world.standIn.answered).toHaveLength(before);
});
