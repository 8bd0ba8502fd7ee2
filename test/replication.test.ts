import { App, CfnCondition, CfnParameter, CfnResource, Fn, NestedStack, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { IConstruct } from 'constructs';
import {
  ManagedLoginDomain, MfaEnforcement, MfaUserPool, MfaUserPoolSecondary, MfaUserPoolSecondaryProps, PoolEncryption, ReplicaStatus, SmsMfa,
  SmsOriginationIdentity,
  TokenIssuer,
} from '../src';
import { ACCOUNT, allowSms, build, newApp, SES, stackEndingWith, TwoRegions, twoRegions } from './util';
import { MfaConfigurationError } from '../src/private/errors';

const QUIET = { tokenIssuer: TokenIssuer.UPDATED, mfa: MfaEnforcement.OFF };
const poolsIn = (region: string) => ({ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cognito-idp:${region}:${ACCOUNT}:userpool/*`]] });

/** A two-Region app with its secondary, synthesized. */
function withSecondary(props = {}, secondary: Partial<MfaUserPoolSecondaryProps> = {}): TwoRegions & { construct: MfaUserPoolSecondary } {
  const r = twoRegions({ ...QUIET, ...props });
  const construct = new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool, ...secondary });
  r.app.synth();
  return { ...r, construct };
}

/** A key's policy statements by Sid (every statement the library writes has one). */
const bySidOf = (key: any): Record<string, any> =>
  Object.fromEntries(key.Properties.KeyPolicy.Statement.filter((st: any) => st.Sid).map((st: any) => [st.Sid, st]));

const resourceOf = (stack: Stack, type: string) => {
  const found = Template.fromStack(stack).findResources(type);
  expect(Object.keys(found)).toHaveLength(1);
  return Object.values<any>(found)[0];
};

describe('replication: the primary Region', () => {
  test('the replica lives in a stack of the primary Region, under a pinned logical ID, after the key replica', () => {
    const r = withSecondary();
    const replicaStack = stackEndingWith(r.app, 'Replica');
    const keyStack = stackEndingWith(r.app, 'KeyReplica');
    expect(replicaStack.node.id).toBe('PrimaryUsersB4D3099EReplica');
    expect(replicaStack.region).toBe('us-east-1');
    expect(keyStack.region).toBe('us-west-2');
    const template = Template.fromStack(replicaStack).toJSON();
    expect(Object.keys(template.Resources)).toEqual(['Replica']);
    expect(template.Resources.Replica).toMatchObject({
      Type: 'AWS::Cognito::UserPoolReplica',
      Properties: { UserPoolId: { 'Fn::ImportValue': 'Primary:ExportsOutputRefUsers0A0EEA89A1309EA5' }, RegionName: 'us-west-2' },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
    expect(replicaStack.dependencies.map(s => s.node.id).sort()).toEqual(['Primary', 'PrimaryUsersB4D3099EKeyReplica']);
    expect(keyStack.dependencies.map(s => s.node.id)).toEqual(['Primary']);
    expect(r.secondary.dependencies.map(s => s.node.id).sort()).toEqual(['Primary', 'PrimaryUsersB4D3099EReplica']);
  });

  test('the created key is multi-Region, names both Regions\' pools, and lets the account create grants through Cognito for AWS resources only', () => {
    const r = withSecondary();
    const key = resourceOf(r.primary, 'AWS::KMS::Key');
    expect(key.Properties.MultiRegion).toBe(true);
    const bySid = bySidOf(key);
    const both = [poolsIn('us-east-1'), poolsIn('us-west-2')];
    expect(bySid.CognitoEncryptsUserPools.Condition.ArnLike['aws:SourceArn']).toEqual(both);
    expect(bySid.CognitoEncryptsUserPools.Condition.StringLike['kms:EncryptionContext:aws:cognito-idp:userpool-arn']).toEqual(both);
    expect(bySid.AccountThroughCognitoGrants).toEqual({
      Sid: 'AccountThroughCognitoGrants',
      Effect: 'Allow',
      Principal: { AWS: '*' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { StringEquals: { 'kms:ViaService': 'cognito-idp.us-east-1.amazonaws.com', 'kms:CallerAccount': ACCOUNT }, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    });
    Template.fromStack(r.primary).hasResourceProperties('AWS::Cognito::UserPool', {
      KeyConfiguration: { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: { 'Fn::GetAtt': ['UsersMultiRegionEncryptionKey04479D10', 'Arn'] } },
      IssuerConfiguration: { Type: 'UPDATED' },
    });
  });

  test('the key replica in the secondary Region has the same statements for its own Region, and the account administers it', () => {
    const r = withSecondary();
    const keyStack = stackEndingWith(r.app, 'KeyReplica');
    const replica = Template.fromStack(keyStack).toJSON().Resources.EncryptionKeyReplica;
    expect(replica).toMatchObject({ Type: 'AWS::KMS::ReplicaKey', DeletionPolicy: 'Retain' });
    // Enabled is left to KMS: Cognito may take control of the key once the replica is active.
    expect(replica.Properties.Enabled).toBeUndefined();
    expect(replica.Properties.PrimaryKeyArn).toEqual({ 'Fn::GetAtt': ['ExportsReader8B249524', expect.stringContaining('UsersMultiRegionEncryptionKey04479D10Arn')] });
    const bySid = bySidOf(replica);
    expect(Object.keys(bySid)).toEqual(['AccountAdministersTheKey', 'CognitoEncryptsUserPools', 'CognitoDescribesTheKey', 'AccountThroughCognitoDescribes',
      'AccountThroughCognitoEncrypts', 'AccountThroughCognitoGrants', 'CognitoCreatesGrants']);
    expect(bySid.CognitoCreatesGrants).toEqual({
      Sid: 'CognitoCreatesGrants',
      Effect: 'Allow',
      Principal: { Service: 'cognito-idp.amazonaws.com' },
      Action: 'kms:CreateGrant',
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': ACCOUNT }, ArnLike: { 'aws:SourceArn': [poolsIn('us-west-2'), poolsIn('us-east-1')] } },
    });
    expect(bySid.AccountAdministersTheKey.Principal).toEqual({ AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:iam::${ACCOUNT}:root`]] } });
    expect(bySid.AccountThroughCognitoEncrypts.Condition.StringEquals['kms:ViaService']).toBe('cognito-idp.us-west-2.amazonaws.com');
    expect(bySid.CognitoEncryptsUserPools.Condition.ArnLike['aws:SourceArn']).toEqual([poolsIn('us-west-2'), poolsIn('us-east-1')]);
  });

  test('a multi-Region key of the app gets its replica too; an imported key gets none, and the replica stands alone', () => {
    const own = twoRegions({ ...QUIET, encryption: undefined });
    expect(stackEndingWith(own.app, 'KeyReplica')).toBeDefined();

    const r = twoRegions({
      ...QUIET,
      encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(new Stack(), 'K', `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-0123456789abcdef0123456789abcdef`)),
    });
    r.app.synth();
    expect(() => stackEndingWith(r.app, 'KeyReplica')).toThrow(/found none/);
    expect(stackEndingWith(r.app, 'Replica').dependencies.map(s => s.node.id)).toEqual(['Primary']);
    expect(Annotations.fromStack(r.primary).findWarning('/Primary/Users', Match.stringLikeRegexp('replicationKeyOutsideApp'))).toHaveLength(1);
  });

  test('the created SMS role trusts both Regions\' pools, with the same external ID', () => {
    const r = withSecondary({ sms: SmsMfa.withNewRole() });
    const role = Template.fromStack(r.primary).toJSON().Resources.UsersSmsRole2846A27E;
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Condition).toEqual({
      StringEquals: { 'sts:ExternalId': 'Users0A0EEA89', 'aws:SourceAccount': ACCOUNT },
      ArnLike: { 'aws:SourceArn': [poolsIn('us-east-1'), poolsIn('us-west-2')] },
    });
  });

  test('a pool without replication renders as before: no key, no replica stack, one Region in the SMS trust', () => {
    const { stack, template } = build({ sms: SmsMfa.withNewRole() });
    template.resourceCountIs('AWS::KMS::Key', 0);
    expect(stack.node.root.node.children.filter(c => c instanceof Stack)).toHaveLength(1);
    const role = Object.values<any>(template.findResources('AWS::IAM::Role'))[0];
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Condition.ArnLike['aws:SourceArn']).toEqual(poolsIn('us-east-1'));
  });
});

describe('replication: the secondary Region', () => {
  test('the Regional configuration is INACTIVE by default, names the pool through a cross-Region reference, and shares the primary\'s SMS role', () => {
    const r = withSecondary({ sms: SmsMfa.withNewRole() });
    const template = Template.fromStack(r.secondary).toJSON();
    const attachment = template.Resources.UsersRegionalConfigurationA96F57E8;
    expect(attachment.Type).toBe('AWS::Cognito::UserPoolRegionalConfigurationAttachment');
    expect(attachment.Properties).toEqual({
      UserPoolId: { 'Fn::GetAtt': ['ExportsReader8B249524', '/cdk/exports/Secondary/Primaryuseast1RefUsers0A0EEA890DC607CA'] },
      Status: 'INACTIVE',
      SmsConfiguration: {
        SnsCallerArn: { 'Fn::GetAtt': ['ExportsReader8B249524', '/cdk/exports/Secondary/Primaryuseast1FnGetAttUsersSmsRole2846A27EArn482D819F'] },
        ExternalId: 'Users0A0EEA89',
        SnsRegion: 'us-west-2',
      },
    });
    expect(r.construct.status).toBe(ReplicaStatus.INACTIVE);
    expect(r.construct.smsRole).toBe(r.pool.smsRole);
  });

  test('status ACTIVE, SES email and an SMS role of its own are written as given', () => {
    const r = withSecondary({ sms: SmsMfa.withNewRole(), userPoolProps: { email: SES } }, {
      status: ReplicaStatus.ACTIVE,
      sms: SmsMfa.withNewRole({ externalId: 'users-west' }),
      email: { from: 'MyApp <no-reply@example.com>', sesIdentityArn: `arn:aws:ses:us-west-2:${ACCOUNT}:identity/example.com`, replyTo: 'help@example.com', configurationSet: 'west' },
    });
    const template = Template.fromStack(r.secondary);
    const attachment = resourceOf(r.secondary, 'AWS::Cognito::UserPoolRegionalConfigurationAttachment');
    expect(attachment.Properties.Status).toBe('ACTIVE');
    expect(attachment.Properties.EmailConfiguration).toEqual({
      EmailSendingAccount: 'DEVELOPER',
      From: 'MyApp <no-reply@example.com>',
      SourceArn: `arn:aws:ses:us-west-2:${ACCOUNT}:identity/example.com`,
      ReplyToEmailAddress: 'help@example.com',
      ConfigurationSet: 'west',
    });
    expect(attachment.Properties.SmsConfiguration).toEqual({ SnsCallerArn: { 'Fn::GetAtt': ['UsersSmsRole2846A27E', 'Arn'] }, ExternalId: 'users-west', SnsRegion: undefined });
    const role = Object.values<any>(template.findResources('AWS::IAM::Role', { Properties: { Description: Match.stringLikeRegexp('send SMS') } }))[0];
    expect(role.Properties.AssumeRolePolicyDocument.Statement[0].Condition.ArnLike['aws:SourceArn']).toEqual(poolsIn('us-west-2'));
  });

  test('End User Messaging in the secondary: a role of its own scoped to the identity of its Region, written as EumsSms', () => {
    const identity = `arn:aws:sms-voice:us-west-2:${ACCOUNT}:phone-number/phone-0123456789abcdef`;
    const r = withSecondary({}, { sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(identity) }) });
    const attachment = resourceOf(r.secondary, 'AWS::Cognito::UserPoolRegionalConfigurationAttachment');
    expect(attachment.Properties.SmsConfiguration).toEqual({
      EumsSms: { CallerArn: { 'Fn::GetAtt': ['UsersSmsRole2846A27E', 'Arn'] }, ExternalId: 'SecondaryUsers0E31345B', OriginationIdentity: identity },
    });
  });

  test('the web ACL and log delivery are rebuilt for the replica: associated with the replica\'s ARN, delivering the pool\'s logs in this Region', () => {
    const r = withSecondary({ abuseProtection: {}, sms: SmsMfa.withNewRole() });
    const template = Template.fromStack(r.secondary);
    const association = resourceOf(r.secondary, 'AWS::WAFv2::WebACLAssociation');
    expect(association.Properties.ResourceArn).toEqual({
      'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cognito-idp:us-west-2:${ACCOUNT}:userpool/`,
        { 'Fn::GetAtt': ['ExportsReader8B249524', '/cdk/exports/Secondary/Primaryuseast1RefUsers0A0EEA890DC607CA'] }]],
    });
    template.resourceCountIs('AWS::WAFv2::WebACL', 1);
    template.hasResourceProperties('AWS::Cognito::LogDeliveryConfiguration', {
      UserPoolId: { 'Fn::GetAtt': ['ExportsReader8B249524', '/cdk/exports/Secondary/Primaryuseast1RefUsers0A0EEA890DC607CA'] },
    });
    expect(Object.keys(template.findResources('AWS::WAFv2::WebACL'))).toEqual(['UsersWebAclDB0B391F']);
    expect(r.construct.webAclArn).toBeDefined();
    expect(r.construct.deliveryErrorLogGroup).toBeDefined();
  });

  test('the alarms and dashboard of the secondary watch this Region', () => {
    const r = twoRegions({ ...QUIET, sms: SmsMfa.withNewRole() });
    const secondary = new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool });
    const alarms = secondary.addAlarms({ smsMonthlySpendLimitUsd: 100 });
    secondary.addDashboard();
    r.app.synth();
    expect(alarms.alarms.map(a => a.node.id).sort()).toEqual(['DeliveryErrorsAlarm', 'SignInThrottlesAlarm', 'SmsSpendAlarm', 'SmsSuccessRateAlarm']);
    Template.fromStack(r.secondary).resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    expect(() => secondary.addAlarms()).toThrow(/alarmsTwice/);
    expect(() => secondary.addDashboard()).toThrow(/dashboardTwice/);
  });
});

/**
 * Ways an app can give a pool a second replica or a second Regional configuration, or a replica
 * without what Cognito needs: each must be refused (a reviewer adds a case in one line).
 */
const ATTACKS: Array<[string, (r: TwoRegions) => void, string]> = [
  ['a raw L1 replica next to replication', r => new CfnResource(r.primary, 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'eu-west-1' } }), 'replicaTwice'],
  ['a raw replica in another stack of the primary Region', r => new CfnResource(new Stack(r.app, 'Other', { env: { account: ACCOUNT, region: 'us-east-1' } }), 'Raw', {
    type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'eu-west-1' },
  }), 'replicaTwice'],
  ['a raw replica written with an override of an L1 of another type', r => {
    const raw = new CfnResource(r.primary, 'Disguised', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: 'us-east-1_placeholder', RegionName: 'eu-west-1' } });
    raw.addPropertyOverride('UserPoolId', r.pool.userPoolId);
  }, 'replicaTwice'],
  ['a second secondary construct', r => {
    new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool });
    new MfaUserPoolSecondary(r.secondary, 'Again', { pool: r.pool });
  }, 'secondaryTwice'],
  ['a raw Regional configuration next to the secondary construct', r => {
    new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool });
    new CfnResource(r.secondary, 'Raw', { type: 'AWS::Cognito::UserPoolRegionalConfigurationAttachment', properties: { UserPoolId: r.pool.userPoolId, Status: 'ACTIVE' } });
  }, 'secondaryTwice'],
  ['the secondary in an environment-agnostic stack', r => new MfaUserPoolSecondary(new Stack(r.app, 'Agnostic'), 'Users', { pool: r.pool }), 'secondaryRegion'],
  ['the secondary in a stack without cross-Region references', r => new MfaUserPoolSecondary(
    new Stack(r.app, 'NoRefs', { env: { account: ACCOUNT, region: 'us-west-2' } }), 'Users', { pool: r.pool }), 'secondaryRegion'],
  ['the secondary in the primary\'s stack', r => new MfaUserPoolSecondary(r.primary, 'Secondary', { pool: r.pool }), 'secondaryRegion'],
  ['the secondary in a stack of another account', r => new MfaUserPoolSecondary(
    new Stack(r.app, 'Elsewhere', { env: { account: '999999999999', region: 'us-west-2' }, crossRegionReferences: true }), 'Users', { pool: r.pool }), 'secondaryRegion'],
  ['an override of the replica\'s Region to another Region (no key replica there)', r => r.pool._replication!.replica.addPropertyOverride('RegionName', 'eu-west-1'),
    'replicationNeedsCustomerManagedKey'],
  ['an override of the replica\'s Region, with the secondary in the Region it had', r => {
    new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool });
    r.pool._replication!.replica.addPropertyOverride('RegionName', 'eu-west-1');
  }, 'secondaryRegion'],
  ['an override of the replica\'s Region to the pool\'s own', r => r.pool._replication!.replica.addPropertyOverride('RegionName', 'us-east-1'), 'replicationRegionForm'],
  ['an override of the replica\'s Region to one without replication', r => r.pool._replication!.replica.addPropertyOverride('RegionName', 'af-south-1'),
    'replicationRegionUnavailable'],
  ['an override of the pool\'s plan to LITE', r => (r.pool.userPool.node.defaultChild as cognito.CfnUserPool).addPropertyOverride('UserPoolTier', 'LITE'),
    'replicationNeedsEssentials'],
  ['an override of the pool\'s key to one AWS owns', r => (r.pool.userPool.node.defaultChild as cognito.CfnUserPool).addPropertyOverride('KeyConfiguration', { KeyType: 'AWS_OWNED_KEY' }),
    'replicationNeedsCustomerManagedKey'],
  ['an override of the Regional configuration\'s status', r => new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool }).regionalConfiguration
    .addPropertyOverride('Status', 'Active'), 'regionalStatusForm'],
  ['a second key replica of the pool\'s key in the same Region', r => new kms.CfnReplicaKey(r.secondary, 'Mine', { primaryKeyArn: r.pool.encryptionKey!.keyArn, keyPolicy: {} }),
    'keyReplicaTwice'],
  ['a raw Regional configuration in a Region other than the replica\'s', r => new CfnResource(
    new Stack(r.app, 'Ireland', { env: { account: ACCOUNT, region: 'eu-west-1' }, crossRegionReferences: true }), 'Raw', {
      type: 'AWS::Cognito::UserPoolRegionalConfigurationAttachment', properties: { UserPoolId: r.pool.userPoolId },
    }), 'secondaryRegion'],
  ['a raw Regional configuration not ordered after the replica', r => new CfnResource(r.secondary, 'Raw', {
    type: 'AWS::Cognito::UserPoolRegionalConfigurationAttachment', properties: { UserPoolId: r.pool.userPoolId },
  }), 'secondaryRegion'],
  ['a second key replica written as a raw resource', r => new CfnResource(r.secondary, 'RawKeyReplica', {
    type: 'AWS::KMS::ReplicaKey', properties: { PrimaryKeyArn: r.pool.encryptionKey!.keyArn, KeyPolicy: {} },
  }), 'keyReplicaTwice'],
  ['an override of the Regional SNS Region to one Cognito does not take there', r => new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool, sms: SmsMfa.withNewRole() })
    .regionalConfiguration.addPropertyOverride('SmsConfiguration.SnsRegion', 'eu-west-1'), 'snsRegionNotAccepted'],
  ['an override of the key\'s MultiRegion to false', r => (r.pool.encryptionKey!.node.defaultChild as kms.CfnKey).addPropertyOverride('MultiRegion', false),
    'replicationNeedsCustomerManagedKey'],
];

