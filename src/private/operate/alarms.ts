import { Duration, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AdvisoryRule } from '../context';
import { refuse } from '../errors';
import { eumsSpendMetric, PoolOperations, smsSpendMetric, smsSuccessRateMetric } from './metrics';
import { MfaAlarmOptions, MfaAlarms, RiskLevel } from '../../operations';
import { RULES } from '../rules';

/** The pool's operations facts, and what the alarms need besides: the path for messages, a way to warn. */
export interface AlarmFacts extends PoolOperations {
  readonly path: string;
  /** Leaves one of the catalog's advisories on the pool. */
  readonly warn: (rule: AdvisoryRule, message: string) => void;
}

/** Adds one alarm that notifies the topic. */
type AddAlarm = (id: string, metric: cloudwatch.IMetric, threshold: number, op: cloudwatch.ComparisonOperator, description: string) => void;

/** Checks the options that have a range; tokens pass. */
function checkOptions(facts: AlarmFacts, o: MfaAlarmOptions): void {
  const check = (prop: keyof MfaAlarmOptions, ok: (n: number) => boolean, rule: string) => {
    const value = o[prop] as number | undefined;
    if (value !== undefined && !Token.isUnresolved(value) && !ok(value)) {
      throw refuse(facts.path, RULES.alarmOption, `addAlarms(${prop})`, rule, value, `Give ${prop} ${rule.replace(/^must be /, 'as ')}, or leave it out for the default.`);
    }
  };
  for (const prop of ['smsMonthlySpendLimitUsd', 'smsSpendAlarmPercent'] as const) {
    if (o[prop] !== undefined && Token.isUnresolved(o[prop])) {
      throw refuse(facts.path, RULES.alarmOption, `addAlarms(${prop})`, 'must be known at synth time: the spend threshold is computed from it', o[prop],
        `Give ${prop} as a number.`);
    }
  }
  check('smsMonthlySpendLimitUsd', n => n > 0, 'must be more than 0');
  check('smsSpendAlarmPercent', n => n > 0 && n <= 100, 'must be more than 0 and at most 100');
  check('smsSuccessRateThreshold', n => n > 0 && n <= 1, 'must be more than 0 and at most 1');
  for (const prop of ['signInThrottlesThreshold', 'highRiskThreshold', 'compromisedCredentialsThreshold', 'deliveryErrorsThreshold', 'webAclBlockedRequestsThreshold'] as const) {
    check(prop, n => n >= 1, 'must be at least 1');
  }
  const period = o.period;
  if (period && !period.isUnresolved() && (period.toSeconds() < 60 || period.toSeconds() % 60 !== 0)) {
    throw refuse(facts.path, RULES.alarmOption, 'addAlarms(period)', 'must be a whole number of minutes, at least 1', period.toHumanString(),
      'Use Duration.minutes(n).');
  }
  if (o.smsMonthlySpendLimitUsd !== undefined && !facts.smsThroughSns) {
    throw refuse(facts.path, RULES.alarmSpendIgnored, 'addAlarms(smsMonthlySpendLimitUsd)', facts.smsThroughEndUserMessaging
      ? 'would be ignored: the pool sends SMS through End User Messaging directly, whose spend Amazon SNS does not report'
      : 'would be ignored: the pool sends no SMS', o.smsMonthlySpendLimitUsd, facts.smsThroughEndUserMessaging
      ? 'Remove it, and watch spend with End User Messaging\'s own spend limit and the configuration set\'s events.'
      : 'Remove it.');
  }
  if (o.smsMonthlySpendLimitUsd !== undefined && !facts.smsMetricsHere) {
    throw refuse(facts.path, RULES.smsAlarmsInOtherRegion, 'addAlarms(smsMonthlySpendLimitUsd)',
      `would create an alarm that can never fire: Amazon SNS publishes the SMS spend in ${smsRegionText(facts)}, and a CloudWatch alarm watches metrics of its own Region only`,
      o.smsMonthlySpendLimitUsd, `Remove it here, and create the alarm in a stack of ${literalSmsRegion(facts) ?? 'that Region'} `
      + 'on pool.metricSmsMonthToDateSpend() (README, "SMS alarms when SNS sends from another Region"). In an environment-agnostic stack, give the stack an env.');
  }
}

