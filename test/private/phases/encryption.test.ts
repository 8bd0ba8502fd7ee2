import { App, Fn, Stack } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { refusal, refusalMessage, resolve } from './helpers';
import { PoolEncryption, TokenIssuer } from '../../../src';
import { WARNING_PREFIX } from '../../../src/private/rules';

const ARN = 'arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-abcd-0123-0123456789ab';
const stack = (region = 'us-east-1') => new Stack(new App(), 'S', { env: { account: '123456789012', region } });
const imported = (arn: string) => kms.Key.fromKeyArn(stack(), 'K', arn);
const advised = (props: Parameters<typeof resolve>[0], region: string | null = 'us-east-1') => resolve(props, region).advisories.map(a => a.id.slice(WARNING_PREFIX.length));

describe('encryption phase', () => {
  test('nothing given, nothing decided', () => {
    expect(resolve({}).encryption).toEqual({ keyType: undefined, key: undefined, issuer: undefined });
  });

  test('AWS owned, created customer managed, given customer managed', () => {
    expect(resolve({ encryption: PoolEncryption.awsOwnedKey() }).encryption).toEqual({ keyType: 'AWS_OWNED_KEY', issuer: undefined });
    expect(resolve({ encryption: PoolEncryption.customerManagedKey() }).encryption).toEqual({ keyType: 'CUSTOMER_MANAGED_KEY', key: undefined, issuer: undefined });
    const key = imported(ARN);
    expect(resolve({ encryption: PoolEncryption.customerManagedKey(key) }).encryption).toEqual({ keyType: 'CUSTOMER_MANAGED_KEY', key, issuer: undefined });
  });

  test('an imported key is advised, a key of the app is not', () => {
    expect(advised({ encryption: PoolEncryption.customerManagedKey(imported(ARN)) })).toContain('encryptionKeyPolicyUnchecked');
    expect(advised({ encryption: PoolEncryption.customerManagedKey(new kms.Key(stack(), 'K')) })).not.toContain('encryptionKeyPolicyUnchecked');
  });

  test('the key\'s Region: literal ARN, stack of the key, unknown', () => {
    expect(refusalMessage({ encryption: PoolEncryption.customerManagedKey(imported(ARN.replace('us-east-1', 'eu-west-1'))) })).toBe(
      `[MfaUserPool P] encryption is a key of eu-west-1; Cognito encrypts a pool of us-east-1 with a key of its own Region only (received: "${ARN.replace('us-east-1', 'eu-west-1')}"). `
      + 'Use a key of us-east-1 (a replica of a multi-Region key counts as one). [rule: encryptionKeyRegion, docs/RULES.md#encryptionkeyregion]');
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(new kms.Key(stack('eu-west-1'), 'K')) })).toBe('encryptionKeyRegion');
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(new kms.Key(stack('us-east-1'), 'K')) })).toBeUndefined();
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(imported(ARN.replace('us-east-1', 'eu-west-1'))) }, null)).toBeUndefined();
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack(), 'T', Fn.importValue('Arn'))) })).toBeUndefined();
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(new kms.Key(new Stack(new App(), 'Agnostic'), 'K')) })).toBeUndefined();
  });

  test('an alias is refused with its exact message; a key ARN that merely mentions alias is not', () => {
    expect(refusalMessage({ encryption: PoolEncryption.customerManagedKey(imported('arn:aws:kms:us-east-1:123456789012:alias/users')) })).toBe(
      '[MfaUserPool P] encryption names a KMS alias; Cognito takes a key by its key ARN only (received: "arn:aws:kms:us-east-1:123456789012:alias/users"). '
      + 'Pass the key itself (kms.Key.fromKeyArn(scope, id, \'arn:aws:kms:<region>:<account>:key/<id>\') or a kms.Key of the app). '
      + '[rule: encryptionKeyAlias, docs/RULES.md#encryptionkeyalias]');
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(imported('arn:aws:kms:us-east-1:123456789012:key/alias-like-id')) })).toBeUndefined();
  });

  test.each([
    [kms.KeySpec.RSA_2048, kms.KeyUsage.ENCRYPT_DECRYPT, 'encryptionKeyNotSymmetric'],
    [kms.KeySpec.ECC_NIST_P256, kms.KeyUsage.SIGN_VERIFY, 'encryptionKeyNotSymmetric'],
    [kms.KeySpec.HMAC_256, kms.KeyUsage.GENERATE_VERIFY_MAC, 'encryptionKeyNotSymmetric'],
    [kms.KeySpec.SYMMETRIC_DEFAULT, kms.KeyUsage.ENCRYPT_DECRYPT, undefined],
  ])('a %s key for %s: %s', (keySpec, keyUsage, rule) => {
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(new kms.Key(stack(), 'K', { keySpec, keyUsage })) })).toBe(rule);
  });

  test('the issuer: written as given, UPDATED advised, an unknown value refused', () => {
    expect(resolve({ tokenIssuer: TokenIssuer.ORIGINAL }).encryption.issuer).toBe(TokenIssuer.ORIGINAL);
    expect(advised({ tokenIssuer: TokenIssuer.ORIGINAL })).not.toContain('tokenIssuerUpdated');
    expect(advised({ tokenIssuer: TokenIssuer.UPDATED })).toContain('tokenIssuerUpdated');
    expect(refusal({ tokenIssuer: 'NEW' as TokenIssuer })).toBe('notAMember');
    expect(refusal({ encryption: 'CUSTOMER_MANAGED_KEY' as unknown as PoolEncryption })).toBe('notAMember');
  });
});

