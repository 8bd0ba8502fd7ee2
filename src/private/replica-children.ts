import { CfnResource, Stack, Stage, Token, Tokenization } from 'aws-cdk-lib';
import * as kms from 'aws-cdk-lib/aws-kms';
import { IConstruct } from 'constructs';
import { ResolveContext } from './context';
import { refuse } from './errors';
import type { RenderedResource } from './pool-children';
import { checkReplicaRegion } from './resolve/replication';
import { RULES } from './rules';
import { acceptedSnsRegions } from './sns-regions';

/** The Region of the stack that holds a resource, or undefined when it is a token. */
function regionOf(construct: IConstruct): string | undefined {
  const region = Stack.of(construct).region;
  return Token.isUnresolved(region) ? undefined : region;
}

/**
 * A replica of the pool as CloudFormation receives it: made in the pool's Region (CreateUserPoolReplica
 * replicates a pool of the Region it is called in), to a Region the replication phase accepts.
 * Returns the replica's Region when it is a literal.
 *
 * @param poolRegion the pool's Region, or undefined in an environment-agnostic stack
 */
export function checkRenderedReplica(ctx: ResolveContext, replica: RenderedResource, poolRegion: string | undefined): string | undefined {
  const stackRegion = regionOf(replica.construct);
  if (poolRegion !== undefined && stackRegion !== undefined && stackRegion !== poolRegion) {
    throw ctx.refuse(RULES.replicaStackRegion, 'replicas', `include ${replica.path}, in a stack of ${stackRegion}; a replica is made in the pool's Region (${poolRegion})`,
      stackRegion, `Move it to a stack of ${poolRegion}, or set replication: { region } on the pool instead.`);
  }
  const name = replica.properties.RegionName;
  if (typeof name !== 'string') {
    ctx.advise(RULES.replicationRegionUnlisted, `The replica ${replica.path} names its Region with a value known only at deploy time: its form, partition and `
      + 'availability, and the key\'s replica there, cannot be checked. Name the Region as a string (replication: { region }), or acknowledge this.');
    return undefined;
  }
  if (poolRegion !== undefined) {
    checkReplicaRegion(ctx, `${replica.path} RegionName`, poolRegion, name);
  }
  return name;
}

/** The top-level stack a construct deploys with: a nested stack deploys with its parent. */
function deployedWith(construct: IConstruct): Stack {
  let stack = Stack.of(construct);
  while (stack.nestedStackParent) {
    stack = stack.nestedStackParent;
  }
  return stack;
}

/** Whether `stack` depends on `target`, directly or through other stacks. */
function dependsOn(stack: Stack, target: Stack, seen = new Set<Stack>()): boolean {
  if (seen.has(stack)) {
    return false;
  }
  seen.add(stack);
  return stack.dependencies.some(d => d === target || dependsOn(d, target, seen));
}

/**
 * A Regional configuration of the pool as CloudFormation receives it. The CloudFormation
 * reference: "The user pool must have a replica in the Region where you create this resource";
 * "Create this resource in the secondary (replica) Region. The replica must be in ACTIVE or
 * INACTIVE status before you create this resource"; Status: "Valid values are ACTIVE and INACTIVE".
 */
