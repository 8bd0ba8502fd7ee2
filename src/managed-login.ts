import { Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ManagedLoginDomainSpec } from './private/managed-login-spec';

/**
 * The TLS security policy of a custom domain. Managed login needs TLS 1.2 or newer, so the
 * classic `TLS_V1` is not offered.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-add-custom-domain.html
 */
export enum ManagedLoginSecurityPolicy {
  /** TLS 1.2 and newer. */
  TLS_V1_2_2021 = 'TLS_V1_2_2021',
  /** TLS 1.3 only. */
  TLS_V1_3_2025 = 'TLS_V1_3_2025',
}

/**
 * The domain users sign in on with managed login: a prefix of Cognito's own domain, or a custom
 * domain of yours.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain.html
 */
export class ManagedLoginDomain {
  /**
   * A prefix domain, `<prefix>.auth.<region>.amazoncognito.com`: lowercase letters, digits and
   * hyphens, 1 to 63 characters, neither starting nor ending with a hyphen. Unique in the Region.
   *
   * @param prefix the domain prefix
   *
   * @example
   * const domain = ManagedLoginDomain.cognitoPrefix('myapp-users');
   */
  public static cognitoPrefix(prefix: string): ManagedLoginDomain {
    return new ManagedLoginDomain({ prefix });
  }

  /**
   * A custom domain, such as `auth.example.com`, with its ACM certificate, which must be in
   * us-east-1 (Cognito serves the domain through CloudFront). After deploying, point the domain
   * at the distribution (`ManagedLogin.cloudFrontDomainName`) in your DNS.
   *
   * @param domainName the fully qualified domain name
   * @param certificate its certificate, in us-east-1
   * @param securityPolicy the TLS policy (default `TLS_V1_2_2021`)
   *
   * @example
   * declare const certificate: acm.ICertificate;
   * const domain = ManagedLoginDomain.custom('auth.example.com', certificate);
   */
  public static custom(domainName: string, certificate: acm.ICertificate, securityPolicy?: ManagedLoginSecurityPolicy): ManagedLoginDomain {
    return new ManagedLoginDomain({ customDomainName: domainName, certificate, securityPolicy });
  }

  /**
   * What was given, for the construct to validate and bind.
   *
   * @internal
   */
  public readonly _spec: ManagedLoginDomainSpec;

  private constructor(spec: ManagedLoginDomainSpec) {
    this._spec = spec;
  }
}

/**
 * The look of managed login's pages: Cognito's own style, or your settings and assets (the JSON
 * the branding editor exports, and its images). One style is created for each app client.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-brandingeditor.html
 *
 * @example
 * const branding: ManagedLoginBrandingOptions = { cognitoProvidedValues: true };
 */
export interface ManagedLoginBrandingOptions {
  /**
   * Cognito's own style. Cannot be combined with `settings` or `assets` (CloudFormation: "When you
   * specify true for this option, you must also omit values for Settings and Assets").
   *
   * @default - true without settings and assets, false with them
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-managedloginbranding.html
   */
  readonly cognitoProvidedValues?: boolean;

  /**
   * The style's settings: the JSON document of the branding editor (components, categories).
   *
   * @default - none
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateManagedLoginBranding.html
   */
  readonly settings?: { [key: string]: any };

  /**
   * The style's images (logos, backgrounds, favicons), at most 40.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AssetType.html
   */
  readonly assets?: cognito.CfnManagedLoginBranding.AssetTypeProperty[];
}

/**
 * Options for `MfaUserPool.addManagedLogin()`.
 *
 * @example
 * const options: ManagedLoginOptions = {
 *   domain: ManagedLoginDomain.cognitoPrefix('myapp-users'),
 *   termsOfUseUrl: 'https://example.com/terms',
 *   privacyPolicyUrl: 'https://example.com/privacy',
 * };
 */
export interface ManagedLoginOptions {
  /**
   * The domain users sign in on.
   *
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-assign-domain.html
   */
  readonly domain: ManagedLoginDomain;

  /**
   * The style every app client of the pool gets (one branding resource per client: a client
   * without one shows "Login pages unavailable").
   *
   * @default - Cognito's own style
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html
   */
  readonly branding?: ManagedLoginBrandingOptions;

  /**
   * The link to your terms of use, shown at sign-up (with `privacyPolicyUrl`: managed login shows
   * the documents once both exist).
   *
   * @default - no terms of use
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html
   */
  readonly termsOfUseUrl?: string;

  /**
   * The link to your privacy policy, shown at sign-up (with `termsOfUseUrl`).
   *
   * @default - no privacy policy
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html
   */
  readonly privacyPolicyUrl?: string;

  /**
   * Whether managed login serves passkey registration (`/passkeys/add`) for the pool's passkeys:
   * their relying party ID must then be the domain users sign in on.
   *
   * @default - true when the pool offers passkeys
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-endpoints.html
   */
  readonly passkeyRegistration?: boolean;

