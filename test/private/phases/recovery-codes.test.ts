import { Duration, Lazy, Token } from 'aws-cdk-lib';
import { ResolveContext } from '../../../src/private/context';
import { MfaConfigurationError } from '../../../src/private/errors';
import {
  DEFAULT_FRESH_SECONDS, DEFAULT_RATE_LIMIT, RecoveryDecisions, RecoveryInput, RecoveryPoolFacts, resolveRecoveryCodes,
} from '../../../src/private/resolve/recovery-codes';
import { WARNING_PREFIX } from '../../../src/private/rules';

const IDENTITY = 'arn:aws:ses:eu-west-1:123456789012:identity/example.com';
const SENDER = { from: 'no-reply@example.com', sesIdentityArn: IDENTITY };
const FACTS: RecoveryPoolFacts = {
  mfaOn: true,
  totp: true,
  passwordless: false,
  passkeysCountAsMfa: false,
  replicated: false,
  updatedIssuer: false,
  ses: { from: 'pool@example.com', sourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com' },
};

/** The phase alone: its decisions and advisories (rule ids), or the refusal's rule and message. */
function run(input: RecoveryInput = {}, facts: Partial<RecoveryPoolFacts> = {}): {
  d?: RecoveryDecisions; advised: string[]; refused?: string; message?: string;
} {
  const ctx = new ResolveContext('R');
  try {
    const d = resolveRecoveryCodes(ctx, input, { ...FACTS, ...facts });
    return { d, advised: ctx.advisories.map(a => a.id.slice(WARNING_PREFIX.length)) };
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      return { advised: [], refused: e.ruleId, message: e.message };
    }
    throw e;
  }
}

describe('recovery codes phase: the pool', () => {
  test.each<[string, Partial<RecoveryPoolFacts>, string | undefined]>([
    ['MFA with TOTP', {}, undefined],
    ['MFA OFF', { mfaOn: false, totp: false }, 'recoveryNeedsTotp'],
    ['MFA without TOTP (SMS or email only)', { totp: false }, 'recoveryNeedsTotp'],
  ])('%s', (_name, facts, refused) => {
    expect(run({}, facts).refused).toBe(refused);
  });

  test.each<[string, Partial<RecoveryPoolFacts>, string[]]>([
    ['nothing to say', {}, []],
    ['passwordless first factors', { passwordless: true }, ['recoveryPasswordless']],
    ['passkeys that count as MFA', { passkeysCountAsMfa: true }, ['recoveryPasskeysRemain']],
    ['a replicated pool', { replicated: true }, ['recoveryOnePrimaryRegion']],
    ['all three', { passwordless: true, passkeysCountAsMfa: true, replicated: true }, ['recoveryPasswordless', 'recoveryPasskeysRemain', 'recoveryOnePrimaryRegion']],
  ])('advised: %s', (_name, facts, advised) => {
    expect(run({}, facts).advised).toEqual(advised);
  });
});

