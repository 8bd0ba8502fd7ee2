import * as cdk from 'aws-cdk-lib';
import { App, Lazy, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaEnforcement, MfaUserPool, SmsMfa } from '../src';
import { ACCOUNT, acknowledgeCfnValidate, allowSms, build, CFN_VALIDATION_AVAILABLE, newStack, poolProperties } from './util';

describe('SmsMfa.withNewRole', () => {
  test('the role trusts only Cognito, with the external ID and the confused-deputy conditions', () => {
    const { template } = build({ sms: SmsMfa.withNewRole() });

    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Version: '2012-10-17',
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'cognito-idp.amazonaws.com' },
          Condition: {
            StringEquals: {
              'sts:ExternalId': 'Users0A0EEA89',
              'aws:SourceAccount': ACCOUNT,
            },
            ArnLike: {
              'aws:SourceArn': {
                'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cognito-idp:us-east-1:${ACCOUNT}:userpool/*`]],
              },
            },
          },
        }],
      },
    });
  });

  test('the role may send SMS but never publish to a topic', () => {
    const { template } = build({ sms: SmsMfa.withNewRole() });

    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'SendSmsToPhoneNumbers', Effect: 'Allow', Action: 'sns:Publish', Resource: '*' },
          {
            Sid: 'NeverPublishToTopics',
            Effect: 'Deny',
            Action: 'sns:Publish',
            Resource: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':sns:*:*:*']] },
          },
        ],
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      ManagedPolicyArns: [{ Ref: 'UsersSmsPolicy52D91C97' }],
      Policies: Match.absent(),
    });
    template.resourceCountIs('AWS::IAM::Policy', 0);
  });

  test('the pool uses the role with the same external ID as the trust policy', () => {
    const { template } = build({ sms: SmsMfa.withNewRole() });

    const roleId = Object.keys(template.findResources('AWS::IAM::Role'))[0];
    const trust = template.findResources('AWS::IAM::Role')[roleId].Properties.AssumeRolePolicyDocument;
    const sms = poolProperties(template).SmsConfiguration;
    expect(sms.SnsCallerArn).toEqual({ 'Fn::GetAtt': [roleId, 'Arn'] });
    expect(sms.ExternalId).toBe(trust.Statement[0].Condition.StringEquals['sts:ExternalId']);
  });

  test('the default external ID is the pool logical ID and follows an overridden logical ID', () => {
    const stack = newStack();
    const pool = new MfaUserPool(stack, 'Users', { sms: SmsMfa.withNewRole() });
    (pool.userPool.node.defaultChild as cognito.CfnUserPool).overrideLogicalId('LegacyPool');

    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPool', { SmsConfiguration: Match.objectLike({ ExternalId: 'LegacyPool' }) });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: Match.objectLike({ StringEquals: Match.objectLike({ 'sts:ExternalId': 'LegacyPool' }) }) })] },
    });
  });

  test('a given external ID is used in both places', () => {
    const { template, pool } = build({ sms: SmsMfa.withNewRole({ externalId: 'my-app-sms' }) });

    template.hasResourceProperties('AWS::Cognito::UserPool', { SmsConfiguration: Match.objectLike({ ExternalId: 'my-app-sms' }) });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: Match.objectLike({ StringEquals: Match.objectLike({ 'sts:ExternalId': 'my-app-sms' }) }) })] },
    });
    expect(pool.smsExternalId).toBe('my-app-sms');
  });

  test('the role is retained with the pool by default', () => {
    const { template } = build({ sms: SmsMfa.withNewRole() });

    template.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResource('AWS::IAM::ManagedPolicy', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('the role follows the pool removal policy', () => {
    const { template } = build({ sms: SmsMfa.withNewRole(), removalPolicy: RemovalPolicy.DESTROY });

    template.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::IAM::ManagedPolicy', { DeletionPolicy: 'Delete' });
    template.hasResource('AWS::Cognito::UserPool', { DeletionPolicy: 'Delete' });
  });

  test('message and SNS Region reach the pool', () => {
    const { template } = build({
      sms: SmsMfa.withNewRole({ message: 'Your MyApp code is {####}', snsRegion: 'us-east-1' }),
    }, 'us-east-2');

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      SmsAuthenticationMessage: 'Your MyApp code is {####}',
      SmsConfiguration: Match.objectLike({ SnsRegion: 'us-east-1' }),
    });
  });

  test('exposes the role it created', () => {
    const { pool } = build({ sms: SmsMfa.withNewRole() });

    expect(pool.smsRole).toBeInstanceOf(iam.Role);
  });
});

