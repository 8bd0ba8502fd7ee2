import { Stack, Token } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ManagedLoginOptions, ManagedLoginSecurityPolicy } from '../../managed-login';
import { MfaEnforcement } from '../../mfa';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { prefixDomainHost } from '../managed-login-spec';
import { RULES } from '../rules';
import { Decisions } from './decisions';

/** The style every client gets: Cognito's, or the settings and assets given. */
export interface BrandingDecisions {
  readonly cognitoProvidedValues: boolean;
  readonly settings?: { [key: string]: any };
  readonly assets?: cognito.CfnManagedLoginBranding.AssetTypeProperty[];
}

/** What managed login gets: the domain, the style of every client, the terms documents. */
export interface ManagedLoginDecisions {
  /** The prefix of a prefix domain; undefined for a custom domain. */
  readonly prefix?: string;
  /** A custom domain and its certificate; undefined for a prefix domain. */
  readonly custom?: { readonly domainName: string; readonly certificate: acm.ICertificate; readonly securityPolicy: ManagedLoginSecurityPolicy };
  /** The host users sign in on, when known at synthesis (a literal prefix in a stack of known Region, or a literal custom domain). */
  readonly host?: string;
  readonly branding: BrandingDecisions;
  readonly termsOfUseUrl?: string;
  readonly privacyPolicyUrl?: string;
  /** Managed login serves passkey registration (`/passkeys/add`). */
  readonly passkeyRegistration: boolean;
  /** The domain fails over to the replica's Region while the primary's health check is unhealthy. */
  readonly failover?: { readonly healthCheckId: string; readonly secondaryRegion: string };
}

/** A prefix as CreateUserPoolDomain takes it. */
const PREFIX = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;
/** Words CreateUserPoolDomain refuses anywhere in a prefix ("Domain cannot contain reserved word"). */
const RESERVED_WORDS = ['aws', 'amazon', 'cognito'];
/** A terms link as the AWS::Cognito::Terms schema takes it: 1 to 1,024 characters without white space. */
const TERMS_LINK = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]{1,1024}$/u;
/** An ACM certificate ARN: its Region is the fourth field. */
const CERTIFICATE_ARN = /^arn:[a-z-]+:acm:([a-z0-9-]+):\d{12}:certificate\/.+$/;

/**
 * Decides managed login for a pool already decided, or refuses what Cognito or CloudFormation
 * would reject: the plan, the domain's form, the certificate's Region, a style that is both
 * Cognito's and yours, a terms link of the wrong form, and a passkey relying party that managed
 * login cannot serve.
 *
 * @param region the stack's Region, or undefined in an environment-agnostic stack
 */
