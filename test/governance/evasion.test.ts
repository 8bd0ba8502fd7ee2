/**
 * The evasion corpus of the app-wide MFA policy: ways to pass a weak pool through templates
 * (intrinsics, parameters, mappings, roles of every shape, aspects, places the policy cannot see),
 * each with the finding it must produce, next to compliant look-alikes that must produce nothing.
 * Every row runs on both mechanisms (the validation plugin and the Aspect fallback). A reviewer
 * adds a case in one line: a name, a build of the stack, and the findings as `Rule:severity`.
 */
import { Aspects, CfnCondition, CfnMapping, CfnParameter, CfnResource, Fn, IAspect, Stack, Token } from 'aws-cdk-lib';
import * as cloudformation from 'aws-cdk-lib/aws-cloudformation';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import * as cr from 'aws-cdk-lib/custom-resources';
import { IConstruct } from 'constructs';
import { MECHANISMS, underPolicy } from './policy-util';
import { MfaPolicySeverity } from '../../src';
import { judgeUnseen } from '../../src/private/governance/checks';
import { AppView } from '../../src/private/governance/view';
import { ACCOUNT, RATE_RULE } from '../util';

/** A pool every rule of the recommended policy accepts: the base every case weakens one way. */
const COMPLIANT = {
  mfaConfiguration: 'ON',
  enabledMfas: ['SOFTWARE_TOKEN_MFA'],
  userPoolTier: 'ESSENTIALS',
  deletionProtection: 'ACTIVE',
  adminCreateUserConfig: { allowAdminCreateUserOnly: true },
};
const pool = (s: Stack, props: Partial<cognito.CfnUserPoolProps> = {}) => new cognito.CfnUserPool(s, 'P', { ...COMPLIANT, ...props });

const COGNITO = { Service: 'cognito-idp.amazonaws.com' };
const HARDENED_CONDITION = { StringEquals: { 'sts:ExternalId': 'ext-1', 'aws:SourceAccount': ACCOUNT } };
/** A raw role (its trust as written), named `sms-role`. */
function rawRole(s: Stack, ...statements: unknown[]): iam.CfnRole {
  return new iam.CfnRole(s, 'SmsRole', {
    roleName: 'sms-role',
    assumeRolePolicyDocument: { Version: '2012-10-17', Statement: statements },
  });
}
const allow = (extra: Record<string, unknown> = {}) => ({ Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole', Condition: HARDENED_CONDITION, ...extra });
/** A TOTP-and-SMS pool whose SMS role is `arn`, with the external ID ext-1. */
const smsPool = (s: Stack, arn: string, props: Partial<cognito.CfnUserPoolProps> = {}) =>
  pool(s, { enabledMfas: ['SOFTWARE_TOKEN_MFA', 'SMS_MFA'], smsConfiguration: { snsCallerArn: arn, externalId: 'ext-1' }, ...props });

/** A web ACL of the stack, with the rules given, associated with the pool. */
function guarded(s: Stack, target: cognito.CfnUserPool, rules: wafv2.CfnWebACL.RuleProperty[]): void {
  const acl = new wafv2.CfnWebACL(s, 'Acl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    rules,
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'acl', sampledRequestsEnabled: true },
  });
  new wafv2.CfnWebACLAssociation(s, 'Guard', { resourceArn: target.attrArn, webAclArn: acl.attrArn });
}

/** A condition the deployment decides (a parameter the template does not constrain). */
function deployTimeCondition(s: Stack): CfnCondition {
  const env = (s.node.tryFindChild('Env') as CfnParameter | undefined) ?? new CfnParameter(s, 'Env');
  return (s.node.tryFindChild('IsProd') as CfnCondition | undefined) ?? new CfnCondition(s, 'IsProd', { expression: Fn.conditionEquals(env.valueAsString, 'prod') });
}

/** An aspect of the user's own that turns MFA off on every pool. */
class MfaOff implements IAspect {
  public visit(node: IConstruct): void {
    if (node instanceof cognito.CfnUserPool) {
      node.mfaConfiguration = 'OFF';
    }
  }
}

