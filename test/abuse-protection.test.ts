import { App, CfnParameter, Duration, Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { MfaEnforcement, MfaUserPool, SmsCountryAction, SmsMfa, SmsOriginationIdentity } from '../src';
import { build, newStack, poolProperties, webAclWithGroups, webAclWithRules } from './util';
import { ISO_COUNTRY_CODES } from '../src/private/sms-countries';

const ACL_PROPS = { defaultAction: { allow: {} }, visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'own', sampledRequestsEnabled: true } };
const OWN_ACL = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/users/0123abcd-0123-abcd-0123-0123456789ab';
const header = (operation: string) => ({
  ByteMatchStatement: {
    FieldToMatch: { SingleHeader: { Name: 'x-amzn-cognito-operation-name' } },
    PositionalConstraint: 'EXACTLY',
    SearchString: operation,
    TextTransformations: [{ Priority: 0, Type: 'NONE' }],
  },
});
const pathPrefix = (prefix: string) => ({
  ByteMatchStatement: {
    FieldToMatch: { UriPath: {} },
    PositionalConstraint: 'STARTS_WITH',
    SearchString: prefix,
    TextTransformations: [{ Priority: 0, Type: 'URL_DECODE' }, { Priority: 1, Type: 'NORMALIZE_PATH' }, { Priority: 2, Type: 'LOWERCASE' }],
  },
});
const POST = { ByteMatchStatement: { FieldToMatch: { Method: {} }, PositionalConstraint: 'EXACTLY', SearchString: 'post', TextTransformations: [{ Priority: 0, Type: 'LOWERCASE' }] } };
/** Managed login's requests: everything but an API request (the operation header, and the path /). */
const PAGE_REQUEST = {
  NotStatement: {
    Statement: {
      AndStatement: {
        Statements: [
          {
            SizeConstraintStatement: {
              FieldToMatch: { SingleHeader: { Name: 'x-amzn-cognito-operation-name' } }, ComparisonOperator: 'GT', Size: 0, TextTransformations: [{ Priority: 0, Type: 'NONE' }],
            },
          },
          { ByteMatchStatement: { FieldToMatch: { UriPath: {} }, PositionalConstraint: 'EXACTLY', SearchString: '/', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
        ],
      },
    },
  },
};

describe('abuseProtection', () => {
  test('{} creates a regional web ACL with the IP reputation list and per-IP limits on code requests, sign-in and managed login, associated with the pool', () => {
    const { stack } = build({ mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole(), abuseProtection: {} });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({
          Name: 'AWSManagedRulesAmazonIpReputationList',
          Priority: 0,
          OverrideAction: { None: {} },
          Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } },
        }),
        Match.objectLike({
          Name: 'CodeRequestsPerIp',
          Priority: 1,
          Action: { Block: {} },
          Statement: {
            RateBasedStatement: {
              Limit: 20,
              EvaluationWindowSec: 300,
              AggregateKeyType: 'IP',
              // The API operations by their header, managed login's forms by their normalized path (test/proof/waf-coverage.test.ts).
              ScopeDownStatement: {
                OrStatement: {
                  Statements: [
                    ...['SignUp', 'ResendConfirmationCode', 'ForgotPassword', 'GetUserAttributeVerificationCode', 'UpdateUserAttributes'].map(header),
                    { OrStatement: { Statements: [{ AndStatement: { Statements: [POST, { OrStatement: { Statements: ['/signup', '/confirm', '/forgotpassword'].map(pathPrefix) } }] } }, pathPrefix('/resendcode')] } },
                  ],
                },
              },
            },
          },
        }),
        Match.objectLike({
          Name: 'SignInRequestsPerIp',
          Priority: 2,
          // SMS MFA sends codes at sign-in: 50, not 100.
          Statement: { RateBasedStatement: Match.objectLike({ Limit: 50, AggregateKeyType: 'IP' }) },
        }),
        Match.objectLike({
          Name: 'ManagedLoginRequestsPerIp',
          Priority: 3,
          Action: { Block: {} },
          Statement: { RateBasedStatement: { Limit: 200, EvaluationWindowSec: 300, AggregateKeyType: 'IP', ScopeDownStatement: PAGE_REQUEST } },
        }),
      ],
    });
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: { 'Fn::GetAtt': ['Users0A0EEA89', 'Arn'] },
      WebACLArn: { 'Fn::GetAtt': ['UsersWebAclDB0B391F', 'Arn'] },
    });
  });

  test('logs only what WAF blocked or challenged, to an aws-waf-logs- group kept a year', () => {
    const { stack } = build({ abuseProtection: {} });
    const template = Template.fromStack(stack);

    template.hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: Match.stringLikeRegexp('^aws-waf-logs-'), RetentionInDays: 365 });
    template.hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      LoggingFilter: { DefaultBehavior: 'DROP', Filters: [{ Behavior: 'KEEP', Requirement: 'MEETS_ANY', Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'CAPTCHA' } }] }] },
    });
  });

  test('the options tune the rules: limits, window, anonymous IPs, CAPTCHA on managed login, retention', () => {
    const { stack } = build({
      abuseProtection: {
        codeRequestsPerIp: 10,
        signInRequestsPerIp: 50,
        managedLoginRequestsPerIp: 30,
        evaluationWindow: Duration.minutes(10),
        ipReputation: false,
        blockAnonymousIps: true,
        captcha: true,
        logRetention: logs.RetentionDays.THREE_MONTHS,
      },
    });
    const template = Template.fromStack(stack);
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0] as any;
    expect(acl.Properties.Rules.map((r: any) => r.Name)).toEqual(['AWSManagedRulesAnonymousIpList', 'CodeRequestsPerIp', 'SignInRequestsPerIp', 'ManagedLoginRequestsPerIp', 'ManagedLoginCaptcha']);
    expect(acl.Properties.Rules[1].Statement.RateBasedStatement).toMatchObject({ Limit: 10, EvaluationWindowSec: 600 });
    expect(acl.Properties.Rules[2].Statement.RateBasedStatement).toMatchObject({ Limit: 50, EvaluationWindowSec: 600 });
    expect(acl.Properties.Rules[3].Statement.RateBasedStatement).toMatchObject({ Limit: 30, EvaluationWindowSec: 600 });
    expect(acl.Properties.Rules[4]).toMatchObject({ Action: { Captcha: {} } });
    // Only managed login's pages, never an API request, never TOTP registration (the guide's exclusion).
    const captcha = acl.Properties.Rules[4].Statement.AndStatement.Statements;
    expect(captcha[0]).toEqual(PAGE_REQUEST);
    expect(captcha[1].OrStatement.Statements.map((st: any) => st.ByteMatchStatement.SearchString)).toEqual(['/signup', '/login', '/forgotpassword', '/confirm', '/resendcode']);
    expect(captcha[2]).toEqual({ NotStatement: { Statement: { OrStatement: { Statements: ['AssociateSoftwareToken', 'VerifySoftwareToken'].map(header) } } } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  test('the optional rules as written: the ASN key, the circuit breaker, the callers\' countries, Bot Control at the common level sparing app SDKs', () => {
    const { template } = build({ abuseProtection: { codeRequestsAllIps: 500, codeRequestsPerAsn: 100, callerCountries: ['US', 'XK'], botControl: true } });
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0] as any;
    const rules = Object.fromEntries(acl.Properties.Rules.map((r: any) => [r.Name, r]));
    expect(acl.Properties.Rules.map((r: any) => r.Name)).toEqual(['AWSManagedRulesAmazonIpReputationList', 'CodeRequestsFromOtherCountries',
      'AWSManagedRulesBotControlRuleSet', 'CodeRequestsAllIps', 'CodeRequestsPerAsn', 'CodeRequestsPerIp', 'SignInRequestsPerIp', 'ManagedLoginRequestsPerIp']);
    expect(rules.CodeRequestsPerAsn.Statement.RateBasedStatement).toMatchObject({ Limit: 100, AggregateKeyType: 'CUSTOM_KEYS', CustomKeys: [{ ASN: {} }] });
    expect(rules.CodeRequestsAllIps.Statement.RateBasedStatement).toMatchObject({ Limit: 500, AggregateKeyType: 'CONSTANT', ScopeDownStatement: expect.anything() });
    expect(rules.CodeRequestsFromOtherCountries).toMatchObject({
      Action: { Block: {} },
      Statement: { AndStatement: { Statements: [expect.anything(), { NotStatement: { Statement: { GeoMatchStatement: { CountryCodes: ['US', 'XK'] } } } }] } },
    });
    expect(rules.AWSManagedRulesBotControlRuleSet.Statement.ManagedRuleGroupStatement).toMatchObject({
      ManagedRuleGroupConfigs: [{ AWSManagedRulesBotControlRuleSet: { InspectionLevel: 'COMMON' } }],
      RuleActionOverrides: [{ Name: 'SignalNonBrowserUserAgent', ActionToUse: { Count: {} } }, { Name: 'CategoryHttpLibrary', ActionToUse: { Count: {} } }],
      ScopeDownStatement: expect.anything(),
    });
  });

  test('a deploy-time window in seconds passes unjudged; one in another unit is refused with the fix', () => {
    const window = Duration.seconds(Token.asNumber(Fn.importValue('Window')));
    const { template } = build({ abuseProtection: { evaluationWindow: window } });
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0] as any;
    expect(acl.Properties.Rules[1].Statement.RateBasedStatement.EvaluationWindowSec).toEqual({ 'Fn::ImportValue': 'Window' });
    expect(() => build({ abuseProtection: { evaluationWindow: Duration.minutes(Token.asNumber(Fn.importValue('W'))) } }))
      .toThrow(/abuseProtection\.evaluationWindow comes from a token in another unit than seconds.*Duration\.seconds\(token\)/);
  });

  test('a web ACL you bring is associated, and nothing else is created', () => {
    const { stack, pool } = build({ abuseProtection: { webAclArn: OWN_ACL } });
    const template = Template.fromStack(stack);

    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 0);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: OWN_ACL });
    expect(pool.webAclArn).toBe(OWN_ACL);
  });

  test('a web ACL of the app with the account takeover prevention group is refused at synthesis; one without it is associated', () => {
    const stack = newStack();
    const atp = webAclWithGroups(stack, 'AWSManagedRulesAmazonIpReputationList', 'AWSManagedRulesATPRuleSet');
    new MfaUserPool(stack, 'Users', { abuseProtection: { webAclArn: atp.attrArn } });
    expect(() => Template.fromStack(stack)).toThrow(/abuseProtection\.webAclArn names a web ACL that uses the managed group AWSManagedRulesATPRuleSet, which Cognito does not take on a web ACL of a user pool \(received: "the web ACL TestStack\/OwnAcl"\)\. Remove the AWSManagedRulesATPRuleSet rule/);

    const fine = newStack();
    const ok = webAclWithGroups(fine, 'AWSManagedRulesAmazonIpReputationList');
    new MfaUserPool(fine, 'Users', { abuseProtection: { webAclArn: ok.attrArn } });
    Template.fromStack(fine).hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: { 'Fn::GetAtt': [Match.stringLikeRegexp('^OwnAcl'), 'Arn'] } });
  });

  const RATE_RULE: wafv2.CfnWebACL.RuleProperty = {
    name: 'SignUpPerIp',
    priority: 0,
    action: { block: {} },
    visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'r', sampledRequestsEnabled: true },
    statement: { rateBasedStatement: { limit: 10, aggregateKeyType: 'IP' } },
  };
  test.each<[string, (stack: Stack) => wafv2.CfnWebACL, RegExp | undefined, boolean]>([
    ['a regional one with a rate-based rule', stack => webAclWithRules(stack, [RATE_RULE]), undefined, false],
    ['a CLOUDFRONT one', stack => new wafv2.CfnWebACL(stack, 'OwnAcl', { ...ACL_PROPS, scope: 'CLOUDFRONT', rules: [RATE_RULE] }),
      /webAclArn names a web ACL of scope CLOUDFRONT; a user pool takes a REGIONAL one.*\[rule: webAclArnForm/s, false],
    ['one whose scope is a parameter (not judged)', stack => new wafv2.CfnWebACL(stack, 'OwnAcl', { ...ACL_PROPS, scope: new CfnParameter(stack, 'Scope').valueAsString, rules: [RATE_RULE] }),
      undefined, false],
    ['an empty one (default allow, no rule)', stack => webAclWithRules(stack, []), undefined, true],
    ['one with managed groups only', stack => webAclWithGroups(stack, 'AWSManagedRulesAmazonIpReputationList'), undefined, true],
    ['one whose only rate rule counts', stack => webAclWithRules(stack, [{ ...RATE_RULE, action: { count: {} } }]), undefined, true],
    ['one whose rate rules may sit in a rule group (cannot be told)', stack => webAclWithRules(stack, [{
      name: 'Shared',
      priority: 0,
      overrideAction: { none: {} },
      visibilityConfig: RATE_RULE.visibilityConfig,
      statement: { ruleGroupReferenceStatement: { arn: 'arn:aws:wafv2:us-east-1:123456789012:regional/rulegroup/shared/0123' } },
    }]), undefined, false],
    ['one whose rules are a token (not judged)', stack => webAclWithRules(stack, Fn.split(',', new CfnParameter(stack, 'Rules').valueAsString) as any), undefined, false],
  ])('a web ACL of the app brought by attrArn: %s', (_name, make, refused, advised) => {
    const stack = newStack();
    const acl = make(stack);
    new MfaUserPool(stack, 'Users', { abuseProtection: { webAclArn: acl.attrArn } });
    if (refused) {
      expect(() => Template.fromStack(stack)).toThrow(refused);
      return;
    }
    const warnings = Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('webAclWithoutRateRule'));
    expect(warnings.length).toBe(advised ? 1 : 0);
  });

  test('a web ACL of the app in another Region is refused, as a literal ARN of another Region is', () => {
    const app = new App();
    const other = new Stack(app, 'Acl', { env: { account: '123456789012', region: 'eu-west-1' }, crossRegionReferences: true });
    const acl = webAclWithRules(other, [RATE_RULE]);
    const stack = new Stack(app, 'Pool', { env: { account: '123456789012', region: 'us-east-1' }, crossRegionReferences: true });
    new MfaUserPool(stack, 'Users', { abuseProtection: { webAclArn: acl.attrArn } });
    expect(() => app.synth()).toThrow(/webAclArn names a web ACL of eu-west-1; a user pool takes one of its own Region \(us-east-1\)/);
  });

  test('the group is found nested in a rule\'s statements too; an imported ARN is not judged', () => {
    const stack = newStack();
    const nested = webAclWithRules(stack, [{
      name: 'r',
      priority: 0,
      overrideAction: { none: {} },
      visibilityConfig: { cloudWatchMetricsEnabled: true, metricName: 'r', sampledRequestsEnabled: true },
      statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesATPRuleSet', scopeDownStatement: { labelMatchStatement: { scope: 'LABEL', key: 'x' } } } },
    }]);
    new MfaUserPool(stack, 'Users', { abuseProtection: { webAclArn: nested.attrArn } });
    expect(() => Template.fromStack(stack)).toThrow(/webAclWithAtp/);
    const imported = newStack();
    new MfaUserPool(imported, 'Users', { abuseProtection: { webAclArn: Fn.importValue('SharedAcl') } });
    expect(() => Template.fromStack(imported)).not.toThrow();
  });

  test('turning it on changes nothing of the pool, and the new resources have fixed logical IDs', () => {
    const off = Template.fromStack(build({ sms: SmsMfa.withNewRole() }).stack).findResources('AWS::Cognito::UserPool');
    const onTemplate = Template.fromStack(build({ sms: SmsMfa.withNewRole(), abuseProtection: {} }).stack);
    expect(onTemplate.findResources('AWS::Cognito::UserPool')).toEqual(off);
    for (const [type, id] of [['AWS::WAFv2::WebACL', 'UsersWebAclDB0B391F'], ['AWS::WAFv2::WebACLAssociation', 'UsersWebAclAssociation']]) {
      expect(Object.keys(onTemplate.findResources(type))).toEqual([expect.stringMatching(new RegExp(`^${id}`))]);
    }
  });

  test('a pool that sends SMS and lets anyone sign up without it is advised to turn it on', () => {
    const stack = newStack();
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withNewRole(), userPoolProps: { selfSignUpEnabled: true } });
    expect(JSON.stringify(stack.node.findChild('Users').node.metadata)).toMatch(/cdk-mfa-user-pool:smsSignUpWithoutAbuseProtection/);
  });
});