describe('recovery codes phase: the sender', () => {
  test('the pool\'s SES sender by default, its Region read from the ARN', () => {
    expect(run().d!.sender).toEqual({ from: 'pool@example.com', identityArn: FACTS.ses!.sourceArn, region: 'us-east-1', configurationSet: undefined });
  });

  test('a sender given wins over the pool\'s, with its configuration set', () => {
    expect(run({ sender: { ...SENDER, configurationSetName: 'set_1-a' } }).d!.sender)
      .toEqual({ from: SENDER.from, identityArn: IDENTITY, region: 'eu-west-1', configurationSet: 'set_1-a' });
  });

  test('an identity ARN known at deploy time only: the Region is read from it then', () => {
    const arn = Lazy.string({ produce: () => IDENTITY });
    const sender = run({ sender: { from: 'no-reply@example.com', sesIdentityArn: arn } }).d!.sender;
    expect(Token.isUnresolved(sender.region)).toBe(true);
  });

  test.each<[string, Partial<RecoveryPoolFacts>]>([
    ['Cognito\'s default email', { ses: undefined }],
    ['SES without a sender address', { ses: { sourceArn: IDENTITY } }],
  ])('refused without a sender: %s', (_name, facts) => {
    const result = run({}, facts);
    expect(result.refused).toBe('recoveryNeedsSender');
    expect(result.message).toMatch(/sender: \{ from:/);
  });

  test.each<[string, Partial<{ from: string; sesIdentityArn: string; configurationSetName: string }>, string | undefined]>([
    ['an address', {}, undefined],
    ['a display name and an address', { from: 'Example App <no-reply@example.com>' }, undefined],
    ['no @', { from: 'no-reply' }, 'recoverySenderForm'],
    ['two addresses', { from: 'a@example.com, b@example.com' }, 'recoverySenderForm'],
    ['an SNS ARN', { sesIdentityArn: 'arn:aws:sns:us-east-1:123456789012:identity/example.com' }, 'recoverySenderForm'],
    ['an identity ARN without an account', { sesIdentityArn: 'arn:aws:ses:us-east-1::identity/example.com' }, 'recoverySenderForm'],
    ['an ARN in GovCloud', { sesIdentityArn: 'arn:aws-us-gov:ses:us-gov-west-1:123456789012:identity/example.com' }, undefined],
    ['a configuration set with a dot', { configurationSetName: 'my.set' }, 'recoverySenderForm'],
    ['a configuration set of 65 characters', { configurationSetName: 'a'.repeat(65) }, 'recoverySenderForm'],
    ['a configuration set known at deploy time', { configurationSetName: Lazy.string({ produce: () => 'x.y' }) }, undefined],
  ])('sender: %s', (_name, over, refused) => {
    expect(run({ sender: { ...SENDER, ...over } }).refused).toBe(refused);
  });

  test('the pool\'s own malformed sender is named as the pool\'s', () => {
    expect(run({}, { ses: { from: 'nobody', sourceArn: IDENTITY } }).message).toMatch(/the pool's SES email configuration\.from/);
  });
});

describe('recovery codes phase: freshSession, rateLimit, allowedOrigins', () => {
  test('defaults', () => {
    expect(run().d).toMatchObject({ freshSeconds: DEFAULT_FRESH_SECONDS, rateLimit: DEFAULT_RATE_LIMIT, allowedOrigins: [] });
    expect([DEFAULT_FRESH_SECONDS, DEFAULT_RATE_LIMIT]).toEqual([600, 10]);
  });

  // [name, freshSession, the seconds the handler gets (undefined: refused), advised]
  test.each<[string, Duration, number | undefined, boolean]>([
    ['1 minute', Duration.minutes(1), 60, false],
    ['60 minutes', Duration.minutes(60), 3600, false],
    ['1 hour', Duration.hours(1), 3600, false],
    ['59 seconds', Duration.seconds(59), 59, false],
    ['90 seconds', Duration.seconds(90), 90, false],
    ['61 minutes: accepted, advised against', Duration.minutes(61), 3660, true],
    ['a day: accepted, advised against', Duration.days(1), 86400, true],
    ['0: no code could ever be issued', Duration.seconds(0), undefined, false],
    ['half a second: the handler takes whole seconds', Duration.millis(500), undefined, false],
  ])('freshSession %s', (_name, fresh, seconds, advised) => {
    const result = run({ freshSession: fresh });
    expect(result.d?.freshSeconds).toBe(seconds);
    expect(result.refused).toBe(seconds === undefined ? 'recoveryFreshSession' : undefined);
    expect(result.advised.includes('recoveryFreshSessionLong')).toBe(advised);
  });

  test('values known at deploy only are passed on, never validated as literals', () => {
    const fresh = run({ freshSession: Duration.seconds(Lazy.number({ produce: () => 0 })) });
    expect(fresh.refused).toBeUndefined();
    expect(Token.isUnresolved(fresh.d!.freshSeconds)).toBe(true);
    const limit = Lazy.number({ produce: () => 5 });
    expect(run({ rateLimit: limit }).d!.rateLimit).toBe(limit);
    const origin = Lazy.string({ produce: () => 'app.example.com' });
    expect(run({ allowedOrigins: [origin] }).d!.allowedOrigins).toEqual([origin]);
  });

  test.each<[number, boolean]>([
    [10, true], [2_000_000_000, true], [9, false], [2_000_000_001, false], [10.5, false], [NaN, false], [-10, false],
  ])('rateLimit %s accepted: %s', (limit, accepted) => {
    expect(run({ rateLimit: limit }).refused).toBe(accepted ? undefined : 'recoveryRateLimit');
  });

  test.each<[string, string[], boolean]>([
    ['one https origin', ['https://app.example.com'], true],
    ['localhost with a port', ['http://localhost:3000'], true],
    ['an IPv6 host', ['http://[::1]:8080'], true],
    ['only *', ['*'], true],
    ['no origin', [], true],
    ['* with another', ['*', 'https://app.example.com'], false],
    ['a trailing slash', ['https://app.example.com/'], false],
    ['a path', ['https://app.example.com/app'], false],
    ['no scheme', ['app.example.com'], false],
    ['another scheme', ['ftp://app.example.com'], false],
    ['a port above 65535', ['https://app.example.com:70000'], false],
    ['a wildcard subdomain', ['https://*.example.com'], false],
  ])('allowedOrigins: %s, accepted: %s', (_name, origins, accepted) => {
    const result = run({ allowedOrigins: origins });
    expect(result.refused).toBe(accepted ? undefined : 'recoveryOrigins');
    if (accepted) {
      expect(result.d!.allowedOrigins).toEqual(origins);
    }
  });
});