  /**
   * The ID of a Route 53 health check of the primary Region: while it is unhealthy, managed login
   * and federation on this domain are served by the pool's replica (`Routing.Failover`, with the
   * pool's `replication` Region as the secondary). Needs `replication` on the pool.
   *
   * @default - no failover routing: the domain serves from the primary Region only
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html
   */
  readonly failoverHealthCheckId?: string;
}

/**
 * Managed login of an `MfaUserPool` (`addManagedLogin()`): its domain, and the URLs users need.
 * Every app client of the pool, including clients added later and clients made with the L2, gets
 * a branding style (and the terms documents), and every OAuth client its sign-in, sign-out and
 * passkey registration URLs as stack outputs.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-managed-login.html
 */
export class ManagedLogin {
  /**
   * Made by `MfaUserPool.addManagedLogin()`.
   *
   * @internal
   */
  public static _create(domain: cognito.UserPoolDomain, domainName: string, passkeyRegistration: boolean, custom: boolean): ManagedLogin {
    return new ManagedLogin(domain, domainName, passkeyRegistration, custom);
  }

  /** The user pool domain (managed login version 2). */
  public readonly domain: cognito.UserPoolDomain;
  /** The host users sign in on: `<prefix>.auth.<region>.amazoncognito.com`, or the custom domain. */
  public readonly domainName: string;
  /** `https://` and the host. */
  public readonly baseUrl: string;
  /** Managed login serves passkey registration (`/passkeys/add`). */
  public readonly passkeyRegistration: boolean;
  /** The CloudFront distribution a custom domain's DNS record points at; undefined for a prefix domain. */
  public readonly cloudFrontDomainName?: string;

  private constructor(domain: cognito.UserPoolDomain, domainName: string, passkeyRegistration: boolean, custom: boolean) {
    this.domain = domain;
    this.domainName = domainName;
    this.baseUrl = `https://${domainName}`;
    this.passkeyRegistration = passkeyRegistration;
    this.cloudFrontDomainName = custom ? (domain.node.defaultChild as cognito.CfnUserPoolDomain).attrCloudFrontDistribution : undefined;
  }

  /**
   * The sign-in URL of a client: the authorization code grant, back to `redirectUri` (one of the
   * client's callback URLs). A public client adds PKCE (`code_challenge`) to it.
   *
   * @param client the app client
   * @param redirectUri one of the client's callback URLs
   *
   * @example
   * declare const login: ManagedLogin;
   * declare const client: cognito.IUserPoolClient;
   * const url = login.signInUrl(client, 'https://app.example.com/callback');
   */
  public signInUrl(client: cognito.IUserPoolClient, redirectUri: string): string {
    return this._url('signIn', client.userPoolClientId, redirectUri);
  }

  /**
   * The sign-out URL of a client: ends the managed login session and returns to `logoutUri` (one
   * of the client's logout URLs).
   *
   * @param client the app client
   * @param logoutUri one of the client's logout URLs
   *
   * @example
   * declare const login: ManagedLogin;
   * declare const client: cognito.IUserPoolClient;
   * const url = login.signOutUrl(client, 'https://app.example.com/');
   */
  public signOutUrl(client: cognito.IUserPoolClient, logoutUri: string): string {
    return this._url('signOut', client.userPoolClientId, logoutUri);
  }

  /**
   * The page where a signed-in user registers a passkey, returning to `redirectUri`. Served by
   * managed login only (not the classic hosted UI).
   *
   * @param client the app client
   * @param redirectUri one of the client's callback URLs
   *
   * @example
   * declare const login: ManagedLogin;
   * declare const client: cognito.IUserPoolClient;
   * const url = login.passkeyRegistrationUrl(client, 'https://app.example.com/callback');
   */
  public passkeyRegistrationUrl(client: cognito.IUserPoolClient, redirectUri: string): string {
    return this._url('passkeyRegistration', client.userPoolClientId, redirectUri);
  }

  /**
   * One of the URLs, for a client ID.
   *
   * @internal
   */
  public _url(kind: 'signIn' | 'signOut' | 'passkeyRegistration', clientId: string, uri: string): string {
    const encoded = encodeLiteral(uri);
    switch (kind) {
      case 'signIn': return `${this.baseUrl}/oauth2/authorize?response_type=code&client_id=${clientId}&redirect_uri=${encoded}`;
      case 'signOut': return `${this.baseUrl}/logout?client_id=${clientId}&logout_uri=${encoded}`;
      default: return `${this.baseUrl}/passkeys/add?client_id=${clientId}&redirect_uri=${encoded}`;
    }
  }
}

/** A literal is URL-encoded; a token is left to resolve as it is. */
function encodeLiteral(value: string): string {
  return Token.isUnresolved(value) ? value : encodeURIComponent(value);
}
