/**
 * The checks of the app-wide MFA policy: one small pure function per rule, over one
 * `AWS::Cognito::UserPool` of a template (src/private/rules/policy-checks.ts states each rule, its
 * reason, its fix and its evidence). A value known only at deploy time is never judged as a
 * literal: it is reported as a finding that cannot be checked.
 */
import { DEVICE_ORDER, MFA_ORDER, PLAN_ORDER, PolicySettings, THREAT_ORDER } from './settings';
import { readTrust } from './trust-reading';
import { propertyVariants } from './variants';
import { AppView, hasIntrinsic, IAM_ROLE, isIntrinsic, Located, REGIONAL_CONFIGURATION, REPLICA, StackTemplate, WEB_ACL, WEB_ACL_ASSOCIATION } from './view';
import { MfaPolicyRule } from '../../governance/mfa-policy-enums';

/** What one check found on one pool. */
export interface Judgement {
  readonly rule: MfaPolicyRule;
  /** Where in the resource, for the report: `Properties/MfaConfiguration`. */
  readonly location: string;
  /** What was found, in a sentence. */
  readonly finding: string;
  /** True when the value is known only at deploy time, so the rule could not be judged. */
  readonly unchecked?: boolean;
}

type Check = (pool: Located, view: AppView, settings: PolicySettings) => Judgement[];

const props = (pool: Located): Record<string, any> => pool.resource.Properties ?? {};

/** A judgement that the value at `location` is known only at deploy time. */
function unchecked(rule: MfaPolicyRule, location: string): Judgement[] {
  return [{ rule, location, finding: `${location.replace('Properties/', '')} is known only at deploy time, so it cannot be checked at synthesis`, unchecked: true }];
}

/** The value of a nested property, or `undefined`; an intrinsic met on the way (a deploy-time object) is returned as it is. */
function at(pool: Located, ...path: string[]): unknown {
  return path.reduce<any>((value, key) => (value === null || typeof value !== 'object' || isIntrinsic(value) ? value : value[key]), props(pool));
}

const location = (...path: string[]) => ['Properties', ...path].join('/');

/** The pool's MFA enforcement as written, absent meaning OFF. */
function mfaOf(pool: Located): unknown {
  return props(pool).MfaConfiguration ?? 'OFF';
}

/**
 * The factors of `EnabledMfas`, or `undefined` when they are known only at deploy time. With MFA
 * on and no `EnabledMfas`, a pool with an SMS configuration has SMS as its factor (Cognito's
 * original MFA), and one without has none.
 */
function factorsOf(pool: Located): string[] | undefined {
  const written = props(pool).EnabledMfas;
  if (written === undefined) {
    return props(pool).SmsConfiguration !== undefined ? ['SMS_MFA'] : [];
  }
  return hasIntrinsic(written) || !Array.isArray(written) ? undefined : [...new Set(written.map(String))];
}

const minimumMfa: Check = (pool, _view, settings) => {
  const mfa = mfaOf(pool);
  if (hasIntrinsic(mfa)) {
    return unchecked(MfaPolicyRule.MINIMUM_MFA, location('MfaConfiguration'));
  }
  const rank = MFA_ORDER.indexOf(mfa as (typeof MFA_ORDER)[number]);
  if (rank >= MFA_ORDER.indexOf(settings.minimumMfa)) {
    return [];
  }
  const written = props(pool).MfaConfiguration === undefined ? 'not set (MFA OFF)' : JSON.stringify(mfa);
  return [{ rule: MfaPolicyRule.MINIMUM_MFA, location: location('MfaConfiguration'), finding: `MfaConfiguration is ${written}; the policy requires at least ${JSON.stringify(settings.minimumMfa)}` }];
};

