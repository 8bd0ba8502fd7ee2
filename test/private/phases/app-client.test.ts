import { Duration, Fn, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { AppClientOptions } from '../../../src';
import { ResolveContext } from '../../../src/private/context';
import { MfaConfigurationError } from '../../../src/private/errors';
import { resolveAppClient, resolveRefreshTokenRotation, unknownScopes } from '../../../src/private/resolve/app-client';
import { WARNING_PREFIX } from '../../../src/private/rules';

const CALLBACK = 'https://app.example.com/callback';

function resolve(options: AppClientOptions, choiceBasedSignIn = false): { l2: cognito.UserPoolClientOptions; advised: string[] } {
  const ctx = new ResolveContext('P');
  const l2 = resolveAppClient(ctx, 'Web', options, choiceBasedSignIn);
  return { l2, advised: ctx.advisories.map(a => `${a.id.slice(WARNING_PREFIX.length)}: ${a.message}`) };
}

function refused(options: AppClientOptions): MfaConfigurationError {
  try {
    resolve(options);
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      return e;
    }
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('resolveAppClient', () => {
  test('the default client: SRP, no secret, user-existence errors prevented, revocation on, OAuth off', () => {
    expect(resolve({})).toEqual({
      l2: {
        authFlows: { userSrp: true },
        generateSecret: false,
        preventUserExistenceErrors: true,
        enableTokenRevocation: true,
        disableOAuth: true,
      },
      advised: [],
    });
  });

  test('choice-based sign-in is added when the pool offers passkeys or passwordless factors', () => {
    expect(resolve({}, true).l2.authFlows).toEqual({ userSrp: true, user: true });
  });

  test('options win over the defaults and pass through unchanged', () => {
    const readAttributes = new cognito.ClientAttributes().withStandardAttributes({ email: true });
    const { l2 } = resolve({
      userPoolClientName: 'web',
      generateSecret: true,
      authFlows: { adminUserPassword: true },
      preventUserExistenceErrors: true,
      enableTokenRevocation: false,
      enablePropagateAdditionalUserContextData: true,
      readAttributes,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    });
    expect(l2).toMatchObject({
      userPoolClientName: 'web',
      generateSecret: true,
      authFlows: { adminUserPassword: true },
      enableTokenRevocation: false,
      enablePropagateAdditionalUserContextData: true,
      readAttributes,
      supportedIdentityProviders: [cognito.UserPoolClientIdentityProvider.COGNITO],
    });
  });

  test('oAuth without flows is the authorization code grant only, with the callback URLs given', () => {
    const { l2 } = resolve({ oAuth: { callbackUrls: [CALLBACK], logoutUrls: ['https://app.example.com/'], defaultRedirectUri: CALLBACK, scopes: [cognito.OAuthScope.OPENID] } });
    expect(l2.disableOAuth).toBeUndefined();
    expect(l2.oAuth).toEqual({
      flows: { authorizationCodeGrant: true, clientCredentials: false, implicitCodeGrant: false },
      callbackUrls: [CALLBACK],
      logoutUrls: ['https://app.example.com/'],
      defaultRedirectUri: CALLBACK,
      scopes: [cognito.OAuthScope.OPENID],
    });
  });

  test('the client credentials grant, alone and with a secret, needs no callback URL', () => {
    const { l2 } = resolve({ generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read')] } });
    expect(l2.oAuth).toMatchObject({
      flows: { authorizationCodeGrant: false, clientCredentials: true, implicitCodeGrant: false },
      callbackUrls: undefined,
    });
  });

  test('the implicit grant is refused with the reason and the way around it', () => {
    const error = refused({ oAuth: { callbackUrls: [CALLBACK], flows: { authorizationCodeGrant: true, implicitCodeGrant: true } } });
    expect(error.ruleId).toBe('implicitGrant');
    expect(error.message).toBe('[MfaUserPool P] addAppClient(\'Web\'): oAuth.flows.implicitCodeGrant asks for the OAuth implicit grant, which returns tokens in the '
      + 'browser\'s URL (received: {"authorizationCodeGrant":true,"implicitCodeGrant":true}). Use the authorization code grant (with PKCE): '
      + 'flows: { authorizationCodeGrant: true }, the default. A client that truly needs the implicit grant can be made with the L2: '
      + 'pool.userPool.addClient(). [rule: implicitGrant, docs/RULES.md#implicitgrant]');
  });

  test.each([
    ['no grant', { callbackUrls: [CALLBACK], flows: {} }, 'oAuthWithoutGrant', /oAuth\.flows enables no OAuth grant/],
    ['every grant false', { callbackUrls: [CALLBACK], flows: { authorizationCodeGrant: false, implicitCodeGrant: false } }, 'oAuthWithoutGrant', /enables no OAuth grant/],
    ['client credentials with the code grant', { callbackUrls: [CALLBACK], flows: { clientCredentials: true, authorizationCodeGrant: true } },
      'clientCredentialsNotAlone', /Make two clients/],
    ['the code grant without callback URLs', {}, 'codeGrantWithoutCallback', /oAuth\.callbackUrls is empty.*\(received: undefined\)/],
    ['the code grant with an empty list', { callbackUrls: [] }, 'codeGrantWithoutCallback', /\(received: \[\]\)/],
  ])('%s is refused', (_name, oAuth, rule, message) => {
    const error = refused({ generateSecret: true, oAuth });
    expect(error.ruleId).toBe(rule);
    expect(error.message).toMatch(message);
  });

  test('the client credentials grant without a secret is refused', () => {
    const error = refused({ oAuth: { flows: { clientCredentials: true } } });
    expect(error.ruleId).toBe('clientCredentialsWithoutSecret');
    expect(error.message).toMatch(/Set generateSecret: true on this client/);
  });

  test('advisories: user-existence errors off, and a client without ALLOW_USER_AUTH on a pool with passkeys', () => {
    expect(resolve({ preventUserExistenceErrors: false }).advised).toEqual([
      'userExistenceErrors: addAppClient(\'Web\'): preventUserExistenceErrors is false, so sign-in and password recovery tell an attacker which usernames exist.',
    ]);
    expect(resolve({ authFlows: { userSrp: true } }, true).advised).toEqual([
      'noChoiceBasedSignIn: addAppClient(\'Web\'): authFlows has no user (ALLOW_USER_AUTH), so this client cannot sign users in with the pool\'s passkeys or passwordless codes.',
    ]);
    expect(resolve({ authFlows: { userSrp: true } }, false).advised).toEqual([]);
  });
});

describe('app client phase: redirect URLs as Cognito takes them', () => {
  /** The rule a callback URL meets: the refusal's, an advisory's, or none. */
  function verdict(url: string, logout = false): string | undefined {
    const oAuth = logout ? { callbackUrls: [CALLBACK], logoutUrls: [url] } : { callbackUrls: [url] };
    try {
      return resolve({ oAuth }).advised.map(a => a.split(':')[0]).find(a => /callbackUrlScheme|logoutUrlInsecure/.test(a));
    } catch (e) {
      if (e instanceof MfaConfigurationError) {
        return e.ruleId;
      }
      throw e;
    }
  }

  test.each<[string, string | undefined]>([
    ['https://app.example.com/callback', undefined],
    ['http://localhost:3000/callback', undefined],
    ['http://127.0.0.1/cb', undefined],
    ['http://[::1]:8080/cb', undefined],
    ['myapp://callback', undefined],
    ['https://app.example.com/cb?x=1', undefined],
    ['http://app.example.com/callback', 'callbackUrlForm'],
    ['http://localhost.evil.example/cb', 'callbackUrlForm'],
    ['HTTP://APP.EXAMPLE.COM/cb', 'callbackUrlForm'],
    ['/callback', 'callbackUrlForm'],
    ['app.example.com/callback', 'callbackUrlForm'],
    ['https://app.example.com/cb#done', 'callbackUrlForm'],
    ['javascript:alert(1)', 'callbackUrlScheme'],
  ])('callback URL %p: %p', (url, rule) => {
    expect(verdict(url)).toBe(rule);
  });

  test.each<[string, string | undefined]>([
    ['https://app.example.com/out', undefined],
    ['http://localhost/out', undefined],
    ['http://app.example.com/out', 'logoutUrlInsecure'],
  ])('logout URL %p: %p', (url, rule) => {
    expect(verdict(url, true)).toBe(rule);
  });

  test('the refusal names the URL, the index and the fix', () => {
    expect(refused({ oAuth: { callbackUrls: [CALLBACK, 'http://app.example.com/cb'] } }).message)
      .toMatch(/oAuth\.callbackUrls\[1\] uses plain http on a host other than localhost.*http:\/\/localhost for development/);
  });
});

describe('resolveAppClient: the plan, scopes and the client credentials grant', () => {
  const service = (scopes?: cognito.OAuthScope[]): AppClientOptions =>
    ({ generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes } });
  const lite = (options: AppClientOptions) => () => resolveAppClient(new ResolveContext('P'), 'Web', options, false, true);

  test('choice-based sign-in on a LITE pool is refused with its exact message; on other plans, and SRP on LITE, it passes', () => {
    expect(lite({ authFlows: { user: true } })).toThrow(
      "[MfaUserPool P] addAppClient('Web'): authFlows.user asks for choice-based sign-in (ALLOW_USER_AUTH), which the LITE feature plan does not offer "
      + '(received: {"user":true}). Set featurePlan: cognito.FeaturePlan.ESSENTIALS on the pool (the default), or leave authFlows.user out. '
      + '[rule: userAuthFlowNeedsEssentials, docs/RULES.md#userauthflowneedsessentials]');
    expect(lite({ authFlows: { userSrp: true, user: false } })).not.toThrow();
    expect(lite({})).not.toThrow();
    expect(resolve({ authFlows: { user: true } }).l2.authFlows).toEqual({ user: true });
  });

  test.each([
    ['no scopes', undefined, "oAuth.scopes is not given, so the client gets aws-cdk-lib's default scopes, openid among them, which Cognito rejects for the client credentials grant (received: undefined)"],
    ['openid', [cognito.OAuthScope.OPENID], 'oAuth.scopes lists openid, and Cognito rejects openid for the client credentials grant (received: ["openid"])'],
    ['phone', [cognito.OAuthScope.PHONE], 'oAuth.scopes lists phone (with which the L2 writes openid), and Cognito rejects openid'],
    ['email', [cognito.OAuthScope.EMAIL], 'lists email (with which the L2 writes openid)'],
    ['profile', [cognito.OAuthScope.PROFILE], 'lists profile (with which the L2 writes openid)'],
  ])('client credentials with %s is refused: %s', (_name, scopes, text) => {
    const e = refused(service(scopes));
    expect(e.ruleId).toBe('clientCredentialsScopes');
    expect(e.message).toContain(text);
    expect(e.message).toContain('List the custom scopes of your resource server: scopes: [cognito.OAuthScope.resourceServer(server, scope)].');
  });

  test('client credentials with custom scopes passes without a word; with aws.cognito.signin.user.admin it is advised', () => {
    expect(resolve(service([cognito.OAuthScope.custom('api/read')])).advised).toEqual([]);
    expect(resolve(service([cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.COGNITO_ADMIN])).advised).toEqual([
      "clientCredentialsUserScope: addAppClient('Web'): oAuth.scopes lists aws.cognito.signin.user.admin, which authorizes a signed-in user's own operations: "
      + 'the client credentials grant signs in no user and authorizes custom scopes only. Remove it and list the scopes of your resource server.',
    ]);
  });

  test('the code grant keeps every built-in scope', () => {
    const { OPENID, EMAIL, PHONE, PROFILE, COGNITO_ADMIN } = cognito.OAuthScope;
    const all = [OPENID, EMAIL, PHONE, PROFILE, COGNITO_ADMIN];
    expect(resolve({ oAuth: { callbackUrls: [CALLBACK], scopes: all } }).l2.oAuth?.scopes).toEqual(all);
  });

  test('a scope neither built-in nor custom is refused, naming each; a token scope passes', () => {
    const e = refused({ oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.custom('Cognito'), cognito.OAuthScope.OPENID, cognito.OAuthScope.custom('read ')] } });
    expect([e.ruleId, e.message]).toEqual(['oAuthScopeUnknown', "[MfaUserPool P] addAppClient('Web'): oAuth.scopes lists Cognito, read , which is neither a built-in "
      + 'scope nor a custom scope of a resource server (received: ["Cognito","read "]). Use cognito.OAuthScope.OPENID, EMAIL, PHONE, PROFILE or COGNITO_ADMIN, '
      + 'or cognito.OAuthScope.resourceServer(server, scope). [rule: oAuthScopeUnknown, docs/RULES.md#oauthscopeunknown]']);
    expect(() => resolve({ oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.custom(Fn.ref('Scope'))] } })).not.toThrow();
  });

  test('unknownScopes: the built-in five and anything with a slash are known', () => {
    expect(unknownScopes(['phone', 'email', 'openid', 'profile', 'aws.cognito.signin.user.admin', 'api/read', 'https://api.example.com/read', 'a/b/c'])).toEqual([]);
    expect(unknownScopes(['Cognito', 'OpenID', 'email ', 'aws.cognito.signin.user', ''])).toEqual(['Cognito', 'OpenID', 'email ', 'aws.cognito.signin.user', '']);
  });
});

