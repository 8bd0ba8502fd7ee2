import * as cognito from 'aws-cdk-lib/aws-cognito';
import { MfaEnforcement } from '../../mfa';
import { ResolveContext } from '../context';

/**
 * Passwordless first factors (`userPoolProps.signInPolicy`): password sign-in stays allowed,
 * they need ESSENTIALS or PLUS, they are refused with REQUIRED MFA (no user could use them) and
 * warned about with OPTIONAL MFA (those sign-ins skip MFA).
 */
export function checkFirstFactors(ctx: ResolveContext, pass: cognito.UserPoolProps, mfa: MfaEnforcement, featurePlan: cognito.FeaturePlan): void {
  const firstFactors = pass.signInPolicy?.allowedFirstAuthFactors;
  if (!firstFactors) {
    return;
  }
  if (!firstFactors.password) {
    throw ctx.refuse('userPoolProps.signInPolicy.allowedFirstAuthFactors.password', 'must be true: Cognito cannot turn password sign-in off',
      firstFactors.password, 'Set password: true.');
  }
  if (!(firstFactors.emailOtp || firstFactors.smsOtp || firstFactors.passkey)) {
    return;
  }
  if (featurePlan === cognito.FeaturePlan.LITE) {
    throw ctx.refuse('featurePlan', 'must be ESSENTIALS or PLUS for passwordless first factors (userPoolProps.signInPolicy)', featurePlan,
      'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or allow only password sign-in.');
  }
  if (mfa === MfaEnforcement.REQUIRED) {
    throw ctx.refuse('userPoolProps.signInPolicy.allowedFirstAuthFactors',
      'allows passwordless sign-in, which Cognito does not combine with MFA: with mfa REQUIRED no user could use it',
      firstFactors,
      'Allow only password as the first factor, or set mfa to MfaEnforcement.OPTIONAL (users with MFA then sign in with a password) or OFF.');
  }
  if (mfa === MfaEnforcement.OPTIONAL) {
    ctx.advise('mfaWithPasswordless', 'Passwordless first factors are allowed while MFA is OPTIONAL: users who turn MFA on cannot sign in without a password, and passwordless sign-ins skip MFA. See https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html');
  }
}