const mfaFactors: Check = (pool, _view, settings) => {
  if (mfaOf(pool) === 'OFF') {
    return [];
  }
  const factors = factorsOf(pool);
  if (!factors) {
    return unchecked(MfaPolicyRule.MFA_FACTORS, location('EnabledMfas'));
  }
  if (factors.length === 0 && !hasIntrinsic(mfaOf(pool))) {
    return [{ rule: MfaPolicyRule.MFA_FACTORS, location: location('EnabledMfas'), finding: `MfaConfiguration is ${JSON.stringify(mfaOf(pool))} and no EnabledMfas names a factor` }];
  }
  const denied = factors.filter(f => !settings.allowedFactors.has(f));
  return denied.length === 0 ? [] : [{
    rule: MfaPolicyRule.MFA_FACTORS,
    location: location('EnabledMfas'),
    finding: `EnabledMfas has ${denied.join(', ')}, which the policy does not allow (allowed: ${[...settings.allowedFactors].join(', ') || 'none'})`,
  }];
};

/**
 * SMS as the only second factor of a password sign-in. Passkeys that count as MFA
 * (`MULTI_FACTOR_WITH_USER_VERIFICATION`) make a passkey sign-in satisfy MFA; they are no second
 * factor after a password, which every pool accepts.
 */
const smsOnlyMfa: Check = (pool, _view, settings) => {
  if (settings.allowSmsOnly || mfaOf(pool) === 'OFF') {
    return [];
  }
  const factors = factorsOf(pool);
  if (!factors || hasIntrinsic(mfaOf(pool))) {
    return unchecked(MfaPolicyRule.SMS_ONLY_MFA, location('EnabledMfas'));
  }
  return factors.length === 1 && factors[0] === 'SMS_MFA' ? [{
    rule: MfaPolicyRule.SMS_ONLY_MFA,
    location: location('EnabledMfas'),
    finding: `SMS is the only second factor after a password (EnabledMfas: ${JSON.stringify(props(pool).EnabledMfas ?? '(not set)')}, MfaConfiguration: ${JSON.stringify(mfaOf(pool))})`,
  }] : [];
};

const passkeyUserVerification: Check = (pool, _view, settings) => {
  const firstFactors = at(pool, 'Policies', 'SignInPolicy', 'AllowedFirstAuthFactors');
  if (!settings.passkeyUserVerification) {
    return [];
  }
  if (hasIntrinsic(firstFactors)) {
    return unchecked(MfaPolicyRule.PASSKEY_USER_VERIFICATION, location('Policies', 'SignInPolicy', 'AllowedFirstAuthFactors'));
  }
  const passkeys = (Array.isArray(firstFactors) && firstFactors.includes('WEB_AUTHN')) || props(pool).WebAuthnFactorConfiguration !== undefined;
  const verification = props(pool).WebAuthnUserVerification;
  if (!passkeys || verification === 'required') {
    return [];
  }
  if (hasIntrinsic(verification)) {
    return unchecked(MfaPolicyRule.PASSKEY_USER_VERIFICATION, location('WebAuthnUserVerification'));
  }
  const written = verification === undefined ? 'not set (Cognito\'s default, "preferred")' : JSON.stringify(verification);
  return [{ rule: MfaPolicyRule.PASSKEY_USER_VERIFICATION, location: location('WebAuthnUserVerification'), finding: `the pool offers passkeys and WebAuthnUserVerification is ${written}` }];
};

/** Where a pool, or a Regional configuration of it, names the role Cognito assumes to send SMS. */
function smsCallers(pool: Located, view: AppView): Array<{ template: StackTemplate; where: string; arn: unknown; externalId: unknown }> {
  const of = (template: StackTemplate, where: string, sms: any) => (sms && typeof sms === 'object' ? [
    ...(sms.SnsCallerArn !== undefined ? [{ template, where: `${where}/SnsCallerArn`, arn: sms.SnsCallerArn, externalId: sms.ExternalId }] : []),
    ...(sms.EumsSms?.CallerArn !== undefined ? [{ template, where: `${where}/EumsSms/CallerArn`, arn: sms.EumsSms.CallerArn, externalId: sms.EumsSms.ExternalId ?? sms.ExternalId }] : []),
  ] : []);
  const regional = view.ofType(REGIONAL_CONFIGURATION).filter(r => view.referenced(r.template, r.resource.Properties?.UserPoolId)
    .some(target => target.template === pool.template && target.logicalId === pool.logicalId));
  return [
    ...of(pool.template, location('SmsConfiguration'), props(pool).SmsConfiguration),
    ...regional.flatMap(r => of(r.template, `${r.logicalId} (${REGIONAL_CONFIGURATION})/Properties/SmsConfiguration`, r.resource.Properties?.SmsConfiguration)),
  ];
}

