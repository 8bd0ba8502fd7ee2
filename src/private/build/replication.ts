import { CfnResource, Names, RemovalPolicy, Stack, Stage } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { cognitoKeyStatements } from './encryption-key';
import { addLogDelivery } from './log-delivery';
import { bindSmsRole, SmsRoleBinding } from './sms-role';
import { addWebAcl } from './web-acl';
import { eumsSmsProperty } from '../l1-overrides';
import { poolOperations, PoolOperations } from '../operate/metrics';
import type { AbuseDecisions } from '../resolve/abuse';
import type { LogDecisions } from '../resolve/decisions';
import type { ReplicationDecisions, SecondaryDecisions } from '../resolve/replication';
import { SmsSpec } from '../sms-spec';

/** The CloudFormation types of replication: not in the floor's aws-cdk-lib, written as raw resources. */
export const REPLICA_TYPE = 'AWS::Cognito::UserPoolReplica';
export const REGIONAL_CONFIGURATION_TYPE = 'AWS::Cognito::UserPoolRegionalConfigurationAttachment';

/** What the secondary Region takes over from the pool's configuration. */
export interface PoolFacts {
  /** The pool's SMS configuration. */
  readonly smsSpec?: SmsSpec;
  /** The pool's SMS role binding, when the pool sends SMS. */
  readonly sms?: SmsRoleBinding;
  /** The pool sends email through Amazon SES. */
  readonly sendsWithSes: boolean;
  readonly abuse?: AbuseDecisions;
  readonly logs: LogDecisions;
  readonly threatProtection: boolean;
  readonly removalPolicy: RemovalPolicy;
  /** The pool's account, token or not. */
  readonly account: string;
  /** Email is an MFA factor of the pool (it needs Amazon SES, in each Region). */
  readonly emailFactor: boolean;
  /** The pool emails users about risky sign-ins (threat protection's notify configuration). */
  readonly riskNotification: boolean;
  /** The pool's L1, whose rendered LambdaConfig the secondary compares with its own. */
  readonly cfnPool: CfnResource;
}

/** What the primary built for its replica, and what the secondary construct needs from the pool. */
export interface ReplicationBinding extends PoolFacts {
  /** The secondary Region. */
  readonly region: string;
  readonly userPoolId: string;
  /** The stack of the primary's Region that holds the replica: the secondary's stack deploys after it. */
  readonly replicaStack: Stack;
  /** The stack of the secondary Region that holds the key's replica, when the key is of the app. */
  readonly keyReplicaStack?: Stack;
  /** The replica resource. */
  readonly replica: CfnResource;
  /** The path of the secondary construct, once one was made for this pool. */
  secondaryPath?: string;
}

/** What `addReplication` needs from the pool. */
export interface ReplicationSource extends PoolFacts {
  readonly pool: Construct;
  readonly userPoolId: string;
  readonly key?: kms.IKey;
}

/**
 * The replica and, for a key of the app, the key's replica, each in a stack of its own beside the
 * pool's (in its Stage), so that CloudFormation creates them in the order Cognito needs: the pool
 * and its multi-Region key (the pool's stack), the key's replica in the secondary Region ("The key
 * must be available in all AWS Regions that have user pool replicas"), the replica in the primary
 * Region, then the secondary's Regional configuration ("The replica must be in ACTIVE or INACTIVE
 * status before you create this resource"), which the secondary construct's stack holds.
 * The two Regions alternate, so no fewer stacks can hold them.
 */
export function addReplication(source: ReplicationSource, d: ReplicationDecisions): ReplicationBinding {
  const primary = Stack.of(source.pool);
  const stage = Stage.of(source.pool) ?? source.pool.node.root;
  const base = Names.uniqueId(source.pool);
  // The stacks the library adds keep the pool stack's account, termination protection and tags.
  const like = (region: string) => ({
    env: { account: primary.account, region },
    terminationProtection: primary.terminationProtection,
    tags: primary.tags.tagValues(),
  });
  let keyReplicaStack: Stack | undefined;
  let keyReplica: kms.CfnReplicaKey | undefined;
  if (source.key instanceof kms.Key) {
    keyReplicaStack = new Stack(stage, `${base}KeyReplica`, {
      ...like(d.region),
      crossRegionReferences: true,
      description: `The replica in ${d.region} of the multi-Region key of the user pool ${source.pool.node.path}`,
    });
    const logExport = source.logs.messageDeliveryErrors || source.logs.userAuthEvents;
    keyReplica = addKeyReplica(keyReplicaStack, source.key, primary.region, source.removalPolicy, logExport);
  }
  const replicaStack = new Stack(stage, `${base}Replica`, {
    ...like(primary.region),
    description: `The replica in ${d.region} of the user pool ${source.pool.node.path}`,
  });
  const replica = new CfnResource(replicaStack, 'Replica', {
    type: REPLICA_TYPE,
    properties: { UserPoolId: source.userPoolId, RegionName: d.region },
  });
  if (keyReplica) {
    // The key must be available in the replica's Region before the replica is created: across
    // stacks, a dependency of the stacks (the pool's ID already orders the pool's stack first).
    replica.node.addDependency(keyReplica);
  }
  replica.applyRemovalPolicy(source.removalPolicy);

  const { pool: _pool, key: _key, ...facts } = source;

  return { ...facts, region: d.region, replicaStack, keyReplicaStack, replica };
}

