import * as ses from 'aws-cdk-lib/aws-ses';

/**
 * What Cognito does with a sign-in at one risk level (adaptive authentication).
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverActionType.html
 */
export enum RiskAction {
  /** Let the sign-in through (`NO_ACTION`). */
  ALLOW = 'NO_ACTION',
  /**
   * Ask for MFA when the user can set it up or has it; let the sign-in through otherwise
   * (`MFA_IF_CONFIGURED`).
   */
  MFA_IF_CONFIGURED = 'MFA_IF_CONFIGURED',
  /** Ask for MFA; block the sign-in of a user who has no MFA set up (`MFA_REQUIRED`). */
  MFA_REQUIRED = 'MFA_REQUIRED',
  /** Block the sign-in (`BLOCK`). */
  BLOCK = 'BLOCK',
}

/**
 * The response to one risk level.
 */
export interface RiskResponse {
  /**
   * What Cognito does with the sign-in.
   */
  readonly action: RiskAction;

  /**
   * Whether Cognito emails the user about the sign-in. Needs `notification`.
   *
   * @default false
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-adaptive-authentication.html
   */
  readonly notify?: boolean;
}

/**
 * The responses to the account-takeover risk levels Cognito scores each sign-in with. Each level
 * is optional, as in Cognito's AccountTakeoverActionsType.
 */
export interface AccountTakeoverResponses {
  /**
   * The response to a low-risk sign-in.
   *
   * @default - no action configured for low risk
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverActionsType.html
   */
  readonly low?: RiskResponse;
  /**
   * The response to a medium-risk sign-in.
   *
   * @default - no action configured for medium risk
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverActionsType.html
   */
  readonly medium?: RiskResponse;
  /**
   * The response to a high-risk sign-in.
   *
   * @default - no action configured for high risk
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverActionsType.html
   */
  readonly high?: RiskResponse;
}

/**
 * The user events compromised-credentials detection checks.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompromisedCredentialsRiskConfigurationType.html
 */
export enum CompromisedCredentialsEvent {
  /** Sign-in with a password. */
  SIGN_IN = 'SIGN_IN',
  /** Password change and reset. */
  PASSWORD_CHANGE = 'PASSWORD_CHANGE',
  /** Sign-up. */
  SIGN_UP = 'SIGN_UP',
}

/**
 * What Cognito does when a user's password appears in a public leak.
 */
export interface CompromisedCredentialsResponse {
  /**
   * Block the request (`BLOCK`) or only score and log it (`NO_ACTION`).
   */
  readonly block: boolean;

  /**
   * The events that are checked.
   *
   * @default - sign-in, password change and sign-up
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompromisedCredentialsRiskConfigurationType.html
   */
  readonly events?: CompromisedCredentialsEvent[];
}

/**
 * IP address ranges that adaptive authentication treats specially, as CIDR blocks (IPv4 or IPv6).
 */
export interface RiskIpExceptions {
  /**
   * Ranges whose sign-ins are always blocked. At most 200.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html
   */
  readonly alwaysBlock?: string[];

  /**
   * Ranges whose sign-ins are never scored for risk (an office network, for example). At most 200.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html
   */
  readonly neverScore?: string[];
}

/**
 * One notification email template.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyEmailType.html
 */
export interface RiskNotificationEmail {
  /** The subject, 1 to 140 characters. */
  readonly subject: string;
  /**
   * The HTML body, 6 to 20,000 characters. Give it, the text body, or both.
   *
   * @default - no HTML body
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyEmailType.html
   */
  readonly htmlBody?: string;
  /**
   * The plain-text body, 6 to 20,000 characters. Give it, the HTML body, or both.
   *
   * @default - no text body
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyEmailType.html
   */
  readonly textBody?: string;
}

/**
 * The Amazon SES identity that risk notifications are sent from.
 */
export class RiskNotificationSender {
  /**
   * An SES identity defined in or imported into this app.
   *
   * @example
   * const identity = new ses.EmailIdentity(this, 'Identity', { identity: ses.Identity.domain('example.com') });
   * const sender = RiskNotificationSender.fromIdentity(identity);
   */
  public static fromIdentity(identity: ses.IEmailIdentity): RiskNotificationSender {
    return new RiskNotificationSender(identity.emailIdentityArn);
  }

  /**
   * The ARN of a verified SES identity, for example
   * `arn:aws:ses:us-east-1:123456789012:identity/example.com`.
   *
   * @example
   * const sender = RiskNotificationSender.fromArn('arn:aws:ses:us-east-1:123456789012:identity/example.com');
   */
  public static fromArn(identityArn: string): RiskNotificationSender {
    return new RiskNotificationSender(identityArn);
  }

  /**
   * The identity's ARN.
   *
   * @internal
   */
  public readonly _arn: string;

  private constructor(arn: string) {
    this._arn = arn;
  }
}

/**
 * How Cognito emails users about risky sign-ins.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyConfigurationType.html
 */
