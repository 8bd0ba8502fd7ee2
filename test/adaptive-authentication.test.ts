import { Lazy } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as ses from 'aws-cdk-lib/aws-ses';
import {
  AdaptiveAuthentication, CompromisedCredentialsEvent, MfaEnforcement, MfaUserPool, MfaUserPoolProps, RiskAction,
  RiskNotificationSender, ThreatProtection,
} from '../src';
import { build, newStack } from './util';

const SENDER = RiskNotificationSender.fromArn('arn:aws:ses:us-east-1:123456789012:identity/example.com');
const ENFORCED: MfaUserPoolProps = { mfa: MfaEnforcement.OPTIONAL, threatProtection: ThreatProtection.ENFORCED };
const RISK = 'AWS::Cognito::UserPoolRiskConfigurationAttachment';

function custom(props: Parameters<typeof AdaptiveAuthentication.custom>[0]): MfaUserPoolProps {
  return { ...ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.custom(props) };
}
const ALLOW = { action: RiskAction.ALLOW };

describe('adaptive authentication', () => {
  test('the recommended preset with ENFORCED threat protection: one pool-wide risk configuration', () => {
    const { template } = build({
      ...ENFORCED,
      adaptiveAuthentication: AdaptiveAuthentication.recommended({ notification: { sender: SENDER, fromAddress: 'security@example.com', replyTo: 'help@example.com' } }),
    });

    template.resourceCountIs(RISK, 1);
    template.hasResourceProperties(RISK, {
      UserPoolId: { Ref: 'Users0A0EEA89' },
      ClientId: 'ALL',
      AccountTakeoverRiskConfiguration: {
        Actions: {
          LowAction: { EventAction: 'NO_ACTION', Notify: false },
          MediumAction: { EventAction: 'MFA_IF_CONFIGURED', Notify: true },
          HighAction: { EventAction: 'BLOCK', Notify: true },
        },
        NotifyConfiguration: {
          SourceArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com', From: 'security@example.com', ReplyTo: 'help@example.com',
        },
      },
      CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' }, EventFilter: ['SIGN_IN', 'PASSWORD_CHANGE', 'SIGN_UP'] },
      RiskExceptionConfiguration: Match.absent(),
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', { UserPoolTier: 'PLUS', UserPoolAddOns: { AdvancedSecurityMode: 'ENFORCED' } });
  });

  test('the preset without a notification notifies nobody', () => {
    const { template } = build({ ...ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.recommended() });
    template.hasResourceProperties(RISK, {
      AccountTakeoverRiskConfiguration: {
        Actions: {
          LowAction: { EventAction: 'NO_ACTION', Notify: false },
          MediumAction: { EventAction: 'MFA_IF_CONFIGURED', Notify: false },
          HighAction: { EventAction: 'BLOCK', Notify: false },
        },
        NotifyConfiguration: Match.absent(),
      },
    });
  });

  test('the risk configuration has a pinned logical ID, and a pool without the prop has none', () => {
    const { template } = build({ ...ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.recommended() });
    expect(Object.keys(template.findResources(RISK))).toEqual(['UsersRiskConfiguration15887888']);

    build({ threatProtection: ThreatProtection.ENFORCED }).template.resourceCountIs(RISK, 0);
  });

  test('without threat protection it is refused; with AUDIT it synthesizes with an advisory', () => {
    expect(() => build({ adaptiveAuthentication: AdaptiveAuthentication.recommended() }))
      .toThrow(/adaptiveAuthentication needs threat protection, which scores the risk it responds to \(Cognito: UserPoolAddOnNotEnabledException\) \(received: "threatProtection: OFF"\)\. Set threatProtection: ThreatProtection\.ENFORCED.*\[rule: adaptiveNeedsThreatProtection/);

    const { template, annotations } = build({
      threatProtection: ThreatProtection.AUDIT, adaptiveAuthentication: AdaptiveAuthentication.recommended(),
    });
    template.resourceCountIs(RISK, 1);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:adaptiveAuthenticationInAudit'));
  });

  test('MFA actions with mfa OFF or REQUIRED are advised against (Cognito accepts both), silent with OPTIONAL', () => {
    const mfaAtMedium = { low: ALLOW, medium: { action: RiskAction.MFA_REQUIRED }, high: { action: RiskAction.BLOCK } };
    const off = build({ ...custom({ accountTakeover: mfaAtMedium }), mfa: MfaEnforcement.OFF });
    off.template.hasResourceProperties(RISK, { AccountTakeoverRiskConfiguration: { Actions: Match.objectLike({ MediumAction: { EventAction: 'MFA_REQUIRED', Notify: false } }) } });
    off.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('adaptiveAuthentication\\.accountTakeover\\.medium\\.action asks for MFA, but mfa is OFF.*cdk-mfa-user-pool:riskMfaWithoutMfa'));

    build({ ...custom({ accountTakeover: mfaAtMedium }), mfa: MfaEnforcement.REQUIRED }).annotations
      .hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:riskMfaWithRequiredMfa'));
    build(custom({ accountTakeover: mfaAtMedium })).annotations.hasNoWarning('/TestStack/Users', Match.anyValue());
  });

  test('blocking alone is fine with mfa OFF', () => {
    const blockHigh = { low: ALLOW, medium: ALLOW, high: { action: RiskAction.BLOCK } };
    const { template } = build({ ...custom({ accountTakeover: blockHigh }), mfa: MfaEnforcement.OFF });
    template.hasResourceProperties(RISK, { AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: false } } } });
  });

  test('notify without the notification configuration is written as given, with an advisory (no deploy-time rejection is documented)', () => {
    const accountTakeover = { low: ALLOW, medium: ALLOW, high: { action: RiskAction.BLOCK, notify: true } };
    const { template, annotations } = build(custom({ accountTakeover }));
    template.hasResourceProperties(RISK, { AccountTakeoverRiskConfiguration: { Actions: Match.objectLike({ HighAction: { EventAction: 'BLOCK', Notify: true } }) } });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('accountTakeover\\.high\\.notify is true without a notification configuration.*riskNotifyWithoutNotification'));
  });

  test('a notification that no level uses is advised about', () => {
    build(custom({ compromisedCredentials: { block: true }, notification: { sender: SENDER } })).annotations
      .hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:unusedRiskNotification'));
  });

  test('the sender can be an SES identity of the app', () => {
    const stack = newStack();
    const identity = new ses.EmailIdentity(stack, 'Sender', { identity: ses.Identity.domain('example.com') });
    new MfaUserPool(stack, 'Users', {
      ...ENFORCED,
      adaptiveAuthentication: AdaptiveAuthentication.recommended({ notification: { sender: RiskNotificationSender.fromIdentity(identity) } }),
    });
    Template.fromStack(stack).hasResourceProperties(RISK, {
      AccountTakeoverRiskConfiguration: {
        NotifyConfiguration: {
          SourceArn: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:us-east-1:123456789012:identity/', { Ref: 'SenderF5F9B8E0' }]] },
        },
      },
    });
  });

  test('email templates are emitted and their lengths checked', () => {
    const email = { subject: 'Was this you?', htmlBody: '<p>Sign-in from {ip-address}</p>', textBody: 'Sign-in from {ip-address}' };
    const props = custom({
      accountTakeover: { low: ALLOW, medium: ALLOW, high: { action: RiskAction.BLOCK, notify: true } },
      notification: { sender: SENDER, blockEmail: email, mfaEmail: email, noActionEmail: email },
    });
    build(props).template.hasResourceProperties(RISK, {
      AccountTakeoverRiskConfiguration: { NotifyConfiguration: { BlockEmail: { Subject: 'Was this you?', HtmlBody: email.htmlBody, TextBody: email.textBody } } },
    });
    expect(() => build(custom({
      accountTakeover: { low: ALLOW, medium: ALLOW, high: { action: RiskAction.BLOCK, notify: true } },
      notification: { sender: SENDER, mfaEmail: { ...email, subject: 's'.repeat(141) } },
    }))).toThrow(/adaptiveAuthentication\.notification\.mfaEmail\.subject must be 1 to 140 characters, not 141/);
    expect(() => build(custom({
      accountTakeover: { low: ALLOW, medium: ALLOW, high: { action: RiskAction.BLOCK, notify: true } },
      notification: { sender: SENDER, blockEmail: { ...email, textBody: 'short' } },
    }))).toThrow(/adaptiveAuthentication\.notification\.blockEmail\.textBody must be 6 to 20,000 characters, not 5/);
  });

  test('a template placeholder Cognito does not fill in is advised about; the documented ones are not', () => {
    const withBody = (textBody: string) => custom({
      accountTakeover: { low: ALLOW, medium: ALLOW, high: { action: RiskAction.BLOCK, notify: true } },
      notification: { sender: SENDER, blockEmail: { subject: 'Blocked', htmlBody: '<p>Blocked</p>', textBody } },
    });
    build(withBody('Sign-in from {ip-address} in {city} at {login-time}. Not you? {one-click-link-invalid}')).annotations
      .hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('unknownRiskTemplatePlaceholder'));
    build(withBody('Sign-in from {ip_address} by {user}')).annotations
      .hasWarning('/TestStack/Users', Match.stringLikeRegexp('\\{ip_address\\}, \\{user\\}\\. .*cdk-mfa-user-pool:unknownRiskTemplatePlaceholder'));
  });

  test('ENFORCED threat protection without adaptive authentication is advised about; AUDIT is not', () => {
    build({ threatProtection: ThreatProtection.ENFORCED }).annotations
      .hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:threatProtectionWithoutRiskConfiguration'));
    build({ threatProtection: ThreatProtection.AUDIT }).annotations
      .hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('threatProtectionWithoutRiskConfiguration'));
    build({ ...ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.recommended() }).annotations
      .hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('threatProtectionWithoutRiskConfiguration'));
  });

  test('compromised credentials: the events given, or all; an empty list is written as given with an advisory', () => {
    build(custom({ compromisedCredentials: { block: false, events: [CompromisedCredentialsEvent.SIGN_UP] } })).template
      .hasResourceProperties(RISK, { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'NO_ACTION' }, EventFilter: ['SIGN_UP'] } });
    const empty = build(custom({ compromisedCredentials: { block: true, events: [] } }));
    empty.template.hasResourceProperties(RISK, { CompromisedCredentialsRiskConfiguration: { Actions: { EventAction: 'BLOCK' }, EventFilter: [] } });
    empty.annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:compromisedCredentialsWithoutEvents'));
  });

  test('each risk level is optional, as in Cognito: only the levels given are written', () => {
    const { template } = build(custom({ accountTakeover: { high: { action: RiskAction.BLOCK } } }));

    template.hasResourceProperties(RISK, {
      AccountTakeoverRiskConfiguration: { Actions: { HighAction: { EventAction: 'BLOCK', Notify: false }, LowAction: Match.absent(), MediumAction: Match.absent() } },
    });
  });

  test('a JavaScript caller that leaves levels out gets a pool, not a TypeError', () => {
    const accountTakeover = { medium: { action: RiskAction.MFA_IF_CONFIGURED } } as any;
    expect(() => build(custom({ accountTakeover }))).not.toThrow();
  });

  test('a notification email needs only a subject and one body, as NotifyEmailType does; with no body it is advised against', () => {
    const notification = {
      sender: SENDER,
      blockEmail: { subject: 'Blocked sign-in', textBody: 'We blocked a sign-in to {username}.' },
      mfaEmail: { subject: 'Sign-in check', htmlBody: '<p>We asked {username} for MFA.</p>' },
      noActionEmail: { subject: 'New sign-in' },
    };
    const { template, annotations } = build(custom({ accountTakeover: { high: { action: RiskAction.BLOCK, notify: true } }, notification }));

    template.hasResourceProperties(RISK, {
      AccountTakeoverRiskConfiguration: {
        NotifyConfiguration: Match.objectLike({
          BlockEmail: { Subject: 'Blocked sign-in', TextBody: 'We blocked a sign-in to {username}.' },
          MfaEmail: { Subject: 'Sign-in check', HtmlBody: '<p>We asked {username} for MFA.</p>' },
          NoActionEmail: { Subject: 'New sign-in' },
        }),
      },
    });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('notification\\.noActionEmail has neither htmlBody nor textBody.*cdk-mfa-user-pool:riskEmailWithoutBody'));
  });

  test('IP exceptions: IPv4 and IPv6 CIDR blocks are emitted', () => {
    build(custom({ ipExceptions: { alwaysBlock: ['198.51.100.0/24'], neverScore: ['10.0.0.0/8', '2001:db8::/32'] } })).template
      .hasResourceProperties(RISK, {
        RiskExceptionConfiguration: { BlockedIPRangeList: ['198.51.100.0/24'], SkippedIPRangeList: ['10.0.0.0/8', '2001:db8::/32'] },
        AccountTakeoverRiskConfiguration: Match.absent(),
      });
  });

  test.each(['198.51.100.0', '198.51.100.0/33', '300.1.1.1/8', '2001:db8::/129', 'example.com/24', ''])('IP range %j is refused', (range) => {
    expect(() => build(custom({ ipExceptions: { alwaysBlock: [range] } })))
      .toThrow(/adaptiveAuthentication\.ipExceptions\.alwaysBlock has a range that is not an IPv4 or IPv6 CIDR block/);
  });

  test('more than 200 ranges are refused; tokens are not checked', () => {
    const ranges = Array.from({ length: 201 }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`);
    expect(() => build(custom({ ipExceptions: { neverScore: ranges } })))
      .toThrow(/adaptiveAuthentication\.ipExceptions\.neverScore has 201 ranges; Cognito takes at most 200/);
    const token = Lazy.string({ produce: () => '192.0.2.0/24' });
    build(custom({ ipExceptions: { neverScore: [token] } })).template
      .hasResourceProperties(RISK, { RiskExceptionConfiguration: { SkippedIPRangeList: ['192.0.2.0/24'] } });
  });

  test('an unknown action from an untyped caller is refused, naming the member names', () => {
    expect(() => build(custom({ accountTakeover: { low: ALLOW, medium: ALLOW, high: { action: 'DENY' as RiskAction } } })))
      .toThrow(/accountTakeover\.high\.action is not a RiskAction \(received: "DENY"\)\. Use RiskAction\.ALLOW, MFA_IF_CONFIGURED, MFA_REQUIRED or BLOCK\./);
  });

  test('a custom configuration with no action synthesizes (Cognito accepts an empty one) with an advisory', () => {
    const { template, annotations } = build(custom({}));
    template.resourceCountIs(RISK, 1);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('adaptiveAuthentication configures no action.*cdk-mfa-user-pool:adaptiveWithoutAction'));
    build(custom({ accountTakeover: {} })).annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:adaptiveWithoutAction'));
  });

  test('grantAdminRisk grants the risky-sign-in support actions on this pool only', () => {
    const { stack, pool } = build(ENFORCED);
    pool.grantAdminRisk(new iam.Role(stack, 'Support', { assumedBy: new iam.AccountRootPrincipal() }));
    Template.fromStack(stack).hasResourceProperties('AWS::IAM::Policy', {
      PolicyDocument: {
        Statement: [{
          Action: ['cognito-idp:AdminListUserAuthEvents', 'cognito-idp:AdminUpdateAuthEventFeedback'],
          Effect: 'Allow',
          Resource: { 'Fn::GetAtt': ['Users0A0EEA89', 'Arn'] },
        }],
      },
    });
  });

  test('PLUS is required through threat protection: an explicit ESSENTIALS plan is refused', () => {
    expect(() => build({ ...ENFORCED, featurePlan: cognito.FeaturePlan.ESSENTIALS, adaptiveAuthentication: AdaptiveAuthentication.recommended() }))
      .toThrow(/featurePlan must be PLUS for threat protection/);
  });
});