/** A policy document as IAM reads it: CloudFormation also takes one written as a JSON string. */
function parsedDocument(document: unknown): unknown {
  if (typeof document !== 'string') {
    return document;
  }
  try {
    return JSON.parse(document);
  } catch {
    return document;
  }
}

/** The IAM roles of the app an ARN names: by reference, or by the role name a literal (or `Fn::Sub`) ARN ends with. */
function rolesNamed(view: AppView, template: StackTemplate, arn: unknown): Located[] {
  const referenced = view.referenced(template, arn).filter(r => r.resource.Type === IAM_ROLE);
  if (referenced.length > 0) {
    return referenced;
  }
  const text = typeof arn === 'string' ? arn : typeof (arn as any)?.['Fn::Sub'] === 'string' ? (arn as any)['Fn::Sub'] : undefined;
  const name = typeof text === 'string' ? /:role\/(?:[^$]*\/)?([\w+=,.@-]+)$/.exec(text)?.[1] : undefined;
  return name === undefined ? [] : view.ofType(IAM_ROLE).filter(r => r.resource.Properties?.RoleName === name);
}

const smsRoleTrust: Check = (pool, view, settings) => {
  if (!settings.smsRoleExternalId && !settings.smsRoleSource) {
    return [];
  }
  const sms = props(pool).SmsConfiguration;
  if (isIntrinsic(sms) || isIntrinsic(sms?.EumsSms)) {
    return unchecked(MfaPolicyRule.SMS_ROLE_TRUST, location('SmsConfiguration'));
  }
  return smsCallers(pool, view).flatMap(caller => {
    const roles = rolesNamed(view, caller.template, caller.arn);
    if (roles.length === 0) {
      return [{
        rule: MfaPolicyRule.SMS_ROLE_TRUST,
        location: caller.where,
        unchecked: true,
        finding: `${caller.where.replace('Properties/', '')} names a role that is not in the app (${JSON.stringify(caller.arn)}), so its trust cannot be read at synthesis`,
      }];
    }
    return roles.flatMap(role => propertyVariants(role.template, role.resource.Properties ?? {}, ['AssumeRolePolicyDocument']).flatMap(variant => {
      const document = parsedDocument(variant.AssumeRolePolicyDocument);
      const read = readTrust(document, caller.externalId);
      if (read === undefined) {
        return unchecked(MfaPolicyRule.SMS_ROLE_TRUST, caller.where);
      }
      const gaps = read.flatMap(g => [
        ...(settings.smsRoleExternalId && g.externalId ? [g.externalId] : []),
        ...(settings.smsRoleSource && g.source ? [g.source] : []),
        ...(g.anyone ? ['a principal of "*" (anyone)'] : []),
      ]);
      return gaps.length === 0 ? [] : [{
        rule: MfaPolicyRule.SMS_ROLE_TRUST,
        location: caller.where,
        finding: `the SMS role ${role.logicalId} lets cognito-idp.amazonaws.com assume it with ${[...new Set(gaps)].join(' and ')}`,
      }];
    }));
  });
};

/**
 * Whether the pool can send SMS codes: any SMS configuration can, since a signed-in user may ask
 * for a code to verify a phone number (GetUserAttributeVerificationCode, UpdateUserAttributes),
 * besides SMS MFA, SMS sign-in, verification at sign-up and recovery.
 */
function sendsSms(pool: Located): boolean {
  return props(pool).SmsConfiguration !== undefined;
}

