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

const CLIENT = { 'x-amzn-cognito-client-id': '1example23456789' };
const api = (operation: string, country = 'US'): WafRequest =>
  ({ headers: { ...CLIENT, 'x-amzn-cognito-operation-name': operation }, path: '/', method: 'POST', country });
const page = (method: string, path: string, country = 'US', extra: Record<string, string> = {}): WafRequest =>
  ({ headers: { ...CLIENT, ...extra }, path, method, country });

const CODE = ['CodeRequestsAllIps', 'CodeRequestsPerAsn', 'CodeRequestsPerIp'];
const CODE_PAGE = [...CODE, 'ManagedLoginRequestsPerIp'];
const SIGN_IN = ['SignInRequestsPerIp'];
const SIGN_IN_PAGE = [...SIGN_IN, 'ManagedLoginRequestsPerIp'];

/** [surface, the request, sends a code, the rate-based rules that must count it (exactly)]. */
const SURFACES: ReadonlyArray<[string, WafRequest, boolean, string[]]> = [
  // The API operations that send a code outside sign-in.
  ['API SignUp', api('SignUp'), true, CODE],
  ['API ResendConfirmationCode', api('ResendConfirmationCode'), true, CODE],
  ['API ForgotPassword', api('ForgotPassword'), true, CODE],
  ['API GetUserAttributeVerificationCode', api('GetUserAttributeVerificationCode'), true, CODE],
  ['API UpdateUserAttributes (a new phone number or email is verified)', api('UpdateUserAttributes'), true, CODE],
  // Sign-in: SMS MFA and SMS sign-in codes.
  ['API InitiateAuth (SMS OTP sign-in, SMS MFA)', api('InitiateAuth'), true, SIGN_IN],
  ['API RespondToAuthChallenge (SMS MFA after the password)', api('RespondToAuthChallenge'), true, SIGN_IN],
  // Managed login and the classic hosted UI: no operation header.
  ['managed login sign-up form', page('POST', '/signup'), true, CODE_PAGE],
  ['managed login sign-up page', page('GET', '/signup'), false, CODE_PAGE],
  ['managed login confirmation, resend the code', page('POST', '/confirm'), true, CODE_PAGE],
  ['managed login forgot password', page('POST', '/forgotPassword'), true, CODE_PAGE],
  ['managed login confirm forgot password, resend', page('POST', '/confirmForgotPassword'), true, CODE_PAGE],
  ['managed login resend link', page('GET', '/resendcode'), true, CODE_PAGE],
  ['managed login sign-in (SMS MFA or OTP code sent)', page('POST', '/login'), true, SIGN_IN_PAGE],
  ['managed login MFA step', page('POST', '/mfa'), true, SIGN_IN_PAGE],
  ['managed login page no limit names (the catch-all counts it)', page('POST', '/a-page-added-later'), true, ['ManagedLoginRequestsPerIp']],
  ['managed login authorize redirect', page('GET', '/oauth2/authorize'), false, ['ManagedLoginRequestsPerIp']],
  // Evasions: case, a header the attacker adds, another country.
  ['managed login sign-up in capitals', page('POST', '/SIGNUP'), true, CODE_PAGE],
  ['managed login sign-up with a forged operation header', page('POST', '/signup', 'US', { 'x-amzn-cognito-operation-name': 'GetUser' }), true, CODE],
  ['managed login forgot password with a forged operation header', page('POST', '/forgotpassword', 'US', { 'x-amzn-cognito-operation-name': 'SignUp' }), true, CODE],
  ['managed login sign-in with a forged operation header', page('POST', '/login', 'US', { 'x-amzn-cognito-operation-name': 'X' }), true, SIGN_IN],
  ['API SignUp from abroad', api('SignUp', 'RU'), true, CODE],
  // Requests that send no code are not counted against the code limits.
  ['API GetUser', api('GetUser'), false, []],
  ['API AssociateSoftwareToken (TOTP registration)', api('AssociateSoftwareToken'), false, []],
  ['API ConfirmSignUp', api('ConfirmSignUp'), false, []],
];

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
  });

  test('the oracle refuses a statement it cannot read, so no rule passes unread', () => {
    const acl = { Rules: [{ Name: 'X', Statement: { RegexMatchStatement: {} } }] };
    expect(() => verdicts(acl, api('SignUp'))).toThrow(/RegexMatchStatement unknown/);
    expect(() => verdicts({ Rules: [{ Name: 'Y', Statement: { ByteMatchStatement: { FieldToMatch: { SingleHeader: { name: 'x' } } } } }] }, api('SignUp')))
      .toThrow(/CloudFormation casing/);
  });
});