describe('SmsMfa.withRole', () => {
  function trustedRole(stack: any, externalId: string) {
    return allowSms(new iam.Role(stack, 'MySmsRole', {
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', {
        conditions: { StringEquals: { 'sts:ExternalId': externalId } },
      }),
    }));
  }

  test('uses the brought role and external ID and creates no role', () => {
    const stack = newStack();
    const role = trustedRole(stack, 'ext-123');
    const pool = new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      SmsConfiguration: { ExternalId: 'ext-123', SnsCallerArn: { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] } },
    });
    expect(pool.smsRole).toBe(role);
  });

  test('an imported role is used as is', () => {
    const stack = newStack();
    const role = iam.Role.fromRoleArn(stack, 'Imported', `arn:aws:iam::${ACCOUNT}:role/cognito-sms`);
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'cognito-sms-external') });

    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', {
      SmsConfiguration: { ExternalId: 'cognito-sms-external', SnsCallerArn: `arn:aws:iam::${ACCOUNT}:role/cognito-sms` },
    });
  });

  test('a role in the app that requires another external ID is refused at synth', () => {
    const stack = newStack();
    const role = trustedRole(stack, 'something-else');
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });

    expect(() => Template.fromStack(stack)).toThrow(/sms role's trust policy requires an external ID other than "ext-123"/);
  });

  test('a role in the app that does not trust Cognito is refused at synth', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'NotForCognito', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') });
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });

    expect(() => Template.fromStack(stack)).toThrow(/sms role does not let cognito-idp.amazonaws.com assume it/);
  });

  test('a trust statement added after the pool counts', () => {
    const stack = newStack();
    const role = allowSms(new iam.Role(stack, 'Later', { assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com') }));
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });
    role.assumeRolePolicy!.addStatements(new iam.PolicyStatement({
      actions: ['sts:AssumeRole'],
      principals: [new iam.ServicePrincipal('cognito-idp.amazonaws.com')],
      conditions: { StringEquals: { 'sts:ExternalId': 'ext-123' } },
    }));

    expect(() => Template.fromStack(stack)).not.toThrow();
  });
});