const smsAbuseProtection: Check = (pool, view, settings) => {
  if (!settings.smsAbuseProtection || !sendsSms(pool)) {
    return [];
  }
  const adminOnly = at(pool, 'AdminCreateUserConfig', 'AllowAdminCreateUserOnly');
  if (hasIntrinsic(adminOnly)) {
    return unchecked(MfaPolicyRule.SMS_ABUSE_PROTECTION, location('AdminCreateUserConfig', 'AllowAdminCreateUserOnly'));
  }
  if (adminOnly === true || adminOnly === 'true') {
    return [];
  }
  const associations = view.ofType(WEB_ACL_ASSOCIATION).filter(a => view.referenced(a.template, a.resource.Properties?.ResourceArn)
    .some(target => target.template === pool.template && target.logicalId === pool.logicalId));
  const regionOf = (template: StackTemplate) => template.pseudo?.['AWS::Region'];
  const here = regionOf(pool.template);
  // Each Region that serves the pool has its own web ACL (WAF is Regional): the pool's, and each replica's.
  const inRegion = (region: string | undefined) => associations.filter(a => region === undefined || regionOf(a.template) === undefined
    || regionOf(a.template) === region);
  const primary = judgeAssociations(view, inRegion(here), 'the pool');
  // A replica whose Region is a deploy-time value cannot be matched to a stack: unchecked, never passed.
  const replicas = replicasOf(pool, view).map(r => (r.region === undefined
    ? unchecked(MfaPolicyRule.SMS_ABUSE_PROTECTION, `${r.located.logicalId} (${REPLICA})/Properties/RegionName`)
    : judgeAssociations(view, inRegion(r.region).filter(a => a.template !== pool.template || here === r.region), `its replica in ${r.region}`)));
  return [...primary, ...replicas.flat()];
};

/** The replicas of a pool in the app, with their Region when it is a literal. */
function replicasOf(pool: Located, view: AppView): Array<{ located: Located; region?: string }> {
  return view.ofType(REPLICA).filter(r => view.referenced(r.template, r.resource.Properties?.UserPoolId)
    .some(target => target.template === pool.template && target.logicalId === pool.logicalId))
    .map(located => ({ located, region: typeof located.resource.Properties?.RegionName === 'string' ? located.resource.Properties.RegionName : undefined }));
}

/** Whether web ACL associations protect what `what` names: a finding, unchecked, or nothing. */
function judgeAssociations(view: AppView, associations: Located[], what: string): Judgement[] {
  if (associations.length === 0) {
    return [{
      rule: MfaPolicyRule.SMS_ABUSE_PROTECTION,
      location: location('SmsConfiguration'),
      finding: `the pool sends SMS codes and lets anyone sign up, and no AWS::WAFv2::WebACLAssociation of the app protects ${what}`,
    }];
  }
  const verdicts = associations.map(a => {
    // An association under a resource condition may not exist: it protects nothing the policy can count on.
    if ((a.resource as any).Condition !== undefined) {
      return undefined;
    }
    // Every value the association's WebACLArn may take must name a web ACL that limits rates.
    const arns = propertyVariants(a.template, a.resource.Properties ?? {}, ['WebACLArn']).map(v => v.WebACLArn);
    const each = arns.map(arn => {
      const acls = view.referenced(a.template, arn).filter(r => r.resource.Type === WEB_ACL);
      return acls.length === 1 ? actsOnRate(acls[0].resource.Properties?.Rules) : undefined;
    });
    return each.includes(false) ? false : each.includes(undefined) ? undefined : true;
  });
  if (verdicts.includes(true)) {
    return [];
  }
  if (verdicts.includes(undefined)) {
    return unchecked(MfaPolicyRule.SMS_ABUSE_PROTECTION, location('SmsConfiguration'));
  }
  return [{
    rule: MfaPolicyRule.SMS_ABUSE_PROTECTION,
    location: location('SmsConfiguration'),
    finding: `the pool sends SMS codes and lets anyone sign up, and the web ACL associated with ${what === 'the pool' ? 'it' : what} has no rate-based rule that blocks`,
  }];
}

