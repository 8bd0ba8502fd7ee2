import * as iam from 'aws-cdk-lib/aws-iam';
import { SmsSpec } from './private/sms-spec';

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
    return new SmsMfa({ externalId: options.externalId, message: options.message, snsRegion: options.snsRegion });
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
    return new SmsMfa({ role, externalId, message: options.message, snsRegion: options.snsRegion });
  }

  /**
   * What was configured, for the construct to validate and bind.
   *
   * @internal
   */
  public readonly _spec: SmsSpec;

  private constructor(spec: SmsSpec) {
    this._spec = spec;
  }
}