describe('encryption phase: exact messages', () => {
  const messages = (props: Parameters<typeof resolve>[0]) => resolve(props).advisories.map(a => a.message);

  test('the updated issuer\'s advisory', () => {
    expect(messages({ tokenIssuer: TokenIssuer.UPDATED })).toContain('tokenIssuer is UPDATED: new tokens carry the issuer '
      + 'https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>, so every verifier that checks iss against https://cognito-idp.<region>.amazonaws.com/<poolId> '
      + 'must accept it first, and Application Load Balancer authentication and API Gateway Cognito authorizers do not take it yet.');
  });

  test('an imported key\'s advisory names the key and the statements it needs', () => {
    expect(messages({ encryption: PoolEncryption.customerManagedKey(imported(ARN)) })).toContain(`encryption: the key ${ARN} is not defined in this app, so its `
      + 'policy cannot be read or extended: it must let cognito-idp.amazonaws.com encrypt and decrypt for this account\'s user pools (the guide\'s key policy), or '
      + 'the pool fails to deploy. Acknowledge this once it does.');
  });

  test('the refusals\' exact texts: not a PoolEncryption, not symmetric', () => {
    expect(refusalMessage({ encryption: 'x' as unknown as PoolEncryption })).toBe('[MfaUserPool P] encryption is not a PoolEncryption (received: "x"). '
      + 'Use PoolEncryption.customerManagedKey() or PoolEncryption.awsOwnedKey(). [rule: notAMember, docs/RULES.md#notamember]');
    const key = new kms.Key(stack(), 'Rsa', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.SIGN_VERIFY });
    expect(refusalMessage({ encryption: PoolEncryption.customerManagedKey(key) })).toBe('[MfaUserPool P] encryption is a RSA_2048 key for SIGN_VERIFY; '
      + 'Cognito takes symmetric encryption keys only (received: "S/Rsa"). Create the key with keySpec: kms.KeySpec.SYMMETRIC_DEFAULT and keyUsage: '
      + 'kms.KeyUsage.ENCRYPT_DECRYPT (the defaults). [rule: encryptionKeyNotSymmetric, docs/RULES.md#encryptionkeynotsymmetric]');
    const rsaForEncryption = new kms.Key(stack(), 'RsaEnc', { keySpec: kms.KeySpec.RSA_2048, keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT });
    expect(refusalMessage({ encryption: PoolEncryption.customerManagedKey(rsaForEncryption) })).toContain('is a RSA_2048 key for ENCRYPT_DECRYPT;');
  });

  test('a key of the app in the pool\'s Region, without a key spec, passes; an alias of the app names its path', () => {
    expect(refusal({ encryption: PoolEncryption.customerManagedKey(new kms.Key(stack(), 'Plain')) })).toBeUndefined();
    const s = stack();
    const alias = new kms.Alias(s, 'A', { aliasName: 'alias/users', targetKey: new kms.Key(s, 'T') });
    expect(refusalMessage({ encryption: PoolEncryption.customerManagedKey(alias) })).toContain('encryption names a KMS alias; Cognito takes a key by its key ARN only');
  });
});