const secondaryFactor: Check = (pool, view, settings) => {
  if (!settings.secondaryFactor || mfaOf(pool) === 'OFF') {
    return [];
  }
  const replicas = replicasOf(pool, view);
  if (replicas.length === 0) {
    return [];
  }
  const factors = factorsOf(pool);
  const passkeys = props(pool).WebAuthnFactorConfiguration;
  if (!factors || hasIntrinsic(mfaOf(pool))) {
    return unchecked(MfaPolicyRule.SECONDARY_FACTOR, location('EnabledMfas'));
  }
  if (passkeys === 'MULTI_FACTOR_WITH_USER_VERIFICATION') {
    return [];
  }
  // SMS and email codes reach users in the secondary only with its Regional SMS and SES email settings.
  const regional = view.ofType(REGIONAL_CONFIGURATION).filter(r => view.referenced(r.template, r.resource.Properties?.UserPoolId)
    .some(target => target.template === pool.template && target.logicalId === pool.logicalId)).map(r => r.resource.Properties ?? {});
  const codes = factors.filter(f => f === 'SMS_MFA' || f === 'EMAIL_OTP');
  if (codes.length > 0 && regional.length === 0) {
    return [{
      rule: MfaPolicyRule.SECONDARY_FACTOR,
      location: location('EnabledMfas'),
      unchecked: true,
      finding: 'the pool has a replica, and no Regional configuration of it in the app says whether its SMS or email codes can be sent in the secondary',
    }];
  }
  const delivered = (f: string) => regional.some(r => (f === 'SMS_MFA' ? r.SmsConfiguration !== undefined
    : r.EmailConfiguration !== undefined && (r.EmailConfiguration as any)?.EmailSendingAccount === 'DEVELOPER'));
  if (codes.some(delivered)) {
    return [];
  }
  if (hasIntrinsic(passkeys)) {
    return unchecked(MfaPolicyRule.SECONDARY_FACTOR, location('WebAuthnFactorConfiguration'));
  }
  const regions = replicas.map(r => r.region ?? 'a Region known at deploy time').join(', ');
  return [{
    rule: MfaPolicyRule.SECONDARY_FACTOR,
    location: location('EnabledMfas'),
    finding: `the pool has a replica (${regions}) and no MFA factor its secondary serves (EnabledMfas ${JSON.stringify(factors)}${codes.length > 0
      ? ', with no Regional SMS or SES email configuration to send the codes' : ''}): secondaries do not support TOTP`,
  }];
};

/** Whether a web ACL's rules (as written) hold a rate-based rule that blocks or challenges; undefined when they cannot be read. */
function actsOnRate(rules: unknown): boolean | undefined {
  if (rules === undefined) {
    return false;
  }
  if (!Array.isArray(rules) || rules.some(isIntrinsic)) {
    return undefined;
  }
  const ordered = [...rules].sort((a: any, b: any) => Number(a?.Priority) - Number(b?.Priority));
  const first = ordered.findIndex((r: any) => r?.Statement?.RateBasedStatement !== undefined && !isIntrinsic(r.Action)
    && ['Block', 'Captcha', 'Challenge'].some(a => r.Action?.[a] !== undefined));
  if (first < 0) {
    return rules.some((r: any) => r?.Statement?.RuleGroupReferenceStatement !== undefined) ? undefined : false;
  }
  // An Allow ahead of it ends evaluation for what it matches: what it lets by cannot be told here.
  return ordered.slice(0, first).some((r: any) => r?.Action?.Allow !== undefined || isIntrinsic(r?.Action)) ? undefined : true;
}

/** A graded check: the written value (or its default) against the policy's bound. */
function graded(rule: MfaPolicyRule, path: string[], order: readonly string[], written: unknown, bound: string, least: boolean): Judgement[] {
  if (hasIntrinsic(written)) {
    return unchecked(rule, location(...path));
  }
  const rank = order.indexOf(String(written));
  const ok = least ? rank >= order.indexOf(bound) : rank <= order.indexOf(bound);
  return ok ? [] : [{ rule, location: location(...path), finding: `${path.join('.')} is ${JSON.stringify(written)}; the policy requires ${least ? 'at least' : 'at most'} ${JSON.stringify(bound)}` }];
}

const threatProtection: Check = (pool, _view, settings) =>
  graded(MfaPolicyRule.THREAT_PROTECTION, ['UserPoolAddOns', 'AdvancedSecurityMode'], THREAT_ORDER,
    at(pool, 'UserPoolAddOns', 'AdvancedSecurityMode') ?? 'OFF', settings.minimumThreatProtection, true);

