import { Lazy, RemovalPolicy } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as iam from 'aws-cdk-lib/aws-iam';
import { MfaEnforcement, MfaUserPool, SmsMfa, SmsOriginationIdentity } from '../src';
import { ACCOUNT, allowSms, build, newStack, poolProperties } from './util';

const PHONE_ARN = `arn:aws:sms-voice:us-east-1:${ACCOUNT}:phone-number/phone-0123456789abcdef0123456789abcdef`;
const SMS_VOICE = (resource: string) => ({
  'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:sms-voice:us-east-1:${ACCOUNT}:${resource}`]],
});

describe('SmsMfa.withEndUserMessaging', () => {
  test('the pool sends through End User Messaging with the role and external ID, and has no SNS configuration', () => {
    const { template } = build({
      sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN) }),
    });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      SmsConfiguration: {
        EumsSms: {
          CallerArn: { 'Fn::GetAtt': ['UsersSmsRole2846A27E', 'Arn'] },
          ExternalId: 'Users0A0EEA89',
          OriginationIdentity: PHONE_ARN,
        },
      },
    });
    const sms = poolProperties(template).SmsConfiguration;
    expect(Object.keys(sms)).toEqual(['EumsSms']);
    expect(Object.keys(sms.EumsSms).sort()).toEqual(['CallerArn', 'ExternalId', 'OriginationIdentity']);
  });

  test('the role keeps the hardened trust of the SNS role', () => {
    const { template } = build({ sms: SmsMfa.withEndUserMessaging() });

    template.resourceCountIs('AWS::IAM::Role', 1);
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: {
        Statement: [{
          Effect: 'Allow',
          Action: 'sts:AssumeRole',
          Principal: { Service: 'cognito-idp.amazonaws.com' },
          Condition: {
            StringEquals: { 'sts:ExternalId': 'Users0A0EEA89', 'aws:SourceAccount': ACCOUNT },
            ArnLike: {
              'aws:SourceArn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:cognito-idp:us-east-1:${ACCOUNT}:userpool/*`]] },
            },
          },
        }],
      },
      ManagedPolicyArns: [{ Ref: Match.stringLikeRegexp('^UsersSmsEndUserMessagingPolicy') }],
      Policies: Match.absent(),
    });
  });

  test('with an origination identity ARN, the role may send from it only, with no SNS action', () => {
    const { template } = build({
      sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN) }),
    });

    template.resourceCountIs('AWS::IAM::ManagedPolicy', 1);
    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: {
        Statement: [{
          Sid: 'SendTextMessages',
          Effect: 'Allow',
          Action: 'sms-voice:SendTextMessage',
          Resource: [PHONE_ARN, SMS_VOICE('opt-out-list/*')],
        }],
      },
    });
    expect(JSON.stringify(template.toJSON())).not.toMatch(/sns:/);
  });

  test('a configuration set name is scoped by its ARN; an ARN is used as given', () => {
    const byName = build({
      sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN), configurationSetName: 'mfa-events' }),
    }).template;
    byName.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Resource: [PHONE_ARN, SMS_VOICE('opt-out-list/*'), SMS_VOICE('configuration-set/mfa-events')] })] },
    });
    byName.hasResourceProperties('AWS::Cognito::UserPool', {
      SmsConfiguration: { EumsSms: Match.objectLike({ ConfigurationSetName: 'mfa-events' }) },
    });

    const setArn = `arn:aws:sms-voice:us-east-1:${ACCOUNT}:configuration-set/mfa-events`;
    build({
      sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN), configurationSetName: setArn }),
    }).template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Resource: [PHONE_ARN, SMS_VOICE('opt-out-list/*'), setArn] })] },
    });
  });

  test.each([
    ['a phone number', SmsOriginationIdentity.fromPhoneNumber('+12065550100'), /is a phone number, which a policy cannot name/],
    ['an ID', SmsOriginationIdentity.fromId('MYBRAND'), /is an ID, which a policy cannot name/],
    ['no identity', undefined, /sms.originationIdentity is not set/],
  ])('with %s, the role may send from any identity and a warning says how to scope it', (_name, originationIdentity, warning) => {
    const { template, annotations } = build({ sms: SmsMfa.withEndUserMessaging({ originationIdentity }) });

    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [{ Sid: 'SendTextMessages', Effect: 'Allow', Action: 'sms-voice:SendTextMessage', Resource: '*' }] },
    });
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp(warning.source));
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('cdk-mfa-user-pool:smsRoleNotScoped'));
  });

  test('a scoped role gets no scoping warning', () => {
    const { annotations } = build({ sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN) }) });

    annotations.hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('smsRoleNotScoped'));
  });

  test('message, Region, India IDs and a given external ID reach the pool', () => {
    const { template } = build({
      mfa: MfaEnforcement.REQUIRED,
      sms: SmsMfa.withEndUserMessaging({
        message: 'Your code is {####}',
        externalId: 'my-external-id',
        originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN),
        region: 'us-east-1',
        indiaEntityId: '1101234567890123456',
        indiaTemplateId: '1107123456789012345',
      }),
    });

    template.hasResourceProperties('AWS::Cognito::UserPool', {
      MfaConfiguration: 'ON',
      EnabledMfas: ['SMS_MFA', 'SOFTWARE_TOKEN_MFA'],
      SmsAuthenticationMessage: 'Your code is {####}',
      SmsConfiguration: {
        EumsSms: {
          CallerArn: { 'Fn::GetAtt': ['UsersSmsRole2846A27E', 'Arn'] },
          ExternalId: 'my-external-id',
          OriginationIdentity: PHONE_ARN,
          Region: 'us-east-1',
          InEntityId: '1101234567890123456',
          InTemplateId: '1107123456789012345',
        },
      },
    });
    template.hasResourceProperties('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [Match.objectLike({ Condition: Match.objectLike({ StringEquals: Match.objectLike({ 'sts:ExternalId': 'my-external-id' }) }) })] },
    });
  });

  test('the role and its policy are retained with the pool, and follow its removal policy', () => {
    const retained = build({ sms: SmsMfa.withEndUserMessaging() }).template;
    retained.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    retained.hasResource('AWS::IAM::ManagedPolicy', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });

    const destroyed = build({ sms: SmsMfa.withEndUserMessaging(), removalPolicy: RemovalPolicy.DESTROY }).template;
    destroyed.hasResource('AWS::IAM::Role', { DeletionPolicy: 'Delete' });
    destroyed.hasResource('AWS::IAM::ManagedPolicy', { DeletionPolicy: 'Delete' });
  });

  test('phone sign-in, phone verification and the SMS OTP first factor accept the direct path', () => {
    const { template } = build({
      mfa: MfaEnforcement.OFF,
      sms: SmsMfa.withEndUserMessaging({ originationIdentity: SmsOriginationIdentity.fromArn(PHONE_ARN) }),
      passwordless: { smsOtp: true },
      userPoolProps: { signInAliases: { phone: true }, autoVerify: { phone: true } },
    });

    const props = poolProperties(template);
    expect(Object.keys(props.SmsConfiguration)).toEqual(['EumsSms']);
    expect(props.Policies.SignInPolicy.AllowedFirstAuthFactors).toEqual(['PASSWORD', 'SMS_OTP']);
    template.resourceCountIs('AWS::IAM::Role', 1);
  });
});

