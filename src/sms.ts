import * as iam from 'aws-cdk-lib/aws-iam';
import { OriginationIdentitySpec, SmsSpec } from './private/sms-spec';

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
   * The AWS Region of the Amazon SNS service that sends the messages: one the guide's SNS path
   * Region table lists for the pool's Region (for example `us-east-1` or `us-east-2` for a pool in
   * `us-east-2`). Pools in `ap-northeast-2`, `ap-southeast-5`, `ap-southeast-7` and `ap-east-1`
   * must name theirs (`ap-northeast-1`, `ap-southeast-1`, `ap-south-1`, `ap-southeast-1`).
   *
   * @default - the pool's Region
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html#sms-choose-a-region-sns
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
 * The origination identity that AWS End User Messaging SMS sends Cognito's messages from: a phone
 * number (long code, toll-free number, short code), a sender ID or a phone pool of your account.
 *
 * Give its ARN when you can: the SMS role this library creates is then allowed to send from that
 * identity only. Cognito passes the value as given, and End User Messaging authorizes the role
 * against it, so a role scoped to an ARN works only when the pool names that same ARN.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EumsSmsConfigurationType.html
 */
export class SmsOriginationIdentity {
  /**
   * The ARN of a phone number, sender ID or phone pool, for example
   * `arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef`. The created
   * role may send from this identity only.
   *
   * @param arn an `arn:<partition>:sms-voice:<region>:<account>:phone-number/...`, `sender-id/...` or `pool/...` ARN
   *
   * @example
   * const identity = SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef0123456789abcdef');
   */
  public static fromArn(arn: string): SmsOriginationIdentity {
    return new SmsOriginationIdentity({ value: arn, isArn: true, kind: 'an ARN' });
  }

  /**
   * A phone number of your account in E.164 format, for example `+12065550100`. A role cannot be
   * scoped to it: prefer `fromArn()` with the phone number's ARN.
   *
   * @param phoneNumber the number in E.164 format
   *
   * @example
   * const identity = SmsOriginationIdentity.fromPhoneNumber('+12065550100');
   */
  public static fromPhoneNumber(phoneNumber: string): SmsOriginationIdentity {
    return new SmsOriginationIdentity({ value: phoneNumber, isArn: false, kind: 'a phone number' });
  }

  /**
   * The ID of a phone number or phone pool, or a sender ID, as End User Messaging shows it (for
   * example `phone-0123456789abcdef`, `pool-0123456789abcdef` or `MYBRAND`). The Cognito API
   * reference lists only an E.164 number or an ARN for the origination identity: Cognito passes an
   * ID as given, End User Messaging may refuse the messages, and the construct warns
   * (`originationIdentityForm`). A role cannot be scoped to it either: prefer `fromArn()`.
   *
   * @param id the phone number ID, phone pool ID or sender ID
   *
   * @example
   * const identity = SmsOriginationIdentity.fromId('phone-0123456789abcdef0123456789abcdef');
   */
  public static fromId(id: string): SmsOriginationIdentity {
    return new SmsOriginationIdentity({ value: id, isArn: false, kind: 'an ID' });
  }

  /**
   * What was given, for the construct to validate and bind.
   *
   * @internal
   */
  public readonly _spec: OriginationIdentitySpec;

  private constructor(spec: OriginationIdentitySpec) {
    this._spec = spec;
  }
}

/**
 * Options for the SMS factor when Cognito sends SMS through AWS End User Messaging SMS directly,
 * without Amazon SNS.
 */
export interface EndUserMessagingOptions {
  /**
   * The text of the SMS that carries the sign-in code. Must contain the placeholder `{####}`
   * and be at most 140 characters.
   *
   * @default - Cognito's default message
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-userpool.html#cfn-cognito-userpool-smsauthenticationmessage
   */
  readonly message?: string;

  /**
   * The phone number, sender ID or phone pool to send from. Some destination countries require
   * one (US recipients need a registered 10DLC, toll-free or short code number).
   *
   * @default - End User Messaging chooses an origination identity of your account
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/phone-numbers-sms-by-country.html
   */
  readonly originationIdentity?: SmsOriginationIdentity;

  /**
   * The End User Messaging configuration set applied to every message, for delivery events and
   * logging: its name or its ARN.
   *
   * @default - no configuration set
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets.html
   */
  readonly configurationSetName?: string;

  /**
   * The Region of the End User Messaging resources. Cognito accepts only the pool's own Region
   * (any other value is rejected with InvalidParameterException), so this is only worth setting
   * to make the Region explicit.
   *
   * @default - the pool's Region
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_EumsSmsConfigurationType.html
   */
  readonly region?: string;

  /**
   * The principal entity ID of your India DLT (Distributed Ledger Technology) registration, for
   * messages to recipients in India. Give it together with `indiaTemplateId`.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations-india.html
   */
  readonly indiaEntityId?: string;

  /**
   * The ID of the message template registered for India DLT. Give it together with
   * `indiaEntityId`.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/registrations-india.html
   */
  readonly indiaTemplateId?: string;
}

/**
 * Options for the direct End User Messaging path when this library creates the SMS role.
 */