const featurePlan: Check = (pool, _view, settings) => {
  const tier = props(pool).UserPoolTier;
  if (tier === undefined && settings.minimumPlan !== 'LITE') {
    return [{
      rule: MfaPolicyRule.FEATURE_PLAN,
      location: location('UserPoolTier'),
      finding: `UserPoolTier is not set: a new pool gets ESSENTIALS, an existing one keeps its plan, which may be LITE; the policy requires at least ${JSON.stringify(settings.minimumPlan)}`,
    }];
  }
  return tier === undefined ? [] : graded(MfaPolicyRule.FEATURE_PLAN, ['UserPoolTier'], PLAN_ORDER, tier, settings.minimumPlan, true);
};

const deviceRemembering: Check = (pool, _view, settings) => {
  const device = props(pool).DeviceConfiguration;
  if (hasIntrinsic(device)) {
    return unchecked(MfaPolicyRule.DEVICE_REMEMBERING, location('DeviceConfiguration'));
  }
  const onPrompt = device?.DeviceOnlyRememberedOnUserPrompt;
  const challenge = device?.ChallengeRequiredOnNewDevice;
  // A remembered device stands in for MFA only with ChallengeRequiredOnNewDevice (the API's DeviceConfigurationType).
  const skipsMfa = challenge === true || challenge === 'true';
  const remembering = !skipsMfa ? 'OFF' : (onPrompt === true || onPrompt === 'true') ? 'USER_OPT_IN' : 'ALWAYS';
  if (DEVICE_ORDER.indexOf(remembering) <= DEVICE_ORDER.indexOf(settings.maximumDevices)) {
    return [];
  }
  const how = remembering === 'ALWAYS' ? 'every device is remembered and skips MFA (ChallengeRequiredOnNewDevice true, DeviceOnlyRememberedOnUserPrompt not true)'
    : 'devices the user chooses to remember skip MFA (ChallengeRequiredOnNewDevice true)';
  return [{ rule: MfaPolicyRule.DEVICE_REMEMBERING, location: location('DeviceConfiguration'), finding: `${how}; the policy allows at most ${settings.maximumDevices}` }];
};

const deletionProtection: Check = (pool, _view, settings) => {
  const value = props(pool).DeletionProtection;
  if (!settings.deletionProtection || value === 'ACTIVE') {
    return [];
  }
  if (hasIntrinsic(value)) {
    return unchecked(MfaPolicyRule.DELETION_PROTECTION, location('DeletionProtection'));
  }
  return [{ rule: MfaPolicyRule.DELETION_PROTECTION, location: location('DeletionProtection'), finding: `DeletionProtection is ${value === undefined ? 'not set (INACTIVE)' : JSON.stringify(value)}` }];
};

/** Every check, in the order of `MfaPolicyRule`. */
export const CHECKS: readonly Check[] = [
  minimumMfa, mfaFactors, smsOnlyMfa, passkeyUserVerification, smsRoleTrust,
  smsAbuseProtection, threatProtection, featurePlan, deviceRemembering, deletionProtection, secondaryFactor,
];

/** The properties the checks read: the ones whose values the variants expand. */
const READ = ['MfaConfiguration', 'EnabledMfas', 'WebAuthnFactorConfiguration', 'WebAuthnUserVerification', 'Policies', 'SmsConfiguration',
  'AutoVerifiedAttributes', 'AccountRecoverySetting', 'AdminCreateUserConfig', 'UserPoolAddOns', 'UserPoolTier', 'DeviceConfiguration', 'DeletionProtection'];

/**
 * Everything the policy finds on one pool, over every variant of its properties (the values its
 * conditions, mappings and parameters allow): for each rule, the judged findings of any variant,
 * the worst; a rule is unchecked only when no variant gives a judged finding.
 */