describe('abuseProtection signals', () => {
  const webAclMetricName = (template: Template) => Object.values(template.findResources('AWS::WAFv2::WebACL'))[0].Properties.VisibilityConfig.MetricName;

  test('addAlarms watches what the created web ACL blocks, by its metric name; the metric and the dashboard show it', () => {
    const { stack, pool } = build({ abuseProtection: {} });
    pool.addAlarms();
    pool.addDashboard();
    const template = Template.fromStack(stack);
    const name = webAclMetricName(template);
    expect(name).toBe('TestStack-Users-079CA051');
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/WAFV2',
      MetricName: 'BlockedRequests',
      Threshold: 100,
      Dimensions: [{ Name: 'Region', Value: 'us-east-1' }, { Name: 'Rule', Value: 'ALL' }, { Name: 'WebACL', Value: name }],
    });
    expect(stack.resolve(pool.metricWebAclBlockedRequests().dimensions)).toEqual({ WebACL: name, Region: 'us-east-1', Rule: 'ALL' });
    expect(pool.metricWebAclBlockedRequests({ period: Duration.minutes(1) }).period.toSeconds()).toBe(60);
    const body = JSON.stringify(Object.values(template.findResources('AWS::CloudWatch::Dashboard'))[0].Properties.DashboardBody);
    expect(body).toMatch(/Requests the web ACL blocked/);
  });

  test('with a web ACL you bring, or none, there is no web ACL alarm, and the metric is refused', () => {
    for (const props of [{ abuseProtection: { webAclArn: OWN_ACL } }, {}]) {
      const { stack, pool } = build(props);
      pool.addAlarms();
      expect(JSON.stringify(Template.fromStack(stack).findResources('AWS::CloudWatch::Alarm'))).not.toMatch(/WAFV2/);
      expect(() => pool.metricWebAclBlockedRequests()).toThrow(/metricWebAclBlockedRequests\(\) needs the web ACL this library creates/);
    }
  });
});