export interface RiskNotificationOptions {
  /** The verified SES identity the emails are sent from. */
  readonly sender: RiskNotificationSender;

  /**
   * The from address.
   *
   * @default - the SES identity's address
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyConfigurationType.html
   */
  readonly fromAddress?: string;

  /**
   * The reply-to address.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyConfigurationType.html
   */
  readonly replyTo?: string;

  /**
   * The email for a blocked sign-in.
   *
   * @default - Cognito's template
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyEmailType.html
   */
  readonly blockEmail?: RiskNotificationEmail;

  /**
   * The email for a sign-in that was asked for MFA.
   *
   * @default - Cognito's template
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyEmailType.html
   */
  readonly mfaEmail?: RiskNotificationEmail;

  /**
   * The email for a sign-in that was let through.
   *
   * @default - Cognito's template
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyEmailType.html
   */
  readonly noActionEmail?: RiskNotificationEmail;
}

/**
 * Everything adaptive authentication can be told, for `AdaptiveAuthentication.custom`.
 */
export interface AdaptiveAuthenticationProps {
  /**
   * The responses to account-takeover risk.
   *
   * @default - no account-takeover actions
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_AccountTakeoverRiskConfigurationType.html
   */
  readonly accountTakeover?: AccountTakeoverResponses;

  /**
   * The response to compromised credentials.
   *
   * @default - no compromised-credentials actions
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CompromisedCredentialsRiskConfigurationType.html
   */
  readonly compromisedCredentials?: CompromisedCredentialsResponse;

  /**
   * IP ranges always blocked or never scored.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html
   */
  readonly ipExceptions?: RiskIpExceptions;

  /**
   * How users are notified. Needed by any response with `notify: true`.
   *
   * @default - no notifications
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyConfigurationType.html
   */
  readonly notification?: RiskNotificationOptions;
}

/**
 * Options of the recommended adaptive authentication.
 */
export interface RecommendedAdaptiveAuthenticationOptions {
  /**
   * How users are notified. When given, users are emailed about medium- and high-risk sign-ins.
   *
   * @default - no notifications
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_NotifyConfigurationType.html
   */
  readonly notification?: RiskNotificationOptions;

  /**
   * IP ranges always blocked or never scored.
   *
   * @default - none
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_RiskExceptionConfigurationType.html
   */
  readonly ipExceptions?: RiskIpExceptions;
}

/**
 * Adaptive (risk-based) authentication: what Cognito does with a sign-in that its threat
 * protection scores as risky, and with leaked passwords. Takes effect with
 * `threatProtection: ThreatProtection.ENFORCED` (which needs the PLUS plan); emitted as one
 * `AWS::Cognito::UserPoolRiskConfigurationAttachment` for the whole pool (`ClientId: ALL`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-adaptive-authentication.html
 */
export class AdaptiveAuthentication {
  /**
   * The recommended responses: a low-risk sign-in goes through, a medium-risk one is asked for
   * MFA when the user has it (a prompt only when a sign-in looks wrong, never a lockout), a
   * high-risk one is blocked; a leaked password is blocked at sign-in, password change and
   * sign-up. With `notification`, users are emailed about medium- and high-risk sign-ins, so that
   * they can report one that was not theirs.
   *
   * @example
   * new MfaUserPool(this, 'Users', {
   *   mfa: MfaEnforcement.OPTIONAL,
   *   threatProtection: ThreatProtection.ENFORCED,
   *   adaptiveAuthentication: AdaptiveAuthentication.recommended(),
   * });
   */
  public static recommended(options: RecommendedAdaptiveAuthenticationOptions = {}): AdaptiveAuthentication {
    const notify = options.notification !== undefined;
    return new AdaptiveAuthentication({
      accountTakeover: {
        low: { action: RiskAction.ALLOW, notify: false },
        medium: { action: RiskAction.MFA_IF_CONFIGURED, notify },
        high: { action: RiskAction.BLOCK, notify },
      },
      compromisedCredentials: {
        block: true,
        events: [CompromisedCredentialsEvent.SIGN_IN, CompromisedCredentialsEvent.PASSWORD_CHANGE, CompromisedCredentialsEvent.SIGN_UP],
      },
      ipExceptions: options.ipExceptions,
      notification: options.notification,
    });
  }

  /**
   * Responses you choose.
   *
   * @example
   * const adaptive = AdaptiveAuthentication.custom({
   *   accountTakeover: { high: { action: RiskAction.BLOCK }, medium: { action: RiskAction.MFA_REQUIRED } },
   * });
   */
  public static custom(props: AdaptiveAuthenticationProps): AdaptiveAuthentication {
    return new AdaptiveAuthentication(props);
  }

  /**
   * What was configured.
   *
   * @internal
   */
  public readonly _spec: AdaptiveAuthenticationProps;

  private constructor(props: AdaptiveAuthenticationProps) {
    this._spec = props;
  }
}