describe('resolveRefreshTokenRotation', () => {
  const rotation = (period?: Duration) => resolveRefreshTokenRotation(new ResolveContext('P'), 'Web', { refreshTokenRotationGracePeriod: period });

  test('no period, no rotation; the ends of the range and a whole number between are kept', () => {
    expect([rotation(), rotation(Duration.seconds(0)), rotation(Duration.seconds(1)), rotation(Duration.seconds(59)), rotation(Duration.seconds(60)),
      rotation(Duration.minutes(1))]).toEqual([undefined, 0, 1, 59, 60, 60]);
  });

  test.each([
    [Duration.seconds(61), '1 minute 1 second'],
    [Duration.millis(500), '500 millis'],
    [Duration.millis(1500), '1 second 500 millis'],
    [Duration.hours(1), '1 hour'],
  ])('%s is refused with its exact message', (period, shown) => {
    expect(() => rotation(period)).toThrow('[MfaUserPool P] addAppClient(\'Web\'): refreshTokenRotationGracePeriod must be a whole number of seconds from 0 to 60 '
      + `(received: "${shown}"). Give Duration.seconds(n) with n from 0 (the presented refresh token is invalid at once) to 60. `
      + '[rule: refreshTokenRotationGracePeriod, docs/RULES.md#refreshtokenrotationgraceperiod]');
  });

  test('a period known only at deploy time is written as given', () => {
    const period = Duration.seconds(Token.asNumber(Fn.ref('Grace')));
    expect(Token.isUnresolved(rotation(period))).toBe(true);
  });

  test('the rotation option never reaches the L2 options (it is written on the L1)', () => {
    expect(resolve({ refreshTokenRotationGracePeriod: Duration.seconds(10) }).l2).not.toHaveProperty('refreshTokenRotationGracePeriod');
  });
});

