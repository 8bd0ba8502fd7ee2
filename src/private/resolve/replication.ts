import { Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { FactorDecisions, FirstFactorDecisions, PlanDecisions } from './decisions';
import { checkSms } from './sms';
import { TokenIssuer } from '../../encryption';
import { MfaEnforcement } from '../../mfa';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { MfaUserPoolSecondaryProps, RegionalEmailOptions, ReplicaStatus } from '../../replication';
import type { ReplicationBinding } from '../build/replication';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { RULES } from '../rules';
import { SmsSpec } from '../sms-spec';
import { acceptedSnsRegions, REGION_PATTERN } from '../sns-regions';

/** The pool's replication, as decided from the props. */
export interface ReplicationDecisions {
  /** The secondary Region. */
  readonly region: string;
}

/**
 * Where CloudFormation offers `AWS::Cognito::UserPoolReplica` and
 * `AWS::Cognito::UserPoolRegionalConfigurationAttachment`: the Regions of the resource provider
 * schemas bundled with cfn-lint 1.58.0 (schema date 2026-10-20) that hold both types. In the
 * commercial partition they are exactly the Regions of AWS's announcement (What's New, 2026-06).
 */
export const REPLICATION_REGIONS: readonly string[] = [
  'ap-northeast-1', 'ap-northeast-2', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2', 'ca-central-1', 'eu-central-1', 'eu-isoe-west-1', 'eu-north-1',
  'eu-west-1', 'eu-west-2', 'eu-west-3', 'eusc-de-east-1', 'sa-east-1', 'us-east-1', 'us-east-2', 'us-iso-east-1', 'us-iso-west-1', 'us-isob-east-1',
  'us-isob-west-1', 'us-isof-east-1', 'us-isof-south-1', 'us-west-1', 'us-west-2',
];

/**
 * The Regions whose bundled schemas hold neither type: CloudFormation there rejects the template
 * ("Unrecognized resource types"). A Region in neither list is newer than the bundle: advised.
 */
export const NO_REPLICATION_REGIONS: readonly string[] = [
  'af-south-1', 'ap-east-1', 'ap-east-2', 'ap-northeast-3', 'ap-south-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-southeast-5', 'ap-southeast-6',
  'ap-southeast-7', 'ca-west-1', 'cn-north-1', 'cn-northwest-1', 'eu-central-2', 'eu-south-1', 'eu-south-2', 'il-central-1', 'me-central-1',
  'mx-central-1', 'us-gov-east-1', 'us-gov-west-1',
];

/**
 * Decides the pool's replication, or refuses what the guide says Cognito rejects (a Lite pool) and
 * what the library cannot build (a Region unknown at synthesis, the pool's own Region). Advises on
 * what Cognito accepts but a failover would expose: the original issuer, and users whose only MFA
 * factor is TOTP, which secondaries do not support. The key is decided by the encryption phase.
 *
 * @param region the stack's Region, or undefined in an environment-agnostic stack
 */
export function resolveReplication(
  ctx: ResolveContext, props: MfaUserPoolProps, region: string | undefined,
  plan: PlanDecisions, factors: FactorDecisions, firstFactors: FirstFactorDecisions,
): ReplicationDecisions | undefined {
  const replication = props.replication;
  if (replication === undefined) {
    return undefined;
  }
  const secondary = replication.region;
  if (!isLiteral(secondary)) {
    throw ctx.refuse(RULES.replicationRegionForm, 'replication.region', 'must be an AWS Region name known at synthesis', secondary,
      'Name the secondary Region as a string, for example \'us-west-2\'.');
  }
  if (region === undefined) {
    throw ctx.refuse(RULES.replicationNeedsRegion, 'replication', 'needs the pool\'s stack to name its Region (the stack is environment-agnostic)', secondary,
      'Give the stack an env with account and region, for example new Stack(app, \'Primary\', { env: { account: \'111122223333\', region: \'us-east-1\' } }).');
  }
  checkReplicaRegion(ctx, 'replication.region', region, secondary);
  if (plan.featurePlan === cognito.FeaturePlan.LITE) {
    throw ctx.refuse(RULES.replicationNeedsEssentials, 'featurePlan', 'must be ESSENTIALS or PLUS for multi-Region replication', plan.featurePlan,
      'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (the default), or remove replication.');
  }
  adviseOnReplica(ctx, props.tokenIssuer, factors, firstFactors, secondary);
  return { region: secondary };
}

/**
 * The replica's Region against the pool's: a Region name (the schema's 5 to 32 characters), not
 * the pool's own, of the same partition (a multi-Region key replicates within its partition
 * only), and one where CloudFormation offers the replica types (refused where the bundled
 * schemas say it does not, advised where they do not know the Region).
 */
export function checkReplicaRegion(ctx: ResolveContext, prop: string, region: string, secondary: string): void {
  if (secondary.length < 5 || secondary.length > 32 || !REGION_PATTERN.test(secondary)) {
    throw ctx.refuse(RULES.replicationRegionForm, prop, 'must be an AWS Region name known at synthesis', secondary,
      'Name the secondary Region as a string, for example \'us-west-2\'.');
  }
  if (secondary === region) {
    throw ctx.refuse(RULES.replicationRegionForm, prop, `must be another Region than the pool's own (${region})`, secondary,
      'Name the Region the replica should serve from, for example \'us-west-2\' for a pool in us-east-1.');
  }
  const partitions = [region, secondary].map(partitionOf);
  if (partitions[0] !== partitions[1]) {
    throw ctx.refuse(RULES.replicationRegionForm, prop, `must be a Region of the pool's partition (${partitions[0]}), not of ${partitions[1]}`, secondary,
      'Replicate within the partition: a multi-Region key has replicas in its own partition only.');
  }
  const unavailable = [region, secondary].filter(r => NO_REPLICATION_REGIONS.includes(r));
  if (unavailable.length > 0) {
    throw ctx.refuse(RULES.replicationRegionUnavailable, unavailable.includes(region) ? prop.replace(/\.region$/, '') : prop,
      `needs a Region where CloudFormation offers the replica and its Regional configuration; ${unavailable.join(' and ')} ${unavailable.length > 1 ? 'do' : 'does'} not`,
      secondary, `Replicate between two of ${REPLICATION_REGIONS.filter(r => /^[a-z]{2}-[a-z]+-\d$/.test(r)).join(', ')} (CloudFormation's schemas of 2026-10-20).`);
  }
  const unlisted = [region, secondary].filter(r => !REPLICATION_REGIONS.includes(r));
  if (unlisted.length > 0) {
    ctx.advise(RULES.replicationRegionUnlisted, `replication: ${unlisted.join(' and ')} ${unlisted.length > 1 ? 'are' : 'is'} not among the Regions where CloudFormation `
      + `offered multi-Region replication on 2026-10-20 (${REPLICATION_REGIONS.join(', ')}). Check that it does before you deploy; acknowledge this once it does.`);
  }
}

/**
 * The partition of a Region, from its name (aws-cdk-lib's RegionInfo knows only the Regions of its
 * own release; the floor's does not know eusc-de-east-1): the prefixes of botocore's endpoints.
 */
export function partitionOf(region: string): string {
  const prefixes: Array<[RegExp, string]> = [
    [/^cn-/, 'aws-cn'], [/^us-gov-/, 'aws-us-gov'], [/^us-isob-/, 'aws-iso-b'], [/^us-isof-/, 'aws-iso-f'], [/^us-iso-/, 'aws-iso'],
    [/^eu-isoe-/, 'aws-iso-e'], [/^eusc-/, 'aws-eusc'],
  ];
  return prefixes.find(([pattern]) => pattern.test(region))?.[1] ?? 'aws';
}

/** What Cognito accepts for a replica but a failover would expose: the original issuer, and TOTP. */
export function adviseOnReplica(
  ctx: ResolveContext, issuer: TokenIssuer | undefined, factors: FactorDecisions, firstFactors: FirstFactorDecisions, secondary: string,
): void {
  if (issuer !== TokenIssuer.UPDATED) {
    ctx.advise(RULES.replicationIssuerOriginal, 'replication: the pool keeps the original issuer. The guide recommends tokenIssuer: TokenIssuer.UPDATED for a replicated '
      + 'pool, so that tokens carry one issuer whichever Region issued them; switch once every verifier accepts https://issuer-cognito-idp.<region>.amazonaws.com/<poolId> '
      + '(Application Load Balancer authentication and API Gateway Cognito authorizers do not yet).');
  }
  adviseOnTotp(ctx, factors, firstFactors, secondary);
}

/** TOTP is not supported in secondaries: a user whose only factor is an authenticator app cannot sign in there. */
function adviseOnTotp(ctx: ResolveContext, factors: FactorDecisions, firstFactors: FirstFactorDecisions, secondary: string): void {
  if (factors.mfa === MfaEnforcement.OFF || !factors.totp) {
    return;
  }
  const others = [factors.smsFactor ? 'SMS' : '', factors.emailFactor ? 'email' : '', firstFactors.passkey?.countsAsMfa ? 'passkeys' : ''].filter(Boolean);
  const fix = 'Offer a factor the secondary serves next to TOTP (sms: SmsMfa.withNewRole(), email: {}, or passkeys: { countsAsMfa: true }) and ask users to register it';
  if (others.length === 0) {
    ctx.advise(RULES.replicationTotpOnly, `replication: TOTP is the pool's only MFA factor, and secondary replicas do not support TOTP MFA: while ${secondary} serves, `
      + `no user with MFA can sign in. ${fix}, or set mfa to MfaEnforcement.OFF.`);
  } else {
    ctx.advise(RULES.replicationTotpOnly, 'replication: secondary replicas do not support TOTP MFA, so users who registered only an authenticator app cannot sign in while '
      + `${secondary} serves (the pool also offers ${others.join(' and ')}). ${fix}; acknowledge this once they do.`);
  }
}

/** What the secondary construct builds, as decided from its props and the pool's replication. */
export interface SecondaryDecisions {
  readonly binding: ReplicationBinding;
  readonly status: ReplicaStatus;
  /** The replica's SMS configuration, checked for this Region. */
  readonly sms?: SmsSpec;
  /** Send with the primary's created role (its trust names both Regions), through SNS in `snsRegion`. */
  readonly sharedSms?: { readonly snsRegion: string };
  readonly email?: RegionalEmailOptions;
}

/** The API model's patterns of EmailConfigurationType (ArnType, EmailAddressType, SESConfigurationSet). */
const SES_IDENTITY = /^(?=.{20,2048}$)arn:[\w+=/,.@-]+:[\w+=/,.@-]+:([\w+=/,.@-]*)?:[0-9]+:[\w+=/,.@-]+(:[\w+=/,.@-]+)?(:[\w+=/,.@-]+)?$/;
const REPLY_TO = /^[\p{L}\p{M}\p{S}\p{N}\p{P}]+@[\p{L}\p{M}\p{S}\p{N}\p{P}]+$/u;
const CONFIGURATION_SET = /^[a-zA-Z0-9_-]{1,64}$/;

/**
 * Decides the secondary Region's settings, or refuses a secondary that Cognito or CloudFormation
 * would reject: without a replica, outside the replica's Region, or twice for one pool.
 */
export function resolveSecondary(
  ctx: ResolveContext, scope: Construct, props: MfaUserPoolSecondaryProps, binding: ReplicationBinding | undefined,
): SecondaryDecisions {
  if (binding === undefined) {
    throw ctx.refuse(RULES.secondaryWithoutReplication, 'pool', 'has no replication, so no replica exists for this Regional configuration', props.pool?.node.path,
      'Set replication: { region: \'<this stack\'s Region>\' } on the MfaUserPool.');
  }
  const stack = Stack.of(scope);
  if (Token.isUnresolved(stack.region) || stack.region !== binding.region) {
    throw ctx.refuse(RULES.secondaryRegion, 'scope', `must be a stack of the replica's Region (${binding.region}); the Regional configuration is created there`,
      Token.isUnresolved(stack.region) ? 'an environment-agnostic stack' : stack.region,
      `Create the construct in a stack with env: { account: '<account>', region: '${binding.region}' } and crossRegionReferences: true.`);
  }
  if (!Token.isUnresolved(stack.account) && !Token.isUnresolved(binding.account) && stack.account !== binding.account) {
    throw ctx.refuse(RULES.secondaryRegion, 'scope', `must be a stack of the pool's account (${binding.account}); the replica exists only there`, stack.account,
      `Create the construct in a stack with env: { account: '${binding.account}', region: '${binding.region}' }.`);
  }
  if ((stack as any)._crossRegionReferences !== true) {
    throw ctx.refuse(RULES.secondaryRegion, 'scope', 'must allow cross-Region references: it reads the pool\'s ID from the primary Region', stack.stackName,
      `Create the stack with crossRegionReferences: true (new Stack(app, '${stack.node.id}', { env, crossRegionReferences: true })).`);
  }
  if (binding.secondaryPath !== undefined) {
    throw ctx.refuse(RULES.secondaryTwice, 'pool', `already has a secondary construct (${binding.secondaryPath}); a replica has one Regional configuration`,
      ctx.path, 'Keep one MfaUserPoolSecondary per pool, and give it every Regional setting.');
  }
  const status = ctx.member('status', props.status ?? ReplicaStatus.INACTIVE, ReplicaStatus, 'a ReplicaStatus');
  const email = props.email && checkRegionalEmail(ctx, props.email, binding.region);
  if (!email && binding.sendsWithSes) {
    const mfa = binding.emailFactor ? ' Email MFA needs Amazon SES, so email codes fail there.' : '';
    ctx.advise(RULES.secondaryEmailDefault, `The primary sends email through Amazon SES, and the secondary in ${binding.region} has no email configuration: while it serves, `
      + `codes and messages go out with Cognito's default email (its low daily quota, its sender).${mfa} Set email: { from, sesIdentityArn } with an SES identity of `
      + `${binding.region}.`);
  }
  const abuse = binding.abuse;
  const partial = [abuse?.webAclArn !== undefined ? `the web ACL you brought (${abuse.webAclArn}) belongs to the primary's Region; associate one of ${binding.region} `
    + 'with secondary.replicaArn' : '', abuse?.countries ? 'the SMS country rules are an End User Messaging protect configuration of the primary\'s Region' : ''].filter(Boolean);
  if (partial.length > 0) {
    ctx.advise(RULES.secondaryAbuseProtectionPartial, `abuseProtection is Regional and follows the replica only in part: ${partial.join('; ')}. Acknowledge this once `
      + `${binding.region} has its own.`);
  }
  const primarySms = binding.smsSpec;
  if (props.sms !== undefined) {
    const sms = props.sms._spec;
    checkSms(ctx, sms, binding.region);
    return { binding, status, sms, email };
  }
  const snsRegion = acceptedSnsRegions(binding.region)?.[0];
  if (primarySms && primarySms.eums === undefined && primarySms.role === undefined && snsRegion !== undefined) {
    return { binding, status, sharedSms: { snsRegion }, email };
  }
  if (primarySms) {
    const why = primarySms.eums ? 'its End User Messaging origination identity and configuration set are resources of its own Region'
      : primarySms.role ? 'its role is yours, and its trust may not name the replica' : 'SNS sends no SMS for this Region';
    ctx.advise(RULES.secondarySmsMissing, `The primary sends SMS, and the secondary in ${binding.region} has none (${why}): while it serves, SMS codes fail. `
      + `Set sms on the secondary: SmsMfa.withNewRole() or SmsMfa.withEndUserMessaging({ originationIdentity }) with resources of ${binding.region}.`);
  }
  return { binding, status, email };
}

function checkRegionalEmail(ctx: ResolveContext, email: RegionalEmailOptions, secondary: string): RegionalEmailOptions {
  const check = (prop: keyof RegionalEmailOptions, pattern: RegExp, what: string, fix: string) => {
    const value = email[prop];
    if (value !== undefined && isLiteral(value) && !pattern.test(value)) {
      throw ctx.refuse(RULES.regionalEmailForm, `email.${prop}`, `must be ${what}`, value, fix);
    }
  };
  check('sesIdentityArn', SES_IDENTITY, 'the ARN of an SES identity (20 to 2,048 characters)', 'Give arn:aws:ses:<region>:<account>:identity/<domain or address>.');
  check('replyTo', REPLY_TO, 'an email address', 'Give an address such as support@example.com.');
  check('configurationSet', CONFIGURATION_SET, '1 to 64 letters, digits, _ or -', 'Give the name of an SES configuration set of this Region.');
  const arn = isLiteral(email.sesIdentityArn) ? email.sesIdentityArn.split(':') : undefined;
  if (arn && (arn[2] !== 'ses' || arn[3] !== secondary)) {
    ctx.advise(RULES.secondaryEmailRegion, `email.sesIdentityArn ${email.sesIdentityArn} is ${arn[2] !== 'ses' ? 'not an SES identity' : `an SES identity of ${arn[3]}`}: `
      + `the secondary should send with an SES identity of its own Region (${secondary}), which keeps sending while the primary's Region is down. Acknowledge this `
      + 'if the Region is one Cognito accepts for this pool and you mean it.');
  }
  return email;
}
