import { GENERIC_REFUSAL, LOCKOUT_SECONDS, MAX_FAILURES, RecoveryRecord } from '../../src/recovery/decisions';
import {
  bearerOf, claimsOf, FlowConfig, issueCodes, LIMITS, Notice, recoverAccount, RecoveryPorts, RequestOrigin, TOTP_FACTOR, UserView,
} from '../../src/recovery/flows';

// Real scrypt: a recovery hashes a whole set.
jest.setTimeout(60_000);

const ISSUER = 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool';
const CONFIG: FlowConfig = { issuers: [ISSUER, 'https://issuer-cognito-idp.us-east-1.amazonaws.com/us-east-1_Pool'], freshSeconds: 600 };
const ORIGIN: RequestOrigin = { sourceIp: '203.0.113.9', host: 'api.example.com', path: '/v1/recover', userAgent: 'jest' };
const PASSWORD = 'correct horse battery staple';
const T0 = 1_800_000_000;

/** A JWT with these claims (the signature is Cognito's business: GetUser checked the token). */
function token(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', kid: 'k' })}.${part(claims)}.${'s'.repeat(40)}`;
}

interface Call { readonly op: string; readonly args: readonly unknown[] }

/** An in-memory pool and table, with the calls made and the log lines written. */
class World implements RecoveryPorts {
  public clock = T0;
  public readonly calls: Call[] = [];
  public readonly logs: Array<{ event: string; fields: Record<string, string | number | boolean> }> = [];
  public readonly records = new Map<string, RecoveryRecord>();
  public readonly users = new Map<string, UserView & { password: string; devices: number }>();
  public readonly tokens = new Map<string, string>();
  public notifyFails = false;
  /** Called between a read and the write that follows it: a racing request runs here. */
  public beforeWrite?: () => Promise<void>;

  constructor() {
    this.addUser('alice', { email: 'alice@example.com' });
  }

  public addUser(username: string, over: { email?: string; factors?: string[]; enabled?: boolean } = {}): UserView {
    const user = {
      username,
      sub: `sub-${username}`,
      verifiedEmail: 'email' in over ? over.email : `${username}@example.com`,
      factors: over.factors ?? [TOTP_FACTOR],
      enabled: over.enabled ?? true,
      password: PASSWORD,
      devices: 2,
    };
    this.users.set(username, user);
    return user;
  }

  /** An access token of the user, signed in `age` seconds ago. */
  public accessToken(username: string, age = 60, over: Record<string, unknown> = {}): string {
    const jwt = token({ sub: `sub-${username}`, iss: ISSUER, token_use: 'access', auth_time: this.clock - age, ...over });
    this.tokens.set(jwt, username);
    return `Bearer ${jwt}`;
  }

  public async userOfToken(accessToken: string) { this.calls.push({ op: 'userOfToken', args: [] }); return this.users.get(this.tokens.get(accessToken) ?? ''); }
  public async userNamed(name: string) { this.calls.push({ op: 'userNamed', args: [name] }); return this.users.get(name); }
  public async passwordAccepted(username: string, password: string) {
    this.calls.push({ op: 'passwordAccepted', args: [username] });
    return this.users.get(username)?.password === password;
  }
  public async read(sub: string) { this.calls.push({ op: 'read', args: [sub] }); return this.records.get(sub); }
  public async write(sub: string, record: RecoveryRecord, expected: number | undefined) {
    await this.beforeWrite?.();
    this.calls.push({ op: 'write', args: [sub] });
    if (this.records.get(sub)?.version !== expected) {
      return false;
    }
    this.records.set(sub, record);
    return true;
  }
  public async removeAuthenticator(username: string) {
    this.calls.push({ op: 'removeAuthenticator', args: [username] });
    const user = this.users.get(username)!;
    this.users.set(username, { ...user, factors: user.factors.filter(f => f !== TOTP_FACTOR) });
  }
  public async forgetDevices(username: string) {
    this.calls.push({ op: 'forgetDevices', args: [username] });
    const user = this.users.get(username)!;
    const devices = user.devices;
    this.users.set(username, { ...user, devices: 0 });
    return devices;
  }
  public async signOutEverywhere(username: string) { this.calls.push({ op: 'signOutEverywhere', args: [username] }); }
  public async notify(email: string, notice: Notice) {
    this.calls.push({ op: 'notify', args: [email, notice] });
    if (this.notifyFails) {
      throw Object.assign(new Error('no'), { name: 'MessageRejected' });
    }
  }
  public now() { return this.clock; }
  public log(event: string, fields: Record<string, string | number | boolean>) { this.logs.push({ event, fields }); }

