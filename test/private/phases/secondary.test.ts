import { App, Stack } from 'aws-cdk-lib';
import { MfaUserPoolSecondaryProps, ReplicaStatus, SmsMfa } from '../../../src';
import type { ReplicationBinding } from '../../../src/private/build/replication';
import { ResolveContext } from '../../../src/private/context';
import { MfaConfigurationError } from '../../../src/private/errors';
import { resolveSecondary, SecondaryDecisions } from '../../../src/private/resolve/replication';
import { WARNING_PREFIX } from '../../../src/private/rules';

const ACCOUNT = '123456789012';
const SES_WEST = `arn:aws:ses:us-west-2:${ACCOUNT}:identity/example.com`;

/** A binding as a replicated pool leaves it, with only what the secondary's phase reads. */
const binding = (over: Partial<ReplicationBinding> = {}): ReplicationBinding => ({
  region: 'us-west-2', account: ACCOUNT, sendsWithSes: false, emailFactor: false, ...over,
} as ReplicationBinding);

/** A stack of the secondary Region with cross-Region references, unless told otherwise. */
const stack = (region: string | null = 'us-west-2', crossRegionReferences = true, account = ACCOUNT) =>
  new Stack(new App(), 'West', region === null ? { crossRegionReferences } : { env: { account, region }, crossRegionReferences });

/** The secondary's phase alone: its decisions and advisories, or its refusal; `b` null is a pool without replication. */
function run(props: Partial<MfaUserPoolSecondaryProps> = {}, b: ReplicationBinding | null = binding(), scope = stack()): {
  d?: SecondaryDecisions; advised: string[]; refused?: string;
} {
  const ctx = new ResolveContext('S');
  try {
    const d = resolveSecondary(ctx, scope, props as MfaUserPoolSecondaryProps, b ?? undefined);
    return { d, advised: ctx.advisories.map(a => `${a.id.slice(WARNING_PREFIX.length)}: ${a.message}`) };
  } catch (e) {
    if (e instanceof MfaConfigurationError) {
      return { advised: [], refused: e.message };
    }
    throw e;
  }
}

