import { Duration } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import { MfaEnforcement, MfaUserPool, SmsMfa } from '../src';
import { build, newStack } from './util';

const OWN_ACL = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/users/0123abcd-0123-abcd-0123-0123456789ab';
const header = (operation: string) => ({
  ByteMatchStatement: {
    FieldToMatch: { SingleHeader: { Name: 'x-amzn-cognito-operation-name' } },
    PositionalConstraint: 'EXACTLY',
    SearchString: operation,
    TextTransformations: [{ Priority: 0, Type: 'NONE' }],
  },
});

describe('abuseProtection', () => {
  test('{} creates a regional web ACL with the IP reputation list and per-IP limits on code requests and sign-in, associated with the pool', () => {
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
              ScopeDownStatement: { OrStatement: { Statements: ['SignUp', 'ResendConfirmationCode', 'ForgotPassword', 'GetUserAttributeVerificationCode', 'UpdateUserAttributes'].map(header) } },
            },
          },
        }),
        Match.objectLike({
          Name: 'SignInRequestsPerIp',
          Priority: 2,
          Statement: {
            RateBasedStatement: Match.objectLike({
              Limit: 100, ScopeDownStatement: { OrStatement: { Statements: ['InitiateAuth', 'RespondToAuthChallenge'].map(header) } },
            }),
          },
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
        evaluationWindow: Duration.minutes(10),
        ipReputation: false,
        blockAnonymousIps: true,
        captcha: true,
        logRetention: logs.RetentionDays.THREE_MONTHS,
      },
    });
    const template = Template.fromStack(stack);
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0] as any;
    expect(acl.Properties.Rules.map((r: any) => r.Name)).toEqual(['AWSManagedRulesAnonymousIpList', 'CodeRequestsPerIp', 'SignInRequestsPerIp', 'ManagedLoginCaptcha']);
    expect(acl.Properties.Rules[1].Statement.RateBasedStatement).toMatchObject({ Limit: 10, EvaluationWindowSec: 600 });
    expect(acl.Properties.Rules[3]).toMatchObject({ Action: { Captcha: {} } });
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 90 });
  });

  test('a web ACL you bring is associated, and nothing else is created', () => {
    const { stack, pool } = build({ abuseProtection: { webAclArn: OWN_ACL } });
    const template = Template.fromStack(stack);

    template.resourceCountIs('AWS::WAFv2::WebACL', 0);
    template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 0);
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: OWN_ACL });
    expect(pool.webAclArn).toBe(OWN_ACL);
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
