import { Lazy } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import { advised, advisoryIds, refusal, resolve } from './helpers';
import { MfaUserPoolProps, SmsMfa, SmsOriginationIdentity } from '../../../src';
import { acceptedSnsRegions, directPathAvailable, isCommercialRegion, REGION_PATTERN } from '../../../src/private/sns-regions';

const token = (value: string) => Lazy.string({ produce: () => value });
const eums = (options: Parameters<typeof SmsMfa.withEndUserMessaging>[0]): MfaUserPoolProps => ({ sms: SmsMfa.withEndUserMessaging(options) });
const ARN = (region: string) => `arn:aws:sms-voice:${region}:123456789012:phone-number/phone-0123456789abcdef`;
/** A role object stands for a brought role: the phases only read whether there is one. */
const BROUGHT = {} as iam.IRole;

describe('phase: the SMS message and the external ID', () => {
  test('a message without {####} is refused with an example', () => {
    expect(() => resolve({ sms: SmsMfa.withNewRole({ message: 'Your code' }) })).toThrow(
      '[MfaUserPool P] sms.message must contain the placeholder {####} (received: "Your code"). Put {####} where the code goes, for example "Your sign-in code is {####}". [rule: smsMessageForm');
  });

  test('140 characters pass, 141 are refused with the length', () => {
    expect(refusal({ sms: SmsMfa.withNewRole({ message: `{####}${'x'.repeat(134)}` }) })).toBeUndefined();
    expect(() => resolve({ sms: SmsMfa.withNewRole({ message: `{####}${'x'.repeat(135)}` }) }))
      .toThrow(/sms\.message must be at most 140 characters, not 141 .*Shorten the message\. \[rule: smsMessageForm/);
  });

  test('a message that is a token is not checked', () => {
    expect(refusal({ sms: SmsMfa.withNewRole({ message: token('no placeholder') }) })).toBeUndefined();
  });

  test.each([['a', 'smsMessageForm'], ['ab', undefined], ['x'.repeat(1224), undefined], ['x'.repeat(1225), 'externalIdForm'], ['has space', 'externalIdForm'],
    ['a+=,.@:/-_b', undefined]])('external ID %j', (externalId, rule) => {
    expect(refusal({ sms: SmsMfa.withNewRole({ externalId }) })).toBe(rule === 'smsMessageForm' ? 'externalIdForm' : rule);
  });

  test('the external ID refusal says the form', () => {
    expect(() => resolve({ sms: SmsMfa.withRole(BROUGHT, 'a') })).toThrow(
      '[MfaUserPool P] sms.externalId must be 2 to 1,224 characters of letters, digits and +=,.@:/-_ (received: "a"). Choose an external ID of that form, or leave it unset for a stable default.');
  });

  test('an external ID that is a token is not checked', () => {
    expect(refusal({ sms: SmsMfa.withNewRole({ externalId: token('a') }) })).toBeUndefined();
  });
});

describe('phase: the SNS path and its Region', () => {
  test('the SNS table: alternates, required Regions, Regions without the path', () => {
    expect(acceptedSnsRegions('us-east-2')).toEqual(['us-east-2', 'us-east-1']);
    expect(acceptedSnsRegions('ap-northeast-2')).toEqual(['ap-northeast-1']);
    expect(acceptedSnsRegions('ap-east-2')).toBeUndefined();
    expect(isCommercialRegion('eu-west-1')).toBe(true);
    expect(isCommercialRegion('us-gov-west-1')).toBe(false);
    expect(isCommercialRegion('cn-north-1')).toBe(true);
    expect(REGION_PATTERN.test('us-gov-west-1')).toBe(true);
    expect(REGION_PATTERN.test('us-isob-east-1')).toBe(true);
    expect(REGION_PATTERN.test('eusc-de-east-1')).toBe(true);
    expect(REGION_PATTERN.test('us-isof-south-1')).toBe(true);
    expect(REGION_PATTERN.test('virginia')).toBe(false);
    expect(directPathAvailable('ap-east-1')).toBe(false);
    expect(directPathAvailable('us-east-1')).toBe(true);
  });

  test.each([
    ['us-east-2', undefined, undefined],
    ['us-east-2', 'us-east-1', undefined],
    ['us-east-2', 'us-east-2', undefined],
    ['us-east-2', 'eu-west-1', 'snsRegionNotAccepted'],
    ['ap-northeast-2', undefined, 'snsRegionRequired'],
    ['ap-northeast-2', 'ap-northeast-1', undefined],
    ['ap-east-2', undefined, 'snsPathUnavailable'],
    ['us-gov-west-1', undefined, undefined],
    ['us-gov-west-1', 'us-gov-east-1', undefined],
  ])('a pool in %s with snsRegion %s', (region, snsRegion, rule) => {
    expect(refusal({ sms: SmsMfa.withNewRole({ snsRegion }) }, region)).toBe(rule);
  });

  test('the refusals name the Regions to use', () => {
    expect(() => resolve({ sms: SmsMfa.withNewRole({ snsRegion: 'eu-west-1' }) }, 'us-east-2')).toThrow(
      '[MfaUserPool P] sms.snsRegion is not a Region Cognito accepts for a pool in us-east-2 (received: "eu-west-1"). Use "us-east-2" or "us-east-1", or leave it unset.');
    expect(() => resolve({ sms: SmsMfa.withNewRole() }, 'ap-northeast-2')).toThrow(
      '[MfaUserPool P] sms.snsRegion must be set for a pool in ap-northeast-2, which Cognito sends SMS from another Region for (received: undefined). Set snsRegion to "ap-northeast-1".');
    expect(() => resolve({ sms: SmsMfa.withNewRole() }, 'ap-east-2')).toThrow(
      '[MfaUserPool P] sms sends through Amazon SNS, which Cognito does not offer for a pool in ap-east-2 (the guide\'s SNS path Region table) (received: "Amazon SNS"). '
      + 'Send SMS through End User Messaging directly, with SmsMfa.withEndUserMessaging() (or withEndUserMessagingRole()).');
  });

  test('outside the commercial partition another snsRegion is advised about, not refused', () => {
    expect(advised({ sms: SmsMfa.withNewRole({ snsRegion: 'us-gov-east-1' }) }, 'us-gov-west-1')).toEqual([
      'snsRegionUnchecked: sms.snsRegion "us-gov-east-1" differs from the pool\'s Region us-gov-west-1, outside the partition the guide\'s SNS Region table describes: '
      + 'it cannot be checked here. Cognito accepts the pool\'s Region or its legacy SNS alternate.',
    ]);
    expect(advised({ sms: SmsMfa.withNewRole({ snsRegion: 'us-gov-west-1' }) }, 'us-gov-west-1')).toEqual([]);
  });

  test('in an environment-agnostic stack only the form is checked, and the rest is advised', () => {
    expect(refusal({ sms: SmsMfa.withNewRole({ snsRegion: 'not-a-region' }) }, null)).toBe('snsRegionNotAccepted');
    expect(advised({ sms: SmsMfa.withNewRole({ snsRegion: 'us-east-1' }) }, null)).toEqual([
      'snsRegionUnchecked: sms.snsRegion "us-east-1" cannot be checked against the pool\'s Region in an environment-agnostic stack: Cognito accepts only the pool\'s Region '
      + 'or its legacy SNS alternate. Give the stack an env to have it checked.',
    ]);
    expect(advised({ sms: SmsMfa.withNewRole() }, null)).toEqual([]);
    expect(advised({ sms: SmsMfa.withNewRole({ snsRegion: token('x') }) }, null)).toEqual([]);
  });

  test('an snsRegion that is a token is not checked against the table', () => {
    expect(refusal({ sms: SmsMfa.withNewRole({ snsRegion: token('eu-west-1') }) }, 'us-east-2')).toBeUndefined();
  });
});

describe('phase: the direct End User Messaging path', () => {
  test.each(['ap-southeast-7', 'ap-east-1', 'ap-southeast-5'])('a pool in %s is sent to the SNS path it must name', (region) => {
    expect(() => resolve(eums({}), region)).toThrow(
      `[MfaUserPool P] sms sends through End User Messaging directly, which Cognito does not offer for a pool in ${region} (the guide's direct path Region configuration) `
      + `(received: "End User Messaging"). Send SMS through Amazon SNS: SmsMfa.withNewRole({ snsRegion: '${acceptedSnsRegions(region)![0]}' }).`);
  });

  test.each([
    ['us-east-1', 'us-east-1', undefined], ['us-west-2', 'us-east-1', 'eumsRegionNotPool'], ['virginia', 'us-east-1', 'eumsRegionNotPool'],
    ['virginia', null, 'eumsRegionNotPool'], ['eu-west-1', null, undefined],
  ])('sms.region %s for a pool in %s', (region, poolRegion, rule) => {
    expect(refusal(eums({ region }), poolRegion)).toBe(rule);
  });

  test('the Region refusal says the pool\'s Region', () => {
    expect(() => resolve(eums({ region: 'us-west-2' }))).toThrow(
      '[MfaUserPool P] sms.region must be the pool\'s Region (us-east-1): Cognito rejects any other Region for End User Messaging (received: "us-west-2"). '
      + 'Set region to "us-east-1" or leave it unset, and send from End User Messaging resources in us-east-1.');
    expect(() => resolve(eums({ region: 'virginia' }))).toThrow(
      '[MfaUserPool P] sms.region is not an AWS Region name, and Cognito accepts only the pool\'s own Region (received: "virginia"). Use the pool\'s Region, or leave it unset.');
  });

  test('an environment-agnostic stack leaves the Region to Cognito, with an advisory; a token Region is not checked', () => {
    expect(advisoryIds(eums({ region: 'eu-west-1' }), null)).toEqual(['eumsRegionUnchecked', 'smsRoleNotScoped']);
    expect(advised(eums({ region: 'eu-west-1' }), null)[0]).toBe(
      'eumsRegionUnchecked: sms.region "eu-west-1" cannot be checked in an environment-agnostic stack: Cognito accepts only the pool\'s own Region for End User Messaging. Leave it unset, or give the stack an env.');
    expect(refusal(eums({ region: token('us-west-2') }))).toBeUndefined();
  });

  test('the India IDs go together, or an advisory says so', () => {
    expect(advised(eums({ indiaEntityId: 'E' }))).toContain('indiaIdsApart: sms.indiaEntityId is set without sms.indiaTemplateId. Cognito passes each as given, '
      + 'but India\'s DLT rules register the entity and the message template together: messages to India may be refused without both.');
    expect(advised(eums({ indiaTemplateId: 'T' }))[0]).toMatch(/^indiaIdsApart: sms\.indiaTemplateId is set without sms\.indiaEntityId\./);
    expect(advisoryIds(eums({ indiaEntityId: 'E', indiaTemplateId: 'T' }))).not.toContain('indiaIdsApart');
  });

  test.each([['mfa-events', false], ['arn:aws:sms-voice:us-east-1:123456789012:configuration-set/mfa', false], ['mfa events', true], ['', true]])(
    'configuration set %j: advised against when End User Messaging would refuse it', (configurationSetName, advisedAgainst) => {
      expect(advisoryIds(eums({ configurationSetName })).includes('configurationSetForm')).toBe(advisedAgainst);
    });

  test('the configuration set advisory shows the value and the form', () => {
    expect(advised(eums({ configurationSetName: 'mfa events' }))[0]).toBe('configurationSetForm: sms.configurationSetName "mfa events" is not a configuration set name or ARN '
      + '(1 to 256 characters of letters, digits and _:/-): Cognito accepts it, and End User Messaging refuses every message sent with it. Use the name (or ARN) End User Messaging shows.');
    expect(advisoryIds(eums({ configurationSetName: token('x y') }))).not.toContain('configurationSetForm');
  });

  test.each([
    ['an ARN of the pool\'s Region', SmsOriginationIdentity.fromArn(ARN('us-east-1')), 'us-east-1', []],
    ['an ARN of another Region', SmsOriginationIdentity.fromArn(ARN('eu-west-1')), 'us-east-1', ['originationIdentityRegion']],
    ['an ARN, Region unknown', SmsOriginationIdentity.fromArn(ARN('eu-west-1')), null, []],
    ['a sender ID ARN', SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1:123456789012:sender-id/MYBRAND/US'), 'us-east-1', []],
    ['a pool ARN', SmsOriginationIdentity.fromArn('arn:aws-cn:sms-voice:us-east-1:123456789012:pool/pool-1'), 'us-east-1', []],
    ['an ARN of another service', SmsOriginationIdentity.fromArn('arn:aws:sns:us-east-1:123456789012:topic'), 'us-east-1', ['originationIdentityForm']],
    ['an ARN of another resource', SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1:123456789012:opt-out-list/x'), 'us-east-1', ['originationIdentityForm']],
    ['an ARN without an account', SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1::phone-number/x'), 'us-east-1', ['originationIdentityForm']],
    ['an E.164 number', SmsOriginationIdentity.fromPhoneNumber('+12065550100'), 'us-east-1', ['smsRoleNotScoped']],
    ['a number not in E.164', SmsOriginationIdentity.fromPhoneNumber('206-555-0100'), 'us-east-1', ['originationIdentityForm', 'smsRoleNotScoped']],
    ['a number without +', SmsOriginationIdentity.fromPhoneNumber('12065550100'), 'us-east-1', ['originationIdentityForm', 'smsRoleNotScoped']],
    ['an ID', SmsOriginationIdentity.fromId('pool-0123'), 'us-east-1', ['originationIdentityForm', 'smsRoleNotScoped']],
    ['a token', SmsOriginationIdentity.fromPhoneNumber(token('x')), 'us-east-1', ['smsRoleNotScoped']],
  ])('origination identity: %s', (_name, originationIdentity, region, ids) => {
    expect(advisoryIds(eums({ originationIdentity }), region)).toEqual(ids);
  });

  test('the origination identity advisories quote the value and the forms the API lists', () => {
    const listed = 'The API reference lists an E.164 phone number or the ARN of a phone number, sender ID or phone pool; Cognito passes any other value as given, and End User Messaging refuses the messages.';
    expect(advised(eums({ originationIdentity: SmsOriginationIdentity.fromId('pool-0123') }))[0])
      .toBe(`originationIdentityForm: sms.originationIdentity is an ID ("pool-0123"). ${listed} Give the identity with SmsOriginationIdentity.fromArn(), which also scopes the SMS role.`);
    expect(advised(eums({ originationIdentity: SmsOriginationIdentity.fromPhoneNumber('206') }))[0])
      .toBe(`originationIdentityForm: sms.originationIdentity "206" is not a phone number in E.164 format (like +12065550100). ${listed}`);
    expect(advised(eums({ originationIdentity: SmsOriginationIdentity.fromArn('arn:aws:sns:us-east-1:1:t') }))[0])
      .toBe('originationIdentityForm: sms.originationIdentity "arn:aws:sns:us-east-1:1:t" is not the ARN of an End User Messaging phone number, sender ID or phone pool '
        + `(arn:aws:sms-voice:<region>:<account>:phone-number/<id>, sender-id/..., pool/...). ${listed}`);
    expect(advised(eums({ originationIdentity: SmsOriginationIdentity.fromArn(ARN('eu-west-1')) }))[0])
      .toBe('originationIdentityRegion: sms.originationIdentity is in eu-west-1, but Cognito sends through End User Messaging in the pool\'s Region (us-east-1): '
        + 'it cannot send from that identity. Use an origination identity of us-east-1.');
  });

  test('a created role is unscoped without an ARN identity, and says how to scope it; a brought role is the user\'s', () => {
    expect(advised(eums({}))).toEqual(['smsRoleNotScoped: sms.originationIdentity is not set, so the SMS role may send from any origination identity of the account. '
      + 'Set it with SmsOriginationIdentity.fromArn() to scope the role to one.']);
    expect(advised(eums({ originationIdentity: SmsOriginationIdentity.fromPhoneNumber('+12065550100') }))).toEqual([
      'smsRoleNotScoped: sms.originationIdentity is a phone number, which a policy cannot name, so the SMS role may send from any origination identity of the account. '
      + 'Give it with SmsOriginationIdentity.fromArn() to scope the role to it.',
    ]);
    expect(advised({ sms: SmsMfa.withEndUserMessagingRole(BROUGHT, 'ext-1') })).toEqual([]);
  });

  test('the direct path keeps what was given in the decisions', () => {
    expect(resolve(eums({ configurationSetName: 'c', indiaEntityId: 'E', indiaTemplateId: 'T', region: 'us-east-1' })).factors.sms?.eums).toEqual({
      originationIdentity: undefined, configurationSetName: 'c', region: 'us-east-1', inEntityId: 'E', inTemplateId: 'T',
    });
  });
});

describe('SMS phase: the European Sovereign Cloud', () => {
  test('eusc-de-east-1 is a Region: the direct path names it as the pool\'s own', () => {
    expect(refusal({ sms: SmsMfa.withEndUserMessaging({ region: 'eusc-de-east-1' }) }, 'eusc-de-east-1')).toBeUndefined();
    expect(refusal({ sms: SmsMfa.withEndUserMessaging({ region: 'eusc-de-east-1' }) }, null)).toBeUndefined();
    expect(refusal({ sms: SmsMfa.withEndUserMessaging({ region: 'eu-central-1' }) }, 'eusc-de-east-1')).toBe('eumsRegionNotPool');
  });
});
