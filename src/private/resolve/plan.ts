import * as cognito from 'aws-cdk-lib/aws-cognito';
import { FactorDecisions, PlanDecisions } from './decisions';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ThreatProtection } from '../../threat-protection';
import { ResolveContext } from '../context';
import { RULES } from '../rules';

/**
 * The feature plan and threat protection: threat protection needs PLUS, which then becomes the
 * default; the email factor needs ESSENTIALS or PLUS. The plan is always decided, so the template
 * never depends on the service default.
 */
export function resolvePlan(ctx: ResolveContext, props: MfaUserPoolProps, factors: FactorDecisions): PlanDecisions {
  const threatProtection = ctx.member('threatProtection', props.threatProtection ?? ThreatProtection.OFF, ThreatProtection, 'a ThreatProtection');
  const customAuthThreatProtection = ctx.member('customAuthThreatProtection', props.customAuthThreatProtection ?? ThreatProtection.OFF,
    ThreatProtection, 'a ThreatProtection');
  const wantsPlus = threatProtection !== ThreatProtection.OFF || customAuthThreatProtection !== ThreatProtection.OFF;
  const featurePlan = props.featurePlan ?? (wantsPlus ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS);
  if (wantsPlus && featurePlan !== cognito.FeaturePlan.PLUS) {
    throw ctx.refuse(RULES.threatProtectionNeedsPlus, 'featurePlan', 'must be PLUS for threat protection', featurePlan,
      'Set featurePlan: cognito.FeaturePlan.PLUS (or leave it unset), or set threatProtection and customAuthThreatProtection to ThreatProtection.OFF.');
  }
  if (factors.emailFactor && featurePlan === cognito.FeaturePlan.LITE) {
    throw ctx.refuse(RULES.emailMfaNeedsEssentials, 'featurePlan', 'must be ESSENTIALS or PLUS for the email MFA factor', featurePlan,
      'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or remove email.');
  }
  return { featurePlan, threatProtection, customAuthThreatProtection };
}