export function resolveManagedLogin(
  ctx: ResolveContext, options: ManagedLoginOptions, pool: Decisions, region: string | undefined,
): ManagedLoginDecisions {
  if (pool.plan.featurePlan === cognito.FeaturePlan.LITE) {
    throw ctx.refuse(RULES.managedLoginNeedsPlan, 'addManagedLogin()', 'needs the ESSENTIALS or PLUS feature plan', 'featurePlan LITE',
      'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or use the classic hosted UI through pool.userPool.addDomain().');
  }
  const spec = options.domain?._spec;
  if (!spec) {
    throw ctx.refuse(RULES.notAMember, 'addManagedLogin(domain)', 'is not a ManagedLoginDomain', options.domain,
      'Use ManagedLoginDomain.cognitoPrefix(\'myapp\') or ManagedLoginDomain.custom(\'auth.example.com\', certificate).');
  }
  let host: string | undefined;
  let custom: ManagedLoginDecisions['custom'];
  if (spec.prefix !== undefined) {
    checkPrefix(ctx, spec.prefix);
    host = isLiteral(spec.prefix) && region !== undefined ? prefixDomainHost(spec.prefix, region) : undefined;
  } else {
    const domainName = spec.customDomainName!;
    if (isLiteral(domainName) && (domainName.length < 1 || domainName.length > 63)) {
      throw ctx.refuse(RULES.managedLoginDomainForm, 'addManagedLogin(domain)', `must be 1 to 63 characters, not ${domainName.length}`, domainName,
        'Use a shorter domain name, such as auth.example.com.');
    }
    const certificateRegion = regionOf(spec.certificate!);
    if (certificateRegion !== undefined && certificateRegion !== 'us-east-1') {
      throw ctx.refuse(RULES.customDomainCertificateRegion, 'addManagedLogin(domain)', `has a certificate of ${certificateRegion}; a custom domain takes one of us-east-1`,
        spec.certificate!.certificateArn, 'Issue the certificate in us-east-1 (a stack of that Region, or acm.Certificate in a cross-Region stack) and pass it here.');
    }
    custom = { domainName, certificate: spec.certificate!, securityPolicy: spec.securityPolicy ?? ManagedLoginSecurityPolicy.TLS_V1_2_2021 };
    if (spec.securityPolicy !== undefined) {
      ctx.member('addManagedLogin(domain) security policy', spec.securityPolicy, ManagedLoginSecurityPolicy, 'a ManagedLoginSecurityPolicy');
    }
    host = isLiteral(domainName) ? domainName : undefined;
  }
  const branding = resolveBranding(ctx, options);
  const termsOfUseUrl = termsLink(ctx, 'termsOfUseUrl', options.termsOfUseUrl);
  const privacyPolicyUrl = termsLink(ctx, 'privacyPolicyUrl', options.privacyPolicyUrl);
  if ((termsOfUseUrl === undefined) !== (privacyPolicyUrl === undefined)) {
    ctx.advise(RULES.termsIncomplete, `addManagedLogin: ${termsOfUseUrl === undefined ? 'privacyPolicyUrl' : 'termsOfUseUrl'} is set without `
      + `${termsOfUseUrl === undefined ? 'termsOfUseUrl' : 'privacyPolicyUrl'}: managed login shows the documents at sign-up only once both exist. Set both.`);
  }
  // A literal prefix in a stack of unknown Region: the host's shape is known, its Region is not.
  const hostShape = host ?? (spec.prefix !== undefined && isLiteral(spec.prefix) ? `${spec.prefix}.auth.<region>.amazoncognito.com` : undefined);
  const passkeyRegistration = resolvePasskeyRegistration(ctx, options, pool, hostShape);
  if (pool.factors.mfa === MfaEnforcement.OPTIONAL) {
    ctx.advise(RULES.managedLoginOptionalMfa, 'addManagedLogin: with mfa OPTIONAL, managed login prompts nobody to set up MFA (only users who already have a '
      + 'preferred factor are asked for it). Set mfa: MfaEnforcement.REQUIRED to have it enrol TOTP at sign-up, or have your app offer MFA setup.');
  }
  if (pool.factors.sms && pool.abuse?.webAcl && !pool.abuse.webAcl.captcha) {
    ctx.advise(RULES.managedLoginSmsWithoutCaptcha, 'addManagedLogin: the pool sends SMS codes and its web ACL asks no CAPTCHA, so a bot can fill managed login\'s '
      + 'sign-up and password reset pages up to the per-address limits from every address it has. Set abuseProtection.captcha: true (TOTP registration stays '
      + 'exempt), and consider codeRequestsAllIps, a circuit breaker across addresses.');
  }
  const failover = resolveFailover(ctx, options, pool, spec.prefix !== undefined);
  return { prefix: spec.prefix, custom, host, branding, termsOfUseUrl, privacyPolicyUrl, passkeyRegistration, failover };
}

/** The Region of a certificate, when its ARN or its stack tells it at synthesis. */
function regionOf(certificate: acm.ICertificate): string | undefined {
  const arn = certificate.certificateArn;
  if (isLiteral(arn)) {
    return CERTIFICATE_ARN.exec(arn)?.[1];
  }
  // A certificate the app creates lives in its stack's Region; an imported one's deploy-time ARN tells nothing at synthesis.
  if (certificate.node.defaultChild === undefined) {
    return undefined;
  }
  const stackRegion = Stack.of(certificate).region;
  return Token.isUnresolved(stackRegion) ? undefined : stackRegion;
}

