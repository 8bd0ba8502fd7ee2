/**
 * The requests that can make Cognito send a code, as Cognito hands them to WAF, for the coverage
 * matrix (test/proof/waf-coverage.test.ts) and the property-based test. A row: the surface, the
 * request, whether it sends a code, and the rate-based rules of the created web ACL (every optional
 * rule on) that must count it, exactly.
 */
import { WafRequest } from './waf-oracle';

const CLIENT = { 'x-amzn-cognito-client-id': '1example23456789' };
export const api = (operation: string, country = 'US'): WafRequest =>
  ({ headers: { ...CLIENT, 'x-amzn-cognito-operation-name': operation }, path: '/', method: 'POST', country });
export const page = (method: string, path: string, country = 'US', extra: Record<string, string> = {}): WafRequest =>
  ({ headers: { ...CLIENT, ...extra }, path, method, country });

const CODE = ['CodeRequestsAllIps', 'CodeRequestsPerAsn', 'CodeRequestsPerIp'];
const CODE_PAGE = [...CODE, 'ManagedLoginRequestsPerIp'];
const SIGN_IN = ['SignInRequestsPerIp'];
const SIGN_IN_PAGE = [...SIGN_IN, 'ManagedLoginRequestsPerIp'];

/** [surface, the request, sends a code, the rate-based rules that must count it (exactly)]. */
export const SURFACES: ReadonlyArray<[string, WafRequest, boolean, string[]]> = [
  // The API operations that send a code outside sign-in.
  ['API SignUp', api('SignUp'), true, CODE],
  ['API ResendConfirmationCode', api('ResendConfirmationCode'), true, CODE],
  ['API ForgotPassword', api('ForgotPassword'), true, CODE],
  ['API GetUserAttributeVerificationCode', api('GetUserAttributeVerificationCode'), true, CODE],
  ['API UpdateUserAttributes (a new phone number or email is verified)', api('UpdateUserAttributes'), true, CODE],
  // Sign-in: SMS MFA and SMS sign-in codes.
  ['API InitiateAuth (SMS OTP sign-in, SMS MFA)', api('InitiateAuth'), true, SIGN_IN],
  ['API RespondToAuthChallenge (SMS MFA after the password)', api('RespondToAuthChallenge'), true, SIGN_IN],
  // Managed login and the classic hosted UI: pages of the pool's domain.
  ['managed login sign-up form', page('POST', '/signup'), true, CODE_PAGE],
  ['managed login confirmation form', page('POST', '/confirm'), true, CODE_PAGE],
  ['managed login resend link', page('GET', '/resendcode'), true, CODE_PAGE],
  ['managed login forgot password', page('POST', '/forgotPassword'), true, CODE_PAGE],
  ['managed login confirm forgot password', page('POST', '/confirmForgotPassword'), true, CODE_PAGE],
  ['managed login sign-in (SMS MFA or OTP code sent)', page('POST', '/login'), true, SIGN_IN_PAGE],
  ['managed login MFA step', page('POST', '/mfa'), true, SIGN_IN_PAGE],
  ['managed login sign-in step no list names', page('POST', '/selectChallenge'), true, SIGN_IN_PAGE],
  ['managed login sign-up page shown', page('GET', '/signup'), false, ['ManagedLoginRequestsPerIp']],
  ['managed login authorize redirect', page('GET', '/oauth2/authorize'), false, ['ManagedLoginRequestsPerIp']],
  // Evasions: spelling, case, a header the attacker adds.
  ['managed login sign-up in capitals', page('POST', '/SIGNUP'), true, CODE_PAGE],
  ['managed login sign-up with a doubled slash', page('POST', '//signup'), true, CODE_PAGE],
  ['managed login sign-up URL-encoded', page('POST', '/%73ignup'), true, CODE_PAGE],
  ['managed login sign-up through a dot segment', page('POST', '/./signup'), true, CODE_PAGE],
  ['managed login resend through a back-reference', page('GET', '/x/../resendcode'), true, CODE_PAGE],
  ['managed login method in lowercase', page('post', '/forgotpassword'), true, CODE_PAGE],
  ['managed login sign-up with a forged operation header', page('POST', '/signup', 'US', { 'x-amzn-cognito-operation-name': 'GetUser' }), true, CODE_PAGE],
  ['managed login forgot password forged as SignUp', page('POST', '/forgotpassword', 'US', { 'x-amzn-cognito-operation-name': 'SignUp' }), true, CODE_PAGE],
  ['managed login sign-in with a forged operation header', page('POST', '/login', 'US', { 'x-amzn-cognito-operation-name': 'X' }), true, SIGN_IN_PAGE],
  ['managed login unlisted step with a forged operation header', page('POST', '/selectChallenge', 'US', { 'x-amzn-cognito-operation-name': 'X' }), true, SIGN_IN_PAGE],
  ['managed login page forged as an API request on another path', page('GET', '/anything', 'US', { 'x-amzn-cognito-operation-name': 'GetUser' }), false, ['ManagedLoginRequestsPerIp']],
  ['API SignUp from abroad', api('SignUp', 'RU'), true, CODE],
  // Requests that send no code are not counted against the code limits.
  ['API GetUser', api('GetUser'), false, []],
  ['API AssociateSoftwareToken (TOTP registration)', api('AssociateSoftwareToken'), false, []],
  ['API ConfirmSignUp', api('ConfirmSignUp'), false, []],
];
