import { CfnElement, CfnOutput, CfnResource, Lazy, Stack, Token } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cloudwatchActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { AmplifyOutputs, AmplifyOutputsOptions } from './amplify-outputs';
import { AppClientOptions } from './app-client';
import { TokenIssuer } from './encryption';
import { ManagedLogin, ManagedLoginOptions } from './managed-login';
import { MfaEnforcement } from './mfa';
import { MfaUserPoolProps } from './mfa-user-pool-props';
import { MfaAlarmOptions, MfaAlarms, MfaDashboardOptions, PoolMetricOptions, PoolQueryOptions, RiskLevel } from './operations';
import { amplifyOutputsContent, userGroupsOf } from './private/build/client-config';
import { applyEncryption } from './private/build/encryption-key';
import { addLogDelivery } from './private/build/log-delivery';
import { addManagedLoginResources } from './private/build/managed-login';
import { addProtectConfiguration, withConfigurationSet } from './private/build/protect-configuration';
import { addReplication, ReplicationBinding } from './private/build/replication';
import { addRiskConfiguration } from './private/build/risk-configuration';
import { bindSmsRole, SmsRoleBinding } from './private/build/sms-role';
import { addWebAcl, ATP_GROUP, captchaRulesWithoutTotpExclusion, hasRateBasedRule, usesAtpGroup, webAclOfApp } from './private/build/web-acl';
import { clientsWithOAuthDefaults } from './private/client-defaults';
import { Advisory, AdvisoryRule, leaveAdvisories, leaveWarning, ResolveContext } from './private/context';
import { refuse } from './private/errors';
import { applyL1Overrides, emailSendingAccount, writeRefreshTokenRotation } from './private/l1-overrides';
import { addSmsSpendAlarm, buildAlarms } from './private/operate/alarms';
import { buildDashboard } from './private/operate/dashboard';
import { given, PoolOperations, poolOperations, smsSpendMetric, smsSuccessRateMetric } from './private/operate/metrics';
import { judgePoolChildren, RenderedResource, renderedResources } from './private/pool-children';
import { checkKeyReplicas, checkRegionalConfiguration, checkRenderedReplica } from './private/replica-children';
import { Decisions, resolveDecisions } from './private/resolve';
import { resolveAppClient, resolveRefreshTokenRotation } from './private/resolve/app-client';
import { offersChoiceBasedSignIn } from './private/resolve/first-factors';
import { resolveManagedLogin } from './private/resolve/managed-login';
import { RecoveryPoolFacts } from './private/resolve/recovery-codes';
import { adviseOnReplica } from './private/resolve/replication';
import { RULES } from './private/rules';
import { toUserPoolProps } from './private/to-l2';
import { actionsBeyondSms, inspectRolePermission, inspectTrustPolicy, TrustFindings } from './private/trust';
import { ThreatProtection } from './threat-protection';

/**
 * An Amazon Cognito user pool with multi-factor authentication done right.
 *
 * It wraps the L2 `cognito.UserPool` (`userPool`) and adds typed MFA factors, a hardened SMS role,
 * device remembering, a strong password policy and secure defaults, and it refuses at synth time,
 * naming the prop and the fix, the configurations Cognito or CloudFormation would reject at
 * deploy time.
 *
 * The pool's logical ID is the one a plain `cognito.UserPool` with the same construct id would
 * get, so an existing L2 pool can be wrapped without being replaced.
 *
 * @example
 * const pool = new MfaUserPool(this, 'Users', {
 *   mfa: MfaEnforcement.OPTIONAL,
 *   sms: SmsMfa.withNewRole({ message: 'Your sign-in code for MyApp is {####}' }),
 * });
 * pool.addAppClient('WebClient');
 */
export class MfaUserPool extends Construct {
  /** The user pool. */
  public readonly userPool: cognito.UserPool;
  /** The user pool's ID. */
  public readonly userPoolId: string;
  /** The user pool's ARN. */
  public readonly userPoolArn: string;
  /** The role Cognito assumes to send SMS (created by this library, or the one you brought), when the pool has an SMS configuration. */
  public readonly smsRole?: iam.IRole;
  /** The external ID in the pool's SMS configuration, when it has one. */
  public readonly smsExternalId?: string;
  /** The MFA enforcement the pool was built with. */
  public readonly mfa: MfaEnforcement;
  /** The log group Cognito delivers message delivery errors to, when they are delivered (`logDelivery`). */
  public readonly deliveryErrorLogGroup?: logs.ILogGroup;
  /** The log group Cognito delivers user authentication events to, when they are delivered (`logDelivery`). */
  public readonly authEventLogGroup?: logs.ILogGroup;
  /** The ARN of the web ACL associated with the pool, when it has abuse protection (`abuseProtection`). */
  public readonly webAclArn?: string;
  /** The customer managed KMS key that encrypts the pool at rest (created or yours), when `encryption` asks for one. */
  public readonly encryptionKey?: kms.IKey;
  /** The secondary Region of the pool's replica, when it is replicated (`replication`). */
  public readonly replicationRegion?: string;
  /**
   * The replica (`AWS::Cognito::UserPoolReplica`, in a stack of this Region that the library adds),
   * when the pool is replicated: a Regional configuration or key replica of your own depends on it.
   */
  public readonly replica?: CfnResource;
  /** @internal What the secondary construct needs from a replicated pool. */
  public readonly _replication?: ReplicationBinding;
  /**
   * The SMS spend alarm that comes with abuse protection on a pool that sends SMS
   * (`abuseProtection.smsSpendAlarmUsd`); `addAlarms()` makes it notify the alarm topic.
   */
  public readonly smsSpendAlarm?: cloudwatch.IAlarm;
  /** The pool offers passkeys or passwordless first factors: its clients need ALLOW_USER_AUTH. */
  private readonly choiceBasedSignIn: boolean;
  /** What the metric, alarm and dashboard methods need to know about the pool. */
  private readonly operations: PoolOperations;
  /** The SMS spend alarm of abuse protection, to which addAlarms() adds its topic. */
  private readonly spendAlarm?: cloudwatch.Alarm;
  /** The app clients added with addAppClient, for the dashboard. */
  private readonly clients: Array<{ readonly id: string; readonly clientId: string; readonly cfn: cognito.CfnUserPoolClient }> = [];
  /** Everything decided from the props, for addManagedLogin. */
  private readonly decisions: Decisions;
  /** The stack's Region, or undefined when it is a token. */
  private readonly region?: string;
  /** The pool's props as given, for the client configuration. */
  private readonly props: MfaUserPoolProps;
  /** Managed login, once addManagedLogin was called. */
  private managedLogin?: ManagedLogin;

