import { Stack, Token } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { PoolEncryption, TokenIssuer } from '../../encryption';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ResolveContext } from '../context';
import type { ReplicationDecisions } from './replication';
import { isLiteral } from '../errors';
import { RULES } from '../rules';

/** How the pool's data is encrypted and who issues its tokens, as decided from the props. */
export interface EncryptionDecisions {
  /** The key type to write; undefined writes nothing (Cognito's default, a key AWS owns). */
  readonly keyType?: 'AWS_OWNED_KEY' | 'CUSTOMER_MANAGED_KEY';
  /** The customer managed key given; undefined with CUSTOMER_MANAGED_KEY means the library creates one. */
  readonly key?: kms.IKey;
  /** The issuer to write; undefined writes nothing (the original issuer). */
  readonly issuer?: TokenIssuer;
  /** The pool is replicated to this Region: a created key is multi-Region, and its policy names both Regions' pools. */
  readonly replicaRegion?: string;
}

/** A KMS key ARN: `arn:<partition>:kms:<region>:<account>:key/<id>` (an alias ARN has `alias/`). */
const KMS_ARN = /^arn:[a-z-]+:kms:([a-z0-9-]+):\d{12}:(key|alias)\/.+$/;

/**
 * Decides the pool's encryption at rest and its token issuer, or refuses what Cognito rejects
 * (the guide: "only symmetric KMS keys in the same AWS Region as your user pool", "only with a
 * KMS key ARN, not an alias"). A key whose ARN is a token is judged by what the app defines of it.
 *
 * @param region the stack's Region, or undefined in an environment-agnostic stack
 */
export function resolveEncryption(
  ctx: ResolveContext, props: MfaUserPoolProps, region: string | undefined, replication?: ReplicationDecisions,
): EncryptionDecisions {
  const issuer = props.tokenIssuer === undefined ? undefined : ctx.member('tokenIssuer', props.tokenIssuer, TokenIssuer, 'a TokenIssuer');
  if (issuer === TokenIssuer.UPDATED) {
    ctx.advise(RULES.tokenIssuerUpdated, 'tokenIssuer is UPDATED: new tokens carry the issuer https://issuer-cognito-idp.<region>.amazonaws.com/<poolId>, so every '
      + 'verifier that checks iss against https://cognito-idp.<region>.amazonaws.com/<poolId> must accept it first, and Application Load Balancer authentication '
      + 'and API Gateway Cognito authorizers do not take it yet.');
  }
  const encryption = props.encryption;
  const replicaRegion = replication?.region;
  if (encryption === undefined) {
    // A replicated pool needs a multi-Region customer managed key: the library creates one.
    return replicaRegion === undefined ? { issuer } : { keyType: 'CUSTOMER_MANAGED_KEY', issuer, replicaRegion };
  }
  if (!(encryption instanceof PoolEncryption)) {
    throw ctx.refuse(RULES.notAMember, 'encryption', 'is not a PoolEncryption', encryption,
      'Use PoolEncryption.customerManagedKey() or PoolEncryption.awsOwnedKey().');
  }
  if (!encryption._customerManaged) {
    if (replicaRegion !== undefined) {
      throw ctx.refuse(RULES.replicationNeedsCustomerManagedKey, 'encryption', 'is a key AWS owns; a replicated pool needs a multi-Region customer managed key',
        'PoolEncryption.awsOwnedKey()', 'Leave encryption out (the library creates a multi-Region key), or pass PoolEncryption.customerManagedKey(key) with a multi-Region key.');
    }
    return { keyType: 'AWS_OWNED_KEY', issuer };
  }
  const key = encryption._key;
  if (key) {
    checkKey(ctx, key, region);
    if (replicaRegion !== undefined) {
      checkReplicatedKey(ctx, key, replicaRegion);
    }
  }
  return { keyType: 'CUSTOMER_MANAGED_KEY', key, issuer, replicaRegion };
}

/**
 * A replicated pool's key: a key of the app must be multi-Region (the library adds its replica);
 * one imported by ARN is the app's to replicate, which cannot be read here.
 */
