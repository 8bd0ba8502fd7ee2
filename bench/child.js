// One benchmark sample, in a fresh process: build an app with N user pools of one kind,
// synthesize it, and report the time taken and the peak resident memory as one JSON line.
//   node bench/child.js <mfa|raw|passkeys|eums|eumswaf|countries|ops|nologs|threat|adaptive|clients|l2clients|brought|abuse|abuseall|oauthclient|managed|outputs|policy|policyaspect|encrypted|replicated|recovery> <N>
const { performance } = require('perf_hooks');
const { App, Stack, RemovalPolicy } = require('aws-cdk-lib');
const cognito = require('aws-cdk-lib/aws-cognito');
const iam = require('aws-cdk-lib/aws-iam');
const logs = require('aws-cdk-lib/aws-logs');
const {
  AdaptiveAuthentication, ManagedLoginDomain, MfaPolicy, MfaPolicyMechanism, MfaPolicySeverity, MfaRecovery, MfaUserPool, MfaUserPoolSecondary, MfaEnforcement, SmsMfa, SmsOriginationIdentity, DeviceRemembering, ThreatProtection, PoolEncryption, TokenIssuer,
} = require('../lib');
const { applyPolicy } = require('../lib/private/governance/apply');
const { resolvePolicy } = require('../lib/private/governance/settings');

const [kind, nArg] = process.argv.slice(2);
const n = Number(nArg);