/** A prefix as CreateUserPoolDomain takes it: its form, and none of the reserved words. A token passes. */
function checkPrefix(ctx: ResolveContext, prefix: string): void {
  if (!isLiteral(prefix)) {
    return;
  }
  if (!PREFIX.test(prefix)) {
    throw ctx.refuse(RULES.managedLoginDomainForm, 'addManagedLogin(domain)', 'is not a domain prefix: 1 to 63 lowercase letters, digits and hyphens, '
      + 'not starting or ending with a hyphen', prefix, `Choose a prefix of that form, for example '${suggestPrefix(prefix)}'.`);
  }
  const reserved = RESERVED_WORDS.find(word => prefix.includes(word));
  if (reserved) {
    const without = prefix.split(reserved).join('').replace(/-+/g, '-').replace(/^-|-$/g, '') || 'myapp';
    throw ctx.refuse(RULES.managedLoginPrefixReserved, 'addManagedLogin(domain)', `contains the reserved word "${reserved}", which Cognito refuses in a domain prefix`,
      prefix, `Choose a prefix without aws, amazon or cognito, for example '${without}-auth'.`);
  }
}

/** The hosts a prefix domain's shape, `<prefix>.auth.<region>.amazoncognito.com`, stands for (auth-fips in AWS GovCloud (US)). */
function hostPattern(shape: string): RegExp {
  const [prefix] = shape.split('.');
  return new RegExp(`^${prefix}\\.auth(-fips)?\\.[a-z0-9-]+\\.amazoncognito\\.com$`);
}

function suggestPrefix(prefix: string): string {
  const cleaned = prefix.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 63);
  return cleaned === '' ? 'myapp-users' : cleaned;
}

function resolveBranding(ctx: ResolveContext, options: ManagedLoginOptions): BrandingDecisions {
  const b = options.branding ?? {};
  const own = b.settings !== undefined || (b.assets !== undefined && b.assets.length > 0);
  if (b.cognitoProvidedValues === true && own) {
    throw ctx.refuse(RULES.brandingCognitoAndOwn, 'addManagedLogin(branding)', 'asks for Cognito\'s own style and gives settings or assets', 'cognitoProvidedValues true',
      'Leave cognitoProvidedValues out (your settings and assets make the style), or remove settings and assets for Cognito\'s style.');
  }
  if (b.cognitoProvidedValues === false && !own) {
    throw ctx.refuse(RULES.brandingWithoutStyle, 'addManagedLogin(branding)', 'asks for a style of your own but gives no settings or assets', 'cognitoProvidedValues false',
      'Give settings (the branding editor\'s JSON) or assets, or leave cognitoProvidedValues out for Cognito\'s style.');
  }
  if (b.assets !== undefined && !Token.isUnresolved(b.assets) && b.assets.length > 40) {
    throw ctx.refuse(RULES.brandingAssets, 'addManagedLogin(branding.assets)', `holds ${b.assets.length} assets; a style takes at most 40`, `${b.assets.length} assets`,
      'Keep the 40 the pages show.');
  }
  if (own && b.settings === undefined) {
    ctx.advise(RULES.brandingAssetsWithoutSettings, 'addManagedLogin(branding): assets are given without settings. aws-cdk\'s deployed test of a style with assets '
      + 'gives settings too ("Must include some settings when specifying assets"): give settings (the branding editor\'s JSON) with the assets.');
  }
  return own ? { cognitoProvidedValues: false, settings: b.settings, assets: b.assets } : { cognitoProvidedValues: true };
}

function termsLink(ctx: ResolveContext, prop: 'termsOfUseUrl' | 'privacyPolicyUrl', url: string | undefined): string | undefined {
  if (url !== undefined && isLiteral(url) && !TERMS_LINK.test(url)) {
    throw ctx.refuse(RULES.termsLinkForm, `addManagedLogin(${prop})`, 'must be 1 to 1,024 characters without white space', url,
      'Give the document\'s URL, for example https://example.com/terms.');
  }
  return url;
}

/**
 * Passkey registration in managed login needs the relying party ID to be the host users sign in
 * on: a custom domain's name, or the whole prefix domain (its parent is a public suffix).
 */
