import * as path from 'path';
import { Aws, CfnElement, CfnResource, Duration, RemovalPolicy, Stack, Tokenization } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct, IConstruct } from 'constructs';
import type { MfaUserPool } from '../mfa-user-pool';
import { PoolMetricOptions } from '../operations';
import { LIMITS } from './flows';
import { leaveAdvisories, ResolveContext } from '../private/context';
import { RecoveryDecisions, resolveRecoveryCodes } from '../private/resolve/recovery-codes';
import { acknowledge } from '../private/validations';

/**
 * The Amazon SES sender of the recovery notifications.
 *
 * @see https://docs.aws.amazon.com/ses/latest/APIReference-V2/API_SendEmail.html
 */
export interface RecoverySenderOptions {
  /**
   * The sender, an address of the SES identity (`no-reply@example.com`, or `Name <no-reply@example.com>`).
   *
   * @example 'Example <no-reply@example.com>'
   */
  readonly from: string;
  /**
   * The ARN of the verified SES identity that sends; the notifications are sent in its Region.
   *
   * @example 'arn:aws:ses:us-east-1:111111111111:identity/example.com'
   */
  readonly sesIdentityArn: string;
  /**
   * An SES configuration set of the identity's Region, for its event destinations.
   *
   * @default - none
   */
  readonly configurationSetName?: string;
}

/** Props of `MfaRecovery`. */
export interface MfaRecoveryProps {
  /** The pool whose users get recovery codes: it needs MFA with TOTP (the authenticator app the codes back up). */
  readonly pool: MfaUserPool;

  /**
   * Who sends the email that tells a user of new codes and of every recovery.
   *
   * @default - the pool's own Amazon SES sender (`userPoolProps.email: cognito.UserPoolEmail.withSES(...)`);
   * refused when the pool sends with Cognito's default email
   * @see https://pages.nist.gov/800-63-4/sp800-63b/events/#recovery
   */
  readonly sender?: RecoverySenderOptions;

  /**
   * How the emails name your application (`Example app`).
   *
   * @default 'your account'
   */
  readonly appName?: string;

  /**
   * How recent the sign-in behind a request for new codes must be (the access token's
   * `auth_time`): codes are issued only in a fresh session. Whole seconds, at least one; more
   * than an hour is advised against (`recoveryFreshSessionLong`).
   *
   * @default Duration.minutes(10)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-access-token.html
   */
  readonly freshSession?: Duration;

  /**
   * Requests one IP address may make to the recovery endpoints in 5 minutes before the web ACL
   * blocks it (AWS WAF's minimum is 10).
   *
   * @default 10
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html
   */
  readonly rateLimit?: number;

  /**
   * Browser origins allowed to call the endpoints (CORS), as a browser sends them
   * (`https://app.example.com`), or `['*']`.
   *
   * @default - no CORS: only server-side callers and same-origin pages
   * @see https://docs.aws.amazon.com/apigateway/latest/developerguide/how-to-cors.html
   */
  readonly allowedOrigins?: string[];

