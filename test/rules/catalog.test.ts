import * as fs from 'fs';
import * as path from 'path';
import { App, CfnResource, Duration, Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import {
  AdaptiveAuthentication, AppClientOptions, CompromisedCredentialsEvent, MfaEnforcement, MfaPolicy, MfaPolicyRule, MfaUserPool,
  MfaRecovery, MfaRecoveryProps, MfaUserPoolProps, MfaUserPoolSecondary, MfaUserPoolSecondaryProps, RiskAction,
  ManagedLoginDomain, PoolEncryption, RiskNotificationSender, SmsMfa, SmsOriginationIdentity, ThreatProtection, TokenIssuer,
} from '../../src';
import { ResolveContext } from '../../src/private/context';
import { MfaConfigurationError, RULE_MARKER } from '../../src/private/errors';
import { resolveDecisions } from '../../src/private/resolve';
import { resolveAppClient, resolveRefreshTokenRotation } from '../../src/private/resolve/app-client';
import { ALL_RULES, EvidenceKind, REFUSAL_KINDS, RuleName, RULES, WARNING_PREFIX } from '../../src/private/rules';
import { LOGIN_CAPTCHA_WITHOUT_TOTP_EXCLUSION, newStack, SES, TwoRegions, twoRegions, webAclWithGroups, webAclWithRules } from '../util';

/** The rule ids a configuration triggers: the refusal's, or every advisory's. */
type Observed = readonly string[];

/** The messages of the refusals the triggers observed, newest last. */
const refusals: string[] = [];

/** Resolves the props through the phases alone (no Stack): the refusal or the advisories. */
function phases(props: MfaUserPoolProps, region: string | null = 'us-east-1'): Observed {
  try {
    return resolveDecisions('P', props, region ?? undefined).advisories.map(a => a.id.slice(WARNING_PREFIX.length));
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      refusals.push(e.message);
      return [e.ruleId];
    }
    throw e;
  }
}

/** Builds a pool in a stack, runs `more`, and synthesizes: the refusal's rule or the warnings' rules. */
function construct(props: MfaUserPoolProps, more: (pool: MfaUserPool) => void = () => {}, region: string | null = 'us-east-1'): Observed {
  const stack = newStack(region);
  try {
    more(new MfaUserPool(stack, 'Users', typeof props === 'function' ? (props as any)(stack) : props));
    Template.fromStack(stack);
  } catch (e) {
    const match = RULE_MARKER.exec(String((e as Error).message).split('\n')[0]) ?? RULE_MARKER.exec(String((e as Error).message));
    if (match) {
      refusals.push(String((e as Error).message));
      return [match[1]];
    }
    throw e;
  }
  return Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => /\[ack: cdk-mfa-user-pool:(\w+)\]/.exec(String(w.entry.data))?.[1] ?? '');
}

/** A two-Region app: the pool, then `more` (the secondary and whatever else), synthesized: the refusal's rule or every warning's rule. */
function replicated(props: MfaUserPoolProps, more: (r: TwoRegions) => void = () => {}): Observed {
  let r: TwoRegions | undefined;
  try {
    r = twoRegions(props);
    more(r);
    r.app.synth();
  } catch (e) {
    const match = RULE_MARKER.exec(String((e as Error).message));
    if (match) {
      refusals.push(String((e as Error).message));
      return [match[1]];
    }
    throw e;
  }
  return r.app.node.findAll().flatMap(c => c.node.metadata).filter(m => m.type === 'aws:cdk:warning')
    .map(m => /\[ack: cdk-mfa-user-pool:(\w+)\]/.exec(String(m.data))?.[1] ?? '').filter(Boolean);
}
const SECONDARY = (extra: Partial<MfaUserPoolSecondaryProps> = {}) => (r: TwoRegions) => new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool, ...extra });

/** A pool that sends with SES and self-service recovery codes on it: the refusal's rule or the warnings' rules. */
const recovery = (props: MfaUserPoolProps, options: Partial<MfaRecoveryProps> = {}): Observed =>
  construct({ ...props, userPoolProps: { email: SES, ...props.userPoolProps } }, pool => new MfaRecovery(pool, 'Recovery', { pool, ...options }));

/** Runs a call: the refusal's rule, or none. */
function refusalOf(call: () => void): Observed {
  try {
    call();
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      refusals.push(e.message);
      return [e.ruleId];
    }
    throw e;
  }
  return [];
}

/** Runs a call of the app-wide policy: the refusal's rule, or none. */
const governance = (call: (app: App) => void): Observed => refusalOf(() => call(new App()));

/** Cognito, presenting the external ID. */
const cognitoWith = (externalId: string) => new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': externalId } } });
/** The role, allowed to send SMS through SNS. */
function publisher(role: iam.Role): iam.Role {
  role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
  return role;
}

/** Resolves one app client's options through its phase alone. */
function client(options: AppClientOptions, choiceBasedSignIn = false): Observed {
  const ctx = new ResolveContext('P');
  try {
    resolveAppClient(ctx, 'Web', options, choiceBasedSignIn);
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      refusals.push(e.message);
      return [e.ruleId];
    }
    throw e;
  }
  return ctx.advisories.map(a => a.id.slice(WARNING_PREFIX.length));
}
/** Resolves one app client's refresh token rotation through its phase alone. */
const rotation = (options: AppClientOptions): Observed => refusalOf(() => resolveRefreshTokenRotation(new ResolveContext('P'), 'Web', options));
const CALLBACK = 'https://app.example.com/callback';
const PREFIX = ManagedLoginDomain.cognitoPrefix('myapp-users');
const WEB_ACL_ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/users/0123abcd-0123-abcd-0123-0123456789ab';

