/**
 * The checks of an `MfaPolicy`. Each is the rule name of a finding in the validation report, and
 * is acknowledged as `MfaPolicy::<rule>` (see `MfaPolicy.acknowledge`).
 *
 * @see https://github.com/cdk-mfa-user-pool/cdk-mfa-user-pool/blob/main/docs/RULES.md#app-wide-mfa-policy
 */
export enum MfaPolicyRule {
  /** The pool's MFA enforcement is at least the policy's `minimumMfa`. */
  MINIMUM_MFA = 'MinimumMfa',
  /** Every MFA factor the pool enables is one of the policy's `allowedMfaFactors`. */
  MFA_FACTORS = 'MfaFactors',
  /** A pool with MFA does not offer SMS as its only second factor. */
  SMS_ONLY_MFA = 'SmsOnlyMfa',
  /** A pool that signs users in with passkeys requires user verification. */
  PASSKEY_USER_VERIFICATION = 'PasskeyUserVerification',
  /** The SMS role of the pool, when it is in the app, trusts Cognito only with the external ID and source conditions. */
  SMS_ROLE_TRUST = 'SmsRoleTrust',
  /** A pool that sends SMS and lets anyone sign up has an AWS WAF web ACL in front of it. */
  SMS_ABUSE_PROTECTION = 'SmsAbuseProtection',
  /** The pool's threat protection is at least the policy's `minimumThreatProtection`. */
  THREAT_PROTECTION = 'ThreatProtection',
  /** The pool states a feature plan of at least the policy's `minimumFeaturePlan`. */
  FEATURE_PLAN = 'FeaturePlan',
  /** The pool remembers devices no more than the policy's `maximumDeviceRemembering`. */
  DEVICE_REMEMBERING = 'DeviceRemembering',
  /** The pool has Cognito's deletion protection on. */
  DELETION_PROTECTION = 'DeletionProtection',
  /** A replicated pool with MFA offers a factor its secondary Region serves (TOTP is not supported there). */
  SECONDARY_FACTOR = 'SecondaryFactor',
}

/** A second factor a user pool can enable (CloudFormation's `EnabledMfas`). */
export enum MfaFactor {
  /** Time-based one-time passwords from an authenticator app (`SOFTWARE_TOKEN_MFA`). */
  TOTP = 'SOFTWARE_TOKEN_MFA',
  /** Codes sent by SMS (`SMS_MFA`). */
  SMS = 'SMS_MFA',
  /** Codes sent by email (`EMAIL_OTP`). */
  EMAIL = 'EMAIL_OTP',
}

/** How a finding of the policy is reported. */
export enum MfaPolicySeverity {
  /** The finding fails synthesis (unless it is acknowledged for that pool). */
  ERROR = 'error',
  /** The finding is reported and synthesis goes on. */
  WARNING = 'warning',
}

/** How `MfaPolicy.applyTo` checks the app on the installed aws-cdk-lib. */
export enum MfaPolicyMechanism {
  /**
   * A validation plugin (aws-cdk-lib 2.271 and later): it reads the synthesized templates, its
   * findings are in the CLI output and `validation-report.json`, and acknowledged findings are
   * listed there under `suppressedViolations` with their reason.
   */
  VALIDATION_PLUGIN = 'VALIDATION_PLUGIN',
  /**
   * An Aspect at the read-only priority (older aws-cdk-lib): it renders each stack's L1 resources
   * (overrides included) before synthesis; findings are annotations (an error fails `cdk synth`),
   * an acknowledged finding is an info annotation with its reason, and there is no
   * `validation-report.json`.
   */
  ASPECT = 'ASPECT',
}
