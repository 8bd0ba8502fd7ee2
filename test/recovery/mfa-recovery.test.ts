import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { Duration, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { MfaEnforcement, MfaRecovery, MfaRecoveryProps, MfaUserPool, MfaUserPoolProps, PoolEncryption, TokenIssuer } from '../../src';
import { ACCOUNT, newStack, SES } from '../util';

const SENDER = { from: 'Example <no-reply@example.com>', sesIdentityArn: `arn:aws:ses:eu-west-1:${ACCOUNT}:identity/example.com` };

/** A stack with a pool (sending with SES unless told otherwise) and its recovery construct. */
function build(recovery: Partial<MfaRecoveryProps> = {}, poolProps: MfaUserPoolProps = { userPoolProps: { email: SES } }) {
  const stack = newStack();
  const pool = new MfaUserPool(stack, 'Users', poolProps);
  const construct = new MfaRecovery(stack, 'Recovery', { pool, ...recovery });
  return { stack, pool, recovery: construct, template: Template.fromStack(stack) };
}

/** The statements of a function's inline policy, by function ('Issue' or 'Recover'). */
function statements(template: Template, name: 'Issue' | 'Recover'): any[] {
  const policies = template.findResources('AWS::IAM::ManagedPolicy', { Properties: { Roles: [{ Ref: Match.stringLikeRegexp(`^Recovery${name}Role`) }] } });
  expect(Object.keys(policies)).toHaveLength(1);
  return Object.values(policies)[0].Properties.PolicyDocument.Statement;
}

describe('MfaRecovery: what it adds', () => {
  test('every resource under a pinned logical ID', () => {
    const { template } = build();
    const ids = Object.entries(template.toJSON().Resources as Record<string, { Type: string }>)
      .filter(([id]) => id.startsWith('Recovery'))
      .map(([id, r]) => `${r.Type} ${id}`)
      // The deployment's ID carries a hash of the API, by design: it changes with the API.
      .map(line => line.replace(/(RecoveryApiDeployment[0-9A-F]{8})[0-9a-f]+$/, '$1<hash>'))
      .sort();
    expect(ids).toEqual([
      'AWS::ApiGateway::Authorizer RecoveryAuthorizer72DC27E1',
      'AWS::ApiGateway::Deployment RecoveryApiDeployment4CC8944C<hash>',
      'AWS::ApiGateway::Method RecoveryApicodesPOSTFD7BC219',
      'AWS::ApiGateway::Method RecoveryApirecoverPOSTFBDAEEA2',
      'AWS::ApiGateway::Model RecoveryApiRecoverRequest5CF44332',
      'AWS::ApiGateway::RequestValidator RecoveryApiRecoverBodyF7DE5D69',
      'AWS::ApiGateway::Resource RecoveryApicodes6CDBA42A',
      'AWS::ApiGateway::Resource RecoveryApirecoverCC180B1F',
      'AWS::ApiGateway::RestApi RecoveryApiF032578A',
      'AWS::ApiGateway::Stage RecoveryApiDeploymentStagev1CA1B9DE3',
      'AWS::Cognito::UserPoolClient RecoveryClientC08D92E6',
      'AWS::DynamoDB::Table RecoveryTable408FAB65',
      'AWS::IAM::ManagedPolicy RecoveryIssuePolicy81B738DA',
      'AWS::IAM::ManagedPolicy RecoveryRecoverPolicyC2C0A894',
      'AWS::IAM::Role RecoveryIssueRoleCC57020F',
      'AWS::IAM::Role RecoveryRecoverRole64495E14',
      'AWS::Lambda::Function RecoveryIssueFunctionE549479F',
      'AWS::Lambda::Function RecoveryRecoverFunction6800071E',
      'AWS::Lambda::Permission RecoveryApicodesPOSTApiPermissionTestStackRecoveryApiE59579CEPOSTcodesCB58FFAE',
      'AWS::Lambda::Permission RecoveryApirecoverPOSTApiPermissionTestStackRecoveryApiE59579CEPOSTrecover2F67288D',
      'AWS::Logs::LogGroup RecoveryIssueLogsA6D76776',
      'AWS::Logs::LogGroup RecoveryRecoverLogsFC90417F',
      'AWS::WAFv2::WebACL RecoveryWebAcl3C164043',
      'AWS::WAFv2::WebACLAssociation RecoveryWebAclAssociation1E59955C',
    ]);
  });

  test('a pool without MfaRecovery has none of it: no function, table or API', () => {
    const stack = newStack();
    new MfaUserPool(stack, 'Users', { userPoolProps: { email: SES } });
    const template = Template.fromStack(stack);
    for (const type of ['AWS::Lambda::Function', 'AWS::DynamoDB::Table', 'AWS::ApiGateway::RestApi']) {
      template.resourceCountIs(type, 0);
    }
  });

  test('the table: one item per user (sub), on demand, point-in-time recovery, deletion protection, retained, encrypted', () => {
    const { template } = build();
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: {
        KeySchema: [{ AttributeName: 'sub', KeyType: 'HASH' }],
        BillingMode: 'PAY_PER_REQUEST',
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        DeletionProtectionEnabled: true,
        SSESpecification: { SSEEnabled: true },
      },
    });
  });

  test('with the pool\'s customer managed key, the table is encrypted with it, and each function may use it through DynamoDB only', () => {
    const { template, stack } = build({}, { userPoolProps: { email: SES }, encryption: PoolEncryption.customerManagedKey() });
    const keyId = Object.keys(template.findResources('AWS::KMS::Key'))[0];
    template.hasResourceProperties('AWS::DynamoDB::Table', {
      SSESpecification: { SSEEnabled: true, SSEType: 'KMS', KMSMasterKeyId: { 'Fn::GetAtt': [keyId, 'Arn'] } },
    });
    for (const name of ['Issue', 'Recover'] as const) {
      expect(statements(template, name)).toContainEqual({
        Sid: 'UseTheTableKeyThroughDynamoDb',
        Effect: 'Allow',
        Action: ['kms:Decrypt', 'kms:Encrypt', 'kms:GenerateDataKey*', 'kms:DescribeKey'],
        Resource: { 'Fn::GetAtt': [keyId, 'Arn'] },
        Condition: { StringEquals: { 'kms:ViaService': { 'Fn::Join': ['', ['dynamodb.us-east-1.', { Ref: 'AWS::URLSuffix' }]] } } },
      });
    }
    expect(stack.resolve(stack.region)).toBe('us-east-1');
  });

  test('least privilege: the codes function reads and writes one table and sends email; only the recover function calls Cognito, six actions on this pool', () => {
    const { template } = build({ sender: SENDER });
    const table = { 'Fn::GetAtt': ['RecoveryTable408FAB65', 'Arn'] };
    const common = [
      { Sid: 'ReadAndWriteOneRecord', Effect: 'Allow', Action: ['dynamodb:GetItem', 'dynamodb:PutItem'], Resource: table },
      { Sid: 'TellTheUser', Effect: 'Allow', Action: 'ses:SendEmail', Resource: SENDER.sesIdentityArn },
    ];
    const logs = (name: string) => ({
      Sid: 'WriteOwnLogs', Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: { 'Fn::GetAtt': [name, 'Arn'] },
    });
    expect(statements(template, 'Issue')).toEqual([...common, logs('RecoveryIssueLogsA6D76776')]);
    expect(statements(template, 'Recover')).toEqual([
      ...common,
      {
        Sid: 'RecoverTheUser',
        Effect: 'Allow',
        Action: ['cognito-idp:AdminGetUser', 'cognito-idp:AdminInitiateAuth', 'cognito-idp:AdminDeleteSoftwareToken', 'cognito-idp:AdminUserGlobalSignOut',
          'cognito-idp:AdminListDevices', 'cognito-idp:AdminForgetDevice'],
        Resource: { 'Fn::GetAtt': ['Users0A0EEA89', 'Arn'] },
      },
      logs('RecoveryRecoverLogsFC90417F'),
    ]);
    // No AWS managed policy, no other policy on the roles; each function waits for its own policy only.
    template.resourcePropertiesCountIs('AWS::IAM::Role', {
      AssumeRolePolicyDocument: { Statement: [{ Action: 'sts:AssumeRole', Effect: 'Allow', Principal: { Service: 'lambda.amazonaws.com' } }] },
      ManagedPolicyArns: Match.absent(),
      Policies: Match.absent(),
    }, 2);
    template.resourceCountIs('AWS::IAM::Policy', 0);
    expect(Object.keys(template.findResources('AWS::IAM::ManagedPolicy')).filter(id => id.startsWith('Recovery'))).toHaveLength(2);
    template.hasResource('AWS::Lambda::Function', { DependsOn: ['RecoveryIssuePolicy81B738DA'], Properties: { Description: 'MfaRecovery: POST /codes' } });
    template.hasResource('AWS::Lambda::Function', { DependsOn: ['RecoveryRecoverPolicyC2C0A894'], Properties: { Description: 'MfaRecovery: POST /recover' } });
  });

  test('only API Gateway, from this API\'s two methods, may invoke the functions (no test-invoke permission)', () => {
    const { template } = build();
    const permissions = Object.values(template.findResources('AWS::Lambda::Permission'));
    expect(permissions).toHaveLength(2);
    for (const permission of permissions) {
      expect(permission.Properties.Principal).toBe('apigateway.amazonaws.com');
      expect(JSON.stringify(permission.Properties.SourceArn)).toMatch(/"\/POST\/(codes|recover)"/);
    }
  });

  test('the functions: Node.js 22 (the newest the floor aws-cdk-lib offers), arm64, 1 GB for scrypt, their own logs kept a year, the environment they read', () => {
    const { template } = build({ sender: { ...SENDER, configurationSetName: 'recovery' }, appName: 'Example', allowedOrigins: ['https://app.example.com'] });
    template.resourcePropertiesCountIs('AWS::Lambda::Function', { Runtime: 'nodejs22.x', Architectures: ['arm64'], MemorySize: 1024, Timeout: 25 }, 2);
    template.resourcePropertiesCountIs('AWS::Logs::LogGroup', { RetentionInDays: 365 }, 2);
    template.hasResourceProperties('AWS::Lambda::Function', {
      Handler: 'index.recover',
      LoggingConfig: { LogGroup: { Ref: 'RecoveryRecoverLogsFC90417F' } },
      Environment: {
        Variables: {
          USER_POOL_ID: { Ref: 'Users0A0EEA89' },
          CLIENT_ID: { Ref: 'RecoveryClientC08D92E6' },
          TABLE_NAME: { Ref: 'RecoveryTable408FAB65' },
          FRESH_SECONDS: '600',
          SENDER: SENDER.from,
          SENDER_IDENTITY_ARN: SENDER.sesIdentityArn,
          SES_REGION: 'eu-west-1',
          CONFIGURATION_SET: 'recovery',
          ALLOWED_ORIGINS: 'https://app.example.com',
          APP_NAME: 'Example',
          ISSUERS: Match.anyValue(),
        },
      },
    });
    const { stack } = build();
    const fn = stack.node.findChild('Recovery').node.findChild('IssueFunction') as lambda.Function;
    expect(stack.resolve((fn.node.defaultChild as lambda.CfnFunction).environment)).toMatchObject({
      variables: {
        ISSUERS: {
          'Fn::Join': ['', ['https://cognito-idp.us-east-1.', { Ref: 'AWS::URLSuffix' }, '/', { Ref: 'Users0A0EEA89' }, ',https://issuer-cognito-idp.us-east-1.',
            { Ref: 'AWS::URLSuffix' }, '/', { Ref: 'Users0A0EEA89' }]],
        },
      },
    });
  });

  test('the sender defaults to the pool\'s SES sender (its Region read from the identity ARN at deploy time), and a configuration set adds its ARN', () => {
    const { template } = build({}, {
      userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail: 'no-reply@example.com', sesRegion: 'us-east-1', configurationSetName: 'pool-set' }) },
    });
    const identity = { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, `:ses:us-east-1:${ACCOUNT}:identity/no-reply@example.com`]] };
    const region = { 'Fn::Select': [3, { 'Fn::Split': [':', identity] }] };
    template.hasResourceProperties('AWS::Lambda::Function', {
      Environment: {
        Variables: Match.objectLike({ SENDER: 'no-reply@example.com', SENDER_IDENTITY_ARN: identity, SES_REGION: region, CONFIGURATION_SET: 'pool-set' }),
      },
    });
    expect(statements(template, 'Issue')[1].Resource).toEqual([
      identity,
      { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':ses:', region, `:${ACCOUNT}:configuration-set/pool-set`]] },
    ]);
  });

  test('the app client checks passwords only: admin password flow and refresh, no OAuth, no secret, user existence hidden, short tokens', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
      ExplicitAuthFlows: ['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      AllowedOAuthFlowsUserPoolClient: false,
      AllowedOAuthFlows: Match.absent(),
      GenerateSecret: false,
      PreventUserExistenceErrors: 'ENABLED',
      EnableTokenRevocation: true,
      AccessTokenValidity: 5,
      IdTokenValidity: 5,
      RefreshTokenValidity: 60,
    });
  });

  test('POST /codes: access tokens of the pool with the user.admin scope only; POST /recover: no authorizer, a validated body', () => {
    const { template } = build();
    template.hasResourceProperties('AWS::ApiGateway::Authorizer', {
      Type: 'COGNITO_USER_POOLS', ProviderARNs: [{ 'Fn::GetAtt': ['Users0A0EEA89', 'Arn'] }],
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      ResourceId: { Ref: 'RecoveryApicodes6CDBA42A' },
      AuthorizationType: 'COGNITO_USER_POOLS',
      AuthorizationScopes: ['aws.cognito.signin.user.admin'],
      AuthorizerId: { Ref: 'RecoveryAuthorizer72DC27E1' },
    });
    template.hasResourceProperties('AWS::ApiGateway::Method', {
      HttpMethod: 'POST',
      ResourceId: { Ref: 'RecoveryApirecoverCC180B1F' },
      AuthorizationType: 'NONE',
      RequestValidatorId: { Ref: 'RecoveryApiRecoverBodyF7DE5D69' },
      RequestModels: { 'application/json': { Ref: 'RecoveryApiRecoverRequest5CF44332' } },
    });
    template.hasResourceProperties('AWS::ApiGateway::Model', {
      Schema: {
        $schema: 'http://json-schema.org/draft-04/schema#',
        type: 'object',
        required: ['username', 'password', 'code'],
        additionalProperties: false,
        properties: {
          username: { type: 'string', minLength: 1, maxLength: 128 },
          password: { type: 'string', minLength: 1, maxLength: 256 },
          code: { type: 'string', minLength: 1, maxLength: 64 },
        },
      },
    });
    template.hasResourceProperties('AWS::ApiGateway::Stage', {
      StageName: 'v1', MethodSettings: [Match.objectLike({ HttpMethod: '*', ResourcePath: '/*', ThrottlingRateLimit: 20, ThrottlingBurstLimit: 40 })],
    });
    template.resourceCountIs('AWS::ApiGateway::Account', 0);
  });

  test('a pool with the updated issuer, which API Gateway\'s authorizers do not take: /codes relies on the function\'s own check', () => {
    const { template } = build({}, { userPoolProps: { email: SES }, tokenIssuer: TokenIssuer.UPDATED });
    template.resourceCountIs('AWS::ApiGateway::Authorizer', 0);
    template.hasResourceProperties('AWS::ApiGateway::Method', { ResourceId: { Ref: 'RecoveryApicodes6CDBA42A' }, AuthorizationType: 'NONE' });
  });

  test.each([
    [undefined, 10],
    [250, 250],
  ])('the web ACL: rateLimit %s gives a rate rule of %s per IP in 5 minutes, then the IP reputation list; associated with the stage', (rateLimit, limit) => {
    const { template } = build({ rateLimit });
    // Metrics, but no sampled requests: WAF keeps their headers unredacted, and /codes carries an access token.
    const acl = Object.values(template.findResources('AWS::WAFv2::WebACL'))[0].Properties;
    for (const visibility of [acl.VisibilityConfig, ...acl.Rules.map((r: any) => r.VisibilityConfig)]) {
      expect(visibility).toMatchObject({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: false });
    }
    template.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      DefaultAction: { Allow: {} },
      Rules: [
        Match.objectLike({ Name: 'RateLimitPerIp', Priority: 0, Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: limit, AggregateKeyType: 'IP', EvaluationWindowSec: 300 } } }),
        Match.objectLike({ Name: 'AWS-AWSManagedRulesAmazonIpReputationList', Priority: 1, OverrideAction: { None: {} } }),
      ],
    });
    template.hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      WebACLArn: { 'Fn::GetAtt': ['RecoveryWebAcl3C164043', 'Arn'] },
      ResourceArn: { 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':apigateway:us-east-1::/restapis/'), { Ref: 'RecoveryApiF032578A' }, '/stages/', { Ref: 'RecoveryApiDeploymentStagev1CA1B9DE3' }])] },
    });
  });

  test('CORS only for the origins given: a preflight method per resource', () => {
    expect(Object.keys(build().template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } }))).toHaveLength(0);
    const { template } = build({ allowedOrigins: ['https://app.example.com', 'http://localhost:3000'] });
    const options = template.findResources('AWS::ApiGateway::Method', { Properties: { HttpMethod: 'OPTIONS' } });
    expect(Object.keys(options).length).toBeGreaterThanOrEqual(2);
    expect(JSON.stringify(options)).toContain('https://app.example.com');
    // Several origins: API Gateway's own answers cannot name the caller's, so they get none.
    template.resourceCountIs('AWS::ApiGateway::GatewayResponse', 0);
  });

  test('one allowed origin: API Gateway\'s own 4XX and 5XX answers carry it, so a browser reads the authorizer\'s 401', () => {
    const { template } = build({ allowedOrigins: ['https://app.example.com'] });
    for (const type of ['DEFAULT_4XX', 'DEFAULT_5XX']) {
      template.hasResourceProperties('AWS::ApiGateway::GatewayResponse', {
        ResponseType: type,
        ResponseParameters: { 'gatewayresponse.header.Access-Control-Allow-Origin': "'https://app.example.com'", 'gatewayresponse.header.Cache-Control': "'no-store'" },
      });
    }
  });

  test('the construct\'s attributes and its metrics', () => {
    const { recovery, stack } = build();
    expect(stack.resolve(recovery.url)).toMatchObject({ 'Fn::Join': ['', expect.arrayContaining([{ Ref: 'RecoveryApiF032578A' }])] });
    expect(stack.resolve(recovery.webAclArn)).toEqual({ 'Fn::GetAtt': ['RecoveryWebAcl3C164043', 'Arn'] });
    expect(stack.resolve(recovery.client.userPoolClientId)).toEqual({ Ref: 'RecoveryClientC08D92E6' });
    const metric = recovery.metric('NotificationFailed', { period: Duration.minutes(1) });
    expect(metric.namespace).toBe('CdkMfaUserPool/Recovery');
    expect(metric.statistic).toBe('Sum');
    expect(stack.resolve(metric.dimensions)).toEqual({ UserPoolId: { Ref: 'Users0A0EEA89' } });
    expect(metric.period.toSeconds()).toBe(60);
  });

  test('one bundle holds both handlers, loads, and carries nothing of aws-cdk-lib; each function names its own', () => {
    const file = path.join(__dirname, '..', '..', 'assets', 'recovery', 'index.js');
    expect(fs.readdirSync(path.dirname(file))).toEqual(['index.js']);
    expect(fs.readFileSync(file, 'utf-8')).not.toContain('aws-cdk-lib');
    const saved = { ...process.env };
    Object.assign(process.env, { USER_POOL_ID: 'us-east-1_Pool', CLIENT_ID: 'c', TABLE_NAME: 't', SENDER: 'no-reply@example.com', AWS_REGION: 'us-east-1' });
    try {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(file);
      expect([typeof mod.codes, typeof mod.recover]).toEqual(['function', 'function']);
    } finally {
      process.env = saved;
    }
    const { template } = build();
    template.hasResourceProperties('AWS::Lambda::Function', { Description: 'MfaRecovery: POST /codes', Handler: 'index.codes' });
    template.hasResourceProperties('AWS::Lambda::Function', { Description: 'MfaRecovery: POST /recover', Handler: 'index.recover' });
    // One asset for both functions.
    const keys = Object.values(template.findResources('AWS::Lambda::Function')).map(f => f.Properties.Code.S3Key);
    expect(new Set(keys).size).toBe(1);
  });

  test('the bundle is fresh: bundle:recovery, run again from the sources, writes the same bytes (a stale asset would ship old handlers)', () => {
    const root = path.join(__dirname, '..', '..');
    const tasks = JSON.parse(fs.readFileSync(path.join(root, '.projen', 'tasks.json'), 'utf-8'));
    const steps: Array<{ exec: string }> = tasks.tasks['bundle:recovery'].steps;
    expect(steps).toHaveLength(1);
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'bundle-'));
    try {
      const command = steps[0].exec.replace(/^esbuild /, '').replace(/--outfile=\S+/, `--outfile=${path.join(out, 'index.js')}`);
      execFileSync(path.join(root, 'node_modules', '.bin', 'esbuild'), command.split(' '), { cwd: root, stdio: 'pipe' });
      expect(fs.readFileSync(path.join(out, 'index.js')).equals(fs.readFileSync(path.join(root, 'assets', 'recovery', 'index.js')))).toBe(true);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  test('amplify_outputs.json carries the recovery endpoint (custom.mfa_recovery_url) when addAmplifyOutputs is given the construct', () => {
    const { pool, recovery, stack } = build();
    const outputs = pool.addAmplifyOutputs('Outputs', pool.addAppClient('Web'), { recovery });
    expect(stack.resolve(outputs.content.custom)).toEqual({ device_remembering: 'USER_OPT_IN', mfa_recovery_url: stack.resolve(recovery.url) });
    const without = pool.addAmplifyOutputs('Plain', pool.addAppClient('Other'));
    expect(without.content.custom).toEqual({ device_remembering: 'USER_OPT_IN' });
  });

  test('a freshSession known at deploy only reaches the handler as that value', () => {
    const { stack, recovery } = build({ freshSession: Duration.seconds(Lazy.number({ produce: () => 300 })) });
    const fn = recovery.issueFunction.node.defaultChild as lambda.CfnFunction;
    expect(stack.resolve(fn.environment)).toMatchObject({ variables: { FRESH_SECONDS: '300' } });
  });

  test('the advisories a pool brings are left on the construct', () => {
    const { recovery } = build({}, { userPoolProps: { email: SES }, mfa: MfaEnforcement.OPTIONAL, passwordless: { emailOtp: true } });
    const warnings = Annotations.fromStack(Stack.of(recovery)).findWarning('/TestStack/Recovery', Match.stringLikeRegexp('recoveryPasswordless'));
    expect(warnings).toHaveLength(1);
  });
});
