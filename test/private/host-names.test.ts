import { MfaEnforcement } from '../../src';
import { refusalMessage } from './phases/helpers';
import { callerWritesPython, inPython, keysInPython, snakeCase } from '../../src/private/host-names';

describe('callerWritesPython', () => {
  test.each([
    ['Python/3.12.3', true],
    ['python/3.11.7', true],
    ['Java/17.0.2', false],
    ['DotNet/8.0.1', false],
    ['Go/go1.26.8', false],
    [undefined, false],
  ])('JSII_AGENT %s -> %s', (agent, expected) => {
    expect(callerWritesPython(agent)).toBe(expected);
  });
});

describe('snakeCase, as jsii names Python members', () => {
  test.each([
    ['relyingPartyId', 'relying_party_id'],
    ['withNewRole', 'with_new_role'],
    ['withSES', 'with_ses'],
    ['oAuth', 'o_auth'],
    ['smsMonthlySpendLimitUsd', 'sms_monthly_spend_limit_usd'],
    ['metricSmsMonthToDateSpend', 'metric_sms_month_to_date_spend'],
    ['ipv6Range', 'ipv6_range'],
  ])('%s -> %s', (name, expected) => {
    expect(snakeCase(name)).toBe(expected);
  });
});

describe('inPython', () => {
  test('names, keyword arguments and literals', () => {
    expect(inPython('Enable at least one factor: totp: true (recommended), sms: SmsMfa.withNewRole(), or email: {}. Or set mfa to MfaEnforcement.OFF.'))
      .toBe('Enable at least one factor: totp=True (recommended), sms=SmsMfa.with_new_role(), or email={}. Or set mfa to MfaEnforcement.OFF.');
    expect(inPython('Set userPoolProps.email: cognito.UserPoolEmail.withSES({ fromEmail, sesRegion })'))
      .toBe('Set user_pool_props.email=cognito.UserPoolEmail.with_ses({ from_email, ses_region })');
    expect(inPython('passkeys.countsAsMfa must be true while undefined')).toBe('passkeys.counts_as_mfa must be True while None');
  });

  test('leaves quoted values, prose, ARNs, IAM actions, URLs and enum members alone', () => {
    const text = 'the pool\'s users\' codes: "myValue" or \'otherValue\', sts:ExternalId, cognito-idp:AdminGetUser, docs/RULES.md#smsRoleTrust, '
      + 'ThreatProtection.ENFORCED, AWS/Cognito SignInSuccesses, {####}';
    expect(inPython(text)).toBe(text);
  });
});

describe('keysInPython', () => {
  test('renames struct keys, keeps values', () => {
    expect(keysInPython({ relyingPartyId: 'example.com', nested: [{ countsAsMfa: false }], token: 'camelValue' }))
      .toEqual({ relying_party_id: 'example.com', nested: [{ counts_as_mfa: false }], token: 'camelValue' });
    expect(keysInPython('camelCase')).toBe('camelCase');
  });
});

describe('a refusal for a Python caller', () => {
  const saved = process.env.JSII_AGENT;
  afterEach(() => { if (saved === undefined) { delete process.env.JSII_AGENT; } else { process.env.JSII_AGENT = saved; } });

  const PASSKEY_REFUSED = { mfa: MfaEnforcement.REQUIRED, passkeys: { relyingPartyId: 'example.com', countsAsMfa: false } };

  test('names the prop, the value and the fix in Python; the path and the rule stay', () => {
    process.env.JSII_AGENT = 'Python/3.12.3';
    expect(refusalMessage(PASSKEY_REFUSED)).toBe('[MfaUserPool P] passkeys.counts_as_mfa must be True while mfa is REQUIRED: Cognito refuses single-factor passkeys there '
      + '(received: false). Remove counts_as_mfa (it defaults to True), or set mfa to MfaEnforcement.OPTIONAL. '
      + '[rule: singleFactorPasskeyWithRequiredMfa, docs/RULES.md#singlefactorpasskeywithrequiredmfa]');
  });

  test('in Java (and without JSII_AGENT) the TypeScript names', () => {
    process.env.JSII_AGENT = 'Java/17.0.2';
    expect(refusalMessage(PASSKEY_REFUSED)).toMatch(/^\[MfaUserPool P\] passkeys\.countsAsMfa must be true .*Remove countsAsMfa \(it defaults to true\)/);
  });
});
