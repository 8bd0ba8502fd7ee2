import { App, Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sns from 'aws-cdk-lib/aws-sns';
import { MfaEnforcement, MfaUserPool, RiskLevel, SmsMfa, SmsOriginationIdentity, ThreatProtection } from '../src';
import { build, newStack, SES } from './util';

const ALARM = 'AWS::CloudWatch::Alarm';
const PHONE_ARN = 'arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef';

/** The alarms of a template by construct id (the last path element before /Resource). */
function alarmsById(template: Template): Record<string, any> {
  const found = template.findResources(ALARM);
  const byId: Record<string, any> = {};
  for (const [logicalId, alarm] of Object.entries<any>(found)) {
    byId[logicalId.replace(/^UsersAlarms/, '').replace(/[0-9A-F]{8}$/, '')] = alarm.Properties;
  }
  return byId;
}

/** The Metrics Insights query of an alarm, rendered to a string with the pool's Ref. */
function queryOf(alarm: any): string {
  const expression = alarm.Metrics[0].Expression;
  return typeof expression === 'string' ? expression : expression['Fn::Join'][1].map((p: any) => (typeof p === 'string' ? p : `{${p.Ref}}`)).join('');
}

describe('log delivery', () => {
  test('a pool that sends SMS delivers message delivery errors to a vendedlogs log group with a year of retention', () => {
    const { template } = build({ sms: SmsMfa.withNewRole() });

    template.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: '/aws/vendedlogs/cognito/TestStackUsers079CA051/message-delivery-errors',
      RetentionInDays: 365,
      KmsKeyId: Match.absent(),
    });
    template.hasResourceProperties('AWS::Cognito::LogDeliveryConfiguration', {
      UserPoolId: { Ref: 'Users0A0EEA89' },
      LogConfigurations: [{
        EventSource: 'userNotification',
        LogLevel: 'ERROR',
        CloudWatchLogsConfiguration: { LogGroupArn: { 'Fn::GetAtt': ['UsersDeliveryErrorLogs3495214A', 'Arn'] } },
      }],
    });
    template.hasResourceProperties('AWS::Logs::MetricFilter', {
      LogGroupName: { Ref: 'UsersDeliveryErrorLogs3495214A' },
      FilterPattern: '',
      MetricTransformations: [{ MetricNamespace: 'CdkMfaUserPool', MetricName: 'MessageDeliveryErrors-TestStackUsers079CA051', MetricValue: '1' }],
    });
    // No resource policy per pool: the /aws/vendedlogs/ prefix is covered account-wide.
    template.resourceCountIs('AWS::Logs::ResourcePolicy', 0);
  });

  test('the log group is retained with the pool, and follows its removal policy', () => {
    build({ sms: SmsMfa.withNewRole() }).template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Retain' });
    build({ sms: SmsMfa.withNewRole(), removalPolicy: RemovalPolicy.DESTROY }).template.hasResource('AWS::Logs::LogGroup', { DeletionPolicy: 'Delete' });
  });

  test.each([
    ['the email factor', { email: {}, userPoolProps: { email: SES } }],
    ['the email OTP first factor', { mfa: MfaEnforcement.OPTIONAL, passwordless: { emailOtp: true }, userPoolProps: { email: SES } }],
    ['SMS through End User Messaging', { sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN) }) }],
  ])('%s turns delivery error logs on', (_name, props) => {
    build(props as any).template.resourceCountIs('AWS::Cognito::LogDeliveryConfiguration', 1);
  });

  test('a TOTP-only pool delivers no logs unless asked', () => {
    build({ totp: true }).template.resourceCountIs('AWS::Cognito::LogDeliveryConfiguration', 0);
    build({ totp: true }).template.resourceCountIs('AWS::Logs::LogGroup', 0);
    build({ totp: true, logDelivery: { messageDeliveryErrors: true } }).template.resourceCountIs('AWS::Cognito::LogDeliveryConfiguration', 1);
  });

  test('delivery errors can be turned off, and retention chosen', () => {
    build({ sms: SmsMfa.withNewRole(), logDelivery: { messageDeliveryErrors: false } }).template.resourceCountIs('AWS::Logs::LogGroup', 0);
    build({ sms: SmsMfa.withNewRole(), logDelivery: { retention: logs.RetentionDays.THREE_MONTHS } })
      .template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  test('user authentication events go to a second log group, at INFO, with threat protection on', () => {
    const { template, pool } = build({
      sms: SmsMfa.withNewRole(), threatProtection: ThreatProtection.ENFORCED, logDelivery: { userAuthEvents: true },
    });

    template.resourceCountIs('AWS::Logs::LogGroup', 2);
    template.hasResourceProperties('AWS::Cognito::LogDeliveryConfiguration', {
      LogConfigurations: [
        Match.objectLike({ EventSource: 'userNotification', LogLevel: 'ERROR' }),
        { EventSource: 'userAuthEvents', LogLevel: 'INFO', CloudWatchLogsConfiguration: { LogGroupArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UsersAuthEventLogs'), 'Arn'] } } },
      ],
    });
    expect(pool.authEventLogGroup).toBeDefined();
    // The metric filter counts only the delivery-error group.
    template.resourceCountIs('AWS::Logs::MetricFilter', 1);
  });

  test('user authentication events without threat protection are refused', () => {
    expect(() => build({ logDelivery: { userAuthEvents: true } })).toThrow(
      /logDelivery.userAuthEvents needs threat protection.*\(received: true\)\. Set threatProtection/);
  });

  test('a retention that is not a RetentionDays is refused', () => {
    expect(() => build({ logDelivery: { retention: 42 as logs.RetentionDays } }))
      .toThrow(/logDelivery.retention is not a logs.RetentionDays \(received: 42\)/);
  });
});

describe('metrics', () => {
  test('client metrics carry the pool and client dimensions Cognito publishes', () => {
    const { stack, pool } = build({});
    const client = pool.addAppClient('Web');

    const metric = pool.metricSignInSuccesses(client);
    expect(metric.namespace).toBe('AWS/Cognito');
    expect(metric.metricName).toBe('SignInSuccesses');
    expect(metric.statistic).toBe('Sum');
    expect(metric.period.toSeconds()).toBe(300);
    expect(stack.resolve(metric.dimensions)).toEqual({ UserPool: { Ref: 'Users0A0EEA89' }, UserPoolClient: { Ref: 'UsersWebA39D1A70' } });
    expect(pool.metricSignInThrottles(client).metricName).toBe('SignInThrottles');
    expect(pool.metricTokenRefreshSuccesses(client).metricName).toBe('TokenRefreshSuccesses');
    expect(pool.metricTokenRefreshThrottles(client, { statistic: 'Maximum' }).statistic).toBe('Maximum');
    // An option passed as undefined keeps the default (Python passes None for an omitted keyword).
    expect(pool.metricSignInThrottles(client, { statistic: undefined, period: undefined }).statistic).toBe('Sum');
    expect(pool.metricSignInThrottles(client, { period: Duration.minutes(1), label: 'throttles', color: '#d62728' }))
      .toMatchObject({ label: 'throttles', color: '#d62728' });
  });

  test('pool-wide and risk metrics are Metrics Insights queries on the pool', () => {
    const { stack, pool } = build({ threatProtection: ThreatProtection.ENFORCED });
    const render = (e: { expression: string }) => JSON.stringify(stack.resolve(e.expression));

    expect(render(pool.metricSignInThrottlesAllClients())).toMatch(/SELECT SUM\(SignInThrottles\) FROM SCHEMA\(\\"AWS\/Cognito\\", UserPool, UserPoolClient\) WHERE UserPool = '.*Users0A0EEA89/);
    expect(render(pool.metricAccountTakeoverRisk(RiskLevel.HIGH))).toMatch(/SUM\(AccountTakeoverRisk\).*UserPoolId = '.*Users0A0EEA89.*AND RiskLevel = 'high'/);
    expect(render(pool.metricCompromisedCredentialRisk())).toMatch(/SUM\(CompromisedCredentialRisk\)/);
  });

  test('SMS metrics are the account\'s SNS metrics', () => {
    const { pool } = build({ sms: SmsMfa.withNewRole() });
    const spend = pool.metricSmsMonthToDateSpend();
    expect([spend.namespace, spend.metricName, spend.statistic]).toEqual(['AWS/SNS', 'SMSMonthToDateSpentUSD', 'Maximum']);
    expect(pool.metricSmsSuccessRate().expression).toBe('SELECT AVG(SMSSuccessRate) FROM "AWS/SNS"');
  });

  test('the delivery error metric reads the metric filter; without delivered logs it is refused', () => {
    const metric = build({ sms: SmsMfa.withNewRole() }).pool.metricMessageDeliveryErrors();
    expect([metric.namespace, metric.metricName, metric.statistic]).toEqual(['CdkMfaUserPool', 'MessageDeliveryErrors-TestStackUsers079CA051', 'Sum']);
    expect(() => build({ totp: true }).pool.metricMessageDeliveryErrors()).toThrow(/metricMessageDeliveryErrors\(\) needs the message delivery error logs/);
  });
});

describe('addAlarms', () => {
  test('SMS and threat protection: spend, SMS success, sign-in throttles, high risk, compromised credentials, delivery errors; every alarm notifies', () => {
    const built = build({ sms: SmsMfa.withNewRole(), threatProtection: ThreatProtection.ENFORCED });
    const { pool } = built;
    const { alarms } = pool.addAlarms({ smsMonthlySpendLimitUsd: 100 });

    const byId = alarmsById(built.template);
    expect(Object.keys(byId).sort()).toEqual(['CompromisedCredentialsAlarm', 'DeliveryErrorsAlarm', 'HighRiskAlarm', 'SignInThrottlesAlarm',
      'SmsSpendAlarm', 'SmsSuccessRateAlarm']);
    expect(alarms).toHaveLength(6);
    for (const alarm of Object.values(byId)) {
      expect(alarm.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^UsersAlarmsAlarmTopic/) }]);
      expect(alarm.TreatMissingData).toBe('notBreaching');
      expect(alarm.AlarmDescription.length).toBeGreaterThan(80);
    }
    expect(byId.SmsSpendAlarm).toMatchObject({
      Namespace: 'AWS/SNS', MetricName: 'SMSMonthToDateSpentUSD', Statistic: 'Maximum', Threshold: 80, ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(byId.SmsSuccessRateAlarm).toMatchObject({ Threshold: 0.9, ComparisonOperator: 'LessThanThreshold' });
    expect(queryOf(byId.SignInThrottlesAlarm)).toBe(
      'SELECT SUM(SignInThrottles) FROM SCHEMA("AWS/Cognito", UserPool, UserPoolClient) WHERE UserPool = \'{Users0A0EEA89}\'');
    expect(byId.SignInThrottlesAlarm.Metrics[0].Period).toBe(300);
    expect(queryOf(byId.HighRiskAlarm)).toMatch(/AccountTakeoverRisk.*'\{Users0A0EEA89\}' AND RiskLevel = 'high'$/);
    expect(queryOf(byId.CompromisedCredentialsAlarm)).toMatch(/CompromisedCredentialRisk.*'\{Users0A0EEA89\}'/);
    expect(byId.DeliveryErrorsAlarm).toMatchObject({ Namespace: 'CdkMfaUserPool', MetricName: 'MessageDeliveryErrors-TestStackUsers079CA051', Threshold: 1 });
  });

  test('a TOTP-only pool without threat protection gets the sign-in throttle alarm only', () => {
    const built = build({ totp: true });
    const { pool } = built;
    pool.addAlarms();
    expect(Object.keys(alarmsById(built.template))).toEqual(['SignInThrottlesAlarm']);
  });

  test('the created topic is encrypted with a rotated key CloudWatch may use, and accepts only TLS', () => {
    const built = build({ totp: true });
    const { pool } = built;
    pool.addAlarms();

    built.template.hasResourceProperties('AWS::SNS::Topic', { KmsMasterKeyId: { 'Fn::GetAtt': [Match.stringLikeRegexp('^UsersAlarmsAlarmTopicKey'), 'Arn'] } });
    built.template.hasResourceProperties('AWS::KMS::Key', {
      EnableKeyRotation: true,
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Sid: 'CloudWatchAlarmsPublish',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
          Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' } },
        })]),
      },
    });
    built.template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('a topic you pass is used, and none is created', () => {
    const stack = newStack();
    const topic = new sns.Topic(stack, 'OpsTopic');
    const pool = new MfaUserPool(stack, 'Users', { totp: true });
    expect(pool.addAlarms({ alarmTopic: topic }).alarmTopic).toBe(topic);

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::KMS::Key', 0);
    template.hasResourceProperties(ALARM, { AlarmActions: [{ Ref: stack.getLogicalId(topic.node.defaultChild as sns.CfnTopic) }] });
  });

  test('thresholds and period are options', () => {
    const built = build({ sms: SmsMfa.withNewRole(), threatProtection: ThreatProtection.ENFORCED });
    const { pool } = built;
    pool.addAlarms({
      smsMonthlySpendLimitUsd: 50,
      smsSpendAlarmPercent: 50,
      smsSuccessRateThreshold: 0.5,
      signInThrottlesThreshold: 10,
      highRiskThreshold: 3,
      compromisedCredentialsThreshold: 4,
      deliveryErrorsThreshold: 5,
      period: Duration.minutes(15),
    });
    const byId = alarmsById(built.template);
    expect(byId.SmsSpendAlarm).toMatchObject({ Threshold: 25, Period: 900 });
    expect(byId.SmsSuccessRateAlarm.Threshold).toBe(0.5);
    expect(byId.SignInThrottlesAlarm).toMatchObject({ Threshold: 10 });
    expect(byId.SignInThrottlesAlarm.Metrics[0].Period).toBe(900);
    expect(byId.HighRiskAlarm.Threshold).toBe(3);
    expect(byId.CompromisedCredentialsAlarm.Threshold).toBe(4);
    expect(byId.DeliveryErrorsAlarm).toMatchObject({ Threshold: 5, Period: 900 });
  });

  test('SMS through SNS without a spend limit: no spend alarm, and a warning says how to get one', () => {
    const built = build({ sms: SmsMfa.withNewRole() });
    const { pool } = built;
    pool.addAlarms();
    expect(alarmsById(built.template).SmsSpendAlarm).toBeUndefined();
    built.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('without smsMonthlySpendLimitUsd.*smsSpendNotAlarmed'));
  });

  test('SMS through End User Messaging: no SNS alarms; a spend limit would be ignored, so it is refused', () => {
    const props = { sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN) }) };
    const built = build(props);
    const { pool } = built;
    pool.addAlarms();
    expect(Object.keys(alarmsById(built.template)).sort()).toEqual(['DeliveryErrorsAlarm', 'SignInThrottlesAlarm']);
    expect(() => build(props).pool.addAlarms({ smsMonthlySpendLimitUsd: 10 })).toThrow(
      /addAlarms\(smsMonthlySpendLimitUsd\) would be ignored: the pool sends SMS through End User Messaging directly/);
  });

  test.each([
    [{ smsMonthlySpendLimitUsd: 0 }, /addAlarms\(smsMonthlySpendLimitUsd\) must be more than 0 \(received: 0\)/],
    [{ smsMonthlySpendLimitUsd: 10, smsSpendAlarmPercent: 120 }, /addAlarms\(smsSpendAlarmPercent\) must be more than 0 and at most 100/],
    [{ smsSuccessRateThreshold: 90 }, /addAlarms\(smsSuccessRateThreshold\) must be more than 0 and at most 1/],
    [{ highRiskThreshold: 0 }, /addAlarms\(highRiskThreshold\) must be at least 1/],
    [{ period: Duration.seconds(90) }, /addAlarms\(period\) must be a whole number of minutes/],
  ])('%j is refused', (options, error) => {
    expect(() => build({ sms: SmsMfa.withNewRole() }).pool.addAlarms(options)).toThrow(error);
  });

  test('a spend limit for a pool that sends no SMS is refused; a second call is refused', () => {
    expect(() => build({ totp: true }).pool.addAlarms({ smsMonthlySpendLimitUsd: 10 })).toThrow(/would be ignored: the pool sends no SMS/);
    const { pool } = build({ totp: true });
    pool.addAlarms();
    expect(() => pool.addAlarms()).toThrow(/addAlarms\(\) was already called/);
  });
});