/** The key's replica (`AWS::KMS::ReplicaKey`), with the policy of the key, for this Region's pools and the primary's. */
function addKeyReplica(stack: Stack, key: kms.Key, primaryRegion: string, removalPolicy: RemovalPolicy, logExport: boolean): kms.CfnReplicaKey {
  const policy = new iam.PolicyDocument({
    statements: [
      new iam.PolicyStatement({ sid: 'AccountAdministersTheKey', principals: [new iam.AccountRootPrincipal()], actions: ['kms:*'], resources: ['*'] }),
      ...cognitoKeyStatements(stack, stack.region, primaryRegion, logExport),
    ],
  });
  const replica = new kms.CfnReplicaKey(stack, 'EncryptionKeyReplica', {
    primaryKeyArn: key.keyArn,
    keyPolicy: policy,
    description: 'Encrypts the replica of one Amazon Cognito user pool at rest',
    // Enabled is left to KMS (its default, true): Cognito may take control of the key once the
    // replica is active, and a written value would fight it at the next update.
  });
  replica.applyRemovalPolicy(removalPolicy);
  return replica;
}

/** What the secondary construct built. */
export interface RegionalBuild {
  readonly replicaArn: string;
  readonly attachment: CfnResource;
  readonly smsRole?: iam.IRole;
  readonly webAclArn?: string;
  readonly deliveryErrors?: logs.LogGroup;
  readonly authEvents?: logs.LogGroup;
  readonly operations: PoolOperations;
}

/**
 * The secondary Region's settings, under `scope` (a construct in a stack of that Region, which
 * deploys after the replica): the Regional configuration attachment (status, SMS, email), the
 * web ACL of `abuseProtection` associated with the replica, and the replica's log delivery.
 */
export function addRegionalSettings(scope: Construct, d: SecondaryDecisions): RegionalBuild {
  const b = d.binding;
  b.secondaryPath = scope.node.path;
  const stack = Stack.of(scope);
  // Every resource of the secondary acts on the replica: across stacks, a dependency of the stacks.
  scope.node.addDependency(b.replica);
  // The replica's ARN: the pool's ID in this Region.
  const replicaArn = stack.formatArn({ service: 'cognito-idp', resource: 'userpool', resourceName: b.userPoolId });
  const sms = regionalSms(scope, d);
  // The replica's tags are a Regional setting (UserPoolTagsAtCreate is create-only, so never
  // written: a change would replace the replica): the pool stack's tags, as the pool has them.
  const tags = Stack.of(b.cfnPool).tags.tagValues();
  const properties: Record<string, unknown> = {
    UserPoolId: b.userPoolId,
    Status: d.status,
    UserPoolTags: Object.keys(tags).length > 0 ? tags : undefined,
    SmsConfiguration: sms?.configuration,
    EmailConfiguration: d.email && {
      EmailSendingAccount: 'DEVELOPER',
      From: d.email.from,
      SourceArn: d.email.sesIdentityArn,
      ReplyToEmailAddress: d.email.replyTo,
      ConfigurationSet: d.email.configurationSet,
    },
  };
  const attachment = new CfnResource(scope, 'RegionalConfiguration', { type: REGIONAL_CONFIGURATION_TYPE, properties });
  // Kept with the pool: deleting the secondary's stack does not take the Regional settings of a retained pool.
  attachment.applyRemovalPolicy(b.removalPolicy);
  const delivered = addLogDelivery(scope, b.userPoolId, b.logs, b.removalPolicy);
  const abuse = b.abuse && (b.abuse.webAcl !== undefined ? b.abuse : undefined);
  const waf = abuse && addWebAcl(scope, replicaArn, abuse, b.removalPolicy);
  const smsSpec = sms?.spec;
  return {
    replicaArn,
    attachment,
    smsRole: sms?.role,
    webAclArn: waf?.webAclArn,
    deliveryErrors: delivered.deliveryErrors,
    authEvents: delivered.authEvents,
    operations: poolOperations(b.userPoolId, smsSpec, b.threatProtection, stack.region, stack.region, delivered, waf),
  };
}

/** The replica's SMS configuration as written, its role, and what it sends with. */
interface RegionalSms {
  readonly configuration: Record<string, unknown>;
  readonly role: iam.IRole;
  readonly spec: SmsSpec;
}

/** The replica's SMS configuration: the role shared with the primary, or one bound here. */
function regionalSms(scope: Construct, d: SecondaryDecisions): RegionalSms | undefined {
  const b = d.binding;
  if (d.sharedSms && b.sms && b.smsSpec) {
    return {
      configuration: { SnsCallerArn: b.sms.role.roleArn, ExternalId: b.sms.externalId, SnsRegion: d.sharedSms.snsRegion },
      role: b.sms.role,
      spec: { ...b.smsSpec, snsRegion: d.sharedSms.snsRegion },
    };
  }
  if (!d.sms) {
    return undefined;
  }
  // A role of this Region's stack: its trust names this Region's pools, the replica among them.
  const bound = bindSmsRole(scope, d.sms, b.sms?.externalId ?? Names.uniqueId(scope), b.removalPolicy);
  const configuration = d.sms.eums
    ? { EumsSms: eumsSmsProperty(d.sms.eums, bound) }
    : { SnsCallerArn: bound.role.roleArn, ExternalId: bound.externalId, SnsRegion: d.sms.snsRegion };
  return { configuration, role: bound.role, spec: d.sms };
}