describe('replication under attack', () => {
  test.each(ATTACKS)('%s is refused', (_name, attack, rule) => {
    const r = twoRegions(QUIET);
    expect(() => { attack(r); r.app.synth(); }).toThrow(new RegExp(`\\b${rule}\\b`));
  });

  test.each([
    ['a raw replica of a pool encrypted with a key AWS owns', { replication: undefined }, 'replicationNeedsCustomerManagedKey'],
    ['a raw replica of a Lite pool', { replication: undefined, featurePlan: cognito.FeaturePlan.LITE }, 'replicationNeedsEssentials'],
  ])('%s is refused', (_name, props, rule) => {
    const r = twoRegions({ ...QUIET, ...props });
    new CfnResource(r.primary, 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'us-west-2' } });
    expect(() => r.app.synth()).toThrow(new RegExp(`\\b${rule}\\b`));
  });

  /** A pool with a multi-Region key of the app and no replication, and a raw replica of it to us-west-2 (after the key replica `more` may add). */
  const rawReplicaApp = (more: (key: kms.Key, app: App) => IConstruct | undefined = () => undefined) => {
    const app = newApp();
    const primary = new Stack(app, 'Primary', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const key = new kms.Key(primary, 'Key', { multiRegion: true });
    const pool = new MfaUserPool(primary, 'Users', { encryption: PoolEncryption.customerManagedKey(key) });
    const replicas = new Stack(app, 'Replicas', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const raw = new CfnResource(replicas, 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: pool.userPoolId, RegionName: 'us-west-2' } });
    const keyReplica = more(key, app);
    if (keyReplica) {
      raw.node.addDependency(keyReplica);
    }
    return { app, primary };
  };

  test('a raw replica of a pool with a multi-Region key is accepted once the key has a replica in that Region, and advised as replication is', () => {
    const r = rawReplicaApp((key, app) => new kms.CfnReplicaKey(new Stack(app, 'Keys', { env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true }),
      'Replica', { primaryKeyArn: key.keyArn, keyPolicy: {} }));
    r.app.synth();
    const advisories = Annotations.fromStack(r.primary).findWarning('/Primary/Users', Match.anyValue()).map(w => String(w.entry.data));
    expect(advisories.some(a => a.includes('replicationTotpOnly'))).toBe(true);
    expect(advisories.some(a => a.includes('replicationIssuerOriginal'))).toBe(true);
  });

  test('a raw replica of a pool whose key has no replica in that Region is refused; a raw resource key replica counts', () => {
    expect(() => rawReplicaApp().app.synth()).toThrow(/encryption has no replica in us-west-2/);
    const raw = rawReplicaApp((key, app) => new CfnResource(new Stack(app, 'Keys', { env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true }),
      'Replica', { type: 'AWS::KMS::ReplicaKey', properties: { PrimaryKeyArn: key.keyArn, KeyPolicy: {} } }));
    expect(() => raw.app.synth()).not.toThrow();
  });

  test('a raw replica of a pool whose created key is single-Region is refused', () => {
    const r = twoRegions({ ...QUIET, replication: undefined, encryption: PoolEncryption.customerManagedKey() });
    new CfnResource(r.primary, 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'us-west-2' } });
    expect(() => r.app.synth()).toThrow(/encryption is a single-Region key in the template/);
  });

  test('a secondary in a nested stack of the secondary\'s stack is accepted: a nested stack deploys with its parent', () => {
    const r = twoRegions(QUIET);
    new MfaUserPoolSecondary(new NestedStack(r.secondary, 'Nested'), 'Users', { pool: r.pool });
    expect(() => r.app.synth()).not.toThrow();
    expect(r.secondary.dependencies.map(s => s.node.id)).toContain('PrimaryUsersB4D3099EReplica');
  });

  test('a raw replica whose Region is known only at deploy time is advised: its checks cannot run', () => {
    const r = twoRegions({
      ...QUIET,
      replication: undefined,
      encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(new Stack(), 'K',
        `arn:aws:kms:us-east-1:${ACCOUNT}:key/mrk-0123456789abcdef0123456789abcdef`)),
    });
    new CfnResource(r.primary, 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: new CfnParameter(r.primary, 'R').valueAsString } });
    r.app.synth();
    expect(Annotations.fromStack(r.primary).findWarning('/Primary/Users', Match.stringLikeRegexp('names its Region with a value known only at deploy time'))).toHaveLength(1);
  });

  test('the key statements name the endpoint suffix of the key\'s partition', () => {
    const app = newApp();
    const iso = new Stack(app, 'Iso', { env: { account: ACCOUNT, region: 'us-iso-east-1' } });
    new MfaUserPool(iso, 'Users', { ...QUIET, encryption: PoolEncryption.customerManagedKey() });
    const statements = Object.values<any>(Template.fromStack(iso).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement;
    expect(statements.find((st: any) => st.Sid === 'AccountThroughCognitoEncrypts').Condition.StringEquals['kms:ViaService']).toBe('cognito-idp.us-iso-east-1.c2s.ic.gov');
  });

  test('a raw Regional configuration of a pool without any replica is refused', () => {
    const r = twoRegions({ ...QUIET, replication: undefined });
    new CfnResource(r.secondary, 'Raw', { type: 'AWS::Cognito::UserPoolRegionalConfigurationAttachment', properties: { UserPoolId: r.pool.userPoolId } });
    expect(() => r.app.synth()).toThrow(/secondaryWithoutReplication/);
  });

  test('a raw replica in a stack of the secondary Region is refused: the replica is made in the pool\'s Region', () => {
    const r = twoRegions({ ...QUIET, replication: undefined });
    new CfnResource(r.secondary, 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'us-west-2' } });
    expect(() => r.app.synth()).toThrow(/replicaStackRegion/);
  });

  test('a replica under a CloudFormation condition is not counted: whether it exists is known at deploy', () => {
    const r = twoRegions(QUIET);
    const raw = new CfnResource(r.primary, 'Maybe', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: r.pool.userPoolId, RegionName: 'eu-west-1' } });
    raw.cfnOptions.condition = new CfnCondition(r.primary, 'WantsSecond', { expression: Fn.conditionEquals(new CfnParameter(r.primary, 'Second', { default: 'no' }).valueAsString, 'yes') });
    expect(() => r.app.synth()).not.toThrow();
  });

  test('a replica of another pool is not this pool\'s', () => {
    const r = twoRegions(QUIET);
    const other = new cognito.UserPool(r.primary, 'Other');
    new CfnResource(r.primary, 'Raw', { type: 'AWS::Cognito::UserPoolReplica', properties: { UserPoolId: other.userPoolId, RegionName: 'eu-west-1' } });
    expect(() => r.app.synth()).not.toThrow();
  });
});