export interface NewEndUserMessagingRoleOptions extends EndUserMessagingOptions {
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
 * The SMS message factor: which IAM role Cognito assumes to send SMS, through Amazon SNS
 * (`withNewRole`, `withRole`) or through AWS End User Messaging SMS directly
 * (`withEndUserMessaging`, `withEndUserMessagingRole`). A pool uses one path: Cognito clears
 * the other when one is set.
 *
 * SMS is the weaker factor (SIM swapping, phone numbers change owners): prefer TOTP and offer SMS
 * as a fallback. Configuring it enables it.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html
 */
export class SmsMfa {
  /**
   * SMS with a role that this library creates and hardens: it trusts only
   * `cognito-idp.amazonaws.com` presenting the external ID, from user pools of this account and
   * Region; it may send SMS to phone numbers but not publish to SNS topics; it shares the pool's
   * removal policy.
   *
   * @example
   * new MfaUserPool(this, 'Users', {
   *   mfa: MfaEnforcement.OPTIONAL,
   *   sms: SmsMfa.withNewRole({ message: 'Your sign-in code for MyApp is {####}' }),
   * });
   */
  public static withNewRole(options: NewSmsRoleOptions = {}): SmsMfa {
    return new SmsMfa({ externalId: options.externalId, message: options.message, snsRegion: options.snsRegion });
  }

  /**
   * SMS with a role you bring. It must allow `sns:Publish` (to phone numbers: the resource is
   * `*`), and its trust policy must let `cognito-idp.amazonaws.com` assume it with this external
   * ID (Cognito refuses the pool otherwise). When the role is defined in the same CDK app, both are
   * checked at synth time (a role with a managed policy, or one a policy of another stack names, is
   * not judged on its permission); an imported role is not checked.
   *
   * @example
   * const role = new iam.Role(this, 'SmsRole', {
   *   assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
   *     conditions: { StringEquals: { 'sts:ExternalId': 'my-app-sms' } },
   *   }),
   * });
   * role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
   * new MfaUserPool(this, 'Users', { sms: SmsMfa.withRole(role, 'my-app-sms') });
   *
   * @param role the role Cognito assumes to call `sns:Publish`
   * @param externalId the external ID that the role's trust policy requires
   */
  public static withRole(role: iam.IRole, externalId: string, options: SmsMfaOptions = {}): SmsMfa {
    return new SmsMfa({ role, externalId, message: options.message, snsRegion: options.snsRegion });
  }

  /**
   * SMS through AWS End User Messaging SMS directly, with a role that this library creates and
   * hardens: the same trust as the SNS role (the external ID, this account, user pools of this
   * account and Region); it may call `sms-voice:SendTextMessage` only, from the origination
   * identity when you give its ARN (and with the configuration set when you give one); it has no
   * SNS permission; it shares the pool's removal policy.
   *
   * Choose this path to send from a registered origination identity of your own, to get delivery
   * events through a configuration set, or where Amazon SNS SMS is not available.
   *
   * @example
   * new MfaUserPool(this, 'Users', {
   *   mfa: MfaEnforcement.OPTIONAL,
   *   sms: SmsMfa.withEndUserMessaging({
   *     originationIdentity: SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1:111122223333:phone-number/phone-0123456789abcdef0123456789abcdef'),
   *   }),
   * });
   */
  public static withEndUserMessaging(options: NewEndUserMessagingRoleOptions = {}): SmsMfa {
    const { externalId, message, ...eums } = options;
    return new SmsMfa({ externalId, message, eums: eumsSpec(eums) });
  }

  /**
   * SMS through AWS End User Messaging SMS directly, with a role you bring. It must allow
   * `sms-voice:SendTextMessage`, and its trust policy must let `cognito-idp.amazonaws.com` assume
   * it with this external ID. When the role is defined in the same CDK app, its trust policy is
   * checked at synth time, and a role no policy of the app allows `sms-voice:SendTextMessage` is
   * warned about; an imported role is not checked.
   *
   * @example
   * const role = new iam.Role(this, 'SmsRole', {
   *   assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
   *     conditions: { StringEquals: { 'sts:ExternalId': 'my-app-sms' } },
   *   }),
   * });
   * role.addToPolicy(new iam.PolicyStatement({ actions: ['sms-voice:SendTextMessage'], resources: ['*'] }));
   * new MfaUserPool(this, 'Users', { sms: SmsMfa.withEndUserMessagingRole(role, 'my-app-sms') });
   *
   * @param role the role Cognito assumes to call `sms-voice:SendTextMessage`
   * @param externalId the external ID that the role's trust policy requires
   */
  public static withEndUserMessagingRole(role: iam.IRole, externalId: string, options: EndUserMessagingOptions = {}): SmsMfa {
    const { message, ...eums } = options;
    return new SmsMfa({ role, externalId, message, eums: eumsSpec(eums) });
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

/** The direct-path fields of the options, as the spec keeps them. */
function eumsSpec(options: Omit<EndUserMessagingOptions, 'message'>): SmsSpec['eums'] {
  return {
    originationIdentity: options.originationIdentity?._spec,
    configurationSetName: options.configurationSetName,
    region: options.region,
    inEntityId: options.indiaEntityId,
    inTemplateId: options.indiaTemplateId,
  };
}
