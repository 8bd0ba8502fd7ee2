import * as cdk from 'aws-cdk-lib';
import { RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { SmsRoleBinding } from './private/sms-binding';

/**
 * Options shared by every way of configuring the SMS factor.
 */
export interface SmsMfaOptions {
  /**
   * The text of the SMS that carries the sign-in code. Must contain the placeholder `{####}`
   * and be at most 140 characters.
   *
   * @default - Cognito's default message
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html#cfn-cognito-userpool-smsauthenticationmessage
   */
  readonly message?: string;

  /**
   * The AWS Region of the Amazon SNS service that sends the messages: the pool's own Region or a
   * legacy SNS alternate Region that Cognito supports for it (for example `us-east-1` for a pool
   * in `us-east-2`; a pool in `ap-northeast-2` must use `ap-northeast-1`).
   *
   * @default - the pool's Region
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html
   */
  readonly snsRegion?: string;
}

/**
 * Options for the SMS factor when this library creates the SMS role.
 */
export interface NewSmsRoleOptions extends SmsMfaOptions {
  /**
   * The external ID Cognito presents when it assumes the SMS role; the role's trust policy
   * requires it. 2 to 1,224 characters of `[\w+=,.@:/-]`.
   *
   * @default - the CloudFormation logical ID of the user pool: it changes only when the pool
   * itself is replaced
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_create_for-user_externalid.html
   */
  readonly externalId?: string;
}

/**
 * The SMS message factor: which IAM role Cognito assumes to send SMS through Amazon SNS.
 *
 * SMS is the weaker factor (SIM swapping, phone numbers change owners): prefer TOTP and offer SMS
 * as a fallback. Configuring it enables it.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
 */
export class SmsMfa {
  /**
   * SMS with a role that this library creates and hardens: it trusts only
   * `cognito-idp.amazonaws.com` presenting the external ID, from user pools of this account and
   * Region; it may send SMS to phone numbers but not publish to SNS topics; it shares the pool's
   * removal policy.
   */
  public static withNewRole(options: NewSmsRoleOptions = {}): SmsMfa {
    return new SmsMfa(undefined, options.externalId, options);
  }

  /**
   * SMS with a role you bring. Its trust policy must let `cognito-idp.amazonaws.com` assume it
   * with this external ID (Cognito refuses the pool otherwise); when the role is defined in the
   * same CDK app, that is checked at synth time.
   *
   * @param role the role Cognito assumes to call `sns:Publish`
   * @param externalId the external ID that the role's trust policy requires
   */
  public static withRole(role: iam.IRole, externalId: string, options: SmsMfaOptions = {}): SmsMfa {
    return new SmsMfa(role, externalId, options);
  }

  /** The role you brought, if any. */
  public readonly role?: iam.IRole;
  /** The external ID, when one was given. */
  public readonly externalId?: string;
  /** The SMS text, when one was given. */
  public readonly message?: string;
  /** The SNS Region, when one was given. */
  public readonly snsRegion?: string;

  private constructor(role: iam.IRole | undefined, externalId: string | undefined, options: SmsMfaOptions) {
    this.role = role;
    this.externalId = externalId;
    this.message = options.message;
    this.snsRegion = options.snsRegion;
  }

  /**
   * Returns the role and external ID the pool uses, creating the role when none was brought.
   *
   * @internal
   */
  public _bind(scope: Construct, defaultExternalId: string, removalPolicy: RemovalPolicy): SmsRoleBinding {
    const externalId = this.externalId ?? defaultExternalId;
    if (this.role) {
      return { role: this.role, externalId, created: false };
    }
    return { role: createSmsRole(scope, externalId, removalPolicy), externalId, created: true };
  }
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
  acknowledge(sendSms, 'AwsSolutions-IAM5[Resource::*]',
    'sns:Publish to a phone number (how Cognito sends SMS) has no resource ARN to scope, so the Allow must be on "*"; '
    + 'an explicit Deny on arn:<partition>:sns:*:*:* keeps the role from publishing to any topic. '
    + 'See https://docs.aws.amazon.com/sns/latest/dg/sns-using-identity-based-policies.html');
  return role;
}

/**
 * Acknowledges a validation rule (cdk-nag 3, CloudFormation Validate) on a construct, with the
 * evidence as the reason. `Validations` arrived in aws-cdk-lib 2.257; on older versions there is
 * nothing to acknowledge to, so this does nothing.
 */
function acknowledge(scope: Construct, id: string, reason: string): void {
  const validations = (cdk as any).Validations;
  if (validations && typeof validations.of === 'function') {
    validations.of(scope).acknowledge({ id, reason });
  }
}
