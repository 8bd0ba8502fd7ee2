import { randomBytes } from 'crypto';
import {
  ALPHABET, CODE_BITS, CODES_PER_SET, decideAttempt, FORGET_AFTER_SECONDS, GENERIC_REFUSAL, LOCKOUT_SECONDS, matchCode, MAX_FAILURES,
  newCodes, newRecord, normalizeCode,
  RecoveryRecord, storeCode,
} from '../../src/recovery/decisions';

// scrypt is memory-hard by design: a set takes ten hashes of some tens of milliseconds.
jest.setTimeout(60_000);

const NOW = 1_800_000_000;
/** A record with a fresh set, and the codes as shown to the user. */
function withCodes(over: Partial<RecoveryRecord> = {}): { record: RecoveryRecord; codes: string[] } {
  const codes = newCodes();
  return { record: { ...newRecord(undefined, codes), ...over }, codes };
}

describe('recovery codes: the set', () => {
  test(`${CODES_PER_SET} distinct codes of ${CODE_BITS} random bits, in four groups of four Crockford base32 characters`, () => {
    const codes = newCodes();
    expect(codes).toHaveLength(CODES_PER_SET);
    expect(new Set(codes).size).toBe(CODES_PER_SET);
    for (const code of codes) {
      expect(code).toMatch(new RegExp(`^[${ALPHABET}]{4}(-[${ALPHABET}]{4}){3}$`));
    }
    // 16 characters of 32 symbols: 80 bits.
    expect(16 * Math.log2(ALPHABET.length)).toBe(CODE_BITS);
  });

  test('every bit of the random source reaches the code, and a repeated draw is replaced', () => {
    /** A source that gives `first` for its first `times` draws, then random bytes. */
    const source = (first: number, times: number) => {
      let n = 0;
      return (size: number) => (n++ < times ? Buffer.alloc(size, first) : randomBytes(size));
    };
    expect(newCodes(source(0xff, 1))[0]).toBe('ZZZZ-ZZZZ-ZZZZ-ZZZZ');
    expect(newCodes(source(0, 1))[0]).toBe('0000-0000-0000-0000');
    expect(newCodes(source(0x84, 1))[0]).toBe('GJ28-9144-GJ28-9144');
    // The first three draws are equal: the set still holds ten distinct codes.
    const repeating = newCodes(source(7, 3));
    expect(new Set(repeating).size).toBe(CODES_PER_SET);
  });

  test('stored salted and hashed: the same code stored twice gives two hashes, and no stored field holds the code', () => {
    const [code] = newCodes();
    const a = storeCode(code);
    const b = storeCode(code);
    expect(a.hash).not.toBe(b.hash);
    expect(a.salt).not.toBe(b.salt);
    expect(JSON.stringify(a)).not.toContain(code.replace(/-/g, ''));
    // Something that is no code is stored as an entry nothing matches, not even the same text.
    expect(matchCode('not a code', [storeCode('not a code')])).toBe(-1);
  });

  test('a new set replaces the old one and keeps the failure counters (a new set is no way around a lockout)', () => {
    const { record } = withCodes({ failures: 3, lockouts: 1, lockedUntil: NOW + 60 });
    const next = newRecord(record, newCodes());
    expect(next).toMatchObject({ failures: 3, lockouts: 1, lockedUntil: NOW + 60, version: record.version + 1 });
    expect(next.codes).toHaveLength(CODES_PER_SET);
  });
});

describe('recovery codes: reading a typed code', () => {
  test.each([
    ['lower case', (c: string) => c.toLowerCase(), true],
    ['without dashes', (c: string) => c.replace(/-/g, ''), true],
    ['with spaces', (c: string) => c.replace(/-/g, ' '), true],
    ['one character short', (c: string) => c.slice(1), false],
    ['with a character outside the alphabet', (c: string) => `U${c.slice(1)}`, false],
    ['very long', (c: string) => c.repeat(10), false],
  ])('%s', (_name, change, ok) => {
    const [code] = newCodes();
    expect(normalizeCode(change(code)) !== undefined).toBe(ok);
  });

  test('I and L read as 1, O as 0 (Crockford)', () => {
    expect(normalizeCode('0000-1111-0000-1111')).toBe(normalizeCode('OOOO-IIII-oooo-llll'));
  });
});

/**
 * The attacker's table: each attempt, the answer it must get, and what it leaves in the record.
 * A reviewer adds a row for a new attack.
 */