  public ops(): string[] { return this.calls.map(c => c.op); }
  public clearCalls(): void { this.calls.length = 0; }
}

/** A world where alice holds a set of codes. */
async function withCodes(world = new World()): Promise<{ world: World; codes: string[] }> {
  const answer = await issueCodes(world, CONFIG, world.accessToken('alice'), ORIGIN);
  expect(answer.status).toBe(200);
  world.clearCalls();
  return { world, codes: answer.body.codes as string[] };
}

const attempt = (world: World, code: string, over: Record<string, unknown> = {}) =>
  recoverAccount(world, { username: 'alice', password: PASSWORD, code, ...over }, ORIGIN);

describe('POST /codes: who gets a set', () => {
  // [case, the Authorization header (from a world), status, reason]
  const cases: Array<[string, (w: World) => string | undefined, number, string]> = [
    ['no Authorization header', () => undefined, 401, 'SIGN_IN'],
    ['not a bearer token', () => 'Basic YWxpY2U6cGFzcw==', 401, 'SIGN_IN'],
    ['a token Cognito does not accept (expired, revoked, forged)', () => `Bearer ${token({ sub: 'sub-alice', iss: ISSUER, token_use: 'access', auth_time: T0 })}`, 401, 'SIGN_IN'],
    ['an ID token', w => w.accessToken('alice', 60, { token_use: 'id' }), 401, 'SIGN_IN'],
    ['an access token of another pool', w => w.accessToken('alice', 60, { iss: 'https://cognito-idp.us-east-1.amazonaws.com/us-east-1_Other' }), 401, 'SIGN_IN'],
    ['claims naming another user than Cognito does', w => w.accessToken('alice', 60, { sub: 'sub-mallory' }), 401, 'SIGN_IN'],
    ['a payload that is not JSON', w => { const t = w.accessToken('alice').split('.'); const bad = `${t[0]}.bm90IGpzb24.${t[2]}`; w.tokens.set(bad.slice(7), 'alice'); return bad; }, 401, 'SIGN_IN'],
    ['a sign-in older than freshSession', w => w.accessToken('alice', 601), 403, 'STALE_SESSION'],
    ['a token without auth_time', w => w.accessToken('alice', 0, { auth_time: undefined }), 403, 'STALE_SESSION'],
    ['a user without an authenticator app', w => { w.addUser('bob', { factors: ['SMS_MFA'] }); return w.accessToken('bob'); }, 409, 'NO_AUTHENTICATOR'],
    ['a user without a verified email', w => { w.addUser('carol', { email: undefined }); return w.accessToken('carol'); }, 409, 'NO_VERIFIED_EMAIL'],
  ];
  test.each(cases)('refused: %s', async (_name, header, status, reason) => {
    const world = new World();
    const answer = await issueCodes(world, CONFIG, header(world), ORIGIN);
    expect(answer).toEqual({ status, body: { message: expect.any(String), reason } });
    expect(world.ops()).not.toContain('write');
    expect(world.records.size).toBe(0);
  });

  test('a fresh access token of this pool (either issuer) gets ten codes once; only their salted hashes are stored; the user is told', async () => {
    for (const iss of CONFIG.issuers) {
      const world = new World();
      const answer = await issueCodes(world, CONFIG, world.accessToken('alice', 600, { iss }), ORIGIN);
      expect(answer.status).toBe(200);
      const codes = answer.body.codes as string[];
      expect(codes).toHaveLength(10);
      const stored = JSON.stringify(world.records.get('sub-alice'));
      for (const code of codes) {
        expect(stored).not.toContain(code);
        expect(stored).not.toContain(code.replace(/-/g, ''));
      }
      expect(world.calls).toContainEqual({ op: 'notify', args: ['alice@example.com', 'codes-issued'] });
    }
  });

  test('a new set replaces the old (old codes stop working) and keeps the failure counter and the lock', async () => {
    const { world, codes: old } = await withCodes();
    await attempt(world, 'AAAA-AAAA-AAAA-AAAA');
    const locked = { ...world.records.get('sub-alice')!, lockedUntil: T0 + 100, lockouts: 2 };
    world.records.set('sub-alice', locked);
    const renewed = await issueCodes(world, CONFIG, world.accessToken('alice'), ORIGIN);
    const record = world.records.get('sub-alice')!;
    expect(record).toMatchObject({ failures: 1, lockouts: 2, lockedUntil: T0 + 100, version: locked.version + 1 });
    world.clock = T0 + 101;
    expect((await attempt(world, old[0])).status).toBe(401);
    expect((await attempt(world, (renewed.body.codes as string[])[0])).status).toBe(200);
  });

  test('two sets asked for at once: one write wins, the other is told to try again', async () => {
    const world = new World();
    let raced = false;
    world.beforeWrite = async () => {
      if (!raced) {
        raced = true;
        world.beforeWrite = undefined;
        expect((await issueCodes(world, CONFIG, world.accessToken('alice'), ORIGIN)).status).toBe(200);
      }
    };
    const answer = await issueCodes(world, CONFIG, world.accessToken('alice'), ORIGIN);
    expect(answer).toEqual({ status: 409, body: { message: expect.any(String), reason: 'CONFLICT' } });
  });

  test('a notification that fails is logged (NotificationFailed) and the codes are still shown', async () => {
    const world = new World();
    world.notifyFails = true;
    const answer = await issueCodes(world, CONFIG, world.accessToken('alice'), ORIGIN);
    expect(answer.status).toBe(200);
    expect(world.logs).toContainEqual({ event: 'NotificationFailed', fields: { sub: 'sub-alice', notice: 'codes-issued', error: 'MessageRejected' } });
  });
});

