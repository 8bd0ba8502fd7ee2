import { RemovalPolicy } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import {
  AdaptiveAuthentication, DeviceRemembering, ManagedLoginDomain, MfaEnforcement, MfaUserPool, MfaUserPoolProps, SmsMfa, SmsOriginationIdentity,
  ThreatProtection,
} from '../../src';
import { newStack } from '../util';

/**
 * Configurations that differ only in what a team changes on a live pool: MFA mode, factors, SMS
 * options, abuse protection (web ACL, country rules), device remembering, threat protection, passkeys and
 * passwordless first factors. Switching between any two must update the pool
 * in place: same logical ID, and none of the properties Cognito refuses to update changes.
 */
const LIVE_CHANGES: Record<string, MfaUserPoolProps> = {
  'default': {},
  'mfa OFF': { mfa: MfaEnforcement.OFF },
  'mfa OPTIONAL': { mfa: MfaEnforcement.OPTIONAL },
  'SMS and TOTP': { sms: SmsMfa.withNewRole() },
  'SMS only': { totp: false, sms: SmsMfa.withNewRole() },
  'SMS with message and Region': { sms: SmsMfa.withNewRole({ message: 'Code {####}', snsRegion: 'us-east-1' }) },
  'SMS through End User Messaging': {
    sms: SmsMfa.withEndUserMessaging({
      originationIdentity: SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef'),
    }),
  },
  'SMS through End User Messaging, behind a web ACL, with country rules': {
    sms: SmsMfa.withEndUserMessaging({
      originationIdentity: SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef'),
    }),
    abuseProtection: { captcha: true, smsCountries: { allow: ['US'] } },
  },
  'SMS behind a web ACL you bring': {
    sms: SmsMfa.withNewRole(), abuseProtection: { webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/users/0123abcd' },
  },
  'devices ALWAYS': { deviceRemembering: DeviceRemembering.ALWAYS },
  'devices OFF': { deviceRemembering: DeviceRemembering.OFF },
  'threat protection AUDIT': { threatProtection: ThreatProtection.AUDIT },
  'threat protection ENFORCED': { threatProtection: ThreatProtection.ENFORCED },
  'adaptive authentication, recommended': {
    mfa: MfaEnforcement.OPTIONAL, threatProtection: ThreatProtection.ENFORCED, adaptiveAuthentication: AdaptiveAuthentication.recommended(),
  },
  'passkeys as MFA': { passkeys: { relyingPartyId: 'auth.example.com' } },
  'passkeys single factor, OPTIONAL': { mfa: MfaEnforcement.OPTIONAL, passkeys: { relyingPartyId: 'auth.example.com', countsAsMfa: false } },
  'passkeys and SMS OTP, OPTIONAL': {
    mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole(), passkeys: { relyingPartyId: 'auth.example.com' }, passwordless: { smsOtp: true },
  },
};

/** Properties Cognito will not change on an existing pool (the update fails). */
const FROZEN = ['UsernameAttributes', 'AliasAttributes', 'UsernameConfiguration', 'Schema'];

function synth(props: MfaUserPoolProps) {
  const stack = newStack();
  new MfaUserPool(stack, 'Users', props);
  const template = Template.fromStack(stack);
  const pools = template.findResources('AWS::Cognito::UserPool');
  const [logicalId] = Object.keys(pools);
  const properties = (pools[logicalId] as any).Properties;
  return { template, logicalId, properties };
}

describe('data safety across live changes', () => {
  const synthesized = Object.entries(LIVE_CHANGES).map(([name, props]) => ({ name, ...synth(props) }));
  const baseline = synthesized[0];

  test.each(synthesized.map(s => [s.name, s] as const))('%s keeps the pool logical ID and the frozen properties', (_name, s) => {
    expect(s.logicalId).toBe(baseline.logicalId);
    for (const key of FROZEN) {
      expect([key, s.properties[key]]).toEqual([key, baseline.properties[key]]);
    }
  });

  test('every SMS variant keeps the SMS role logical ID and the external ID', () => {
    const smsVariants = synthesized.filter(s => s.properties.SmsConfiguration);
    expect(smsVariants.length).toBeGreaterThanOrEqual(3);
    const roleIds = new Set(smsVariants.map(s => Object.keys(s.template.findResources('AWS::IAM::Role')).join()));
    const externalIds = new Set(smsVariants.map(s => (s.properties.SmsConfiguration.EumsSms ?? s.properties.SmsConfiguration).ExternalId));
    expect([...roleIds]).toEqual(['UsersSmsRole2846A27E']);
    expect([...externalIds]).toEqual(['Users0A0EEA89']);
    // Switching paths swaps only the role's policy: the SNS policy leaves the template (kept in
    // the account, detached, while the removal policy is RETAIN) and the direct path's comes in.
    const policies = new Set(smsVariants.map(s => Object.keys(s.template.findResources('AWS::IAM::ManagedPolicy')).join()));
    expect([...policies].sort()).toEqual(['UsersSmsEndUserMessagingPolicy3BEFC1F4', 'UsersSmsPolicy52D91C97']);
  });

  test('adding managed login changes nothing of the pool, its SMS role or its clients, and keeps every logical ID', () => {
    const withClient = (managed: boolean) => {
      const stack = newStack();
      const pool = new MfaUserPool(stack, 'Users', { sms: SmsMfa.withNewRole(), passkeys: { relyingPartyId: 'myapp-users.auth.us-east-1.amazoncognito.com' } });
      pool.addAppClient('Web', { oAuth: { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] } });
      if (managed) {
        pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users') });
      }
      return Template.fromStack(stack).toJSON().Resources as Record<string, any>;
    };
    const before = withClient(false);
    const after = withClient(true);
    for (const [id, resource] of Object.entries(before)) {
      expect([id, after[id]]).toEqual([id, resource]);
    }
    expect(Object.keys(after).filter(id => !(id in before)).map(id => after[id].Type).sort())
      .toEqual(['AWS::Cognito::ManagedLoginBranding', 'AWS::Cognito::UserPoolDomain']);
  });

  test('adding clients, grants or a second pool changes nothing about the first pool', () => {
    const before = synth({ sms: SmsMfa.withNewRole() });

    const stack = newStack();
    const pool = new MfaUserPool(stack, 'Users', { sms: SmsMfa.withNewRole() });
    pool.addAppClient('Web');
    pool.grantAdminMfa(new iam.Role(stack, 'Admin', { assumedBy: new iam.AccountRootPrincipal() }));
    new MfaUserPool(stack, 'Staff', { sms: SmsMfa.withNewRole() });
    const after = Template.fromStack(stack).findResources('AWS::Cognito::UserPool');

    expect((after[before.logicalId] as any).Properties).toEqual(before.properties);
  });

  test('turning passkeys and passwordless factors on or off keeps every logical ID, the clients\' included', () => {
    const logicalIds = (props: MfaUserPoolProps) => {
      const stack = newStack();
      const pool = new MfaUserPool(stack, 'Users', props);
      pool.addAppClient('Web');
      return Object.keys(Template.fromStack(stack).toJSON().Resources).sort();
    };
    const off = logicalIds({ mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole() });
    expect(off).toEqual(['Users0A0EEA89', 'UsersDeliveryErrorLogs3495214A', 'UsersDeliveryErrorMetric75A3F736', 'UsersLogDeliveryEA667BF2',
      'UsersSmsPolicy52D91C97', 'UsersSmsRole2846A27E', 'UsersWebA39D1A70']);
    expect(logicalIds({
      mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole(), passkeys: { relyingPartyId: 'auth.example.com' }, passwordless: { smsOtp: true },
    })).toEqual(off);
  });

  test('turning adaptive authentication on or off keeps every other logical ID', () => {
    const logicalIds = (props: MfaUserPoolProps) => {
      const stack = newStack();
      new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OPTIONAL, threatProtection: ThreatProtection.ENFORCED, ...props }).addAppClient('Web');
      return Object.keys(Template.fromStack(stack).toJSON().Resources).sort();
    };
    const off = logicalIds({});
    expect(logicalIds({ adaptiveAuthentication: AdaptiveAuthentication.recommended() }))
      .toEqual([...off, 'UsersRiskConfiguration15887888'].sort());
  });

  test('operations add resources with pinned logical IDs and change nothing else', () => {
    const synthesize = (operate: boolean) => {
      const stack = newStack();
      const pool = new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withNewRole(), threatProtection: ThreatProtection.ENFORCED });
      pool.addAppClient('Web');
      if (operate) {
        pool.addAlarms({ smsMonthlySpendLimitUsd: 10 });
        pool.addDashboard();
      }
      return Template.fromStack(stack).toJSON().Resources as Record<string, any>;
    };
    const before = synthesize(false);
    const after = synthesize(true);
    for (const [id, resource] of Object.entries(before)) {
      expect([id, after[id]]).toEqual([id, resource]);
    }
    expect(Object.keys(after).filter(id => !(id in before)).sort()).toEqual([
      'UsersAlarmsAlarmTopic87453C84', 'UsersAlarmsAlarmTopicKey01DF467C', 'UsersAlarmsAlarmTopicPolicy80907F6A',
      'UsersAlarmsCompromisedCredentialsAlarm440F39BF', 'UsersAlarmsDeliveryErrorsAlarm4ACC49F6', 'UsersAlarmsHighRiskAlarm32A76604',
      'UsersAlarmsSignInThrottlesAlarmED88A427', 'UsersAlarmsSmsSpendAlarmFC414E49', 'UsersAlarmsSmsSuccessRateAlarm55AE9F90',
      'UsersDashboard7EAF41D0',
    ]);
    // The log delivery resources are pinned too (they come with the SMS configuration).
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['UsersDeliveryErrorLogs3495214A', 'UsersDeliveryErrorMetric75A3F736', 'UsersLogDeliveryEA667BF2']));
  });

  test.each([RemovalPolicy.RETAIN, RemovalPolicy.DESTROY])(
    'the SMS role and its policy share the pool removal policy (%s)', (removalPolicy) => {
      const stack = newStack();
      new MfaUserPool(stack, 'Users', { sms: SmsMfa.withNewRole(), removalPolicy });
      const template = Template.fromStack(stack).toJSON();
      const policies = Object.values(template.Resources as Record<string, any>)
        .filter(r => ['AWS::Cognito::UserPool', 'AWS::IAM::Role', 'AWS::IAM::ManagedPolicy'].includes(r.Type))
        .map(r => [r.Type, r.DeletionPolicy, r.UpdateReplacePolicy]);
      expect(policies).toHaveLength(3);
      expect(new Set(policies.map(p => `${p[1]}/${p[2]}`)).size).toBe(1);
    });
});
