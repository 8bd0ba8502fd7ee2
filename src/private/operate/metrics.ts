import { Duration, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { PoolMetricOptions, PoolQueryOptions, RiskLevel } from '../../operations';
import { DELIVERY_ERRORS_NAMESPACE, LogDeliveryBinding } from '../build/log-delivery';
import type { WebAclBinding } from '../build/web-acl';
import { SmsSpec } from '../sms-spec';

/**
 * The pool's metrics, where each comes from:
 *
 * - `AWS/Cognito` sign-in and token-refresh metrics are published per app client, with the
 *   dimensions `UserPool` and `UserPoolClient` ("published per user pool per user pool client"):
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/metrics-for-cognito-user-pools.html
 *   A metric for every client of the pool is a CloudWatch Metrics Insights query, which alarms
 *   accept (a SEARCH expression would not be):
 *   https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-querylanguage.html
 * - Threat protection publishes `AccountTakeoverRisk` and `CompromisedCredentialRisk` with the
 *   dimensions `Operation`, `UserPoolId` and `RiskLevel` (high, medium, low); the guide does not
 *   list the Operation values, so the queries sum over every operation:
 *   https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-viewing-advanced-security-metrics.html
 * - AWS WAF publishes `BlockedRequests` in `AWS/WAFV2` with the dimensions `WebACL` (the web ACL's
 *   metric name, `VisibilityConfig.MetricName`: "A name of the Amazon CloudWatch metric
 *   dimension"), `Region` and `Rule` (`ALL` for every rule of the web ACL):
 *   https://docs.aws.amazon.com/waf/latest/developerguide/waf-metrics.html
 *   https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-properties-wafv2-webacl-visibilityconfig.html
 * - Amazon SNS publishes SMS spend (`SMSMonthToDateSpentUSD`, no dimension) and the delivery
 *   success rate (`SMSSuccessRate`) for the whole account:
 *   https://docs.aws.amazon.com/sns/latest/dg/sms_stats_cloudwatch.html
 * - End User Messaging publishes the account's monthly SMS spend (`TextMessageMonthlySpend`, in
 *   `AWS/SMSVoice`, among the "Account Metrics", no dimension) once its service-linked role exists;
 *   the guide advises an alarm on it:
 *   https://docs.aws.amazon.com/sms-voice/latest/userguide/monitoring-cloudwatch.html
 */
/**
 * What the pool's configuration tells its metric methods, alarms and dashboard: built once by the
 * construct, read by `alarms.ts` and `dashboard.ts`.
 */
export interface PoolOperations {
  readonly metrics: PoolMetrics;
  /** The pool sends SMS through Amazon SNS (SNS metrics describe its SMS). */
  readonly smsThroughSns: boolean;
  /** The Region SNS sends the pool's SMS from (and publishes the SMS metrics in), when `snsRegion` names one. */
  readonly smsMetricsRegion?: string;
  /** The SMS metrics are provably in the stack's Region, so an alarm here can watch them. */
  readonly smsMetricsHere: boolean;
  /** The pool sends SMS through End User Messaging directly (SNS metrics do not see it). */
  readonly smsThroughEndUserMessaging: boolean;
  readonly threatProtection: boolean;
  /** The delivery-error metric from the delivered logs, when they are delivered. */
  readonly deliveryErrors?: cloudwatch.Metric;
  /** The requests the created web ACL blocked, when this library created one (`abuseProtection`). */
  readonly webAclBlocked?: cloudwatch.Metric;
}

/** The options that were given: an explicit `undefined` must not replace a default. */
export function given<T extends object>(props: T): Partial<T> {
  return Object.fromEntries(Object.entries(props).filter(([, value]) => value !== undefined)) as Partial<T>;
}

export class PoolMetrics {
  constructor(private readonly userPoolId: string) {}

  /** One client's metric, as Cognito publishes it. */
  public client(metricName: string, clientId: string, statistic: string, props: PoolMetricOptions = {}): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: 'AWS/Cognito',
      metricName,
      statistic,
      period: Duration.minutes(5),
      ...given(props),
      dimensionsMap: { UserPool: this.userPoolId, UserPoolClient: clientId },
    });
  }

  /** A client metric summed over every client of the pool. */
  public allClients(metricName: string, props: PoolQueryOptions = {}): cloudwatch.MathExpression {
    return this.query(`SELECT SUM(${metricName}) FROM SCHEMA("AWS/Cognito", UserPool, UserPoolClient) WHERE UserPool = '${this.userPoolId}'`,
      `${metricName} (all clients)`, props);
  }

  /** Account-takeover detections at one risk level, over every operation. */
  public accountTakeoverRisk(level: RiskLevel, props: PoolQueryOptions = {}): cloudwatch.MathExpression {
    // The dimension values as the guide writes them: high, medium, low. A Metrics Insights WHERE
    // clause joins conditions with AND only, so one spelling is all a query can name.
    const lower = level.toLowerCase();
    return this.query('SELECT SUM(AccountTakeoverRisk) FROM SCHEMA("AWS/Cognito", Operation, RiskLevel, UserPoolId) '
      + `WHERE UserPoolId = '${this.userPoolId}' AND RiskLevel = '${lower}'`, `AccountTakeoverRisk ${lower}`, props);
  }

  /** Compromised-credential detections, over every operation and level. */
  public compromisedCredentialRisk(props: PoolQueryOptions = {}): cloudwatch.MathExpression {
    return this.query('SELECT SUM(CompromisedCredentialRisk) FROM SCHEMA("AWS/Cognito", Operation, RiskLevel, UserPoolId) '
      + `WHERE UserPoolId = '${this.userPoolId}'`, 'CompromisedCredentialRisk', props);
  }

  private query(expression: string, label: string, props: cloudwatch.MathExpressionOptions): cloudwatch.MathExpression {
    return new cloudwatch.MathExpression({ expression, usingMetrics: {}, label, period: Duration.minutes(5), ...given(props) });
  }
}