describe('addDashboard', () => {
  test('a second call is refused with the method and the fix named', () => {
    const { pool } = build();
    pool.addDashboard();
    expect(() => pool.addDashboard()).toThrow(/^\[MfaUserPool TestStack\/Users\] addDashboard\(\) was already called on this pool \(received: "a second call"\)\. Call addDashboard\(\) once.*\[rule: dashboardTwice/);
  });

  test('rows for sign-in, MFA delivery and risk, only with what the pool produces', () => {
    const built = build({ sms: SmsMfa.withNewRole(), threatProtection: ThreatProtection.ENFORCED });
    const { pool, stack } = built;
    pool.addAppClient('Web');
    pool.addDashboard({ dashboardName: 'users' });

    built.template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    const body = JSON.stringify(stack.resolve(Object.values<any>(built.template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    for (const text of ['## Sign-in', '## MFA delivery', '## Risk', 'Sign-in successes by client', 'SMSMonthToDateSpentUSD', 'Account takeover risk', 'MessageDeliveryErrors']) {
      expect(body).toContain(text);
    }
  });

  test('a TOTP-only pool without threat protection has the sign-in row only', () => {
    const built = build({ totp: true });
    const { pool, stack } = built;
    pool.addDashboard();
    const body = JSON.stringify(stack.resolve(Object.values<any>(built.template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    expect(body).toContain('## Sign-in');
    expect(body).not.toContain('## MFA delivery');
    expect(body).not.toContain('## Risk');
  });
});

describe('SMS metrics where Amazon SNS sends from another Region', () => {
  // ap-northeast-2 must send through SNS in ap-northeast-1: SNS publishes the SMS metrics there.
  const seoul = () => build({ sms: SmsMfa.withNewRole({ snsRegion: 'ap-northeast-1' }) }, 'ap-northeast-2');

  test('the SMS spend metric names the SNS Region', () => {
    expect(seoul().pool.metricSmsMonthToDateSpend().region).toBe('ap-northeast-1');
    expect(build({ sms: SmsMfa.withNewRole() }).pool.metricSmsMonthToDateSpend().region).toBeUndefined();
  });

  test('a spend alarm is refused, since an alarm in the pool\'s Region could never fire, and the fix says where it goes', () => {
    expect(() => seoul().pool.addAlarms({ smsMonthlySpendLimitUsd: 100 })).toThrow(
      /addAlarms\(smsMonthlySpendLimitUsd\) would create an alarm that can never fire: Amazon SNS publishes the SMS spend in ap-northeast-1 \(sms\.snsRegion\).*create the alarm in a stack of ap-northeast-1 on pool\.metricSmsMonthToDateSpend\(\).*\[rule: smsAlarmsInOtherRegion/);
  });

  test('without a spend limit, no SMS alarm is created here, and a warning says where to create them', () => {
    const built = seoul();
    built.pool.addAlarms();
    const byId = alarmsById(built.template);
    expect(byId.SmsSuccessRateAlarm).toBeUndefined();
    expect(byId.SmsSpendAlarm).toBeUndefined();
    expect(byId.SignInThrottlesAlarm).toBeDefined();
    built.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('no SMS alarm is created here.*ap-northeast-1.*smsMetricsInOtherRegion'));
    built.annotations.hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('smsSpendNotAlarmed'));
  });

  test('an snsRegion that is the pool\'s own Region keeps the SMS alarms', () => {
    const built = build({ sms: SmsMfa.withNewRole({ snsRegion: 'us-east-1' }) });
    built.pool.addAlarms({ smsMonthlySpendLimitUsd: 50 });
    expect(alarmsById(built.template)).toMatchObject({ SmsSpendAlarm: { Threshold: 40 }, SmsSuccessRateAlarm: { Threshold: 0.9 } });
  });

  test('in an environment-agnostic stack, an snsRegion cannot be shown to be the alarm\'s Region: the spend alarm is refused', () => {
    expect(() => build({ sms: SmsMfa.withNewRole({ snsRegion: 'us-east-1' }) }, null).pool.addAlarms({ smsMonthlySpendLimitUsd: 50 }))
      .toThrow(/which cannot be shown to be the stack's Region.*give the stack an env.*\[rule: smsAlarmsInOtherRegion/);
  });

  test('the spend alarm in a companion stack of the SNS Region fires on the pool\'s metric', () => {
    const built = seoul();
    const companion = new Stack(built.stack.node.root as App, 'SmsAlarms', { env: { account: '123456789012', region: 'ap-northeast-1' } });
    new cloudwatch.Alarm(companion, 'SmsSpend', { metric: built.pool.metricSmsMonthToDateSpend(), threshold: 80, evaluationPeriods: 1 });

    Template.fromStack(companion).hasResourceProperties(ALARM, { Namespace: 'AWS/SNS', MetricName: 'SMSMonthToDateSpentUSD', Threshold: 80 });
  });

  test('the dashboard graphs the SMS metrics from the SNS Region', () => {
    const built = seoul();
    built.pool.addDashboard();
    const body = JSON.stringify(built.stack.resolve(Object.values<any>(built.template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody));
    expect(body).toMatch(/SMS spend this month \(USD, account, ap-northeast-1\).*\\"region\\":\\"ap-northeast-1\\"/);
    expect(body).toMatch(/SMS success rate \(account, ap-northeast-1\)/);
    expect(body.match(/\\"region\\":\\"ap-northeast-1\\"/g)!.length).toBeGreaterThanOrEqual(2);
  });
});
