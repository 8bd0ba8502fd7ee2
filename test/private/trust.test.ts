import { App, Lazy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { inspectTrustPolicy } from '../../src/private/trust';

const COGNITO = 'cognito-idp.amazonaws.com';

function roleWith(statements: any[]): iam.Role {
  const stack = new Stack(new App(), 'S');
  const role = new iam.Role(stack, 'R', { assumedBy: new iam.AccountRootPrincipal() });
  // Replace the trust with exactly these statements.
  (role.assumeRolePolicy as any).statements.splice(0);
  for (const s of statements) {
    role.assumeRolePolicy!.addStatements(iam.PolicyStatement.fromJson(s));
  }
  return role;
}
const allow = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { Service: COGNITO }, ...extra });
const withId = (...ids: string[]) => ({ Condition: { StringEquals: { 'sts:ExternalId': ids.length === 1 ? ids[0] : ids } } });

describe('the trust policy of a brought SMS role', () => {
  test('trusting Cognito with the external ID is all Cognito checks', () => {
    expect(inspectTrustPolicy(roleWith([allow(withId('ext'))]), 'ext')).toEqual({});
    expect(inspectTrustPolicy(roleWith([allow(withId('other', 'ext'))]), 'ext')).toEqual({});
    expect(inspectTrustPolicy(roleWith([allow({ Action: ['sts:TagSession', 'sts:AssumeRole'], ...withId('ext') })]), 'ext')).toEqual({});
    expect(inspectTrustPolicy(roleWith([allow({ Action: 'sts:*', ...withId('ext') })]), 'ext')).toEqual({});
    expect(inspectTrustPolicy(roleWith([allow({ Action: '*', Principal: { Service: [COGNITO, 'sns.amazonaws.com'] }, ...withId('ext') })]), 'ext')).toEqual({});
  });

  test('a role Cognito cannot assume is a problem', () => {
    const problem = { problem: `role does not let ${COGNITO} assume it (its trust policy has no Allow of sts:AssumeRole for that service)` };
    expect(inspectTrustPolicy(roleWith([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::123456789012:root' } }]), 'ext')).toEqual(problem);
    expect(inspectTrustPolicy(roleWith([allow({ Effect: 'Deny' })]), 'ext')).toEqual(problem);
    expect(inspectTrustPolicy(roleWith([allow({ Action: 'sts:TagSession' })]), 'ext')).toEqual(problem);
    expect(inspectTrustPolicy(roleWith([allow({ Principal: { Service: 'sns.amazonaws.com' } })]), 'ext')).toEqual(problem);
  });

  test('another external ID is a problem; none at all is reported', () => {
    expect(inspectTrustPolicy(roleWith([allow(withId('other'))]), 'ext')).toEqual({ problem: 'role\'s trust policy requires an external ID other than "ext"' });
    expect(inspectTrustPolicy(roleWith([allow()]), 'ext')).toEqual({ externalIdNotRequired: true });
    expect(inspectTrustPolicy(roleWith([allow(withId('ext')), allow()]), 'ext')).toEqual({ externalIdNotRequired: true });
    expect(inspectTrustPolicy(roleWith([allow(withId('other')), allow(withId('ext'))]), 'ext')).toEqual({});
  });

  test('an imported role, or an external ID that is a token, cannot be inspected', () => {
    const stack = new Stack(new App(), 'S');
    expect(inspectTrustPolicy(iam.Role.fromRoleArn(stack, 'I', 'arn:aws:iam::123456789012:role/r'), 'ext')).toEqual({});
    expect(inspectTrustPolicy(roleWith([allow(withId('other'))]), Lazy.string({ produce: () => 'ext' }))).toEqual({});
  });
});