describe('the permission a brought SMS role needs', () => {
  const cognitoWith = (externalId: string) => new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': externalId } } });

  test('a role in the app without sns:Publish is refused at synth (Cognito: InvalidSmsRoleAccessPolicyException)', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Mute', { assumedBy: cognitoWith('ext-123') });
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });

    expect(() => Template.fromStack(stack)).toThrow(/^\[MfaUserPool TestStack\/Users\] sms role is not allowed sns:Publish by any policy of this app \(received: "the role TestStack\/Mute"\)\. Allow it to send SMS: role\.addToPolicy.*\[rule: smsRolePublish/);
  });

  test.each([
    ['a statement added after the pool', (role: iam.Role) => role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }))],
    ['a wildcard action', (role: iam.Role) => role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:*'], resources: ['*'] }))],
    ['an inline policy', (role: iam.Role) => role.attachInlinePolicy(new iam.Policy(role, 'Inline', {
      statements: [new iam.PolicyStatement({ actions: ['SNS:Publish'], resources: ['*'] })],
    }))],
    ['a policy of the stack attached to it', (role: iam.Role) => new iam.Policy(Stack.of(role), 'Elsewhere', {
      roles: [role], statements: [new iam.PolicyStatement({ actions: ['sns:Pub*'], resources: ['*'] })],
    })],
    ['an Allow with NotAction that does not name it', (role: iam.Role) => {
      role.addToPolicy(new iam.PolicyStatement({ notActions: ['iam:*'], resources: ['*'] }));
      acknowledgeCfnValidate(role, 'NotAction on purpose: the case under test', 'W2512');
    }],
    ['a property override on the role (not judged)', (role: iam.Role) => (role.node.defaultChild as iam.CfnRole).addPropertyOverride('Policies', [{
      PolicyName: 'Sms', PolicyDocument: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sns:Publish', Resource: '*' }] },
    }])],
    ['a managed policy (its statements are not in the app: not judged)', (role: iam.Role) => role.addManagedPolicy(iam.ManagedPolicy.fromAwsManagedPolicyName('AmazonSNSFullAccess'))],
  ])('%s counts', (_name, allow) => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Sender', { assumedBy: cognitoWith('ext-123') });
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });
    allow(role);

    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('an Allow with NotAction that names sns:Publish does not count', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Sender', { assumedBy: cognitoWith('ext-123') });
    role.addToPolicy(new iam.PolicyStatement({ notActions: ['sns:*'], resources: ['*'] }));
    acknowledgeCfnValidate(role, 'NotAction on purpose: the case under test', 'W2512');
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });

    expect(() => Template.fromStack(stack)).toThrow(/sms role is not allowed sns:Publish/);
  });

  test('the role\'s own inline policies (inlinePolicies) count', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'Sender', {
      assumedBy: cognitoWith('ext-123'),
      inlinePolicies: { SendSms: new iam.PolicyDocument({ statements: [new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] })] }) },
    });
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });

    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('a policy in another stack that imports the role makes it unknown: not judged', () => {
    const app = new App();
    const first = new Stack(app, 'First', { env: { account: ACCOUNT, region: 'us-east-1' } });
    const role = new iam.Role(first, 'Sender', { assumedBy: cognitoWith('ext-123') });
    new MfaUserPool(first, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });
    const second = new Stack(app, 'Second', { env: { account: ACCOUNT, region: 'us-east-1' } });
    new iam.Policy(second, 'Grant', { roles: [role], statements: [new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] })] });

    expect(() => app.synth()).not.toThrow();
  });

  test('an imported role is not judged (documented as unchecked)', () => {
    const stack = newStack();
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(iam.Role.fromRoleArn(stack, 'Imported', `arn:aws:iam::${ACCOUNT}:role/sms`), 'ext-123') });

    expect(() => Template.fromStack(stack)).not.toThrow();
  });

  test('on the direct path, a role without sms-voice:SendTextMessage is warned about, one with it is not', () => {
    const stack = newStack();
    const mute = new iam.Role(stack, 'Mute', { assumedBy: cognitoWith('ext-123') });
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withEndUserMessagingRole(mute, 'ext-123') });
    const sender = new iam.Role(stack, 'Sender', { assumedBy: cognitoWith('ext-456') });
    sender.addToPolicy(new iam.PolicyStatement({ actions: ['sms-voice:SendTextMessage'], resources: ['*'] }));
    new MfaUserPool(stack, 'Others', { sms: SmsMfa.withEndUserMessagingRole(sender, 'ext-456') });

    const annotations = Annotations.fromStack(stack);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('the role TestStack/Mute is not allowed sms-voice:SendTextMessage by any policy of this app.*eumsRoleWithoutSendTextMessage'));
    annotations.hasNoWarning('/TestStack/Others', Match.stringLikeRegexp('eumsRoleWithoutSendTextMessage'));
  });
});