  constructor(scope: Construct, id: string, props: MfaUserPoolProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    const resolved = resolveDecisions(this.node.path, props, region);
    // The country rules' configuration set, named in the pool's SMS configuration and the role's policy.
    const countries = resolved.abuse?.countries && addProtectConfiguration(this, resolved.abuse.countries, resolved.lifecycle.removalPolicy);
    const decisions = countries ? withConfigurationSet(resolved, countries) : resolved;
    this.decisions = decisions;
    this.region = region;
    this.props = props;
    this.mfa = decisions.factors.mfa;
    this.choiceBasedSignIn = offersChoiceBasedSignIn(decisions.firstFactors);

    // The default external ID is the pool's logical ID: as stable as the pool itself. It is read
    // when the template is synthesized, once `userPool` exists.
    const poolLogicalId = Lazy.string({ produce: () => stack.resolve((this.userPool.node.defaultChild as CfnElement).logicalId) });
    const smsSpec = decisions.factors.sms;
    const sms = smsSpec && bindSmsRole(this, smsSpec, poolLogicalId, decisions.lifecycle.removalPolicy, decisions.replication?.region);

    // 'Default' hides this level from the logical ID: the pool's is that of a plain
    // cognito.UserPool with this construct's id.
    this.userPool = new cognito.UserPool(this, 'Default', toUserPoolProps(decisions, props.userPoolProps ?? {}, sms));
    const cfnPool = this.userPool.node.defaultChild as cognito.CfnUserPool;
    applyL1Overrides(this.node.path, cfnPool, decisions, sms);
    this.encryptionKey = applyEncryption(this, cfnPool, decisions.encryption, decisions.lifecycle.removalPolicy,
      decisions.logs.messageDeliveryErrors || decisions.logs.userAuthEvents);
    if (countries) {
      // The pool names the set by its literal name: it must exist before Cognito sends with it.
      cfnPool.node.addDependency(countries.configurationSet);
    }
    this.adviseOnEmailOtp(cfnPool);
    if (decisions.risk) {
      addRiskConfiguration(this, this.userPool.userPoolId, decisions.risk);
    }
    this.userPoolId = this.userPool.userPoolId;
    this.userPoolArn = this.userPool.userPoolArn;
    const delivered = addLogDelivery(this, this.userPoolId, decisions.logs, decisions.lifecycle.removalPolicy);
    const waf = decisions.abuse && addWebAcl(this, this.userPoolArn, decisions.abuse, decisions.lifecycle.removalPolicy);
    this.webAclArn = waf?.webAclArn;
    this.deliveryErrorLogGroup = delivered.deliveryErrors;
    this.authEventLogGroup = delivered.authEvents;
    const threatProtection = decisions.plan.threatProtection !== ThreatProtection.OFF;
    this.operations = poolOperations(this.userPoolId, decisions.factors.sms, threatProtection, region, stack.region, delivered, waf);
    this.spendAlarm = this.smsSpendAlarm = this.spendAlarmOf(decisions);
    this.smsRole = sms?.role;
    this.smsExternalId = sms?.externalId;
    this.replicationRegion = decisions.replication?.region;
    this._replication = this.replicate(cfnPool, sms);
    this.replica = this._replication?.replica;
    if (sms && !sms.created) {
      this.checkBroughtSmsRole(sms.role, sms.externalId, decisions.factors.smsFactor, smsSpec.eums !== undefined);
    }
    const broughtAcl = decisions.abuse?.webAclArn === undefined ? undefined : webAclOfApp(decisions.abuse.webAclArn);
    if (broughtAcl) {
      this.checkBroughtWebAcl(broughtAcl);
    }
    this.leave(decisions.advisories);
    this.node.addValidation({ validate: () => this.adviseOnOtherClients() });
  }

  /** Email sign-in codes through Cognito's default email: only the bound L2 email configuration tells how the pool sends email. */
  private adviseOnEmailOtp(cfnPool: cognito.CfnUserPool): void {
    if (this.decisions.firstFactors.emailOtp && emailSendingAccount(cfnPool) !== 'DEVELOPER') {
      this.warn(RULES.emailOtpWithCognitoEmail, 'passwordless.emailOtp sends sign-in codes with Cognito\'s default email, whose daily quota is low '
        + '(sign-ins fail once it is used up). Send through Amazon SES for production: userPoolProps.email: cognito.UserPoolEmail.withSES({ ... }).');
    }
  }

  /** The replica, the key's replica and what the secondary construct needs, when the pool is replicated. */
  private replicate(cfnPool: cognito.CfnUserPool, sms: SmsRoleBinding | undefined): ReplicationBinding | undefined {
    const d = this.decisions;
    return d.replication && addReplication({
      pool: this,
      userPoolId: this.userPoolId,
      key: this.encryptionKey,
      smsSpec: d.factors.sms,
      sms,
      sendsWithSes: emailSendingAccount(cfnPool) === 'DEVELOPER',
      abuse: d.abuse,
      logs: d.logs,
      threatProtection: d.plan.threatProtection !== ThreatProtection.OFF,
      removalPolicy: d.lifecycle.removalPolicy,
      account: Stack.of(this).account,
      riskNotification: d.risk?.notification !== undefined,
      emailFactor: d.factors.emailFactor,
      cfnPool,
    }, d.replication);
  }

