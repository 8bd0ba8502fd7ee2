/**
 * The coverage matrix of abuse protection: every request that can make Cognito send a code, as
 * Cognito hands it to WAF, evaluated on the synthesized web ACL. A row names the rate-based rules
 * that must count it; a reviewer adds a surface in one line, and a surface no rule counts fails.
 *
 * How Cognito presents requests to WAF (the guide, "Associate an AWS WAF web ACL with a user
 * pool"): API requests carry `x-amzn-cognito-operation-name` and `x-amzn-cognito-client-id`;
 * "Managed login requests only include the x-amzn-cognito-client-id header". API requests are
 * POSTs to `/`; managed login's pages are paths of the pool's domain (the guide's managed login
 * endpoints: /login, /signup, /confirm, /forgotPassword, /confirmForgotPassword, ...).
 */
import { Template } from 'aws-cdk-lib/assertions';
import { MfaEnforcement, MfaUserPool, ManagedLoginDomain, SmsMfa } from '../../src';
import { newStack } from '../util';
import { countedBy, verdicts, WafRequest } from '../waf-oracle';
import { api, page, SURFACES } from '../waf-surfaces';

function webAcl(options: Record<string, unknown>): any {
  const stack = newStack();
  const pool = new MfaUserPool(stack, 'Users', {
    mfa: MfaEnforcement.OPTIONAL,
    sms: SmsMfa.withNewRole(),
    userPoolProps: { selfSignUpEnabled: true },
    abuseProtection: options,
  });
  pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('coverage-users') });
  const acls = Object.values(Template.fromStack(stack).findResources('AWS::WAFv2::WebACL')) as any[];
  expect(acls).toHaveLength(1);
  return acls[0].Properties;
}

describe('every surface that sends a code is counted by a rate-based rule', () => {
  const all = webAcl({ codeRequestsAllIps: 1000, codeRequestsPerAsn: 100, captcha: true, callerCountries: ['US', 'CA'], botControl: true });
  const defaults = webAcl({});

  test.each(SURFACES)('%s', (_surface, request, sendsCode, rules) => {
    expect(countedBy(all, request).sort()).toEqual([...rules].sort());
    // With the defaults, the circuit breaker and the limit per network are off: the rest still counts.
    expect(countedBy(defaults, request).sort()).toEqual(rules.filter(r => r !== 'CodeRequestsAllIps' && r !== 'CodeRequestsPerAsn').sort());
    if (sendsCode) {
      // A limit per address always stands in front of a code.
      expect(verdicts(defaults, request).some(v => v.key === 'IP' && v.matches)).toBe(true);
    }
  });

  test('callers outside callerCountries are blocked from every code surface, and never from sign-in', () => {
    const rule = (request: WafRequest) => verdicts(all, request).find(v => v.rule === 'CodeRequestsFromOtherCountries')!.matches;
    for (const [surface, request, , rules] of SURFACES) {
      const abroad = { ...request, country: 'RU' };
      expect({ surface, blocked: rule(abroad) }).toEqual({ surface, blocked: rules.includes('CodeRequestsPerIp') });
      expect({ surface, blocked: rule({ ...request, country: 'CA' }) }).toEqual({ surface, blocked: false });
    }
  });

  test('Bot Control inspects exactly the requests that can send a code', () => {
    const bot = (request: WafRequest) => verdicts(all, request).find(v => v.rule === 'AWSManagedRulesBotControlRuleSet')!.matches;
    for (const [surface, request, , rules] of SURFACES) {
      expect({ surface, inspected: bot(request) }).toEqual({ surface, inspected: rules.includes('CodeRequestsPerIp') });
    }
  });

  test('the CAPTCHA covers managed login\'s code and sign-in pages, never an API request or TOTP registration', () => {
    const captcha = (request: WafRequest) => verdicts(all, request).find(v => v.rule === 'ManagedLoginCaptcha')!.matches;
    expect(captcha(page('POST', '/signup'))).toBe(true);
    expect(captcha(page('POST', '/login'))).toBe(true);
    expect(captcha(page('POST', '/forgotPassword'))).toBe(true);
    expect(captcha(page('POST', '/confirm'))).toBe(true);
    expect(captcha(api('SignUp'))).toBe(false);
    expect(captcha(api('AssociateSoftwareToken'))).toBe(false);
    expect(captcha(api('VerifySoftwareToken'))).toBe(false);
    expect(captcha(page('GET', '/oauth2/authorize'))).toBe(false);
    // A header the attacker adds does not make a page an API request.
    expect(captcha(page('POST', '/signup', 'US', { 'x-amzn-cognito-operation-name': 'X' }))).toBe(true);
    expect(captcha(page('POST', '//SignUp'))).toBe(true);
  });

  test('the rules aggregate as they say and block: per address, per network (the ASN key is written), all callers', () => {
    const keys = Object.fromEntries(verdicts(all, api('SignUp')).filter(v => v.key !== undefined).map(v => [v.rule, `${v.key} ${v.action}`]));
    expect(keys).toEqual({
      CodeRequestsAllIps: 'CONSTANT Block',
      CodeRequestsPerAsn: 'ASN Block',
      CodeRequestsPerIp: 'IP Block',
      SignInRequestsPerIp: 'IP Block',
      ManagedLoginRequestsPerIp: 'IP Block',
    });
  });

  test('the oracle counts only what blocks, and refuses a key it cannot read', () => {
    const counting = { Rules: all.Rules.map((r: any) => (r.Statement.RateBasedStatement ? { ...r, Action: { Count: {} } } : r)) };
    expect(countedBy(counting, api('SignUp'))).toEqual([]);
    const emptyKey = { Rules: [{ Name: 'Z', Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 10, AggregateKeyType: 'CUSTOM_KEYS', CustomKeys: [{}] } } }] };
    expect(() => verdicts(emptyKey, api('SignUp'))).toThrow(/one known component/);
  });

  test('the oracle refuses a statement it cannot read, so no rule passes unread', () => {
    const acl = { Rules: [{ Name: 'X', Statement: { RegexMatchStatement: {} } }] };
    expect(() => verdicts(acl, api('SignUp'))).toThrow(/RegexMatchStatement unknown/);
    expect(() => verdicts({ Rules: [{ Name: 'Y', Statement: { ByteMatchStatement: { FieldToMatch: { SingleHeader: { name: 'x' } } } } }] }, api('SignUp')))
      .toThrow(/CloudFormation casing/);
  });
});