function checkReplicatedKey(ctx: ResolveContext, key: kms.IKey, replicaRegion: string): void {
  const cfnKey = key.node.defaultChild;
  if (key instanceof kms.Key && cfnKey instanceof kms.CfnKey) {
    const multiRegion = Stack.of(cfnKey).resolve(cfnKey.multiRegion);
    if (multiRegion !== true && !Token.isUnresolved(cfnKey.multiRegion)) {
      throw ctx.refuse(RULES.replicationNeedsCustomerManagedKey, 'encryption', 'is a single-Region key; a replicated pool needs a multi-Region key', key.node.path,
        'Create the key with multiRegion: true (a new key: KMS cannot make an existing key multi-Region), or leave encryption out for a created one.');
    }
    return;
  }
  const keyId = isLiteral(key.keyArn) ? /:key\/(.+)$/.exec(key.keyArn)?.[1] : undefined;
  if (keyId !== undefined && !keyId.startsWith('mrk-')) {
    throw ctx.refuse(RULES.replicationNeedsCustomerManagedKey, 'encryption', 'is a single-Region key (its ID does not start with mrk-); a replicated pool needs a multi-Region key',
      key.keyArn, 'Pass a multi-Region key (arn:...:key/mrk-...), or leave encryption out for a created one.');
  }
  ctx.advise(RULES.replicationKeyOutsideApp, `encryption: the key ${isLiteral(key.keyArn) ? key.keyArn : key.node.path} is not defined in this app, so the library neither `
    + `checks that it is a multi-Region key nor adds its replica: replicate it to ${replicaRegion} (with the same policy for Cognito) before the replica is created, `
    + 'and acknowledge this once it is.');
}

function checkKey(ctx: ResolveContext, key: kms.IKey, region: string | undefined): void {
  const arn = key.keyArn;
  const parsed = isLiteral(arn) ? KMS_ARN.exec(arn) : null;
  if ((parsed && parsed[2] === 'alias') || 'aliasName' in key) {
    throw ctx.refuse(RULES.encryptionKeyAlias, 'encryption', 'names a KMS alias; Cognito takes a key by its key ARN only', isLiteral(arn) ? arn : key.node.path,
      'Pass the key itself (kms.Key.fromKeyArn(scope, id, \'arn:aws:kms:<region>:<account>:key/<id>\') or a kms.Key of the app).');
  }
  const keyRegion = parsed ? parsed[1] : key.node.defaultChild instanceof kms.CfnKey ? Stack.of(key).region : undefined;
  if (region !== undefined && keyRegion !== undefined && !Token.isUnresolved(keyRegion) && keyRegion !== region) {
    throw ctx.refuse(RULES.encryptionKeyRegion, 'encryption', `is a key of ${keyRegion}; Cognito encrypts a pool of ${region} with a key of its own Region only`,
      isLiteral(arn) ? arn : key.node.path, `Use a key of ${region} (a replica of a multi-Region key counts as one).`);
  }
  const cfnKey = key.node.defaultChild;
  if (!(key instanceof kms.Key)) {
    ctx.advise(RULES.encryptionKeyPolicyUnchecked, `encryption: the key ${isLiteral(arn) ? arn : key.node.path} is not defined in this app, so its policy cannot be `
      + 'read or extended: it must let cognito-idp.amazonaws.com encrypt and decrypt for this account\'s user pools (the guide\'s key policy), or the pool fails '
      + 'to deploy. Acknowledge this once it does.');
  }
  if (cfnKey instanceof kms.CfnKey) {
    const spec = Stack.of(cfnKey).resolve(cfnKey.keySpec);
    const usage = Stack.of(cfnKey).resolve(cfnKey.keyUsage);
    if ((typeof spec === 'string' && spec !== 'SYMMETRIC_DEFAULT') || (typeof usage === 'string' && usage !== 'ENCRYPT_DECRYPT')) {
      throw ctx.refuse(RULES.encryptionKeyNotSymmetric, 'encryption', `is a ${spec ?? 'SYMMETRIC_DEFAULT'} key for ${usage ?? 'ENCRYPT_DECRYPT'}; Cognito takes symmetric `
        + 'encryption keys only', key.node.path, 'Create the key with keySpec: kms.KeySpec.SYMMETRIC_DEFAULT and keyUsage: kms.KeyUsage.ENCRYPT_DECRYPT (the defaults).');
    }
  }
}
