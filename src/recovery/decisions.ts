/**
 * The decisions of self-service MFA recovery codes, pure and alone, so that they are tested like
 * rules: how a set of codes is made and stored, how one typed code is read, and what one attempt
 * to recover an account decides. The handlers (one per endpoint) call these and do the I/O.
 *
 * Sources: NIST SP 800-63B-4, "Saved recovery codes" (at least 64 random bits; stored salted and
 * hashed; single use; throttled) and "Account recovery" (a recovery code plus the password for an
 * account at AAL2; every recovery notified). Codes here carry 80 bits.
 * https://pages.nist.gov/800-63-4/sp800-63b/authenticators/#lookupsecrets
 */
import { randomBytes, scryptSync, timingSafeEqual } from 'crypto';

/** How many codes a set holds (GitHub 16, Supabase 10, Keycloak 12). */
export const CODES_PER_SET = 10;
/** Random bits per code: 80, above NIST's 64. */
export const CODE_BITS = 80;
/** Crockford's base32 alphabet: no I, L, O or U, so a code read aloud or typed is unambiguous. */
export const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
/** Characters of a code: 80 bits at 5 bits a character. */
const CODE_LENGTH = CODE_BITS / 5;

/**
 * scrypt's cost, memory-hard: N = 2^14 with r = 8 takes 16 MiB and tens of milliseconds per hash
 * on a Lambda function; against a leaked table of 80-bit random codes this adds to a search that
 * is already out of reach (2^80 guesses), and it keeps a whole set's check under a second.
 */
export const SCRYPT = { N: 2 ** 14, r: 8, p: 1, keyLength: 32, saltBytes: 16 } as const;
const MAX_MEMORY = 128 * SCRYPT.N * SCRYPT.r * 2;

/**
 * After this many wrong codes in a row (with the right password), recovery is locked for the user
 * (NIST: at most 100).
 */
export const MAX_FAILURES = 5;
/** How long the first lockout lasts; each further lockout doubles it, up to a day. */
export const LOCKOUT_SECONDS = 15 * 60;
const MAX_LOCKOUT_SECONDS = 24 * 60 * 60;
/** A day without a counted failure forgets the failures and the lockouts (the doubling starts again). */
export const FORGET_AFTER_SECONDS = 24 * 60 * 60;

/** One stored code: its salt and scrypt hash (base64), never the code. */
export interface StoredCode {
  readonly salt: string;
  readonly hash: string;
}

/** Encodes bytes in Crockford's base32, 5 bits a character, most significant first. */
function base32(bytes: Buffer): string {
  const bits = [...bytes].map(byte => byte.toString(2).padStart(8, '0')).join('');
  return (bits.match(/.{1,5}/g) ?? []).map(chunk => ALPHABET[parseInt(chunk.padEnd(5, '0'), 2)]).join('');
}

/** A code as shown to the user: four groups of four (`7K3Q-M9XD-2HFA-W0PR`). */
function grouped(code: string): string {
  return code.match(/.{4}/g)!.join('-');
}

/**
 * A new set of codes, each of 80 random bits from the operating system's CSPRNG, distinct, as
 * shown to the user once.
 *
 * @param random the source of random bytes (the tests give a fixed one)
 */
export function newCodes(random: (size: number) => Buffer = randomBytes): string[] {
  const codes = new Set<string>();
  while (codes.size < CODES_PER_SET) {
    codes.add(grouped(base32(random(CODE_BITS / 8))));
  }
  return [...codes];
}

/**
 * A typed code as stored: upper case, without spaces or dashes, with the letters people confuse
 * read as Crockford says (I and L as 1, O as 0); undefined when it cannot be a code.
 */
export function normalizeCode(typed: string): string | undefined {
  if (typeof typed !== 'string' || typed.length > 64) {
    return undefined;
  }
  const code = typed.toUpperCase().replace(/[\s-]/g, '').replace(/[IL]/g, '1').replace(/O/g, '0');
  return code.length === CODE_LENGTH && [...code].every(c => ALPHABET.includes(c)) ? code : undefined;
}

function scrypt(code: string, salt: Buffer): Buffer {
  return scryptSync(code, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p, maxmem: MAX_MEMORY });
}

/**
 * A code as stored: a salt of its own and its scrypt hash. Something that is no code is stored as
 * an entry no typed code can match (matchCode never compares an unreadable input).
 */
export function storeCode(shown: string, random: (size: number) => Buffer = randomBytes): StoredCode {
  const salt = random(SCRYPT.saltBytes);
  return { salt: salt.toString('base64'), hash: scrypt(normalizeCode(shown) ?? '', salt).toString('base64') };
}

/**
 * The index of the stored code the typed one matches, or -1. Every stored code is hashed and
 * compared in constant time, whether or not an earlier one matched, so that the answer's timing
 * does not tell which code (or whether any) matched.
 */
