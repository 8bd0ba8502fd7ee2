import { App, CfnResource, Duration, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as fc from 'fast-check';
import {
  AdaptiveAuthentication, AppClientOptions, CompromisedCredentialsEvent,
  DeviceRemembering, EmailMfaOptions, EndUserMessagingOptions, MfaEnforcement, MfaRecovery, MfaUserPool,
  ManagedLoginDomain, ManagedLoginOptions, MfaPolicyRule, MfaUserPoolProps, RiskAction, RiskNotificationSender, SmsCountryAction, SmsMfa,
  PoolEncryption, RecoverySenderOptions, SmsOriginationIdentity, ThreatProtection, TokenIssuer,
} from '../../src';
import { RULE_MARKER } from '../../src/private/errors';
import { judgePool } from '../../src/private/governance/checks';
import { resolvePolicy } from '../../src/private/governance/settings';
import { AppView, USER_POOL } from '../../src/private/governance/view';
import { ISO_COUNTRY_CODES } from '../../src/private/sms-countries';
import { deployedContent, schemaErrors } from '../amplify-schema';
import { ACCOUNT, newStack, poolProperties } from '../util';
import { verdicts, WafRequest } from '../waf-oracle';
import { api, page, SURFACES } from '../waf-surfaces';

/**
 * Property-based proof over the whole props space: every input either is refused with this
 * library's MfaConfigurationError naming a prop, or synthesizes a template that passes the
 * CloudFormation validation built into aws-cdk-lib (strict mode, through newStack) and the
 * invariants of the Cognito rules. Seeded, so a failure reproduces; PBT_RUNS overrides the count.
 */
const SEED = 20261129;
const RUNS = Number(process.env.PBT_RUNS ?? 2000);

/** The props this library names in its errors (the owned userPoolProps fields included). */
const PROP_NAMES = /^\[MfaUserPool TestStack\/Users\] (addAppClient\('Web'\): (oAuth(\.\w+)*|refreshTokenRotationGracePeriod)|addManagedLogin\((\w+(\.\w+)?)?\)|abuseProtection(\.\w+)+|mfa|totp|smsMfa|sms(\.\w+)?|email(\.\w+)?|logDelivery\.\w+|deviceRemembering|passwordPolicy(\.\w+)?|accountRecovery|featurePlan|threatProtection|passkeys(\.\w+)?|passwordless(\.\w+)?|adaptiveAuthentication(\.[\w.]+)?|customAuthThreatProtection|removalPolicy|encryption|tokenIssuer|replication(\.\w+)?|deletionProtection|userPoolProps\.[\w.]+( \/ userPoolProps\.\w+)?) |^\[MfaUserPool TestStack\/Recovery\] (pool|sender(\.\w+)?|the pool's SES email configuration\.\w+|freshSession|rateLimit|allowedOrigins) /;

/** Unset three times in four: most props are left to their defaults, as users do. */
const maybe = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 3, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** Unset nine times in ten: for props whose only other values are usually refused. */
const rarely = <T>(arb: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 9, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: arb });
/** Unset half the time: for the props whose combinations with the MFA mode matter most. */
const often = <T>(arb: fc.Arbitrary<T>) => fc.oneof(fc.constant(undefined), arb);
/** A valid value four times in five, an invalid one otherwise. */
const mostly = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 4, arbitrary: valid }, { weight: 1, arbitrary: invalid });

const message = mostly(
  fc.constantFrom('Your sign-in code is {####}', '{####}', 'Code: {####}. Do not share it.'),
  fc.oneof(fc.constantFrom('Your code', ''), fc.integer({ min: 130, max: 150 }).map(n => `{####}${'x'.repeat(n - 6)}`)),
);
const snsRegion = mostly(fc.constantFrom('us-east-1', 'us-east-2', 'eu-west-1', 'ap-northeast-1'), fc.constantFrom('ap-northeast-2', 'not-a-region'));
const externalId = mostly(fc.stringMatching(/^[\w+=,.@:/-]{2,40}$/), fc.constantFrom('a', 'has spaces'));

const phoneArn = (region: string) => `arn:aws:sms-voice:${region}:${ACCOUNT}:phone-number/phone-0123456789abcdef`;
const originationIdentity = mostly(
  fc.oneof(
    fc.constantFrom('us-east-1', 'us-east-2', 'eu-central-1').map(r => SmsOriginationIdentity.fromArn(phoneArn(r))),
    fc.constant(SmsOriginationIdentity.fromPhoneNumber('+12065550100')),
    fc.constant(SmsOriginationIdentity.fromId('MYBRAND')),
  ),
  fc.constantFrom(SmsOriginationIdentity.fromArn(`arn:aws:sns:us-east-1:${ACCOUNT}:topic`),
    SmsOriginationIdentity.fromPhoneNumber('206-555-0100'), SmsOriginationIdentity.fromId('has spaces')),
);
const eums = fc.record({
  originationIdentity: maybe(originationIdentity),
  configurationSetName: maybe(mostly(fc.constant('mfa-events'), fc.constant('mfa events'))),
  region: maybe(mostly(fc.constantFrom('us-east-1', 'eu-central-1'), fc.constant('not-a-region'))),
  indiaEntityId: maybe(fc.constant('1101234567890123456')),
  indiaTemplateId: maybe(fc.constant('1107123456789012345')),
});

type SmsChoice = { kind: 'new'; message?: string; snsRegion?: string; externalId?: string }
| { kind: 'imported'; message?: string; snsRegion?: string; externalId: string }
| { kind: 'eums-new'; message?: string; externalId?: string; eums: EndUserMessagingOptions }
| { kind: 'eums-imported'; message?: string; externalId: string; eums: EndUserMessagingOptions }
| { kind: 'app'; eumsPath: boolean; trusts: boolean; allows: boolean; managed: boolean; externalId: string };
const sms: fc.Arbitrary<SmsChoice> = fc.oneof(
  fc.record({ kind: fc.constant('new' as const), message: maybe(message), snsRegion: maybe(snsRegion), externalId: maybe(externalId) }),
  fc.record({ kind: fc.constant('imported' as const), message: maybe(message), snsRegion: maybe(snsRegion), externalId }),
  fc.record({ kind: fc.constant('eums-new' as const), message: maybe(message), externalId: maybe(externalId), eums }),
  fc.record({ kind: fc.constant('eums-imported' as const), message: maybe(message), externalId, eums }),
  // A role of the app: its trust and its permission are checked at synthesis.
  fc.record({ kind: fc.constant('app' as const), eumsPath: fc.boolean(), trusts: fc.boolean(), allows: fc.boolean(), managed: fc.boolean(), externalId }),
);

