import * as cognito from 'aws-cdk-lib/aws-cognito';
import { SmsRoleBinding } from './build/sms-role';
import { refuse } from './errors';
import { Decisions } from './resolve';
import { RULES } from './rules';
import { EumsSpec } from './sms-spec';

/**
 * The only place this library writes the L1 `CfnUserPool`, after the L2 has built it. Each write
 * is something the L2 cannot express without getting in the way. It can refuse (what only the
 * built pool tells) but never advises: advisories are all decided before anything is built.
 *
 * @param path the construct path, for messages
 * @param sms the SMS role binding, when the pool has an SMS configuration
 */
export function applyL1Overrides(path: string, cfnPool: cognito.CfnUserPool, d: Decisions, sms: SmsRoleBinding | undefined): void {
  const eums = d.factors.sms?.eums;
  if (eums && sms) {
    // The L2 has no prop for the direct path, and the floor's L1 has no eumsSms property.
    // SmsConfiguration is written whole, without SnsCallerArn: the two paths are exclusive.
    cfnPool.addPropertyOverride('SmsConfiguration', { EumsSms: eumsSmsProperty(eums, sms) });
  }
  const email = d.factors.email;
  if (email) {
    refuseEmailWithoutSes(path, cfnPool);
    // EMAIL_OTP: the L2's mfaSecondFactor.email runs its own SES check, which throws an error
    // that names no MfaUserPool prop (this library's check is the line above).
    cfnPool.enabledMfas = [...(cfnPool.enabledMfas ?? []), 'EMAIL_OTP'];
    // The email factor's subject and message have no L2 prop.
    cfnPool.emailAuthenticationSubject = email.subject;
    cfnPool.emailAuthenticationMessage = email.body;
  }
  const passkey = d.firstFactors.passkey;
  if (passkey) {
    // The L2 has no prop for it (aws-cdk #37895), and the floor's L1 has no property either:
    // written explicitly, so that the pool never depends on the service default (SINGLE_FACTOR).
    cfnPool.addPropertyOverride('WebAuthnFactorConfiguration',
      passkey.countsAsMfa ? 'MULTI_FACTOR_WITH_USER_VERIFICATION' : 'SINGLE_FACTOR');
  }
}

/** `SmsConfiguration.EumsSms`: only what was given, so Cognito's defaults apply to the rest. */
export function eumsSmsProperty(eums: EumsSpec, sms: SmsRoleBinding): Record<string, string | undefined> {
  return {
    CallerArn: sms.role.roleArn,
    ExternalId: sms.externalId,
    OriginationIdentity: eums.originationIdentity?.value,
    ConfigurationSetName: eums.configurationSetName,
    Region: eums.region,
    InEntityId: eums.inEntityId,
    InTemplateId: eums.inTemplateId,
  };
}

/**
 * How the pool sends email, which only the L2's bound email configuration tells:
 * `DEVELOPER` (Amazon SES) or `COGNITO_DEFAULT`.
 */
export function emailSendingAccount(cfnPool: cognito.CfnUserPool): string {
  const emailConfiguration = cfnPool.emailConfiguration as cognito.CfnUserPool.EmailConfigurationProperty | undefined;
  return emailConfiguration?.emailSendingAccount ?? 'COGNITO_DEFAULT';
}

/** The email MFA factor needs the pool to send email through Amazon SES. */
function refuseEmailWithoutSes(path: string, cfnPool: cognito.CfnUserPool): void {
  const account = emailSendingAccount(cfnPool);
  if (account !== 'DEVELOPER') {
    throw refuse(path, RULES.emailMfaNeedsSes, 'email', 'needs the pool to send email through Amazon SES', account,
      'Set userPoolProps.email: cognito.UserPoolEmail.withSES({ fromEmail, sesRegion, ... }), or remove email.');
  }
}

/**
 * Refresh token rotation on an app client's L1 (the floor's L2 has no prop for it): rotation on
 * with its grace period, and `ALLOW_REFRESH_TOKEN_AUTH` taken out of the explicit flows, since
 * Cognito refuses `REFRESH_TOKEN_AUTH` for such a client. A client without explicit flows gets
 * Cognito's defaults without it.
 * https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-using-the-refresh-token.html
 */
export function writeRefreshTokenRotation(cfn: cognito.CfnUserPoolClient, graceSeconds: number): void {
  cfn.addPropertyOverride('RefreshTokenRotation', { Feature: 'ENABLED', RetryGracePeriodSeconds: graceSeconds });
  const flows = Array.isArray(cfn.explicitAuthFlows) ? cfn.explicitAuthFlows : ['ALLOW_USER_SRP_AUTH', 'ALLOW_CUSTOM_AUTH'];
  cfn.explicitAuthFlows = flows.filter(flow => flow !== 'ALLOW_REFRESH_TOKEN_AUTH');
}