// The reference setup (README), once through MfaUserPool and once through the L2 configured the same way
// (the L2 creates its own SMS role; ours adds a managed policy: one resource more per pool; the
// L2 gets the same log delivery by hand).
const REFERENCE = () => ({
  mfa: MfaEnforcement.OPTIONAL,
  sms: SmsMfa.withNewRole({ message: 'Your sign-in code for MyApp is {####}' }),
  deviceRemembering: DeviceRemembering.USER_OPT_IN,
});
function mfaPool(stack, id) {
  return new MfaUserPool(stack, id, REFERENCE());
}
// The same with passkeys that count as MFA (choice-based sign-in): the marginal cost of the feature.
function passkeyPool(stack, id) {
  new MfaUserPool(stack, id, {
    ...REFERENCE(),
    passkeys: { relyingPartyId: 'auth.example.com' },
  });
}
// The same sending SMS through End User Messaging directly, with the role scoped to a phone
// number: the marginal cost of the direct path against the SNS path.
function eumsPool(stack, id, abuseProtection) {
  new MfaUserPool(stack, id, {
    mfa: MfaEnforcement.OPTIONAL,
    sms: SmsMfa.withEndUserMessaging({
      message: 'Your sign-in code for MyApp is {####}',
      originationIdentity: SmsOriginationIdentity.fromArn('arn:aws:sms-voice:us-east-1:123456789012:phone-number/phone-0123456789abcdef'),
    }),
    deviceRemembering: DeviceRemembering.USER_OPT_IN,
    abuseProtection,
  });
}
// The same with the operations: the day-one alarms (on a created topic) and the dashboard, on top
// of the log delivery every pool that sends codes has: the marginal cost of addAlarms/addDashboard.
function opsPool(stack, id) {
  const pool = mfaPool(stack, id);
  pool.addAppClient('Web');
  pool.addAlarms({ smsMonthlySpendLimitUsd: 100 });
  pool.addDashboard();
}
// The same with threat protection ENFORCED and the recommended adaptive authentication, against
// threat protection ENFORCED alone: the marginal cost of the risk configuration.
function threatPool(stack, id, adaptive) {
  new MfaUserPool(stack, id, {
    ...REFERENCE(),
    threatProtection: ThreatProtection.ENFORCED,
    adaptiveAuthentication: adaptive ? AdaptiveAuthentication.recommended() : undefined,
  });
}
// The same without log delivery (on by default for a pool that sends SMS): its marginal cost.
function noLogsPool(stack, id) {
  new MfaUserPool(stack, id, {
    ...REFERENCE(),
    logDelivery: { messageDeliveryErrors: false },
  });
}
// Two app clients through addAppClient (one SDK-only, one with the OAuth code grant), against the
// same two clients made with the L2 directly: the marginal cost of addAppClient's resolution and
// of the synthesis-time scan that advises on the pool's L2 clients.
function clientsPool(stack, id, throughL2) {
  const pool = mfaPool(stack, id);
  const oAuth = { callbackUrls: ['https://app.example.com/callback'] };
  if (throughL2) {
    pool.userPool.addClient('Mobile', { authFlows: { userSrp: true }, disableOAuth: true });
    pool.userPool.addClient('Web', { authFlows: { userSrp: true }, oAuth: { ...oAuth, flows: { authorizationCodeGrant: true } } });
  } else {
    pool.addAppClient('Mobile');
    pool.addAppClient('Web', { oAuth });
  }
}
// SMS with a role of the app (trust and sns:Publish checked at synthesis) against a created role.
function broughtPool(stack, id) {
  const role = new iam.Role(stack, `${id}SmsRole`, {
    assumedBy: new iam.ServicePrincipal('cognito-idp.amazonaws.com', { conditions: { StringEquals: { 'sts:ExternalId': `${id}-ext` } } }),
  });
  role.addToPolicy(new iam.PolicyStatement({ actions: ['sns:Publish'], resources: ['*'] }));
  new MfaUserPool(stack, id, {
    mfa: MfaEnforcement.OPTIONAL,
    sms: SmsMfa.withRole(role, `${id}-ext`, { message: 'Your sign-in code for MyApp is {####}' }),
    deviceRemembering: DeviceRemembering.USER_OPT_IN,
  });
}
// The reference setup behind a WAF web ACL (abuseProtection: {}): the marginal cost of the web ACL,
// its association and its log.
function abusePool(stack, id, options = {}) {
  new MfaUserPool(stack, id, {
    ...REFERENCE(),
    abuseProtection: options,
  });
}
// The reference setup with one OAuth client, without and with managed login (a domain, the
// client's style, its sign-in and sign-out outputs): managed login's marginal cost.
function loginPool(stack, id, managed, outputs) {
  const pool = mfaPool(stack, id);
  if (managed) {
    pool.addManagedLogin({ domain: ManagedLoginDomain.cognitoPrefix(`bench-${id.toLowerCase()}`) });
  }
  const web = pool.addAppClient('Web', { oAuth: { callbackUrls: ['https://app.example.com/callback'], logoutUrls: ['https://app.example.com/'] } });
  if (outputs) {
    pool.addAmplifyOutputs('AmplifyOutputs', web);
  }
}
// The raw L2 gets the same log delivery by hand (log group, metric filter, delivery configuration).
function rawPool(stack, id) {
  const pool = new cognito.UserPool(stack, id, {
    signInAliases: { email: true },
    autoVerify: { email: true },
    keepOriginal: { email: true },
    mfa: cognito.Mfa.OPTIONAL,
    mfaSecondFactor: { sms: true, otp: true },
    mfaMessage: 'Your sign-in code for MyApp is {####}',
    deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
    passwordPolicy: { minLength: 12, requireLowercase: true, requireUppercase: true, requireDigits: true, requireSymbols: true },
    accountRecovery: cognito.AccountRecovery.EMAIL_ONLY,
    featurePlan: cognito.FeaturePlan.ESSENTIALS,
    removalPolicy: RemovalPolicy.RETAIN,
    deletionProtection: true,
  });
  const group = new logs.LogGroup(pool, 'DeliveryErrorLogs', {
    logGroupName: `/aws/vendedlogs/cognito/${stack.stackName}${id}/message-delivery-errors`,
    retention: logs.RetentionDays.ONE_YEAR,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  new logs.MetricFilter(pool, 'DeliveryErrorMetric', {
    logGroup: group, filterPattern: logs.FilterPattern.allEvents(), metricNamespace: 'Bench', metricName: `MessageDeliveryErrors-${id}`, metricValue: '1',
  });
  new cognito.CfnLogDeliveryConfiguration(pool, 'LogDelivery', {
    userPoolId: pool.userPoolId,
    logConfigurations: [{ eventSource: 'userNotification', logLevel: 'ERROR', cloudWatchLogsConfiguration: { logGroupArn: group.logGroupArn } }],
  });
}

// At most 20 pools per stack, for every kind but one: CloudFormation allows 500 resources per
// stack, and 100 pools with SMS and log delivery (6 resources each) or with operations (17) pass
// it. A pool with MfaRecovery has 30 resources: 10 a stack (a stack more per ten pools).
const POOLS_PER_STACK = kind === 'recovery' ? 10 : 20;
const started = performance.now();
const app = new App();
// The app-wide MFA policy over the reference pools, as warnings (each reference pool has MFA
// OPTIONAL, one finding; errors would stop the synthesis): the validation plugin reads every
// template after synthesis, the Aspect (the fallback of older aws-cdk-lib) renders every L1 before.
if (kind === 'policy') {
  new MfaPolicy({ severity: MfaPolicySeverity.WARNING }).applyTo(app);
} else if (kind === 'policyaspect') {
  applyPolicy(app, resolvePolicy('Bench', { severity: MfaPolicySeverity.WARNING }), MfaPolicyMechanism.ASPECT);
}
const stacks = [];
const secondaries = new Map();
const secondaryOf = stack => {
  if (!secondaries.has(stack)) {
    secondaries.set(stack, new Stack(app, `${stack.node.id}West`, { env: { account: '123456789012', region: 'us-west-2' }, crossRegionReferences: true }));
  }
  return secondaries.get(stack);
};
for (let i = 0; i < n; i++) {
  if (i % POOLS_PER_STACK === 0) {
    stacks.push(new Stack(app, `Bench${stacks.length}`, { env: { account: '123456789012', region: 'us-east-1' } }));
  }
  const stack = stacks[stacks.length - 1];
  ({
    mfa: mfaPool,
    raw: rawPool,
    passkeys: passkeyPool,
    eums: (s, id) => eumsPool(s, id),
    // The direct path behind a web ACL, without and with country rules (a protect configuration of
    // 249 country rules and a configuration set): the country rules' marginal cost.
    eumswaf: (s, id) => eumsPool(s, id, {}),
    countries: (s, id) => eumsPool(s, id, { smsCountries: { allow: ['US', 'CA'] } }),
    ops: opsPool,
    nologs: noLogsPool,
    threat: (s, id) => threatPool(s, id, false),
    adaptive: (s, id) => threatPool(s, id, true),
    clients: (s, id) => clientsPool(s, id, false),
    l2clients: (s, id) => clientsPool(s, id, true),
    brought: broughtPool,
    abuse: abusePool,
    // Every optional rule of the web ACL on: the callers' countries, Bot Control, the circuit
    // breaker and the limit per network (ten rules instead of four).
    abuseall: (s, id) => abusePool(s, id, { captcha: true, codeRequestsAllIps: 1000, codeRequestsPerAsn: 200, callerCountries: ['US', 'CA'], botControl: true }),
    oauthclient: (s, id) => loginPool(s, id, false),
    managed: (s, id) => loginPool(s, id, true),
    // The same with its amplify_outputs.json (a stack output): the client configuration's cost.
    outputs: (s, id) => loginPool(s, id, false, true),
    policy: mfaPool,
    policyaspect: mfaPool,
    // The same with a customer managed key the library creates and the updated issuer: the cost
    // of encryption at rest with a key of the app (one kms.Key and its policy per pool).
    encrypted: (s, id) => new MfaUserPool(s, id, { ...REFERENCE(), encryption: PoolEncryption.customerManagedKey(), tokenIssuer: TokenIssuer.UPDATED }),
    // The same replicated to us-west-2: a multi-Region key, two stacks the library adds per pool
    // (the key's replica, the replica), and the secondary's Regional configuration in a stack of
    // us-west-2 (one per bench stack), joined by cross-Region references.
    replicated: (s, id) => {
      const pool = new MfaUserPool(s, id, { ...REFERENCE(), tokenIssuer: TokenIssuer.UPDATED, replication: { region: 'us-west-2' } });
      new MfaUserPoolSecondary(secondaryOf(s), id, { pool });
    },
    // The same with self-service recovery codes: the API, its web ACL, two functions (their
    // bundled assets fingerprinted and staged), two roles and policies, a client and a table.
    recovery: (s, id) => {
      const pool = mfaPool(s, id);
      new MfaRecovery(s, `${id}Recovery`, { pool, sender: { from: 'no-reply@example.com', sesIdentityArn: 'arn:aws:ses:us-east-1:123456789012:identity/example.com' } });
    },
  })[kind](stack, `Pool${i}`);
}
const constructed = performance.now();
const assembly = app.synth();
const ms = performance.now() - started;
// Every stack of the app: a replicated pool's library stacks and secondaries included.
const resources = assembly.stacks.reduce((sum, stack) => sum + Object.keys(stack.template.Resources ?? {}).length, 0);
console.log(JSON.stringify({
  kind, n, ms, constructMs: constructed - started, synthMs: ms - (constructed - started),
  maxRssMb: process.resourceUsage().maxRSS / 1024, resources,
}));