  /**
   * Clients of this pool made with the L2 (`userPool.addClient()`, `new cognito.UserPoolClient()`)
   * keep the L2's OAuth defaults unless told otherwise: the implicit grant and the placeholder
   * callback URL `https://example.com`. Each such client gets an advisory at synthesis.
   */
  private adviseOnOtherClients(): string[] {
    this.checkPoolChildren();
    const ours = new Set(this.clients.map(c => c.cfn));
    for (const client of clientsWithOAuthDefaults(Stack.of(this), this.userPoolId, ours)) {
      const what = [client.implicit ? 'the OAuth implicit grant' : '', client.placeholder ? 'the placeholder callback URL https://example.com' : ''];
      this.warn(RULES.clientKeepsOAuthDefaults, `The app client ${client.path} has ${what.filter(Boolean).join(' and ')} (the L2's defaults). `
        + 'Make it with pool.addAppClient() (no OAuth unless asked, the authorization code grant only), or set its oAuth flows and callbackUrls yourself.');
    }
    return [];
  }

  /**
   * What the app adds to the pool beyond this construct, judged once the app is complete: a second
   * domain of one kind (a pool holds one prefix and one custom domain), and a client credentials
   * client with the openid scope, both rejected at deploy.
   */
  private checkPoolChildren(): void {
    const children = judgePoolChildren(this, this.userPoolId);
    const withLogin = this.managedLogin ? 'remove pool.userPool.addDomain() next to addManagedLogin(), or ' : '';
    for (const [kind, paths] of [['prefix', children.prefixDomains], ['custom', children.customDomains]] as const) {
      if (paths.length > 1) {
        throw refuse(this.node.path, RULES.domainOfEachKindOnce, 'domains', `include ${paths.length} ${kind} domains; a user pool holds one prefix domain and one custom domain`,
          paths, `Keep one ${kind} domain: ${withLogin}remove the second domain, or give it the other kind. To change a domain, deploy without it first.`);
      }
    }
    if (children.clientCredentialsWithOpenid.length > 0) {
      throw refuse(this.node.path, RULES.clientCredentialsScopes, 'app clients', 'with the client credentials grant are allowed the openid scope, which Cognito rejects for that grant',
        children.clientCredentialsWithOpenid, 'Give those clients the custom scopes of a resource server only: oAuth.scopes of the L2 (its default scopes, and phone, '
        + 'email or profile, bring openid), or AllowedOAuthScopes of an L1.');
    }
    if (children.unknownScopes.length > 0) {
      throw refuse(this.node.path, RULES.oAuthScopeUnknown, 'app clients', 'list scopes that are neither built-in nor a custom scope of a resource server', children.unknownScopes,
        'Use cognito.OAuthScope.OPENID, EMAIL, PHONE, PROFILE or COGNITO_ADMIN, or cognito.OAuthScope.resourceServer(server, scope).');
    }
    if (children.userAuth.length > 0 && this.decisions.plan.featurePlan === cognito.FeaturePlan.LITE) {
      throw refuse(this.node.path, RULES.userAuthFlowNeedsEssentials, 'app clients', 'allow choice-based sign-in (ALLOW_USER_AUTH), which the LITE feature plan does not offer',
        children.userAuth, 'Set featurePlan: cognito.FeaturePlan.ESSENTIALS on the pool (the default), or leave authFlows.user out of those clients.');
    }
    this.checkReplicas(children.replicas, children.regionalConfigurations);
    if (children.undeclaredScopes.length > 0) {
      this.warn(RULES.oAuthScopeNotInApp, `The custom scopes ${children.undeclaredScopes.join(', ')} are declared by no resource server of this pool in the app: Cognito rejects `
        + 'a scope no resource server declares (ScopeDoesNotExistException). Add one with pool.userPool.addResourceServer(), or acknowledge this if it is made outside the app.');
    }
  }

  /**
   * The pool's replicas and Regional configurations, however the app wrote them, judged as
   * CloudFormation receives them (overrides of this library's own resources included): one of
   * each at most; each replica in the pool's Region, to a Region Cognito takes, of a pool whose
   * rendered plan and key allow it; each Regional configuration in a replica's Region, after it,
   * with a status Cognito takes; one key replica per Region. A replica made outside `replication`
   * gets the advisories `replication` gives.
   */
  private checkReplicas(replicas: RenderedResource[], regional: RenderedResource[]): void {
    const path = this.node.path;
    if (replicas.length > 1) {
      throw refuse(path, RULES.replicaTwice, 'replicas', `include ${replicas.length} replicas of this pool; a pool has at most one`, replicas.map(r => r.path),
        'Keep one replica: replication on the pool, or one AWS::Cognito::UserPoolReplica.');
    }
    if (regional.length > 1) {
      throw refuse(path, RULES.secondaryTwice, 'Regional configurations', `include ${regional.length} of this pool; its replica has one`, regional.map(r => r.path),
        'Keep one: the MfaUserPoolSecondary, or one AWS::Cognito::UserPoolRegionalConfigurationAttachment.');
    }
    const replica = replicas[0];
    for (const attachment of regional) {
      checkRegionalConfiguration(path, attachment, replica);
    }
    if (!replica) {
      return;
    }
    const ctx = new ResolveContext(path);
    const secondary = checkRenderedReplica(ctx, replica, this.region);
    const pool = renderedResources(this, ['AWS::Cognito::UserPool']).get('AWS::Cognito::UserPool')!.find(r => r.construct === this.userPool.node.defaultChild);
    const tier = pool?.properties.UserPoolTier;
    if (tier === 'LITE') {
      throw refuse(path, RULES.replicationNeedsEssentials, 'featurePlan', 'must be ESSENTIALS or PLUS for the pool\'s replica (the template says LITE)', replica.path,
        'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (the default), and remove any override of UserPoolTier.');
    }
    const keyType = pool?.properties.KeyConfiguration?.KeyType;
    if (keyType !== 'CUSTOMER_MANAGED_KEY' && (keyType === undefined || typeof keyType === 'string')) {
      throw refuse(path, RULES.replicationNeedsCustomerManagedKey, 'encryption', `is ${keyType ?? 'not written (a key AWS owns)'} in the template; the pool's replica needs a `
        + 'multi-Region customer managed key', replica.path, 'Set replication: { region } on the pool and leave encryption out (the library creates the key and its replica), '
        + 'and remove any override of KeyConfiguration.');
    }
    checkKeyReplicas(path, this.encryptionKey, secondary);
    if (!this.decisions.replication && secondary !== undefined) {
      adviseOnReplica(ctx, this.props.tokenIssuer, this.decisions.factors, this.decisions.firstFactors, secondary);
    }
    this.leave(ctx.advisories);
  }

