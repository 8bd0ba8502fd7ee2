import { Duration } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';

/**
 * Protection against SMS pumping (artificially inflated traffic) and sign-in abuse: an AWS WAF
 * web ACL in front of the pool, with per-IP rate limits on the operations that send SMS codes and
 * on sign-in, the AWS managed IP reputation list, and logging of what it blocks.
 *
 * WAF inspects managed login and the public API operations (`SignUp`, `InitiateAuth`, ...), not
 * the IAM-signed admin operations. Cognito forwards no usernames or phone numbers to WAF, so the
 * rules key on the caller's IP address and the operation (`x-amzn-cognito-operation-name`).
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html
 * @see https://aws.amazon.com/blogs/security/reduce-risks-of-user-sign-up-fraud-and-sms-pumping-with-amazon-cognito-user-pools/
 *
 * @example
 * new MfaUserPool(this, 'Users', {
 *   mfa: MfaEnforcement.OPTIONAL,
 *   sms: SmsMfa.withNewRole(),
 *   abuseProtection: { codeRequestsPerIp: 10 },
 * });
 */
export interface AbuseProtectionOptions {
  /**
   * A web ACL you manage, by ARN, to associate with the pool instead of the one this library
   * creates. The rule options below describe the created web ACL and cannot be combined with it.
   *
   * @default - a web ACL is created with the rules below
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html
   */
  readonly webAclArn?: string;

  /**
   * Requests per IP address, in each `evaluationWindow`, that can make Cognito send an SMS or email
   * code outside sign-in, before WAF blocks the address: the API operations `SignUp`,
   * `ResendConfirmationCode`, `ForgotPassword`, `GetUserAttributeVerificationCode` and
   * `UpdateUserAttributes`, and managed login's forms that send or confirm codes (POST to `/signup`,
   * `/confirm...`, `/forgotPassword`) and its `/resendcode` link, counted together. At least 10
   * (WAF's minimum).
   *
   * @default 20
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managed-login-endpoints.html
   */
  readonly codeRequestsPerIp?: number;

  /**
   * Requests per IP address, in each `evaluationWindow`, to sign-in before WAF blocks the address:
   * the API operations `InitiateAuth` and `RespondToAuthChallenge`, and every other form managed
   * login posts (`/login` and the MFA and challenge steps), where SMS MFA and SMS sign-in codes go
   * out. At least 10.
   *
   * @default - 50 when the pool sends SMS codes at sign-in (SMS is an MFA factor or a first
   * factor), 100 otherwise
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html
   */
  readonly signInRequestsPerIp?: number;

  /**
   * Requests per IP address, in each `evaluationWindow`, to managed login and the classic hosted UI
   * as a whole (every request that is not an API request: API requests go to the path `/` and carry
   * the `x-amzn-cognito-operation-name` header Cognito adds), before WAF blocks the address. It
   * counts the pages the other limits name and every page they do not. At least 10.
   *
   * @default 200
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html
   */
  readonly managedLoginRequestsPerIp?: number;

  /**
   * A circuit breaker: requests that can send a code (those `codeRequestsPerIp` counts), from all
   * addresses together, in each `evaluationWindow`, before WAF blocks every such request until the
   * count falls again. It stops a botnet that stays under every per-address limit, at the price of
   * refusing sign-ups and password resets to everyone while it is tripped. Sign-in is not counted.
   * At least 10.
   *
   * @default - no circuit breaker
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-aggregation-options.html
   */
  readonly codeRequestsAllIps?: number;

  /**
   * Requests that can send a code, per autonomous system (the network the caller's address belongs
   * to: a hosting provider, a mobile carrier), in each `evaluationWindow`, before WAF blocks that
   * network's requests to them. Catches address rotation within one provider. At least 10.
   *
   * @default - no limit per network
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-aggregation-options.html
   */
  readonly codeRequestsPerAsn?: number;

  /**
   * The countries, as two-letter ISO codes in capitals, whose callers may make requests that can
   * send a code (sign-up, resending a confirmation code, password reset, attribute verification,
   * on the API and managed login); WAF blocks those requests from every other country, by the
   * caller's address. Sign-in is not affected, so users who travel still sign in.
   *
   * @default - callers of every country
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-geo-match.html
   */
  readonly callerCountries?: string[];

  /**
   * Inspect requests that can send a code with the AWS managed Bot Control rule group
   * (`AWSManagedRulesBotControlRuleSet`, common level): it blocks self-identified bots and
   * scrapers. Its rules against non-browser user agents and HTTP libraries only count, since the
   * Cognito SDKs of mobile apps and servers look like both. Billed by WAF on top of the web ACL (a
   * subscription per month and a price per million requests inspected).
   *
   * @default false
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-bot.html
   */
  readonly botControl?: boolean;

  /**
   * The window the rate limits count requests in: 1, 2, 5 or 10 minutes.
   *
   * @default Duration.minutes(5)
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based-high-level-settings.html
   */
  readonly evaluationWindow?: Duration;

