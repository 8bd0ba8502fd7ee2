/**
 * The checks of the app-wide MFA policy: one small pure function per rule, over one
 * `AWS::Cognito::UserPool` of a template (src/private/rules/policy-checks.ts states each rule, its
 * reason, its fix and its evidence). A value known only at deploy time is never judged as a
 * literal: it is reported as a finding that cannot be checked.
 */
import { DEVICE_ORDER, MFA_ORDER, PLAN_ORDER, PolicySettings, THREAT_ORDER } from './settings';
import { AppView, hasIntrinsic, IAM_ROLE, isIntrinsic, Located, WEB_ACL_ASSOCIATION } from './view';
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

/** The value of a nested property, or `undefined`. */
function at(pool: Located, ...path: string[]): unknown {
  return path.reduce<any>((value, key) => (value === null || typeof value !== 'object' ? undefined : value[key]), props(pool));
}

const location = (...path: string[]) => ['Properties', ...path].join('/');

/** The pool's MFA enforcement as written, absent meaning OFF. */
function mfaOf(pool: Located): unknown {
  return props(pool).MfaConfiguration ?? 'OFF';
}

/** The factors of `EnabledMfas`, or `undefined` when they are known only at deploy time. */
function factorsOf(pool: Located): string[] | undefined {
  const factors = props(pool).EnabledMfas ?? [];
  return hasIntrinsic(factors) || !Array.isArray(factors) ? undefined : [...new Set(factors.map(String))];
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
  const denied = factors.filter(f => !settings.allowedFactors.has(f));
  return denied.length === 0 ? [] : [{
    rule: MfaPolicyRule.MFA_FACTORS,
    location: location('EnabledMfas'),
    finding: `EnabledMfas has ${denied.join(', ')}, which the policy does not allow (allowed: ${[...settings.allowedFactors].join(', ') || 'none'})`,
  }];
};