  /** Leaves the advisories a resolution phase gave on the pool. */
  private leave(advisories: readonly Advisory[]): void {
    leaveAdvisories(this, advisories);
  }

  /** Leaves one of the catalog's advisories on the pool. */
  private warn(rule: AdvisoryRule, message: string): void {
    leaveWarning(this, rule, message);
  }

  /**
   * Adds an app client set up for the sign-in flows of MFA: SRP and refresh-token auth (and
   * choice-based sign-in, `ALLOW_USER_AUTH`, when the pool offers passkeys or passwordless first
   * factors), no client secret (browser and mobile apps cannot keep one), user-existence errors
   * prevented, token revocation on, and no OAuth unless `oAuth` asks for it: then the
   * authorization code grant only, with the callback URLs given (never a placeholder), and the
   * implicit grant refused. Options you pass win over these defaults.
   *
   * @param id the construct id of the client (part of its logical ID: keep it stable)
   * @param options the client's options
   *
   * @example
   * declare const pool: MfaUserPool;
   * // SDK sign-in only (Amplify's signIn, the AWS SDK): no OAuth.
   * pool.addAppClient('MobileClient');
   * // Managed login with the authorization code grant.
   * pool.addAppClient('WebClient', {
   *   oAuth: { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] },
   * });
   */
  public addAppClient(id: string, options: AppClientOptions = {}): cognito.UserPoolClient {
    const ctx = new ResolveContext(this.node.path);
    const lite = this.decisions.plan.featurePlan === cognito.FeaturePlan.LITE;
    const clientOptions = resolveAppClient(ctx, id, options, this.choiceBasedSignIn, lite);
    const rotation = resolveRefreshTokenRotation(ctx, id, options, lite);
    this.leave(ctx.advisories);
    const client = this.userPool.addClient(id, clientOptions);
    const cfn = client.node.defaultChild as cognito.CfnUserPoolClient;
    if (rotation !== undefined) {
      writeRefreshTokenRotation(cfn, rotation);
    }
    this.clients.push({ id, clientId: client.userPoolClientId, cfn });
    return client;
  }

  /**
   * Gives the pool managed login (version 2): a prefix or custom domain, a branding style for every
   * app client of the pool (clients added later and clients made with the L2 included: a client
   * without one shows "Login pages unavailable"), the terms documents, and each OAuth client's
   * sign-in, sign-out and passkey registration URLs as stack outputs. Checked at synth: the
   * feature plan, the domain's form, the certificate's Region, the style, and the passkey relying
   * party against the domain users sign in on. Call it once.
   *
   * @param options the domain, the style and the terms documents
   *
   * @example
   * declare const pool: MfaUserPool;
   * const login = pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix('myapp-users') });
   * pool.addAppClient('WebClient', {
   *   oAuth: { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] },
   * });
   */
  public addManagedLogin(options: ManagedLoginOptions): ManagedLogin {
    if (this.node.tryFindChild('ManagedLogin')) {
      throw refuse(this.node.path, RULES.managedLoginTwice, 'addManagedLogin()', 'was already called on this pool', 'a second call',
        'Call addManagedLogin() once; every app client of the pool gets its style from that call.');
    }
    const ctx = new ResolveContext(this.node.path);
    const decided = resolveManagedLogin(ctx, options, this.decisions, this.region);
    this.leave(ctx.advisories);
    this.managedLogin = addManagedLoginResources({
      scope: this,
      userPool: this.userPool,
      warn: (rule, message) => this.warn(rule, message),
    }, decided);
    return this.managedLogin;
  }

  /**
   * The client configuration Amplify loads (`amplify_outputs.json`, schema 1.5) for this pool and
   * one of its app clients, as a stack output (`<id>` in `cdk deploy --outputs-file`), optionally an
   * SSM parameter, and a value to pass on (`json`). It describes what the pool was built with: MFA
   * mode and methods, password policy, username attributes, verification, passwordless and
   * passkeys, the user groups (read at synthesis), and, for a client with the code grant once
   * managed login is added, OAuth on its domain.
   *
   * @param id the construct id of the output (and the parameter)
   * @param client the app client the configuration is for
   * @param options where else to write it
   *
   * @example
   * declare const pool: MfaUserPool;
   * const web = pool.addAppClient('WebClient');
   * const outputs = pool.addAmplifyOutputs('AmplifyOutputs', web);
   */
  public addAmplifyOutputs(id: string, client: cognito.IUserPoolClient, options: AmplifyOutputsOptions = {}): AmplifyOutputs {
    const stack = Stack.of(this);
    const cfnClient = client.node.defaultChild instanceof cognito.CfnUserPoolClient ? client.node.defaultChild : undefined;
    const content = amplifyOutputsContent(this.decisions, {
      region: stack.region,
      userPoolId: this.userPoolId,
      clientId: client.userPoolClientId,
      cfnClient,
      managedLoginDomain: this.managedLogin?.domainName,
      standardAttributes: this.props.userPoolProps?.standardAttributes,
      warn: (rule, message) => this.warn(rule, message),
      groups: Lazy.any({
        produce: () => {
          const groups = userGroupsOf(stack, this.userPoolId);
          return groups.length > 0 ? groups : undefined;
        },
      }),
    });
    if (options.recovery !== undefined) {
      if (options.recovery._pool !== this) {
        throw refuse(this.node.path, RULES.amplifyOutputsRecoveryPool, `addAmplifyOutputs('${id}'): recovery`, 'is the recovery construct of another pool',
          options.recovery.node.path, 'Give the MfaRecovery whose pool is this one, or leave recovery out.');
      }
      content.custom = { ...content.custom, mfa_recovery_url: options.recovery.url };
    }
    const json = stack.toJsonString(content);
    const output = new CfnOutput(this, id, { value: json, description: 'amplify_outputs.json (schema 1.5) for Amplify.configure()' });
    const parameter = options.parameterName === undefined ? undefined
      : new ssm.StringParameter(this, `${id}Parameter`, { parameterName: options.parameterName, stringValue: json, description: 'amplify_outputs.json (schema 1.5)' });
    return AmplifyOutputs._create(content, json, output, parameter);
  }

