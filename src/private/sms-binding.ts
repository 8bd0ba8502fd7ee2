import * as iam from 'aws-cdk-lib/aws-iam';

/** What the SMS factor resolves to for one pool. */
export interface SmsRoleBinding {
  /** The role Cognito assumes to send SMS. */
  readonly role: iam.IRole;
  /** The external ID in the pool's SMS configuration (and in the created role's trust policy). */
  readonly externalId: string;
  /** Whether this library created the role (and so owns its policies). */
  readonly created: boolean;
}