function resolvePasskeyRegistration(ctx: ResolveContext, options: ManagedLoginOptions, pool: Decisions, host: string | undefined): boolean {
  const passkey = pool.firstFactors.passkey;
  if (!passkey) {
    if (options.passkeyRegistration === true) {
      throw ctx.refuse(RULES.passkeyRegistrationWithoutPasskeys, 'addManagedLogin(passkeyRegistration)', 'is true, but the pool offers no passkeys', true,
        'Configure passkeys: { relyingPartyId: ... } on the pool, or leave passkeyRegistration out.');
    }
    return false;
  }
  const serve = options.passkeyRegistration ?? true;
  const rp = passkey.relyingPartyId;
  const regionUnknown = host !== undefined && host.includes('<region>');
  if (host === undefined || !isLiteral(rp) || (regionUnknown && hostPattern(host).test(rp))) {
    ctx.advise(RULES.passkeyRelyingPartyUnchecked, 'addManagedLogin: the domain users sign in on, or passkeys.relyingPartyId, is not known at synthesis '
      + '(a token, or an environment-agnostic stack), so the relying party cannot be checked against it. Managed login serves passkeys only when the relying '
      + 'party ID is that domain.');
    return serve;
  }
  if (rp === host) {
    return serve;
  }
  if (regionUnknown) {
    host = host.replace('<region>', '<the stack\'s Region>');
  }
  if (serve) {
    throw ctx.refuse(RULES.passkeyRelyingPartyNotServed, 'passkeys.relyingPartyId', `is not the domain managed login serves (${host}), so managed login cannot `
      + 'register or accept these passkeys', rp, `Set passkeys.relyingPartyId to '${host}'; changing it invalidates passkeys registered for '${rp}', so to keep them `
      + 'pass passkeyRegistration: false and register passkeys in your own app. If the pool has a custom domain of its own, Cognito wants the relying party to be that '
      + 'domain: give addManagedLogin that domain (ManagedLoginDomain.custom).');
  }
  ctx.advise(RULES.passkeysOutsideManagedLogin, `addManagedLogin: passkeys.relyingPartyId '${rp}' is not the domain addManagedLogin serves (${host}): `
    + `managed login on ${host} neither registers nor accepts these passkeys; your app, or a domain of the pool named '${rp}', must.`);
  return false;
}

/** A Route 53 health check ID as FailoverType takes it: at most 64 characters (the API's HealthCheckIdType). */
function resolveFailover(ctx: ResolveContext, options: ManagedLoginOptions, pool: Decisions, prefixDomain: boolean): ManagedLoginDecisions['failover'] {
  const healthCheckId = options.failoverHealthCheckId;
  if (healthCheckId === undefined) {
    return undefined;
  }
  if (!pool.replication) {
    throw ctx.refuse(RULES.managedLoginFailover, 'addManagedLogin(failoverHealthCheckId)', 'needs a replica to fail over to, and the pool has no replication', healthCheckId,
      'Set replication: { region } on the pool, or leave failoverHealthCheckId out.');
  }
  if (isLiteral(healthCheckId) && (healthCheckId.length === 0 || healthCheckId.length > 64)) {
    throw ctx.refuse(RULES.managedLoginFailover, 'addManagedLogin(failoverHealthCheckId)', 'must be a Route 53 health check ID of 1 to 64 characters', healthCheckId,
      'Pass the health check\'s ID (route53.CfnHealthCheck attrHealthCheckId).');
  }
  if (prefixDomain) {
    ctx.advise(RULES.managedLoginFailoverPrefixDomain, 'addManagedLogin(failoverHealthCheckId) on a prefix domain: one version of the guide says automatic failover '
      + 'needs a custom domain ("You can only configure automatic failover ... with a custom domain"), a newer one that a prefix domain works too. Use a custom domain '
      + '(ManagedLoginDomain.customDomain) to be safe, or acknowledge this once the prefix domain\'s failover is deployed.');
  }
  ctx.advise(RULES.managedLoginFailoverOrder, 'addManagedLogin(failoverHealthCheckId): the domain is in the pool\'s stack, which deploys before the replica exists, '
    + 'and the guide sets failover routing once the replica is created. If the first deployment is refused, deploy without failoverHealthCheckId first, then add it.');
  return { healthCheckId, secondaryRegion: pool.replication.region };
}
