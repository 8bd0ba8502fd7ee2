/**
 * What the two endpoints of self-service recovery do, step by step, over ports that the handlers
 * fill with AWS calls and the tests with fakes. Every branch that decides something lives here or
 * in decisions.ts, so that the attacker's cases are tested without AWS (test/recovery/).
 *
 * Nothing here logs a username, a password, a code or a token: the log lines name the user by the
 * pool's `sub` only, and only once the user is known.
 */
import { decideAttempt, GENERIC_REFUSAL, newCodes, newRecord, RecoveryRecord } from './decisions';

/** The factor recovery codes back up: the authenticator app (TOTP), the one a lost device takes with it. */
export const TOTP_FACTOR = 'SOFTWARE_TOKEN_MFA';

/** Longest accepted inputs: longer values are refused before any work. */
export const LIMITS = { username: 128, password: 256, code: 64 } as const;

/** What the pool says of a user. */
export interface UserView {
  /** The user's username in the pool (not an alias). */
  readonly username: string;
  readonly sub: string;
  /** The email address, when the user has a verified one. */
  readonly verifiedEmail?: string;
  /** The MFA factors the user has set up (`UserMFASettingList`). */
  readonly factors: readonly string[];
  /** False for a disabled user. */
  readonly enabled: boolean;
}

/** Where a request came from, for the pool's adaptive authentication and the log. */
export interface RequestOrigin {
  readonly sourceIp: string;
  readonly host: string;
  readonly path: string;
  readonly userAgent: string;
}

/** What a recovery was told to the user about. */
export type Notice = 'codes-issued' | 'recovered';

/** The I/O the flows need. */
export interface RecoveryPorts {
  /** The user of an access token, checked by Cognito (signature, expiry, revocation); undefined when Cognito refuses it. */
  userOfToken(accessToken: string): Promise<UserView | undefined>;
  /** The user of a username or alias; undefined when there is none. */
  userNamed(name: string): Promise<UserView | undefined>;
  /** Whether Cognito accepts the password (its own lockout and adaptive authentication apply). */
  passwordAccepted(username: string, password: string, origin: RequestOrigin): Promise<boolean>;
  read(sub: string): Promise<RecoveryRecord | undefined>;
  /** Writes the record if the stored version is still `expected` (undefined: no record yet); false when another write came first. */
  write(sub: string, record: RecoveryRecord, expected: number | undefined): Promise<boolean>;
  /** Deletes the user's authenticator app registration (AdminDeleteSoftwareToken). */
  removeAuthenticator(username: string): Promise<void>;
  /** Forgets every remembered device of the user; returns how many. */
  forgetDevices(username: string): Promise<number>;
  /** Revokes the user's refresh tokens (AdminUserGlobalSignOut); managed login's session cookie stays until it expires. */
  signOutEverywhere(username: string): Promise<void>;
  notify(email: string, notice: Notice, origin: RequestOrigin, remaining: number): Promise<void>;
  /** Epoch seconds. */
  now(): number;
  log(event: string, fields: Record<string, string | number | boolean>): void;
}

/** What the handlers are configured with. */
export interface FlowConfig {
  /**
   * The pool's token issuers: the original (`https://cognito-idp.<region>.amazonaws.com/<pool id>`)
   * and the updated (`https://issuer-cognito-idp.<region>.amazonaws.com/<pool id>`), both of this pool.
   */
  readonly issuers: readonly string[];
  /** How recent the sign-in behind an access token must be to get codes, in seconds. */
  readonly freshSeconds: number;
}

/** An HTTP answer. */
export interface Answer {
  readonly status: number;
  readonly body: Readonly<Record<string, unknown>>;
}

const refused = (): Answer => ({ status: 401, body: { message: GENERIC_REFUSAL } });

/** The claims of a JWT's payload, read without checking the signature (Cognito checked the token first). */
export function claimsOf(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) {
    return undefined;
  }
  try {
    const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf-8'));
    return claims !== null && typeof claims === 'object' && !Array.isArray(claims) ? claims : undefined;
  } catch {
    return undefined;
  }
}

/** The bearer token of an Authorization header. */
export function bearerOf(header: string | undefined): string | undefined {
  const match = /^Bearer ([A-Za-z0-9_.-]{20,8192})$/.exec(header ?? '');
  return match?.[1];
}

/**
 * POST /codes: a new set of recovery codes for the user of a fresh access token, shown once. The
 * token must be Cognito's (GetUser accepts it: not expired, not revoked), an access token of this
 * pool, from a sign-in no older than `freshSeconds`; the user must have an authenticator app (what
 * the codes replace) and a verified email address (where every recovery is told).
 */