const smsOnlyMfa: Check = (pool, _view, settings) => {
  if (settings.allowSmsOnly || mfaOf(pool) === 'OFF') {
    return [];
  }
  const factors = factorsOf(pool);
  if (!factors || hasIntrinsic(mfaOf(pool))) {
    return unchecked(MfaPolicyRule.SMS_ONLY_MFA, location('EnabledMfas'));
  }
  const passkeyMfa = props(pool).WebAuthnFactorConfiguration === 'MULTI_FACTOR_WITH_USER_VERIFICATION';
  return factors.length === 1 && factors[0] === 'SMS_MFA' && !passkeyMfa ? [{
    rule: MfaPolicyRule.SMS_ONLY_MFA,
    location: location('EnabledMfas'),
    finding: `SMS is the only second factor (EnabledMfas: ["SMS_MFA"], MfaConfiguration: ${JSON.stringify(mfaOf(pool))})`,
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

/** The Allow statements of a trust policy that let Cognito assume the role. */
function cognitoStatements(document: any): any[] {
  const list = (v: unknown) => (v === undefined ? [] : Array.isArray(v) ? v : [v]);
  return list(document?.Statement).filter((s: any) => s?.Effect === 'Allow'
    && list(s.Action).some(a => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')
    && (list(s.Principal?.Service).includes('cognito-idp.amazonaws.com') || s.Principal === '*' || s.Principal?.AWS === '*'));
}

/** What a Cognito statement of the trust policy is missing. */
function trustGaps(statement: any, externalId: unknown, settings: PolicySettings): string[] {
  const conditions: Record<string, Record<string, unknown>> = statement.Condition ?? {};
  const keys = (name: string) => Object.values(conditions).filter(c => c && typeof c === 'object' && name in c).map(c => c[name]);
  const gaps: string[] = [];
  const ids = keys('sts:ExternalId');
  if (settings.smsRoleExternalId && (ids.length === 0
    || (typeof externalId === 'string' && !ids.some(v => v === externalId || (Array.isArray(v) && v.includes(externalId)) || hasIntrinsic(v))))) {
    gaps.push(ids.length === 0 ? 'no sts:ExternalId condition' : `an sts:ExternalId condition without the pool's external ID ${JSON.stringify(externalId)}`);
  }
  if (settings.smsRoleSource && keys('aws:SourceAccount').length === 0 && keys('aws:SourceArn').length === 0) {
    gaps.push('no aws:SourceAccount or aws:SourceArn condition');
  }
  return gaps;
}

const smsRoleTrust: Check = (pool, view, settings) => {
  const sms = props(pool).SmsConfiguration;
  if (!sms || (!settings.smsRoleExternalId && !settings.smsRoleSource)) {
    return [];
  }
  const roles = view.referenced(pool.template, sms.SnsCallerArn).filter(r => r.resource.Type === IAM_ROLE);
  return roles.flatMap(role => {
    const document: any = role.resource.Properties?.AssumeRolePolicyDocument;
    // Condition values may be deploy-time (an ARN with the partition): only the shape must be known.
    if (isIntrinsic(document) || isIntrinsic(document?.Statement)) {
      return unchecked(MfaPolicyRule.SMS_ROLE_TRUST, location('SmsConfiguration', 'SnsCallerArn'));
    }
    const gaps = [...new Set(cognitoStatements(document).flatMap(s => trustGaps(s, sms.ExternalId, settings)))];
    return gaps.length === 0 ? [] : [{
      rule: MfaPolicyRule.SMS_ROLE_TRUST,
      location: location('SmsConfiguration', 'SnsCallerArn'),
      finding: `the SMS role ${role.logicalId} lets cognito-idp.amazonaws.com assume it with ${gaps.join(' and ')}`,
    }];
  });
};

/** Whether the pool can send SMS codes: an SMS configuration used by MFA, sign-in, verification or recovery. */
function sendsSms(pool: Located): boolean {
  const includes = (value: unknown, item: string) => Array.isArray(value) && value.includes(item);
  const recovery = at(pool, 'AccountRecoverySetting', 'RecoveryMechanisms');
  return props(pool).SmsConfiguration !== undefined && (includes(props(pool).EnabledMfas, 'SMS_MFA')
    || includes(props(pool).AutoVerifiedAttributes, 'phone_number')
    || includes(at(pool, 'Policies', 'SignInPolicy', 'AllowedFirstAuthFactors'), 'SMS_OTP')
    || (Array.isArray(recovery) && recovery.some((m: any) => m?.Name === 'verified_phone_number')));
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
  const protectedBy = view.ofType(WEB_ACL_ASSOCIATION).filter(a => view.referenced(a.template, a.resource.Properties?.ResourceArn)
    .some(target => target.template === pool.template && target.logicalId === pool.logicalId));
  return protectedBy.length > 0 ? [] : [{
    rule: MfaPolicyRule.SMS_ABUSE_PROTECTION,
    location: location('SmsConfiguration'),
    finding: 'the pool sends SMS codes and lets anyone sign up, and no AWS::WAFv2::WebACLAssociation of the app protects it',
  }];
};

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
  const remembering = device === undefined ? 'OFF' : (onPrompt === true || onPrompt === 'true') ? 'USER_OPT_IN' : 'ALWAYS';
  if (DEVICE_ORDER.indexOf(remembering) <= DEVICE_ORDER.indexOf(settings.maximumDevices)) {
    return [];
  }
  const how = remembering === 'ALWAYS' ? 'every device is remembered (DeviceOnlyRememberedOnUserPrompt is not true)' : 'devices are remembered when the user opts in';
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
  smsAbuseProtection, threatProtection, featurePlan, deviceRemembering, deletionProtection,
];

/** Everything the policy finds on one pool. */
export function judgePool(pool: Located, view: AppView, settings: PolicySettings): Judgement[] {
  return CHECKS.flatMap(check => check(pool, view, settings));
}
