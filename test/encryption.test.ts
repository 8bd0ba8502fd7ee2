import { Fn, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as kms from 'aws-cdk-lib/aws-kms';
import { MfaUserPool, MfaUserPoolProps, PoolEncryption, TokenIssuer } from '../src';
import { build, expectRefusalOrNone, newApp, newStack } from './util';

const KEY_ARN = 'arn:aws:kms:us-east-1:123456789012:key/0123abcd-0123-abcd-0123-0123456789ab';
const POOLS = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':cognito-idp:us-east-1:123456789012:userpool/*']] };

describe('encryption at rest', () => {
  test('by default nothing is written: Cognito encrypts with a key AWS owns', () => {
    const { stack } = build();
    const pool = Template.fromStack(stack).findResources('AWS::Cognito::UserPool');
    expect(Object.values<any>(pool)[0].Properties.KeyConfiguration).toBeUndefined();
    expect(Object.values<any>(pool)[0].Properties.IssuerConfiguration).toBeUndefined();
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 0);
  });

  test('a customer managed key is created with rotation, under a pinned logical ID, and named by its ARN', () => {
    const { stack, pool } = build({ encryption: PoolEncryption.customerManagedKey() });
    const template = Template.fromStack(stack);
    template.hasResourceProperties('AWS::Cognito::UserPool', {
      KeyConfiguration: { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: { 'Fn::GetAtt': ['UsersEncryptionKey6BC7E8E4', 'Arn'] } },
    });
    template.hasResource('AWS::KMS::Key', { Properties: Match.objectLike({ EnableKeyRotation: true }), DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
    expect(Object.keys(template.findResources('AWS::KMS::Key'))).toEqual(['UsersEncryptionKey6BC7E8E4']);
    expect(pool.encryptionKey).toBeInstanceOf(kms.Key);
  });

  test('the key policy is the guide\'s: Cognito for this account\'s pools only, the account through Cognito only', () => {
    const { stack } = build({ encryption: PoolEncryption.customerManagedKey() });
    const key = Object.values<any>(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0];
    const bySid = Object.fromEntries(key.Properties.KeyPolicy.Statement.filter((st: any) => st.Sid).map((st: any) => [st.Sid, st]));
    const services = { Service: ['cognito-idp.amazonaws.com', 'identitystore.amazonaws.com'] };
    const data = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext'];
    expect(bySid.CognitoEncryptsUserPools).toEqual({
      Sid: 'CognitoEncryptsUserPools',
      Effect: 'Allow',
      Principal: services,
      Action: data,
      Resource: '*',
      Condition: { StringEquals: { 'aws:SourceAccount': '123456789012' }, ArnLike: { 'aws:SourceArn': POOLS }, StringLike: { 'kms:EncryptionContext:aws:cognito-idp:userpool-arn': POOLS } },
    });
    expect(bySid.CognitoDescribesTheKey.Condition).toEqual({ StringEquals: { 'aws:SourceAccount': '123456789012' }, ArnLike: { 'aws:SourceArn': POOLS } });
    const through = { 'kms:ViaService': 'cognito-idp.us-east-1.amazonaws.com', 'kms:CallerAccount': '123456789012' };
    expect(bySid.AccountThroughCognitoDescribes).toMatchObject({ Principal: { AWS: '*' }, Action: 'kms:DescribeKey', Condition: { StringEquals: through } });
    expect(bySid.AccountThroughCognitoEncrypts).toMatchObject({
      Principal: { AWS: '*' }, Action: data, Condition: { StringEquals: through, StringLike: { 'kms:EncryptionContext:aws:cognito-idp:userpool-arn': POOLS } },
    });
  });

  test('a key of the app gets the same statements; an imported key is advised and left as it is', () => {
    const stack = newStack();
    const own = new kms.Key(stack, 'Own');
    new MfaUserPool(stack, 'Users', { encryption: PoolEncryption.customerManagedKey(own) });
    const policy = Object.values<any>(Template.fromStack(stack).findResources('AWS::KMS::Key'))[0].Properties.KeyPolicy.Statement.map((st: any) => st.Sid);
    expect(policy).toEqual(expect.arrayContaining(['CognitoEncryptsUserPools', 'CognitoDescribesTheKey', 'AccountThroughCognitoDescribes', 'AccountThroughCognitoEncrypts']));
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('encryptionKeyPolicyUnchecked'));

    const other = newStack();
    new MfaUserPool(other, 'Users', { encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(other, 'Imported', KEY_ARN)) });
    Template.fromStack(other).hasResourceProperties('AWS::Cognito::UserPool', { KeyConfiguration: { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: KEY_ARN } });
    Annotations.fromStack(other).hasWarning('/TestStack/Users', Match.stringLikeRegexp(`the key ${KEY_ARN} is not defined in this app.*encryptionKeyPolicyUnchecked`));
  });

  test('awsOwnedKey() writes the way back explicitly', () => {
    const { stack } = build({ encryption: PoolEncryption.awsOwnedKey() });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', { KeyConfiguration: { KeyType: 'AWS_OWNED_KEY' } });
    Template.fromStack(stack).resourceCountIs('AWS::KMS::Key', 0);
  });

  // [case, the props given a stack, the refusal's text, or undefined when it synthesizes]
  test.each<[string, (stack: Stack) => MfaUserPoolProps, RegExp | undefined]>([
    ['an alias ARN', stack => ({ encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack, 'K', 'arn:aws:kms:us-east-1:123456789012:alias/users')) }),
      /encryption names a KMS alias; Cognito takes a key by its key ARN only.*\[rule: encryptionKeyAlias/],
    ['a kms.Alias of the app', stack => ({ encryption: PoolEncryption.customerManagedKey(new kms.Alias(stack, 'A', { aliasName: 'alias/users', targetKey: new kms.Key(stack, 'K') })) }),
      /\[rule: encryptionKeyAlias/],
    ['a key ARN of another Region', stack => ({ encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack, 'K', KEY_ARN.replace('us-east-1', 'eu-west-1'))) }),
      /is a key of eu-west-1; Cognito encrypts a pool of us-east-1 with a key of its own Region only.*\[rule: encryptionKeyRegion/],
    ['a key of the app in a stack of another Region', stack => {
      const elsewhere = new Stack(stack.node.root, 'Elsewhere', { env: { account: '123456789012', region: 'eu-west-1' } });
      return { encryption: PoolEncryption.customerManagedKey(new kms.Key(elsewhere, 'K')) };
    }, /\[rule: encryptionKeyRegion/],
    ['an HMAC key', stack => ({ encryption: PoolEncryption.customerManagedKey(new kms.Key(stack, 'K', { keySpec: kms.KeySpec.HMAC_256, keyUsage: kms.KeyUsage.GENERATE_VERIFY_MAC })) }),
      /is a HMAC_256 key for GENERATE_VERIFY_MAC; Cognito takes symmetric encryption keys only.*\[rule: encryptionKeyNotSymmetric/],
    ['a key ARN from a parameter (a token)', stack => ({ encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack, 'K', Fn.importValue('KeyArn'))) }), undefined],
    ['a multi-Region key of the app', stack => ({ encryption: PoolEncryption.customerManagedKey(new kms.Key(stack, 'K', { multiRegion: true })) }), undefined],
    ['something that is not a PoolEncryption', () => ({ encryption: { _customerManaged: true } as unknown as PoolEncryption }), /encryption is not a PoolEncryption.*\[rule: notAMember/],
  ])('%s', (_name, props, refusal) => {
    expectRefusalOrNone(() => {
      const stack = newStack();
      new MfaUserPool(stack, 'Users', props(stack));
      Template.fromStack(stack);
    }, refusal);
  });

  test('in a stack of unknown Region the key\'s Region is not judged', () => {
    const stack = newStack(null);
    expect(() => new MfaUserPool(stack, 'Users', { encryption: PoolEncryption.customerManagedKey(kms.Key.fromKeyArn(stack, 'K', KEY_ARN)) })).not.toThrow();
  });
});

