import { resolveAbuse } from './abuse';
import { resolveAdaptive } from './adaptive';
import { Decisions } from './decisions';
import { checkEmail } from './email';
import { resolveEncryption } from './encryption';
import { resolveFactors } from './factors';
import { resolveFirstFactors } from './first-factors';
import { resolveLifecycle } from './lifecycle';
import { resolveLogDelivery } from './logs';
import { refuseOwnedFields } from './owned-fields';
import { resolvePasswordPolicy } from './password';
import { resolvePlan } from './plan';
import { resolveRecovery } from './recovery';
import { resolveReplication } from './replication';
import { resolveSignIn } from './sign-in';
import { checkSms } from './sms';
import { DeviceRemembering } from '../../device';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ResolveContext } from '../context';

export type { Decisions } from './decisions';

/**
 * Decides everything from the props, or throws the `MfaConfigurationError` for the first mistake
 * Cognito or CloudFormation would otherwise reject at deploy time. Pure: no construct is created
 * here. Each phase decides one concern; later phases read earlier decisions, never the reverse.
 *
 * @param path the construct path, for messages
 * @param props the construct's props
 * @param region the stack's Region, or undefined when it is a token (environment-agnostic stack)
 */
export function resolveDecisions(path: string, props: MfaUserPoolProps, region: string | undefined): Decisions {
  const ctx = new ResolveContext(path);
  const pass = props.userPoolProps ?? {};
  refuseOwnedFields(ctx, pass);
  const signIn = resolveSignIn(pass);
  const factors = resolveFactors(ctx, props, signIn);
  if (factors.sms) {
    checkSms(ctx, factors.sms, region);
  }
  if (props.email) {
    checkEmail(ctx, props.email);
  }
  const plan = resolvePlan(ctx, props, factors);
  const firstFactors = resolveFirstFactors(ctx, props, factors, plan.featurePlan);
  const risk = resolveAdaptive(ctx, props.adaptiveAuthentication, factors, plan);
  const accountRecovery = resolveRecovery(ctx, props.accountRecovery, factors, signIn);
  const passwordPolicy = resolvePasswordPolicy(ctx, props.passwordPolicy, plan.featurePlan);
  const lifecycle = resolveLifecycle(ctx, props);
  const logDelivery = resolveLogDelivery(ctx, props.logDelivery, factors, firstFactors, plan);
  const abuse = resolveAbuse(ctx, props, factors, firstFactors, region);
  const replication = resolveReplication(ctx, props, region, plan, factors, firstFactors);
  const encryption = resolveEncryption(ctx, props, region, replication);
  const deviceRemembering = ctx.member('deviceRemembering', props.deviceRemembering ?? DeviceRemembering.USER_OPT_IN,
    DeviceRemembering, 'a DeviceRemembering');
  return {
    signIn,
    factors,
    plan,
    firstFactors,
    risk,
    deviceRemembering,
    accountRecovery,
    passwordPolicy,
    lifecycle,
    logs: logDelivery,
    abuse,
    encryption,
    replication,
    advisories: ctx.advisories,
  };
}