describe('resolveAppClient and rotation: what is advised', () => {
  test('client credentials with no scope at all is advised (its tokens authorize nothing a resource server checks)', () => {
    expect(resolve({ generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [] } }).advised).toEqual([
      "clientCredentialsWithoutScope: addAppClient('Web'): oAuth.scopes is empty, so the client's access tokens carry no scope and authorize nothing a resource "
      + 'server checks by scope. List the custom scopes of your resource server.',
    ]);
  });

  test('rotation on a LITE pool is advised and still written; on other plans nothing is said', () => {
    const lite = new ResolveContext('P');
    expect(resolveRefreshTokenRotation(lite, 'Web', { refreshTokenRotationGracePeriod: Duration.seconds(5) }, true)).toBe(5);
    expect(lite.advisories.map(a => a.id.slice(WARNING_PREFIX.length))).toEqual(['refreshTokenRotationOnLite']);
    const essentials = new ResolveContext('P');
    resolveRefreshTokenRotation(essentials, 'Web', { refreshTokenRotationGracePeriod: Duration.seconds(5) }, false);
    expect(essentials.advisories).toEqual([]);
    const none = new ResolveContext('P');
    resolveRefreshTokenRotation(none, 'Web', {}, true);
    expect(none.advisories).toEqual([]);
  });
});
