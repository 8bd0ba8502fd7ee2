import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

const COGNITO = 'cognito-idp.amazonaws.com';

function asArray(value: unknown): unknown[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/** What the trust policy of a brought SMS role tells. */
export interface TrustFindings {
  /** Why Cognito would refuse the role, if it would. */
  readonly problem?: string;
  /** Cognito may assume the role without presenting any external ID. */
  readonly externalIdNotRequired?: boolean;
}

/**
 * Checks that a role defined in this app trusts Cognito with the given external ID, the check
 * Cognito itself makes when the pool is created (`InvalidSmsRoleTrustRelationshipException`).
 * Returns nothing when the role cannot be inspected (an imported role, or an external ID that is
 * a token).
 *
 * A trust policy that requires no external ID is reported, not judged here: the Cognito guide
 * requires the condition for SMS MFA, while the API reference makes ExternalId optional otherwise
 * (the construct refuses or warns accordingly).
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html#sms-create-a-role
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SmsConfigurationType.html
 */
export function inspectTrustPolicy(role: iam.IRole, externalId: string): TrustFindings {
  if (!(role instanceof iam.Role) || !role.assumeRolePolicy || Token.isUnresolved(externalId)) {
    return {};
  }
  const doc = Stack.of(role).resolve(role.assumeRolePolicy.toJSON());
  const cognitoStatements = asArray(doc?.Statement).filter((s: any) =>
    s.Effect === 'Allow'
    && asArray(s.Action).some(a => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')
    && asArray(s.Principal?.Service).includes(COGNITO));
  if (cognitoStatements.length === 0) {
    return { problem: `role does not let ${COGNITO} assume it (its trust policy has no Allow of sts:AssumeRole for that service)` };
  }
  const required = cognitoStatements.map((s: any) => asArray(s.Condition?.StringEquals?.['sts:ExternalId']));
  if (required.some(ids => ids.length === 0)) {
    return { externalIdNotRequired: true };
  }
  if (!required.some(ids => ids.includes(externalId))) {
    return { problem: `role's trust policy requires an external ID other than "${externalId}"` };
  }
  return {};
}
