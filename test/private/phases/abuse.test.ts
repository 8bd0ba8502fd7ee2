import { Duration, Fn, Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { advised, advisoryIds, refusal, refusalMessage, resolve } from './helpers';
import { AbuseProtectionOptions, MfaEnforcement, MfaUserPoolProps, SmsCountryAction, SmsCountryRules, SmsMfa } from '../../../src';

const ACL = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/users/0123abcd-0123-abcd-0123-0123456789ab';
const direct = (abuseProtection: AbuseProtectionOptions): MfaUserPoolProps => ({ sms: SmsMfa.withEndUserMessaging(), abuseProtection });
const countries = (smsCountries: SmsCountryRules): MfaUserPoolProps => direct({ smsCountries });

describe('abuse protection phase: the web ACL', () => {
  test('{} decides the default rules', () => {
    expect(resolve({ abuseProtection: {} }).abuse).toEqual({
      webAcl: {
        codeRequestsPerIp: 20,
        signInRequestsPerIp: 100,
        managedLoginRequestsPerIp: 200,
        codeRequestsAllIps: undefined,
        codeRequestsPerAsn: undefined,
        callerCountries: undefined,
        botControl: false,
        evaluationWindowSec: 300,
        ipReputation: true,
        blockAnonymousIps: false,
        captcha: false,
        logRetention: logs.RetentionDays.ONE_YEAR,
      },
      countries: undefined,
    });
  });

  test.each([[10, undefined], [2_000_000_000, undefined], [9, 'rateLimitRange'], [2_000_000_001, 'rateLimitRange'], [10.5, 'rateLimitRange']])(
    'a rate limit of %p: %p', (limit, rule) => {
      expect(refusal({ abuseProtection: { codeRequestsPerIp: limit } })).toBe(rule);
      expect(refusal({ abuseProtection: { signInRequestsPerIp: limit } })).toBe(rule);
    });

  test('a token limit is not judged', () => {
    expect(refusal({ abuseProtection: { codeRequestsPerIp: Token.asNumber(Fn.importValue('Limit')) } })).toBeUndefined();
  });

  test.each([[1, 60], [2, 120], [5, 300], [10, 600]])('a window of %p minutes is %p seconds', (minutes, seconds) => {
    expect(resolve({ abuseProtection: { evaluationWindow: Duration.minutes(minutes) } }).abuse?.webAcl?.evaluationWindowSec).toBe(seconds);
  });

  test('a window of 3 minutes is refused, naming the ones WAF takes', () => {
    expect(refusalMessage({ abuseProtection: { evaluationWindow: Duration.minutes(3) } })).toMatch(/abuseProtection\.evaluationWindow must be 1, 2, 5 or 10 minutes/);
  });

  test('a web ACL you bring takes no rule option, and must be a regional web ACL of the pool\'s Region', () => {
    expect(resolve({ abuseProtection: { webAclArn: ACL } }).abuse).toEqual({ webAclArn: ACL, countries: undefined });
    expect(refusalMessage({ abuseProtection: { webAclArn: ACL, captcha: true } })).toMatch(/abuseProtection\.captcha describes the web ACL this library creates/);
    expect(refusal({ abuseProtection: { webAclArn: ACL.replace('regional', 'global') } })).toBe('webAclArnForm');
    expect(refusal({ abuseProtection: { webAclArn: ACL.replace('us-east-1', 'eu-west-1') } })).toBe('webAclArnForm');
    expect(refusal({ abuseProtection: { webAclArn: ACL.replace('us-east-1', 'eu-west-1') } }, null)).toBeUndefined();
    expect(refusal({ abuseProtection: { webAclArn: 'my-acl' } })).toBe('webAclArnForm');
    expect(refusal({ abuseProtection: { webAclArn: Fn.importValue('Acl') } })).toBeUndefined();
  });

  test('a pool that sends SMS to anyone who signs up is advised to turn it on; with it, or without self sign-up, it is not', () => {
    const open = { sms: SmsMfa.withNewRole(), userPoolProps: { selfSignUpEnabled: true } };
    expect(advisoryIds(open)).toContain('smsSignUpWithoutAbuseProtection');
    expect(advisoryIds({ ...open, abuseProtection: {} })).not.toContain('smsSignUpWithoutAbuseProtection');
    expect(advisoryIds({ sms: SmsMfa.withNewRole() })).not.toContain('smsSignUpWithoutAbuseProtection');
  });
});

describe('abuse protection phase: SMS country rules', () => {
  test('allowed codes are kept once each, in the order given; the others are blocked by default', () => {
    expect(resolve(countries({ allow: ['US', 'CA', 'US'] })).abuse?.countries).toEqual({
      allow: ['US', 'CA'], others: SmsCountryAction.BLOCK, configurationSetName: undefined,
    });
  });

  test.each([SmsCountryAction.FILTER, SmsCountryAction.MONITOR])('the others can be %s', (others) => {
    expect(resolve(countries({ allow: ['US'], otherCountries: others })).abuse?.countries?.others).toBe(others);
  });

  test('an action that is not an SmsCountryAction is refused', () => {
    expect(refusal(countries({ allow: ['US'], otherCountries: 'DROP' as SmsCountryAction }))).toBe('notAMember');
  });

  test('they combine with a web ACL you bring', () => {
    expect(resolve(direct({ webAclArn: ACL, smsCountries: { allow: ['US'] } })).abuse).toEqual({
      webAclArn: ACL, countries: { allow: ['US'], others: SmsCountryAction.BLOCK, configurationSetName: undefined }, smsSpendAlarmUsd: 50,
    });
  });

  test('a pool without SMS, or on the SNS path, is refused with the way out', () => {
    expect(refusal({ abuseProtection: { smsCountries: { allow: ['US'] } } })).toBe('smsCountriesWithoutSms');
    const sns = refusalMessage({ sms: SmsMfa.withNewRole(), abuseProtection: { smsCountries: { allow: ['US'] } } });
    expect(sns).toMatch(/abuseProtection\.smsCountries needs the direct End User Messaging path: on the Amazon SNS path Cognito applies only the account's default protect configuration/);
    expect(sns).toMatch(/SmsMfa\.withEndUserMessaging\(\)/);
    expect(sns).toMatch(/SetAccountDefaultProtectConfiguration/);
  });

  test('a configuration set of your own is refused: the rules go on the set this library creates', () => {
    const own = refusalMessage({ sms: SmsMfa.withEndUserMessaging({ configurationSetName: 'mine' }), abuseProtection: { smsCountries: { allow: ['US'] } } });
    expect(own).toMatch(/sms\.configurationSetName names a set of your own/);
    expect(own).toMatch(/Move the name to abuseProtection\.smsCountries\.configurationSetName/);
  });

  test.each([['us', "Write 'US'."], ['USA', "Use the ISO 3166-1 alpha-2 code, for example 'US'."], ['U1', "Use the ISO 3166-1 alpha-2 code, for example 'US'."], ['', "for example 'US'"]])(
    'the code %p is refused: %s', (code, fix) => {
      const text = refusalMessage(countries({ allow: ['CA', code] }));
      expect(text).toMatch(/abuseProtection\.smsCountries\.allow must hold two-letter ISO 3166-1 country codes in capitals/);
      expect(text).toContain(fix);
    });

  test('a token list, or a token in the list, is refused: the other countries are written at synthesis', () => {
    expect(refusal(countries({ allow: Fn.split(',', Fn.importValue('Countries')) }))).toBe('smsCountriesUnresolved');
    expect(refusal(countries({ allow: ['US', Fn.importValue('Country')] }))).toBe('smsCountriesUnresolved');
  });

  test('a code outside ISO 3166-1 is left out and advised, naming GB for UK', () => {
    const props = countries({ allow: ['GB', 'UK', 'XK'] });
    expect(resolve(props).abuse?.countries?.allow).toEqual(['GB']);
    const advice = advised(props).filter(a => a.startsWith('smsCountryNotIso'));
    expect(advice).toEqual([
      "smsCountryNotIso: abuseProtection.smsCountries.allow holds 'UK', which is not an ISO 3166-1 country code (the United Kingdom is GB): "
        + 'the rule set leaves it out, and End User Messaging allows a code it does not list.',
      "smsCountryNotIso: abuseProtection.smsCountries.allow holds 'XK', which is not an ISO 3166-1 country code: "
        + 'the rule set leaves it out, and End User Messaging allows a code it does not list.',
    ]);
  });

  test('allowing no country while blocking the others is advised; filtering or monitoring them is not', () => {
    expect(advisoryIds(countries({ allow: [] }))).toContain('smsCountriesAllowNone');
    expect(advisoryIds(countries({ allow: ['UK'] }))).toContain('smsCountriesAllowNone');
    expect(advisoryIds(countries({ allow: [], otherCountries: SmsCountryAction.MONITOR }))).not.toContain('smsCountriesAllowNone');
    expect(advisoryIds(countries({ allow: ['US'] }))).not.toContain('smsCountriesAllowNone');
  });

  test.each([['a', undefined], ['a'.repeat(64), undefined], ['my_set-1', undefined], ['a'.repeat(65), 'smsCountriesSetName'], ['has spaces', 'smsCountriesSetName'], ['', 'smsCountriesSetName']])(
    'the configuration set name %p: %p', (name, rule) => {
      expect(refusal(countries({ allow: ['US'], configurationSetName: name }))).toBe(rule);
    });

  test('a token configuration set name is not judged', () => {
    expect(resolve(countries({ allow: ['US'], configurationSetName: Fn.importValue('Set') })).abuse?.countries?.configurationSetName).toMatch(/^\$\{Token/);
  });
});

describe('abuse protection phase: limits that match the threat', () => {
  const { OFF, OPTIONAL } = MfaEnforcement;
  const signInLimit = (props: MfaUserPoolProps) => resolve({ ...props, abuseProtection: {} }).abuse?.webAcl?.signInRequestsPerIp;

  test.each<[string, MfaUserPoolProps, number]>([
    ['TOTP only', {}, 100],
    ['email MFA', { mfa: OPTIONAL, email: {}, totp: false }, 100],
    ['SMS as an MFA factor', { mfa: OPTIONAL, sms: SmsMfa.withNewRole() }, 50],
    ['SMS on the direct path', { sms: SmsMfa.withEndUserMessaging() }, 50],
    ['SMS sign-in codes with MFA off', { mfa: OFF, sms: SmsMfa.withNewRole(), passwordless: { smsOtp: true } }, 50],
  ])('the sign-in limit with %s is %p per address', (_name, props, limit) => {
    expect(signInLimit(props)).toBe(limit);
  });

  test('a sign-in limit given wins over the default for SMS', () => {
    expect(resolve({ sms: SmsMfa.withNewRole(), abuseProtection: { signInRequestsPerIp: 300 } }).abuse?.webAcl?.signInRequestsPerIp).toBe(300);
  });

  test.each(['managedLoginRequestsPerIp', 'codeRequestsAllIps', 'codeRequestsPerAsn'] as const)('%s is a rate limit: 10 to 2,000,000,000, whole', prop => {
    expect(refusal({ abuseProtection: { [prop]: 9 } })).toBe('rateLimitRange');
    expect(refusal({ abuseProtection: { [prop]: 10.5 } })).toBe('rateLimitRange');
    expect(refusalMessage({ abuseProtection: { [prop]: 2_000_000_001 } })).toContain(`abuseProtection.${prop} must be a whole number from 10 to 2,000,000,000`);
    expect(resolve({ abuseProtection: { [prop]: 10 } }).abuse?.webAcl?.[prop]).toBe(10);
    expect(refusal({ abuseProtection: { [prop]: Token.asNumber(Fn.importValue('Limit')) } })).toBeUndefined();
  });

  test('the circuit breaker and the limit per network are off unless asked for', () => {
    const webAcl = resolve({ abuseProtection: {} }).abuse?.webAcl;
    expect(webAcl).toMatchObject({ codeRequestsAllIps: undefined, codeRequestsPerAsn: undefined, botControl: false });
    expect(resolve({ abuseProtection: { botControl: true } }).abuse?.webAcl?.botControl).toBe(true);
  });

  test.each<[unknown, string | undefined]>([
    [['US', 'CA'], undefined],
    [['XK'], undefined],
    [['US', 'US'], undefined],
    [[], 'callerCountryCode'],
    [['us'], 'callerCountryCode'],
    [['UK'], 'callerCountryCode'],
    [['USA'], 'callerCountryCode'],
    [['ZZ'], 'callerCountryCode'],
  ])('callerCountries %j: %p', (codes, rule) => {
    expect(refusal({ abuseProtection: { callerCountries: codes as string[] } })).toBe(rule);
  });

  test('callerCountries are kept once each; the refusal names the fix', () => {
    expect(resolve({ abuseProtection: { callerCountries: ['US', 'CA', 'US'] } }).abuse?.webAcl?.callerCountries).toEqual(['US', 'CA']);
    expect(refusalMessage({ abuseProtection: { callerCountries: ['us'] } })).toMatch(/abuseProtection\.callerCountries .*Write 'US'/s);
    expect(refusalMessage({ abuseProtection: { callerCountries: ['UK'] } })).toMatch(/United Kingdom is GB/);
  });

  test('token countries pass unjudged, as a list or one by one', () => {
    expect(refusal({ abuseProtection: { callerCountries: Token.asList(Fn.importValue('Countries')) } })).toBeUndefined();
    expect(refusal({ abuseProtection: { callerCountries: [Fn.importValue('Country')] } })).toBeUndefined();
  });

  test.each(['managedLoginRequestsPerIp', 'codeRequestsAllIps', 'codeRequestsPerAsn', 'callerCountries', 'botControl'] as const)(
    '%s describes the created web ACL, so it is refused next to webAclArn', prop => {
      const value = prop === 'callerCountries' ? ['US'] : prop === 'botControl' ? true : 100;
      expect(refusalMessage({ abuseProtection: { webAclArn: ACL, [prop]: value } })).toContain(`abuseProtection.${prop} describes the web ACL this library creates`);
    });
});

describe('abuse protection phase: the SMS spend alarm', () => {
  test.each<[string, MfaUserPoolProps, number | undefined]>([
    ['SMS through SNS, default', { sms: SmsMfa.withNewRole(), abuseProtection: {} }, 50],
    ['SMS directly, given', { sms: SmsMfa.withEndUserMessaging(), abuseProtection: { smsSpendAlarmUsd: 300 } }, 300],
    ['SMS with a web ACL you bring', { sms: SmsMfa.withNewRole(), abuseProtection: { webAclArn: ACL } }, 50],
    ['no SMS', { abuseProtection: {} }, undefined],
  ])('%s: %p USD', (_name, props, usd) => {
    expect(resolve(props).abuse?.smsSpendAlarmUsd).toBe(usd);
  });

  test.each<[unknown, string | undefined]>([[0.5, undefined], [0, 'smsSpendAlarmOption'], [-1, 'smsSpendAlarmOption'], [NaN, 'smsSpendAlarmOption']])(
    'a threshold of %p: %p', (usd, rule) => {
      expect(refusal({ sms: SmsMfa.withNewRole(), abuseProtection: { smsSpendAlarmUsd: usd as number } })).toBe(rule);
    });

  test('a token threshold passes unjudged; a threshold without SMS is refused, naming the fix', () => {
    expect(refusal({ sms: SmsMfa.withNewRole(), abuseProtection: { smsSpendAlarmUsd: Token.asNumber(Fn.importValue('Usd')) } })).toBeUndefined();
    expect(refusalMessage({ abuseProtection: { smsSpendAlarmUsd: 10 } })).toMatch(/abuseProtection\.smsSpendAlarmUsd sets the SMS spend alarm, but the pool sends no SMS/);
  });
});
