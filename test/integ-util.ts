import { ExpectedResult, IntegTest } from '@aws-cdk/integ-tests-alpha';
import { App, RemovalPolicy, Stack } from 'aws-cdk-lib';
import { MfaUserPool, MfaUserPoolProps } from '../src';

/**
 * One integration scenario: a stack with an MfaUserPool, and assertions that read the deployed
 * pool's MFA configuration back from Cognito. The pool is destroyable here so that a test
 * deployment cleans up after itself; real pools keep the RETAIN default.
 */
export function mfaScenario(name: string, props: MfaUserPoolProps, expected: {
  readonly mfaConfiguration: 'OFF' | 'OPTIONAL' | 'ON';
  readonly totp: boolean;
  readonly sms: boolean;
  readonly email: boolean;
  /** The passkey settings Cognito reports, when the pool offers passkeys. */
  readonly webAuthn?: { readonly relyingPartyId: string; readonly userVerification: string; readonly factorConfiguration: string };
  /** Cognito reports SMS through End User Messaging (`EumsSms`) rather than SNS. */
  readonly endUserMessaging?: boolean;
  /** Part of the risk configuration Cognito reports, when the pool has adaptive authentication. */
  readonly riskConfiguration?: Record<string, unknown>;
  /** The log delivery Cognito reports, by event source and level, when the pool delivers logs. */
  readonly logDelivery?: ReadonlyArray<{ readonly EventSource: string; readonly LogLevel: string }>;
}, extend?: (pool: MfaUserPool) => void): App {
  const app = new App();
  const stack = new Stack(app, `MfaUserPool-${name}`);
  const pool = new MfaUserPool(stack, 'Users', { ...props, removalPolicy: RemovalPolicy.DESTROY, deletionProtection: false });
  pool.addAppClient('WebClient');
  extend?.(pool);

  const integ = new IntegTest(app, `${name}Test`, { testCases: [stack] });
  integ.assertions
    .awsApiCall('CognitoIdentityServiceProvider', 'describeUserPool', { UserPoolId: pool.userPoolId })
    .expect(ExpectedResult.objectLike({ UserPool: { MfaConfiguration: expected.mfaConfiguration } }));
  integ.assertions
    .awsApiCall('CognitoIdentityServiceProvider', 'getUserPoolMfaConfig', { UserPoolId: pool.userPoolId })
    .expect(ExpectedResult.objectLike({
      MfaConfiguration: expected.mfaConfiguration,
      ...(expected.totp ? { SoftwareTokenMfaConfiguration: { Enabled: true } } : {}),
      // objectLike is partial all the way down: {} asserts only that the key is there.
      ...(expected.sms ? { SmsMfaConfiguration: { SmsConfiguration: expected.endUserMessaging ? { EumsSms: {} } : {} } } : {}),
      ...(expected.email ? { EmailMfaConfiguration: {} } : {}),
      ...(expected.webAuthn ? {
        WebAuthnConfiguration: {
          RelyingPartyId: expected.webAuthn.relyingPartyId,
          UserVerification: expected.webAuthn.userVerification,
          FactorConfiguration: expected.webAuthn.factorConfiguration,
        },
      } : {}),
    }));
  if (expected.riskConfiguration) {
    integ.assertions
      .awsApiCall('CognitoIdentityServiceProvider', 'describeRiskConfiguration', { UserPoolId: pool.userPoolId })
      .expect(ExpectedResult.objectLike({ RiskConfiguration: expected.riskConfiguration }));
  }
  if (expected.logDelivery) {
    integ.assertions
      .awsApiCall('CognitoIdentityServiceProvider', 'getLogDeliveryConfiguration', { UserPoolId: pool.userPoolId })
      .expect(ExpectedResult.objectLike({
        LogDeliveryConfiguration: { LogConfigurations: expected.logDelivery },
      }));
  }
  if (expected.webAuthn) {
    integ.assertions
      .awsApiCall('CognitoIdentityServiceProvider', 'describeUserPool', { UserPoolId: pool.userPoolId })
      .expect(ExpectedResult.objectLike({
        UserPool: { Policies: { SignInPolicy: { AllowedFirstAuthFactors: ['PASSWORD', 'WEB_AUTHN'] } } },
      }));
  }
  return app;
}
