import { App, Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { MfaAlarmOptions } from '../../src';
import { AlarmFacts, buildAlarms } from '../../src/private/operate/alarms';
import { PoolMetrics, webAclBlockedMetric } from '../../src/private/operate/metrics';

/** The alarm decisions, on facts given directly (no pool). */
function alarms(facts: Partial<AlarmFacts>, options: MfaAlarmOptions = {}) {
  const stack = new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
  const warnings: string[] = [];
  const built = buildAlarms(new Construct(stack, 'Alarms'), {
    metrics: new PoolMetrics('pool-id'),
    smsThroughSns: false,
    smsThroughEndUserMessaging: false,
    smsMetricsHere: true,
    threatProtection: false,
    path: 'S/Users',
    warn: (rule, message) => warnings.push(`${rule.id}: ${message}`),
    ...facts,
  }, options);
  const byId = Object.fromEntries(Object.entries<any>(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'))
    .map(([id, a]) => [id.replace(/^Alarms/, '').replace(/[0-9A-F]{8}$/, ''), a.Properties]));
  return { built, byId, warnings, stack };
}
const SNS = { smsThroughSns: true };

describe('alarm decisions', () => {
  test('the web ACL alarm with the created web ACL: blocked requests of all its rules, at least 100 by default', () => {
    const webAclBlocked = webAclBlockedMetric('S-Users-ABCD1234', 'us-east-1');
    const { byId } = alarms({ webAclBlocked });
    expect(Object.keys(byId).sort()).toEqual(['SignInThrottlesAlarm', 'WebAclBlockedRequestsAlarm']);
    expect(byId.WebAclBlockedRequestsAlarm).toMatchObject({
      Namespace: 'AWS/WAFV2',
      MetricName: 'BlockedRequests',
      Statistic: 'Sum',
      Period: 300,
      Dimensions: [{ Name: 'Region', Value: 'us-east-1' }, { Name: 'Rule', Value: 'ALL' }, { Name: 'WebACL', Value: 'S-Users-ABCD1234' }],
      Threshold: 100,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(byId.WebAclBlockedRequestsAlarm.AlarmDescription).toMatch(/^AWS WAF blocked a surge of requests to this user pool: SMS pumping/);
    expect(alarms({ webAclBlocked }, { webAclBlockedRequestsThreshold: 500, period: Duration.minutes(1) }).byId.WebAclBlockedRequestsAlarm)
      .toMatchObject({ Threshold: 500, Period: 60 });
  });

  test.each([[0, true], [0.5, true], [1, false]])('a web ACL threshold of %p is refused: %p', (threshold, refused) => {
    const run = () => alarms({ webAclBlocked: webAclBlockedMetric('M', 'us-east-1') }, { webAclBlockedRequestsThreshold: threshold });
    if (refused) {
      expect(run).toThrow(/addAlarms\(webAclBlockedRequestsThreshold\) must be at least 1/);
    } else {
      expect(run).not.toThrow();
    }
  });

  test('the sign-in throttle alarm always; risk alarms with threat protection; SMS alarms with SNS; delivery errors with the logs', () => {
    expect(Object.keys(alarms({}).byId)).toEqual(['SignInThrottlesAlarm']);
    expect(Object.keys(alarms({ threatProtection: true }).byId).sort()).toEqual(['CompromisedCredentialsAlarm', 'HighRiskAlarm', 'SignInThrottlesAlarm']);
    expect(Object.keys(alarms(SNS, { smsMonthlySpendLimitUsd: 10 }).byId).sort()).toEqual(['SignInThrottlesAlarm', 'SmsSpendAlarm', 'SmsSuccessRateAlarm']);
    const deliveryErrors = new cloudwatch.Metric({ namespace: 'N', metricName: 'M' });
    expect(Object.keys(alarms({ deliveryErrors }).byId).sort()).toEqual(['DeliveryErrorsAlarm', 'SignInThrottlesAlarm']);
  });

  test('defaults: thresholds 1, 80% of the spend limit rounded to cents, 0.9 success, 5 minutes, missing data not breaching, one period', () => {
    const { byId } = alarms({ ...SNS, threatProtection: true }, { smsMonthlySpendLimitUsd: 12.34 });
    expect(byId.SmsSpendAlarm).toMatchObject({ Threshold: 9.87, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Period: 300, EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
    expect(byId.SmsSuccessRateAlarm).toMatchObject({ Threshold: 0.9, ComparisonOperator: 'LessThanThreshold' });
    for (const id of ['SignInThrottlesAlarm', 'HighRiskAlarm', 'CompromisedCredentialsAlarm']) {
      expect(byId[id]).toMatchObject({ Threshold: 1, ComparisonOperator: 'GreaterThanOrEqualToThreshold', EvaluationPeriods: 1, TreatMissingData: 'notBreaching' });
      expect(byId[id].Metrics[0].Period).toBe(300);
    }
  });

  test('options set thresholds, percent and period', () => {
    const { byId } = alarms({ ...SNS, threatProtection: true }, {
      smsMonthlySpendLimitUsd: 200,
      smsSpendAlarmPercent: 50,
      smsSuccessRateThreshold: 0.5,
      signInThrottlesThreshold: 3,
      highRiskThreshold: 4,
      compromisedCredentialsThreshold: 5,
      period: Duration.minutes(10),
    });
    expect([byId.SmsSpendAlarm.Threshold, byId.SmsSpendAlarm.Period, byId.SmsSuccessRateAlarm.Threshold]).toEqual([100, 600, 0.5]);
    expect([byId.SignInThrottlesAlarm.Threshold, byId.HighRiskAlarm.Threshold, byId.CompromisedCredentialsAlarm.Threshold]).toEqual([3, 4, 5]);
    expect(byId.SignInThrottlesAlarm.Metrics[0].Period).toBe(600);
  });

  test.each([
    [{ smsMonthlySpendLimitUsd: 0 }, 'addAlarms(smsMonthlySpendLimitUsd) must be more than 0 (received: 0). Give smsMonthlySpendLimitUsd as more than 0, or leave it out for the default.'],
    [{ smsMonthlySpendLimitUsd: 1, smsSpendAlarmPercent: 0 }, 'addAlarms(smsSpendAlarmPercent) must be more than 0 and at most 100 (received: 0).'],
    [{ smsMonthlySpendLimitUsd: 1, smsSpendAlarmPercent: 100.5 }, 'addAlarms(smsSpendAlarmPercent) must be more than 0 and at most 100 (received: 100.5).'],
    [{ smsSuccessRateThreshold: 0 }, 'addAlarms(smsSuccessRateThreshold) must be more than 0 and at most 1 (received: 0).'],
    [{ smsSuccessRateThreshold: 1.01 }, 'addAlarms(smsSuccessRateThreshold) must be more than 0 and at most 1 (received: 1.01).'],
    [{ signInThrottlesThreshold: 0.5 }, 'addAlarms(signInThrottlesThreshold) must be at least 1 (received: 0.5).'],
    [{ compromisedCredentialsThreshold: 0 }, 'addAlarms(compromisedCredentialsThreshold) must be at least 1'],
    [{ deliveryErrorsThreshold: 0 }, 'addAlarms(deliveryErrorsThreshold) must be at least 1'],
    [{ period: Duration.seconds(30) }, 'addAlarms(period) must be a whole number of minutes, at least 1 (received: "30 seconds"). Use Duration.minutes(n).'],
    [{ period: Duration.seconds(90) }, 'addAlarms(period) must be a whole number of minutes, at least 1 (received: "1 minute 30 seconds").'],
  ])('%j is refused', (options, message) => {
    expect(() => alarms(SNS, options)).toThrow(`[MfaUserPool S/Users] ${message}`);
  });

  test('the limits themselves pass', () => {
    const limits = {
      smsMonthlySpendLimitUsd: 0.01, smsSpendAlarmPercent: 100, smsSuccessRateThreshold: 1, highRiskThreshold: 1, period: Duration.minutes(1),
    };
    expect(() => alarms(SNS, limits)).not.toThrow();
  });

  test('the spend limit and percent must be numbers at synth; other thresholds may be tokens', () => {
    const n = Lazy.number({ produce: () => 5 });
    expect(() => alarms(SNS, { smsMonthlySpendLimitUsd: n })).toThrow(
      '[MfaUserPool S/Users] addAlarms(smsMonthlySpendLimitUsd) must be known at synth time: the spend threshold is computed from it (received: <a value known only at deploy time>). '
      + 'Give smsMonthlySpendLimitUsd as a number.');
    expect(() => alarms(SNS, { smsMonthlySpendLimitUsd: 10, smsSpendAlarmPercent: n })).toThrow('addAlarms(smsSpendAlarmPercent) must be known at synth time');
    expect(() => alarms(SNS, { highRiskThreshold: n, smsSuccessRateThreshold: n })).not.toThrow();
  });

  test('a spend limit that SNS does not report is refused, saying why', () => {
    expect(() => alarms({}, { smsMonthlySpendLimitUsd: 10 })).toThrow(
      '[MfaUserPool S/Users] addAlarms(smsMonthlySpendLimitUsd) would be ignored: the pool sends no SMS (received: 10). Remove it.');
    expect(() => alarms({ smsThroughEndUserMessaging: true }, { smsMonthlySpendLimitUsd: 10 })).toThrow(
      '[MfaUserPool S/Users] addAlarms(smsMonthlySpendLimitUsd) would be ignored: the pool sends SMS through End User Messaging directly, whose spend Amazon SNS does not report '
      + '(received: 10). Remove it, and watch spend with End User Messaging\'s own spend limit and the configuration set\'s events.');
  });

  test('SMS metrics in another Region: the spend alarm is refused, the success alarm left out with a warning', () => {
    const other = { ...SNS, smsMetricsHere: false, smsMetricsRegion: 'ap-northeast-1' };
    expect(() => alarms(other, { smsMonthlySpendLimitUsd: 10 })).toThrow(
      '[MfaUserPool S/Users] addAlarms(smsMonthlySpendLimitUsd) would create an alarm that can never fire: Amazon SNS publishes the SMS spend in ap-northeast-1 (sms.snsRegion), '
      + 'which cannot be shown to be the stack\'s Region, and a CloudWatch alarm watches metrics of its own Region only (received: 10). Remove it here, and create the alarm in a stack of '
      + 'ap-northeast-1 on pool.metricSmsMonthToDateSpend() (README, "SMS alarms when SNS sends from another Region"). In an environment-agnostic stack, give the stack an env.');
    const { byId, warnings } = alarms(other);
    expect(Object.keys(byId)).toEqual(['SignInThrottlesAlarm']);
    expect(warnings).toEqual(['smsMetricsInOtherRegion: addAlarms: no SMS alarm is created here, because Amazon SNS publishes the SMS metrics in ap-northeast-1 (sms.snsRegion), '
      + 'which cannot be shown to be the stack\'s Region. Create the SMS spend and success-rate alarms in a stack of that Region, on pool.metricSmsMonthToDateSpend() and pool.metricSmsSuccessRate().']);
    const tokenRegion = { ...SNS, smsMetricsHere: false, smsMetricsRegion: Lazy.string({ produce: () => 'x' }) };
    expect(() => alarms(tokenRegion, { smsMonthlySpendLimitUsd: 10 })).toThrow(/publishes the SMS spend in the Region sms\.snsRegion names, which cannot be compared .* in a stack of that Region/);
  });

  test('SMS through SNS here without a spend limit: a warning says how to get the spend alarm', () => {
    expect(alarms(SNS).warnings).toEqual(['smsSpendNotAlarmed: addAlarms: the pool sends SMS, but without smsMonthlySpendLimitUsd no alarm watches SMS spend '
      + '(SMS pumping fraud). Pass the account\'s monthly SMS spend limit to get one.']);
    expect(alarms({}).warnings).toEqual([]);
  });

  test('each alarm\'s description says what happened and what to do', () => {
    const deliveryErrors = new cloudwatch.Metric({ namespace: 'N', metricName: 'M' });
    const { byId } = alarms({ ...SNS, threatProtection: true, deliveryErrors }, { smsMonthlySpendLimitUsd: 10, smsSpendAlarmPercent: 75 });
    expect(Object.fromEntries(Object.entries<any>(byId).map(([id, a]) => [id, a.AlarmDescription]))).toEqual({
      SignInThrottlesAlarm: 'Cognito throttled sign-ins to this user pool: users cannot sign in. Check the account\'s UserAuthentication request rate quota '
        + '(Service Quotas, Amazon Cognito user pools) and request an increase, or find the client that retries too fast.',
      HighRiskAlarm: 'Threat protection scored sign-ins to this user pool as high-risk account takeover. Review the users\' auth events '
        + '(AdminListUserAuthEvents), give feedback on false positives (AdminUpdateAuthEventFeedback), and reset the passwords of accounts taken over.',
      CompromisedCredentialsAlarm: 'Threat protection found passwords known to be leaked elsewhere in requests to this user pool. Make sure compromised '
        + 'credentials are blocked (adaptiveAuthentication), and ask the affected users to change their passwords.',
      SmsSpendAlarm: 'This account\'s SMS spend this month passed 75% of its monthly SMS spend limit: at the limit, Amazon SNS stops sending, '
        + 'and SMS MFA codes stop arriving. A sudden rise is the signature of SMS pumping fraud: check which countries the SMS go to, '
        + 'limit them, then raise the spend limit if the traffic is real.',
      SmsSuccessRateAlarm: 'Fewer SMS than expected reached phones in this account (Amazon SNS SMS success rate): SMS MFA codes may not arrive. Check the SNS '
        + 'delivery status logs, the SMS sandbox and spend limit, and the countries that fail.',
      DeliveryErrorsAlarm: 'Cognito could not deliver SMS or email codes for this user pool: users cannot complete MFA or verification. Read the '
        + 'delivery error log group for the cause (SMS sandbox, spend limit, origination identity, SES sending limits).',
    });
    expect(byId.SmsSpendAlarm).toMatchObject({ Namespace: 'AWS/SNS', MetricName: 'SMSMonthToDateSpentUSD', Statistic: 'Maximum', Threshold: 7.5 });
    expect(byId.SmsSuccessRateAlarm.Metrics[0].Expression).toBe('SELECT AVG(SMSSuccessRate) FROM "AWS/SNS"');
    expect(byId.DeliveryErrorsAlarm).toMatchObject({ Namespace: 'N', MetricName: 'M', Period: 300 });
  });

  test('the created topic: a rotated key CloudWatch of this account may use, TLS only', () => {
    const template = Template.fromStack(alarms({}).stack);
    template.hasResourceProperties('AWS::KMS::Key', {
      Description: 'Encrypts the topic of the MFA user pool alarms',
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([{
          Sid: 'CloudWatchAlarmsPublish',
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Resource: '*',
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        }]),
      },
    });
    template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^AlarmsAlarmTopicKey'), 'Arn'] } });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('every alarm notifies the topic, created or given, and says what to do', () => {
    const { byId, built, stack } = alarms({ ...SNS, threatProtection: true }, { smsMonthlySpendLimitUsd: 10 });
    expect(built.alarms).toHaveLength(5);
    for (const alarm of Object.values<any>(byId)) {
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^AlarmsAlarmTopic/) }]);
      expect(alarm.AlarmDescription.length).toBeGreaterThan(100);
    }
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 1);
    const topic = sns.Topic.fromTopicArn(new Stack(new App(), 'T'), 'Given', 'arn:aws:sns:us-east-1:123456789012:ops');
    const given = alarms({}, { alarmTopic: topic });
    expect(given.built.alarmTopic).toBe(topic);
    expect(Template.fromStack(given.stack).findResources('AWS::SNS::Topic')).toEqual({});
  });
});