/** addAppClient's options: the grants, callback URLs, the secret; a service client one time in three. */
const CALLBACKS: string[][] = [['https://app.example.com/callback'], ['http://localhost:3000/cb', 'myapp://callback']];
const appClient = fc.oneof(
  {
    weight: 2,
    arbitrary: fc.record({
      generateSecret: maybe(fc.boolean()),
      preventUserExistenceErrors: rarely(fc.boolean()),
      oAuth: often(fc.record({
        callbackUrls: mostly(fc.constantFrom(...CALLBACKS), fc.constantFrom<string[] | undefined>([], undefined)),
        flows: maybe(fc.oneof(
          fc.constantFrom<cognito.OAuthFlows>({ authorizationCodeGrant: true }, { clientCredentials: true }, { implicitCodeGrant: true }, {}),
          fc.record({
            authorizationCodeGrant: maybe(fc.boolean()), implicitCodeGrant: rarely(fc.boolean()), clientCredentials: rarely(fc.boolean()),
          }),
        )),
        scopes: maybe(fc.constantFrom<cognito.OAuthScope[]>([cognito.OAuthScope.OPENID], [cognito.OAuthScope.custom('api/read')], [cognito.OAuthScope.EMAIL],
          [cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.COGNITO_ADMIN])),
        logoutUrls: maybe(fc.constant<string[]>(['https://app.example.com/'])),
      })),
      refreshTokenRotationGracePeriod: rarely(fc.constantFrom(Duration.seconds(0), Duration.seconds(30), Duration.seconds(61), Duration.millis(500))),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      generateSecret: mostly(fc.constant(true), fc.constant(false)),
      oAuth: fc.record({ flows: fc.constant<cognito.OAuthFlows>({ clientCredentials: true }), scopes: fc.constant<cognito.OAuthScope[]>([cognito.OAuthScope.custom('api/read')]) }),
    }),
  },
);
const email: fc.Arbitrary<EmailMfaOptions> = fc.record({
  subject: maybe(mostly(fc.constant('Your code'), fc.constantFrom('', 's'.repeat(141)))),
  body: maybe(mostly(fc.constantFrom('Your code is {####}', '{####}'), fc.constant('no placeholder'))),
});

const input = fc.record({
  region: fc.constantFrom('us-east-1', 'us-east-2', 'eu-central-1', 'ap-northeast-2', 'ap-southeast-5', 'ap-east-2', null),
  mfa: often(fc.constantFrom(MfaEnforcement.OFF, MfaEnforcement.OPTIONAL, MfaEnforcement.REQUIRED)),
  totp: maybe(fc.boolean()),
  sms: often(sms),
  smsMfa: rarely(fc.boolean()),
  client: often(appClient),
  abuse: maybe(fc.record({
    codeRequestsPerIp: maybe(mostly(fc.integer({ min: 10, max: 1000 }), fc.constantFrom(0, 9, 2.5))),
    signInRequestsPerIp: maybe(mostly(fc.integer({ min: 10, max: 5000 }), fc.constant(5))),
    evaluationWindowMin: maybe(mostly(fc.constantFrom(1, 2, 5, 10), fc.constant(3))),
    managedLoginRequestsPerIp: maybe(mostly(fc.integer({ min: 10, max: 5000 }), fc.constant(0))),
    codeRequestsAllIps: maybe(mostly(fc.integer({ min: 10, max: 100_000 }), fc.constant(3))),
    codeRequestsPerAsn: maybe(mostly(fc.integer({ min: 10, max: 10_000 }), fc.constant(1.5))),
    callerCountries: maybe(mostly(fc.subarray(['US', 'CA', 'GB', 'DE', 'XK'], { minLength: 1 }), fc.constantFrom<string[]>([], ['us'], ['UK']))),
    botControl: maybe(fc.boolean()),
    smsSpendAlarmUsd: maybe(mostly(fc.integer({ min: 1, max: 10_000 }), fc.constantFrom(0, -5))),
    blockAnonymousIps: maybe(fc.boolean()),
    captcha: maybe(fc.boolean()),
    webAclArn: rarely(mostly(
      fc.constant('arn:aws:wafv2:us-east-1:123456789012:regional/webacl/users/0123abcd'),
      fc.constant('arn:aws:wafv2:us-east-1:123456789012:global/webacl/users/0123abcd'))),
    smsCountries: often(fc.record({
      allow: mostly(fc.subarray(['US', 'CA', 'GB', 'DE', 'IN', 'BR'], { minLength: 1 }), fc.constantFrom<string[]>(['us'], ['UK'], [], ['US', 'XK'])),
      otherCountries: maybe(fc.constantFrom(SmsCountryAction.BLOCK, SmsCountryAction.FILTER, SmsCountryAction.MONITOR)),
      configurationSetName: maybe(mostly(fc.constant('users-otp'), fc.constant('users otp'))),
    })),
  })),
  email: maybe(email),
  // Encryption at rest and the token issuer: the valid kinds mostly, an alias or a key of another Region sometimes.
  encryption: maybe(mostly(fc.constantFrom('aws-owned' as const, 'created' as const, 'app-key' as const, 'app-multi-region' as const, 'imported' as const),
    fc.constantFrom('alias' as const, 'other-region' as const))),
  tokenIssuer: maybe(fc.constantFrom(TokenIssuer.ORIGINAL, TokenIssuer.UPDATED)),
  // Multi-Region replication: Regions of the announcement mostly, the pool's own Region or an unannounced one sometimes.
  replication: maybe(mostly(fc.constantFrom('us-west-2', 'eu-west-1', 'ap-northeast-1'), fc.constantFrom('us-east-1', 'ap-east-1', 'US-WEST-2'))),
  managedLogin: maybe(fc.record({
    domain: mostly(fc.constantFrom('prefix' as const, 'custom' as const), fc.constantFrom('bad-prefix' as const, 'eu-cert' as const)),
    branding: maybe(mostly(fc.constantFrom('cognito' as const, 'settings' as const), fc.constant('both' as const))),
    terms: maybe(mostly(fc.constant('both' as const), fc.constant('one' as const))),
    passkeyRegistration: rarely(fc.boolean()),
  })),
  ses: fc.boolean(),
  deviceRemembering: maybe(fc.constantFrom(DeviceRemembering.OFF, DeviceRemembering.ALWAYS, DeviceRemembering.USER_OPT_IN)),
  accountRecovery: maybe(fc.constantFrom(
    cognito.AccountRecovery.EMAIL_ONLY, cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA, cognito.AccountRecovery.NONE,
    cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA, cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
    cognito.AccountRecovery.PHONE_AND_EMAIL)),
  featurePlan: maybe(fc.constantFrom(cognito.FeaturePlan.LITE, cognito.FeaturePlan.ESSENTIALS, cognito.FeaturePlan.PLUS)),
  threatProtection: maybe(fc.constantFrom(ThreatProtection.OFF, ThreatProtection.AUDIT, ThreatProtection.ENFORCED)),
  customAuthThreatProtection: maybe(fc.constantFrom(ThreatProtection.OFF, ThreatProtection.AUDIT, ThreatProtection.ENFORCED)),
  signInAliases: maybe(fc.constantFrom<cognito.SignInAliases>(
    { email: true }, { phone: true }, { email: true, phone: true }, { username: true, email: true })),
  passkeys: often(fc.record({
    relyingPartyId: mostly(fc.constantFrom('auth.example.com', 'localhost', 'login.example.co.uk'),
      fc.constantFrom('https://auth.example.com', 'auth.example.com:443', '')),
    userVerification: maybe(fc.constantFrom(cognito.PasskeyUserVerification.REQUIRED, cognito.PasskeyUserVerification.PREFERRED)),
    countsAsMfa: maybe(fc.boolean()),
  })),
  adaptive: maybe(fc.record({
    preset: fc.boolean(),
    notify: fc.boolean(),
    low: maybe(fc.constant(RiskAction.ALLOW)),
    high: fc.constantFrom(RiskAction.BLOCK, RiskAction.MFA_REQUIRED, RiskAction.ALLOW),
    medium: fc.constantFrom(RiskAction.MFA_IF_CONFIGURED, RiskAction.ALLOW),
    events: maybe(mostly(fc.subarray(
      [CompromisedCredentialsEvent.SIGN_IN, CompromisedCredentialsEvent.PASSWORD_CHANGE, CompromisedCredentialsEvent.SIGN_UP]),
    fc.constant<CompromisedCredentialsEvent[]>([CompromisedCredentialsEvent.SIGN_IN, CompromisedCredentialsEvent.SIGN_IN]))),
    neverScore: maybe(fc.array(
      mostly(fc.constantFrom('203.0.113.0/24', '2001:db8::/32', '10.0.0.0/8'), fc.constantFrom('10.0.0.0/33', 'x')), { maxLength: 3 })),
  })),
  passwordless: often(fc.record({ emailOtp: often(fc.boolean()), smsOtp: often(fc.boolean()) })),
  logDelivery: maybe(fc.record({
    messageDeliveryErrors: maybe(fc.boolean()),
    userAuthEvents: maybe(fc.boolean()),
    retention: maybe(mostly(fc.constantFrom(logs.RetentionDays.ONE_MONTH, logs.RetentionDays.ONE_YEAR, logs.RetentionDays.INFINITE),
      fc.constant(42 as logs.RetentionDays))),
  })),
  recovery: rarely(fc.record({
    rateLimit: maybe(mostly(fc.integer({ min: 10, max: 100_000 }), fc.constantFrom(9, 10.5, 0))),
    freshMinutes: maybe(mostly(fc.integer({ min: 1, max: 60 }), fc.constantFrom(0, 61, 1.5))),
    origins: maybe(mostly(fc.constantFrom<string[]>(['https://app.example.com'], ['*'], ['http://localhost:3000', 'https://app.example.com:8443']),
      fc.constantFrom<string[]>(['https://app.example.com/'], ['*', 'https://app.example.com'], ['app.example.com']))),
    sender: often(mostly(fc.constantFrom<RecoverySenderOptions>({ from: 'Example <no-reply@example.com>', sesIdentityArn: `arn:aws:ses:eu-west-1:${ACCOUNT}:identity/example.com` }),
      fc.constantFrom<RecoverySenderOptions>({ from: 'no-reply', sesIdentityArn: `arn:aws:ses:eu-west-1:${ACCOUNT}:identity/example.com` },
        { from: 'no-reply@example.com', sesIdentityArn: `arn:aws:sns:eu-west-1:${ACCOUNT}:identity/example.com` }))),
  })),
  passwordPolicy: maybe(fc.record({
    minLength: maybe(mostly(fc.integer({ min: 6, max: 99 }), fc.constantFrom(4, 5, 100))),
    requireSymbols: maybe(fc.boolean()),
    passwordHistorySize: maybe(mostly(fc.integer({ min: 0, max: 24 }), fc.constantFrom(-1, 25))),
    tempPasswordValidityDays: maybe(mostly(fc.integer({ min: 1, max: 365 }), fc.constantFrom(366, 400))),
  })),
});
type Input = typeof input extends fc.Arbitrary<infer T> ? T : never;