  /**
   * Block addresses on the AWS managed IP reputation list (`AWSManagedRulesAmazonIpReputationList`:
   * bots and other threats Amazon's threat intelligence identified).
   *
   * @default true
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-ip-rep.html
   */
  readonly ipReputation?: boolean;

  /**
   * Block requests from anonymizing services (VPNs, proxies, Tor, hosting providers):
   * `AWSManagedRulesAnonymousIpList`. Off by default, since it also blocks legitimate users behind
   * such services.
   *
   * @default false
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-ip-rep.html
   */
  readonly blockAnonymousIps?: boolean;

  /**
   * Ask for a CAPTCHA on managed login's pages that sign in or send codes (`/login`, `/signup`,
   * `/confirm...`, `/forgotPassword`, `/resendcode`). API callers (your app's SDK calls)
   * cannot answer a CAPTCHA, so the rule applies to managed login only; it leaves TOTP registration
   * (`AssociateSoftwareToken`, `VerifySoftwareToken`) alone, which a CAPTCHA breaks.
   *
   * @default false
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html#totp-waf
   */
  readonly captcha?: boolean;

  /**
   * How long WAF's log of blocked requests is kept. The log group is named `aws-waf-logs-...`, as
   * WAF requires.
   *
   * @default logs.RetentionDays.ONE_YEAR
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html
   */
  readonly logRetention?: logs.RetentionDays;

  /**
   * The month-to-date SMS spend of the account, in US dollars, at which the SMS spend alarm goes off.
   * A pool that sends SMS gets the alarm with abuse protection, without asking: on Amazon SNS's
   * `SMSMonthToDateSpentUSD` on the SNS path, on End User Messaging's `TextMessageMonthlySpend` on
   * the direct path (both account-wide, published in the Region that sends). It has no action of its
   * own: `addAlarms()` makes it notify the alarm topic. It stays in alarm until the month's spend
   * starts again from zero, so set it above your normal monthly SMS spend.
   *
   * @default 50
   * @see https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/monitoring-cloudwatch.html
   */
  readonly smsSpendAlarmUsd?: number;

  /**
   * The destination countries Cognito may send SMS codes to; messages to every other country are
   * blocked (or filtered or monitored: `otherCountries`). Built as an End User Messaging protect
   * configuration on a configuration set this library creates and names in the pool's SMS
   * configuration, so it needs the direct path (`SmsMfa.withEndUserMessaging()` or
   * `withEndUserMessagingRole()`): on the Amazon SNS path Cognito applies only the account's
   * default protect configuration, which CloudFormation cannot set. Independent of the web ACL, so
   * it combines with `webAclArn`.
   *
   * @default - no country rules: every country End User Messaging serves is allowed
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/protect.html
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html
   */
  readonly smsCountries?: SmsCountryRules;
}

/**
 * What End User Messaging does with an SMS to a country the rules do not allow.
 *
 * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/filter-and-monitor-messages.html
 */
export enum SmsCountryAction {
  /** Block every message to the country. */
  BLOCK = 'BLOCK',
  /**
   * Send, and block the messages End User Messaging's model flags as artificially inflated traffic
   * (charged per message on top of the SMS price; its accuracy is not guaranteed).
   */
  FILTER = 'FILTER',
  /**
   * Send every message, and report the ones flagged as artificially inflated traffic in metrics and
   * events (charged per message on top of the SMS price).
   */
  MONITOR = 'MONITOR',
}

/**
 * Country rules for the SMS codes Cognito sends: an End User Messaging protect configuration.
 *
 * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/protect.html
 *
 * @example
 * new MfaUserPool(this, 'Users', {
 *   mfa: MfaEnforcement.OPTIONAL,
 *   sms: SmsMfa.withEndUserMessaging(),
 *   abuseProtection: { smsCountries: { allow: ['US', 'CA'] } },
 * });
 */
export interface SmsCountryRules {
  /**
   * The destination countries allowed, as ISO 3166-1 alpha-2 codes in capitals (`US`, `GB`, not
   * `UK`). Messages to these countries are sent.
   */
  readonly allow: string[];

  /**
   * What happens to messages to every other country. The protect configuration lists each of the
   * 249 ISO 3166-1 codes, since End User Messaging allows any code it does not list.
   *
   * @default SmsCountryAction.BLOCK
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/filter-and-monitor-messages.html
   */
  readonly otherCountries?: SmsCountryAction;

  /**
   * The name of the End User Messaging configuration set this library creates for the pool: 1 to
   * 64 letters, digits, `_` and `-`. The name must be new in the account and Region.
   *
   * @default - a name derived from the construct path, unique in the stack
   * @see https://docs.aws.amazon.com/sms-voice/latest/userguide/configuration-sets.html
   */
  readonly configurationSetName?: string;
}