  /**
   * How long the functions' logs are kept.
   *
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly logRetention?: logs.RetentionDays;
}

/** The recovery metrics the handlers publish (CloudWatch embedded metric format). */
const NAMESPACE = 'CdkMfaUserPool/Recovery';

/** Where the bundled handlers are (assets/recovery/index.js), from src/recovery or lib/recovery alike. */
const ASSETS = path.join(__dirname, '..', '..', 'assets', 'recovery');

/**
 * Self-service recovery codes for a pool's users who lose their authenticator app, opt in.
 *
 * - `POST /codes` (a signed-in user's access token, from a sign-in with MFA no older than
 *   `freshSession`): returns a new set of ten single-use codes of 80 random bits, shown once; the
 *   new set replaces the old. Only users with an authenticator app and a verified email get codes.
 * - `POST /recover` (`username`, `password`, `code`): Cognito checks the password, the code is
 *   compared to the stored scrypt hashes and consumed in one conditional write; the user is told
 *   by email, then the authenticator app is deleted, every session signed out and remembered
 *   devices forgotten. The next sign-in asks for a new factor (`MFA_SETUP` in a REQUIRED pool).
 *   Five wrong codes with the right password lock recovery for 15 minutes, doubling up to a day;
 *   every refusal gets the same answer after the same time.
 *
 * It adds a REST API behind its own web ACL (a rate rule per IP address and Amazon's IP
 * reputation list), two functions with a role each, an app client for the password check only,
 * and a DynamoDB table encrypted with the pool's key (when it has one) with point-in-time recovery.
 *
 * @example
 * declare const pool: MfaUserPool;
 * const recovery = new MfaRecovery(this, 'Recovery', {
 *   pool,
 *   sender: { from: 'no-reply@example.com', sesIdentityArn: 'arn:aws:ses:us-east-1:111111111111:identity/example.com' },
 *   allowedOrigins: ['https://app.example.com'],
 * });
 * new CfnOutput(this, 'RecoveryUrl', { value: recovery.url });
 */
export class MfaRecovery extends Construct {
  /** The REST API of the two endpoints. */
  public readonly api: apigateway.RestApi;
  /** The API's base URL (`https://<id>.execute-api.<region>.amazonaws.com/v1/`): POST `codes` and `recover` under it. */
  public readonly url: string;
  /** The table of the stored code hashes and failure counters, one item per user (`sub`). */
  public readonly table: dynamodb.ITable;
  /** The function behind POST /codes. */
  public readonly issueFunction: lambda.IFunction;
  /** The function behind POST /recover. */
  public readonly recoverFunction: lambda.IFunction;
  /** The app client the recover function checks passwords with (ADMIN_USER_PASSWORD_AUTH only, no OAuth). */
  public readonly client: cognito.IUserPoolClient;
  /** The ARN of the web ACL in front of the API. */
  public readonly webAclArn: string;

  /** @internal The pool these endpoints serve. */
  public readonly _pool: MfaUserPool;

  private readonly userPoolId: string;

  constructor(scope: Construct, id: string, props: MfaRecoveryProps) {
    super(scope, id);
    const ctx = new ResolveContext(this.node.path);
    const facts = props.pool._recoveryFacts();
    const decided = resolveRecoveryCodes(ctx, props, facts);
    leaveAdvisories(this, ctx.advisories);
    const pool = props.pool;
    this._pool = pool;
    this.userPoolId = pool.userPoolId;
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: 'sub', type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      encryption: pool.encryptionKey ? dynamodb.TableEncryption.CUSTOMER_MANAGED : dynamodb.TableEncryption.AWS_MANAGED,
      encryptionKey: pool.encryptionKey,
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.client = new cognito.UserPoolClient(this, 'Client', {
      userPool: pool.userPool,
      authFlows: { adminUserPassword: true },
      disableOAuth: true,
      generateSecret: false,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      accessTokenValidity: Duration.minutes(5),
      idTokenValidity: Duration.minutes(5),
      refreshTokenValidity: Duration.minutes(60),
    });
    const env = this.environment(pool, decided, props.appName);
    this.issueFunction = this.endpointFunction('Issue', 'codes', env, props.logRetention, [...this.tableStatements(), ...this.senderStatements(decided)]);
    this.recoverFunction = this.endpointFunction('Recover', 'recover', env, props.logRetention, [
      ...this.tableStatements(),
      ...this.senderStatements(decided),
      new iam.PolicyStatement({
        sid: 'RecoverTheUser',
        actions: ['AdminGetUser', 'AdminInitiateAuth', 'AdminDeleteSoftwareToken', 'AdminUserGlobalSignOut', 'AdminListDevices', 'AdminForgetDevice']
          .map(action => `cognito-idp:${action}`),
        resources: [pool.userPoolArn],
      }),
    ]);
    this.api = this.restApi(pool, decided, facts.updatedIssuer);
    this.url = this.api.url;
    this.webAclArn = this.webAcl(decided.rateLimit);
    this.acknowledgeFindings();
  }