  /**
   * Successful sign-ins of one app client (`AWS/Cognito SignInSuccesses`, Sum over 5 minutes;
   * use the Average statistic for the success rate). Cognito publishes sign-in metrics per client.
   *
   * @param client the app client
   * @param props to change the period, statistic, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const web = pool.addAppClient('WebClient');
   * const successRate = pool.metricSignInSuccesses(web, { statistic: 'Average' });
   */
  public metricSignInSuccesses(client: cognito.IUserPoolClient, props?: PoolMetricOptions): cloudwatch.Metric {
    return this.operations.metrics.client('SignInSuccesses', client.userPoolClientId, 'Sum', props);
  }

  /**
   * Throttled sign-ins of one app client (`AWS/Cognito SignInThrottles`, Sum over 5 minutes).
   *
   * @param client the app client
   * @param props to change the period, statistic, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const web = pool.addAppClient('WebClient');
   * const throttled = pool.metricSignInThrottles(web);
   */
  public metricSignInThrottles(client: cognito.IUserPoolClient, props?: PoolMetricOptions): cloudwatch.Metric {
    return this.operations.metrics.client('SignInThrottles', client.userPoolClientId, 'Sum', props);
  }

  /**
   * Successful token refreshes of one app client (`AWS/Cognito TokenRefreshSuccesses`, Sum over 5 minutes).
   *
   * @param client the app client
   * @param props to change the period, statistic, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const web = pool.addAppClient('WebClient');
   * const refreshes = pool.metricTokenRefreshSuccesses(web);
   */
  public metricTokenRefreshSuccesses(client: cognito.IUserPoolClient, props?: PoolMetricOptions): cloudwatch.Metric {
    return this.operations.metrics.client('TokenRefreshSuccesses', client.userPoolClientId, 'Sum', props);
  }

  /**
   * Throttled token refreshes of one app client (`AWS/Cognito TokenRefreshThrottles`, Sum over 5 minutes).
   *
   * @param client the app client
   * @param props to change the period, statistic, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const web = pool.addAppClient('WebClient');
   * const throttledRefreshes = pool.metricTokenRefreshThrottles(web);
   */
  public metricTokenRefreshThrottles(client: cognito.IUserPoolClient, props?: PoolMetricOptions): cloudwatch.Metric {
    return this.operations.metrics.client('TokenRefreshThrottles', client.userPoolClientId, 'Sum', props);
  }

  /**
   * Throttled sign-ins summed over every app client of the pool, as a CloudWatch Metrics
   * Insights query (which alarms accept), 5 minutes.
   *
   * @param props to change the period, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * new cloudwatch.Alarm(this, 'Throttled', { metric: pool.metricSignInThrottlesAllClients(), threshold: 10, evaluationPeriods: 1 });
   */
  public metricSignInThrottlesAllClients(props?: PoolQueryOptions): cloudwatch.MathExpression {
    return this.operations.metrics.allClients('SignInThrottles', props);
  }

  /**
   * Sign-ins that threat protection scored as account takeover at one risk level, over every
   * operation (`AWS/Cognito AccountTakeoverRisk`, a Metrics Insights query), 5 minutes. Published
   * only while threat protection is on.
   *
   * @param level the risk level
   * @param props to change the period, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * new cloudwatch.Alarm(this, 'HighRisk', { metric: pool.metricAccountTakeoverRisk(RiskLevel.HIGH), threshold: 1, evaluationPeriods: 1 });
   */
  public metricAccountTakeoverRisk(level: RiskLevel, props?: PoolQueryOptions): cloudwatch.MathExpression {
    return this.operations.metrics.accountTakeoverRisk(level, props);
  }

  /**
   * Requests in which threat protection found compromised credentials, over every operation and
   * level (`AWS/Cognito CompromisedCredentialRisk`, a Metrics Insights query), 5 minutes.
   * Published only while threat protection is on.
   *
   * @param props to change the period, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const leaked = pool.metricCompromisedCredentialRisk({ period: Duration.hours(1) });
   */
  public metricCompromisedCredentialRisk(props?: PoolQueryOptions): cloudwatch.MathExpression {
    return this.operations.metrics.compromisedCredentialRisk(props);
  }

  /**
   * The account's SMS spend this month through Amazon SNS, in USD (`AWS/SNS
   * SMSMonthToDateSpentUSD`, Maximum over 5 minutes). It covers every SMS the account sends
   * through SNS, not only this pool's. SNS publishes it in the Region that sends the SMS: the
   * metric names `sms.snsRegion` when one is given, so a graph shows it from any Region, and an
   * alarm on it belongs in a stack of that Region.
   *
   * @param props to change the period, statistic, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const spend = pool.metricSmsMonthToDateSpend();
   */
  public metricSmsMonthToDateSpend(props?: PoolMetricOptions): cloudwatch.Metric {
    return smsSpendMetric(props, this.operations.smsMetricsRegion);
  }

  /**
   * The account's SMS delivery success rate through Amazon SNS, 0 to 1 (`AWS/SNS SMSSuccessRate`
   * averaged over every country and SMS type, a Metrics Insights query), 5 minutes. A Metrics
   * Insights query runs in the Region of the graph or alarm that uses it: with `sms.snsRegion`
   * set to another Region, use it in a graph or alarm of that Region.
   *
   * @param props to change the period, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const delivered = pool.metricSmsSuccessRate();
   */
  public metricSmsSuccessRate(props?: PoolQueryOptions): cloudwatch.MathExpression {
    return smsSuccessRateMetric(props);
  }

