import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';

const COGNITO = 'cognito-idp.amazonaws.com';

function asArray(value: unknown): unknown[] {
  if (value === undefined) {
    return [];
  }
  return Array.isArray(value) ? value : [value];
}

/**
 * Checks that a role defined in this app trusts Cognito with the given external ID, the check
 * Cognito itself makes when the pool is created (`InvalidSmsRoleTrustRelationshipException`).
 * Returns the problem, or undefined when the role is fine or cannot be inspected (an imported
 * role, or an external ID that is a token).
 */
export function trustPolicyProblem(role: iam.IRole, externalId: string): string | undefined {
  if (!(role instanceof iam.Role) || !role.assumeRolePolicy || Token.isUnresolved(externalId)) {
    return undefined;
  }
  const doc = Stack.of(role).resolve(role.assumeRolePolicy.toJSON());
  const cognitoStatements = asArray(doc?.Statement).filter((s: any) =>
    s.Effect === 'Allow'
    && asArray(s.Action).some(a => a === 'sts:AssumeRole' || a === 'sts:*' || a === '*')
    && asArray(s.Principal?.Service).includes(COGNITO));
  if (cognitoStatements.length === 0) {
    return `role does not let ${COGNITO} assume it (its trust policy has no Allow of sts:AssumeRole for that service)`;
  }
  const accepts = cognitoStatements.some((s: any) => {
    const required = asArray(s.Condition?.StringEquals?.['sts:ExternalId']);
    return required.length === 0 || required.includes(externalId);
  });
  if (!accepts) {
    return `role's trust policy requires an external ID other than "${externalId}"`;
  }
  return undefined;
}