  /**
   * A count the recovery handlers publish, by pool: `Recovered`, `RecoveryRefused`,
   * `RecoveryIncomplete` (a code was used but a step failed: the user is told and may use another
   * code), `CodesIssued`, `CodesRefused`, `NotificationFailed` (a recovery or new set the user was
   * not told of) or `Failed` (an AWS call failed before anything changed).
   *
   * @param event the event's name
   * @param options period, statistic and label
   * @example
   * declare const recovery: MfaRecovery;
   * new cloudwatch.Alarm(this, 'RecoveryNotTold', {
   *   metric: recovery.metric('NotificationFailed'),
   *   threshold: 1,
   *   evaluationPeriods: 1,
   * });
   */
  public metric(event: string, options: PoolMetricOptions = {}): cloudwatch.Metric {
    return new cloudwatch.Metric({
      namespace: NAMESPACE,
      metricName: event,
      dimensionsMap: { UserPoolId: this.userPoolId },
      statistic: options.statistic ?? 'Sum',
      period: options.period ?? Duration.minutes(5),
      label: options.label,
    });
  }

  private acknowledgeFindings(): void {
    for (const [path_, ids, reason] of ACKNOWLEDGED) {
      const target = path_.split('/').reduce<IConstruct>((scope, id) => scope.node.findChild(id), this);
      for (const id of ids) {
        const [plugin, rule] = id.split('::');
        acknowledge(target, plugin, rule, reason);
      }
    }
  }

  private environment(pool: MfaUserPool, d: RecoveryDecisions, appName: string | undefined): Record<string, string> {
    return {
      USER_POOL_ID: pool.userPoolId,
      CLIENT_ID: this.client.userPoolClientId,
      TABLE_NAME: this.table.tableName,
      // Both issuers of this pool: the tokenIssuer setting decides which one new tokens carry.
      ISSUERS: ['cognito-idp', 'issuer-cognito-idp'].map(host => `https://${host}.${Stack.of(this).region}.${Aws.URL_SUFFIX}/${pool.userPoolId}`).join(','),
      FRESH_SECONDS: Tokenization.stringifyNumber(d.freshSeconds),
      SENDER: d.sender.from,
      SENDER_IDENTITY_ARN: d.sender.identityArn,
      SES_REGION: d.sender.region,
      ...(d.sender.configurationSet !== undefined ? { CONFIGURATION_SET: d.sender.configurationSet } : {}),
      ALLOWED_ORIGINS: d.allowedOrigins.join(','),
      APP_NAME: appName ?? 'your account',
    };
  }

  private tableStatements(): iam.PolicyStatement[] {
    // GetItem to read a user's record, PutItem (conditional) to write it; nothing that lists or deletes.
    const table = new iam.PolicyStatement({ sid: 'ReadAndWriteOneRecord', actions: ['dynamodb:GetItem', 'dynamodb:PutItem'], resources: [this.table.tableArn] });
    const key = this.table.encryptionKey;
    return key === undefined ? [table] : [table, new iam.PolicyStatement({
      sid: 'UseTheTableKeyThroughDynamoDb',
      actions: TABLE_KEY_ACTIONS,
      resources: [key.keyArn],
      conditions: { StringEquals: { 'kms:ViaService': `dynamodb.${Stack.of(this).region}.${Aws.URL_SUFFIX}` } },
    })];
  }

  private senderStatements(d: RecoveryDecisions): iam.PolicyStatement[] {
    const set = d.sender.configurationSet;
    const resources = [d.sender.identityArn, ...(set !== undefined
      ? [Stack.of(this).formatArn({ service: 'ses', region: d.sender.region, resource: 'configuration-set', resourceName: set })]
      : [])];
    return [new iam.PolicyStatement({ sid: 'TellTheUser', actions: ['ses:SendEmail'], resources })];
  }