describe('SmsMfa.withEndUserMessagingRole', () => {
  test('uses the brought role and external ID and creates no role or policy', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'MySmsRole', {
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': 'ext-123' } } }),
    });
    const pool = new MfaUserPool(stack, 'Users', {
      sms: SmsMfa.withEndUserMessagingRole(role, 'ext-123', { originationIdentity: SmsOriginationIdentity.fromId('pool-0123456789abcdef') }),
    });

    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::IAM::Role', 1);
    template.resourceCountIs('AWS::IAM::ManagedPolicy', 0);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      SmsConfiguration: {
        EumsSms: {
          CallerArn: { 'Fn::GetAtt': [stack.getLogicalId(role.node.defaultChild as iam.CfnRole), 'Arn'] },
          ExternalId: 'ext-123',
          OriginationIdentity: 'pool-0123456789abcdef',
        },
      },
    });
    expect(pool.smsRole).toBe(role);
    expect(pool.smsExternalId).toBe('ext-123');
  });

  test('a brought role whose trust requires another external ID is refused at synth', () => {
    const stack = newStack();
    const role = new iam.Role(stack, 'MySmsRole', {
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': 'other' } } }),
    });
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withEndUserMessagingRole(role, 'ext-123') });

    expect(() => Template.fromStack(stack)).toThrow(/sms role's trust policy requires an external ID other than "ext-123".*withEndUserMessagingRole/);
  });
});