function toSms(stack: any, choice: SmsChoice | undefined): SmsMfa | undefined {
  const brought = () => iam.Role.fromRoleArn(stack, 'Brought', `arn:aws:iam::${ACCOUNT}:role/cognito-sms`);
  switch (choice?.kind) {
    case undefined: return undefined;
    case 'new': return SmsMfa.withNewRole({ message: choice.message, snsRegion: choice.snsRegion, externalId: choice.externalId });
    case 'imported': return SmsMfa.withRole(brought(), choice.externalId, { message: choice.message, snsRegion: choice.snsRegion });
    case 'eums-new': return SmsMfa.withEndUserMessaging({ ...choice.eums, message: choice.message, externalId: choice.externalId });
    case 'eums-imported': return SmsMfa.withEndUserMessagingRole(brought(), choice.externalId, { ...choice.eums, message: choice.message });
    case 'app': {
      const role = new iam.Role(stack, 'AppRole', {
        assumedBy: choice.trusts
          ? new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': choice.externalId } } })
          : new iam.AccountRootPrincipal(),
      });
      if (choice.allows) {
        role.addToPolicy(new iam.PolicyStatement({ actions: [choice.eumsPath ? 'sms-voice:SendTextMessage' : 'sns:Publish'], resources: ['*'] }));
      }
      if (choice.managed) {
        role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSNSFullAccess'));
      }
      return choice.eumsPath ? SmsMfa.withEndUserMessagingRole(role, choice.externalId) : SmsMfa.withRole(role, choice.externalId);
    }
  }
}

function toAbuse(a: Input['abuse']): MfaUserPoolProps['abuseProtection'] {
  if (!a) {
    return undefined;
  }
  const { evaluationWindowMin, ...rest } = a;
  return { ...rest, evaluationWindow: evaluationWindowMin === undefined ? undefined : Duration.minutes(evaluationWindowMin) };
}

/** Abuse protection: one association with the pool; no ATP group; CAPTCHA only where no API operation is named. */
function checkAbuse(template: Template, i: Input): void {
  // The pool's web ACL: MfaRecovery's own is checked by checkRecovery.
  const associations = Object.entries(template.findResources('AWS::WAFv2::WebACLAssociation')).filter(([id]) => !id.startsWith('Recovery')).map(([, a]) => a) as any[];
  expect(associations).toHaveLength(i.abuse ? 1 : 0);
  if (!i.abuse) {
    return;
  }
  expect(associations[0].Properties.ResourceArn['Fn::GetAtt'][1]).toBe('Arn');
  const acls = Object.entries(template.findResources('AWS::WAFv2::WebACL')).filter(([id]) => !id.startsWith('Recovery')).map(([, a]) => a) as any[];
  expect(acls).toHaveLength(i.abuse.webAclArn ? 0 : 1);
  for (const acl of acls) {
    expect(acl.Properties.Scope).toBe('REGIONAL');
    expect(JSON.stringify(acl)).not.toContain('AWSManagedRulesATPRuleSet');
    for (const rule of acl.Properties.Rules) {
      if (rule.Action?.Captcha) {
        // Never an API request (it cannot answer), never TOTP registration; managed login's sign-up page, however spelled.
        const captcha = (request: WafRequest) => verdicts({ Rules: [rule] }, request)[0].matches;
        expect([api('SignUp'), api('InitiateAuth'), api('AssociateSoftwareToken'), api('VerifySoftwareToken')].map(captcha)).toEqual([false, false, false, false]);
        expect([page('POST', '/signup'), page('POST', '//SignUp'), page('POST', '/login')].map(captcha)).toEqual([true, true, true]);
        countReached('CAPTCHA on managed login');
      }
      const limit = rule.Statement.RateBasedStatement?.Limit;
      if (limit !== undefined) {
        expect(limit).toBeGreaterThanOrEqual(10);
        expect([60, 120, 300, 600]).toContain(rule.Statement.RateBasedStatement.EvaluationWindowSec);
      }
    }
    // Every request that can send a code meets a limit per address, whatever the options.
    for (const [surface, request, sendsCode] of SURFACES) {
      if (sendsCode) {
        expect({ surface, perIp: verdicts(acl.Properties, request).some(v => v.key === 'IP' && v.matches) }).toEqual({ surface, perIp: true });
      }
    }
    countReached('web ACL created');
  }
  checkCountries(template, i);
  checkSpendAlarm(template, i);
}

