import { Duration } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/**
 * OAuth 2.0 for an app client made with `MfaUserPool.addAppClient`: managed login (the hosted UI)
 * and federation through the pool's authorization server.
 *
 * Only the authorization code grant (with PKCE, which Cognito supports for every public client)
 * and, for a client with a secret, the client credentials grant are offered. The implicit grant
 * returns tokens in the browser's URL, where they leak through history, referrers and logs: RFC
 * 9700 (OAuth 2.0 Security Best Current Practice) says it should not be used, and this library
 * refuses it. A client that truly needs it can be made with the L2, `pool.userPool.addClient()`.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-idp-settings.html
 * @see https://www.rfc-editor.org/rfc/rfc9700#section-2.1.2
 *
 * @example
 * const oAuth: AppClientOAuth = {
 *   callbackUrls: ['https://app.example.com/callback'],
 *   logoutUrls: ['https://app.example.com/signed-out'],
 *   scopes: [cognito.OAuthScope.OPENID, cognito.OAuthScope.EMAIL],
 * };
 */
export interface AppClientOAuth {
  /**
   * Where Cognito may send the user's browser with the authorization code after sign-in. Required
   * with the authorization code grant: Cognito refuses every authorization request whose
   * `redirect_uri` is not in this list, so a client without one can never complete a sign-in.
   * There is no placeholder default (the L2 would put `https://example.com`).
   *
   * Absolute URIs without a fragment; HTTPS, except `http://localhost`, `http://127.0.0.1` and
   * `http://[::1]` for testing; app schemes such as `myapp://callback` work too.
   *
   * @default - none: required with the authorization code grant, unused by the client credentials grant
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-CallbackURLs
   */
  readonly callbackUrls?: string[];

  /**
   * Where Cognito may send the user's browser after sign-out.
   *
   * @default - no sign-out URLs
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-LogoutURLs
   */
  readonly logoutUrls?: string[];

  /**
   * The default redirect URI, one of `callbackUrls`.
   *
   * @default - none (the request names its redirect_uri)
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-DefaultRedirectURI
   */
  readonly defaultRedirectUri?: string;

  /**
   * The scopes the client may ask for.
   *
   * @default - the L2's default: phone, email, openid, profile and aws.cognito.signin.user.admin
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html
   */
  readonly scopes?: cognito.OAuthScope[];

  /**
   * The grants. The implicit grant is refused (see the class documentation); the client
   * credentials grant needs `generateSecret` and must be the client's only grant (Cognito's rule).
   *
   * @default - the authorization code grant only
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows
   */
  readonly flows?: cognito.OAuthFlows;
}

/**
 * The options of `MfaUserPool.addAppClient`: the fields of the L2's `cognito.UserPoolClientOptions`
 * that exist in every aws-cdk-lib this library supports, with secure defaults. This library's own
 * struct, so that its Python, Java, .NET and Go bindings work on every aws-cdk-lib from the floor
 * up (jsii's Python binding expands a method's last struct parameter as it stood at build time).
 *
 * For a field added to the L2 later, make the client with `pool.userPool.addClient()` or set it on
 * the returned client's `node.defaultChild` (`cognito.CfnUserPoolClient`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html
 *
 * @example
 * declare const pool: MfaUserPool;
 * pool.addAppClient('WebClient', {
 *   oAuth: { callbackUrls: ['https://app.example.com/callback'] },
 *   accessTokenValidity: Duration.minutes(15),
 * });
 */
export interface AppClientOptions {
  /**
   * The client's name.
   *
   * @default - a name CloudFormation generates
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-ClientName
   */
  readonly userPoolClientName?: string;

  /**
   * Whether the client has a secret. Browser and mobile apps cannot keep one.
   *
   * Decide it once: `GenerateSecret` is fixed at creation, so changing it later replaces the
   * client. CloudFormation creates a new client with a new client ID and deletes the old one, and
   * every app configured with the old ID stops signing in until it gets the new one.
   *
   * @default false
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-client-apps.html#user-pool-settings-client-app-client-types
   */
  readonly generateSecret?: boolean;

  /**
   * The sign-in flows the client allows. Refresh-token auth is always on, unless `refreshTokenRotationGracePeriod` turns on rotation.
   *
   * @default - SRP (`userSrp`), and choice-based sign-in (`user`) when the pool offers passkeys or passwordless first factors
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow.html
   */
  readonly authFlows?: cognito.AuthFlow;

  /**
   * OAuth 2.0 (managed login and federation). Without it the client has no OAuth grant, callback
   * URL or scope: it signs users in through the SDK flows (`authFlows`) only.
   *
   * @default - no OAuth
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-app-idp-settings.html
   */
  readonly oAuth?: AppClientOAuth;

  /**
   * The identity providers the client may sign users in with.
   *
   * @default - every identity provider registered with the pool (Cognito's own when there is none)
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-SupportedIdentityProviders
   */
  readonly supportedIdentityProviders?: cognito.UserPoolClientIdentityProvider[];

  /**
   * Whether sign-in and password recovery hide which usernames exist.
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-managing-errors.html
   */
  readonly preventUserExistenceErrors?: boolean;

  /**
   * Whether refresh tokens can be revoked.
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/token-revocation.html
   */
  readonly enableTokenRevocation?: boolean;

  /**
   * Whether the client passes the user's IP address and device fingerprint to threat protection
   * (needs a client secret).
   *
   * @default false
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-adaptive-authentication.html#user-pool-settings-adaptive-authentication-device-fingerprint
   */
  readonly enablePropagateAdditionalUserContextData?: boolean;

  /**
   * Turns on refresh token rotation: each token refresh returns a new refresh token as well, and
   * the refresh token presented stays valid for this grace period (0 to 60 seconds), so that a
   * client can retry. Tokens are then renewed with GetTokensFromRefreshToken or the token
   * endpoint: the client no longer allows `ALLOW_REFRESH_TOKEN_AUTH`, since Cognito refuses
   * `REFRESH_TOKEN_AUTH` for a client with rotation on. Written on the L1, so it works on every
   * supported aws-cdk-lib.
   *
   * @default - no rotation: a refresh returns new ID and access tokens only
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
   */
  readonly refreshTokenRotationGracePeriod?: Duration;

  /**
   * How long the session of one sign-in (its MFA challenge included) lasts, 3 to 15 minutes.
   *
   * @default Duration.minutes(3)
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AuthSessionValidity
   */
  readonly authSessionValidity?: Duration;

  /**
   * How long access tokens are valid.
   *
   * @default Duration.minutes(60)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
   */
  readonly accessTokenValidity?: Duration;

  /**
   * How long ID tokens are valid.
   *
   * @default Duration.minutes(60)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-id-token.html
   */
  readonly idTokenValidity?: Duration;

  /**
   * How long refresh tokens are valid.
   *
   * @default Duration.days(30)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
   */
  readonly refreshTokenValidity?: Duration;

  /**
   * The attributes the client may read.
   *
   * @default - every standard and custom attribute
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
   */
  readonly readAttributes?: cognito.ClientAttributes;

  /**
   * The attributes the client may write.
   *
   * @default - every standard and custom attribute
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-attributes.html#user-pool-settings-attribute-permissions-and-scopes
   */
  readonly writeAttributes?: cognito.ClientAttributes;

  /**
   * Amazon Pinpoint analytics for the client.
   *
   * @default - no analytics
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-pinpoint-integration.html
   */
  readonly analytics?: cognito.AnalyticsConfiguration;
}
