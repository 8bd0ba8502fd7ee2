import * as iam from 'aws-cdk-lib/aws-iam';

/** What an `SmsMfa` was configured with: read by the resolver and by the role binding. */
export interface SmsSpec {
  /** The role the user brought; undefined when this library creates one. */
  readonly role?: iam.IRole;
  /** The external ID given; undefined for the default (the pool's logical ID). */
  readonly externalId?: string;
  /** The SMS text given. */
  readonly message?: string;
  /** The SNS Region given. */
  readonly snsRegion?: string;
}