/** The SMS spend alarm comes with abuse protection on a pool that sends SMS from its own Region, once. */
function checkSpendAlarm(template: Template, i: Input): void {
  const alarms = Object.values(template.findResources('AWS::CloudWatch::Alarm')).filter((a: any) => /Spen/.test(a.Properties.MetricName ?? '')) as any[];
  const pool = Object.values(template.findResources('AWS::Cognito::UserPool'))[0] as any;
  const smsConfig = pool.Properties.SmsConfiguration;
  const elsewhere = smsConfig?.SnsRegion !== undefined && smsConfig.SnsRegion !== 'us-east-1';
  expect(alarms).toHaveLength(i.abuse && smsConfig && !elsewhere ? 1 : 0);
  for (const alarm of alarms) {
    expect(alarm.Properties.Namespace).toBe(smsConfig.EumsSms ? 'AWS/SMSVoice' : 'AWS/SNS');
    expect(alarm.Properties.Threshold).toBe(i.abuse?.smsSpendAlarmUsd ?? 50);
    countReached('SMS spend alarm');
  }
}

/** Country rules: one protect configuration listing every ISO code, on the one set the pool names. */
function checkCountries(template: Template, i: Input): void {
  const protect = Object.values(template.findResources('AWS::SMSVOICE::ProtectConfiguration')) as any[];
  const sets = template.findResources('AWS::SMSVOICE::ConfigurationSet');
  const rules = i.abuse?.smsCountries;
  expect(protect).toHaveLength(rules ? 1 : 0);
  expect(Object.keys(sets)).toHaveLength(rules ? 1 : 0);
  if (!rules) {
    return;
  }
  const listed: Array<{ CountryCode: string; ProtectStatus: string }> = protect[0].Properties.CountryRuleSet.SMS;
  expect(listed.map(r => r.CountryCode)).toEqual([...ISO_COUNTRY_CODES]);
  const allowed = new Set(rules.allow.filter(c => ISO_COUNTRY_CODES.includes(c)));
  for (const rule of listed) {
    expect(rule.ProtectStatus).toBe(allowed.has(rule.CountryCode) ? 'ALLOW' : rules.otherCountries ?? 'BLOCK');
  }
  const [setId, set] = Object.entries<any>(sets)[0];
  const pool = Object.values<any>(template.findResources('AWS::Cognito::UserPool'))[0];
  expect(pool.Properties.SmsConfiguration.EumsSms.ConfigurationSetName).toBe(set.Properties.ConfigurationSetName);
  expect(set.Properties.ConfigurationSetName).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
  expect(pool.DependsOn).toContain(setId);
  countReached('SMS country rules created');
}

const CERT_ARN = (region: string) => `arn:aws:acm:${region}:${ACCOUNT}:certificate/0123abcd-0123-abcd-0123-0123456789ab`;

function toManagedLogin(stack: Stack, m: NonNullable<Input['managedLogin']>): ManagedLoginOptions {
  const cert = (region: string) => acm.Certificate.fromCertificateArn(stack, 'Cert', CERT_ARN(region));
  const domain = {
    'prefix': () => ManagedLoginDomain.cognitoPrefix('myapp-users'),
    'bad-prefix': () => ManagedLoginDomain.cognitoPrefix('MyApp'),
    'custom': () => ManagedLoginDomain.custom('auth.example.com', cert('us-east-1')),
    'eu-cert': () => ManagedLoginDomain.custom('auth.example.com', cert('eu-west-1')),
  }[m.domain]();
  const branding = m.branding === undefined ? undefined : {
    cognito: { cognitoProvidedValues: true },
    settings: { settings: { components: {} } },
    both: { cognitoProvidedValues: true, settings: { components: {} } },
  }[m.branding];
  return {
    domain,
    branding,
    termsOfUseUrl: m.terms ? 'https://example.com/terms' : undefined,
    privacyPolicyUrl: m.terms === 'both' ? 'https://example.com/privacy' : undefined,
    passkeyRegistration: m.passkeyRegistration,
  };
}

/** Managed login: one version-2 domain, one style per client (Cognito's or the settings), the terms, passkeys on the host. */
function checkManagedLogin(template: Template, i: Input): void {
  const domains = Object.values<any>(template.findResources('AWS::Cognito::UserPoolDomain'));
  const m = i.managedLogin;
  expect(domains).toHaveLength(m ? 1 : 0);
  if (!m) {
    return;
  }
  const d = domains[0].Properties;
  expect(d.ManagedLoginVersion).toBe(2);
  if (m.domain === 'custom') {
    expect(d.CustomDomainConfig).toEqual({ CertificateArn: CERT_ARN('us-east-1'), SecurityPolicy: 'TLS_V1_2_2021' });
  } else {
    expect(d.Domain).toMatch(/^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/);
  }
  const clients = Object.keys(template.findResources('AWS::Cognito::UserPoolClient')).sort();
  const styles = Object.values<any>(template.findResources('AWS::Cognito::ManagedLoginBranding')).map(r => r.Properties);
  expect(styles.map(st => st.ClientId.Ref).sort()).toEqual(clients);
  for (const style of styles) {
    expect(style.UseCognitoProvidedValues === true).toBe(style.Settings === undefined && style.Assets === undefined);
  }
  const terms = Object.values<any>(template.findResources('AWS::Cognito::Terms'));
  expect(terms).toHaveLength(clients.length * (m.terms === 'both' ? 2 : m.terms === 'one' ? 1 : 0));
  const rp = Object.values<any>(template.findResources('AWS::Cognito::UserPool'))[0].Properties.WebAuthnRelyingPartyID;
  const passkeyUrls = Object.keys(template.toJSON().Outputs ?? {}).filter(id => id.includes('ManagedLoginPasskeyRegistrationUrl'));
  if (passkeyUrls.length > 0) {
    // In a stack of unknown Region a prefix domain's relying party can only be checked for its shape.
    expect(rp).toMatch(m.domain === 'custom' ? /^auth\.example\.com$/
      : i.region === null ? /^myapp-users\.auth\.[a-z0-9-]+\.amazoncognito\.com$/ : new RegExp(`^myapp-users\\.auth\\.${i.region}\\.amazoncognito\\.com$`));
  }
  countReached('managed login');
}

const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-abcd-0123-0123456789ab';
function toEncryption(stack: Stack, kind: Input['encryption']): PoolEncryption | undefined {
  switch (kind) {
    case undefined: return undefined;
    case 'aws-owned': return PoolEncryption.awsOwnedKey();
    case 'created': return PoolEncryption.customerManagedKey();
    case 'app-key': return PoolEncryption.customerManagedKey(new kms.Key(stack, 'AppKey'));
    case 'app-multi-region': return PoolEncryption.customerManagedKey(new kms.Key(stack, 'AppKey', { multiRegion: true }));
    case 'imported': return PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack, 'ImportedKey', KEY_ARN.replace('us-east-1', stack.region)));
    case 'alias': return PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack, 'AliasKey', 'arn:aws:kms:us-east-1:123456789012:alias/users'));
    case 'other-region': return PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack, 'ElsewhereKey', KEY_ARN.replace('us-east-1', 'sa-east-1')));
  }
}

