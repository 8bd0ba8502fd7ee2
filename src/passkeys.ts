import * as cognito from 'aws-cdk-lib/aws-cognito';

/**
 * Passkeys (WebAuthn) as a first sign-in factor. Setting it enables it: users can sign in with a
 * passkey, next to their password.
 *
 * A passkey that counts as MFA (`countsAsMfa`, the default whenever MFA is on) is Cognito's
 * `MULTI_FACTOR_WITH_USER_VERIFICATION`: a sign-in with a passkey and user verification (a
 * fingerprint, face or device PIN) satisfies MFA, so passkeys work even when MFA is required. A
 * user's passkey MFA also needs another MFA factor of theirs (TOTP, SMS or email) to be active, so
 * that losing the device does not lock them out.
 *
 * Needs the ESSENTIALS or PLUS feature plan. App clients made with `addAppClient` allow
 * choice-based sign-in (`ALLOW_USER_AUTH`), which passkey sign-in uses.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passkey
 */
export interface PasskeyOptions {
  /**
   * The relying party ID: the domain your users' passkeys are bound to, as a bare domain name
   * (no scheme, path or port), at most 63 characters. With a custom domain serving managed login,
   * its fully qualified domain name; otherwise the domain your app signs users in on.
   *
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
   */
  readonly relyingPartyId: string;

  /**
   * Whether passkeys must verify the user (fingerprint, face or device PIN) at registration and
   * sign-in. A passkey counts as MFA only with user verification.
   *
   * @default cognito.PasskeyUserVerification.REQUIRED
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
   */
  readonly userVerification?: cognito.PasskeyUserVerification;

  /**
   * Whether a passkey sign-in with user verification satisfies MFA
   * (`MULTI_FACTOR_WITH_USER_VERIFICATION`) or is a single factor (`SINGLE_FACTOR`). Must be true
   * when `mfa` is REQUIRED (Cognito refuses single-factor passkeys there) and cannot be true when
   * `mfa` is OFF.
   *
   * @default - true when mfa is OPTIONAL or REQUIRED, false when it is OFF
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
   */
  readonly countsAsMfa?: boolean;
}

/**
 * Passwordless one-time-password first factors: a code by email or SMS instead of a password.
 * Those sign-ins skip MFA, so they are refused when `mfa` is REQUIRED (Cognito allows only
 * password and passkey first factors there) and warned about when it is OPTIONAL. Needs the
 * ESSENTIALS or PLUS feature plan.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html
 */
export interface PasswordlessOptions {
  /**
   * Sign-in with a code sent by email. Works with Cognito's default email, whose daily quota is
   * low (warned about): send through Amazon SES for production
   * (`userPoolProps.email: cognito.UserPoolEmail.withSES(...)`).
   *
   * @default false
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passwordless
   */
  readonly emailOtp?: boolean;

  /**
   * Sign-in with a code sent by SMS. Needs the pool's SMS configuration (`sms`).
   *
   * @default false
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-authentication-flow-methods.html#amazon-cognito-user-pools-authentication-flow-methods-passwordless
   */
  readonly smsOtp?: boolean;
}
