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

/** What Cognito itself checks (the problem) and whether the external ID is required, left out when absent. */
function judged(found: ReturnType<typeof inspectTrustPolicy>): object {
  const fields = { problem: found.problem, externalIdNotRequired: found.externalIdNotRequired };
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
}

describe('the trust policy of a brought SMS role', () => {
  test('trusting Cognito with the external ID is all Cognito checks', () => {
    expect(judged(inspectTrustPolicy(roleWith([allow(withId('ext'))]), 'ext'))).toEqual({});
    expect(judged(inspectTrustPolicy(roleWith([allow(withId('other', 'ext'))]), 'ext'))).toEqual({});
    expect(judged(inspectTrustPolicy(roleWith([allow({ Action: ['sts:TagSession', 'sts:AssumeRole'], ...withId('ext') })]), 'ext'))).toEqual({});
    expect(judged(inspectTrustPolicy(roleWith([allow({ Action: 'sts:*', ...withId('ext') })]), 'ext'))).toEqual({});
    expect(judged(inspectTrustPolicy(roleWith([allow({ Action: '*', Principal: { Service: [COGNITO, 'sns.amazonaws.com'] }, ...withId('ext') })]), 'ext'))).toEqual({});
  });

  test('a role Cognito cannot assume is a problem', () => {
    const problem = { problem: `role does not let ${COGNITO} assume it (its trust policy has no Allow of sts:AssumeRole for that service)` };
    expect(judged(inspectTrustPolicy(roleWith([{ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: 'arn:aws:iam::123456789012:root' } }]), 'ext'))).toEqual(problem);
    expect(judged(inspectTrustPolicy(roleWith([allow({ Effect: 'Deny' })]), 'ext'))).toEqual(problem);
    expect(judged(inspectTrustPolicy(roleWith([allow({ Action: 'sts:TagSession' })]), 'ext'))).toEqual(problem);
    expect(judged(inspectTrustPolicy(roleWith([allow({ Principal: { Service: 'sns.amazonaws.com' } })]), 'ext'))).toEqual(problem);
  });

  test('another external ID is a problem; none at all is reported', () => {
    expect(judged(inspectTrustPolicy(roleWith([allow(withId('other'))]), 'ext'))).toEqual({ problem: 'role\'s trust policy requires an external ID other than "ext"' });
    expect(judged(inspectTrustPolicy(roleWith([allow()]), 'ext'))).toEqual({ externalIdNotRequired: true });
    expect(judged(inspectTrustPolicy(roleWith([allow(withId('ext')), allow()]), 'ext'))).toEqual({ externalIdNotRequired: true });
    expect(judged(inspectTrustPolicy(roleWith([allow(withId('other')), allow(withId('ext'))]), 'ext'))).toEqual({});
  });

  test('what it tells beyond Cognito\'s own check: an unscoped source, principals beyond Cognito', () => {
    const scoped = { Condition: { StringEquals: { 'sts:ExternalId': 'ext', 'aws:SourceAccount': '123456789012' } } };
    expect(inspectTrustPolicy(roleWith([allow(scoped)]), 'ext')).toEqual({ externalIdNotRequired: undefined, sourceNotScoped: undefined, beyondCognito: undefined });
    expect(inspectTrustPolicy(roleWith([allow(withId('ext'))]), 'ext').sourceNotScoped).toBe(true);
    expect(inspectTrustPolicy(roleWith([allow({ Principal: { Service: [COGNITO, 'sns.amazonaws.com'] }, ...scoped })]), 'ext').beyondCognito).toEqual(['sns.amazonaws.com']);
  });

  test('an imported role, or an external ID that is a token, cannot be inspected', () => {
    const stack = new Stack(new App(), 'S');
    expect(judged(inspectTrustPolicy(iam.Role.fromRoleArn(stack, 'I', 'arn:aws:iam::123456789012:role/r'), 'ext'))).toEqual({});
    expect(judged(inspectTrustPolicy(roleWith([allow(withId('other'))]), Lazy.string({ produce: () => 'ext' })))).toEqual({});
  });
});
