import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';

/**
 * Where Cognito delivers the pool's logs: CloudWatch Logs log groups that this library creates.
 *
 * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html
 */
export interface LogDeliveryOptions {
  /**
   * Deliver message delivery errors (`userNotification`, level ERROR: SMS and email that Cognito
   * could not send) to a log group, with a metric filter that counts them.
   *
   * @default - true when the pool sends codes by SMS or email (an SMS configuration, the email
   * factor or the email OTP first factor), false otherwise
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html
   */
  readonly messageDeliveryErrors?: boolean;

  /**
   * Deliver user authentication events (`userAuthEvents`, level INFO: every sign-in with its
   * risk assessment) to a second log group. Cognito exports them only while threat protection is
   * on (the PLUS feature plan).
   *
   * @default false
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html
   */
  readonly userAuthEvents?: boolean;

  /**
   * How long the log groups keep events.
   *
   * @default logs.RetentionDays.ONE_YEAR
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/Working-with-log-groups-and-streams.html
   */
  readonly retention?: logs.RetentionDays;
}

/**
 * Options for the pool's metric methods that return a `cloudwatch.Metric`.
 *
 * This library's own struct rather than `cloudwatch.MetricOptions`: Python bindings expand an
 * options struct into keyword arguments as the struct stood in the aws-cdk-lib this library was
 * built with, so a field added to `MetricOptions` later would break every caller on an older
 * aws-cdk-lib.
 */
export interface PoolMetricOptions {
  /**
   * The period over which the statistic is computed.
   *
   * @default Duration.minutes(5)
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_concepts.html#CloudWatchPeriods
   */
  readonly period?: Duration;

  /**
   * The statistic, for example `Sum`, `Average`, `Maximum` or `p99`.
   *
   * @default - the statistic the method documents
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
   */
  readonly statistic?: string;

  /**
   * The label in graphs and alarms.
   *
   * @default - the metric name
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph-dynamic-labels.html
   */
  readonly label?: string;

  /**
   * The color in graphs, as a hex string such as `#ff7f0e`.
   *
   * @default - automatic
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph_metrics.html
   */
  readonly color?: string;
}

/**
 * Options for the pool's metric methods that return a Metrics Insights query
 * (`cloudwatch.MathExpression`). Its own struct for the reason given on `PoolMetricOptions`.
 */
export interface PoolQueryOptions {
  /**
   * The period of each data point.
   *
   * @default Duration.minutes(5)
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
   */
  readonly period?: Duration;

  /**
   * The label in graphs and alarms.
   *
   * @default - a label naming the metric
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph-dynamic-labels.html
   */
  readonly label?: string;

  /**
   * The color in graphs, as a hex string such as `#ff7f0e`.
   *
   * @default - automatic
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/graph_metrics.html
   */
  readonly color?: string;
}

/** A risk level that threat protection assigns to a sign-in. */
export enum RiskLevel {
  /** High risk. */
  HIGH = 'HIGH',
  /** Medium risk. */
  MEDIUM = 'MEDIUM',
  /** Low risk. */
  LOW = 'LOW',
}

/**
 * Options for `MfaUserPool.addAlarms()`. Only the alarms that the pool's configuration makes
 * meaningful are created; every threshold and period has a default.
 */
export interface MfaAlarmOptions {
  /**
   * Where the alarms send their notifications.
   *
   * @default - a topic created for them, encrypted with a KMS key of its own (CloudWatch can
   * publish to it) and accepting only TLS
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
   */
  readonly alarmTopic?: sns.ITopic;

  /**
   * The account's monthly SMS spend limit in USD, as set in Amazon SNS (or AWS End User
   * Messaging). With it, an alarm fires when the month-to-date SMS spend passes
   * `smsSpendAlarmPercent` of it; without it, no spend alarm is created (and a warning says so).
   *
   * @default - no SMS spend alarm
   * @see https://docs.aws.amazon.com/sns/latest/dg/sms_preferences.html
   */
  readonly smsMonthlySpendLimitUsd?: number;

  /**
   * The share of `smsMonthlySpendLimitUsd`, in percent, at which the spend alarm fires.
   *
   * @default 80
   * @see https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html
   */
  readonly smsSpendAlarmPercent?: number;

  /**
   * The SMS delivery success rate (0 to 1) below which the SMS success alarm fires.
   *
   * @default 0.9
   * @see https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html
   */
  readonly smsSuccessRateThreshold?: number;

  /**
   * Sign-in throttles across all clients in one period at which the throttle alarm fires.
   *
   * @default 1
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/metrics-for-cognito-user-pools.html
   */
  readonly signInThrottlesThreshold?: number;

  /**
   * High-risk account-takeover detections in one period at which that alarm fires.
   *
   * @default 1
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-viewing-advanced-security-metrics.html
   */
  readonly highRiskThreshold?: number;

  /**
   * Compromised-credential detections in one period at which that alarm fires.
   *
   * @default 1
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-viewing-advanced-security-metrics.html
   */
  readonly compromisedCredentialsThreshold?: number;

  /**
   * Message delivery errors (from the delivered logs) in one period at which that alarm fires.
   *
   * @default 1
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-cognito-logdeliveryconfiguration.html
   */
  readonly deliveryErrorsThreshold?: number;

  /**
   * Requests the pool's web ACL blocked in one period at which that alarm fires. Blocks are
   * expected (the IP reputation list blocks known bots all day): the alarm is for a surge, such
   * as an SMS pumping run meeting the rate limits.
   *
   * @default 100
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html
   */
  readonly webAclBlockedRequestsThreshold?: number;

  /**
   * The period every alarm evaluates.
   *
   * @default Duration.minutes(5)
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html
   */
  readonly period?: Duration;
}

/** The alarms `MfaUserPool.addAlarms()` created, and where they notify. */
export interface MfaAlarms {
  /** The topic the alarms notify. */
  readonly alarmTopic: sns.ITopic;
  /** Every alarm created, for dashboards or composite alarms. */
  readonly alarms: cloudwatch.IAlarm[];
}

/**
 * Options for `MfaUserPool.addDashboard()`.
 */
export interface MfaDashboardOptions {
  /**
   * The dashboard's name.
   *
   * @default - a name CloudFormation generates
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Dashboards.html
   */
  readonly dashboardName?: string;

  /**
   * The time range the dashboard opens with.
   *
   * @default Duration.hours(3)
   * @see https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Dashboards.html
   */
  readonly defaultInterval?: Duration;
}
