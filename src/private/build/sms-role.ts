import { RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { EumsSpec, SmsSpec } from '../sms-spec';
import { acknowledge } from '../validations';

/** What the SMS configuration resolves to for one pool. */
export interface SmsRoleBinding {
  /** The role Cognito assumes to send SMS. */
  readonly role: iam.IRole;
  /** The external ID in the pool's SMS configuration (and in the created role's trust policy). */
  readonly externalId: string;
  /** Whether this library created the role (and so owns its policies). */
  readonly created: boolean;
}

/**
 * The role and external ID a pool uses for SMS: the brought role, or a hardened role created
 * under `scope`. The default external ID is `defaultExternalId` (the pool's logical ID).
 */
export function bindSmsRole(
  scope: Construct, spec: SmsSpec, defaultExternalId: string, removalPolicy: RemovalPolicy, replicaRegion?: string,
): SmsRoleBinding {
  const externalId = spec.externalId ?? defaultExternalId;
  if (spec.role) {
    return { role: spec.role, externalId, created: false };
  }
  const sendSms = spec.eums ? createEumsPolicy(scope, spec.eums) : createSnsPolicy(scope);
  return { role: createSmsRole(scope, externalId, sendSms, removalPolicy, replicaRegion), externalId, created: true };
}

/**
 * The hardened SMS role, with the policy that lets it send.
 *
 * Trust: Cognito's SMS documentation gives this trust policy for the SMS role, with the external
 * ID and the cross-service confused-deputy conditions `aws:SourceAccount` (this account) and
 * `aws:SourceArn` (a user pool of this account and Region; the pool's own ARN cannot be named,
 * since the pool needs the role's ARN first). The same trust serves the SNS path and the direct
 * End User Messaging path:
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html#user-pool-sms-settings-first-time
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cross-service-confused-deputy-prevention.html
 *
 * A replicated pool's role also trusts the pools of the replica's Region: the replica's ARN is the
 * pool's ID in its own Region, which is the `aws:SourceArn` it presents when the replica sends
 * with this role (inferred: no page says; IAM is global, so one role serves both Regions).
 */
function createSmsRole(
  scope: Construct, externalId: string, sendSms: iam.ManagedPolicy, removalPolicy: RemovalPolicy, replicaRegion?: string,
): iam.Role {
  const stack = Stack.of(scope);
  const pools = (region?: string) => stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*', region });
  const sourceArn = replicaRegion === undefined ? pools() : [pools(), pools(replicaRegion)];
  // The id stays 'SmsRole' on both paths: switching paths keeps the role (and its trust), and
  // only swaps the policy.
  const role = new iam.Role(scope, 'SmsRole', {
    description: 'Lets Amazon Cognito send SMS messages (MFA codes) for one user pool',
    assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
      conditions: {
        StringEquals: {
          'sts:ExternalId': externalId,
          'aws:SourceAccount': stack.account,
        },
        ArnLike: {
          'aws:SourceArn': sourceArn,
        },
      },
    }),
    managedPolicies: [sendSms],
  });
  // The pool cannot send SMS without its role: they live and die together.
  role.applyRemovalPolicy(removalPolicy);
  sendSms.applyRemovalPolicy(removalPolicy);
  return role;
}

/**
 * SNS path: `sns:Publish` to a phone number has no resource ARN to scope, so the Allow is on
 * `*`; an explicit Deny on every SNS topic ARN keeps the role from publishing to topics (a request
 * to a phone number does not match a topic ARN, so SMS still goes out):
 * https://docs.aws.amazon.com/sns/latest/dg/sns-using-identity-based-policies.html
 *
 * A customer managed policy rather than an inline one: NIST 800-53, HIPAA and PCI packs flag
 * inline policies (IAMNoInlinePolicy), and a managed policy can be reviewed on its own.
 */
function createSnsPolicy(scope: Construct): iam.ManagedPolicy {
  const stack = Stack.of(scope);
  const sendSms = new iam.ManagedPolicy(scope, 'SmsPolicy', {
    description: 'Send SMS to phone numbers through Amazon SNS, never to topics',
    statements: [
      new iam.PolicyStatement({
        sid: 'SendSmsToPhoneNumbers',
        effect: iam.Effect.ALLOW,
        actions: ['sns:Publish'],
        resources: ['*'],
      }),
      new iam.PolicyStatement({
        sid: 'NeverPublishToTopics',
        effect: iam.Effect.DENY,
        actions: ['sns:Publish'],
        resources: [`arn:${stack.partition}:sns:*:*:*`],
      }),
    ],
  });
  acknowledge(sendSms, 'AwsSolutions', 'AwsSolutions-IAM5[Resource::*]',
    'sns:Publish to a phone number (how Cognito sends SMS) has no resource ARN to scope, so the Allow must be on "*"; '
    + 'an explicit Deny on arn:<partition>:sns:*:*:* keeps the role from publishing to any topic. '
    + 'See https://docs.aws.amazon.com/sns/latest/dg/sns-using-identity-based-policies.html');
  return sendSms;
}

