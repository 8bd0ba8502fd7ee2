import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { AbuseProtectionOptions } from './abuse-protection';
import { AdaptiveAuthentication } from './adaptive-authentication';
import { DeviceRemembering } from './device';
import { EmailMfaOptions } from './email';
import { PoolEncryption, TokenIssuer } from './encryption';
import { MfaEnforcement } from './mfa';
import { LogDeliveryOptions } from './operations';
import { PasskeyOptions, PasswordlessOptions } from './passkeys';
import type { ReplicationOptions } from './replication';
import { SmsMfa } from './sms';
import { ThreatProtection } from './threat-protection';

/**
 * Properties of an `MfaUserPool`. Every prop is optional: the defaults are a pool with required
 * TOTP MFA, device remembering on the user's say-so, a strong password policy, email sign-in,
 * and a pool that is retained and protected from deletion.
 */
export interface MfaUserPoolProps {
  /**
   * Whether users must, may or cannot use MFA. `OPTIONAL` lets an existing user base adopt MFA
   * gradually. Changing the mode of an existing pool is an in-place update of the pool.
   *
   * @default MfaEnforcement.REQUIRED
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
   */
  readonly mfa?: MfaEnforcement;

  /**
   * The authenticator-app (TOTP) factor. Must stay unset or false when `mfa` is OFF.
   *
   * @default - true whenever mfa is not OFF
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
   */
  readonly totp?: boolean;

  /**
   * The SMS factor and the IAM role Cognito uses to send SMS. Also the pool's SMS configuration
   * for phone verification, SMS OTP sign-in and SMS invitations, which use it even when `mfa` is
   * OFF. While `mfa` is on, SMS is then an MFA factor (see `smsMfa`).
   *
   * @default - no SMS factor and no SMS role
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
   */
  readonly sms?: SmsMfa;

  /**
   * Whether SMS is an MFA factor. It is whenever `sms` is set and `mfa` is on: Cognito refuses
   * to turn SMS MFA off while the pool has an SMS configuration ("Can't turn off SMS_MFA when SMS
   * configuration is set for the user pool"), so `false` is refused there. To offer only TOTP,
   * leave out `sms` and what needs it (phone verification, SMS OTP sign-in).
   *
   * @default - true when sms is set and mfa is OPTIONAL or REQUIRED, false otherwise
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
   */
  readonly smsMfa?: boolean;

  /**
   * The email one-time-password factor. Needs `userPoolProps.email` to send through Amazon SES
   * (`cognito.UserPoolEmail.withSES(...)`) and a feature plan of ESSENTIALS or PLUS.
   *
   * @default - no email factor
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
   */
  readonly email?: EmailMfaOptions;

  /**
   * Passkeys (WebAuthn) as a first sign-in factor, next to the password. By default a passkey
   * with user verification counts as MFA whenever MFA is on.
   *
   * @default - no passkeys
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passkey
   */
  readonly passkeys?: PasskeyOptions;

  /**
   * Passwordless one-time-password first factors (email, SMS). Refused when `mfa` is REQUIRED.
   *
   * @default - no passwordless one-time-password sign-in
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
   */
  readonly passwordless?: PasswordlessOptions;

  /**
   * Device remembering: a remembered device can skip the MFA prompt.
   *
   * @default DeviceRemembering.USER_OPT_IN
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
   */
  readonly deviceRemembering?: DeviceRemembering;

  /**
   * The password policy. Fields you leave unset keep the strong default; a policy weaker than the
   * default is allowed but warned about (`cdk-mfa-user-pool:weakPasswordPolicy`).
   *
   * @default - at least 12 characters with lower case, upper case, digits and symbols
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
   */
  readonly passwordPolicy?: cognito.PasswordPolicy;

  /**
   * How users recover their account. Cognito skips SMS recovery for a user whose MFA is SMS, and
   * email recovery for a user whose MFA is email (advisories say who is left without a way); it
   * refuses phone recovery next to SMS MFA when the auto-verified phone number is the username.
   *
   * @default AccountRecovery.EMAIL_ONLY
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html
   */
  readonly accountRecovery?: cognito.AccountRecovery;

  /**
   * The feature plan, always written into the template so that a pool never depends on the
   * service default. PLUS is needed for threat protection (and satisfies cdk-nag's
   * AwsSolutions-COG8); it costs more per monthly active user.
   *
   * @default - FeaturePlan.PLUS when threat protection is on, FeaturePlan.ESSENTIALS otherwise
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
   */
  readonly featurePlan?: cognito.FeaturePlan;

