import { App, Fn, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as kms from 'aws-cdk-lib/aws-kms';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { advised, refusal, refusalMessage, resolve } from './helpers';
import { MfaEnforcement, MfaUserPoolProps, PoolEncryption, SmsMfa, TokenIssuer } from '../../../src';
import { NO_REPLICATION_REGIONS, partitionOf, REPLICATION_REGIONS } from '../../../src/private/resolve/replication';

const WEST = { replication: { region: 'us-west-2' }, tokenIssuer: TokenIssuer.UPDATED };
const stack = () => new Stack(new App(), 'S', { env: { account: '123456789012', region: 'us-east-1' } });
const ids = (props: MfaUserPoolProps, region?: string) => advised(props, region).map(a => a.split(':')[0]);

describe('replication phase', () => {
  test('no replication, nothing decided; replication decides the Region and a created multi-Region key', () => {
    expect(resolve({}).replication).toBeUndefined();
    const d = resolve({ ...WEST, mfa: MfaEnforcement.OFF });
    expect(d.replication).toEqual({ region: 'us-west-2' });
    expect(d.encryption).toEqual({ keyType: 'CUSTOMER_MANAGED_KEY', issuer: TokenIssuer.UPDATED, replicaRegion: 'us-west-2' });
  });

  test.each([
    ['a token', Fn.ref('Region')],
    ['too short', 'us-1'],
    ['not a Region name', 'US West 2'],
    ['longer than 32 characters', 'us-west-2222222222222222222222222222'],
    ['the pool\'s own Region', 'us-east-1'],
    ['of another partition', 'us-iso-east-1'],
    ['of the European Sovereign Cloud', 'eusc-de-east-1'],
  ])('a Region that is %s is refused', (_name, region) => {
    expect(refusal({ replication: { region } })).toBe('replicationRegionForm');
  });

  test('the partition of a Region, from its name, is the one aws-cdk-lib knows for every Region it knows', () => {
    const known = RegionInfo.regions.map(r => r.name).filter(r => RegionInfo.get(r).partition !== undefined);
    expect(known.length).toBeGreaterThan(30);
    expect(known.filter(r => partitionOf(r) !== RegionInfo.get(r).partition)).toEqual([]);
    expect(partitionOf('eusc-de-east-1')).toBe('aws-eusc');
  });

  test('each partition by its prefix, and only at the start of the name', () => {
    expect(Object.fromEntries(['cn-north-1', 'us-gov-west-1', 'us-isob-east-1', 'us-isof-south-1', 'us-iso-east-1', 'eu-isoe-west-1', 'eusc-de-east-1', 'us-east-1']
      .map(r => [r, partitionOf(r)]))).toEqual({
      'cn-north-1': 'aws-cn',
      'us-gov-west-1': 'aws-us-gov',
      'us-isob-east-1': 'aws-iso-b',
      'us-isof-south-1': 'aws-iso-f',
      'us-iso-east-1': 'aws-iso',
      'eu-isoe-west-1': 'aws-iso-e',
      'eusc-de-east-1': 'aws-eusc',
      'us-east-1': 'aws',
    });
    for (const inside of ['ab-cn-1', 'ab-us-gov-1', 'ab-us-isob-1', 'ab-us-isof-1', 'ab-us-iso-1', 'ab-eu-isoe-1', 'ab-eusc-1']) {
      expect(partitionOf(inside)).toBe('aws');
    }
  });

  test('a Region that is a token is refused as such, before the stack\'s own Region is asked for', () => {
    expect(refusalMessage({ replication: { region: Fn.ref('Region') } }, null)).toMatch(/^\[MfaUserPool P\] replication\.region must be an AWS Region name known at synthesis/);
  });

  test('the Region name: 32 characters pass (advised), 33 are refused', () => {
    const name = (n: number) => `us-${'a'.repeat(n - 5)}-1`;
    expect(name(32)).toHaveLength(32);
    expect(ids({ ...WEST, mfa: MfaEnforcement.OFF, replication: { region: name(32) } })).toContain('replicationRegionUnlisted');
    expect(refusalMessage({ replication: { region: name(33) } })).toBe('[MfaUserPool P] replication.region must be an AWS Region name known at synthesis (received: '
      + `"${name(33)}"). Name the secondary Region as a string, for example 'us-west-2'. [rule: replicationRegionForm, docs/RULES.md#replicationregionform]`);
  });

  test('the texts of the partition, availability and listing findings', () => {
    expect(refusalMessage({ replication: { region: 'us-gov-west-1' } })).toBe('[MfaUserPool P] replication.region must be a Region of the pool\'s partition (aws), not '
      + 'of aws-us-gov (received: "us-gov-west-1"). Replicate within the partition: a multi-Region key has replicas in its own partition only. '
      + '[rule: replicationRegionForm, docs/RULES.md#replicationregionform]');
    const commercial = REPLICATION_REGIONS.filter(r => /^[a-z]{2}-[a-z]+-\d$/.test(r));
    expect(commercial).toHaveLength(16);
    expect(refusalMessage({ replication: { region: 'af-south-1' } }, 'ap-east-1')).toBe('[MfaUserPool P] replication needs a Region where CloudFormation offers the '
      + 'replica and its Regional configuration; ap-east-1 and af-south-1 do not (received: "af-south-1"). Replicate between two of '
      + `${commercial.join(', ')} (CloudFormation's schemas of 2026-10-20). [rule: replicationRegionUnavailable, docs/RULES.md#replicationregionunavailable]`);
    expect(advised({ ...WEST, mfa: MfaEnforcement.OFF, replication: { region: 'ap-southeast-9' } })[0]).toMatch(/^replicationRegionUnlisted: replication: ap-southeast-9 is not among/);
    expect(advised({ replication: { region: 'us-west-2' }, mfa: MfaEnforcement.OFF })).toEqual([
      'replicationIssuerOriginal: replication: the pool keeps the original issuer. The guide recommends tokenIssuer: TokenIssuer.UPDATED for a replicated pool, so that '
      + 'tokens carry one issuer whichever Region issued them; switch once every verifier accepts https://issuer-cognito-idp.<region>.amazonaws.com/<poolId> (Application '
      + 'Load Balancer authentication and API Gateway Cognito authorizers do not yet).',
    ]);
    expect(advised({ ...WEST, sms: SmsMfa.withNewRole(), email: {}, userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail: 'a@example.com', sesRegion: 'us-east-1' }) } })
      .filter(a => a.startsWith('replicationTotpOnly'))[0]).toMatch(/\(the pool also offers SMS and email\)\. Offer a factor the secondary serves next to TOTP .*; acknowledge this once they do\.$/);
  });

  test('the exact texts of the refusals', () => {
    expect(refusalMessage({ replication: { region: 'us-east-1' } })).toBe(
      '[MfaUserPool P] replication.region must be another Region than the pool\'s own (us-east-1) (received: "us-east-1"). Name the Region the replica should '
      + 'serve from, for example \'us-west-2\' for a pool in us-east-1. [rule: replicationRegionForm, docs/RULES.md#replicationregionform]');
    expect(refusalMessage({ replication: { region: 'us-west-2' } }, null)).toMatch(
      /^\[MfaUserPool P\] replication needs the pool's stack to name its Region \(the stack is environment-agnostic\) \(received: "us-west-2"\)\. Give the stack an env/);
    expect(refusalMessage({ featurePlan: cognito.FeaturePlan.LITE, replication: { region: 'us-west-2' } })).toMatch(
      /^\[MfaUserPool P\] featurePlan must be ESSENTIALS or PLUS for multi-Region replication \(received: "LITE"\)\. Set featurePlan.*\[rule: replicationNeedsEssentials/);
    expect(refusalMessage({ replication: { region: 'us-west-2' }, encryption: PoolEncryption.awsOwnedKey() })).toMatch(
      /^\[MfaUserPool P\] encryption is a key AWS owns; a replicated pool needs a multi-Region customer managed key .*Leave encryption out .*\[rule: replicationNeedsCustomerManagedKey/);
  });

  test('a key of the app must be multi-Region; a multi-Region one passes, a token passes', () => {
    const single = new kms.Key(stack(), 'Single');
    expect(refusalMessage({ ...WEST, encryption: PoolEncryption.customerManagedKey(single) })).toMatch(
      /^\[MfaUserPool P\] encryption is a single-Region key; a replicated pool needs a multi-Region key \(received: "S\/Single"\)\. Create the key with multiRegion: true/);
    expect(refusal({ ...WEST, mfa: MfaEnforcement.OFF, encryption: PoolEncryption.customerManagedKey(new kms.Key(stack(), 'Multi', { multiRegion: true })) })).toBeUndefined();
    const unknown = new kms.Key(stack(), 'Unknown');
    (unknown.node.defaultChild as kms.CfnKey).multiRegion = Fn.conditionEquals('a', 'a') as any;
    expect(refusal({ ...WEST, mfa: MfaEnforcement.OFF, encryption: PoolEncryption.customerManagedKey(unknown) })).toBeUndefined();
  });

  test('Regions: refused where CloudFormation has no replica type, advised where the bundled schemas do not know the Region', () => {
    expect(refusalMessage({ replication: { region: 'ap-east-1' } })).toMatch(
      /^\[MfaUserPool P\] replication\.region needs a Region where CloudFormation offers the replica and its Regional configuration; ap-east-1 does not \(received: "ap-east-1"\)\. Replicate between two of ap-northeast-1, /);
    expect(refusalMessage({ replication: { region: 'us-west-2' } }, 'af-south-1')).toMatch(/^\[MfaUserPool P\] replication needs a Region .*; af-south-1 does not/);
    expect(NO_REPLICATION_REGIONS.filter(r => REPLICATION_REGIONS.includes(r))).toEqual([]);
    expect(ids({ replication: { region: 'ap-southeast-9' }, tokenIssuer: TokenIssuer.UPDATED, mfa: MfaEnforcement.OFF })).toEqual(['replicationRegionUnlisted', 'tokenIssuerUpdated']);
    expect(advised({ replication: { region: 'ap-southeast-9' }, tokenIssuer: TokenIssuer.UPDATED, mfa: MfaEnforcement.OFF }, 'me-south-1')[0]).toBe(
      'replicationRegionUnlisted: replication: me-south-1 and ap-southeast-9 are not among the Regions where CloudFormation offered multi-Region replication on 2026-10-20 ('
      + `${REPLICATION_REGIONS.join(', ')}). Check that it does before you deploy; acknowledge this once it does.`);
    expect(ids({ replication: { region: 'us-west-2' }, mfa: MfaEnforcement.OFF })).toEqual(['replicationIssuerOriginal']);
  });

  test('TOTP in a replicated pool: the only factor, or next to factors the secondary serves', () => {
    expect(advised({ ...WEST }).filter(a => a.startsWith('replicationTotpOnly'))).toEqual([
      'replicationTotpOnly: replication: TOTP is the pool\'s only MFA factor, and secondary replicas do not support TOTP MFA: while us-west-2 serves, no user with MFA '
      + 'can sign in. Offer a factor the secondary serves next to TOTP (sms: SmsMfa.withNewRole(), email: {}, or passkeys: { countsAsMfa: true }) and ask users to '
      + 'register it, or set mfa to MfaEnforcement.OFF.',
    ]);
    expect(advised({ ...WEST, sms: SmsMfa.withNewRole() }).filter(a => a.startsWith('replicationTotpOnly'))[0]).toMatch(
      /users who registered only an authenticator app cannot sign in while us-west-2 serves \(the pool also offers SMS\)/);
    expect(advised({ ...WEST, passkeys: { relyingPartyId: 'example.com', countsAsMfa: true } })
      .filter(a => a.startsWith('replicationTotpOnly'))[0]).toMatch(/\(the pool also offers passkeys\)/);
    expect(ids({ ...WEST, totp: false, sms: SmsMfa.withNewRole() })).not.toContain('replicationTotpOnly');
    expect(ids({ ...WEST, mfa: MfaEnforcement.OFF })).not.toContain('replicationTotpOnly');
  });
});