  /**
   * SMS and email messages Cognito could not deliver for this pool, counted by a metric filter on
   * the delivered `userNotification` error logs (Sum over 5 minutes). Needs
   * `logDelivery.messageDeliveryErrors` (on by default when the pool sends codes).
   *
   * @param props to change the period, statistic, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const undelivered = pool.metricMessageDeliveryErrors();
   */
  public metricMessageDeliveryErrors(props?: PoolMetricOptions): cloudwatch.Metric {
    const metric = this.operations.deliveryErrors;
    if (!metric) {
      throw refuse(this.node.path, RULES.metricNotDelivered, 'metricMessageDeliveryErrors()', 'needs the message delivery error logs, which this pool does not deliver', false,
        'Set logDelivery: { messageDeliveryErrors: true }.');
    }
    return props ? metric.with(given(props)) : metric;
  }

  /**
   * The requests the pool's web ACL blocked, over all its rules (`AWS/WAFV2 BlockedRequests`, Sum
   * over 5 minutes): rate limits, the IP reputation list, anonymous IPs. Needs the web ACL this
   * library creates (`abuseProtection` without `webAclArn`).
   *
   * @param props to change the period, statistic, label or color
   *
   * @example
   * declare const pool: MfaUserPool;
   * const blocked = pool.metricWebAclBlockedRequests();
   */
  public metricWebAclBlockedRequests(props?: PoolMetricOptions): cloudwatch.Metric {
    const metric = this.operations.webAclBlocked;
    if (!metric) {
      throw refuse(this.node.path, RULES.metricWithoutWebAcl, 'metricWebAclBlockedRequests()', 'needs the web ACL this library creates, which this pool does not have',
        this.webAclArn ?? false, 'Set abuseProtection: {} to have one created; for a web ACL you bring, build the metric on its own metric name.');
    }
    return props ? metric.with(given(props)) : metric;
  }

  /**
   * Adds the alarms a careful operator sets on day one, for the pool as configured: sign-in
   * throttles (always); high-risk account takeover and compromised credentials (with threat
   * protection on); SMS spend against the account's limit and the SMS success rate (with SMS
   * through Amazon SNS); message delivery errors (with delivery errors logged); requests the web
   * ACL blocked (with the web ACL this library creates for `abuseProtection`). Each alarm's
   * description says what to do; each notifies the topic. Call it once.
   *
   * @param options thresholds, period and the topic
   *
   * @example
   * declare const pool: MfaUserPool;
   * const alarms = pool.addAlarms({ smsMonthlySpendLimitUsd: 100 });
   * alarms.alarmTopic.addSubscription(new subscriptions.EmailSubscription('oncall@example.com'));
   */
  public addAlarms(options: MfaAlarmOptions = {}): MfaAlarms {
    if (this.node.tryFindChild('Alarms')) {
      throw refuse(this.node.path, RULES.alarmsTwice, 'addAlarms()', 'was already called on this pool', 'a second call', 'Call addAlarms() once, with every option.');
    }
    const scope = new Construct(this, 'Alarms');
    const built = buildAlarms(scope, {
      ...this.operations,
      path: this.node.path,
      warn: (rule, message) => this.warn(rule, message),
    }, options);
    if (this.spendAlarm) {
      this.spendAlarm.addAlarmAction(new cloudwatchActions.SnsAction(built.alarmTopic));
      return { alarmTopic: built.alarmTopic, alarms: [...built.alarms, this.spendAlarm] };
    }
    return built;
  }

  /**
   * Adds a CloudWatch dashboard of the pool: sign-in (per client added with `addAppClient`
   * before this call, and throttles of all clients), MFA delivery (delivery errors, SMS spend
   * and success rate) and risk (with threat protection on).
   *
   * @param options the dashboard's name and time range
   *
   * @example
   * declare const pool: MfaUserPool;
   * pool.addDashboard({ dashboardName: 'users' });
   */
  public addDashboard(options: MfaDashboardOptions = {}): cloudwatch.Dashboard {
    if (this.node.tryFindChild('Dashboard')) {
      throw refuse(this.node.path, RULES.dashboardTwice, 'addDashboard()', 'was already called on this pool', 'a second call',
        'Call addDashboard() once, with every option; for another view, build a cloudwatch.Dashboard from the metric methods.');
    }
    return buildDashboard(this, { ...this.operations, clients: [...this.clients] }, options);
  }

  /** @internal What MfaRecovery reads of the pool, decided (its phase judges them). */
  public _recoveryFacts(): RecoveryPoolFacts {
    const d = this.decisions;
    const cfnPool = this.userPool.node.defaultChild as cognito.CfnUserPool;
    const email = cfnPool.emailConfiguration as cognito.CfnUserPool.EmailConfigurationProperty | undefined;
    return {
      mfaOn: d.factors.mfa !== MfaEnforcement.OFF,
      totp: d.factors.totp,
      passwordless: d.firstFactors.emailOtp || d.firstFactors.smsOtp || d.firstFactors.passkey !== undefined,
      passkeysCountAsMfa: d.firstFactors.passkey?.countsAsMfa === true,
      replicated: d.replication !== undefined,
      updatedIssuer: d.encryption.issuer === TokenIssuer.UPDATED,
      ses: emailSendingAccount(cfnPool) === 'DEVELOPER'
        ? { from: email?.from, sourceArn: email?.sourceArn, configurationSet: email?.configurationSet }
        : undefined,
    };
  }