describe('SMS validation', () => {
  test('a message without {####} is refused', () => {
    expect(() => build({ sms: SmsMfa.withNewRole({ message: 'Your code' }) }))
      .toThrow(/sms\.message must contain the placeholder \{####\} \(received: "Your code"\)\. Put \{####\} where the code goes/);
  });

  test('a message over 140 characters is refused', () => {
    const message = `{####} ${'x'.repeat(140)}`;
    expect(() => build({ sms: SmsMfa.withNewRole({ message }) })).toThrow(/sms\.message must be at most 140 characters, not 147/);
  });

  test('a message of exactly 140 characters is accepted', () => {
    const message = `{####}${'x'.repeat(134)}`;
    expect(() => build({ sms: SmsMfa.withNewRole({ message }) })).not.toThrow();
  });

  test('an external ID of the wrong form is refused', () => {
    expect(() => build({ sms: SmsMfa.withNewRole({ externalId: 'has spaces' }) }))
      .toThrow(/sms\.externalId must be 2 to 1,224 characters/);
    expect(() => build({ sms: SmsMfa.withRole(iam.Role.fromRoleArn(newStack(), 'R', `arn:aws:iam::${ACCOUNT}:role/r`), '') }))
      .toThrow(/sms\.externalId/);
  });

  test.each([
    ['us-east-1', 'us-east-1'],
    ['us-east-2', 'us-east-2'],
    ['us-east-2', 'us-east-1'],
    ['eu-central-1', 'eu-west-1'],
    ['eu-west-2', 'eu-west-1'],
    ['ap-south-1', 'ap-southeast-1'],
    ['ca-central-1', 'us-east-1'],
    ['ap-northeast-2', 'ap-northeast-1'],
  ])('a pool in %s accepts SNS Region %s', (region, snsRegion) => {
    expect(() => build({ sms: SmsMfa.withNewRole({ snsRegion }) }, region)).not.toThrow();
  });

  test.each([
    ['us-east-1', 'us-west-2'],
    ['eu-west-1', 'eu-central-1'],
    ['us-east-2', 'eu-west-1'],
    ['ap-northeast-2', 'ap-northeast-2'],
  ])('a pool in %s refuses SNS Region %s', (region, snsRegion) => {
    expect(() => build({ sms: SmsMfa.withNewRole({ snsRegion }) }, region))
      .toThrow(new RegExp(`sms\\.snsRegion is not a Region Cognito accepts for a pool in ${region} \\(received: "${snsRegion}"\\)`));
  });

  test('a pool in Seoul must name its SNS Region', () => {
    expect(() => build({ sms: SmsMfa.withNewRole() }, 'ap-northeast-2'))
      .toThrow(/sms\.snsRegion must be set for a pool in ap-northeast-2.*Set snsRegion to "ap-northeast-1"/);
  });

  test('in an environment-agnostic stack the SNS Region shape is checked and a warning says the rest is not', () => {
    expect(() => build({ sms: SmsMfa.withNewRole({ snsRegion: 'not a region' }) }, null)).toThrow(/sms\.snsRegion is not an AWS Region name/);

    const { annotations } = build({ sms: SmsMfa.withNewRole({ snsRegion: 'us-east-1' }) }, null);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cannot be checked against the pool\'s Region.*cdk-mfa-user-pool:snsRegionUnchecked'));
  });

  test('tokens are passed through without being validated as literals', () => {
    const token = (v: string) => Lazy.string({ produce: () => v });
    const built = build({
      sms: SmsMfa.withNewRole({ message: token('no placeholder'), snsRegion: token('xx'), externalId: token('bad id') }),
    });
    // The values are bad on purpose: CloudFormation Validate (pattern, length) sees them instead.
    acknowledgeCfnValidate(built.stack, 'tokens reach the template unvalidated on purpose', 'F3031', 'F3033');
    const template = built.template;

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      SmsAuthenticationMessage: 'no placeholder',
      SmsConfiguration: Match.objectLike({ SnsRegion: 'xx', ExternalId: 'bad id' }),
    });
  });

  test('SMS with MFA OFF is the pool SMS configuration when phone sign-in needs it', () => {
    const { template } = build({
      mfa: MfaEnforcement.OFF,
      sms: SmsMfa.withNewRole(),
      userPoolProps: { signInAliases: { phone: true } },
    });

    const props = poolProperties(template);
    expect(props.MfaConfiguration).toBe('OFF');
    expect(props.EnabledMfas).toBeUndefined();
    expect(props.SmsConfiguration).toBeDefined();
  });
});

