// The reference setup (README): optional MFA with TOTP and SMS, device remembering on the user's say-so,
// strong passwords, email sign-in, abuse protection (a WAF web ACL), with its alarms, dashboard and amplify_outputs.json. `npx projen example` synthesizes it
// into example/cdk.out.
import { App, CfnOutput, Stack } from 'aws-cdk-lib';
import { DeviceRemembering, MfaEnforcement, MfaPolicy, MfaUserPool, SmsMfa } from '../src';

const app = new App({ outdir: 'example/cdk.out' });
// One MFA policy for every user pool of the app: the recommended one, except that the reference
// setup's MFA is optional.
new MfaPolicy({ minimumMfa: MfaEnforcement.OPTIONAL }).applyTo(app);
const stack = new Stack(app, 'MfaUserPoolExample', {
  env: { account: '111111111111', region: 'us-east-1' },
});

const users = new MfaUserPool(stack, 'Users', {
  mfa: MfaEnforcement.OPTIONAL,
  totp: true,
  sms: SmsMfa.withNewRole({
    message: 'Your sign-in code for MyApp is {####}',
    snsRegion: 'us-east-1',
  }),
  deviceRemembering: DeviceRemembering.USER_OPT_IN,
  // The pool sends SMS codes to anyone who signs up: a WAF web ACL with rate limits on every request
  // that can send a code (API and managed login), against SMS pumping.
  abuseProtection: {},
  userPoolProps: {
    userPoolName: 'my-app-user-pool',
    selfSignUpEnabled: true,
  },
});
const client = users.addAppClient('WebClient');
// Day-one operations: alarms on a topic created for them (SMS spend against the account's limit),
// and a dashboard. Message delivery errors already go to CloudWatch Logs (the pool sends SMS).
users.addAlarms({ smsMonthlySpendLimitUsd: 100 });
users.addDashboard({ dashboardName: 'my-app-user-pool' });

// The client configuration Amplify loads (amplify_outputs.json), as a stack output.
users.addAmplifyOutputs('AmplifyOutputs', client);

new CfnOutput(stack, 'UserPoolId', { value: users.userPoolId });
new CfnOutput(stack, 'UserPoolClientId', { value: client.userPoolClientId });

app.synth();