  /**
   * Threat protection for standard (password, SRP) authentication. Needs the PLUS feature plan.
   *
   * @default ThreatProtection.OFF
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
   */
  readonly threatProtection?: ThreatProtection;

  /**
   * Adaptive (risk-based) authentication: what Cognito does with risky sign-ins and leaked
   * passwords, for the whole pool. Needs `threatProtection` ENFORCED to act (AUDIT only scores,
   * and is warned about).
   *
   * @default - no risk configuration: Cognito's own, unstated defaults apply
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-adaptive-authentication.html
   */
  readonly adaptiveAuthentication?: AdaptiveAuthentication;

  /**
   * Threat protection for custom authentication flows (Lambda challenges). Needs PLUS.
   *
   * @default ThreatProtection.OFF
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
   */
  readonly customAuthThreatProtection?: ThreatProtection;

  /**
   * What happens to the pool (and the SMS role this library creates) when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   * @see https://docs.aws.amazon.com/cdk/v2/guide/resources.html#resources_removal
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Cognito's deletion protection: the pool cannot be deleted while it is on.
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html
   */
  readonly deletionProtection?: boolean;

  /**
   * Cognito log delivery to CloudWatch Logs: message delivery errors (SMS and email Cognito could
   * not send), and optionally user authentication events.
   *
   * @default - message delivery errors are delivered whenever the pool sends codes by SMS or
   * email, kept one year; user authentication events are not
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html
   */
  readonly logDelivery?: LogDeliveryOptions;

  /**
   * Protection against SMS pumping and sign-in abuse: an AWS WAF web ACL in front of the pool
   * (created with per-IP rate limits and the AWS IP reputation list, or one you bring), and WAF's
   * log of what it blocks. Its resources hang off the pool under fixed ids: turning it on or off
   * never changes the pool.
   *
   * @default - no web ACL (advised against for a pool that sends SMS codes and allows self sign-up)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html
   */
  readonly abuseProtection?: AbuseProtectionOptions;

  /**
   * How Cognito encrypts the pool's data at rest: `PoolEncryption.customerManagedKey()` (a key the
   * library creates, or yours) or `PoolEncryption.awsOwnedKey()`. A multi-Region replica needs a
   * customer managed multi-Region key. Adding or changing it updates the pool in place.
   *
   * @default - nothing written: Cognito encrypts with a key AWS owns
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/data-protection.html
   */
  readonly encryption?: PoolEncryption;

  /**
   * The issuer of the pool's tokens. `TokenIssuer.UPDATED` is the same in every Region of a
   * replicated pool; changing it changes the `iss` of new tokens, so every verifier must accept
   * the new issuer first.
   *
   * @default - nothing written: the original, Regional issuer
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/federation-endpoints.html#user-pool-oidc-issuer
   */
  readonly tokenIssuer?: TokenIssuer;

  /**
   * Multi-Region replication: a secondary replica in another Region, which signs users in while
   * that Region serves (the primary's Region failing). The library adds the replica and, for a key
   * it creates (multi-Region) or a key of the app, the key's replica, each in a stack of its own
   * deployed in order; build the secondary Region's settings with `MfaUserPoolSecondary` in a
   * stack of that Region. Needs Essentials or Plus and a multi-Region customer managed key
   * (created when `encryption` is left out). Secondaries do not support TOTP MFA.
   *
   * @default - not replicated
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html
   */
  readonly replication?: ReplicationOptions;

  /**
   * Everything else the L2 `cognito.UserPool` accepts: name, self sign-up, sign-in aliases,
   * attributes, triggers, email sending, messages... Fields that this construct owns (MFA, SMS
   * role, device tracking, feature plan, threat protection, password policy, account recovery,
   * sign-in policy and passkey settings, removal policy, deletion protection) are refused with an
   * error naming the prop to use.
   *
   * Decide these before the first deployment: Cognito cannot change `signInAliases`,
   * `signInCaseSensitive` or the `required` standard attributes of a pool, nor remove a custom
   * attribute; a deployed pool's update fails and a new pool is needed (users do not move with it).
   *
   * @default - sign-in with email, email auto-verified and kept until the new address is verified
   * @see https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cognito.UserPoolProps.html
   */
  readonly userPoolProps?: cognito.UserPoolProps;
}