describe('abuseProtection: the SMS spend alarm that comes with it', () => {
  const spendAlarms = (template: Template) => template.findResources('AWS::CloudWatch::Alarm', { Properties: { MetricName: Match.stringLikeRegexp('Spen') } });

  test('SMS through SNS: an alarm on the SNS month-to-date spend at 50 USD, with no action until addAlarms', () => {
    const { template } = build({ sms: SmsMfa.withNewRole(), abuseProtection: {} });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', {
      Namespace: 'AWS/SNS',
      MetricName: 'SMSMonthToDateSpentUSD',
      Statistic: 'Maximum',
      Threshold: 50,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
      AlarmActions: Match.absent(),
    });
    // Pinned: a fixed construct id under the pool.
    expect(Object.keys(spendAlarms(template))).toEqual(['UsersSmsSpendAlarm884D4C76']);
  });

  test('SMS directly through End User Messaging: an alarm on its TextMessageMonthlySpend', () => {
    const { template } = build({ sms: SmsMfa.withEndUserMessaging(), abuseProtection: { smsSpendAlarmUsd: 200 } });
    template.hasResourceProperties('AWS::CloudWatch::Alarm', { Namespace: 'AWS/SMSVoice', MetricName: 'TextMessageMonthlySpend', Statistic: 'Maximum', Threshold: 200 });
  });

  test('addAlarms makes it notify the alarm topic, and lists it', () => {
    const { pool, stack } = build({ sms: SmsMfa.withNewRole(), abuseProtection: {} });
    const alarms = pool.addAlarms();
    expect(alarms.alarms).toContain(pool.smsSpendAlarm);
    const template = Template.fromStack(stack);
    const [alarm] = Object.values(spendAlarms(template)).filter((a: any) => a.Properties.Threshold === 50) as any[];
    expect(alarm.Properties.AlarmActions).toEqual([{ Ref: expect.stringMatching(/^UsersAlarmsAlarmTopic/) }]);
  });

  test('none without SMS, or when SNS sends from another Region (said in an advisory)', () => {
    expect(build({ abuseProtection: {} }).pool.smsSpendAlarm).toBeUndefined();
    const elsewhere = build({ sms: SmsMfa.withNewRole({ snsRegion: 'ap-northeast-1' }), abuseProtection: {} }, 'ap-northeast-2');
    expect(elsewhere.pool.smsSpendAlarm).toBeUndefined();
    expect(Object.keys(spendAlarms(elsewhere.template))).toEqual([]);
    elsewhere.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('no SMS spend alarm is created here, because Amazon SNS publishes the SMS spend in ap-northeast-1'));
  });

  test('it never changes the pool', () => {
    const off = Template.fromStack(build({ sms: SmsMfa.withNewRole() }).stack).findResources('AWS::Cognito::UserPool');
    expect(Template.fromStack(build({ sms: SmsMfa.withNewRole(), abuseProtection: { smsSpendAlarmUsd: 5 } }).stack).findResources('AWS::Cognito::UserPool')).toEqual(off);
  });
});