  private endpointFunction(
    name: string, endpoint: string, env: Record<string, string>, retention: logs.RetentionDays | undefined, statements: iam.PolicyStatement[],
  ): lambda.Function {
    const logGroup = new logs.LogGroup(this, `${name}Logs`, { retention: retention ?? logs.RetentionDays.ONE_YEAR, removalPolicy: RemovalPolicy.RETAIN });
    const role = new iam.Role(this, `${name}Role`, {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `The ${endpoint} endpoint of MfaRecovery ${this.node.path}`,
    });
    const policy = new iam.ManagedPolicy(this, `${name}Policy`, {
      description: `What the ${endpoint} endpoint of MfaRecovery ${this.node.path} calls, and nothing else`,
      roles: [role],
      statements: [...statements, new iam.PolicyStatement({
        sid: 'WriteOwnLogs', actions: ['logs:CreateLogStream', 'logs:PutLogEvents'], resources: [logGroup.logGroupArn],
      })],
    });
    const fn = new lambda.Function(this, `${name}Function`, {
      runtime: lambda.Runtime.NODEJS_22_X,
      architecture: lambda.Architecture.ARM_64,
      handler: `index.${endpoint}`,
      code: lambda.Code.fromAsset(ASSETS),
      description: `MfaRecovery: POST /${endpoint}`,
      // scrypt (16 MiB a hash, up to ten a request) wants the CPU share of 1 GB.
      memorySize: 1024,
      // Within API Gateway's 29-second integration timeout, with room for the SDK's retries.
      timeout: Duration.seconds(25),
      role,
      logGroup,
      environment: env,
    });
    // The function runs only once its permissions exist. aws-cdk-lib also makes it depend on the
    // role, which its Role property (a GetAtt) already does (cfn-lint W3005): the one DependsOn
    // written is the policy's.
    const cfnPolicy = policy.node.defaultChild as CfnElement;
    (fn.node.defaultChild as CfnResource).addOverride('DependsOn', [cfnPolicy.logicalId]);
    return fn;
  }

  private restApi(pool: MfaUserPool, d: RecoveryDecisions, updatedIssuer: boolean): apigateway.RestApi {
    const api = new apigateway.RestApi(this, 'Api', {
      description: `MfaRecovery ${this.node.path}: recovery codes for a lost authenticator app`,
      endpointTypes: [apigateway.EndpointType.REGIONAL],
      cloudWatchRole: false,
      deployOptions: { stageName: 'v1', throttlingRateLimit: 20, throttlingBurstLimit: 40, tracingEnabled: true },
      defaultCorsPreflightOptions: d.allowedOrigins.length > 0
        ? { allowOrigins: [...d.allowedOrigins], allowMethods: ['POST', 'OPTIONS'], allowHeaders: ['Authorization', 'Content-Type'] }
        : undefined,
    });
    // API Gateway's own answers (the authorizer's 401, the validator's 400, a throttle's 429) carry
    // the CORS header too, so that a browser app can read them; a gateway response has one static
    // value, so this is done for a single origin (or *) only.
    if (d.allowedOrigins.length === 1) {
      for (const [id, type] of [['Default4xx', apigateway.ResponseType.DEFAULT_4XX], ['Default5xx', apigateway.ResponseType.DEFAULT_5XX]] as const) {
        api.addGatewayResponse(id, { type, responseHeaders: { 'Access-Control-Allow-Origin': `'${d.allowedOrigins[0]}'`, 'Cache-Control': "'no-store'" } });
      }
    }
    // API Gateway's Cognito authorizer turns away what is not an access token of the pool before
    // the function runs (an ID token has no scope); it does not take the updated issuer, so a pool
    // with TokenIssuer.UPDATED relies on the function's own check (GetUser, then iss and auth_time).
    api.root.addResource('codes').addMethod('POST', new apigateway.LambdaIntegration(this.issueFunction, { allowTestInvoke: false }), updatedIssuer
      ? { authorizationType: apigateway.AuthorizationType.NONE }
      : {
        authorizer: new apigateway.CognitoUserPoolsAuthorizer(this, 'Authorizer', { cognitoUserPools: [pool.userPool] }),
        authorizationType: apigateway.AuthorizationType.COGNITO,
        authorizationScopes: ['aws.cognito.signin.user.admin'],
      });
    const string = (maxLength: number): apigateway.JsonSchema => ({ type: apigateway.JsonSchemaType.STRING, minLength: 1, maxLength });
    const model = api.addModel('RecoverRequest', {
      contentType: 'application/json',
      schema: {
        schema: apigateway.JsonSchemaVersion.DRAFT4,
        type: apigateway.JsonSchemaType.OBJECT,
        required: ['username', 'password', 'code'],
        additionalProperties: false,
        properties: { username: string(LIMITS.username), password: string(LIMITS.password), code: string(LIMITS.code) },
      },
    });
    api.root.addResource('recover').addMethod('POST', new apigateway.LambdaIntegration(this.recoverFunction, { allowTestInvoke: false }), {
      authorizationType: apigateway.AuthorizationType.NONE,
      requestModels: { 'application/json': model },
      requestValidator: api.addRequestValidator('RecoverBody', { validateRequestBody: true, validateRequestParameters: true }),
    });
    return api;
  }

