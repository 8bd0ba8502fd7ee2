import { Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { AppClientOptions } from '../../app-client';
import { ResolveContext } from '../context';
import { RULES } from '../rules';

/**
 * Decides the L2 options of one app client made with `addAppClient`: the options given, over
 * secure defaults. No OAuth unless asked; when asked, the authorization code grant only, the
 * implicit grant refused and callback URLs required (never the L2's `https://example.com`).
 *
 * @param ctx where refusals and advisories go
 * @param id the client's construct id, for messages
 * @param options what the caller passed
 * @param choiceBasedSignIn whether the pool offers passkeys or passwordless first factors
 */
export function resolveAppClient(
  ctx: ResolveContext, id: string, options: AppClientOptions, choiceBasedSignIn: boolean, lite = false,
): cognito.UserPoolClientOptions {
  const at = `addAppClient('${id}')`;
  if (lite && options.authFlows?.user) {
    throw ctx.refuse(RULES.userAuthFlowNeedsEssentials, `${at}: authFlows.user`, 'asks for choice-based sign-in (ALLOW_USER_AUTH), which the LITE feature plan does not offer',
      options.authFlows, 'Set featurePlan: cognito.FeaturePlan.ESSENTIALS on the pool (the default), or leave authFlows.user out.');
  }
  if (options.preventUserExistenceErrors === false) {
    ctx.advise(RULES.userExistenceErrors, `${at}: preventUserExistenceErrors is false, so sign-in and password recovery tell an attacker which usernames exist.`);
  }
  if (choiceBasedSignIn && options.authFlows && !options.authFlows.user) {
    ctx.advise(RULES.noChoiceBasedSignIn,
      `${at}: authFlows has no user (ALLOW_USER_AUTH), so this client cannot sign users in with the pool's passkeys or passwordless codes.`);
  }
  const generateSecret = options.generateSecret ?? false;
  // Rotation is written on the L1 by addAppClient (the floor's L2 has no such prop): see resolveRefreshTokenRotation.
  const { oAuth, refreshTokenRotationGracePeriod: _rotation, ...rest } = options;
  return {
    ...rest,
    authFlows: options.authFlows ?? { userSrp: true, ...(choiceBasedSignIn ? { user: true } : {}) },
    generateSecret,
    preventUserExistenceErrors: options.preventUserExistenceErrors ?? true,
    enableTokenRevocation: options.enableTokenRevocation ?? true,
    ...(oAuth ? { oAuth: resolveOAuth(ctx, at, oAuth, generateSecret) } : { disableOAuth: true }),
  };
}

/**
 * The grace period of refresh token rotation, in whole seconds from 0 to 60, or undefined for no
 * rotation.
 */
export function resolveRefreshTokenRotation(ctx: ResolveContext, id: string, options: AppClientOptions, lite = false): number | undefined {
  const period = options.refreshTokenRotationGracePeriod;
  if (period === undefined) {
    return undefined;
  }
  if (lite) {
    ctx.advise(RULES.refreshTokenRotationOnLite, `addAppClient('${id}'): refreshTokenRotationGracePeriod turns on refresh token rotation, which AWS announced for `
      + 'the ESSENTIALS and PLUS feature plans, on a LITE pool: Cognito may refuse the client, and without ALLOW_REFRESH_TOKEN_AUTH it could not refresh tokens. '
      + 'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (the default).');
  }
  const seconds = period.toSeconds({ integral: false });
  if (Token.isUnresolved(seconds)) {
    return period.toSeconds();
  }
  if (!Number.isInteger(seconds) || seconds < 0 || seconds > 60) {
    throw ctx.refuse(RULES.refreshTokenRotationGracePeriod, `addAppClient('${id}'): refreshTokenRotationGracePeriod`, 'must be a whole number of seconds from 0 to 60',
      period.toHumanString(), 'Give Duration.seconds(n) with n from 0 (the presented refresh token is invalid at once) to 60.');
  }
  return seconds;
}

function resolveOAuth(ctx: ResolveContext, at: string, oAuth: NonNullable<AppClientOptions['oAuth']>, generateSecret: boolean): cognito.OAuthSettings {
  const flows = oAuth.flows ?? { authorizationCodeGrant: true };
  if (flows.implicitCodeGrant) {
    throw ctx.refuse(RULES.implicitGrant, `${at}: oAuth.flows.implicitCodeGrant`, 'asks for the OAuth implicit grant, which returns tokens in the browser\'s URL', flows,
      'Use the authorization code grant (with PKCE): flows: { authorizationCodeGrant: true }, the default. A client that truly needs the implicit grant can be made with the L2: pool.userPool.addClient().');
  }
  if (!flows.authorizationCodeGrant && !flows.clientCredentials) {
    throw ctx.refuse(RULES.oAuthWithoutGrant, `${at}: oAuth.flows`, 'enables no OAuth grant, so the OAuth settings would do nothing', flows,
      'Enable authorizationCodeGrant (users signing in) or clientCredentials (a service with a secret), or leave oAuth out for SDK sign-in only.');
  }
  if (flows.clientCredentials && flows.authorizationCodeGrant) {
    throw ctx.refuse(RULES.clientCredentialsNotAlone, `${at}: oAuth.flows`, 'combines the client credentials grant with the authorization code grant', flows,
      'Make two clients: one with clientCredentials (and generateSecret) for services, one with authorizationCodeGrant for users.');
  }
  if (flows.clientCredentials && !generateSecret) {
    throw ctx.refuse(RULES.clientCredentialsWithoutSecret, `${at}: oAuth.flows.clientCredentials`, 'needs a client secret, which this client does not have', generateSecret,
      'Set generateSecret: true on this client.');
  }
  const unknown = unknownScopes(oAuth.scopes === undefined || Token.isUnresolved(oAuth.scopes) ? [] : oAuth.scopes.map(scope => scope.scopeName));
  if (unknown.length > 0) {
    throw ctx.refuse(RULES.oAuthScopeUnknown, `${at}: oAuth.scopes`, `lists ${unknown.join(', ')}, which is neither a built-in scope nor a custom scope of a resource server`,
      unknown, 'Use cognito.OAuthScope.OPENID, EMAIL, PHONE, PROFILE or COGNITO_ADMIN, or cognito.OAuthScope.resourceServer(server, scope).');
  }
  if (flows.clientCredentials) {
    checkClientCredentialsScopes(ctx, at, oAuth.scopes);
  }
  const callbackUrls = oAuth.callbackUrls ?? [];
  if (flows.authorizationCodeGrant && callbackUrls.length === 0) {
    throw ctx.refuse(RULES.codeGrantWithoutCallback, `${at}: oAuth.callbackUrls`,
      'is empty, but the authorization code grant sends the code to a callback URL', oAuth.callbackUrls,
      'List the URLs your app receives the code on: callbackUrls: [\'https://app.example.com/callback\'] (http://localhost for development).');
  }
  // A list token (Fn::Split of a parameter) is judged by nobody: its elements are not known here.
  const literal = (urls: string[] | undefined) => (urls === undefined || Token.isUnresolved(urls) ? [] : urls);
  literal(callbackUrls).forEach((url, i) => checkRedirectUrl(ctx, `${at}: oAuth.callbackUrls[${i}]`, url));
  literal(oAuth.logoutUrls).forEach((url, i) => {
    if (!Token.isUnresolved(url) && /^http:\/\//i.test(url) && !LOOPBACK.test(url)) {
      ctx.advise(RULES.logoutUrlInsecure, `${at}: oAuth.logoutUrls[${i}] is ${JSON.stringify(url)}: plain http on a host other than localhost. Use https.`);
    }
  });
  return {
    flows: {
      authorizationCodeGrant: flows.authorizationCodeGrant ?? false,
      clientCredentials: flows.clientCredentials ?? false,
      implicitCodeGrant: false,
    },
    callbackUrls: callbackUrls.length > 0 ? callbackUrls : undefined,
    logoutUrls: oAuth.logoutUrls,
    defaultRedirectUri: oAuth.defaultRedirectUri,
    scopes: oAuth.scopes,
  };
}

/** The built-in OAuth scopes of a user pool; any other scope is a custom one, `<resource server>/<scope>`. */
const BUILT_IN_SCOPES: ReadonlySet<string> = new Set(['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin']);

/** The literal scope names that are neither built-in nor of the custom form (ScopeDoesNotExistException at deploy). */
export function unknownScopes(names: readonly string[]): string[] {
  // A resource server's identifier may itself hold slashes (https://api.example.com/read): a custom scope has at least one.
  return names.filter(name => !Token.isUnresolved(name) && !BUILT_IN_SCOPES.has(name) && !name.includes('/'));
}

/** The scopes with which aws-cdk-lib's UserPoolClient writes openid: openid itself, and phone, email and profile, to which it adds openid. */
const OPENID_SCOPES = new Set(['openid', 'phone', 'email', 'profile']);

/**
 * A client credentials client takes custom scopes of a resource server: Cognito rejects openid
 * ("openid is not supported with client_credentials flow"), which the L2 writes when no scopes are
 * given and adds to phone, email and profile. aws.cognito.signin.user.admin is never granted.
 */
function checkClientCredentialsScopes(ctx: ResolveContext, at: string, scopes: cognito.OAuthScope[] | undefined): void {
  const fix = 'List the custom scopes of your resource server: scopes: [cognito.OAuthScope.resourceServer(server, scope)].';
  if (scopes === undefined) {
    throw ctx.refuse(RULES.clientCredentialsScopes, `${at}: oAuth.scopes`, 'is not given, so the client gets aws-cdk-lib\'s default scopes, openid among them, '
      + 'which Cognito rejects for the client credentials grant', scopes, fix);
  }
  const names = Token.isUnresolved(scopes) ? [] : scopes.map(scope => scope.scopeName).filter(name => !Token.isUnresolved(name));
  const openid = names.filter(name => OPENID_SCOPES.has(name));
  if (openid.length > 0) {
    throw ctx.refuse(RULES.clientCredentialsScopes, `${at}: oAuth.scopes`, `lists ${openid.join(', ')}${openid.includes('openid') ? '' : ' (with which the L2 writes openid)'}, `
      + 'and Cognito rejects openid for the client credentials grant', openid, fix);
  }
  if (!Token.isUnresolved(scopes) && scopes.length === 0) {
    ctx.advise(RULES.clientCredentialsWithoutScope, `${at}: oAuth.scopes is empty, so the client's access tokens carry no scope and authorize nothing a resource `
      + 'server checks by scope. List the custom scopes of your resource server.');
  }
  if (names.includes('aws.cognito.signin.user.admin')) {
    ctx.advise(RULES.clientCredentialsUserScope, `${at}: oAuth.scopes lists aws.cognito.signin.user.admin, which authorizes a signed-in user's own operations: `
      + 'the client credentials grant signs in no user and authorizes custom scopes only. Remove it and list the scopes of your resource server.');
  }
}

/** The loopback hosts plain http may name, for testing. */
const LOOPBACK = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?([/?]|$)/i;
/** A URI scheme (RFC 3986): what makes a URI absolute. */
const SCHEME = /^[a-z][a-z0-9+.-]*:/i;

/**
 * A callback URL as Cognito takes it: absolute, without a fragment, HTTPS except on the loopback
 * host. A token passes unjudged.
 */
function checkRedirectUrl(ctx: ResolveContext, prop: string, url: string): void {
  if (Token.isUnresolved(url)) {
    return;
  }
  const problem = !SCHEME.test(url) ? 'is not an absolute URI (it has no scheme)'
    : url.includes('#') ? 'has a fragment (#...)'
      : /^http:/i.test(url) && !LOOPBACK.test(url) ? 'uses plain http on a host other than localhost' : undefined;
  if (problem) {
    throw ctx.refuse(RULES.callbackUrlForm, prop, problem, url,
      'Give an absolute https URL without a fragment (https://app.example.com/callback), http://localhost for development, or an app scheme (myapp://callback).');
  }
  if (/^(javascript|data|vbscript):/i.test(url)) {
    ctx.advise(RULES.callbackUrlScheme, `${prop} is ${JSON.stringify(url)}: a script scheme, where Cognito would hand the authorization code to script in the page. Use the URL of your app.`);
  }
}
