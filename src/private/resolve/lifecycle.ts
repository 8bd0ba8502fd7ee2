import { RemovalPolicy } from 'aws-cdk-lib';
import { LifecycleDecisions } from './decisions';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ResolveContext } from '../context';
import { RULES } from '../rules';

/** The pool holds users: retained and deletion-protected unless the user says otherwise (warned). */
export function resolveLifecycle(ctx: ResolveContext, props: MfaUserPoolProps): LifecycleDecisions {
  const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
  const deletionProtection = props.deletionProtection ?? true;
  if (removalPolicy === RemovalPolicy.DESTROY || !deletionProtection) {
    ctx.advise(RULES.dataLossRisk, `The user pool can be deleted with every user in it (removalPolicy: ${removalPolicy}, deletionProtection: ${deletionProtection}). Keep RETAIN and deletion protection for any pool that holds real users.`);
  }
  return { removalPolicy, deletionProtection };
}