describe('abuseProtection.smsCountries', () => {
  const PHONE = 'arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef0123456789abcdef';
  const direct = (smsCountries: Parameters<typeof rules>[0]) => build({
    mfa: MfaEnforcement.OPTIONAL,
    sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE) }),
    abuseProtection: { smsCountries },
  });
  const rules = (x: { allow: string[]; otherCountries?: SmsCountryAction; configurationSetName?: string }) => x;
  const smsRules = (template: Template): Array<{ CountryCode: string; ProtectStatus: string }> =>
    Object.values(template.findResources('AWS::SMSVOICE::ProtectConfiguration'))[0].Properties.CountryRuleSet.SMS;

  test('a protect configuration lists every ISO code: the allowed ones ALLOW, every other one BLOCK', () => {
    const template = Template.fromStack(direct({ allow: ['US', 'CA'] }).stack);
    const listed = smsRules(template);
    expect(listed.map(r => r.CountryCode)).toEqual([...ISO_COUNTRY_CODES]);
    expect(listed.length).toBe(249);
    expect(listed.filter(r => r.ProtectStatus === 'ALLOW').map(r => r.CountryCode)).toEqual(['CA', 'US']);
    expect(new Set(listed.filter(r => !['US', 'CA'].includes(r.CountryCode)).map(r => r.ProtectStatus))).toEqual(new Set(['BLOCK']));
    // SMS only: Cognito sends no voice or MMS messages.
    expect(Object.keys(Object.values(template.findResources('AWS::SMSVOICE::ProtectConfiguration'))[0].Properties.CountryRuleSet)).toEqual(['SMS']);
  });

  test.each([SmsCountryAction.FILTER, SmsCountryAction.MONITOR])('the other countries can be %s', (others) => {
    const listed = smsRules(Template.fromStack(direct({ allow: ['GB'], otherCountries: others }).stack));
    expect(listed.find(r => r.CountryCode === 'GB')?.ProtectStatus).toBe('ALLOW');
    expect(new Set(listed.filter(r => r.CountryCode !== 'GB').map(r => r.ProtectStatus))).toEqual(new Set([others]));
  });

  test('the configuration set carries the protect configuration, and the pool sends with it (after it exists)', () => {
    const template = Template.fromStack(direct({ allow: ['US'] }).stack);
    const set = template.findResources('AWS::SMSVOICE::ConfigurationSet');
    expect(Object.keys(set)).toEqual([expect.stringMatching(/^UsersSmsConfigurationSet/)]);
    const [setId] = Object.keys(set);
    const [protectId] = Object.keys(template.findResources('AWS::SMSVOICE::ProtectConfiguration'));
    expect(protectId).toMatch(/^UsersSmsProtectConfiguration/);
    expect(set[setId].Properties).toEqual({
      ConfigurationSetName: 'TestStack-Users-079CA051',
      ProtectConfigurationId: { 'Fn::GetAtt': [protectId, 'ProtectConfigurationId'] },
    });
    expect(poolProperties(template).SmsConfiguration.EumsSms.ConfigurationSetName).toBe('TestStack-Users-079CA051');
    expect(template.findResources('AWS::Cognito::UserPool').Users0A0EEA89.DependsOn).toEqual(expect.arrayContaining([setId]));
  });

  test('the set can be named', () => {
    const template = Template.fromStack(direct({ allow: ['US'], configurationSetName: 'users-otp' }).stack);
    template.hasResourceProperties('AWS::SMSVOICE::ConfigurationSet', { ConfigurationSetName: 'users-otp' });
    expect(poolProperties(template).SmsConfiguration.EumsSms.ConfigurationSetName).toBe('users-otp');
  });

  test('the scoped SMS role may send with the set and its protect configuration, and from the one identity', () => {
    const template = Template.fromStack(direct({ allow: ['US'] }).stack);
    const [protectId] = Object.keys(template.findResources('AWS::SMSVOICE::ProtectConfiguration'));
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [Match.objectLike({
          Action: 'sms-voice:SendTextMessage',
          Resource: Match.arrayWith([
            PHONE,
            { 'Fn::GetAtt': [protectId, 'Arn'] },
            { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':configuration-set/TestStack-Users-079CA051$')])] },
          ]),
        })],
      },
    });
  });

  test('they follow the pool\'s removal policy', () => {
    const { stack } = build({ sms: SmsMfa.withEndUserMessaging(), removalPolicy: RemovalPolicy.RETAIN, abuseProtection: { smsCountries: { allow: ['US'] } } });
    const template = Template.fromStack(stack);
    for (const type of ['AWS::SMSVOICE::ProtectConfiguration', 'AWS::SMSVOICE::ConfigurationSet']) {
      expect(Object.values(template.findResources(type))[0]).toMatchObject({ DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    }
  });

  test('adding them keeps the pool\'s logical ID and changes only the set its SMS configuration names', () => {
    const props = { sms: SmsMfa.withEndUserMessaging() };
    const off = Template.fromStack(build(props).stack).findResources('AWS::Cognito::UserPool');
    const on = Template.fromStack(build({ ...props, abuseProtection: { smsCountries: { allow: ['US'] } } }).stack).findResources('AWS::Cognito::UserPool');
    expect(Object.keys(on)).toEqual(Object.keys(off));
    const strip = (pool: any) => {
      const { ConfigurationSetName: _name, ...eums } = pool.Properties.SmsConfiguration.EumsSms;
      return { ...pool.Properties, SmsConfiguration: { ...pool.Properties.SmsConfiguration, EumsSms: eums } };
    };
    expect(strip(on.Users0A0EEA89)).toEqual(strip(off.Users0A0EEA89));
    expect(off.Users0A0EEA89.Properties.SmsConfiguration.EumsSms.ConfigurationSetName).toBeUndefined();
  });
});

