/**
 * Whether users of the pool must, may or cannot use multi-factor authentication.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
 */
export enum MfaEnforcement {
  /** No MFA: users sign in with their first factor only. */
  OFF = 'OFF',
  /**
   * Users may turn MFA on for themselves; sign-in asks for a second factor only from users who did.
   * The way to adopt MFA gradually in an existing user base.
   */
  OPTIONAL = 'OPTIONAL',
  /**
   * Every user must complete a second factor at sign-in (CloudFormation's `ON`). Users with no
   * factor yet are asked to set one up (for example TOTP) before they get tokens.
   */
  REQUIRED = 'REQUIRED',
}
