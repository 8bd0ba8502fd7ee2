import * as iam from 'aws-cdk-lib/aws-iam';

/** An origination identity as given: its value, and whether it was given as an ARN. */
export interface OriginationIdentitySpec {
  readonly value: string;
  /** Given with `SmsOriginationIdentity.fromArn()`: the created role can be scoped to it. */
  readonly isArn: boolean;
  /** What the factory called it, with its article, for messages: 'an ARN', 'a phone number', 'an ID'. */
  readonly kind: string;
}

/** The direct path through AWS End User Messaging SMS (`SmsConfiguration.EumsSms`). */
export interface EumsSpec {
  readonly originationIdentity?: OriginationIdentitySpec;
  readonly configurationSetName?: string;
  /** The protect configuration linked to the configuration set, when this library created both (country rules). */
  readonly protectConfigurationArn?: string;
  readonly region?: string;
  readonly inEntityId?: string;
  readonly inTemplateId?: string;
}

/** What an `SmsMfa` was configured with: read by the resolver and by the role binding. */
export interface SmsSpec {
  /** The role the user brought; undefined when this library creates one. */
  readonly role?: iam.IRole;
  /** The external ID given; undefined for the default (the pool's logical ID). */
  readonly externalId?: string;
  /** The SMS text given. */
  readonly message?: string;
  /** The SNS Region given (the SNS path only). */
  readonly snsRegion?: string;
  /** Set on the direct End User Messaging path; undefined on the SNS path. */
  readonly eums?: EumsSpec;
}