/** The Region SNS publishes the pool's SMS metrics in, when it is known at synth time. */
function literalSmsRegion(facts: AlarmFacts): string | undefined {
  const region = facts.smsMetricsRegion;
  return region === undefined || Token.isUnresolved(region) ? undefined : region;
}

/** Where SNS publishes the pool's SMS metrics, for messages. */
function smsRegionText(facts: AlarmFacts): string {
  const region = literalSmsRegion(facts);
  return region === undefined ? 'the Region sms.snsRegion names, which cannot be compared with the stack\'s here'
    : `${region} (sms.snsRegion), which cannot be shown to be the stack's Region`;
}

/**
 * The alarms for the pool as configured: each only where the configuration makes it meaningful,
 * each with a description of what to do, each notifying the topic.
 */
export function buildAlarms(scope: Construct, facts: AlarmFacts, o: MfaAlarmOptions): MfaAlarms {
  checkOptions(facts, o);
  const alarmTopic = o.alarmTopic ?? createAlarmTopic(scope);
  const period = o.period ?? Duration.minutes(5);
  const alarms: cloudwatch.Alarm[] = [];
  const add: AddAlarm = (id, metric, threshold, comparisonOperator, alarmDescription) => {
    const alarm = new cloudwatch.Alarm(scope, id, {
      metric,
      threshold,
      comparisonOperator,
      alarmDescription,
      evaluationPeriods: 1,
      // No data means nothing happened (no throttles, no risky sign-in, no SMS sent).
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(new actions.SnsAction(alarmTopic));
    alarms.push(alarm);
  };
  const atLeast = cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD;

  add('SignInThrottlesAlarm', facts.metrics.allClients('SignInThrottles', { period }), o.signInThrottlesThreshold ?? 1, atLeast,
    'Cognito throttled sign-ins to this user pool: users cannot sign in. Check the account\'s UserAuthentication request rate quota '
    + '(Service Quotas, Amazon Cognito user pools) and request an increase, or find the client that retries too fast.');
  if (facts.threatProtection) {
    add('HighRiskAlarm', facts.metrics.accountTakeoverRisk(RiskLevel.HIGH, { period }), o.highRiskThreshold ?? 1, atLeast,
      'Threat protection scored sign-ins to this user pool as high-risk account takeover. Review the users\' auth events '
      + '(AdminListUserAuthEvents), give feedback on false positives (AdminUpdateAuthEventFeedback), and reset the passwords of accounts taken over.');
    add('CompromisedCredentialsAlarm', facts.metrics.compromisedCredentialRisk({ period }), o.compromisedCredentialsThreshold ?? 1, atLeast,
      'Threat protection found passwords known to be leaked elsewhere in requests to this user pool. Make sure compromised '
      + 'credentials are blocked (adaptiveAuthentication), and ask the affected users to change their passwords.');
  }
  if (facts.smsThroughSns && facts.smsMetricsHere) {
    smsAlarms(o, period, add, facts);
  } else if (facts.smsThroughSns) {
    facts.warn(RULES.smsMetricsInOtherRegion, `addAlarms: no SMS alarm is created here, because Amazon SNS publishes the SMS metrics in ${smsRegionText(facts)}. `
      + 'Create the SMS spend and success-rate alarms in a stack of that Region, on pool.metricSmsMonthToDateSpend() and pool.metricSmsSuccessRate().');
  }
  if (facts.deliveryErrors) {
    add('DeliveryErrorsAlarm', facts.deliveryErrors.with({ period }), o.deliveryErrorsThreshold ?? 1, atLeast,
      'Cognito could not deliver SMS or email codes for this user pool: users cannot complete MFA or verification. Read the '
      + 'delivery error log group for the cause (SMS sandbox, spend limit, origination identity, SES sending limits).');
  }
  if (facts.webAclBlocked) {
    add('WebAclBlockedRequestsAlarm', facts.webAclBlocked.with({ period }), o.webAclBlockedRequestsThreshold ?? 100, atLeast,
      'AWS WAF blocked a surge of requests to this user pool: SMS pumping, sign-up bots or password spraying may be under way. Read the WAF log group '
      + '(aws-waf-logs-...) for the rules and addresses, check the SMS spend, and tighten abuseProtection (lower limits, CAPTCHA, country rules) if codes still go out.');
  }
  return { alarmTopic, alarms };
}

function smsAlarms(o: MfaAlarmOptions, period: Duration, add: AddAlarm, facts: AlarmFacts): void {
  if (o.smsMonthlySpendLimitUsd !== undefined) {
    const percent = o.smsSpendAlarmPercent ?? 80;
    add('SmsSpendAlarm', smsSpendMetric({ period }), Math.round(o.smsMonthlySpendLimitUsd * percent) / 100,
      cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      `This account's SMS spend this month passed ${percent}% of its monthly SMS spend limit: at the limit, Amazon SNS stops sending, `
      + 'and SMS MFA codes stop arriving. A sudden rise is the signature of SMS pumping fraud: check which countries the SMS go to, '
      + 'limit them, then raise the spend limit if the traffic is real.');
  } else {
    facts.warn(RULES.smsSpendNotAlarmed, 'addAlarms: the pool sends SMS, but without smsMonthlySpendLimitUsd no alarm watches SMS spend '
      + '(SMS pumping fraud). Pass the account\'s monthly SMS spend limit to get one.');
  }
  add('SmsSuccessRateAlarm', smsSuccessRateMetric({ period }), o.smsSuccessRateThreshold ?? 0.9, cloudwatch.ComparisonOperator.LESS_THAN_THRESHOLD,
    'Fewer SMS than expected reached phones in this account (Amazon SNS SMS success rate): SMS MFA codes may not arrive. Check the SNS '
    + 'delivery status logs, the SMS sandbox and spend limit, and the countries that fail.');
}

/**
 * A topic for the alarms: encrypted with a customer managed key, because CloudWatch cannot
 * publish to a topic encrypted with the AWS managed key for SNS (its key policy cannot be
 * changed to let CloudWatch use it), and accepting only TLS.
 * https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html#compatibility-with-aws-services
 */
function createAlarmTopic(scope: Construct): sns.Topic {
  const key = new kms.Key(scope, 'AlarmTopicKey', {
    description: 'Encrypts the topic of the MFA user pool alarms',
    enableKeyRotation: true,
  });
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'CloudWatchAlarmsPublish',
    principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
    actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
    resources: ['*'],
    conditions: { StringEquals: { 'aws:SourceAccount': Stack.of(scope).account } },
  }));
  return new sns.Topic(scope, 'AlarmTopic', { masterKey: key, enforceSSL: true });
}

