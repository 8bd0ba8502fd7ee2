import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { RULES } from '../rules';

/** The password policy a pool gets when the user passes none (and the bar for the warning). */
export const STRONG_PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

/**
 * The password policy: fields left unset keep the strong default; values Cognito rejects are
 * refused; a weaker policy is allowed with a warning.
 */
export function resolvePasswordPolicy(
  ctx: ResolveContext,
  given: cognito.PasswordPolicy | undefined,
  featurePlan: cognito.FeaturePlan,
): cognito.PasswordPolicy {
  const policy: cognito.PasswordPolicy = withoutLiteHistoryOff({ ...STRONG_PASSWORD_POLICY, ...given }, featurePlan);
  checkRanges(ctx, policy, featurePlan);
  const weaker: string[] = [];
  if (isLiteral(policy.minLength) && policy.minLength! < STRONG_PASSWORD_POLICY.minLength) {
    weaker.push(`minLength ${policy.minLength} < ${STRONG_PASSWORD_POLICY.minLength}`);
  }
  for (const key of ['requireLowercase', 'requireUppercase', 'requireDigits', 'requireSymbols'] as const) {
    if (policy[key] === false) {
      weaker.push(`${key}: false`);
    }
  }
  if (weaker.length > 0) {
    ctx.advise(RULES.weakPasswordPolicy, `passwordPolicy is weaker than the default (${weaker.join(', ')}). The default is at least 12 characters with lower and upper case letters, digits and symbols.`);
  }
  return policy;
}

/**
 * A passwordHistorySize of 0 keeps no history, which is also what leaving it out means; on LITE
 * it is left out, because the L2 refuses any value there (password history is an ESSENTIALS
 * feature, and 0 is not one).
 */
function withoutLiteHistoryOff(policy: cognito.PasswordPolicy, featurePlan: cognito.FeaturePlan): cognito.PasswordPolicy {
  if (featurePlan !== cognito.FeaturePlan.LITE || policy.passwordHistorySize !== 0) {
    return policy;
  }
  const { passwordHistorySize: _off, ...rest } = policy;
  return rest;
}

function checkRanges(ctx: ResolveContext, policy: cognito.PasswordPolicy, featurePlan: cognito.FeaturePlan): void {
  if (isLiteral(policy.minLength) && (policy.minLength < 6 || policy.minLength > 99 || !Number.isInteger(policy.minLength))) {
    throw ctx.refuse(RULES.passwordPolicyRange, 'passwordPolicy.minLength', 'must be a whole number from 6 to 99', policy.minLength,
      `Use at least ${STRONG_PASSWORD_POLICY.minLength} (the default).`);
  }
  const history = policy.passwordHistorySize;
  if (isLiteral(history)) {
    if (history < 0 || history > 24 || !Number.isInteger(history)) {
      throw ctx.refuse(RULES.passwordPolicyRange, 'passwordPolicy.passwordHistorySize', 'must be a whole number from 0 to 24', history, 'Choose a value in that range.');
    }
    if (featurePlan === cognito.FeaturePlan.LITE) {
      throw ctx.refuse(RULES.passwordHistoryNeedsEssentials, 'passwordPolicy.passwordHistorySize', 'above 0 needs the ESSENTIALS or PLUS feature plan', history,
        'Remove passwordHistorySize (or set it to 0), or set featurePlan to ESSENTIALS (the default) or PLUS.');
    }
  }
  const validity = policy.tempPasswordValidity;
  if (validity !== undefined && !validity.isUnresolved()) {
    const days = validity.toDays({ integral: false });
    if (days > 365 || !Number.isInteger(days)) {
      throw ctx.refuse(RULES.passwordPolicyRange, 'passwordPolicy.tempPasswordValidity', 'must be a whole number of days, at most 365', validity.toHumanString(),
        'Use Duration.days(n) with n up to 365; 7 days is Cognito\'s default.');
    }
  }
}
