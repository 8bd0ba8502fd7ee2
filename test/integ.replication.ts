// Multi-Region replication: a pool in us-east-1 with SMS next to TOTP, abuse protection and the
// updated issuer, replicated to us-west-2; the library's stacks (the key's replica in us-west-2,
// the replica in us-east-1) and the secondary's stack (the Regional configuration, its web ACL,
// log delivery and alarms). Deploying it sends no SMS.
import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { MfaEnforcement, MfaUserPool, MfaUserPoolSecondary, SmsMfa, TokenIssuer } from '../src';

const app = new App();
const primary = new Stack(app, 'MfaUserPool-Replication', { env: { region: 'us-east-1' } });
const secondary = new Stack(app, 'MfaUserPool-ReplicationSecondary', { env: { region: 'us-west-2' }, crossRegionReferences: true });
const pool = new MfaUserPool(primary, 'Users', {
  mfa: MfaEnforcement.OPTIONAL,
  sms: SmsMfa.withNewRole({ message: 'Your sign-in code is {####}' }),
  tokenIssuer: TokenIssuer.UPDATED,
  abuseProtection: {},
  replication: { region: 'us-west-2' },
  removalPolicy: RemovalPolicy.DESTROY,
  deletionProtection: false,
});
pool.addAppClient('WebClient');
const regional = new MfaUserPoolSecondary(secondary, 'Users', { pool });
regional.addAlarms({ smsMonthlySpendLimitUsd: 10 });

// The assertions read the pool in its Region: their stack is of that Region too.
const assertionStack = new Stack(app, 'MfaUserPool-ReplicationAssertions', { env: { region: 'us-east-1' } });
const integ = new IntegTest(app, 'ReplicationTest', { testCases: [primary, secondary], assertionStack });
integ.assertions
  .awsApiCall('CognitoIdentityServiceProvider', 'listUserPoolReplicas', { UserPoolId: pool.userPoolId })
  .expect(ExpectedResult.objectLike({ Replicas: [{ RegionName: 'us-west-2', Role: 'SECONDARY', Status: 'INACTIVE' }] }));
integ.assertions
  .awsApiCall('CognitoIdentityServiceProvider', 'describeUserPool', { UserPoolId: pool.userPoolId })
  .expect(ExpectedResult.objectLike({ UserPool: { KeyConfiguration: { KeyType: 'CUSTOMER_MANAGED_KEY' }, IssuerConfiguration: { Type: 'UPDATED' } } }));
app.synth();