describe('the token issuer', () => {
  test.each([TokenIssuer.ORIGINAL, TokenIssuer.UPDATED])('%s is written', issuer => {
    const { stack } = build({ tokenIssuer: issuer });
    Template.fromStack(stack).hasResourceProperties('AWS::Cognito::UserPool', { IssuerConfiguration: { Type: issuer } });
  });

  test('UPDATED is advised (new iss, ALB and API Gateway authorizers); ORIGINAL is not', () => {
    const updated = build({ tokenIssuer: TokenIssuer.UPDATED });
    Annotations.fromStack(updated.stack).hasWarning('/TestStack/Users', Match.stringLikeRegexp('issuer-cognito-idp.*Application Load Balancer.*tokenIssuerUpdated'));
    const original = build({ tokenIssuer: TokenIssuer.ORIGINAL });
    Annotations.fromStack(original.stack).hasNoWarning('/TestStack/Users', Match.stringLikeRegexp('tokenIssuerUpdated'));
  });

  test('a value outside the enum is refused', () => {
    expect(() => build({ tokenIssuer: 'NEW' as TokenIssuer })).toThrow(/tokenIssuer is not a TokenIssuer.*\[rule: notAMember/);
  });
});

describe('data safety: a key or an issuer updates the pool in place', () => {
  test('adding either keeps the pool\'s logical ID and every other property', () => {
    const plain = Template.fromStack(build().stack).toJSON().Resources;
    const app = newApp();
    const stack = new Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
    new MfaUserPool(stack, 'Users', { encryption: PoolEncryption.customerManagedKey(), tokenIssuer: TokenIssuer.UPDATED });
    const encrypted = Template.fromStack(stack).toJSON().Resources;
    const { KeyConfiguration: _k, IssuerConfiguration: _i, ...rest } = encrypted.Users0A0EEA89.Properties;
    expect(rest).toEqual(plain.Users0A0EEA89.Properties);
    expect(encrypted.Users0A0EEA89.DeletionPolicy).toBe(plain.Users0A0EEA89.DeletionPolicy);
  });
});