describe('POST /recover: the attacker\'s table', () => {
  test('the password and one code: the user is told first, then the authenticator is deleted, every session ended, devices forgotten; the code is used up', async () => {
    const { world, codes } = await withCodes();
    const answer = await attempt(world, codes[3].toLowerCase().replace(/-/g, ' '));
    expect(answer).toEqual({ status: 200, body: { message: expect.stringMatching(/set up a new authenticator/), remaining: 9 } });
    expect(world.ops()).toEqual(['userNamed', 'read', 'passwordAccepted', 'write', 'notify', 'removeAuthenticator', 'signOutEverywhere', 'forgetDevices']);
    expect(world.calls[4]).toEqual({ op: 'notify', args: ['alice@example.com', 'recovered'] });
    expect(world.users.get('alice')!.factors).not.toContain(TOTP_FACTOR);
    expect(world.logs.at(-1)).toEqual({ event: 'Recovered', fields: { sub: 'sub-alice', devices: 2, remaining: 9 } });
  });

  // [attack, how the attempt differs from the right one]
  const refusals: Array<[string, (w: World, codes: string[]) => Promise<Record<string, unknown>>]> = [
    ['replay of a used code', async (w, codes) => { expect((await attempt(w, codes[0])).status).toBe(200); return { code: codes[0] }; }],
    ['the right code with a wrong password', async (_w, codes) => ({ code: codes[0], password: 'guess' })],
    ['the right password with a wrong code', async () => ({ code: 'ZZZZ-ZZZZ-ZZZZ-ZZZZ' })],
    ['another user\'s code', async (w) => {
      const bob = w.addUser('bob');
      const other = await issueCodes(w, CONFIG, w.accessToken(bob.username), ORIGIN);
      return { code: (other.body.codes as string[])[0] };
    }],
    ['a code that cannot be one', async () => ({ code: 'not a code at all' })],
    ['a disabled user', async (w, codes) => { w.users.set('alice', { ...w.users.get('alice')!, enabled: false }); return { code: codes[0] }; }],
    ['a user whose email is no longer verified (nobody could be told)', async (w, codes) => {
      w.users.set('alice', { ...w.users.get('alice')!, verifiedEmail: undefined });
      return { code: codes[0] };
    }],
    ['an unknown user', async () => ({ username: 'nobody', code: 'AAAA-AAAA-AAAA-AAAA' })],
    ['a user without codes', async (w) => { w.addUser('dave'); return { username: 'dave', code: 'AAAA-AAAA-AAAA-AAAA' }; }],
    ['a user who used every code', async (w, codes) => {
      for (const code of codes) {
        expect((await attempt(w, code)).status).toBe(200);
      }
      return { code: codes[0] };
    }],
  ];
  test.each(refusals)('refused with the one generic answer: %s', async (_name, setUp) => {
    const { world, codes } = await withCodes();
    const over = await setUp(world, codes);
    world.clearCalls();
    const answer = await attempt(world, String(over.code), over);
    expect(answer).toEqual({ status: 401, body: { message: GENERIC_REFUSAL } });
    expect(world.ops()).not.toContain('removeAuthenticator');
    expect(world.ops()).not.toContain('signOutEverywhere');
  });

  test('brute force: locked after five failures in a row, whatever comes next; the password is not even tried while locked; the lock doubles', async () => {
    const { world, codes } = await withCodes();
    for (let i = 0; i < MAX_FAILURES; i++) {
      await attempt(world, `AAAA-AAAA-AAAA-AAA${i}`);
    }
    expect(world.records.get('sub-alice')!.lockedUntil).toBe(T0 + LOCKOUT_SECONDS);
    world.clearCalls();
    expect(await attempt(world, codes[0])).toEqual({ status: 401, body: { message: GENERIC_REFUSAL } });
    expect(world.ops()).toEqual(['userNamed', 'read']);
    expect(world.logs.at(-1)).toEqual({ event: 'RecoveryRefused', fields: { sub: 'sub-alice', reason: 'locked', locked: true } });
    world.clock = T0 + LOCKOUT_SECONDS;
    for (let i = 0; i < MAX_FAILURES; i++) {
      await attempt(world, `AAAA-AAAA-AAAA-AAA${i}`);
    }
    expect(world.records.get('sub-alice')!.lockedUntil).toBe(T0 + LOCKOUT_SECONDS + 2 * LOCKOUT_SECONDS);
    world.clock = T0 + 3 * LOCKOUT_SECONDS;
    expect((await attempt(world, codes[0])).status).toBe(200);
  });

  test('a race of two requests with one code: exactly one recovers', async () => {
    const { world, codes } = await withCodes();
    let second: Promise<unknown> | undefined;
    world.beforeWrite = async () => {
      if (second === undefined) {
        second = attempt(world, codes[0]);
        world.beforeWrite = undefined;
        await second;
      }
    };
    const first = await attempt(world, codes[0]);
    const statuses = [first, await second].map(a => (a as { status: number }).status).sort();
    expect(statuses).toEqual([200, 401]);
    expect(world.ops().filter(op => op === 'removeAuthenticator')).toHaveLength(1);
    expect(world.records.get('sub-alice')!.codes).toHaveLength(9);
  });

  test('enumeration: an unknown user, a user without codes and a known user with a wrong code get byte-identical answers', async () => {
    const { world } = await withCodes();
    world.addUser('dave');
    const answers = await Promise.all([
      attempt(world, 'AAAA-AAAA-AAAA-AAAA', { username: 'nobody' }),
      attempt(world, 'AAAA-AAAA-AAAA-AAAA', { username: 'dave' }),
      attempt(world, 'AAAA-AAAA-AAAA-AAAA'),
      attempt(world, 'AAAA-AAAA-AAAA-AAAA', { password: 'wrong' }),
    ]);
    expect(new Set(answers.map(a => JSON.stringify(a))).size).toBe(1);
  });

  // [name, body]: refused before any lookup, with a 400 that says nothing about the user.
  const malformed: Array<[string, unknown]> = [
    ['no body', undefined],
    ['an array', [1, 2]],
    ['a string', 'alice'],
    ['no code', { username: 'alice', password: PASSWORD }],
    ['a number for a username', { username: 7, password: PASSWORD, code: 'x' }],
    ['an empty password', { username: 'alice', password: '', code: 'x' }],
    ['an over-long username', { username: 'a'.repeat(LIMITS.username + 1), password: PASSWORD, code: 'x' }],
    ['an over-long password', { username: 'alice', password: 'p'.repeat(LIMITS.password + 1), code: 'x' }],
    ['an over-long code', { username: 'alice', password: PASSWORD, code: 'A'.repeat(LIMITS.code + 1) }],
  ];
  test.each(malformed)('malformed: %s', async (_name, body) => {
    const world = new World();
    expect(await recoverAccount(world, body, ORIGIN)).toEqual({ status: 400, body: { message: 'Send username, password and code.' } });
    expect(world.calls).toEqual([]);
  });

  test('a user with no authenticator left (support removed it) recovers without a deletion call; a failed notification is logged, not hidden', async () => {
    const { world, codes } = await withCodes();
    world.users.set('alice', { ...world.users.get('alice')!, factors: ['SMS_MFA'] });
    world.notifyFails = true;
    expect((await attempt(world, codes[0])).status).toBe(200);
    expect(world.ops()).not.toContain('removeAuthenticator');
    expect(world.logs.map(l => l.event)).toContain('NotificationFailed');
  });

  test.each([
    ['removeAuthenticator', 'authenticator'],
    ['signOutEverywhere', 'sessions'],
    ['forgetDevices', 'devices'],
  ] as const)('a step that fails (%s) does not stop the others, the user was told before, and the answer says recovery did not finish', async (step, name) => {
    const { world, codes } = await withCodes();
    (world as any)[step] = async () => { world.calls.push({ op: step, args: [] }); throw Object.assign(new Error('x'), { name: 'TooManyRequestsException' }); };
    const answer = await attempt(world, codes[0]);
    expect(answer).toEqual({ status: 503, body: { message: expect.stringMatching(/code was used, but recovery did not finish/), remaining: 9 } });
    expect(world.ops().slice(-4)).toEqual(['notify', 'removeAuthenticator', 'signOutEverywhere', 'forgetDevices']);
    expect(world.logs.at(-1)).toEqual({ event: 'RecoveryIncomplete', fields: { sub: 'sub-alice', failed: name, remaining: 9 } });
    expect(world.records.get('sub-alice')!.codes).toHaveLength(9);
  });

  test('no log line holds a username, a password, a code or a token', async () => {
    const { world } = await withCodes();
    const bearer = world.accessToken('alice');
    const codes = (await issueCodes(world, CONFIG, bearer, ORIGIN)).body.codes as string[];
    const guessed = 'Tr0ub4dor&3';
    await attempt(world, 'AAAA-AAAA-AAAA-AAAA', { password: guessed });
    await attempt(world, codes[1]);
    await attempt(world, 'x', { username: 'nobody' });
    const logged = JSON.stringify(world.logs);
    for (const secret of [PASSWORD, guessed, codes[1], codes[1].replace(/-/g, ''), bearer.slice(7), '"alice"', 'nobody', 'alice@example.com']) {
      expect(logged).not.toContain(secret);
    }
    expect(world.logs.map(l => l.event)).toEqual(expect.arrayContaining(['CodesIssued', 'RecoveryRefused', 'Recovered']));
  });
});

describe('token reading', () => {
  test.each([
    ['Bearer abc', undefined],
    [`Bearer ${'a'.repeat(30)}`, 'a'.repeat(30)],
    [`bearer ${'a'.repeat(30)}`, undefined],
    [`Bearer ${'a'.repeat(30)} trailing`, undefined],
    [undefined, undefined],
  ])('bearerOf(%s)', (header, expected) => {
    expect(bearerOf(header)).toBe(expected);
  });

  test.each([
    ['a.b', undefined],
    [`x.${Buffer.from('[1]').toString('base64url')}.y`, undefined],
    [`x.${Buffer.from('null').toString('base64url')}.y`, undefined],
    [`x.${Buffer.from('{"a":1}').toString('base64url')}.y`, { a: 1 }],
  ])('claimsOf(%s)', (jwt, expected) => {
    expect(claimsOf(jwt)).toEqual(expected);
  });
});
