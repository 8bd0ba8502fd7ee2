import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SmsSpec } from './sms-spec';
import { acknowledge } from './validations';

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
export function bindSmsRole(scope: Construct, spec: SmsSpec, defaultExternalId: string, removalPolicy: RemovalPolicy): SmsRoleBinding {
  const externalId = spec.externalId ?? defaultExternalId;
  if (spec.role) {
    return { role: spec.role, externalId, created: false };
  }
  return { role: createSmsRole(scope, externalId, removalPolicy), externalId, created: true };
}

/**
 * The hardened SMS role.
 *
 * Trust: Cognito's SMS documentation gives this trust policy for the SMS role, with the external
 * ID and the cross-service confused-deputy conditions `aws:SourceAccount` (this account) and
 * `aws:SourceArn` (a user pool of this account and Region; the pool's own ARN cannot be named,
 * since the pool needs the role's ARN first):
 * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html#user-pool-sms-settings-first-time
 * https://docs.aws.amazon.com/cognito/latest/developerguide/cross-service-confused-deputy-prevention.html
 *
 * Permissions: `sns:Publish` to a phone number has no resource ARN to scope, so the Allow is on
 * `*`; an explicit Deny on every SNS topic ARN keeps the role from publishing to topics (a request
 * to a phone number does not match a topic ARN, so SMS still goes out):
 * https://docs.aws.amazon.com/sns/latest/dg/sns-using-identity-based-policies.html
 */
function createSmsRole(scope: Construct, externalId: string, removalPolicy: RemovalPolicy): iam.Role {
  const stack = Stack.of(scope);
  // A customer managed policy rather than an inline one: NIST 800-53, HIPAA and PCI packs flag
  // inline policies (IAMNoInlinePolicy), and a managed policy can be reviewed on its own.
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
  const role = new iam.Role(scope, 'SmsRole', {
    description: 'Lets Amazon Cognito send SMS messages (MFA codes) for one user pool',
    assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
      conditions: {
        StringEquals: {
          'sts:ExternalId': externalId,
          'aws:SourceAccount': stack.account,
        },
        ArnLike: {
          'aws:SourceArn': stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: '*' }),
        },
      },
    }),
    managedPolicies: [sendSms],
  });
  // The pool cannot send SMS without its role: they live and die together.
  role.applyRemovalPolicy(removalPolicy);
  sendSms.applyRemovalPolicy(removalPolicy);
  acknowledge(sendSms, 'AwsSolutions', 'AwsSolutions-IAM5[Resource::*]',
    'sns:Publish to a phone number (how Cognito sends SMS) has no resource ARN to scope, so the Allow must be on "*"; '
    + 'an explicit Deny on arn:<partition>:sns:*:*:* keeps the role from publishing to any topic. '
    + 'See https://docs.aws.amazon.com/sns/latest/dg/sns-using-identity-based-policies.html');
  return role;
}

