/**
 * Cognito threat protection (formerly advanced security features): adaptive authentication and
 * compromised-credential checks. Any mode but `OFF` needs the PLUS feature plan.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
 */
export enum ThreatProtection {
  /** No threat protection. */
  OFF = 'OFF',
  /** Score risk and log it (user activity logs, metrics) without acting on it. */
  AUDIT = 'AUDIT',
  /**
   * Score risk and act on it: block or challenge risky sign-ins (adaptive authentication) and
   * refuse compromised credentials.
   */
  ENFORCED = 'ENFORCED',
}