/** The key configuration and issuer written as asked; a customer managed key is the pool's own Region's, with the guide's statements when the app defines it. */
function checkEncryption(template: Template, i: Input, p: any): void {
  // A replicated pool without encryption gets a created multi-Region key.
  const kind = i.encryption ?? (i.replication === undefined ? undefined : 'created');
  expect(p.IssuerConfiguration).toEqual(i.tokenIssuer === undefined ? undefined : { Type: i.tokenIssuer });
  checkReplication(template, i);
  if (kind === undefined) {
    expect(p.KeyConfiguration).toBeUndefined();
    return;
  }
  expect(p.KeyConfiguration.KeyType).toBe(kind === 'aws-owned' ? 'AWS_OWNED_KEY' : 'CUSTOMER_MANAGED_KEY');
  const keys = Object.values<any>(template.findResources('AWS::KMS::Key'));
  expect(keys).toHaveLength(kind === 'created' || kind === 'app-key' || kind === 'app-multi-region' ? 1 : 0);
  for (const key of keys) {
    expect(key.Properties.KeyPolicy.Statement.map((st: any) => st.Sid)).toContain('CognitoEncryptsUserPools');
  }
  if (typeof p.KeyConfiguration.KmsKeyArn === 'string') {
    expect(p.KeyConfiguration.KmsKeyArn).toMatch(/^arn:aws:kms:[a-z0-9-]+:\d{12}:key\//);
    if (i.region !== null) {
      expect(p.KeyConfiguration.KmsKeyArn.split(':')[3]).toBe(i.region);
    }
  }
  countReached(`encryption ${kind}`);
}

/**
 * A replicated pool: its key is multi-Region, its replica sits in a stack of the pool's Region
 * (after the key replica, for a key of the app), and the SMS role it creates trusts both Regions.
 */
function checkReplication(template: Template, i: Input): void {
  if (i.replication === undefined) {
    return;
  }
  for (const key of Object.values<any>(template.findResources('AWS::KMS::Key'))) {
    expect(key.Properties.MultiRegion).toBe(true);
  }
  const app = lastApp!;
  const replicas = app.node.findAll().filter((c): c is CfnResource => c instanceof CfnResource && c.cfnResourceType === 'AWS::Cognito::UserPoolReplica');
  expect(replicas).toHaveLength(1);
  expect(Stack.of(replicas[0]).region).toBe(i.region);
  expect(Stack.of(replicas[0]).resolve((replicas[0] as any)._cfnProperties.RegionName)).toBe(i.replication);
  const keyReplicas = app.node.findAll().filter(c => c instanceof kms.CfnReplicaKey);
  const ownKey = i.encryption === undefined || i.encryption === 'created' || i.encryption === 'app-multi-region';
  expect(keyReplicas).toHaveLength(ownKey ? 1 : 0);
  if (ownKey) {
    expect(Stack.of(keyReplicas[0]).region).toBe(i.replication);
  }
  for (const role of Object.values<any>(template.findResources('AWS::IAM::Role'))) {
    const arns = role.Properties.AssumeRolePolicyDocument.Statement[0].Condition?.ArnLike?.['aws:SourceArn'];
    if (arns !== undefined && i.sms?.kind !== 'app') {
      expect(JSON.stringify(arns)).toContain(`:cognito-idp:${i.replication}:`);
    }
  }
  countReached('replicated');
}

function toProps(stack: any, i: Input): MfaUserPoolProps {
  return {
    mfa: i.mfa,
    totp: i.totp,
    sms: toSms(stack, i.sms),
    smsMfa: i.smsMfa,
    abuseProtection: toAbuse(i.abuse),
    email: i.email,
    deviceRemembering: i.deviceRemembering,
    accountRecovery: i.accountRecovery,
    featurePlan: i.featurePlan,
    threatProtection: i.threatProtection,
    customAuthThreatProtection: i.customAuthThreatProtection,
    passkeys: i.passkeys,
    passwordless: i.passwordless,
    adaptiveAuthentication: toAdaptive(i.adaptive),
    logDelivery: i.logDelivery,
    encryption: toEncryption(stack, i.encryption),
    tokenIssuer: i.tokenIssuer,
    replication: i.replication === undefined ? undefined : { region: i.replication },
    passwordPolicy: i.passwordPolicy && {
      minLength: i.passwordPolicy.minLength,
      requireSymbols: i.passwordPolicy.requireSymbols,
      passwordHistorySize: i.passwordPolicy.passwordHistorySize,
      tempPasswordValidity: i.passwordPolicy.tempPasswordValidityDays === undefined
        ? undefined : Duration.days(i.passwordPolicy.tempPasswordValidityDays),
    },
    userPoolProps: {
      signInAliases: i.signInAliases,
      email: i.ses ? cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1' }) : undefined,
    },
  };
}

const SENDER = RiskNotificationSender.fromArn('arn:aws:ses:us-east-1:123456789012:identity/example.com');

function toAdaptive(a: Input['adaptive']): AdaptiveAuthentication | undefined {
  if (a === undefined) {
    return undefined;
  }
  const notification = a.notify ? { sender: SENDER } : undefined;
  const ipExceptions = a.neverScore && { neverScore: a.neverScore };
  if (a.preset) {
    return AdaptiveAuthentication.recommended({ notification, ipExceptions });
  }
  return AdaptiveAuthentication.custom({
    accountTakeover: {
      low: a.low && { action: a.low }, medium: { action: a.medium, notify: a.notify }, high: { action: a.high, notify: a.notify },
    },
    compromisedCredentials: { block: true, events: a.events },
    ipExceptions,
    notification,
  });
}

/** The invariants of the Cognito rules page, checked on a synthesized template. */
const RECOMMENDED = resolvePolicy('MfaPolicy', {});

/**
 * The app-wide policy judges the template the construct wrote: every value is literal (nothing
 * unchecked), and the recommended policy's findings follow from the props alone.
 */
function checkPolicy(template: Template, i: Input): void {
  const json = template.toJSON();
  const view = new AppView([{ resources: json.Resources, outputs: json.Outputs ?? {} }]);
  const found = judgePool(view.ofType(USER_POOL)[0], view, RECOMMENDED);
  // Only what is not in the template is unchecked: a brought role named by a literal ARN, a web ACL named by one.
  const outside = new Set<string>([
    ...(i.sms?.kind === 'imported' || i.sms?.kind === 'eums-imported' ? [MfaPolicyRule.SMS_ROLE_TRUST] : []),
    ...(i.abuse?.webAclArn ? [MfaPolicyRule.SMS_ABUSE_PROTECTION] : []),
  ]);
  expect(found.filter(j => j.unchecked && !outside.has(j.rule))).toEqual([]);
  const rules = new Set(found.map(j => j.rule));
  expect(rules.has(MfaPolicyRule.MINIMUM_MFA)).toBe((i.mfa ?? MfaEnforcement.REQUIRED) !== MfaEnforcement.REQUIRED);
  expect(rules.has(MfaPolicyRule.DEVICE_REMEMBERING)).toBe(i.deviceRemembering === DeviceRemembering.ALWAYS);
  expect(rules.has(MfaPolicyRule.FEATURE_PLAN)).toBe(i.featurePlan === cognito.FeaturePlan.LITE);
  expect(rules.has(MfaPolicyRule.PASSKEY_USER_VERIFICATION)).toBe(i.passkeys?.userVerification === cognito.PasskeyUserVerification.PREFERRED);
  expect(rules.has(MfaPolicyRule.DELETION_PROTECTION)).toBe(false);
  if (i.abuse) {
    expect(found.some(j => j.rule === MfaPolicyRule.SMS_ABUSE_PROTECTION && !j.unchecked)).toBe(false);
  }
  countReached(rules.size === 0 ? 'policy: compliant' : 'policy: findings');
}

function checkInvariants(template: Template, i: Input): void {
  const json = JSON.stringify(template.toJSON());
  expect(json).not.toMatch(/undefined/);
  checkPolicy(template, i);
  checkClient(template, i);
  checkAbuse(template, i);
  checkManagedLogin(template, i);
  const pools = Object.values(template.findResources('AWS::Cognito::UserPool')) as any[];
  expect(pools).toHaveLength(1);
  const pool = pools[0];
  const p = pool.Properties;
  checkEncryption(template, i, p);
  const mode = i.mfa ?? MfaEnforcement.REQUIRED;
  const enabled: string[] = p.EnabledMfas ?? [];

  expect(p.MfaConfiguration).toBe({ OFF: 'OFF', OPTIONAL: 'OPTIONAL', REQUIRED: 'ON' }[mode]);
  if (mode !== MfaEnforcement.OFF) {
    expect(enabled.length).toBeGreaterThan(0);
  } else {
    expect(p.EnabledMfas).toBeUndefined();
  }
  expect(['LITE', 'ESSENTIALS', 'PLUS']).toContain(p.UserPoolTier);
  expect(pool.DeletionPolicy).toBe('Retain');
  expect(p.DeletionProtection).toBe('ACTIVE');

  if (p.SmsConfiguration) {
    checkSmsConfiguration(template, p.SmsConfiguration, i);
  }
  if (enabled.includes('EMAIL_OTP')) {
    expect(p.EmailConfiguration?.EmailSendingAccount).toBe('DEVELOPER');
    expect(['ESSENTIALS', 'PLUS']).toContain(p.UserPoolTier);
  }
  // "Can't turn off SMS_MFA when SMS configuration is set for the user pool" (measured).
  if (p.SmsConfiguration && mode !== MfaEnforcement.OFF) {
    expect(enabled).toContain('SMS_MFA');
  }
  if (p.SmsConfiguration && mode === MfaEnforcement.OFF) {
    countReached('SMS configuration with MFA OFF');
  }
  // "SMS configuration is required when phone_number is selected for auto verification" (measured).
  if ((p.AutoVerifiedAttributes ?? []).includes('phone_number')) {
    expect(p.SmsConfiguration).toBeDefined();
  }
  if (p.UserPoolAddOns?.AdvancedSecurityMode && p.UserPoolAddOns.AdvancedSecurityMode !== 'OFF') {
    expect(p.UserPoolTier).toBe('PLUS');
  }

  checkFirstFactors(p, enabled);
  checkRiskConfiguration(template, p, i);
  checkLogDelivery(template, p, i);

  const remembering = i.deviceRemembering ?? DeviceRemembering.USER_OPT_IN;
  expect(p.DeviceConfiguration).toEqual({
    [DeviceRemembering.OFF]: undefined,
    [DeviceRemembering.ALWAYS]: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: false },
    [DeviceRemembering.USER_OPT_IN]: { ChallengeRequiredOnNewDevice: true, DeviceOnlyRememberedOnUserPrompt: true },
  }[remembering]);

  // The one recovery shape measured to be rejected: phone recovery, SMS MFA, and the auto-verified
  // phone number as username ("Account Recovery Setting cannot use verified_phone_number ...").
  const mechanisms: string[] = p.AccountRecoverySetting?.RecoveryMechanisms?.map((m: any) => m.Name) ?? [];
  if (enabled.includes('SMS_MFA') && (p.UsernameAttributes ?? []).includes('phone_number') && (p.AutoVerifiedAttributes ?? []).includes('phone_number')) {
    expect(mechanisms).not.toContain('verified_phone_number');
  }
  if (mechanisms.includes('verified_phone_number') && enabled.includes('SMS_MFA')) {
    countReached('phone recovery next to SMS MFA');
  }
}