describe('recovery codes: an attempt, as an attacker makes it', () => {
  test('the right password and one code recover, once: the code leaves the set and the counters reset', () => {
    const { record, codes } = withCodes({ failures: 2 });
    const d = decideAttempt(record, true, codes[3], NOW);
    expect(d).toMatchObject({ outcome: 'recover', usedIndex: 3 });
    if (d.outcome !== 'recover') throw new Error('expected recover');
    expect(d.record.codes).toHaveLength(CODES_PER_SET - 1);
    expect(d.record).toMatchObject({ failures: 0, lockouts: 0, lockedUntil: 0, lastFailure: 0, version: record.version + 1 });
    // Replayed: the used code no longer matches.
    expect(decideAttempt(d.record, true, codes[3], NOW).outcome).toBe('refuse');
    // Another code of the set still does.
    expect(decideAttempt(d.record, true, codes[4], NOW).outcome).toBe('recover');
  });

  test('a wrong password is refused and not counted, even with the right code: knowing a username is not enough to lock a user out', () => {
    const { record, codes } = withCodes({ failures: MAX_FAILURES - 1, lastFailure: NOW - 60 });
    for (const typed of [codes[0], 'AAAA-AAAA-AAAA-AAAA', 'x']) {
      expect(decideAttempt(record, false, typed, NOW)).toEqual({ outcome: 'refuse' });
    }
    expect(decideAttempt(record, true, codes[0], NOW).outcome).toBe('recover');
  });

  test.each([
    ['a wrong code with the right password', () => newCodes()[0]],
    ['another user\'s code', () => newCodes()[1]],
    ['something that is no code', () => 'password123'],
  ])('%s is refused and counted', (_name, typed) => {
    const { record } = withCodes();
    const d = decideAttempt(record, true, typed(), NOW);
    expect(d).toEqual({ outcome: 'refuse', record: { ...record, failures: 1, lastFailure: NOW, version: record.version + 1 } });
  });

  test('a day without a counted failure forgets the count and the doubling; less than a day does not', () => {
    const { record } = withCodes({ failures: MAX_FAILURES - 1, lockouts: 3, lastFailure: NOW - FORGET_AFTER_SECONDS });
    expect(decideAttempt(record, true, 'AAAA-AAAA-AAAA-AAAA', NOW).record).toMatchObject({ failures: 1, lockouts: 0, lockedUntil: 0, lastFailure: NOW });
    const recent = { ...record, lastFailure: NOW - FORGET_AFTER_SECONDS + 1 };
    expect(decideAttempt(recent, true, 'AAAA-AAAA-AAAA-AAAA', NOW).record).toMatchObject({ failures: 0, lockouts: 4, lockedUntil: NOW + 8 * LOCKOUT_SECONDS });
  });

  test(`brute force: the ${MAX_FAILURES}th failure in a row locks recovery, even for the right code; each lockout doubles`, () => {
    let { record, codes } = withCodes();
    for (let i = 1; i < MAX_FAILURES; i++) {
      record = decideAttempt(record, true, 'AAAA-AAAA-AAAA-AAAA', NOW).record!;
      expect(record.failures).toBe(i);
    }
    record = decideAttempt(record, true, 'AAAA-AAAA-AAAA-AAAA', NOW).record!;
    expect(record).toMatchObject({ failures: 0, lockouts: 1, lockedUntil: NOW + LOCKOUT_SECONDS });
    // Locked: the right code is refused, and nothing is written.
    expect(decideAttempt(record, true, codes[0], NOW + 1)).toEqual({ outcome: 'refuse' });
    // After the lockout the right code works again.
    expect(decideAttempt(record, true, codes[0], NOW + LOCKOUT_SECONDS + 1).outcome).toBe('recover');
    // A second lockout lasts twice as long.
    let again = record;
    for (let i = 0; i < MAX_FAILURES; i++) {
      again = decideAttempt(again, true, 'AAAA-AAAA-AAAA-AAAA', NOW + LOCKOUT_SECONDS + 1).record!;
    }
    expect(again.lockedUntil).toBe(NOW + LOCKOUT_SECONDS + 1 + 2 * LOCKOUT_SECONDS);
  });

  test('lockouts are capped at a day', () => {
    const { record } = withCodes({ lockouts: 20, failures: MAX_FAILURES - 1, lastFailure: NOW - 60 });
    expect(decideAttempt(record, true, 'x', NOW).record!.lockedUntil).toBe(NOW + 24 * 60 * 60);
  });

  test('enumeration: an unknown user gets the same refusal as a known one, and no record', () => {
    expect(decideAttempt(undefined, false, newCodes()[0], NOW)).toEqual({ outcome: 'refuse' });
    expect(GENERIC_REFUSAL).not.toMatch(/password|exist|locked|code is/i);
  });

  test('a race: two attempts read the same record; each decision names the version it writes, so the store accepts only one', () => {
    const { record, codes } = withCodes();
    const first = decideAttempt(record, true, codes[0], NOW);
    const second = decideAttempt(record, true, codes[0], NOW);
    expect(first.outcome).toBe('recover');
    expect(second.outcome).toBe('recover');
    // Both would write version + 1 over the version read: a conditional write on the version read lets one in.
    expect(first.record!.version).toBe(record.version + 1);
    expect(second.record!.version).toBe(record.version + 1);
  });

  test('matching hashes every stored code: a set with the match first or last takes the same work', () => {
    const { record, codes } = withCodes();
    expect(matchCode(codes[0], record.codes)).toBe(0);
    expect(matchCode(codes[CODES_PER_SET - 1], record.codes)).toBe(CODES_PER_SET - 1);
    expect(matchCode('nonsense', record.codes)).toBe(-1);
  });
});