const ENFORCED: MfaUserPoolProps = { mfa: MfaEnforcement.OPTIONAL, threatProtection: ThreatProtection.ENFORCED };
const adaptive = (props: Parameters<typeof AdaptiveAuthentication.custom>[0]): MfaUserPoolProps =>
  ({ ...ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.custom(props) });
const MFA_REQUIRED = { action: RiskAction.MFA_REQUIRED };
const SENDER = RiskNotificationSender.fromArn('arn:aws:ses:us-east-1:123456789012:identity/example.com');
const eums = (options: Parameters<typeof SmsMfa.withEndUserMessaging>[0]): MfaUserPoolProps => ({ sms: SmsMfa.withEndUserMessaging(options) });

/**
 * One configuration per rule that triggers it. Typed over every rule name, so a rule added to the
 * catalog without a trigger does not compile; the test below checks that each one really fires.
 */
const TRIGGERS: Record<RuleName, () => Observed> = {
  notAMember: () => phases({ mfa: 'ON' as MfaEnforcement }),
  ownedField: () => phases({ userPoolProps: { mfa: cognito.Mfa.REQUIRED } }),
  factorWhileMfaOff: () => phases({ mfa: MfaEnforcement.OFF, totp: true }),
  alarmsTwice: () => construct({}, pool => { pool.addAlarms(); pool.addAlarms(); }),
  dashboardTwice: () => construct({}, pool => { pool.addDashboard(); pool.addDashboard(); }),
  alarmOption: () => construct({}, pool => pool.addAlarms({ highRiskThreshold: 0 })),
  alarmSpendIgnored: () => construct({}, pool => pool.addAlarms({ smsMonthlySpendLimitUsd: 10 })),
  smsAlarmsInOtherRegion: () => construct({ sms: SmsMfa.withNewRole({ snsRegion: 'ap-northeast-1' }) },
    pool => pool.addAlarms({ smsMonthlySpendLimitUsd: 10 }), 'ap-northeast-2'),
  smsMetricsInOtherRegion: () => construct({ sms: SmsMfa.withNewRole({ snsRegion: 'ap-northeast-1' }) }, pool => pool.addAlarms(), 'ap-northeast-2'),
  metricNotDelivered: () => construct({}, pool => pool.metricMessageDeliveryErrors()),
  metricWithoutWebAcl: () => construct({ abuseProtection: { webAclArn: WEB_ACL_ARN } }, pool => pool.metricWebAclBlockedRequests()),
  grantWithoutActions: () => construct({}, pool => pool.grant(new iam.AccountRootPrincipal())),
  mfaWithoutFactor: () => phases({ totp: false }),
  smsMfaFollowsSmsConfiguration: () => phases({ sms: SmsMfa.withNewRole(), smsMfa: false }),
  smsMfaWithoutSms: () => phases({ smsMfa: true }),
  emailOnlyMfa: () => phases({ totp: false, email: {} }),
  phoneNeedsSms: () => phases({ userPoolProps: { autoVerify: { phone: true } } }),
  smsMessageForm: () => phases({ sms: SmsMfa.withNewRole({ message: 'no placeholder' }) }),
  externalIdForm: () => phases({ sms: SmsMfa.withNewRole({ externalId: 'a' }) }),
  directPathUnavailable: () => phases(eums({}), 'ap-east-1'),
  eumsRegionNotPool: () => phases(eums({ region: 'us-west-2' })),
  eumsRegionUnchecked: () => phases(eums({ region: 'us-west-2' }), null),
  indiaIdsApart: () => phases(eums({ indiaEntityId: '1101234567890123456' })),
  originationIdentityForm: () => phases(eums({ originationIdentity: SmsOriginationIdentity.fromPhoneNumber('206-555-0100') })),
  originationIdentityRegion: () => phases(eums({ originationIdentity: SmsOriginationIdentity.fromArn('arn:aws:sms-voice:eu-west-1:123456789012:phone-number/p') })),
  configurationSetForm: () => phases(eums({ configurationSetName: 'has spaces' })),
  smsRoleNotScoped: () => phases(eums({})),
  snsPathUnavailable: () => phases({ sms: SmsMfa.withNewRole() }, 'ap-east-2'),
  snsRegionRequired: () => phases({ sms: SmsMfa.withNewRole() }, 'ap-northeast-2'),
  snsRegionNotAccepted: () => phases({ sms: SmsMfa.withNewRole({ snsRegion: 'eu-west-1' }) }),
  snsRegionUnchecked: () => phases({ sms: SmsMfa.withNewRole({ snsRegion: 'us-east-1' }) }, null),
  smsRoleTrust: () => construct(((stack: any) => ({
    sms: SmsMfa.withRole(new iam.Role(stack, 'NoCognito', { assumedBy: new iam.AccountRootPrincipal() }), 'ext-1'),
  })) as any),
  smsRoleTrustWithoutExternalId: () => construct(((stack: any) => ({
    sms: SmsMfa.withRole(publisher(new iam.Role(stack, 'Loose', { assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com') })), 'ext-1'),
  })) as any),
  smsRoleUnreadable: () => construct(((stack: any) => ({
    sms: SmsMfa.withRole(iam.Role.fromRoleArn(stack, 'Imported', 'arn:aws:iam::123456789012:role/sms'), 'ext-1'),
  })) as any),
  smsRoleWithoutSourceConditions: () => construct(((stack: any) => ({
    sms: SmsMfa.withRole(publisher(new iam.Role(stack, 'NoSource', { assumedBy: cognitoWith('ext-1') })), 'ext-1'),
  })) as any),
  smsRoleTrustBeyondCognito: () => construct(((stack: any) => ({
    sms: SmsMfa.withRole(publisher(new iam.Role(stack, 'Shared', { assumedBy: new iam.CompositePrincipal(cognitoWith('ext-1'), new iam.AccountRootPrincipal()) })), 'ext-1'),
  })) as any),
  smsRolePermissionsBeyondSms: () => construct(((stack: any) => {
    const role = publisher(new iam.Role(stack, 'Broad', { assumedBy: cognitoWith('ext-1') }));
    role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:*'], resources: ['*'] }));
    return { sms: SmsMfa.withRole(role, 'ext-1') };
  }) as any),
  smsRolePublish: () => construct(((stack: any) => ({
    sms: SmsMfa.withRole(new iam.Role(stack, 'Mute', { assumedBy: cognitoWith('ext-1') }), 'ext-1'),
  })) as any),
  eumsRoleWithoutSendTextMessage: () => construct(((stack: any) => ({
    sms: SmsMfa.withEndUserMessagingRole(new iam.Role(stack, 'Mute', { assumedBy: cognitoWith('ext-1') }), 'ext-1'),
  })) as any),
  smsSpendNotAlarmed: () => construct({ sms: SmsMfa.withNewRole() }, pool => pool.addAlarms()),
  emailMfaNeedsSes: () => construct({ email: {} }),
  emailOtpWithCognitoEmail: () => construct({ mfa: MfaEnforcement.OFF, passwordless: { emailOtp: true } }),
  emailMessageForm: () => phases({ email: { body: 'no placeholder' }, userPoolProps: { email: SES } }),
  threatProtectionNeedsPlus: () => phases({ threatProtection: ThreatProtection.AUDIT, featurePlan: cognito.FeaturePlan.ESSENTIALS }),
  emailMfaNeedsEssentials: () => phases({ email: {}, featurePlan: cognito.FeaturePlan.LITE }),
  firstFactorsNeedEssentials: () => phases({ passkeys: { relyingPartyId: 'example.com' }, featurePlan: cognito.FeaturePlan.LITE }),
  threatProtectionWithoutRiskConfiguration: () => phases({ threatProtection: ThreatProtection.ENFORCED }),
  otpFirstFactorWithRequiredMfa: () => phases({ passwordless: { emailOtp: true } }),
  smsOtpNeedsSms: () => phases({ mfa: MfaEnforcement.OFF, passwordless: { smsOtp: true } }),
  mfaWithPasswordless: () => phases({ mfa: MfaEnforcement.OPTIONAL, passwordless: { emailOtp: true } }),
  relyingPartyIdForm: () => phases({ passkeys: { relyingPartyId: `${'a'.repeat(60)}.com` } }),
  relyingPartyIdNotDomain: () => phases({ passkeys: { relyingPartyId: 'https://example.com' } }),
  singleFactorPasskeyWithRequiredMfa: () => phases({ passkeys: { relyingPartyId: 'example.com', countsAsMfa: false } }),
  passkeyWithoutUserVerification: () => phases({ passkeys: { relyingPartyId: 'example.com', userVerification: cognito.PasskeyUserVerification.PREFERRED } }),
  noChoiceBasedSignIn: () => construct({ passkeys: { relyingPartyId: 'example.com' } }, pool => pool.addAppClient('Web', { authFlows: { userSrp: true } })),
  phoneRecoveryWithSmsMfaAndPhoneUsername: () => phases({
    sms: SmsMfa.withNewRole(), accountRecovery: cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA, userPoolProps: { signInAliases: { phone: true } },
  }),
  phoneRecoveryWithSmsMfa: () => phases({ sms: SmsMfa.withNewRole(), accountRecovery: cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA }),
  legacyRecoveryWithSmsMfa: () => phases({ sms: SmsMfa.withNewRole(), accountRecovery: cognito.AccountRecovery.PHONE_AND_EMAIL }),
  emailRecoveryWithEmailMfa: () => phases({ email: {} }),
  phoneRecoveryWithoutSms: () => phases({ accountRecovery: cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA }),
  adaptiveNeedsThreatProtection: () => phases({ adaptiveAuthentication: AdaptiveAuthentication.recommended() }),
  adaptiveAuthenticationInAudit: () => phases({
    threatProtection: ThreatProtection.AUDIT, adaptiveAuthentication: AdaptiveAuthentication.recommended(),
  }),
  adaptiveWithoutAction: () => phases(adaptive({})),
  threatProtectionForCustomAuthOnly: () => phases({ customAuthThreatProtection: ThreatProtection.AUDIT, logDelivery: { userAuthEvents: true } }),
  riskNotificationWithoutFrom: () => phases(adaptive({
    accountTakeover: { high: { action: RiskAction.BLOCK, notify: true } }, notification: { sender: SENDER },
  })),
  riskMfaWithoutMfa: () => phases({ ...adaptive({ accountTakeover: { high: MFA_REQUIRED } }), mfa: MfaEnforcement.OFF }),
  riskMfaWithRequiredMfa: () => phases({ ...adaptive({ accountTakeover: { high: MFA_REQUIRED } }), mfa: MfaEnforcement.REQUIRED }),
  riskNotifyWithoutNotification: () => phases(adaptive({ accountTakeover: { high: { action: RiskAction.BLOCK, notify: true } } })),
  unusedRiskNotification: () => phases(adaptive({ accountTakeover: { high: { action: RiskAction.BLOCK } }, notification: { sender: SENDER } })),
  compromisedCredentialsWithoutEvents: () => phases(adaptive({ compromisedCredentials: { block: true, events: [] } })),
  compromisedCredentialsEventsUnique: () => phases(adaptive({
    compromisedCredentials: { block: true, events: [CompromisedCredentialsEvent.SIGN_UP, CompromisedCredentialsEvent.SIGN_UP] },
  })),
  riskIpRanges: () => phases(adaptive({ ipExceptions: { alwaysBlock: ['10.0.0.0/33'] } })),
  riskEmailForm: () => phases(adaptive({
    accountTakeover: { high: { action: RiskAction.BLOCK, notify: true } }, notification: { sender: SENDER, blockEmail: { subject: '', textBody: 'Blocked.' } },
  })),
  riskEmailWithoutBody: () => phases(adaptive({
    accountTakeover: { high: { action: RiskAction.BLOCK, notify: true } }, notification: { sender: SENDER, blockEmail: { subject: 'Blocked' } },
  })),
  unknownRiskTemplatePlaceholder: () => phases(adaptive({
    accountTakeover: { high: { action: RiskAction.BLOCK, notify: true } },
    notification: { sender: SENDER, blockEmail: { subject: 'Blocked {user}', textBody: 'We blocked a sign-in.' } },
  })),
  passwordPolicyRange: () => phases({ passwordPolicy: { tempPasswordValidity: Duration.days(400) } }),
  passwordHistoryNeedsEssentials: () => phases({ passwordPolicy: { passwordHistorySize: 3 }, featurePlan: cognito.FeaturePlan.LITE }),
  weakPasswordPolicy: () => phases({ passwordPolicy: { minLength: 8 } }),
  dataLossRisk: () => phases({ deletionProtection: false }),
  userAuthEventsNeedThreatProtection: () => phases({ logDelivery: { userAuthEvents: true } }),
  userExistenceErrors: () => construct({}, pool => pool.addAppClient('Web', { preventUserExistenceErrors: false })),
  callbackUrlForm: () => construct({}, pool => pool.addAppClient('Web', { oAuth: { callbackUrls: ['http://app.example.com/callback'] } })),
  callbackUrlScheme: () => construct({}, pool => pool.addAppClient('Web', { oAuth: { callbackUrls: ['javascript:alert(1)'] } })),
  logoutUrlInsecure: () => construct({}, pool => pool.addAppClient('Web', { oAuth: { callbackUrls: ['https://app.example.com/cb'], logoutUrls: ['http://app.example.com/out'] } })),
  managedLoginPrefixReserved: () => construct({}, pool => pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('my-aws-app') })),
  amplifyOutputsOAuthOmitted: () => construct({}, pool => {
    pool.addManagedLogin({ domain: PREFIX });
    pool.addAmplifyOutputs('Outputs', pool.addAppClient('Web', { oAuth: { callbackUrls: [CALLBACK] } }));
  }),
  amplifyOutputsClientSecret: () => construct({}, pool => { pool.addAmplifyOutputs('Outputs', pool.addAppClient('Server', { generateSecret: true })); }),
  clientKeepsOAuthDefaults: () => construct({}, pool => pool.userPool.addClient('Raw')),
  rateLimitRange: () => phases({ abuseProtection: { codeRequestsPerIp: 9 } }),
  callerCountryCode: () => phases({ abuseProtection: { callerCountries: ['UK'] } }),
  rateLimitWindow: () => phases({ abuseProtection: { evaluationWindow: Duration.minutes(3) } }),
  webAclArnWithRules: () => phases({ abuseProtection: { webAclArn: WEB_ACL_ARN, captcha: true } }),
  webAclArnForm: () => phases({ abuseProtection: { webAclArn: WEB_ACL_ARN.replace(':regional/', ':global/') } }),
  webAclWithAtp: () => construct(((stack: any) => ({ abuseProtection: { webAclArn: webAclWithGroups(stack, 'AWSManagedRulesATPRuleSet').attrArn } })) as any),
  captchaWithoutTotpExclusion: () => construct(((stack: any) => ({
    abuseProtection: { webAclArn: webAclWithRules(stack, [LOGIN_CAPTCHA_WITHOUT_TOTP_EXCLUSION]).attrArn },
  })) as any),
  webAclWithoutRateRule: () => construct(((stack: any) => ({ abuseProtection: { webAclArn: webAclWithGroups(stack, 'AWSManagedRulesAmazonIpReputationList').attrArn } })) as any),
  managedLoginSmsWithoutCaptcha: () => construct({ sms: SmsMfa.withNewRole(), abuseProtection: {} }, pool => pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('users-captcha') })),
  smsSpendAlarmWithoutSms: () => phases({ abuseProtection: { smsSpendAlarmUsd: 20 } }),
  smsSpendAlarmOption: () => phases({ sms: SmsMfa.withNewRole(), abuseProtection: { smsSpendAlarmUsd: 0 } }),
  smsSignUpWithoutAbuseProtection: () => phases({ sms: SmsMfa.withNewRole(), userPoolProps: { selfSignUpEnabled: true } }),
  smsCountriesWithoutSms: () => phases({ abuseProtection: { smsCountries: { allow: ['US'] } } }),
  smsCountriesOnSnsPath: () => phases({ sms: SmsMfa.withNewRole(), abuseProtection: { smsCountries: { allow: ['US'] } } }),
  smsCountriesOwnConfigurationSet: () => phases({ ...eums({ configurationSetName: 'mine' }), abuseProtection: { smsCountries: { allow: ['US'] } } }),
  smsCountriesUnresolved: () => phases({ ...eums({}), abuseProtection: { smsCountries: { allow: Fn.split(',', Fn.importValue('Countries')) } } }),
  smsCountryCode: () => phases({ ...eums({}), abuseProtection: { smsCountries: { allow: ['us'] } } }),
  smsCountriesSetName: () => phases({ ...eums({}), abuseProtection: { smsCountries: { allow: ['US'], configurationSetName: 'has spaces' } } }),
  smsCountryNotIso: () => phases({ ...eums({}), abuseProtection: { smsCountries: { allow: ['UK'] } } }),
  smsCountriesAllowNone: () => phases({ ...eums({}), abuseProtection: { smsCountries: { allow: [] } } }),
  managedLoginTwice: () => construct({}, pool => { pool.addManagedLogin({ domain: PREFIX }); pool.addManagedLogin({ domain: PREFIX }); }),
  managedLoginNeedsPlan: () => construct({ featurePlan: cognito.FeaturePlan.LITE }, pool => pool.addManagedLogin({ domain: PREFIX })),
  managedLoginDomainForm: () => construct({}, pool => pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('My_App') })),
  customDomainCertificateRegion: () => construct({}, pool => pool.addManagedLogin({
    domain: ManagedLoginDomain.custom('auth.example.com', acm.Certificate.fromCertificateArn(pool, 'Cert', 'arn:aws:acm:eu-west-1:123456789012:certificate/abc')),
  })),
  brandingCognitoAndOwn: () => construct({}, pool => pool.addManagedLogin({
    domain: PREFIX, branding: { cognitoProvidedValues: true, settings: { components: {} } },
  })),
  brandingWithoutStyle: () => construct({}, pool => pool.addManagedLogin({ domain: PREFIX, branding: { cognitoProvidedValues: false } })),
  brandingAssets: () => construct({}, pool => pool.addManagedLogin({
    domain: PREFIX, branding: { assets: Array.from({ length: 41 }, () => ({ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: 'AA==' })) },
  })),
  termsLinkForm: () => construct({}, pool => pool.addManagedLogin({
    domain: PREFIX, termsOfUseUrl: 'https://example.com/our terms', privacyPolicyUrl: 'https://example.com/p',
  })),
  termsIncomplete: () => construct({}, pool => pool.addManagedLogin({ domain: PREFIX, termsOfUseUrl: 'https://example.com/terms' })),
  managedLoginOptionalMfa: () => construct({ mfa: MfaEnforcement.OPTIONAL }, pool => pool.addManagedLogin({ domain: PREFIX })),
  passkeyRegistrationWithoutPasskeys: () => construct({}, pool => pool.addManagedLogin({ domain: PREFIX, passkeyRegistration: true })),
  passkeyRelyingPartyNotServed: () => construct({ passkeys: { relyingPartyId: 'example.com' } }, pool => pool.addManagedLogin({ domain: PREFIX })),
  passkeyRelyingPartyUnchecked: () => construct({ passkeys: { relyingPartyId: 'myapp-users.auth.eu-west-1.amazoncognito.com' } }, pool => pool.addManagedLogin({ domain: PREFIX }), null),
  passkeysOutsideManagedLogin: () => construct({ passkeys: { relyingPartyId: 'example.com' } },
    pool => pool.addManagedLogin({ domain: PREFIX, passkeyRegistration: false })),
  managedLoginWithoutCodeClient: () => construct({}, pool => { pool.addManagedLogin({ domain: PREFIX }); }),
  managedLoginForeignClientWithoutLogout: () => construct({}, pool => {
    pool.addManagedLogin({ domain: PREFIX });
    pool.userPool.addClient('L2', { oAuth: { callbackUrls: [CALLBACK], flows: { authorizationCodeGrant: true } } });
  }),
  implicitGrant: () => client({ oAuth: { callbackUrls: [CALLBACK], flows: { implicitCodeGrant: true } } }),
  oAuthWithoutGrant: () => client({ oAuth: { callbackUrls: [CALLBACK], flows: {} } }),
  clientCredentialsNotAlone: () => client({
    generateSecret: true, oAuth: { callbackUrls: [CALLBACK], flows: { clientCredentials: true, authorizationCodeGrant: true } },
  }),
  clientCredentialsWithoutSecret: () => client({ oAuth: { flows: { clientCredentials: true } } }),
  codeGrantWithoutCallback: () => client({ oAuth: {} }),
  clientCredentialsScopes: () => client({ generateSecret: true, oAuth: { flows: { clientCredentials: true } } }),
  clientCredentialsUserScope: () => client({
    generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [cognito.OAuthScope.custom('api/read'), cognito.OAuthScope.COGNITO_ADMIN] },
  }),
  userAuthFlowNeedsEssentials: () => construct({ featurePlan: cognito.FeaturePlan.LITE }, pool => pool.addAppClient('Web', { authFlows: { userSrp: true, user: true } })),
  oAuthScopeUnknown: () => client({ oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.custom('Cognito')] } }),
  oAuthScopeNotInApp: () => construct({}, pool => pool.addAppClient('Web', { oAuth: { callbackUrls: [CALLBACK], scopes: [cognito.OAuthScope.custom('api/read')] } })),
  managedLoginStyleTwice: () => construct({}, pool => {
    pool.addManagedLogin({ domain: PREFIX });
    const web = pool.addAppClient('Web', { oAuth: { callbackUrls: [CALLBACK] } });
    new cognito.CfnManagedLoginBranding(pool, 'OwnStyle', { userPoolId: pool.userPoolId, clientId: web.userPoolClientId, useCognitoProvidedValues: true });
  }),
  managedLoginTermsTwice: () => construct({}, pool => {
    pool.addManagedLogin({ domain: PREFIX, termsOfUseUrl: 'https://example.com/terms', privacyPolicyUrl: 'https://example.com/privacy' });
    const web = pool.addAppClient('Web', { oAuth: { callbackUrls: [CALLBACK] } });
    new CfnResource(pool, 'OwnTerms', {
      type: 'AWS::Cognito::Terms',
      properties: { UserPoolId: pool.userPoolId, ClientId: web.userPoolClientId, TermsName: 'terms-of-use', TermsSource: 'LINK', Enforcement: 'NONE', Links: { 'cognito:default': 'https://example.com/t' } },
    });
  }),
  refreshTokenRotationOnLite: () => construct({ featurePlan: cognito.FeaturePlan.LITE }, pool => pool.addAppClient('Web', { refreshTokenRotationGracePeriod: Duration.seconds(10) })),
  clientCredentialsWithoutScope: () => client({ generateSecret: true, oAuth: { flows: { clientCredentials: true }, scopes: [] } }),
  encryptionKeyAlias: () => phases({ encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(new Stack(), 'K', 'arn:aws:kms:us-east-1:123456789012:alias/users')) }),
  encryptionKeyRegion: () => phases({
    encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(new Stack(), 'K', 'arn:aws:kms:eu-west-1:123456789012:key/0123abcd-0123-abcd-0123-0123456789ab')),
  }),
  encryptionKeyNotSymmetric: () => construct(((stack: Stack) => ({
    encryption: PoolEncryption.customerManagedKey(new kms.Key(stack, 'Signing', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.SIGN_VERIFY })),
  })) as unknown as MfaUserPoolProps),
  encryptionKeyPolicyUnchecked: () => phases({
    encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(new Stack(), 'K', 'arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-abcd-0123-0123456789ab')),
  }),
  tokenIssuerUpdated: () => phases({ tokenIssuer: TokenIssuer.UPDATED }),
  replicationRegionForm: () => phases({ replication: { region: 'us-east-1' } }),
  replicationNeedsRegion: () => phases({ replication: { region: 'us-west-2' } }, null),
  replicationNeedsEssentials: () => phases({ featurePlan: cognito.FeaturePlan.LITE, replication: { region: 'us-west-2' } }),
  replicationNeedsCustomerManagedKey: () => phases({ encryption: PoolEncryption.awsOwnedKey(), replication: { region: 'us-west-2' } }),
  replicationKeyOutsideApp: () => phases({
    replication: { region: 'us-west-2' },
    tokenIssuer: TokenIssuer.UPDATED,
    mfa: MfaEnforcement.OFF,
    encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(new Stack(), 'K', 'arn:aws:kms:us-east-1:123456789012:key/mrk-0123456789abcdef0123456789abcdef')),
  }),
  replicationRegionUnavailable: () => phases({ replication: { region: 'ap-east-1' } }),
  replicationRegionUnlisted: () => phases({ replication: { region: 'ap-southeast-9' }, tokenIssuer: TokenIssuer.UPDATED, mfa: MfaEnforcement.OFF }),
  replicationIssuerOriginal: () => phases({ replication: { region: 'us-west-2' }, mfa: MfaEnforcement.OFF }),
  replicationTotpOnly: () => phases({ replication: { region: 'us-west-2' }, tokenIssuer: TokenIssuer.UPDATED }),
  replicaTwice: () => replicated({}, r => new CfnResource(r.primary, 'SecondReplica', {
    type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'eu-west-1' },
  })),
  secondaryWithoutReplication: () => replicated({ replication: undefined }, SECONDARY()),
  secondaryRegion: () => replicated({}, r => new MfaUserPoolSecondary(
    new Stack(r.app, 'Elsewhere', { env: { account: '123456789012', region: 'eu-west-1' } }), 'Users', { pool: r.pool })),
  secondaryTwice: () => replicated({}, r => { SECONDARY()(r); new MfaUserPoolSecondary(r.secondary, 'Again', { pool: r.pool }); }),
  secondarySmsMissing: () => replicated({ sms: SmsMfa.withEndUserMessaging(), mfa: MfaEnforcement.OFF, tokenIssuer: TokenIssuer.UPDATED },
    SECONDARY()),
  secondaryEmailDefault: () => replicated({ mfa: MfaEnforcement.OFF, tokenIssuer: TokenIssuer.UPDATED, userPoolProps: { email: SES } },
    SECONDARY()),
  regionalEmailForm: () => replicated({}, SECONDARY({ email: { from: 'no-reply@example.com', sesIdentityArn: 'example.com' } })),
  managedLoginFailoverPrefixDomain: () => replicated({ mfa: MfaEnforcement.OFF, tokenIssuer: TokenIssuer.UPDATED },
    r => r.pool.addManagedLogin({ domain: PREFIX, failoverHealthCheckId: 'abcdef01-2345-6789-abcd-ef0123456789' })),
  managedLoginFailoverOrder: () => replicated({ mfa: MfaEnforcement.OFF, tokenIssuer: TokenIssuer.UPDATED },
    r => r.pool.addManagedLogin({ domain: PREFIX, failoverHealthCheckId: 'abcdef01-2345-6789-abcd-ef0123456789' })),
  secondaryRegionalSettingsMissing: () => replicated({
    mfa: MfaEnforcement.OFF,
    tokenIssuer: TokenIssuer.UPDATED,
    userPoolProps: { lambdaTriggers: { preAuthentication: lambda.Function.fromFunctionArn(new Stack(), 'F', 'arn:aws:lambda:us-east-1:123456789012:function:pre') } },
  }, SECONDARY()),
  secondaryEmailRegion: () => replicated({ mfa: MfaEnforcement.OFF, tokenIssuer: TokenIssuer.UPDATED },
    SECONDARY({ email: { from: 'no-reply@example.com', sesIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com' } })),
  replicaStackRegion: () => replicated({ replication: undefined, encryption: PoolEncryption.customerManagedKey() }, r => new CfnResource(r.secondary, 'Raw', {
    type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'us-west-2' },
  })),
  keyReplicaTwice: () => replicated({}, r => new kms.CfnReplicaKey(r.secondary, 'Mine', { primaryKeyArn: r.pool.encryptionKey!.keyArn, keyPolicy: {} })),
  regionalStatusForm: () => replicated({}, r => (SECONDARY()(r).regionalConfiguration.addPropertyOverride('Status', 'PENDING'))),
  managedLoginFailover: () => construct({}, pool => pool.addManagedLogin({ domain: PREFIX, failoverHealthCheckId: 'abcdef01-2345-6789-abcd-ef0123456789' })),
  secondaryAbuseProtectionPartial: () => replicated({
    mfa: MfaEnforcement.OFF, tokenIssuer: TokenIssuer.UPDATED, abuseProtection: { webAclArn: WEB_ACL_ARN },
  }, SECONDARY()),
  refreshTokenRotationGracePeriod: () => rotation({ refreshTokenRotationGracePeriod: Duration.seconds(61) }),
  domainOfEachKindOnce: () => construct({}, pool => {
    pool.addManagedLogin({ domain: PREFIX });
    pool.userPool.addDomain('Classic', { cognitoDomain: { domainPrefix: 'myapp-classic' } });
  }),
  brandingAssetsWithoutSettings: () => construct({}, pool => pool.addManagedLogin({
    domain: PREFIX, branding: { assets: [{ category: 'FORM_LOGO', colorMode: 'LIGHT', extension: 'PNG', bytes: 'AA==' }] },
  })),
  policyScope: () => governance(app => MfaPolicy.recommended().applyTo(new Stack(app, 'S'))),
  policyTwice: () => governance(app => {
    MfaPolicy.recommended().applyTo(app);
    new MfaPolicy({ minimumMfa: MfaEnforcement.OPTIONAL }).applyTo(app);
  }),
  policyAcknowledgeReason: () => governance(app => MfaPolicy.acknowledge(new Stack(app, 'S'), MfaPolicyRule.MINIMUM_MFA, ' ')),
  recoveryNeedsTotp: () => recovery({ mfa: MfaEnforcement.OPTIONAL, totp: false, email: {} }),
  recoveryNeedsSender: () => construct({}, pool => new MfaRecovery(pool, 'Recovery', { pool })),
  recoverySenderForm: () => recovery({}, { sender: { from: 'no-reply@example.com', sesIdentityArn: 'arn:aws:sns:us-east-1:123456789012:identity/example.com' } }),
  recoveryFreshSession: () => recovery({}, { freshSession: Duration.seconds(0) }),
  recoveryFreshSessionLong: () => recovery({}, { freshSession: Duration.hours(2) }),
  recoveryRateLimit: () => recovery({}, { rateLimit: 5 }),
  recoveryOrigins: () => recovery({}, { allowedOrigins: ['https://app.example.com/'] }),
  recoveryPasswordless: () => recovery({ mfa: MfaEnforcement.OPTIONAL, passwordless: { emailOtp: true } }),
  recoveryPasskeysRemain: () => recovery({ passkeys: { relyingPartyId: 'example.com', countsAsMfa: true } }),
  amplifyOutputsRecoveryPool: () => construct({ userPoolProps: { email: SES } }, pool => {
    const other = new MfaUserPool(pool, 'Other', { userPoolProps: { email: SES } });
    pool.addAmplifyOutputs('Outputs', pool.addAppClient('Web'), { recovery: new MfaRecovery(other, 'Recovery', { pool: other }) });
  }),
  recoveryOnePrimaryRegion: () => replicated({ userPoolProps: { email: SES } }, r => new MfaRecovery(r.primary, 'Recovery', { pool: r.pool })),
};

describe('the rule catalog', () => {
  test('a policy refusal is kept to addAppClient and names the L2 way around it', () => {
    const policyRefusals = ALL_RULES.filter(r => r.action === 'refuse' && r.evidence.some(e => e.kind === EvidenceKind.POLICY));
    expect(policyRefusals.map(r => r.id)).toEqual(['implicitGrant']);
    for (const rule of policyRefusals) {
      expect(rule.statement).toMatch(/^addAppClient .*pool\.userPool\.addClient\(\)/);
    }
  });

  test.each(Object.keys(TRIGGERS) as RuleName[])('%s has a configuration that triggers it', (name) => {
    expect(TRIGGERS[name]()).toContain(RULES[name].id);
  });

  test.each(ALL_RULES.map(r => [r.id, r] as const))('%s has evidence, and a refusal has evidence that may refuse', (id, rule) => {
    expect(RULES[id as RuleName]).toBe(rule);
    expect(rule.id).toMatch(/^[a-z][A-Za-z]+$/);
    expect(rule.statement).toMatch(/^\S.{10,}\.$/);
    expect(rule.evidence.length).toBeGreaterThan(0);
    for (const evidence of rule.evidence) {
      expect(Object.values(EvidenceKind)).toContain(evidence.kind);
      expect(evidence.source).toMatch(/^https:\/\/\S+$/);
      expect(evidence.says.length).toBeGreaterThan(20);
    }
    if (rule.action === 'refuse') {
      // Only measured, documented, schema or contract evidence of a deploy-time rejection may refuse.
      expect(rule.evidence.some(e => REFUSAL_KINDS.has(e.kind))).toBe(true);
    }
  });

  test('an advisory backed by inferred evidence alone never refuses', () => {
    for (const rule of ALL_RULES.filter(r => r.evidence.every(e => e.kind === EvidenceKind.INFERRED))) {
      expect(rule.action).toBe('advise');
    }
  });

  test('every rule is used by the library, and the library refuses and warns only through the catalog', () => {
    // The recovery handlers are Lambda code, not synth-time code: they answer HTTP requests.
    const sources = listSources(path.join(__dirname, '../../src'))
      .filter(f => !f.includes(`${path.sep}rules${path.sep}`) && !f.includes(`${path.sep}recovery${path.sep}handlers${path.sep}`));
    const code = sources.map(f => fs.readFileSync(f, 'utf-8')).join('\n');
    for (const rule of ALL_RULES) {
      expect(code).toMatch(new RegExp(`RULES\\.${rule.id}\\b`));
    }
    // No error but the catalog's, and no warning but through a rule.
    expect(code).not.toMatch(/throw new (Error|TypeError|RangeError|\w*ValidationError)\(/);
    // The third is the app-wide policy's Aspect, whose warnings are the checks of POLICY_CHECKS.
    expect(code.match(/addWarningV2\(/g)?.length).toBe(3);
    expect(code).toMatch(/addWarningV2\(id, `\$\{description\} Fix: \$\{fix\}`\)/);
    expect(code).toMatch(/addWarningV2\(advisory\.id, advisory\.message\)/);
    expect(code).toMatch(/addWarningV2\(warningId\(rule\), message\)/);
  });
});

function listSources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap(entry => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listSources(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

describe('refusal messages for a Python caller (JSII_AGENT=Python/...)', () => {
  const saved = process.env.JSII_AGENT;
  beforeAll(() => { process.env.JSII_AGENT = 'Python/3.12.3'; });
  afterAll(() => { if (saved === undefined) { delete process.env.JSII_AGENT; } else { process.env.JSII_AGENT = saved; } });

  const refusalNames = (Object.keys(TRIGGERS) as RuleName[]).filter(name => RULES[name].action === 'refuse');
  test.each(refusalNames)('%s names props and methods in snake_case', (name) => {
    TRIGGERS[name]();
    const message = refusals[refusals.length - 1];
    // The parts a Python user reads as code: everything but the path, the value received and the rule.
    const prose = message.replace(/^\[MfaUserPool [^\]]+\] /, '').replace(/\(received: .*?\)\. /, '').replace(RULE_MARKER, '');
    expect(prose.match(/(?<![\w$:/#-])[a-z][a-z0-9]*[A-Z][A-Za-z0-9]*(?![\w-])/g) ?? []).toEqual([]);
  });
});