/**
 * SMS: exactly one path, as chosen; the role (created or brought) is used with its external ID;
 * a created role trusts Cognito with that ID and has the permissions of its path only, scoped to
 * the origination identity when that is an ARN.
 */
/** An addAppClient client: never the implicit grant or a placeholder URL; OAuth only when asked. */
function checkClient(template: Template, i: Input): void {
  // The pool's clients: MfaRecovery's password-check client is checked by checkRecovery.
  const clients = Object.entries(template.findResources('AWS::Cognito::UserPoolClient')).filter(([id]) => !id.startsWith('Recovery')).map(([, c]) => c) as any[];
  expect(clients).toHaveLength(i.client ? 1 : 0);
  if (!i.client) {
    return;
  }
  const c = clients[0].Properties;
  expect(c.AllowedOAuthFlows ?? []).not.toContain('implicit');
  expect(c.CallbackURLs ?? []).not.toContain('https://example.com');
  expect(c.AllowedOAuthFlowsUserPoolClient).toBe(i.client.oAuth !== undefined);
  if (i.client.oAuth === undefined) {
    expect(c.AllowedOAuthFlows).toBeUndefined();
    expect(c.CallbackURLs).toBeUndefined();
    countReached('client without OAuth');
  } else if ((c.AllowedOAuthFlows ?? []).includes('code')) {
    expect(c.CallbackURLs?.length).toBeGreaterThan(0);
    countReached('client with the code grant');
  } else {
    expect(c.AllowedOAuthFlows).toEqual(['client_credentials']);
    expect(c.GenerateSecret).toBe(true);
    // Cognito rejects openid with the client credentials grant.
    expect(c.AllowedOAuthScopes).not.toContain('openid');
    countReached('client with client credentials');
  }
  const rotation = (i.client as AppClientOptions).refreshTokenRotationGracePeriod;
  if (rotation !== undefined) {
    // Cognito refuses REFRESH_TOKEN_AUTH for a client with rotation on.
    expect(c.RefreshTokenRotation).toEqual({ Feature: 'ENABLED', RetryGracePeriodSeconds: rotation.toSeconds() });
    expect(c.ExplicitAuthFlows).not.toContain('ALLOW_REFRESH_TOKEN_AUTH');
    countReached('client with refresh token rotation');
  } else {
    expect(c.RefreshTokenRotation).toBeUndefined();
  }
}