export function checkRegionalConfiguration(path: string, attachment: RenderedResource, replica: RenderedResource | undefined): void {
  if (!replica) {
    throw refuse(path, RULES.secondaryWithoutReplication, 'Regional configurations', `include ${attachment.path}, and the pool has no replica`, attachment.path,
      'Set replication: { region } on the pool, and build the Regional settings with MfaUserPoolSecondary.');
  }
  const replicaRegion = replica.properties.RegionName;
  const here = regionOf(attachment.construct);
  if (typeof replicaRegion === 'string' && here !== replicaRegion) {
    throw refuse(path, RULES.secondaryRegion, 'Regional configurations', `include ${attachment.path}, in a stack of ${here ?? 'an unknown Region'}; it is created in the `
      + `replica's Region (${replicaRegion})`, here ?? 'an environment-agnostic stack', `Move it to a stack of ${replicaRegion}.`);
  }
  const snsRegion = attachment.properties.SmsConfiguration?.SnsRegion;
  const accepted = typeof replicaRegion === 'string' ? acceptedSnsRegions(replicaRegion) : undefined;
  if (typeof snsRegion === 'string' && accepted !== undefined && !accepted.includes(snsRegion)) {
    throw refuse(path, RULES.snsRegionNotAccepted, 'Regional configurations', `give ${attachment.path} the SNS Region ${snsRegion}; Cognito accepts ${accepted.join(' or ')} for `
      + `a pool in ${replicaRegion}`, snsRegion, `Use ${accepted.map(r => `'${r}'`).join(' or ')}, and remove any override of SmsConfiguration.SnsRegion.`);
  }
  const status = attachment.properties.Status;
  if (typeof status === 'string' && status !== 'ACTIVE' && status !== 'INACTIVE') {
    throw refuse(path, RULES.regionalStatusForm, 'Regional configurations', `give ${attachment.path} the status ${status}; Cognito takes ACTIVE or INACTIVE`, status,
      'Use ReplicaStatus.ACTIVE or ReplicaStatus.INACTIVE (status on MfaUserPoolSecondary), and remove any override of Status.');
  }
  const own = deployedWith(attachment.construct);
  const replicaStack = deployedWith(replica.construct);
  if (own !== replicaStack && !dependsOn(own, replicaStack)) {
    throw refuse(path, RULES.secondaryRegion, 'Regional configurations', `include ${attachment.path}, whose stack ${own.node.path} is not deployed after the replica's `
      + `(${replicaStack.node.path})`, own.node.path, 'Make it depend on the replica (attachment.node.addDependency(pool.replica)), or use MfaUserPoolSecondary, which does.');
  }
}

/**
 * A multi-Region key of the app has at most one replica per Region (KMS ReplicateKey: "You can
 * create multiple replicas of a primary key, but each must be in a different Region"): the
 * library's and one the app made would collide.
 */
export function checkKeyReplicas(path: string, key: kms.IKey | undefined, replicaRegion: string | undefined): void {
  if (!(key instanceof kms.Key)) {
    return;
  }
  const cfnKey = key.node.defaultChild as kms.CfnKey;
  const rendered = Stack.of(cfnKey).resolve((cfnKey as any)._toCloudFormation())?.Resources ?? {};
  const multiRegion = (Object.values<any>(rendered)[0] ?? {}).Properties?.MultiRegion;
  if (multiRegion !== true && multiRegion !== 'true' && (multiRegion === undefined || typeof multiRegion === 'boolean' || typeof multiRegion === 'string')) {
    throw refuse(path, RULES.replicationNeedsCustomerManagedKey, 'encryption', 'is a single-Region key in the template; the pool\'s replica needs a multi-Region key',
      key.node.path, 'Create the key with multiRegion: true, and remove any override of MultiRegion.');
  }
  const target = Tokenization.reverse(key.keyArn);
  const byRegion = new Map<string, string[]>();
  // The key's replicas, however written: the L1 class or a raw resource of the type.
  const primaryOf = (node: CfnResource) => (node instanceof kms.CfnReplicaKey ? node.primaryKeyArn : (node as any)._cfnProperties?.PrimaryKeyArn);
  for (const node of (Stage.of(key) ?? key.node.root).node.findAll()) {
    if (node instanceof CfnResource && node.cfnResourceType === 'AWS::KMS::ReplicaKey' && target !== undefined && Tokenization.reverse(primaryOf(node)) === target) {
      const region = regionOf(node) ?? '(unknown)';
      byRegion.set(region, [...(byRegion.get(region) ?? []), (node as CfnResource).node.path]);
    }
  }
  if (replicaRegion !== undefined && !byRegion.has(replicaRegion)) {
    throw refuse(path, RULES.replicationNeedsCustomerManagedKey, 'encryption', `has no replica in ${replicaRegion}, where the pool's replica is; "The key must be available `
      + 'in all AWS Regions that have user pool replicas"', key.node.path, 'Set replication: { region } on the pool (the library adds the key\'s replica), or add a '
      + `kms.CfnReplicaKey of the key in a stack of ${replicaRegion} that the replica's stack depends on.`);
  }
  for (const [region, paths] of byRegion) {
    if (paths.length > 1) {
      throw refuse(path, RULES.keyReplicaTwice, 'encryption', `has ${paths.length} replicas in ${region}; KMS keeps one replica of a key per Region`, paths,
        'Remove your AWS::KMS::ReplicaKey of the pool\'s key in that Region: replication adds one. Or pass a key imported by ARN, whose replica is yours to make.');
    }
  }
}