/** [case, the stack's content, the findings as Rule:severity, sorted]. */
const CORPUS: ReadonlyArray<[string, (s: Stack) => void, string[]]> = [
  // --- Values the template decides --------------------------------------------------------------
  ['MfaConfiguration from Fn::If whose branches are both OFF', s => {
    const cond = deployTimeCondition(s);
    pool(s, { mfaConfiguration: Fn.conditionIf(cond.logicalId, 'OFF', 'OFF').toString(), enabledMfas: undefined });
  }, ['MinimumMfa:error']],
  ['MfaConfiguration from Fn::If with one OFF branch', s => {
    const cond = deployTimeCondition(s);
    pool(s, { mfaConfiguration: Fn.conditionIf(cond.logicalId, 'ON', 'OFF').toString() });
  }, ['MinimumMfa:error']],
  ['MfaConfiguration from a parameter whose AllowedValues is ["OFF"]', s => {
    pool(s, { mfaConfiguration: new CfnParameter(s, 'Mfa', { allowedValues: ['OFF'] }).valueAsString, enabledMfas: undefined });
  }, ['MinimumMfa:error']],
  ['UserPoolTier from a parameter defaulting to LITE', s => {
    pool(s, { userPoolTier: new CfnParameter(s, 'Tier', { default: 'LITE' }).valueAsString });
  }, ['FeaturePlan:error']],
  ['MfaConfiguration from a mapping that is OFF in one Region', s => {
    const map = new CfnMapping(s, 'ByEnv', { mapping: { prod: { mfa: 'ON' }, dev: { mfa: 'OFF' } } });
    pool(s, { mfaConfiguration: map.findInMap(new CfnParameter(s, 'Env').valueAsString, 'mfa') });
  }, ['MinimumMfa:error']],
  ['MfaConfiguration from a mapping key it lacks, with an OFF DefaultValue', s => {
    const map = new CfnMapping(s, 'ByEnv', { mapping: { prod: { mfa: 'ON' } } });
    pool(s, { mfaConfiguration: { 'Fn::FindInMap': [map.logicalId, new CfnParameter(s, 'Env').valueAsString, 'mfa', { DefaultValue: 'OFF' }] } as any });
  }, ['MinimumMfa:error']],
  ['MFA OFF hidden past the variant budget by harmless Fn::Ifs', s => {
    const cond = deployTimeCondition(s);
    const same = (v: unknown) => Fn.conditionIf(cond.logicalId, v, v) as any;
    pool(s, {
      mfaConfiguration: same('OFF'),
      enabledMfas: same(['SOFTWARE_TOKEN_MFA']),
      userPoolTier: same('ESSENTIALS'),
      deletionProtection: same('ACTIVE'),
      autoVerifiedAttributes: same(['email']),
      userPoolAddOns: same({ advancedSecurityMode: 'OFF' }),
      webAuthnUserVerification: same('required'),
    } as any);
  }, ['MinimumMfa:error']],
  ['MfaConfiguration from an SSM parameter type (AllowedValues name the key)', s => {
    pool(s, { mfaConfiguration: new CfnParameter(s, 'Mfa', { type: 'AWS::SSM::Parameter::Value<String>', allowedValues: ['/users/mfa'] }).valueAsString });
  }, ['MinimumMfa:warning', 'SmsOnlyMfa:warning']],
  ['Policies chosen by a parameter index (deploy-time)', s => {
    pool(s, { policies: Fn.select(Token.asNumber(new CfnParameter(s, 'I', { type: 'Number' }).value), [{ signInPolicy: { allowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } }] as any) as any });
  }, ['PasskeyUserVerification:warning']],
  ['MfaConfiguration selected from a literal list', s => {
    pool(s, { mfaConfiguration: Fn.select(0, ['OPTIONAL', 'ON']) });
  }, ['MinimumMfa:error']],
  ['MfaConfiguration joined from literals', s => pool(s, { mfaConfiguration: Fn.join('', ['OPTIO', 'NAL']) }), ['MinimumMfa:error']],
  ['MfaConfiguration left out by Fn::If and AWS::NoValue', s => {
    const cond = deployTimeCondition(s);
    pool(s, { mfaConfiguration: Fn.conditionIf(cond.logicalId, 'ON', Fn.ref('AWS::NoValue')).toString() });
  }, ['MinimumMfa:error']],
  ['EnabledMfas behind Fn::If on an SMS pool anyone may join', s => {
    const cond = deployTimeCondition(s);
    rawRole(s, allow());
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, {
      enabledMfas: Fn.conditionIf(cond.logicalId, ['SMS_MFA'], ['SMS_MFA', 'SOFTWARE_TOKEN_MFA']) as any, adminCreateUserConfig: { allowAdminCreateUserOnly: false },
    });
  }, ['SmsAbuseProtection:error', 'SmsOnlyMfa:error']],
  ['MfaConfiguration from an SSM dynamic reference (deploy-time)', s => {
    pool(s, { mfaConfiguration: '{{resolve:ssm:/users/mfa}}' });
  }, ['MinimumMfa:warning', 'SmsOnlyMfa:warning']],
  ['MfaConfiguration from a parameter with neither allowed values nor default (deploy-time)', s => {
    pool(s, { mfaConfiguration: new CfnParameter(s, 'Mfa').valueAsString });
  }, ['MinimumMfa:warning', 'SmsOnlyMfa:warning']],
  // --- Statements as the API defines them ----------------------------------------------------------
  ['MFA ON without EnabledMfas and without SMS', s => pool(s, { enabledMfas: undefined }), ['MfaFactors:error']],
  ['SMS as the only factor, with passkeys that count as MFA', s => {
    rawRole(s, allow());
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, {
      enabledMfas: ['SMS_MFA'], webAuthnFactorConfiguration: 'MULTI_FACTOR_WITH_USER_VERIFICATION', webAuthnUserVerification: 'required',
    } as any);
  }, ['SmsOnlyMfa:error']],
  ['an SMS configuration alone (codes for phone updates), anyone may join, no web ACL', s => {
    rawRole(s, allow());
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, { enabledMfas: ['SOFTWARE_TOKEN_MFA'], adminCreateUserConfig: { allowAdminCreateUserOnly: false } });
  }, ['SmsAbuseProtection:error']],
  ['an empty web ACL (no rule, default allow) on an SMS pool anyone may join', s => {
    rawRole(s, allow());
    guarded(s, smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, { adminCreateUserConfig: { allowAdminCreateUserOnly: false } }), []);
  }, ['SmsAbuseProtection:error']],
  ['a web ACL whose only rate rule counts', s => {
    rawRole(s, allow());
    guarded(s, smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, { adminCreateUserConfig: { allowAdminCreateUserOnly: false } }), [{ ...RATE_RULE, action: { count: {} } }]);
  }, ['SmsAbuseProtection:error']],
  ['an association under a resource condition', s => {
    rawRole(s, allow());
    const p = smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, { adminCreateUserConfig: { allowAdminCreateUserOnly: false } });
    guarded(s, p, [RATE_RULE]);
    (s.node.findChild('Guard') as CfnResource).cfnOptions.condition = deployTimeCondition(s);
  }, ['SmsAbuseProtection:warning']],
  ['an Allow rule ahead of the rate rule', s => {
    rawRole(s, allow());
    const p = smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, { adminCreateUserConfig: { allowAdminCreateUserOnly: false } });
    guarded(s, p, [{ ...RATE_RULE, name: 'LetAll', priority: 0, action: { allow: {} }, statement: { geoMatchStatement: { countryCodes: ['US'] } } }, { ...RATE_RULE, priority: 1 }]);
  }, ['SmsAbuseProtection:warning']],
  ['remembered devices that skip MFA on every device', s => {
    pool(s, { deviceConfiguration: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false } });
  }, ['DeviceRemembering:error']],
  // --- Trust read as IAM reads it ---------------------------------------------------------------
  ['trust under StringNotEquals', s => {
    rawRole(s, allow({ Condition: { StringNotEquals: { 'sts:ExternalId': 'other' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } } }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['trust with sts:Assume* and no condition', s => {
    rawRole(s, { Effect: 'Allow', Principal: COGNITO, Action: 'sts:Assume*' });
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['trust with StringEqualsIfExists on the external ID', s => {
    rawRole(s, allow({ Condition: { StringEqualsIfExists: { 'sts:ExternalId': 'ext-1' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } } }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['trust with StringLike "*" on the external ID and a wildcard account', s => {
    rawRole(s, allow({ Condition: { StringLike: { 'sts:ExternalId': '*', 'aws:SourceArn': 'arn:aws:cognito-idp:*:*:userpool/*' } } }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['one Deny with both negated keys (it applies only when both differ)', s => {
    rawRole(s, { Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'sts:ExternalId': 'ext-1', 'aws:SourceAccount': ACCOUNT } } });
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['trust whose external ID is "?*" under StringLike', s => {
    rawRole(s, allow({ Condition: { StringLike: { 'sts:ExternalId': '?*' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } } }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['trust written as a JSON string', s => {
    rawRole(s, allow()).addPropertyOverride('AssumeRolePolicyDocument',
      JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' }] }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['trust whose principal is an Fn::Sub (deploy-time)', s => {
    rawRole(s, { Effect: 'Allow', Principal: { Service: Fn.sub('cognito-idp.${AWS::URLSuffix}') }, Action: 'sts:AssumeRole' });
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:warning']],
  ['the SMS configuration behind Fn::If with the same weak role on both sides', s => {
    const cond = deployTimeCondition(s);
    const role = rawRole(s, { Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' });
    // Inside a token the L1 converts nothing: CloudFormation's casing.
    const config = { SnsCallerArn: role.attrArn, ExternalId: 'ext-1' };
    pool(s, { smsConfiguration: Fn.conditionIf(cond.logicalId, config, config) as any });
  }, ['SmsRoleTrust:error']],
  ['trust that lets anyone ("*") assume it', s => {
    rawRole(s, allow({ Principal: '*' }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['trust statement behind Fn::If, one branch weak', s => {
    const cond = deployTimeCondition(s);
    rawRole(s, Fn.conditionIf(cond.logicalId, allow(), { Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, ['SmsRoleTrust:error']],
  ['a weak role named by Fn::Sub of its name', s => {
    rawRole(s, { Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' });
    smsPool(s, Fn.sub('arn:${AWS::Partition}:iam::${AWS::AccountId}:role/sms-role'));
  }, ['SmsRoleTrust:error']],
  ['a weak role used on the direct path (EumsSms.CallerArn)', s => {
    const role = rawRole(s, { Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' });
    pool(s).addPropertyOverride('SmsConfiguration', { EumsSms: { CallerArn: role.attrArn, ExternalId: 'ext-1' } });
  }, ['SmsRoleTrust:error']],
  ['a weak role of a Regional configuration attachment of the pool', s => {
    const role = rawRole(s, { Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' });
    new CfnResource(s, 'Replica', {
      type: 'AWS::Cognito::UserPoolRegionalConfigurationAttachment',
      properties: { UserPoolId: pool(s).ref, SmsConfiguration: { SnsCallerArn: role.attrArn, ExternalId: 'ext-1' } },
    });
  }, ['SmsRoleTrust:error']],
  ['a role named by a literal ARN that is not in the app', s => smsPool(s, `arn:aws:iam::${ACCOUNT}:role/elsewhere`), ['SmsRoleTrust:warning']],
  // --- Aspects and places the policy cannot see ----------------------------------------------
  ['a user Aspect that turns MFA off on two pools', s => {
    new cognito.CfnUserPool(s, 'First', COMPLIANT);
    new cognito.CfnUserPool(s, 'Second', COMPLIANT);
    Aspects.of(s).add(new MfaOff());
  }, ['MinimumMfa:error', 'MinimumMfa:error']],
  ['a nested stack whose template is not in the app', s => {
    new cloudformation.CfnStack(s, 'External', { templateUrl: 'https://s3.amazonaws.com/templates/pools.json' });
  }, ['MinimumMfa:warning']],
  ['a StackSet', s => {
    new cloudformation.CfnStackSet(s, 'Everywhere', { stackSetName: 'pools', permissionModel: 'SELF_MANAGED', templateUrl: 'https://s3.amazonaws.com/templates/pools.json' });
  }, ['MinimumMfa:warning']],
  ['a custom resource that names the SDK v3 command', s => {
    pool(s);
    new CfnResource(s, 'Weaken', { type: 'Custom::Weaken', properties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:f', Call: '@aws-sdk/client-cognito-identity-provider SetUserPoolMfaConfigCommand' } });
  }, ['MinimumMfa:warning']],
  ['a custom resource that turns MFA off after deployment', s => {
    pool(s);
    new cr.AwsCustomResource(s, 'Weaken', {
      onCreate: {
        service: 'CognitoIdentityServiceProvider',
        action: 'setUserPoolMfaConfig',
        parameters: { UserPoolId: 'us-east-1_x', MfaConfiguration: 'OFF' },
        physicalResourceId: cr.PhysicalResourceId.of('weaken'),
      },
      policy: cr.AwsCustomResourcePolicy.fromSdkCalls({ resources: cr.AwsCustomResourcePolicy.ANY_RESOURCE }),
      installLatestAwsSdk: false,
    });
  }, ['MinimumMfa:warning']],
  // --- Compliant look-alikes: nothing ----------------------------------------------------------
  ['Fn::If whose branches are both ON', s => {
    const cond = deployTimeCondition(s);
    pool(s, { mfaConfiguration: Fn.conditionIf(cond.logicalId, 'ON', 'ON').toString() });
  }, []],
  ['Fn::If whose condition literals decide for ON', s => {
    const cond = new CfnCondition(s, 'Always', { expression: Fn.conditionEquals('prod', 'prod') });
    pool(s, { mfaConfiguration: Fn.conditionIf(cond.logicalId, 'ON', 'OFF').toString() });
  }, []],
  ['a parameter whose AllowedValues is ["ON"]', s => pool(s, { mfaConfiguration: new CfnParameter(s, 'Mfa', { allowedValues: ['ON'], default: 'ON' }).valueAsString }), []],
  ['a hardened role named by a literal ARN of the app', s => {
    rawRole(s, allow());
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, []],
  ['a hardened role under StringLike without wildcards, keys in other cases', s => {
    rawRole(s, allow({ Condition: { StringLike: { 'STS:ExternalId': 'ext-1' }, ArnLike: { 'aws:sourcearn': `arn:aws:cognito-idp:*:${ACCOUNT}:userpool/*` } } }));
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, []],
  ['a loose Allow held by Deny statements, one negated key each', s => {
    rawRole(s, { Effect: 'Allow', Principal: COGNITO, Action: 'sts:AssumeRole' },
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'sts:ExternalId': 'ext-1' } } },
      { Effect: 'Deny', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringNotEquals: { 'aws:SourceAccount': ACCOUNT } } });
    smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`);
  }, []],
  ['Fn::If on the Region of a stack in that Region', s => {
    const cond = new CfnCondition(s, 'InUsEast1', { expression: Fn.conditionEquals(Fn.ref('AWS::Region'), 'us-east-1') });
    pool(s, { mfaConfiguration: Fn.conditionIf(cond.logicalId, 'ON', 'OFF').toString() });
  }, []],
  ['Fn::Equals of "1" and 1', s => {
    const cond = new CfnCondition(s, 'One', { expression: Fn.conditionEquals('1', 1 as any) });
    pool(s, { mfaConfiguration: Fn.conditionIf(cond.logicalId, 'ON', 'OFF').toString() });
  }, []],
  ['a web ACL with a rate rule that blocks, on an SMS pool anyone may join', s => {
    rawRole(s, allow());
    guarded(s, smsPool(s, `arn:aws:iam::${ACCOUNT}:role/sms-role`, { adminCreateUserConfig: { allowAdminCreateUserOnly: false } }), [RATE_RULE]);
  }, []],
  ['devices tracked without standing in for MFA (ChallengeRequiredOnNewDevice false)', s => {
    pool(s, { deviceConfiguration: { challengeRequiredOnNewDevice: false, deviceOnlyRememberedOnUserPrompt: false } });
  }, []],
];

describe.each(MECHANISMS)('the evasion corpus, with the %s', mechanism => {
  test.each(CORPUS)('%s', (_name, build, expected) => {
    const outcome = underPolicy(mechanism, app => build(new Stack(app, 'S', { env: { account: ACCOUNT, region: 'us-east-1' } })));
    expect(outcome.findings.map(f => `${f.rule}:${f.severity}`).sort()).toEqual([...expected].sort());
  });

  test('uncheckedSeverity ERROR makes a deploy-time value fail', () => {
    const outcome = underPolicy(mechanism, app => pool(new Stack(app, 'S', { env: { account: ACCOUNT, region: 'us-east-1' } }),
      { mfaConfiguration: '{{resolve:ssm:/users/mfa}}' }), { uncheckedSeverity: MfaPolicySeverity.ERROR });
    expect(outcome.findings.map(f => `${f.rule}:${f.severity}`).sort()).toEqual(['MinimumMfa:error', 'SmsOnlyMfa:error']);
  });
});

test('pools written under Fn::ForEach are unchecked, named by the loop', () => {
  const template = {
    resources: { 'Fn::ForEach::Pools': ['Name', ['A', 'B'], { '${Name}Pool': { Type: 'AWS::Cognito::UserPool', Properties: {} } }] } as any,
    outputs: {},
  };
  const found = judgeUnseen(new AppView([template]), () => true);
  expect(found.map(f => [f.located.logicalId, f.judgement.rule, f.judgement.unchecked])).toEqual([['Fn::ForEach::Pools', 'MinimumMfa', true]]);
  expect(judgeUnseen(new AppView([{ resources: { 'Fn::ForEach::Topics': ['N', ['A'], { T: { Type: 'AWS::SNS::Topic' } }] } as any, outputs: {} }]), () => true)).toEqual([]);
});