// aws-cdk-lib older than 2.257 has no Validations, so nothing is acknowledged there.
(CFN_VALIDATION_AVAILABLE ? describe : describe.skip)('the SMS policy acknowledgement across aws-cdk-lib versions', () => {
  afterEach(() => jest.restoreAllMocks());

  test('where Validations refuses the qualified rule id (aws-cdk-lib 2.257 to 2.268), the pool still synthesizes', () => {
    // GIVEN Validations that split rule ids on every '::', as aws-cdk-lib 2.263 does
    const refused: string[] = [];
    jest.spyOn((cdk as any).Validations, 'of').mockReturnValue({
      acknowledge: (...rules: Array<{ id: string }>) => {
        refused.push(...rules.map(r => r.id));
        throw new Error(`Invalid validation rule ID '${rules[0].id}'. The '::' delimiter is reserved for separating the prefix from the rule name (e.g. 'prefix::RuleName').`);
      },
    } as any);
    // WHEN
    const { template } = build({ sms: SmsMfa.withNewRole() });
    // THEN the acknowledgement was tried, left out, and the pool and its role are there
    expect(refused).toContain('AwsSolutions::AwsSolutions-IAM5[Resource::*]');
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
  });

  test('any other failure of the acknowledgement is not swallowed', () => {
    jest.spyOn((cdk as any).Validations, 'of').mockReturnValue({ acknowledge: () => { throw new Error('boom'); } } as any);
    expect(() => build({ sms: SmsMfa.withNewRole() })).toThrow('boom');
  });
});

describe('a brought SMS role read as IAM reads it', () => {
  const cognitoWith = (conditions: Record<string, unknown>) => new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions });
  const HARDENED = { StringEquals: { 'sts:ExternalId': 'ext-1', 'aws:SourceAccount': ACCOUNT } };
  /** The advisories of the brought-role family a role gets. */
  function advised(make: (stack: Stack) => iam.IRole): string[] {
    const stack = newStack();
    new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OPTIONAL, sms: SmsMfa.withRole(make(stack), 'ext-1') });
    const ids = Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => /cdk-mfa-user-pool:(\w+)/.exec(String(w.entry.data))?.[1] ?? '');
    return ids.filter(id => /^smsRole|^eumsRole/.test(id)).sort();
  }
  const publisher = (role: iam.Role) => { allowSms(role); return role; };

  test.each<[string, (stack: Stack) => iam.IRole, string[]]>([
    ['hardened (external ID and account), SMS only', s => publisher(new iam.Role(s, 'R', { assumedBy: cognitoWith(HARDENED) })), []],
    ['hardened under StringLike without wildcards', s => publisher(new iam.Role(s, 'R', {
      assumedBy: cognitoWith({ StringLike: { 'sts:ExternalId': 'ext-1' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
    })), []],
    ['no source condition', s => publisher(new iam.Role(s, 'R', { assumedBy: cognitoWith({ StringEquals: { 'sts:ExternalId': 'ext-1' } }) })), ['smsRoleWithoutSourceConditions']],
    ['an external ID under StringLike "*"', s => publisher(new iam.Role(s, 'R', {
      assumedBy: cognitoWith({ StringLike: { 'sts:ExternalId': '*' }, StringEquals: { 'aws:SourceAccount': ACCOUNT } }),
    })), ['smsRoleTrustWithoutExternalId']],
    ['trusted by another account too', s => publisher(new iam.Role(s, 'R', {
      assumedBy: new iam.CompositePrincipal(cognitoWith(HARDENED), new iam.AccountPrincipal('210987654321')),
    })), ['smsRoleTrustBeyondCognito']],
    ['allowed more than SMS', s => {
      const role = publisher(new iam.Role(s, 'R', { assumedBy: cognitoWith(HARDENED) }));
      role.addToPolicy(new iam.PolicyStatement({ actions: ['s3:GetObject'], resources: ['*'] }));
      return role;
    }, ['smsRolePermissionsBeyondSms']],
    ['imported by ARN', s => iam.Role.fromRoleArn(s, 'R', `arn:aws:iam::${ACCOUNT}:role/sms`), ['smsRoleUnreadable']],
  ])('%s', (_name, make, expected) => {
    expect(advised(make)).toEqual(expected);
  });
});