describe('a brought SMS role whose trust requires no external ID', () => {
  const paths = [
    ['SNS', (role: iam.IRole) => SmsMfa.withRole(role, 'ext-123')],
    ['End User Messaging', (role: iam.IRole) => SmsMfa.withEndUserMessagingRole(role, 'ext-123')],
  ] as const;

  test.each(paths)('is accepted with a strong warning when SMS is an MFA factor: Cognito accepts it, the guide requires the condition (%s path)', (_path, sms) => {
    const stack = newStack();
    const role = allowSms(new iam.Role(stack, 'Loose', { assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com') }));
    new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OPTIONAL, sms: sms(role) });

    Annotations.fromStack(stack).hasWarning('/TestStack/Users',
      Match.stringLikeRegexp('without an external ID, and SMS is an MFA factor: Cognito accepts the pool, but the guide requires the sts:ExternalId condition for SMS MFA.*StringEquals sts:ExternalId "ext-123".*smsRoleTrustWithoutExternalId'));
  });

  test.each(paths)('is accepted with a warning when SMS only verifies phone numbers (%s path)', (_path, sms) => {
    const stack = newStack();
    const role = allowSms(new iam.Role(stack, 'Loose', { assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com') }));
    new MfaUserPool(stack, 'Users', { mfa: MfaEnforcement.OFF, sms: sms(role), userPoolProps: { signInAliases: { phone: true } } });

    Annotations.fromStack(stack).hasWarning('/TestStack/Users',
      Match.stringLikeRegexp('without an external ID\\. Cognito accepts this for verification and invitation messages.*sts:ExternalId "ext-123".*smsRoleTrustWithoutExternalId'));
  });

  test('a trust that requires the external ID gets no such warning', () => {
    const stack = newStack();
    const role = allowSms(new iam.Role(stack, 'Strict', {
      assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': 'ext-123' } } }),
    }));
    new MfaUserPool(stack, 'Users', { sms: SmsMfa.withRole(role, 'ext-123') });

    Annotations.fromStack(stack).hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('smsRoleTrustWithoutExternalId'));
  });
});

describe('where each SMS path is available (the guide\'s Region tables)', () => {
  test.each(['ap-southeast-7', 'ap-east-1', 'ap-southeast-5'])('a pool in %s cannot send through End User Messaging directly', (region) => {
    expect(() => build({ sms: SmsMfa.withEndUserMessaging() }, region)).toThrow(
      new RegExp(`sms sends through End User Messaging directly, which Cognito does not offer for a pool in ${region}.*SmsMfa.withNewRole\\(\\{ snsRegion: `));
  });

  test.each([
    ['ap-southeast-5', 'ap-southeast-1'],
    ['ap-southeast-7', 'ap-south-1'],
    ['ap-east-1', 'ap-southeast-1'],
  ])('a pool in %s sends through SNS in %s, which it must name', (region, snsRegion) => {
    expect(() => build({ sms: SmsMfa.withNewRole() }, region)).toThrow(
      new RegExp(`sms.snsRegion must be set for a pool in ${region}.*Set snsRegion to "${snsRegion}"`));
    expect(() => build({ sms: SmsMfa.withNewRole({ snsRegion }) }, region)).not.toThrow();
    expect(() => build({ sms: SmsMfa.withNewRole({ snsRegion: region }) }, region)).toThrow(/is not a Region Cognito accepts/);
  });

  test('a commercial Region outside the SNS table refuses the SNS path and points at the direct path', () => {
    expect(() => build({ sms: SmsMfa.withNewRole() }, 'ap-east-2')).toThrow(
      /sms sends through Amazon SNS, which Cognito does not offer for a pool in ap-east-2.*SmsMfa.withEndUserMessaging\(\)/);
    expect(() => build({ sms: SmsMfa.withEndUserMessaging() }, 'ap-east-2')).not.toThrow();
  });

  test('Regions the tables do not describe (GovCloud) keep the pool\'s own Region for SNS', () => {
    expect(() => build({ sms: SmsMfa.withNewRole() }, 'us-gov-west-1')).not.toThrow();
  });

  test.each(['ca-west-1', 'mx-central-1', 'eu-south-2', 'ap-southeast-4', 'il-central-1', 'me-central-1'])(
    'a pool in %s sends through SNS in its own Region', (region) => {
      expect(() => build({ sms: SmsMfa.withNewRole() }, region)).not.toThrow();
    });
});

describe('End User Messaging validation', () => {
  const eums = (options: Parameters<typeof SmsMfa.withEndUserMessaging>[0]) => ({ sms: SmsMfa.withEndUserMessaging(options) });

  test('a Region other than the pool\'s is refused', () => {
    expect(() => build(eums({ region: 'us-west-2' }))).toThrow(
      /sms.region must be the pool's Region \(us-east-1\): Cognito rejects any other Region.*received: "us-west-2".*Set region to "us-east-1" or leave it unset/);
  });

  test('a Region that is not a Region name is refused', () => {
    expect(() => build(eums({ region: 'virginia' }))).toThrow(/sms.region is not an AWS Region name, and Cognito accepts only the pool's own Region.*\[rule: eumsRegionNotPool/);
  });

  test('in an environment-agnostic stack the Region is left to Cognito with a warning', () => {
    const { annotations } = build(eums({ region: 'eu-west-1' }), null);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('sms.region "eu-west-1" cannot be checked.*eumsRegionUnchecked'));
  });

  test.each([
    ['indiaEntityId', { indiaEntityId: '1101234567890123456' }, 'InEntityId', 'sms.indiaEntityId is set without sms.indiaTemplateId'],
    ['indiaTemplateId', { indiaTemplateId: '1107123456789012345' }, 'InTemplateId', 'sms.indiaTemplateId is set without sms.indiaEntityId'],
  ])('%s alone is written as given, with an advisory (the API makes them independent)', (_name, options, field, warning) => {
    const { template, annotations } = build(eums(options));
    expect(poolProperties(template).SmsConfiguration.EumsSms[field]).toBeDefined();
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp(`${warning}.*cdk-mfa-user-pool:indiaIdsApart`));
  });

  test.each([
    ['an ARN of another service', SmsOriginationIdentity.fromArn(`arn:aws:sns:us-east-1:${ACCOUNT}:topic`), 'is not the ARN of an End User Messaging phone number.*originationIdentityForm'],
    ['an ARN of another Region', SmsOriginationIdentity.fromArn(PHONE_ARN.replace('us-east-1', 'eu-west-1')),
      'is in eu-west-1, but Cognito sends through End User Messaging in the pool\'s Region \\(us-east-1\\).*originationIdentityRegion'],
    ['a phone number not in E.164', SmsOriginationIdentity.fromPhoneNumber('206-555-0100'), 'is not a phone number in E.164 format.*originationIdentityForm'],
    ['an ID', SmsOriginationIdentity.fromId('pool-0123456789abcdef'), 'is an ID .*lists an E.164 phone number or the ARN.*originationIdentityForm'],
  ])('%s as origination identity is passed as given (the API model has no pattern), with an advisory', (_name, originationIdentity, warning) => {
    const { template, annotations } = build(eums({ originationIdentity }));
    expect(poolProperties(template).SmsConfiguration.EumsSms.OriginationIdentity).toBe(originationIdentity._spec.value);
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp(warning));
  });

  test('a configuration set name of the wrong form is passed as given, with an advisory', () => {
    const { template, annotations } = build(eums({ configurationSetName: 'mfa events' }));
    expect(poolProperties(template).SmsConfiguration.EumsSms.ConfigurationSetName).toBe('mfa events');
    annotations.hasWarning('/TestStack/Users', Match.stringLikeRegexp('is not a configuration set name or ARN.*configurationSetForm'));
  });

  test('the message rules of the SNS path apply', () => {
    expect(() => build(eums({ message: 'no placeholder' }))).toThrow(/sms.message must contain the placeholder \{####\}/);
  });

  test('tokens pass unchecked, and a token configuration set is scoped to the account\'s configuration sets', () => {
    const token = (value: string) => Lazy.string({ produce: () => value });
    const { template } = build(eums({
      region: token('us-east-1'),
      originationIdentity: SmsOriginationIdentity.fromArn(token(PHONE_ARN)),
      configurationSetName: token('mfa-events'),
      indiaEntityId: token('1101234567890123456'),
      indiaTemplateId: token('1107123456789012345'),
    }));

    template.hasResourceProperties('AWS::IAM::ManagedPolicy', {
      PolicyDocument: { Statement: [Match.objectLike({ Resource: [PHONE_ARN, SMS_VOICE('opt-out-list/*'), SMS_VOICE('configuration-set/*')] })] },
    });
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      SmsConfiguration: { EumsSms: Match.objectLike({ ConfigurationSetName: 'mfa-events', OriginationIdentity: PHONE_ARN }) },
    });
  });
});