function checkSmsConfiguration(template: Template, config: any, i: Input): void {
  const direct = i.sms?.kind === 'eums-new' || i.sms?.kind === 'eums-imported' || (i.sms?.kind === 'app' && i.sms.eumsPath);
  if (i.sms?.kind === 'app') {
    // A role of the app reaches a template only if it lets Cognito in with the external ID, and,
    // on the SNS path, is allowed sns:Publish (or has a managed policy, which cannot be read).
    expect(i.sms.trusts).toBe(true);
    expect(i.sms.eumsPath || i.sms.allows || i.sms.managed).toBe(true);
    countReached('SMS with a role of the app');
  }
  expect(Object.keys(config).includes('EumsSms')).toBe(direct);
  // The guide's Region tables: no direct path in Malaysia; no SNS path where the SNS table has no row.
  expect(direct && i.region === 'ap-southeast-5').toBe(false);
  expect(!direct && i.region === 'ap-east-2').toBe(false);
  expect(config.SnsCallerArn === undefined).toBe(direct);
  const { ExternalId: externalIdUsed, CallerArn, SnsCallerArn } = direct ? config.EumsSms : config;
  expect(externalIdUsed).toBeDefined();
  expect(CallerArn ?? SnsCallerArn).toBeDefined();
  countReached(direct ? 'SMS through End User Messaging' : 'SMS through SNS');
  // The roles of the pool: not the provider of aws-cdk-lib's cross-Region references (a replicated pool's key replica reads the key's ARN).
  // Nor MfaRecovery's function roles and policies (checked by checkRecovery).
  const roles = Object.entries<any>(template.findResources('AWS::IAM::Role'))
    .filter(([id]) => !id.startsWith('CustomCrossRegionExport') && !id.startsWith('Recovery')).map(([, role]) => role);
  for (const role of i.sms?.kind === 'app' ? [] : roles) {
    const trust = role.Properties.AssumeRolePolicyDocument.Statement[0];
    expect(trust.Condition.StringEquals['sts:ExternalId']).toEqual(externalIdUsed);
    expect(trust.Principal).toEqual({ Service: 'cognito-idp.amazonaws.com' });
  }
  const actions = (i.sms?.kind === 'app' ? [] : Object.entries(template.findResources('AWS::IAM::ManagedPolicy')).filter(([id]) => !id.startsWith('Recovery'))
    .map(([, policy]) => policy) as any[])
    .flatMap(policy => policy.Properties.PolicyDocument.Statement)
    .filter(statement => statement.Effect === 'Allow');
  for (const statement of actions) {
    expect(statement.Action).toBe(direct ? 'sms-voice:SendTextMessage' : 'sns:Publish');
  }
  const identity = direct && i.sms?.kind !== 'app' ? (i.sms as any).eums.originationIdentity?._spec : undefined;
  if (identity?.isArn && i.sms?.kind === 'eums-new') {
    expect(actions[0].Resource[0]).toBe(identity.value);
  }
}

/**
 * Log delivery: delivery errors whenever the pool sends codes (unless turned off), auth events
 * only on request and with threat protection on, each to its own unencrypted /aws/vendedlogs/
 * group with a retention, and a metric filter on the delivery errors only.
 */
