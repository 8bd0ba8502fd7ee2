import { CfnResource, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import type { MfaUserPool } from './mfa-user-pool';
import { MfaAlarmOptions, MfaAlarms, MfaDashboardOptions } from './operations';
import { addRegionalSettings, ReplicationBinding } from './private/build/replication';
import { leaveAdvisories, leaveWarning, ResolveContext } from './private/context';
import { refuse } from './private/errors';
import { buildAlarms } from './private/operate/alarms';
import { buildDashboard } from './private/operate/dashboard';
import { PoolOperations } from './private/operate/metrics';
import { resolveSecondary } from './private/resolve/replication';
import { RULES } from './private/rules';
import { SmsMfa } from './sms';

/**
 * Multi-Region replication of the pool: a secondary replica in a second Region.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html
 */
export interface ReplicationOptions {
  /**
   * The secondary Region (`us-west-2`): where Cognito keeps the replica, and where the stack of
   * the `MfaUserPoolSecondary` construct must be. A pool has at most one replica, and the Region
   * cannot change without replacing the replica.
   *
   * @example 'us-west-2'
   */
  readonly region: string;
}

/**
 * Whether the secondary Region serves end users.
 *
 * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_UpdateUserPoolReplica.html
 */
export enum ReplicaStatus {
  /** Accepts administrator configuration only: how every replica starts. */
  INACTIVE = 'INACTIVE',
  /** Serves sign-in and token refresh too: set during a failover. */
  ACTIVE = 'ACTIVE',
}

/**
 * How the replica sends email through Amazon SES in its Region.
 *
 * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html
 */
export interface RegionalEmailOptions {
  /** The sender, an address of the SES identity (`no-reply@example.com`, or `Name <no-reply@example.com>`). */
  readonly from: string;
  /** The ARN of the verified SES identity that sends, in the secondary Region. */
  readonly sesIdentityArn: string;
  /**
   * The reply-to address.
   *
   * @default - none
   */
  readonly replyTo?: string;
  /**
   * The SES configuration set to send with.
   *
   * @default - none
   */
  readonly configurationSet?: string;
}

/** Props of `MfaUserPoolSecondary`. */
export interface MfaUserPoolSecondaryProps {
  /** The replicated pool (its `replication` names this stack's Region). */
  readonly pool: MfaUserPool;

  /**
   * Whether the secondary serves end users. Set `ReplicaStatus.ACTIVE` and deploy this stack
   * alone (`cdk deploy <stack> --exclusively`: without it, the CLI deploys the primary Region's
   * stacks first) to fail over; set it back once the primary Region serves again.
   *
   * @default ReplicaStatus.INACTIVE
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html
   */
  readonly status?: ReplicaStatus;

  /**
   * How the replica sends SMS in this Region. `SmsMfa.withNewRole()` and
   * `SmsMfa.withEndUserMessaging()` create a hardened role in this stack that trusts the
   * replica's ARN; the checks of the pool's `sms` apply for this Region.
   *
   * @default - when the primary sends SMS through Amazon SNS with the role this library created,
   * that role (its trust names both Regions' pools), its external ID, and SNS in this Region;
   * otherwise no SMS configuration (advised when the primary sends SMS)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html
   */
  readonly sms?: SmsMfa;

  /**
   * How the replica sends email in this Region.
   *
   * @default - no email configuration: Cognito's default email (advised when the primary sends
   * through Amazon SES)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-email.html
   */
  readonly email?: RegionalEmailOptions;
}

/**
 * The secondary Region of a replicated `MfaUserPool`, in a stack of that Region: the Regional
 * configuration attachment (status, SMS, email), and the pool's web ACL (`abuseProtection`) and
 * log delivery (`logDelivery`) rebuilt for the replica, since WAF and log delivery are Regional.
 * Its stack deploys after the replica exists (the library orders the stacks) and needs
 * `crossRegionReferences: true`, through which it reads the pool's ID.
 *
 * @example
 * declare const app: App;
 * const primary = new Stack(app, 'Primary', { env: { account: '111122223333', region: 'us-east-1' } });
 * const secondary = new Stack(app, 'Secondary', { env: { account: '111122223333', region: 'us-west-2' }, crossRegionReferences: true });
 * const pool = new MfaUserPool(primary, 'Users', {
 *   replication: { region: 'us-west-2' },
 *   tokenIssuer: TokenIssuer.UPDATED,
 *   email: {},
 *   userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1' }) },
 * });
 * new MfaUserPoolSecondary(secondary, 'Users', {
 *   pool,
 *   email: { from: 'no-reply@example.com', sesIdentityArn: 'arn:aws:ses:us-west-2:111122223333:identity/example.com' },
 * });
 */
export class MfaUserPoolSecondary extends Construct {
  /** The replica's ARN: the pool's ID in this Region. */
  public readonly replicaArn: string;
  /** The status written on the Regional configuration attachment. */
  public readonly status: ReplicaStatus;
  /**
   * The Regional configuration (`AWS::Cognito::UserPoolRegionalConfigurationAttachment`), for the
   * Regional settings this construct does not write (Lambda triggers of this Region, for one).
   */
  public readonly regionalConfiguration: CfnResource;
  /** The role the replica assumes to send SMS, when it sends SMS. */
  public readonly smsRole?: iam.IRole;
  /** The ARN of the replica's web ACL, when the pool has abuse protection. */
  public readonly webAclArn?: string;
  /** The log group of the replica's message delivery errors, when they are delivered. */
  public readonly deliveryErrorLogGroup?: logs.ILogGroup;
  /** The log group of the replica's user authentication events, when they are delivered. */
  public readonly authEventLogGroup?: logs.ILogGroup;
  /** What the alarms and dashboard of this Region watch. */
  private readonly operations: PoolOperations;

  constructor(scope: Construct, id: string, props: MfaUserPoolSecondaryProps) {
    super(scope, id);
    const pool = props.pool;
    const binding: ReplicationBinding | undefined = pool?._replication;
    const ctx = new ResolveContext(this.node.path);
    const decided = resolveSecondary(ctx, this, props, binding);
    const built = addRegionalSettings(this, decided);
    this.replicaArn = built.replicaArn;
    this.status = decided.status;
    this.smsRole = built.smsRole;
    this.webAclArn = built.webAclArn;
    this.deliveryErrorLogGroup = built.deliveryErrors;
    this.authEventLogGroup = built.authEvents;
    this.operations = built.operations;
    leaveAdvisories(this, ctx.advisories);
    this.regionalConfiguration = built.attachment;
    this.node.addValidation({ validate: () => this.adviseOnRegionalSettings(binding!) });
  }

  /** Lambda triggers and the threat-protection notification email are Regional: read from the rendered pool and attachment, once the app is complete. */
  private adviseOnRegionalSettings(binding: ReplicationBinding): string[] {
    const render = (r: CfnResource) => Stack.of(r).resolve((r as any)._toCloudFormation());
    const properties = (r: CfnResource) => (Object.values<any>(render(r)?.Resources ?? {})[0] ?? {}).Properties ?? {};
    const written = (config: unknown) => Object.entries<unknown>(config && typeof config === 'object' ? config as Record<string, unknown> : {}).filter(([, v]) => v !== undefined).map(([k]) => k);
    const triggers = written(properties(binding.cfnPool).LambdaConfig);
    const copied = written(properties(this.regionalConfiguration).LambdaConfig);
    const missing = [...triggers.filter(t => !copied.includes(t)).map(t => `the Lambda trigger ${t}`),
      ...(binding.riskNotification ? ['the email of threat protection\'s notifications'] : [])];
    if (missing.length > 0) {
      leaveWarning(this, RULES.secondaryRegionalSettingsMissing, `The pool has ${missing.join(', ')}, which the secondary does not have: they are Regional settings. While `
        + `${binding.region} serves, they do not run. Add them to the Regional configuration (secondary.regionalConfiguration.addPropertyOverride('LambdaConfig.`
        + '<Trigger>\', functionArnOfThisRegion)), or acknowledge this.');
    }
    return [];
  }

  /**
   * Adds the alarms of `MfaUserPool.addAlarms()` for the replica, in this Region: they watch the
   * metrics Cognito, SNS and WAF publish here while the secondary serves. Call it once.
   *
   * @param options the topic and thresholds
   *
   * @example
   * declare const secondary: MfaUserPoolSecondary;
   * secondary.addAlarms({ smsMonthlySpendLimitUsd: 100 });
   */
  public addAlarms(options: MfaAlarmOptions = {}): MfaAlarms {
    if (this.node.tryFindChild('Alarms')) {
      throw refuse(this.node.path, RULES.alarmsTwice, 'addAlarms()', 'was already called on this secondary', 'a second call', 'Call addAlarms() once, with every option.');
    }
    return buildAlarms(new Construct(this, 'Alarms'), {
      ...this.operations,
      path: this.node.path,
      warn: (rule, message) => leaveWarning(this, rule, message),
    }, options);
  }

  /**
   * Adds the dashboard of `MfaUserPool.addDashboard()` for the replica, in this Region, without the
   * per-client graphs (the clients live in the primary's stack; the throttles of all clients stay).
   *
   * @param options the dashboard's name and the app clients to graph
   *
   * @example
   * declare const secondary: MfaUserPoolSecondary;
   * secondary.addDashboard({ dashboardName: 'users-us-west-2' });
   */
  public addDashboard(options: MfaDashboardOptions = {}): cloudwatch.Dashboard {
    if (this.node.tryFindChild('Dashboard')) {
      throw refuse(this.node.path, RULES.dashboardTwice, 'addDashboard()', 'was already called on this secondary', 'a second call',
        'Call addDashboard() once, with every option.');
    }
    return buildDashboard(this, { ...this.operations, clients: [] }, options);
  }
}
