import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { AppClientOptions } from '../../../src';
import { ResolveContext } from '../../../src/private/context';
import { MfaConfigurationError } from '../../../src/private/errors';
import { resolveAppClient } from '../../../src/private/resolve/app-client';
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