  private webAcl(rateLimit: number): string {
    // No sampled requests: WAF keeps their headers for three hours without redaction, and the
    // Authorization header of POST /codes is a user's access token.
    const visibility = (name: string) => ({ cloudWatchMetricsEnabled: true, metricName: name, sampledRequestsEnabled: false });
    const acl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('MfaRecovery'),
      rules: [
        {
          name: 'RateLimitPerIp',
          priority: 0,
          action: { block: {} },
          statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: 'IP', evaluationWindowSec: 300 } },
          visibilityConfig: visibility('MfaRecoveryRateLimit'),
        },
        {
          name: 'AWS-AWSManagedRulesAmazonIpReputationList',
          priority: 1,
          overrideAction: { none: {} },
          statement: { managedRuleGroupStatement: { vendorName: 'AWS', name: 'AWSManagedRulesAmazonIpReputationList' } },
          visibilityConfig: visibility('MfaRecoveryIpReputation'),
        },
      ],
    });
    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', { resourceArn: this.api.deploymentStage.stageArn, webAclArn: acl.attrArn });
    return acl.attrArn;
  }
}

/** Why the functions run on Node.js 22. */
const NODE_22 = 'Node.js 22 is the newest runtime that both AWS Lambda and the oldest aws-cdk-lib this library supports (2.181) offer.';

/**
 * The compliance packs' findings on what MfaRecovery builds that are its design, each with the
 * reason the acknowledgement carries into the user's validation report.
 */
