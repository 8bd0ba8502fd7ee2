// Self-service recovery codes: a REQUIRED TOTP pool with its own customer managed key, sending
// with SES, and MfaRecovery in front of it. Deploying it needs a verified SES identity for the
// from address: set INTEG_SES_FROM (and INTEG_SES_REGION) when you run it against a real account.
// The assertions read the table's protection back and call both endpoints as a stranger would.
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { MfaRecovery, MfaUserPool, PoolEncryption } from '../src';

const fromEmail = process.env.INTEG_SES_FROM ?? 'no-reply@example.com';
const sesRegion = process.env.INTEG_SES_REGION ?? 'us-east-1';

const app = new App();
const stack = new Stack(app, 'MfaUserPool-Recovery', { env: { region: 'us-east-1' } });
const pool = new MfaUserPool(stack, 'Users', {
  encryption: PoolEncryption.customerManagedKey(),
  userPoolProps: { email: cognito.UserPoolEmail.withSES({ fromEmail, sesRegion }) },
  removalPolicy: RemovalPolicy.DESTROY,
  deletionProtection: false,
});
pool.addAppClient('WebClient');
const recovery = new MfaRecovery(stack, 'Recovery', { pool, appName: 'Integ' });
// A test deployment cleans up after itself; a real table keeps deletion protection and RETAIN.
(recovery.table.node.defaultChild as dynamodb.CfnTable).deletionProtectionEnabled = false;
recovery.table.applyRemovalPolicy(RemovalPolicy.DESTROY);

// The assertions read the table in its Region: their stack is of that Region too.
const assertionStack = new Stack(app, 'MfaUserPool-RecoveryAssertions', { env: { region: 'us-east-1' } });
const integ = new IntegTest(app, 'RecoveryTest', { testCases: [stack], assertionStack });
integ.assertions
  .awsApiCall('DynamoDB', 'describeTable', { TableName: recovery.table.tableName })
  .expect(ExpectedResult.objectLike({ Table: { SSEDescription: { Status: 'ENABLED', SSEType: 'KMS' }, BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' } } }));
integ.assertions
  .awsApiCall('DynamoDB', 'describeContinuousBackups', { TableName: recovery.table.tableName })
  .expect(ExpectedResult.objectLike({ ContinuousBackupsDescription: { PointInTimeRecoveryDescription: { PointInTimeRecoveryStatus: 'ENABLED' } } }));
// A stranger: no token for /codes (the Cognito authorizer answers), a made-up user for /recover (the generic refusal).
integ.assertions
  .httpApiCall(`${recovery.url}codes`, { method: 'POST' })
  .expect(ExpectedResult.objectLike({ status: 401 }));
integ.assertions
  .httpApiCall(`${recovery.url}recover`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'nobody@example.com', password: 'Not-A-Password-1!', code: 'AAAA-AAAA-AAAA-AAAA' }),
  })
  .expect(ExpectedResult.objectLike({ status: 401 }));
app.synth();
