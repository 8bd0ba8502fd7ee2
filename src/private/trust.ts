import { Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { readTrust } from './governance/trust-reading';

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
  /** No condition scopes the caller to an account (aws:SourceAccount, aws:SourceArn). */
  readonly sourceNotScoped?: boolean;
  /** Principals beyond Cognito may assume it: every principal, or others named beside Cognito. */
  readonly beyondCognito?: string[];
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
  // The refusal is measured for an exact condition (StringEquals) naming other IDs only.
  const exact = cognitoStatements.map((s: any) => asArray(s.Condition?.StringEquals?.['sts:ExternalId']));
  if (exact.every(ids => ids.length > 0) && !exact.some(ids => ids.includes(externalId))) {
    return { problem: `role's trust policy requires an external ID other than "${externalId}"` };
  }
  // Everything else is read as IAM reads it (wildcards, StringLike, negations, Deny statements).
  const gaps = readTrust(doc, externalId) ?? [];
  const others = asArray(doc?.Statement).filter((s: any) => s?.Effect === 'Allow').flatMap((s: any) => [
    ...(s.NotPrincipal !== undefined || s.Principal === '*' || asArray(s.Principal?.AWS).includes('*') ? ['"*" (anyone)'] : []),
    ...asArray(s.Principal?.AWS).filter(p => p !== '*').map(p => JSON.stringify(p)),
    ...asArray(s.Principal?.Service).filter(p => p !== COGNITO && p !== '*').map(p => String(p)),
    ...asArray(s.Principal?.Federated).map(p => JSON.stringify(p)),
  ]);
  return {
    // Not required at all; a statement that pins another pool's ID is Cognito's own check, above.
    externalIdNotRequired: gaps.some(g => g.externalId?.startsWith('no ')) || undefined,
    sourceNotScoped: gaps.some(g => g.source !== undefined) || undefined,
    beyondCognito: others.length > 0 ? [...new Set(others)] : undefined,
  };
}

/**
 * The actions the app's policies allow a role beyond sending SMS (`sns:Publish`,
 * `sms-voice:SendTextMessage`), as written; undefined when they cannot be told.
 */
export function actionsBeyondSms(role: iam.IRole): string[] | undefined {
  if (!(role instanceof iam.Role)) {
    return undefined;
  }
  const stack = Stack.of(role);
  const cfnRole = role.node.defaultChild as iam.CfnRole;
  const documents: unknown[] = asArray(stack.resolve(cfnRole.policies)).map((p: any) => p?.policyDocument ?? p?.PolicyDocument);
  const roleRef = JSON.stringify(stack.resolve(cfnRole.ref));
  for (const construct of role.node.root.node.findAll()) {
    const attached = attachedPolicy(construct);
    if (attached && Stack.of(construct as any) === stack && attached.roles.map(r => JSON.stringify(stack.resolve(r))).includes(roleRef)) {
      documents.push(stack.resolve(attached.document));
    }
  }
  const sms = ['sns:Publish', 'sms-voice:SendTextMessage', 'sms-voice:SendMediaMessage'];
  const beyond = documents.flatMap((doc: any) => asArray(doc?.Statement).filter((s: any) => s?.Effect === 'Allow').flatMap((s: any) =>
    (s.NotAction !== undefined ? ['NotAction ' + JSON.stringify(s.NotAction)]
      : asArray(s.Action).filter(a => typeof a !== 'string' || !sms.some(x => x.toLowerCase() === a.toLowerCase())).map(a => String(a)))));
  return [...new Set(beyond)];
}

/** What the permissions of a brought SMS role tell about one action it needs. */
export type PermissionFinding = 'allowed' | 'missing' | 'unknown';

/** Whether an IAM action pattern (with `*` and `?` wildcards, case-insensitive) covers `action`. */
function actionCovers(pattern: unknown, action: string): boolean {
  if (typeof pattern !== 'string' || Token.isUnresolved(pattern)) {
    return typeof pattern === 'string'; // a token could be anything: count it as covering
  }
  const regex = new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 'i');
  return regex.test(action);
}

/**
 * Whether a role defined in this app is allowed `action` by the policies this app gives it: its
 * inline policies and every `iam.Policy` or `CfnPolicy` of the stack attached to it (its default
 * policy, where grants go, is one). `unknown` when that cannot be told from the app: an imported
 * role, a managed policy attached (its statements are not in the template), or a policy that
 * names the role through a token other than its own reference.
 */
export function inspectRolePermission(role: iam.IRole, action: string): PermissionFinding {
  if (!(role instanceof iam.Role)) {
    return 'unknown';
  }
  const stack = Stack.of(role);
  const cfnRole = role.node.defaultChild as iam.CfnRole;
  const managed = stack.resolve(cfnRole.managedPolicyArns);
  if (Array.isArray(managed) ? managed.length > 0 : managed !== undefined) {
    return 'unknown';
  }
  // A property override (the escape hatch) can add policies the L1's properties do not show.
  if (Object.keys((cfnRole as unknown as { rawOverrides?: object }).rawOverrides ?? {}).length > 0) {
    return 'unknown';
  }
  const roleRef = JSON.stringify(stack.resolve(cfnRole.ref));
  // Inline policies resolve with the L1's property names (policyDocument).
  const documents: unknown[] = asArray(stack.resolve(cfnRole.policies)).map((p: any) => p?.policyDocument ?? p?.PolicyDocument);
  for (const construct of role.node.root.node.findAll()) {
    const attached = attachedPolicy(construct);
    if (!attached) {
      continue;
    }
    const here = Stack.of(construct);
    const roles = attached.roles.map(r => here.resolve(r));
    if (here !== stack) {
      // Another stack names the role through an import: it could be this role.
      if (roles.some(r => JSON.stringify(r).includes('Fn::ImportValue'))) {
        return 'unknown';
      }
      continue;
    }
    if (roles.map(r => JSON.stringify(r)).includes(roleRef)) {
      documents.push(here.resolve(attached.document));
    }
  }
  // An Allow with NotAction allows every action it does not name.
  const allows = documents.some((doc: any) => asArray(doc?.Statement).some((s: any) => s?.Effect === 'Allow' && (s.NotAction !== undefined
    ? !asArray(s.NotAction).some(a => actionCovers(a, action))
    : asArray(s.Action).some(a => actionCovers(a, action)))));
  return allows ? 'allowed' : 'missing';
}

/** The roles and the document of a policy resource that attaches statements to roles by name. */
function attachedPolicy(construct: unknown): { roles: unknown[]; document: unknown } | undefined {
  if (construct instanceof iam.CfnPolicy || construct instanceof iam.CfnManagedPolicy) {
    const stack = Stack.of(construct);
    return { roles: asArray(stack.resolve(construct.roles)), document: construct.policyDocument };
  }
  if (construct instanceof iam.CfnRolePolicy) {
    return { roles: [construct.roleName], document: construct.policyDocument };
  }
  return undefined;
}