export function judgePool(pool: Located, view: AppView, settings: PolicySettings): Judgement[] {
  const variants = propertyVariants(pool.template, pool.resource.Properties ?? {}, READ);
  const judge = (properties: Record<string, unknown>) => {
    const variant = { ...pool, resource: { ...pool.resource, Properties: properties } };
    return CHECKS.flatMap(check => check(variant, view, settings));
  };
  const all = variants.flatMap(judge);
  const judged = new Set(all.filter(j => !j.unchecked).map(j => j.rule));
  const keyOf = (j: Judgement) => `${j.rule}|${j.location}|${j.unchecked ? '' : j.finding}`;
  const counts = new Map<string, number>();
  all.forEach(j => counts.set(keyOf(j), (counts.get(keyOf(j)) ?? 0) + 1));
  const seen = new Set<string>();
  const out: Judgement[] = [];
  for (const judgement of all) {
    const key = keyOf(judgement);
    if ((judgement.unchecked && judged.has(judgement.rule)) || seen.has(key)) {
      continue;
    }
    seen.add(key);
    const inSome = !judgement.unchecked && counts.get(key)! < variants.length;
    out.push(inSome ? { ...judgement, finding: `${judgement.finding} (in one of the values the template's conditions, mappings or parameters allow)` } : judgement);
  }
  return out;
}

const USER_POOL_TYPE = 'AWS::Cognito::UserPool';

/** The CloudFormation APIs of Cognito a custom resource may call to change a pool after deployment. */
const POOL_CHANGING_CALLS = /(UpdateUserPool|SetUserPoolMfaConfig|CreateUserPool|SetRiskConfiguration|AddCustomAttributes|UpdateUserPoolDomain)/i;
const COGNITO_SERVICE = /cognito-idp|CognitoIdentityServiceProvider|CognitoIdentityProvider|cognito-identity-provider/i;

/** A finding about a place of the app where a pool may be that the policy cannot judge. */
export interface Unseen {
  readonly located: Located;
  readonly judgement: Judgement;
}

/**
 * The places of the app where a user pool may be that the policy cannot see, each an unchecked
 * finding: pools written under `Fn::ForEach` (the language extensions transform expands them at
 * deploy time), nested stacks whose template is not in the app, and custom resources that call
 * Cognito to create or change a pool after deployment. `visibleNested` tells the nested stacks
 * whose templates were read.
 */
export function judgeUnseen(view: AppView, visibleNested: (stack: Located) => boolean): Unseen[] {
  const unseen = (located: Located, finding: string): Unseen =>
    ({ located, judgement: { rule: MfaPolicyRule.MINIMUM_MFA, location: 'Properties', finding, unchecked: true } });
  const out: Unseen[] = [];
  for (const template of view.templates) {
    for (const [logicalId, resource] of Object.entries(template.resources)) {
      const located = { template, logicalId, resource };
      const text = JSON.stringify(resource);
      if (logicalId.startsWith('Fn::ForEach::') && text.includes('"AWS::Cognito::UserPool"')) {
        out.push(unseen(located, `${logicalId} writes user pools that the language extensions transform expands at deploy time`));
      } else if (resource.Type === USER_POOL_TYPE && text.includes('"Fn::ForEach::')) {
        out.push(unseen(located, `the pool ${logicalId} writes properties under Fn::ForEach, which the language extensions transform expands at deploy time`));
      } else if (text.includes('"Fn::Transform"')) {
        out.push(unseen(located, `${logicalId} is written by a macro (Fn::Transform) at deploy time, so what it holds cannot be judged`));
      } else if (resource.Type === 'AWS::CloudFormation::StackSet' || resource.Type === 'AWS::Serverless::Application') {
        out.push(unseen(located, `${logicalId} (${resource.Type}) deploys a template that is not in the app, so its user pools cannot be seen`));
      } else if (resource.Type === 'AWS::CloudFormation::Stack' && !visibleNested(located)) {
        out.push(unseen(located, `the nested stack ${logicalId} has a template that is not in the app (TemplateURL), so its user pools cannot be seen`));
      } else if (typeof resource.Type === 'string' && (resource.Type.startsWith('Custom::') || resource.Type === 'AWS::CloudFormation::CustomResource')
        && COGNITO_SERVICE.test(text) && POOL_CHANGING_CALLS.test(text)) {
        out.push(unseen(located, `the custom resource ${logicalId} calls Cognito (${POOL_CHANGING_CALLS.exec(text)![1]}) at deploy time, so the pool it creates or changes cannot be judged as deployed`));
      }
    }
  }
  return out;
}