describe('secondary phase: where it may be', () => {
  test.each([
    ['no replication', {}, null, stack(), '[MfaUserPool S] pool has no replication, so no replica exists for this Regional configuration (received: undefined). '
      + 'Set replication: { region: \'<this stack\'s Region>\' } on the MfaUserPool. [rule: secondaryWithoutReplication, docs/RULES.md#secondarywithoutreplication]'],
    ['a stack of another Region', {}, binding(), stack('eu-west-1'), '[MfaUserPool S] scope must be a stack of the replica\'s Region (us-west-2); the Regional configuration '
      + 'is created there (received: "eu-west-1"). Create the construct in a stack with env: { account: \'<account>\', region: \'us-west-2\' } and crossRegionReferences: true. '
      + '[rule: secondaryRegion, docs/RULES.md#secondaryregion]'],
    ['an environment-agnostic stack', {}, binding(), stack(null), '[MfaUserPool S] scope must be a stack of the replica\'s Region (us-west-2); the Regional configuration '
      + 'is created there (received: "an environment-agnostic stack"). Create the construct in a stack with env: { account: \'<account>\', region: \'us-west-2\' } and '
      + 'crossRegionReferences: true. [rule: secondaryRegion, docs/RULES.md#secondaryregion]'],
    ['a stack of another account', {}, binding(), stack('us-west-2', true, '999999999999'), '[MfaUserPool S] scope must be a stack of the pool\'s account (123456789012); '
      + 'the replica exists only there (received: "999999999999"). Create the construct in a stack with env: { account: \'123456789012\', region: \'us-west-2\' }. '
      + '[rule: secondaryRegion, docs/RULES.md#secondaryregion]'],
    ['a stack without cross-Region references', {}, binding(), stack('us-west-2', false), '[MfaUserPool S] scope must allow cross-Region references: it reads the pool\'s '
      + 'ID from the primary Region (received: "West"). Create the stack with crossRegionReferences: true (new Stack(app, \'West\', { env, crossRegionReferences: true })). '
      + '[rule: secondaryRegion, docs/RULES.md#secondaryregion]'],
    ['a second one', {}, binding({ secondaryPath: 'West/First' }), stack(), '[MfaUserPool S] pool already has a secondary construct (West/First); a replica has one Regional '
      + 'configuration (received: "S"). Keep one MfaUserPoolSecondary per pool, and give it every Regional setting. [rule: secondaryTwice, docs/RULES.md#secondarytwice]'],
  ])('%s is refused, in these words', (_name, props, b, scope, message) => {
    expect(run(props, b, scope).refused).toBe(message);
  });

  test('an account known only at deploy time on either side is not judged', () => {
    expect(run({}, binding({ account: '${Token[AWS.AccountId.1]}' })).refused).toBeUndefined();
    expect(run({}, binding(), new Stack(new App(), 'West', { env: { region: 'us-west-2' }, crossRegionReferences: true })).refused).toBeUndefined();
  });

  test('the status: INACTIVE by default, ACTIVE as given, anything else refused', () => {
    expect(run().d!.status).toBe(ReplicaStatus.INACTIVE);
    expect(run({ status: ReplicaStatus.ACTIVE }).d!.status).toBe(ReplicaStatus.ACTIVE);
    expect(run({ status: 'ON' as ReplicaStatus }).refused).toMatch(/^\[MfaUserPool S\] status .*\[rule: notAMember/);
  });
});

describe('secondary phase: email', () => {
  test.each([
    ['sesIdentityArn', { sesIdentityArn: 'example.com' }, 'must be the ARN of an SES identity (20 to 2,048 characters)',
      'Give arn:aws:ses:<region>:<account>:identity/<domain or address>.'],
    ['replyTo', { replyTo: 'support' }, 'must be an email address', 'Give an address such as support@example.com.'],
    ['configurationSet', { configurationSet: 'has space' }, 'must be 1 to 64 letters, digits, _ or -', 'Give the name of an SES configuration set of this Region.'],
  ])('email.%s of a form Cognito rejects is refused', (prop, over, problem, fix) => {
    const value = Object.values(over)[0];
    expect(run({ email: { from: 'no-reply@example.com', sesIdentityArn: SES_WEST, ...over } }).refused)
      .toBe(`[MfaUserPool S] email.${prop} ${problem} (received: "${value}"). ${fix} [rule: regionalEmailForm, docs/RULES.md#regionalemailform]`);
  });

  test('valid forms pass, and the longest configuration set name too', () => {
    const d = run({ email: { from: 'MyApp <no-reply@example.com>', sesIdentityArn: SES_WEST, replyTo: 'help@example.com', configurationSet: 'a'.repeat(64) } });
    expect(d.refused).toBeUndefined();
    expect(d.advised).toEqual([]);
    expect(run({ email: { from: 'a@b.c', sesIdentityArn: SES_WEST, configurationSet: 'a'.repeat(65) } }).refused).toMatch(/configurationSet/);
  });

  test('an identity of another Region or not of SES is advised, in these words', () => {
    expect(run({ email: { from: 'a@example.com', sesIdentityArn: `arn:aws:ses:us-east-1:${ACCOUNT}:identity/example.com` } }).advised).toEqual([
      `secondaryEmailRegion: email.sesIdentityArn arn:aws:ses:us-east-1:${ACCOUNT}:identity/example.com is an SES identity of us-east-1: the secondary should send with an `
      + 'SES identity of its own Region (us-west-2), which keeps sending while the primary\'s Region is down. Acknowledge this if the Region is one Cognito accepts for this '
      + 'pool and you mean it.',
    ]);
    expect(run({ email: { from: 'a@example.com', sesIdentityArn: `arn:aws:sns:us-west-2:${ACCOUNT}:identity` } }).advised[0]).toMatch(/is not an SES identity:/);
  });

  test('a primary that sends through SES and a secondary without email: advised, more strongly with email MFA', () => {
    expect(run({}, binding({ sendsWithSes: true })).advised).toEqual([
      'secondaryEmailDefault: The primary sends email through Amazon SES, and the secondary in us-west-2 has no email configuration: while it serves, codes and messages '
      + 'go out with Cognito\'s default email (its low daily quota, its sender). Set email: { from, sesIdentityArn } with an SES identity of us-west-2.',
    ]);
    expect(run({}, binding({ sendsWithSes: true, emailFactor: true })).advised[0]).toMatch(/its sender\)\. Email MFA needs Amazon SES, so email codes fail there\. Set/);
    expect(run({}, binding({ sendsWithSes: false })).advised).toEqual([]);
  });
});

