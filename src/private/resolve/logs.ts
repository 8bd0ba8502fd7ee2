import * as logs from 'aws-cdk-lib/aws-logs';
import { FactorDecisions, FirstFactorDecisions, LogDecisions, PlanDecisions } from './decisions';
import { LogDeliveryOptions } from '../../operations';
import { ThreatProtection } from '../../threat-protection';
import { ResolveContext } from '../context';
import { RULES } from '../rules';

/**
 * Cognito log delivery: message delivery errors by default whenever the pool sends codes by SMS
 * or email; user authentication events only on request, and only while threat protection is on
 * (Cognito exports user-activity logs "when threat protection is active", CloudFormation
 * reference of AWS::Cognito::LogDeliveryConfiguration).
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html
 */
export function resolveLogDelivery(ctx: ResolveContext, options: LogDeliveryOptions | undefined,
  factors: FactorDecisions, firstFactors: FirstFactorDecisions, plan: PlanDecisions): LogDecisions {
  const sendsCodes = factors.sms !== undefined || factors.emailFactor || firstFactors.emailOtp;
  const userAuthEvents = options?.userAuthEvents === true;
  if (userAuthEvents && plan.threatProtection === ThreatProtection.OFF && plan.customAuthThreatProtection !== ThreatProtection.OFF) {
    ctx.advise(RULES.threatProtectionForCustomAuthOnly, 'logDelivery.userAuthEvents is on while only customAuthThreatProtection is on: Cognito exports user authentication events while threat protection is active, and which sign-ins it scores then (custom authentication only) is not documented for password and SRP sign-ins. Set threatProtection too to have every sign-in scored and logged.');
  } else if (userAuthEvents && plan.threatProtection === ThreatProtection.OFF) {
    throw ctx.refuse(RULES.userAuthEventsNeedThreatProtection, 'logDelivery.userAuthEvents', 'needs threat protection: Cognito exports user authentication events only while it is on', true,
      'Set threatProtection to ThreatProtection.AUDIT or ENFORCED (the PLUS feature plan), or remove logDelivery.userAuthEvents.');
  }
  const retention = ctx.member('logDelivery.retention', options?.retention ?? logs.RetentionDays.ONE_YEAR,
    logs.RetentionDays as unknown as Record<string, logs.RetentionDays>, 'a logs.RetentionDays');
  return { messageDeliveryErrors: options?.messageDeliveryErrors ?? sendsCodes, userAuthEvents, retention };
}