describe('replication: data safety', () => {
  test('adding replication keeps the pool\'s logical ID and every property but its key; the multi-Region key is a new key under an ID of its own', () => {
    const before = twoRegions({ ...QUIET, replication: undefined, encryption: PoolEncryption.customerManagedKey(), sms: SmsMfa.withNewRole() });
    const after = twoRegions({ ...QUIET, sms: SmsMfa.withNewRole() });
    const pools = (r: TwoRegions) => Template.fromStack(r.primary).findResources('AWS::Cognito::UserPool');
    expect(Object.keys(pools(after))).toEqual(Object.keys(pools(before)));
    const { KeyConfiguration: keyBefore, ...restBefore } = Object.values<any>(pools(before))[0].Properties;
    const { KeyConfiguration: keyAfter, ...restAfter } = Object.values<any>(pools(after))[0].Properties;
    expect(restAfter).toEqual(restBefore);
    // KMS cannot change MultiRegion of an existing key ("the update request fails"): the pool moves
    // to a new multi-Region key (KeyConfiguration updates without interruption), and the
    // single-Region key leaves the template, retained by the default removal policy.
    expect(keyBefore.KmsKeyArn).toEqual({ 'Fn::GetAtt': ['UsersEncryptionKey6BC7E8E4', 'Arn'] });
    expect(keyAfter.KmsKeyArn).toEqual({ 'Fn::GetAtt': ['UsersMultiRegionEncryptionKey04479D10', 'Arn'] });
    const keys = (r: TwoRegions) => Template.fromStack(r.primary).findResources('AWS::KMS::Key');
    expect(Object.values<any>(keys(before))[0]).toMatchObject({ DeletionPolicy: 'Retain' });
    expect(Object.values<any>(keys(before))[0].Properties.MultiRegion).toBeUndefined();
    expect(Object.values<any>(keys(after))[0]).toMatchObject({ Properties: { MultiRegion: true }, DeletionPolicy: 'Retain' });
  });

  test('the refusal names the prop, the value and the fix', () => {
    try {
      twoRegions({ ...QUIET, encryption: PoolEncryption.awsOwnedKey() });
      throw new Error('not refused');
    } catch (e) {
      expect(e).toBeInstanceOf(MfaConfigurationError);
      expect((e as Error).message).toMatch(/encryption.*key AWS owns.*multi-Region customer managed key/);
      expect((e as Error).message).toMatch(/Leave encryption out/);
    }
  });

  test('a role brought for SMS is not widened: the secondary writes no SMS and advises', () => {
    const app = newApp();
    const primary = new Stack(app, 'Primary', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const secondary = new Stack(app, 'Secondary', { env: { account: ACCOUNT, region: 'us-west-2' }, crossRegionReferences: true });
    const role = allowSms(new iam.Role(primary, 'Brought', {
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': 'users' } } }),
    }));
    const pool = new MfaUserPool(primary, 'Users', { ...QUIET, replication: { region: 'us-west-2' }, sms: SmsMfa.withRole(role, 'users') });
    new MfaUserPoolSecondary(secondary, 'Users', { pool });
    app.synth();
    const attachment = resourceOf(secondary, 'AWS::Cognito::UserPoolRegionalConfigurationAttachment');
    expect(attachment.Properties.SmsConfiguration).toBeUndefined();
    expect(Annotations.fromStack(secondary).findWarning('/Secondary/Users', Match.stringLikeRegexp('secondarySmsMissing'))).toHaveLength(1);
  });
});

describe('replication: Regional settings the secondary does not copy, and where it sends email', () => {
  test('Lambda triggers and the risk notification email are advised, until the Regional configuration has the triggers', () => {
    const trigger = (stack: Stack) => lambda.Function.fromFunctionArn(stack, 'Pre', `arn:aws:lambda:us-east-1:${ACCOUNT}:function:pre`);
    const r = twoRegions({ ...QUIET });
    (r.pool.userPool.node.defaultChild as cognito.CfnUserPool).lambdaConfig = { preAuthentication: trigger(r.primary).functionArn };
    const secondary = new MfaUserPoolSecondary(r.secondary, 'Users', { pool: r.pool });
    r.app.synth();
    expect(Annotations.fromStack(r.secondary).findWarning('/Secondary/Users', Match.stringLikeRegexp('the Lambda trigger PreAuthentication'))).toHaveLength(1);

    const copied = twoRegions({ ...QUIET });
    (copied.pool.userPool.node.defaultChild as cognito.CfnUserPool).lambdaConfig = { preAuthentication: trigger(copied.primary).functionArn };
    new MfaUserPoolSecondary(copied.secondary, 'Users', { pool: copied.pool }).regionalConfiguration
      .addPropertyOverride('LambdaConfig.PreAuthentication', `arn:aws:lambda:us-west-2:${ACCOUNT}:function:pre`);
    copied.app.synth();
    expect(Annotations.fromStack(copied.secondary).findWarning('/Secondary/Users', Match.stringLikeRegexp('secondaryRegionalSettingsMissing'))).toHaveLength(0);
    expect(secondary.regionalConfiguration.cfnResourceType).toBe('AWS::Cognito::UserPoolRegionalConfigurationAttachment');
  });

  test('email MFA in a pool whose secondary has no SES email: the advisory says the codes fail there', () => {
    const r = withSecondary({ mfa: MfaEnforcement.OPTIONAL, email: {}, userPoolProps: { email: SES } });
    const warning = Annotations.fromStack(r.secondary).findWarning('/Secondary/Users', Match.stringLikeRegexp('secondaryEmailDefault'));
    expect(warning.map(w => String(w.entry.data))[0]).toMatch(/Email MFA needs Amazon SES, so email codes fail there/);
  });

  test.each([
    ['an SES identity of the primary\'s Region', `arn:aws:ses:us-east-1:${ACCOUNT}:identity/example.com`, 1],
    ['an ARN that is not an SES identity', `arn:aws:sns:us-west-2:${ACCOUNT}:identity`, 1],
    ['an SES identity of the secondary\'s Region', `arn:aws:ses:us-west-2:${ACCOUNT}:identity/example.com`, 0],
  ])('email from %s', (_name, sesIdentityArn, warnings) => {
    const r = withSecondary({}, { email: { from: 'no-reply@example.com', sesIdentityArn } });
    expect(Annotations.fromStack(r.secondary).findWarning('/Secondary/Users', Match.stringLikeRegexp('secondaryEmailRegion'))).toHaveLength(warnings);
  });

  test('a key of the app with log delivery gets the guide\'s statements for exported logs, in each Region', () => {
    const r = withSecondary({ sms: SmsMfa.withNewRole() });
    const key = resourceOf(r.primary, 'AWS::KMS::Key');
    const bySid = bySidOf(key);
    const logs = (region: string) => ({ StringLike: { 'kms:EncryptionContext:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:logs:${region}:${ACCOUNT}:*`]] } } });
    expect(bySid.CognitoEncryptsExportedLogs).toEqual({
      Sid: 'CognitoEncryptsExportedLogs',
      Effect: 'Allow',
      Principal: { Service: 'cognito-idp.amazonaws.com' },
      Action: ['kms:GenerateDataKey', 'kms:Encrypt'],
      Resource: '*',
      Condition: logs('us-east-1'),
    });
    expect(bySid.LogDeliveryDecryptsExportedLogs).toMatchObject({ Principal: { Service: 'delivery.logs.amazonaws.com' }, Action: ['kms:GenerateDataKey', 'kms:Decrypt'], Condition: logs('us-east-1') });
    const replica = Template.fromStack(stackEndingWith(r.app, 'KeyReplica')).toJSON().Resources.EncryptionKeyReplica;
    expect(replica.Properties.KeyPolicy.Statement.find((st: any) => st.Sid === 'CognitoEncryptsExportedLogs').Condition).toEqual(logs('us-west-2'));
  });
});

describe('replication: managed login failover', () => {
  test('failoverHealthCheckId writes Routing.Failover with the replica\'s Region on the domain; on a prefix domain it is advised (the guide\'s versions disagree)', () => {
    const r = twoRegions(QUIET);
    r.pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users'), failoverHealthCheckId: 'abcdef01-2345-6789-abcd-ef0123456789' });
    r.app.synth();
    expect(Annotations.fromStack(r.primary).findWarning('/Primary/Users', Match.stringLikeRegexp('managedLoginFailoverPrefixDomain'))).toHaveLength(1);
    Template.fromStack(r.primary).hasResourceProperties('AWS::Cognito::UserPoolDomain', {
      Routing: { Failover: { PrimaryRoute53HealthCheckId: 'abcdef01-2345-6789-abcd-ef0123456789', SecondaryRegion: 'us-west-2' } },
    });
  });

  test.each([
    ['without replication', { replication: undefined }, 'abcdef01', /needs a replica to fail over to/],
    ['an empty ID', {}, '', /must be a Route 53 health check ID of 1 to 64 characters/],
    ['an ID longer than 64 characters', {}, 'x'.repeat(65), /must be a Route 53 health check ID of 1 to 64 characters/],
  ])('%s is refused', (_name, props, id, message) => {
    const r = twoRegions({ ...QUIET, ...props });
    expect(() => r.pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users'), failoverHealthCheckId: id })).toThrow(message);
  });

  test('a health check ID that is a token is written as it is', () => {
    const r = twoRegions(QUIET);
    r.pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users'), failoverHealthCheckId: new CfnParameter(r.primary, 'HealthCheck').valueAsString });
    r.app.synth();
    Template.fromStack(r.primary).hasResourceProperties('AWS::Cognito::UserPoolDomain', { Routing: { Failover: { PrimaryRoute53HealthCheckId: { Ref: 'HealthCheck' } } } });
  });
});