/**
 * Direct path: `sms-voice:SendTextMessage` and nothing else (no SNS action).
 *
 * Scoped when the origination identity is given as an ARN, as the Cognito guide's permissions
 * policy for the direct path is ("Scope the Resource element to the ARN of your phone number,
 * phone pool, or sender ID"), and with its warning: "When your policy scopes the Resource element
 * to an origination identity ARN, set the OriginationIdentity field to that same ARN ... A phone
 * number in E.164 format doesn't match the scoped policy".
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html#sms-setup-eums
 *
 * Beyond the guide's example, the statement also allows the configuration set the pool names and
 * the account's opt-out lists in the Region, resources a send can carry: if IAM evaluates them,
 * the guide's policy would stop MFA codes; allowing them does not widen which identities the role
 * can send from, since the identity must match as well.
 * https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsendusermessagingsmsandvoicev2.html
 *
 * Given as a phone number or an ID, the identity cannot be matched by an ARN, so the Allow is
 * on `*` (the construct warns and says how to scope it).
 */
function createEumsPolicy(scope: Construct, eums: EumsSpec): iam.ManagedPolicy {
  const identity = eums.originationIdentity;
  const scoped = identity?.isArn === true;
  const sendSms = new iam.ManagedPolicy(scope, 'SmsEndUserMessagingPolicy', {
    description: scoped
      ? 'Send SMS through AWS End User Messaging from one origination identity'
      : 'Send SMS through AWS End User Messaging',
    statements: [
      new iam.PolicyStatement({
        sid: 'SendTextMessages',
        effect: iam.Effect.ALLOW,
        actions: ['sms-voice:SendTextMessage'],
        resources: scoped ? [identity.value, ...companionResources(scope, eums)] : ['*'],
      }),
    ],
  });
  if (scoped) {
    const evidence = 'the role may send only from the one origination identity ARN that the pool names, so this grants no other sender. '
      + 'See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EumsSmsConfigurationType.html';
    acknowledge(sendSms, 'AwsSolutions', `AwsSolutions-IAM5[Resource::${smsVoiceFinding(scope, 'opt-out-list/*')}]`,
      `A text message is sent with the opt-out list of its origination identity, which this library cannot name; ${evidence}`);
    if (eums.configurationSetName !== undefined && Token.isUnresolved(eums.configurationSetName)) {
      acknowledge(sendSms, 'AwsSolutions', `AwsSolutions-IAM5[Resource::${smsVoiceFinding(scope, 'configuration-set/*')}]`,
        `The configuration set is a token that may resolve to a name or an ARN, so no single ARN can be written; ${evidence}`);
    }
  } else {
    acknowledge(sendSms, 'AwsSolutions', 'AwsSolutions-IAM5[Resource::*]',
      'The origination identity is a phone number, an ID or left to End User Messaging, which an ARN in a policy cannot match '
      + '(End User Messaging authorizes the value the pool passes); the construct warns and says to give the identity as an ARN. '
      + 'See https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EumsSmsConfigurationType.html');
  }
  return sendSms;
}

/**
 * The opt-out lists, the configuration set when one is given and the protect configuration of the
 * country rules, in this account and Region. A
 * configuration set given as a token may resolve to a name or an ARN, so it is matched by any
 * configuration set of this account and Region.
 */
function companionResources(scope: Construct, eums: EumsSpec): string[] {
  const resources = [smsVoiceArn(scope, 'opt-out-list/*')];
  if (eums.protectConfigurationArn !== undefined) {
    // The country rules' protect configuration, which the configuration set carries to each send.
    resources.push(eums.protectConfigurationArn);
  }
  const set = eums.configurationSetName;
  if (set === undefined) {
    return resources;
  }
  if (Token.isUnresolved(set)) {
    resources.push(smsVoiceArn(scope, 'configuration-set/*'));
  } else {
    resources.push(set.startsWith('arn:') ? set : smsVoiceArn(scope, `configuration-set/${set}`));
  }
  return resources;
}

/** An sms-voice resource of this account and Region, as cdk-nag names it in a finding. */
function smsVoiceFinding(scope: Construct, resource: string): string {
  const stack = Stack.of(scope);
  const region = Token.isUnresolved(stack.region) ? '<AWS::Region>' : stack.region;
  const account = Token.isUnresolved(stack.account) ? '<AWS::AccountId>' : stack.account;
  return `arn:<AWS::Partition>:sms-voice:${region}:${account}:${resource}`;
}

function smsVoiceArn(scope: Construct, resource: string): string {
  return Stack.of(scope).formatArn({ service: 'sms-voice', resource });
}
