import * as cognito from 'aws-cdk-lib/aws-cognito';
import { DeviceRemembering } from '../../device';
import type { MfaPolicyProps } from '../../governance/mfa-policy';
import { MfaFactor, MfaPolicyRule, MfaPolicySeverity } from '../../governance/mfa-policy-enums';
import { MfaEnforcement } from '../../mfa';
import { ThreatProtection } from '../../threat-protection';
import { ResolveContext } from '../context';

/** Orders of the graded settings, weakest first, as CloudFormation writes them. */
export const MFA_ORDER = ['OFF', 'OPTIONAL', 'ON'] as const;
export const THREAT_ORDER = ['OFF', 'AUDIT', 'ENFORCED'] as const;
export const PLAN_ORDER = ['LITE', 'ESSENTIALS', 'PLUS'] as const;
export const DEVICE_ORDER = ['OFF', 'USER_OPT_IN', 'ALWAYS'] as const;

/** A policy with every default applied, in CloudFormation's terms. */
export interface PolicySettings {
  readonly minimumMfa: (typeof MFA_ORDER)[number];
  readonly allowedFactors: ReadonlySet<string>;
  readonly allowSmsOnly: boolean;
  readonly passkeyUserVerification: boolean;
  readonly smsRoleExternalId: boolean;
  readonly smsRoleSource: boolean;
  readonly smsAbuseProtection: boolean;
  readonly minimumThreatProtection: (typeof THREAT_ORDER)[number];
  readonly minimumPlan: (typeof PLAN_ORDER)[number];
  readonly maximumDevices: (typeof DEVICE_ORDER)[number];
  readonly deletionProtection: boolean;
  readonly secondaryFactor: boolean;
  /** The severity of a judged finding of each rule. */
  readonly severity: (rule: MfaPolicyRule) => MfaPolicySeverity;
  /** The severity of a finding that could not be judged. */
  readonly uncheckedSeverity: MfaPolicySeverity;
}

const MFA_TO_CFN: Record<MfaEnforcement, PolicySettings['minimumMfa']> = {
  [MfaEnforcement.OFF]: 'OFF', [MfaEnforcement.OPTIONAL]: 'OPTIONAL', [MfaEnforcement.REQUIRED]: 'ON',
};

/** The member's name of a rule, as users write it: `MinimumMfa` -> `MINIMUM_MFA`. */
export function ruleMember(rule: MfaPolicyRule): string {
  return Object.entries(MfaPolicyRule).find(([, value]) => value === rule)![0];
}

/** Checks the props of a policy (enum members from any language) and applies the recommended defaults. */
export function resolvePolicy(path: string, props: MfaPolicyProps): PolicySettings {
  const ctx = new ResolveContext(path);
  const minimumMfa = ctx.member('minimumMfa', props.minimumMfa ?? MfaEnforcement.REQUIRED, MfaEnforcement, 'an MfaEnforcement');
  const factors = (props.allowedMfaFactors ?? Object.values(MfaFactor)).map((f, i) => ctx.member(`allowedMfaFactors[${i}]`, f, MfaFactor, 'an MfaFactor'));
  const threat = ctx.member('minimumThreatProtection', props.minimumThreatProtection ?? ThreatProtection.OFF, ThreatProtection, 'a ThreatProtection');
  const plan = ctx.member('minimumFeaturePlan', props.minimumFeaturePlan ?? cognito.FeaturePlan.ESSENTIALS, cognito.FeaturePlan, 'a cognito.FeaturePlan');
  const devices = ctx.member('maximumDeviceRemembering', props.maximumDeviceRemembering ?? DeviceRemembering.USER_OPT_IN,
    DeviceRemembering, 'a DeviceRemembering');
  const severity = ctx.member('severity', props.severity ?? MfaPolicySeverity.ERROR, MfaPolicySeverity, 'an MfaPolicySeverity');
  const unchecked = ctx.member('uncheckedSeverity', props.uncheckedSeverity ?? MfaPolicySeverity.WARNING, MfaPolicySeverity, 'an MfaPolicySeverity');
  const warningRules = new Set((props.warningRules ?? []).map((r, i) => ctx.member(`warningRules[${i}]`, r, MfaPolicyRule, 'an MfaPolicyRule')));
  return {
    minimumMfa: MFA_TO_CFN[minimumMfa],
    allowedFactors: new Set(factors),
    allowSmsOnly: props.allowSmsOnlyMfa ?? false,
    passkeyUserVerification: props.requirePasskeyUserVerification ?? true,
    smsRoleExternalId: props.requireSmsRoleExternalId ?? true,
    smsRoleSource: props.requireSmsRoleSourceConditions ?? true,
    smsAbuseProtection: props.requireSmsAbuseProtection ?? true,
    minimumThreatProtection: threat,
    minimumPlan: plan as PolicySettings['minimumPlan'],
    maximumDevices: devices,
    deletionProtection: props.requireDeletionProtection ?? true,
    secondaryFactor: props.requireSecondaryFactor ?? true,
    severity: rule => (warningRules.has(rule) ? MfaPolicySeverity.WARNING : severity),
    uncheckedSeverity: unchecked,
  };
}
