import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct, IConstruct } from 'constructs';
import { MfaUserPool, MfaUserPoolProps } from '../src';
import { acknowledge, validationsAvailable } from '../src/private/validations';

export const ACCOUNT = '123456789012';

/** Gives a brought SMS role the permissions both SMS paths need (sns:Publish, sms-voice:SendTextMessage). */
export function allowSms<R extends iam.Role>(role: R): R {
  role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish', 'sms-voice:SendTextMessage'], resources: ['*'] }));
  return role;
}

/** Email sending through Amazon SES, which email codes (MFA and first factor) need. */
export const SES = cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1' });

/**
 * Whether this aws-cdk-lib has `Validations` (2.251 and later; the built-in CloudFormation
 * validation plugin came with 2.262). The floor version the library supports (2.181) has
 * neither; CI runs the suite on both, and on the newest every synthesis below is validated.
 */
export const CFN_VALIDATION_AVAILABLE = validationsAvailable();

/**
 * Context for every test app: the CloudFormation validation built into aws-cdk-lib runs in
 * strict mode, so any finding (even a warning) fails the synthesis that `Template.fromStack`
 * and `Annotations.fromStack` perform.
 */
export const STRICT_VALIDATION_CONTEXT = {
  '@aws-cdk/core:validateAgainstDefaultRules': true,
  '@aws-cdk/core:strictCfnValidateErrors': true,
  '@aws-cdk/core:failSynthOnValidationErrors': true,
};

/** A fresh app whose synthesis is validated strictly. */
export function newApp(): App {
  return new App({ context: STRICT_VALIDATION_CONTEXT });
}

/** A fresh stack in a fixed account and Region (or environment-agnostic with `region: null`). */
export function newStack(region: string | null = 'us-east-1'): Stack {
  return new Stack(newApp(), 'TestStack', region === null ? {} : { env: { account: ACCOUNT, region } });
}

/** Builds one `MfaUserPool` with id `Users` in a fresh stack. */
export function build(props?: MfaUserPoolProps, region: string | null = 'us-east-1') {
  const stack = newStack(region);
  const pool = new MfaUserPool(stack, 'Users', props);
  // Synthesized on first use, so that a test can still add clients or grants before.
  return {
    stack,
    pool,
    get template() { return Template.fromStack(stack); },
    get annotations() { return Annotations.fromStack(stack); },
  };
}

/** The properties of the only user pool in a template. */
export function poolProperties(template: Template): Record<string, any> {
  const pools = Object.values(template.findResources('AWS::Cognito::UserPool'));
  expect(pools).toHaveLength(1);
  return (pools[0] as any).Properties;
}

/**
 * Acknowledges CloudFormation Validate rules on a construct, for the few tests that put invalid
 * values into a template on purpose (tokens this library must not validate). No-op where the
 * plugin does not exist.
 */
export function acknowledgeCfnValidate(scope: IConstruct, reason: string, ...ruleIds: string[]): void {
  for (const id of ruleIds) {
    acknowledge(scope, 'CloudFormation-Validate', id, reason);
  }
}

/** A web ACL of the app that uses these AWS managed rule groups. */
export function webAclWithGroups(stack: Construct, ...groups: string[]): wafv2.CfnWebACL {
  return webAclWithRules(stack, groups.map((name, priority) => ({
    name,
    priority,
    overrideAction: { none: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: true },
    statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
  })));
}

/** A regional web ACL of the app (construct id OwnAcl) with these rules. */
export function webAclWithRules(stack: Construct, rules: wafv2.CfnWebACL.RuleProperty[], id = 'OwnAcl'): wafv2.CfnWebACL {
  return new wafv2.CfnWebACL(stack, id, {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'own', sampledRequestsEnabled: true },
    rules,
  });
}

/** A rate-based rule that blocks: what makes a web ACL count as abuse protection. */
export const RATE_RULE: wafv2.CfnWebACL.RuleProperty = {
  name: 'PerIp',
  priority: 0,
  action: { block: {} },
  visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'per-ip', sampledRequestsEnabled: true },
  statement: { rateBasedStatement: { limit: 100, aggregateKeyType: 'IP' } },
};

/** A CAPTCHA rule on managed login's /login page that does not exclude TOTP registration. */
export const LOGIN_CAPTCHA_WITHOUT_TOTP_EXCLUSION: wafv2.CfnWebACL.RuleProperty = {
  name: 'LoginCaptcha',
  priority: 0,
  action: { captcha: {} },
  visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'c', sampledRequestsEnabled: true },
  statement: { byteMatchStatement: { fieldToMatch: { uriPath: {} }, positionalConstraint: 'STARTS_WITH', searchString: '/login', textTransformations: [{ priority: 0, type: 'NONE' }] } },
};

/** A row of an attempts table: `run` throws a refusal matching `refusal`, or, when it is undefined, does not throw. */
export function expectRefusalOrNone(run: () => unknown, refusal: RegExp | undefined): void {
  if (refusal) {
    expect(run).toThrow(refusal);
  } else {
    expect(run).not.toThrow();
  }
}

/** The stacks of a two-Region app: the pool's, the secondary's, and the ones the library adds. */
export interface TwoRegions {
  readonly app: App;
  readonly primary: Stack;
  readonly secondary: Stack;
  readonly pool: MfaUserPool;
}

/**
 * A replicated pool `Users` in a stack of us-east-1 (`replication: { region: 'us-west-2' }` unless
 * the props say otherwise), and an empty stack of us-west-2 with cross-Region references for its
 * secondary construct.
 */
export function twoRegions(props: MfaUserPoolProps = {}, secondaryRegion = 'us-west-2'): TwoRegions {
  const app = newApp();
  const primary = new Stack(app, 'Primary', { env: { account: ACCOUNT, region: 'us-east-1' } });
  const pool = new MfaUserPool(primary, 'Users', { replication: { region: secondaryRegion }, ...props });
  let secondary: Stack | undefined;
  return {
    app,
    primary,
    pool,
    // Made on first use: an empty stack fails strict validation ("Resources section must exist").
    get secondary() {
      secondary ??= new Stack(app, 'Secondary', { env: { account: ACCOUNT, region: secondaryRegion }, crossRegionReferences: true });
      return secondary;
    },
  };
}

/** A stack of the app by its construct id (the library names its stacks `<pool's unique id>KeyReplica` and `<...>Replica`). */
export function stackEndingWith(app: App, suffix: string): Stack {
  const pattern = new RegExp(`[0-9A-F]{8}${suffix}$`);
  const found = app.node.children.filter((c): c is Stack => c instanceof Stack && pattern.test(c.node.id));
  if (found.length !== 1) {
    throw new Error(`expected one stack ending with ${suffix}, found ${found.map(s => s.node.id).join(', ') || 'none'}`);
  }
  return found[0];
}