/**
 * The SMS spend alarm that comes with abuse protection on a pool that sends SMS, on the spend
 * metric of the path the pool sends through; none when SNS sends from another Region (an alarm
 * there could never fire: said in an advisory). No action: `addAlarms()` adds its topic.
 */
export function addSmsSpendAlarm(scope: Construct, facts: AlarmFacts, thresholdUsd: number): cloudwatch.Alarm | undefined {
  if (facts.smsThroughSns && !facts.smsMetricsHere) {
    facts.warn(RULES.smsMetricsInOtherRegion, `abuseProtection: no SMS spend alarm is created here, because Amazon SNS publishes the SMS spend in ${smsRegionText(facts)}. `
      + 'Create it in a stack of that Region, on pool.metricSmsMonthToDateSpend().');
    return undefined;
  }
  const direct = facts.smsThroughEndUserMessaging;
  return new cloudwatch.Alarm(scope, 'SmsSpendAlarm', {
    metric: direct ? eumsSpendMetric() : smsSpendMetric(),
    threshold: thresholdUsd,
    comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
    evaluationPeriods: 1,
    // The spend metrics are published around sends only.
    treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
    alarmDescription: `This account's SMS spend this month reached ${thresholdUsd} USD (abuseProtection.smsSpendAlarmUsd). A sudden rise is the signature of SMS `
      + 'pumping: read the WAF log of the pool\'s web ACL for the addresses and rules, check which countries the SMS went to, and tighten abuseProtection '
      + '(codeRequestsAllIps, callerCountries, captcha, country rules).'
      + (direct ? ' End User Messaging publishes the metric only once its service-linked role exists (the End User Messaging SMS guide, Monitoring with CloudWatch).' : ''),
  });
}