export function matchCode(typed: string, stored: readonly StoredCode[]): number {
  const code = normalizeCode(typed);
  let found = -1;
  stored.forEach((entry, index) => {
    const expected = Buffer.from(entry.hash, 'base64');
    const actual = scrypt(code ?? '', Buffer.from(entry.salt, 'base64'));
    if (code !== undefined && expected.length === actual.length && timingSafeEqual(expected, actual) && found < 0) {
      found = index;
    }
  });
  return found;
}

/** What the recovery table holds for one user between attempts. */
export interface RecoveryRecord {
  /** The codes not used yet. */
  readonly codes: readonly StoredCode[];
  /** Failed attempts in a row, across sessions. */
  readonly failures: number;
  /** How many lockouts the user has had, for the doubling. */
  readonly lockouts: number;
  /** Epoch seconds until which recovery is locked; 0 when it is not. */
  readonly lockedUntil: number;
  /** Epoch seconds of the last counted failure; 0 when there was none. */
  readonly lastFailure: number;
  /** The record's version, for the conditional write that makes one use of a code atomic. */
  readonly version: number;
}

/** The one answer every refused attempt gets: it does not tell which check failed, or whether the user exists. */
export const GENERIC_REFUSAL = 'The sign-in details or the recovery code are not right, or recovery is not possible now. Try again later, or contact support.';

/** What one recovery attempt decides. */
export type RecoveryDecision =
  | { readonly outcome: 'recover'; readonly record: RecoveryRecord; readonly usedIndex: number }
  | { readonly outcome: 'refuse'; readonly record?: RecoveryRecord };

/**
 * One attempt to recover: the password was checked by Cognito (`passwordOk`), the code against
 * the stored set. Locked: refused, nothing counted. A wrong password: refused and not counted
 * here (Cognito's own lockout throttles password guesses, and counting them would let anyone who
 * knows a username keep that user's recovery locked). The right password with a wrong code:
 * refused and counted, locked after MAX_FAILURES in a row (15 minutes, doubling, up to a day); a
 * day without a counted failure forgets the count and the doubling. Both right: the code leaves
 * the set (single use) and the counters reset. Every path hashes as much as a real check. The
 * caller writes the new record only if its version is still the one read (a conditional write),
 * so that two attempts racing with one code cannot both succeed.
 *
 * @param now epoch seconds
 */
export function decideAttempt(record: RecoveryRecord | undefined, passwordOk: boolean, typed: string, now: number): RecoveryDecision {
  if (record === undefined || record.lockedUntil > now) {
    // An unknown user, one without codes, or a locked one: the same answer, after the same work.
    matchCode(typed, [DUMMY]);
    return { outcome: 'refuse' };
  }
  const index = matchCode(typed, record.codes);
  if (!passwordOk) {
    return { outcome: 'refuse' };
  }
  if (index >= 0) {
    return {
      outcome: 'recover',
      usedIndex: index,
      record: {
        codes: record.codes.filter((_, i) => i !== index), failures: 0, lockouts: 0, lockedUntil: 0, lastFailure: 0, version: record.version + 1,
      },
    };
  }
  const forgotten = now - record.lastFailure >= FORGET_AFTER_SECONDS;
  const failures = (forgotten ? 0 : record.failures) + 1;
  const lockouts = forgotten ? 0 : record.lockouts;
  if (failures < MAX_FAILURES) {
    return { outcome: 'refuse', record: { ...record, failures, lockouts, lastFailure: now, version: record.version + 1 } };
  }
  const lockout = Math.min(LOCKOUT_SECONDS * 2 ** lockouts, MAX_LOCKOUT_SECONDS);
  return { outcome: 'refuse', record: { ...record, failures: 0, lockouts: lockouts + 1, lockedUntil: now + lockout, lastFailure: now, version: record.version + 1 } };
}

/** A set of codes as the table stores it: a new set replaces the old one, and resets nothing else. */
export function newRecord(
  previous: RecoveryRecord | undefined, codes: readonly string[], random: (size: number) => Buffer = randomBytes,
): RecoveryRecord {
  return {
    codes: codes.map(code => storeCode(code, random)),
    failures: previous?.failures ?? 0,
    lockouts: previous?.lockouts ?? 0,
    lockedUntil: previous?.lockedUntil ?? 0,
    lastFailure: previous?.lastFailure ?? 0,
    version: (previous?.version ?? 0) + 1,
  };
}

/** A stored code no typed code matches, hashed for users without codes so that they take as long. */
const DUMMY: StoredCode = {
  salt: Buffer.alloc(SCRYPT.saltBytes).toString('base64'),
  hash: Buffer.alloc(SCRYPT.keyLength).toString('base64'),
};