export async function issueCodes(
  ports: RecoveryPorts, config: FlowConfig, authorization: string | undefined, origin: RequestOrigin,
): Promise<Answer> {
  const token = bearerOf(authorization);
  const user = token === undefined ? undefined : await ports.userOfToken(token);
  const claims = token === undefined ? undefined : claimsOf(token);
  if (token === undefined || user === undefined || claims === undefined || claims.token_use !== 'access' || !config.issuers.includes(String(claims.iss))
    || claims.sub !== user.sub) {
    ports.log('CodesRefused', { reason: 'token' });
    return { status: 401, body: { message: 'Sign in again to get recovery codes.', reason: 'SIGN_IN' } };
  }
  const authTime = typeof claims.auth_time === 'number' ? claims.auth_time : 0;
  if (ports.now() - authTime > config.freshSeconds) {
    ports.log('CodesRefused', { sub: user.sub, reason: 'stale' });
    return { status: 403, body: { message: 'Sign in again, with your second factor, to get recovery codes.', reason: 'STALE_SESSION' } };
  }
  if (!user.factors.includes(TOTP_FACTOR)) {
    ports.log('CodesRefused', { sub: user.sub, reason: 'no-authenticator' });
    return { status: 409, body: { message: 'Recovery codes back up an authenticator app: set one up first.', reason: 'NO_AUTHENTICATOR' } };
  }
  if (user.verifiedEmail === undefined) {
    ports.log('CodesRefused', { sub: user.sub, reason: 'no-email' });
    return { status: 409, body: { message: 'Verify an email address first: every use of a recovery code is told there.', reason: 'NO_VERIFIED_EMAIL' } };
  }
  const previous = await ports.read(user.sub);
  const codes = newCodes();
  if (!await ports.write(user.sub, newRecord(previous, codes), previous?.version)) {
    ports.log('CodesRefused', { sub: user.sub, reason: 'conflict' });
    return { status: 409, body: { message: 'Another request changed your recovery codes: try again.', reason: 'CONFLICT' } };
  }
  ports.log('CodesIssued', { sub: user.sub, replaced: previous !== undefined && previous.codes.length > 0 });
  await notifySafely(ports, user, 'codes-issued', origin, codes.length);
  return { status: 200, body: { codes } };
}

/** The fields of a recovery request, when they have the right shape. */
export function recoveryInput(body: unknown): { username: string; password: string; code: string } | undefined {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return undefined;
  }
  const { username, password, code } = body as Record<string, unknown>;
  const fits = (value: unknown, max: number): value is string => typeof value === 'string' && value.length > 0 && value.length <= max;
  return fits(username, LIMITS.username) && fits(password, LIMITS.password) && fits(code, LIMITS.code) ? { username, password, code } : undefined;
}

/**
 * POST /recover: the password and one recovery code of a user who lost the authenticator. Every
 * refusal gets the same answer (unknown user, disabled, no codes, locked, wrong password, wrong or
 * used code, lost race). Cognito checks the password only while the user's recovery is not
 * locked, and counts a wrong code only with the right password. On success the code leaves the
 * set (one conditional write: single use under races), the user is told by email, then the
 * authenticator app is deleted, every session ended and every remembered device forgotten.
 */
export async function recoverAccount(ports: RecoveryPorts, body: unknown, origin: RequestOrigin): Promise<Answer> {
  const input = recoveryInput(body);
  if (input === undefined) {
    return { status: 400, body: { message: 'Send username, password and code.' } };
  }
  const found = await ports.userNamed(input.username);
  const user = found?.enabled === true && found.verifiedEmail !== undefined ? found : undefined;
  const record = user === undefined ? undefined : await ports.read(user.sub);
  const now = ports.now();
  const open = user !== undefined && record !== undefined && record.codes.length > 0 && record.lockedUntil <= now;
  const passwordOk = open && await ports.passwordAccepted(user.username, input.password, origin);
  const decision = decideAttempt(record !== undefined && record.codes.length > 0 ? record : undefined, passwordOk, input.code, now);
  if (user === undefined || record === undefined) {
    ports.log('RecoveryRefused', { reason: 'unknown' });
    return refused();
  }
  if (decision.record !== undefined && !await ports.write(user.sub, decision.record, record.version)) {
    ports.log('RecoveryRefused', { sub: user.sub, reason: 'race' });
    return refused();
  }
  if (decision.outcome === 'refuse') {
    ports.log('RecoveryRefused', { sub: user.sub, reason: open ? 'wrong' : 'locked', locked: (decision.record?.lockedUntil ?? record.lockedUntil) > now });
    return refused();
  }
  // The code is used up. The user is told first, so that no failure or timeout below can leave a
  // recovery unreported; then every step is tried even if one before it fails.
  const remaining = decision.record.codes.length;
  await notifySafely(ports, user, 'recovered', origin, remaining);
  let devices = 0;
  const failed = await stepsFailing([
    ['authenticator', async () => { if (user.factors.includes(TOTP_FACTOR)) { await ports.removeAuthenticator(user.username); } }],
    ['sessions', () => ports.signOutEverywhere(user.username)],
    ['devices', async () => { devices = await ports.forgetDevices(user.username); }],
  ]);
  if (failed.length > 0) {
    ports.log('RecoveryIncomplete', { sub: user.sub, failed: failed.join(','), remaining });
    return {
      status: 503,
      body: { message: 'Your recovery code was used, but recovery did not finish. Try again with another code, or contact support.', remaining },
    };
  }
  ports.log('Recovered', { sub: user.sub, devices, remaining });
  return {
    status: 200,
    body: { message: 'Recovered. Sign in with your password and set up a new authenticator app, then get a new set of recovery codes.', remaining },
  };
}

/** Runs every step, in order, whatever the ones before did; returns the names of those that threw. */
async function stepsFailing(steps: ReadonlyArray<readonly [string, () => Promise<unknown>]>): Promise<string[]> {
  const failed: string[] = [];
  for (const [name, step] of steps) {
    try {
      await step();
    } catch {
      failed.push(name);
    }
  }
  return failed;
}

/** Tells the user; a failure is logged (the NotificationFailed metric) and does not undo what was done. */
async function notifySafely(ports: RecoveryPorts, user: UserView, notice: Notice, origin: RequestOrigin, remaining: number): Promise<void> {
  try {
    await ports.notify(user.verifiedEmail!, notice, origin, remaining);
  } catch (error) {
    ports.log('NotificationFailed', { sub: user.sub, notice, error: error instanceof Error ? error.name : 'unknown' });
  }
}
