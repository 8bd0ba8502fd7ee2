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