function checkLogDelivery(template: Template, p: any, i: Input): void {
  const deliveries = Object.values(template.findResources('AWS::Cognito::LogDeliveryConfiguration')) as any[];
  const sendsCodes = p.SmsConfiguration !== undefined || (p.EnabledMfas ?? []).includes('EMAIL_OTP')
    || (p.Policies?.SignInPolicy?.AllowedFirstAuthFactors ?? []).includes('EMAIL_OTP');
  const errors = i.logDelivery?.messageDeliveryErrors ?? sendsCodes;
  const authEvents = i.logDelivery?.userAuthEvents === true;
  const sources = deliveries.flatMap(d => d.Properties.LogConfigurations.map((c: any) => `${c.EventSource}:${c.LogLevel}`));
  expect(sources).toEqual([...(errors ? ['userNotification:ERROR'] : []), ...(authEvents ? ['userAuthEvents:INFO'] : [])]);
  if (authEvents) {
    expect(threatProtectionOn(p)).toBe(true);
    countReached('user auth events delivered');
  }
  // The pool's log groups (MfaRecovery's functions' own are checked by checkRecovery).
  const groups = Object.entries(template.findResources('AWS::Logs::LogGroup')).filter(([id]) => !id.startsWith('Recovery')).map(([, g]) => g) as any[];
  // WAF's log of blocked requests (abuseProtection) has a name WAF prescribes, and a retention.
  const waf = groups.filter(g => /^aws-waf-logs-/.test(g.Properties.LogGroupName));
  expect(waf).toHaveLength(i.abuse && !i.abuse.webAclArn ? 1 : 0);
  waf.forEach(g => expect(g.Properties.RetentionInDays).toBeDefined());
  for (const group of groups.filter(g => !waf.includes(g))) {
    expect(group.Properties.LogGroupName).toMatch(/^\/aws\/vendedlogs\/cognito\//);
    expect(group.Properties.KmsKeyId).toBeUndefined();
    expect(group.Properties.RetentionInDays === undefined).toBe(i.logDelivery?.retention === logs.RetentionDays.INFINITE);
  }
  expect(Object.keys(template.findResources('AWS::Logs::MetricFilter'))).toHaveLength(errors ? 1 : 0);
}

/** Standard or custom-auth threat protection is on (the add-on Cognito's risk configuration needs). */
function threatProtectionOn(p: any): boolean {
  const on = (mode: string | undefined) => mode === 'AUDIT' || mode === 'ENFORCED';
  return on(p.UserPoolAddOns?.AdvancedSecurityMode) || on(p.UserPoolAddOns?.AdvancedSecurityAdditionalFlows?.CustomAuthMode);
}

/** Adaptive authentication: one pool-wide risk configuration, only with what it needs. */
function checkRiskConfiguration(template: Template, p: any, i: Input): void {
  const risks = Object.values(template.findResources('AWS::Cognito::UserPoolRiskConfigurationAttachment')) as any[];
  expect(risks).toHaveLength(i.adaptive === undefined ? 0 : 1);
  if (risks.length === 0) {
    return;
  }
  const r = risks[0].Properties;
  expect(r.ClientId).toBe('ALL');
  expect(r.UserPoolId).toEqual({ Ref: 'Users0A0EEA89' });
  expect(threatProtectionOn(p)).toBe(true);
  expect(p.UserPoolTier).toBe('PLUS');
  const actions = Object.values(r.AccountTakeoverRiskConfiguration?.Actions ?? {}) as any[];
  for (const action of actions) {
    expect(action).toEqual({ EventAction: expect.stringMatching(/^(BLOCK|MFA_IF_CONFIGURED|MFA_REQUIRED|NO_ACTION)$/), Notify: expect.any(Boolean) });
  }
  if (actions.some(a => a.Notify)) {
    expect(r.AccountTakeoverRiskConfiguration.NotifyConfiguration.SourceArn).toMatch(/^arn:aws:ses:/);
  }
  for (const range of [...(r.RiskExceptionConfiguration?.SkippedIPRangeList ?? []), ...(r.RiskExceptionConfiguration?.BlockedIPRangeList ?? [])]) {
    expect(range).toMatch(/^[\d.]+\/\d{1,2}$|^[\da-f:]+\/\d{1,3}$/);
  }
  countReached(`risk configuration with threat protection ${p.UserPoolAddOns.AdvancedSecurityMode}`);
}

/** How many inputs each rule refused, to see what the generator explores. */
const refusedBy: Record<string, number> = {};

/** How many valid templates reached each feature the generator must explore (first factors, risk). */
const reached: Record<string, number> = {};
function countReached(what: string): void {
  reached[what] = (reached[what] ?? 0) + 1;
}

/** Passkeys and passwordless first factors: only what Cognito accepts. */
function checkFirstFactors(p: any, enabled: string[]): void {
  const first: string[] | undefined = p.Policies?.SignInPolicy?.AllowedFirstAuthFactors;
  for (const factor of first ?? []) {
    countReached(`${factor} with MFA ${p.MfaConfiguration}`);
  }
  if (first === undefined) {
    expect(p.WebAuthnRelyingPartyID).toBeUndefined();
    expect(p.WebAuthnFactorConfiguration).toBeUndefined();
    return;
  }
  expect(first).toContain('PASSWORD');
  expect(first.length).toBeGreaterThan(1);
  expect(['ESSENTIALS', 'PLUS']).toContain(p.UserPoolTier);
  if (p.MfaConfiguration === 'ON') {
    // "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is enabled"
    expect(first.every(f => f === 'PASSWORD' || f === 'WEB_AUTHN')).toBe(true);
  }
  if (first.includes('WEB_AUTHN')) {
    // CloudFormation's schema: 1 to 63 characters (a form other than a bare domain is advised against).
    expect(p.WebAuthnRelyingPartyID.length).toBeGreaterThanOrEqual(1);
    expect(p.WebAuthnRelyingPartyID.length).toBeLessThanOrEqual(63);
    expect(['required', 'preferred']).toContain(p.WebAuthnUserVerification);
    if (p.MfaConfiguration === 'ON') {
      expect(p.WebAuthnFactorConfiguration).toBe('MULTI_FACTOR_WITH_USER_VERIFICATION');
    }
    if (p.WebAuthnFactorConfiguration === 'MULTI_FACTOR_WITH_USER_VERIFICATION') {
      // Passkey MFA needs another MFA factor against lockout.
      expect(p.MfaConfiguration).not.toBe('OFF');
      expect(enabled.length).toBeGreaterThan(0);
    } else {
      expect(p.WebAuthnFactorConfiguration).toBe('SINGLE_FACTOR');
    }
  } else {
    expect(p.WebAuthnFactorConfiguration).toBeUndefined();
  }
  if (first.includes('SMS_OTP')) {
    expect(p.SmsConfiguration).toBeDefined();
  }
}

/** Self-service recovery codes: what was asked for, on a pool with TOTP, a sender and the pool's key. */
function checkRecovery(template: Template, i: Input): void {
  const functions = template.findResources('AWS::Lambda::Function', { Properties: { Description: Match.stringLikeRegexp('^MfaRecovery') } });
  if (!i.recovery) {
    expect(functions).toEqual({});
    return;
  }
  countReached('recovery');
  const p = poolProperties(template);
  expect(p.EnabledMfas).toContain('SOFTWARE_TOKEN_MFA');
  expect(['ON', 'OPTIONAL']).toContain(p.MfaConfiguration);
  for (const fn of Object.values(functions)) {
    expect(fn.Properties).toMatchObject({ Runtime: 'nodejs22.x', Handler: expect.stringMatching(/^index\.(codes|recover)$/) });
    const env = fn.Properties.Environment.Variables;
    expect(env.FRESH_SECONDS).toBe(String((i.recovery.freshMinutes ?? 10) * 60));
    expect(env.ALLOWED_ORIGINS).toBe((i.recovery.origins ?? []).join(','));
    expect(env.SENDER).toBe(i.recovery.sender?.from ?? p.EmailConfiguration.From);
  }
  template.hasResourceProperties('AWS::WAFv2::WebACL', {
    Rules: Match.arrayWith([Match.objectLike({ Statement: { RateBasedStatement: Match.objectLike({ Limit: i.recovery.rateLimit ?? 10 }) } })]),
  });
  const table = Object.values(template.findResources('AWS::DynamoDB::Table'))[0].Properties;
  expect(table.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
  expect(table.SSESpecification.SSEEnabled).toBe(true);
  if (p.KeyConfiguration?.KeyType === 'CUSTOMER_MANAGED_KEY') {
    expect(table.SSESpecification.KMSMasterKeyId).toEqual(p.KeyConfiguration.KmsKeyArn);
  }
}

/** The app of the input being checked: a replicated pool adds stacks beside its own. */
let lastApp: App | undefined;

/** The amplify_outputs.json content of every synthesized input with a client, checked against schema 1.5 at the end. */
const clientConfigurations: unknown[] = [];

describe('property-based: the whole props space', () => {
  test(`${RUNS} seeded inputs: refused by name, or a valid template that keeps the invariants`, () => {
    let refused = 0;
    let synthesized = 0;
    fc.assert(fc.property(input, (i) => {
      const stack = newStack(i.region);
      lastApp = stack.node.root as App;
      let template: Template;
      try {
        const pool = new MfaUserPool(stack, 'Users', toProps(stack, i));
        if (i.managedLogin) {
          pool.addManagedLogin(toManagedLogin(stack, i.managedLogin));
        }
        const outputs = i.client && pool.addAmplifyOutputs('AmplifyOutputs', pool.addAppClient('Web', i.client));
        if (i.recovery) {
          new MfaRecovery(stack, 'Recovery', {
            pool,
            rateLimit: i.recovery.rateLimit,
            freshSession: i.recovery.freshMinutes === undefined ? undefined : Duration.seconds(i.recovery.freshMinutes * 60),
            allowedOrigins: i.recovery.origins,
            sender: i.recovery.sender,
          });
        }
        template = Template.fromStack(stack);
        if (outputs) {
          clientConfigurations.push(deployedContent(stack, outputs.content));
        }
      } catch (e: any) {
        expect(e?.name).toBe('MfaConfigurationError');
        expect(e.message).toMatch(PROP_NAMES);
        expect(e.message).toMatch(/\(received: .*\)\. \S/);
        expect(e.message).toMatch(RULE_MARKER);
        expect(e.message).not.toMatch(/\$\{Token\[/);
        refused++;
        const rule = RULE_MARKER.exec(e.message)![1];
        refusedBy[rule] = (refusedBy[rule] ?? 0) + 1;
        return;
      }
      checkInvariants(template, i);
      checkRecovery(template, i);
      synthesized++;
    }), { seed: SEED, numRuns: RUNS });

    // eslint-disable-next-line no-console
    console.log(`property-based: ${RUNS} inputs, ${synthesized} synthesized and valid, ${refused} refused by name; `
      + `reached: ${JSON.stringify(reached)}; refused by rule: ${JSON.stringify(refusedBy)}`);

    // Every client configuration the generator reached is one schema 1.5 accepts (one program for all).
    expect(clientConfigurations.length).toBeGreaterThan(50);
    expect(schemaErrors(clientConfigurations)).toEqual([]);
    // Both outcomes must actually occur, or the generator is not exploring the space.
    expect(refused).toBeGreaterThan(RUNS / 10);
    expect(synthesized).toBeGreaterThan(RUNS / 10);
    // Every first factor reaches a valid template, passkeys with every MFA mode.
    for (const seen of ['policy: compliant', 'policy: findings', 'web ACL created', 'managed login', 'SMS country rules created', 'CAPTCHA on managed login', 'SMS with a role of the app', 'client without OAuth', 'client with the code grant', 'client with client credentials', 'user auth events delivered', 'SMS through SNS', 'SMS through End User Messaging', 'WEB_AUTHN with MFA ON', 'WEB_AUTHN with MFA OPTIONAL', 'WEB_AUTHN with MFA OFF', 'EMAIL_OTP with MFA OPTIONAL', 'SMS_OTP with MFA OPTIONAL',
      'SMS configuration with MFA OFF', 'phone recovery next to SMS MFA', 'replicated',
      'risk configuration with threat protection AUDIT', 'risk configuration with threat protection ENFORCED', 'recovery']) {
      expect(reached[seen] ?? 0).toBeGreaterThan(0);
    }
  });
});