const ACKNOWLEDGED: ReadonlyArray<readonly [string, readonly string[], string]> = [
  ['Api/DeploymentStage.v1', ['AwsSolutions::AwsSolutions-APIG1', 'AwsSolutions::AwsSolutions-APIG6', 'NIST.800.53.R5::NIST.800.53.R5-APIGWExecutionLoggingEnabled',
    'HIPAA.Security::HIPAA.Security-APIGWExecutionLoggingEnabled', 'PCI.DSS.321::PCI.DSS.321-APIGWExecutionLoggingEnabled'],
  'API Gateway logging needs an account-wide CloudWatch role (AWS::ApiGateway::Account), which a construct must not overwrite and without which the '
    + 'deployment fails; each function logs every request\'s outcome (by sub, without secrets) and counts it as a metric.'],
  ['Api/DeploymentStage.v1', ['NIST.800.53.R5::NIST.800.53.R5-APIGWCacheEnabledAndEncrypted', 'HIPAA.Security::HIPAA.Security-APIGWCacheEnabledAndEncrypted',
    'PCI.DSS.321::PCI.DSS.321-APIGWCacheEnabledAndEncrypted'],
  'The answers (a set of recovery codes, a recovery) must never be cached: no cache exists to encrypt, and every answer carries Cache-Control: no-store.'],
  ['Api/DeploymentStage.v1', ['NIST.800.53.R5::NIST.800.53.R5-APIGWSSLEnabled', 'HIPAA.Security::HIPAA.Security-APIGWSSLEnabled',
    'PCI.DSS.321::PCI.DSS.321-APIGWSSLEnabled'],
  'The integrations are Lambda proxies, not HTTP backends: a client certificate authenticates API Gateway to an HTTP backend and has nothing to do here.'],
  ['Api/Default/recover/POST', ['AwsSolutions::AwsSolutions-APIG4', 'AwsSolutions::AwsSolutions-COG4'],
    'POST /recover serves a user who cannot sign in (the authenticator is lost): it checks the password with Cognito and a recovery code itself, '
    + 'behind a rate-limiting web ACL and a per-user lockout, and answers every refusal alike.'],
  ['IssueFunction', ['AwsSolutions::AwsSolutions-L1'], NODE_22],
  ['RecoverFunction', ['AwsSolutions::AwsSolutions-L1'], NODE_22],
  ...['IssueFunction', 'RecoverFunction'].flatMap(fn => [
    [fn, ['NIST.800.53.R5::NIST.800.53.R5-LambdaConcurrency', 'HIPAA.Security::HIPAA.Security-LambdaConcurrency'],
      'Reserved concurrency fails the deployment in an account whose limit leaves less than 10 unreserved; the web ACL and the stage throttle bound the load.'],
    [fn, ['NIST.800.53.R5::NIST.800.53.R5-LambdaDLQ', 'HIPAA.Security::HIPAA.Security-LambdaDLQ'],
      'API Gateway invokes the function synchronously and gets its errors; a dead-letter queue serves asynchronous invocations only.'],
    [fn, ['NIST.800.53.R5::NIST.800.53.R5-LambdaInsideVPC', 'HIPAA.Security::HIPAA.Security-LambdaInsideVPC', 'PCI.DSS.321::PCI.DSS.321-LambdaInsideVPC'],
      'The function calls only AWS APIs (Cognito, DynamoDB, SES) over TLS with its role: a VPC would add endpoints or a NAT gateway and protect nothing more.'],
  ] as Array<readonly [string, readonly string[], string]>),
  ...['IssueLogs', 'RecoverLogs'].map(group => [group, ['NIST.800.53.R5::NIST.800.53.R5-CloudWatchLogGroupEncrypted',
    'HIPAA.Security::HIPAA.Security-CloudWatchLogGroupEncrypted', 'PCI.DSS.321::PCI.DSS.321-CloudWatchLogGroupEncrypted'],
  'The log lines hold outcomes and the user\'s sub, never a username, password, code or token (tested); CloudWatch Logs encrypts them at rest.'] as const),
  ['Table', ['NIST.800.53.R5::NIST.800.53.R5-DynamoDBInBackupPlan', 'HIPAA.Security::HIPAA.Security-DynamoDBInBackupPlan'],
    'Point-in-time recovery is on (35 days) and deletion protection too; an AWS Backup plan is the organization\'s to choose.'],
  ['WebAcl', ['NIST.800.53.R5::NIST.800.53.R5-WAFv2LoggingEnabled', 'HIPAA.Security::HIPAA.Security-WAFv2LoggingEnabled',
    'PCI.DSS.321::PCI.DSS.321-WAFv2LoggingEnabled'],
  'Each rule publishes CloudWatch metrics; requests are neither sampled nor logged by default because their Authorization header is a user\'s access token '
    + 'and WAF cannot redact sampled requests. A logging configuration of recovery.webAclArn with the authorization header redacted turns logging on.'],
];

/** What DynamoDB asks of a caller of a table encrypted with a customer managed key. */
const TABLE_KEY_ACTIONS = ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'];