describe('secondary phase: abuse protection and SMS', () => {
  test('a brought web ACL and country rules do not follow: advised, in these words', () => {
    const acl = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/a/b';
    expect(run({}, binding({ abuse: { webAclArn: acl } as any })).advised).toEqual([
      `secondaryAbuseProtectionPartial: abuseProtection is Regional and follows the replica only in part: the web ACL you brought (${acl}) belongs to the primary's Region; `
      + 'associate one of us-west-2 with secondary.replicaArn. Acknowledge this once us-west-2 has its own.',
    ]);
    expect(run({}, binding({ abuse: { webAcl: {}, countries: {} } as any })).advised).toEqual([
      'secondaryAbuseProtectionPartial: abuseProtection is Regional and follows the replica only in part: the SMS country rules are an End User Messaging protect '
      + 'configuration of the primary\'s Region. Acknowledge this once us-west-2 has its own.',
    ]);
    expect(run({}, binding({ abuse: { webAcl: {} } as any })).advised).toEqual([]);
  });

  test('SMS: the primary\'s created SNS role is shared, with SNS in the first Region the table gives for the secondary', () => {
    const sns = SmsMfa.withNewRole()._spec;
    expect(run({}, binding({ smsSpec: sns })).d).toMatchObject({ sharedSms: { snsRegion: 'us-west-2' } });
    expect(run({}, binding({ smsSpec: sns, region: 'ap-northeast-2' }), stack('ap-northeast-2')).d).toMatchObject({ sharedSms: { snsRegion: 'ap-northeast-1' } });
    expect(run({}, binding()).d!.sharedSms).toBeUndefined();
  });

  test('SMS: the direct path, a brought role and a Region without the SNS path are advised, each with its reason', () => {
    const why = (b: ReplicationBinding, scope = stack()) => run({}, b, scope).advised.join('');
    expect(why(binding({ smsSpec: SmsMfa.withEndUserMessaging()._spec }))).toBe('secondarySmsMissing: The primary sends SMS, and the secondary in us-west-2 has none (its '
      + 'End User Messaging origination identity and configuration set are resources of its own Region): while it serves, SMS codes fail. Set sms on the secondary: '
      + 'SmsMfa.withNewRole() or SmsMfa.withEndUserMessaging({ originationIdentity }) with resources of us-west-2.');
    expect(why(binding({ smsSpec: { role: {} as any, externalId: 'x' } }))).toMatch(/has none \(its role is yours, and its trust may not name the replica\)/);
    expect(why(binding({ smsSpec: SmsMfa.withNewRole()._spec, region: 'ap-east-2' }), stack('ap-east-2'))).toMatch(/has none \(SNS sends no SMS for this Region\)/);
  });

  test('SMS given to the secondary is checked for its Region, as the pool\'s is', () => {
    expect(run({ sms: SmsMfa.withNewRole({ message: 'no code' }) }).refused).toMatch(/\[rule: smsMessageForm/);
    expect(run({ sms: SmsMfa.withNewRole({ snsRegion: 'us-east-1' }) }).refused).toMatch(/\[rule: snsRegionNotAccepted/);
    const d = run({ sms: SmsMfa.withNewRole() }, binding({ smsSpec: SmsMfa.withEndUserMessaging()._spec })).d!;
    expect(d.sms).toBeDefined();
    expect(d.sharedSms).toBeUndefined();
  });
});