  /**
   * Grants the IAM actions support staff need to check a user's MFA and to reset it after a lost
   * device, on this pool only (README, "Lost MFA device", gives the runbook):
   *
   * - `AdminGetUser`: the user's factors (`UserMFASettingList`) and preference.
   * - `AdminDeleteSoftwareToken`: deletes the user's authenticator app (TOTP) registration and its
   *   preference, and leaves other factors. The next sign-in asks for a remaining factor; with MFA
   *   REQUIRED and none left, Cognito asks the user to register one (`MFA_SETUP`); with MFA
   *   OPTIONAL and none left, the user signs in with the password alone until they register one.
   *   This is the reset of a lost authenticator in every MFA mode.
   * - `AdminSetUserMFAPreference`: turns SMS, email or passkey MFA (`WebAuthnMfaSettings`) on or off
   *   and sets the preferred factor. It does not delete a TOTP registration: with MFA REQUIRED a
   *   user keeps being asked for the lost authenticator's codes, so it is no reset on its own.
   * - `AdminUserGlobalSignOut`: revokes the user's refresh tokens everywhere, so that a stolen
   *   device's sessions end.
   * - `AdminListDevices`, `AdminForgetDevice`: a remembered device skips MFA; forgetting the lost
   *   one makes it ask again.
   *
   * Listing and deleting a user's passkeys has no admin action: `ListWebAuthnCredentials` and
   * `DeleteWebAuthnCredential` take the signed-in user's access token, and Cognito does not
   * evaluate IAM policies for them, so there is nothing to grant.
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_DeleteWebAuthnCredential.html
   *
   * @param grantee who gets the permissions
   *
   * @example
   * declare const pool: MfaUserPool;
   * declare const supportFunction: lambda.IFunction;
   * pool.grantAdminMfa(supportFunction);
   */
  public grantAdminMfa(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...ADMIN_MFA_ACTIONS);
  }

  /**
   * Grants the IAM actions support staff need for risky sign-ins on this pool only: list a user's
   * sign-in events with their risk scores (`AdminListUserAuthEvents`) and tell Cognito whether one
   * was the user (`AdminUpdateAuthEventFeedback`), which trains adaptive authentication.
   *
   * @param grantee who gets the permissions
   *
   * @example
   * declare const pool: MfaUserPool;
   * declare const supportFunction: lambda.IFunction;
   * pool.grantAdminRisk(supportFunction);
   */
  public grantAdminRisk(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...ADMIN_RISK_ACTIONS);
  }

  /**
   * Grants the given `cognito-idp` actions on this pool only.
   *
   * @param grantee who gets the permissions
   * @param actions the actions, for example `cognito-idp:AdminGetUser`
   *
   * @example
   * declare const pool: MfaUserPool;
   * declare const role: iam.Role;
   * pool.grant(role, 'cognito-idp:ListUsers', 'cognito-idp:AdminGetUser');
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    if (actions.length === 0) {
      throw refuse(this.node.path, RULES.grantWithoutActions, 'grant(actions)', 'needs at least one action', actions,
        'Name the cognito-idp actions to grant, for example "cognito-idp:AdminGetUser".');
    }
    return this.userPool.grant(grantee, ...actions);
  }

  /**
   * A brought role defined in this app is checked once the app is complete: it must trust Cognito
   * with the external ID (CreateUserPool's InvalidSmsRoleTrustRelationshipException). A trust that
   * requires no external ID at all is accepted at deploy and warned about, more strongly when SMS
   * is an MFA factor: the Cognito guide requires the sts:ExternalId condition for SMS MFA.
   * https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html#sms-create-a-role
   * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SmsConfigurationType.html
   */
  /** A web ACL of this app, brought by its ARN, is judged at synthesis on the group Cognito forbids. */
  private checkBroughtWebAcl(webAcl: wafv2.CfnWebACL): void {
    this.node.addValidation({
      validate: () => {
        const captcha = this.decisions.factors.totp ? captchaRulesWithoutTotpExclusion(webAcl) : [];
        if (captcha.length > 0) {
          this.warn(RULES.captchaWithoutTotpExclusion, `abuseProtection.webAclArn: the CAPTCHA rule ${captcha.join(', ')} of ${webAcl.node.path} does not exclude `
            + 'TOTP registration: managed login then fails to register authenticator apps ("Request not allowed due to WAF captcha"). Exclude requests whose '
            + 'x-amzn-cognito-operation-name header is AssociateSoftwareToken or VerifySoftwareToken, as the web ACL this library creates does.');
        }
        const scope = Stack.of(webAcl).resolve(webAcl.scope);
        if (typeof scope === 'string' && scope !== 'REGIONAL') {
          throw refuse(this.node.path, RULES.webAclArnForm, 'abuseProtection.webAclArn', `names a web ACL of scope ${scope}; a user pool takes a REGIONAL one`,
            `the web ACL ${webAcl.node.path}`, 'Give that web ACL scope: \'REGIONAL\' in the pool\'s Region, or leave webAclArn out to have one created.');
        }
        const aclRegion = Stack.of(webAcl).region;
        const poolRegion = Stack.of(this).region;
        if (!Token.isUnresolved(aclRegion) && !Token.isUnresolved(poolRegion) && aclRegion !== poolRegion) {
          throw refuse(this.node.path, RULES.webAclArnForm, 'abuseProtection.webAclArn', `names a web ACL of ${aclRegion}; a user pool takes one of its own Region (${poolRegion})`,
            `the web ACL ${webAcl.node.path}`, 'Define the web ACL in a stack of the pool\'s Region, or leave webAclArn out to have one created.');
        }
        if (hasRateBasedRule(webAcl) === false) {
          this.warn(RULES.webAclWithoutRateRule, `abuseProtection.webAclArn: the web ACL ${webAcl.node.path} has no rate-based rule, so nothing limits how often one `
            + 'address can make the pool send codes. Add rate-based rules scoped to the operations and managed login pages that send codes, as the web ACL '
            + 'this library creates does, or leave webAclArn out to have one created.');
        }
        if (usesAtpGroup(webAcl)) {
          throw refuse(this.node.path, RULES.webAclWithAtp, 'abuseProtection.webAclArn', `names a web ACL that uses the managed group ${ATP_GROUP}, which Cognito does not take on a web ACL of a user pool`,
            `the web ACL ${webAcl.node.path}`, `Remove the ${ATP_GROUP} rule from that web ACL (rate limits and the IP reputation list cover sign-in abuse), or leave webAclArn out to have one created.`);
        }
        return [];
      },
    });
  }

  /** The SMS spend alarm of abuse protection, for a pool that sends SMS from where its metric is. */
  private spendAlarmOf(decisions: Decisions): cloudwatch.Alarm | undefined {
    const threshold = decisions.abuse?.smsSpendAlarmUsd;
    return threshold === undefined ? undefined
      : addSmsSpendAlarm(this, { ...this.operations, path: this.node.path, warn: (rule, message) => this.warn(rule, message) }, threshold);
  }

  /** Advisories on a brought role read as IAM reads it: what it lets in beyond this pool, what it may do beyond SMS. */
  private adviseOnBroughtRole(role: iam.IRole, trust: TrustFindings, condition: string): void {
    if (!(role instanceof iam.Role)) {
      this.warn(RULES.smsRoleUnreadable, `sms: the role ${role.node.path} is not defined in this app (imported by ARN), so its trust and permissions cannot be `
        + `read: make sure it trusts cognito-idp.amazonaws.com only, with ${condition} and aws:SourceAccount, and may only send SMS. Acknowledge this once you have.`);
      return;
    }
    if (trust.sourceNotScoped) {
      this.warn(RULES.smsRoleWithoutSourceConditions, `sms: the role ${role.node.path} lets cognito-idp.amazonaws.com assume it with no aws:SourceAccount or aws:SourceArn `
        + `condition that names your account: add StringEquals aws:SourceAccount "${Stack.of(this).account}" next to ${condition} (the confused deputy).`);
    }
    if (trust.beyondCognito) {
      this.warn(RULES.smsRoleTrustBeyondCognito, `sms: the role ${role.node.path} may also be assumed by ${trust.beyondCognito.join(', ')}: whoever assumes it `
        + 'sends SMS billed to this account. Give Cognito a role of its own that trusts cognito-idp.amazonaws.com only.');
    }
    const beyond = actionsBeyondSms(role);
    if (beyond && beyond.length > 0) {
      this.warn(RULES.smsRolePermissionsBeyondSms, `sms: the role ${role.node.path} may do more than send SMS (${beyond.slice(0, 5).join(', ')}${beyond.length > 5 ? ', ...' : ''}): `
        + 'Cognito needs sns:Publish (or sms-voice:SendTextMessage on the direct path) only, and whatever else it allows is open to anyone who can make Cognito assume it.');
    }
  }

  private checkBroughtSmsRole(role: iam.IRole, externalId: string, smsFactor: boolean, directPath: boolean): void {
    this.node.addValidation({
      validate: () => {
        // At synthesis the default external ID (the pool's logical ID) has a value: show it.
        const condition = `StringEquals sts:ExternalId ${JSON.stringify(Stack.of(this).resolve(externalId))}`;
        const trust = inspectTrustPolicy(role, externalId);
        if (trust.externalIdNotRequired) {
          this.warn(RULES.smsRoleTrustWithoutExternalId, smsFactor
            ? `sms: the SMS role's trust policy lets cognito-idp.amazonaws.com assume it without an external ID, and SMS is an MFA factor: Cognito accepts the pool, but the guide requires the sts:ExternalId condition for SMS MFA, so MFA codes may not be sent. Add the condition ${condition}.`
            : `sms: the SMS role's trust policy lets cognito-idp.amazonaws.com assume it without an external ID. Cognito accepts this for verification and invitation messages; the external ID keeps other user pools that know the role's ARN from sending with it (the confused deputy). Add the condition ${condition}.`);
        }
        this.adviseOnBroughtRole(role, trust, condition);
        if (trust.problem) {
          // Thrown, not returned: a returned message would reach the caller wrapped in aws-cdk-lib's
          // validation error (the path twice, not recognisable by MfaErrors.isConfigurationError).
          throw refuse(this.node.path, RULES.smsRoleTrust, 'sms', trust.problem, `the role ${role.node.path}`,
            `Let cognito-idp.amazonaws.com assume the role only with the condition ${condition}, `
            + 'the external ID passed to SmsMfa.withRole() or SmsMfa.withEndUserMessagingRole().');
        }
        if (directPath) {
          if (inspectRolePermission(role, 'sms-voice:SendTextMessage') === 'missing') {
            this.warn(RULES.eumsRoleWithoutSendTextMessage, `sms: the role ${role.node.path} is not allowed sms-voice:SendTextMessage by any policy of this app, `
              + 'so Cognito cannot send a code through End User Messaging with it. Allow it, for example role.addToPolicy(new iam.PolicyStatement({ '
              + 'actions: [\'sms-voice:SendTextMessage\'], resources: [\'*\'] })), or acknowledge this if a policy outside the app allows it.');
          }
        } else if (inspectRolePermission(role, 'sns:Publish') === 'missing') {
          throw refuse(this.node.path, RULES.smsRolePublish, 'sms', 'role is not allowed sns:Publish by any policy of this app', `the role ${role.node.path}`,
            'Allow it to send SMS: role.addToPolicy(new iam.PolicyStatement({ actions: [\'sns:Publish\'], resources: [\'*\'] })). '
            + 'A policy outside this app (a managed policy attached by ARN, another app) cannot be seen: attach it with role.addManagedPolicy() so it is not judged.');
        }
        return [];
      },
    });
  }
}


/** The actions `grantAdminRisk` grants. */
const ADMIN_RISK_ACTIONS = [
  'cognito-idp:AdminListUserAuthEvents',
  'cognito-idp:AdminUpdateAuthEventFeedback',
];

/** The actions `grantAdminMfa` grants. */
const ADMIN_MFA_ACTIONS = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminSetUserMFAPreference',
  'cognito-idp:AdminDeleteSoftwareToken',
  'cognito-idp:AdminUserGlobalSignOut',
  'cognito-idp:AdminListDevices',
  'cognito-idp:AdminForgetDevice',
];
