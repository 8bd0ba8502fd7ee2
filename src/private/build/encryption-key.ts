import { Aws, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { EncryptionDecisions } from '../resolve/encryption';
import { partitionOf } from '../resolve/replication';

/**
 * The pool's encryption at rest and token issuer, written on the L1 (the floor's aws-cdk-lib has
 * neither property). A customer managed key is created when none was given, under the fixed id
 * `EncryptionKey`, and a key of the app gets the guide's statements; an imported key is the app's
 * (advised at resolution). Returns the key the pool uses, if customer managed.
 */
export function applyEncryption(
  scope: Construct, cfnPool: cognito.CfnUserPool, d: EncryptionDecisions, removalPolicy: RemovalPolicy, logExport: boolean,
): kms.IKey | undefined {
  if (d.issuer !== undefined) {
    cfnPool.addPropertyOverride('IssuerConfiguration', { Type: d.issuer });
  }
  if (d.keyType === 'AWS_OWNED_KEY') {
    cfnPool.addPropertyOverride('KeyConfiguration', { KeyType: 'AWS_OWNED_KEY' });
    return undefined;
  }
  if (d.keyType !== 'CUSTOMER_MANAGED_KEY') {
    return undefined;
  }
  // A replicated pool's key is multi-Region, under an id of its own: KMS cannot change MultiRegion
  // of an existing key ("the update request fails"), so adding replication creates a new key and
  // moves the pool to it (KeyConfiguration updates without interruption), rather than asking KMS
  // to change one. A pool that is not replicated keeps a single-Region key, as KMS advises ("Use
  // an AWS KMS multi-Region key only when you need one").
  const replicated = d.replicaRegion !== undefined;
  const key = d.key ?? new kms.Key(scope, replicated ? 'MultiRegionEncryptionKey' : 'EncryptionKey', {
    description: replicated ? 'Encrypts one replicated Amazon Cognito user pool at rest (multi-Region)' : 'Encrypts one Amazon Cognito user pool at rest',
    enableKeyRotation: true,
    multiRegion: replicated ? true : undefined,
    removalPolicy,
  });
  if (key instanceof kms.Key) {
    const stack = Stack.of(scope);
    cognitoKeyStatements(stack, stack.region, d.replicaRegion, logExport).forEach(statement => key.addToResourcePolicy(statement));
  }
  cfnPool.addPropertyOverride('KeyConfiguration', { KeyType: 'CUSTOMER_MANAGED_KEY', KmsKeyArn: key.keyArn });
  return key;
}

/**
 * The statements of the Cognito guide's key policy (data-protection.html): Cognito's service
 * principals may encrypt, decrypt and describe for user pools of this account (the pool's own ARN
 * would be a circular reference, so every pool of the account in this Region), and principals of
 * the account through Cognito in this Region only.
 *
 * For a replicated pool (the key and its replica), the guide gives no policy. The pools of both
 * Regions are named, since a replica's ARN is the pool's ID in the replica's Region and no page
 * says which of the two ARNs Cognito presents or binds to the encryption context; and principals
 * of the account may create grants through Cognito for AWS resources only, which the
 * CloudFormation handlers of UserPoolReplica and UserPool list (`kms:CreateGrant`), and so may
 * Cognito for the account's pools of both Regions, as terraform-provider-aws's acceptance tests of
 * the replica grant it (inferred: no AWS page gives a replicated pool's key policy).
 *
 * With log export (log delivery), the guide's second policy adds that Cognito may encrypt, and
 * the log delivery service decrypt, logs of this account and Region as they are exported
 * ("Apply this policy to your KMS key when you have log export configured").
 *
 * @param region the Region of the key (the pool's, or the replica's for the key replica)
 * @param replicaRegion the other Region of a replicated pool
 * @param logExport the pool (or the replica) delivers logs
 */
export function cognitoKeyStatements(stack: Stack, region: string, replicaRegion: string | undefined, logExport: boolean): iam.PolicyStatement[] {
  const poolsIn = (r: string) => `arn:${Aws.PARTITION}:cognito-idp:${r}:${stack.account}:userpool/*`;
  const other = replicaRegion;
  const pools = other === undefined ? poolsIn(region) : [poolsIn(region), poolsIn(other)];
  const data = ['kms:Encrypt', 'kms:Decrypt', 'kms:ReEncrypt*', 'kms:GenerateDataKeyWithoutPlaintext'];
  const services = [new iam.ServicePrincipal('cognito-idp.amazonaws.com'), new iam.ServicePrincipal('identitystore.amazonaws.com')];
  const fromCognito = { StringEquals: { 'aws:SourceAccount': stack.account }, ArnLike: { 'aws:SourceArn': pools } };
  const throughCognito = { StringEquals: { 'kms:ViaService': `cognito-idp.${region}.${urlSuffixOf(region)}`, 'kms:CallerAccount': stack.account } };
  const context = { StringLike: { 'kms:EncryptionContext:aws:cognito-idp:userpool-arn': pools } };
  const grants = other === undefined ? [] : [
    new iam.PolicyStatement({
      sid: 'AccountThroughCognitoGrants',
      principals: [new iam.AnyPrincipal()],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: { StringEquals: { ...throughCognito.StringEquals }, Bool: { 'kms:GrantIsForAWSResource': 'true' } },
    }),
    // The only replicated setup known to deploy (terraform-provider-aws's acceptance tests of the
    // replica) lets Cognito's service principal create grants; here for this account's pools only.
    new iam.PolicyStatement({
      sid: 'CognitoCreatesGrants',
      principals: [services[0]],
      actions: ['kms:CreateGrant'],
      resources: ['*'],
      conditions: fromCognito,
    }),
  ];
  const logs = { StringLike: { 'kms:EncryptionContext:SourceArn': `arn:${Aws.PARTITION}:logs:${region}:${stack.account}:*` } };
  const onLogs = (sid: string, service: string, action: string) =>
    new iam.PolicyStatement({ sid, principals: [new iam.ServicePrincipal(service)], actions: ['kms:GenerateDataKey', action], resources: ['*'], conditions: logs });
  const logStatements = !logExport ? [] : [
    onLogs('CognitoEncryptsExportedLogs', 'cognito-idp.amazonaws.com', 'kms:Encrypt'),
    onLogs('LogDeliveryDecryptsExportedLogs', 'delivery.logs.amazonaws.com', 'kms:Decrypt'),
  ];
  return [
    new iam.PolicyStatement({ sid: 'CognitoEncryptsUserPools', principals: services, actions: data, resources: ['*'], conditions: { ...fromCognito, ...context } }),
    new iam.PolicyStatement({ sid: 'CognitoDescribesTheKey', principals: services, actions: ['kms:DescribeKey'], resources: ['*'], conditions: fromCognito }),
    new iam.PolicyStatement({ sid: 'AccountThroughCognitoDescribes', principals: [new iam.AnyPrincipal()], actions: ['kms:DescribeKey'], resources: ['*'], conditions: throughCognito }),
    new iam.PolicyStatement({
      sid: 'AccountThroughCognitoEncrypts',
      principals: [new iam.AnyPrincipal()],
      actions: data,
      resources: ['*'],
      conditions: { StringEquals: { ...throughCognito.StringEquals }, ...context },
    }),
    ...grants,
    ...logStatements,
  ];
}

/**
 * The DNS suffix of a Region's endpoints, which `kms:ViaService` names: botocore's partitions
 * (amazonaws.com, amazonaws.com.cn, c2s.ic.gov, sc2s.sgov.gov, csp.hci.ic.gov, cloud.adc-e.uk,
 * amazonaws.eu). A Region that is a token gets the stack's AWS::URLSuffix.
 */
function urlSuffixOf(region: string): string {
  if (Token.isUnresolved(region)) {
    return Aws.URL_SUFFIX;
  }
  const suffixes: Record<string, string> = {
    'aws-cn': 'amazonaws.com.cn',
    'aws-iso': 'c2s.ic.gov',
    'aws-iso-b': 'sc2s.sgov.gov',
    'aws-iso-f': 'csp.hci.ic.gov',
    'aws-iso-e': 'cloud.adc-e.uk',
    'aws-eusc': 'amazonaws.eu',
  };
  return suffixes[partitionOf(region)] ?? 'amazonaws.com';
}