/** The count of message delivery errors that the delivery-error metric filter writes. */
export function deliveryErrorsMetric(namespace: string, metricName: string): cloudwatch.Metric {
  return new cloudwatch.Metric({ namespace, metricName, statistic: 'Sum', period: Duration.minutes(5) });
}

/** The requests a regional web ACL blocked, over all its rules, by the web ACL's metric name. */
export function webAclBlockedMetric(webAclMetricName: string, region: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/WAFV2',
    metricName: 'BlockedRequests',
    statistic: 'Sum',
    period: Duration.minutes(5),
    dimensionsMap: { WebACL: webAclMetricName, Region: region, Rule: 'ALL' },
  });
}

/** The account's month-to-date SMS spend through Amazon SNS, in USD, in the Region SNS sends from. */
export function smsSpendMetric(props: PoolMetricOptions = {}, region?: string): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/SNS', metricName: 'SMSMonthToDateSpentUSD', statistic: 'Maximum', period: Duration.minutes(5), ...given(props), region,
  });
}

/** The account's month-to-date SMS spend through End User Messaging directly, in USD, in the pool's Region. */
export function eumsSpendMetric(props: PoolMetricOptions = {}): cloudwatch.Metric {
  return new cloudwatch.Metric({
    namespace: 'AWS/SMSVoice', metricName: 'TextMessageMonthlySpend', statistic: 'Maximum', period: Duration.minutes(5), ...given(props),
  });
}

/** The account's SMS delivery success rate through Amazon SNS (0 to 1), over every country and SMS type. */
export function smsSuccessRateMetric(props: PoolQueryOptions = {}): cloudwatch.MathExpression {
  return new cloudwatch.MathExpression({
    expression: 'SELECT AVG(SMSSuccessRate) FROM "AWS/SNS"', usingMetrics: {}, label: 'SMSSuccessRate', period: Duration.minutes(5), ...given(props),
  });
}

/**
 * What the pool's configuration tells its metric methods, alarms and dashboard.
 *
 * @param sms the SMS configuration of the pool (or of the replica, in its Region)
 * @param region the stack's Region, or undefined when it is a token
 * @param stackRegion the stack's Region, token or not (the web ACL metric's dimension)
 */
export function poolOperations(
  userPoolId: string, sms: SmsSpec | undefined, threatProtection: boolean, region: string | undefined, stackRegion: string,
  delivered: LogDeliveryBinding, waf: WebAclBinding | undefined,
): PoolOperations {
  const smsThroughSns = sms !== undefined && sms.eums === undefined;
  const snsRegion = smsThroughSns ? sms.snsRegion : undefined;
  return {
    metrics: new PoolMetrics(userPoolId),
    smsThroughSns,
    smsMetricsRegion: snsRegion,
    // SNS publishes the SMS metrics where it sends: here unless snsRegion names another Region.
    smsMetricsHere: snsRegion === undefined || (region !== undefined && !Token.isUnresolved(snsRegion) && snsRegion === region),
    smsThroughEndUserMessaging: sms?.eums !== undefined,
    threatProtection,
    deliveryErrors: delivered.deliveryErrorsMetricName === undefined ? undefined
      : deliveryErrorsMetric(DELIVERY_ERRORS_NAMESPACE, delivered.deliveryErrorsMetricName),
    webAclBlocked: waf?.metricName === undefined ? undefined : webAclBlockedMetric(waf.metricName, stackRegion),
  };
}
