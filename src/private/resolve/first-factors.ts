import * as cognito from 'aws-cdk-lib/aws-cognito';
import { FactorDecisions, FirstFactorDecisions, PasskeyDecisions } from './decisions';
import { MfaEnforcement } from '../../mfa';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { PasskeyOptions } from '../../passkeys';
import { ResolveContext } from '../context';
import { isLiteral } from '../errors';
import { RULES } from '../rules';

/** A bare domain name: dot-separated labels of letters, digits and inner hyphens. */
const DOMAIN_NAME = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*$/;
/** CloudFormation's `AWS::Cognito::UserPool` schema limits `WebAuthnRelyingPartyID` to 63 characters (the API allows 127; the template is what deploys). */
const MAX_RELYING_PARTY_ID = 63;

const SKIPS_MFA = 'Passwordless first factors are allowed while MFA is OPTIONAL: passwordless sign-ins skip MFA, and users who turn MFA on sign in with a password (or a passkey that counts as MFA). See https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html';

/**
 * First factors besides the password (which Cognito keeps allowed): passkeys and passwordless
 * one-time passwords. Cognito's rules, from `SetUserPoolMfaConfig` and `UpdateUserPool`:
 * "Only PASSWORD and WEB_AUTHN (if configured) can be enabled as an auth factor if MFA is
 * enabled" (OTP first factors refused with MFA ON), and a WEB_AUTHN first factor with MFA ON
 * needs `MULTI_FACTOR_WITH_USER_VERIFICATION` ("Cannot set WebAuthn factor configuration to
 * SINGLE_FACTOR if MFA is required", with no WebAuthn setting, with user verification preferred
 * and with required alike; OPTIONAL with SINGLE_FACTOR is accepted). Both error texts were measured
 * on real AWS (go-to-k/cdkd #1975 and #2064; hashicorp/terraform-provider-aws #50110). First
 * factors besides the password need ESSENTIALS or PLUS, and passkey MFA needs another MFA factor
 * (WebAuthnMfaSettingsType: "at least one other MFA method ... to prevent account lockout"):
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_SignInPolicyType.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
 * https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnMfaSettingsType.html
 */
export function resolveFirstFactors(
  ctx: ResolveContext, props: MfaUserPoolProps, factors: FactorDecisions, featurePlan: cognito.FeaturePlan,
): FirstFactorDecisions {
  const passkey = props.passkeys && resolvePasskey(ctx, props.passkeys, factors.mfa);
  const emailOtp = props.passwordless?.emailOtp === true;
  const smsOtp = props.passwordless?.smsOtp === true;
  if ((passkey || emailOtp || smsOtp) && featurePlan === cognito.FeaturePlan.LITE) {
    throw ctx.refuse(RULES.firstFactorsNeedEssentials, 'featurePlan', 'must be ESSENTIALS or PLUS for passkeys and passwordless first factors', featurePlan,
      'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or remove passkeys and passwordless.');
  }
  const otp = emailOtp ? 'passwordless.emailOtp' : smsOtp ? 'passwordless.smsOtp' : undefined;
  if (otp && factors.mfa === MfaEnforcement.REQUIRED) {
    throw ctx.refuse(RULES.otpFirstFactorWithRequiredMfa, otp, 'is a passwordless first factor, which Cognito refuses while mfa is REQUIRED (those sign-ins would skip MFA)', true,
      'Remove it and offer passkeys (passkeys: { relyingPartyId }), which count as MFA, or set mfa to MfaEnforcement.OPTIONAL.');
  }
  if (smsOtp && factors.sms === undefined) {
    throw ctx.refuse(RULES.smsOtpNeedsSms, 'passwordless.smsOtp', 'needs an SMS configuration to send the codes', true,
      'Set sms: SmsMfa.withNewRole() (or SmsMfa.withRole(...)), or remove passwordless.smsOtp.');
  }
  const skipsMfa = otp !== undefined || (passkey !== undefined && !passkey.countsAsMfa);
  if (skipsMfa && factors.mfa === MfaEnforcement.OPTIONAL) {
    ctx.advise(RULES.mfaWithPasswordless, SKIPS_MFA);
  }
  return { passkey, emailOtp, smsOtp };
}

/** Whether the pool offers first factors that need choice-based sign-in (`ALLOW_USER_AUTH`). */
export function offersChoiceBasedSignIn(firstFactors: FirstFactorDecisions): boolean {
  return firstFactors.passkey !== undefined || firstFactors.emailOtp || firstFactors.smsOtp;
}

function resolvePasskey(ctx: ResolveContext, options: PasskeyOptions, mfa: MfaEnforcement): PasskeyDecisions {
  const relyingPartyId = options.relyingPartyId;
  if (isLiteral(relyingPartyId)) {
    if (relyingPartyId.length < 1 || relyingPartyId.length > MAX_RELYING_PARTY_ID) {
      throw ctx.refuse(RULES.relyingPartyIdForm, 'passkeys.relyingPartyId', `must be 1 to ${MAX_RELYING_PARTY_ID} characters, not ${relyingPartyId.length}`, relyingPartyId,
        'Use the domain users sign in on, for example "auth.example.com".');
    }
    if (!DOMAIN_NAME.test(relyingPartyId)) {
      ctx.advise(RULES.relyingPartyIdNotDomain, `passkeys.relyingPartyId ${JSON.stringify(relyingPartyId)} is not a bare domain name: WebAuthn needs the domain users sign in on, with no scheme, path or port (for example "auth.example.com"). Cognito accepts the value, and passkey registration fails.`);
    }
  }
  const userVerification = ctx.member('passkeys.userVerification', options.userVerification ?? cognito.PasskeyUserVerification.REQUIRED,
    cognito.PasskeyUserVerification, 'a cognito.PasskeyUserVerification');
  const countsAsMfa = options.countsAsMfa ?? mfa !== MfaEnforcement.OFF;
  if (countsAsMfa && mfa === MfaEnforcement.OFF) {
    throw ctx.refuse(RULES.factorWhileMfaOff, 'passkeys.countsAsMfa', 'would be ignored because mfa is OFF', true,
      'Remove countsAsMfa, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.');
  }
  if (!countsAsMfa && mfa === MfaEnforcement.REQUIRED) {
    throw ctx.refuse(RULES.singleFactorPasskeyWithRequiredMfa, 'passkeys.countsAsMfa', 'must be true while mfa is REQUIRED: Cognito refuses single-factor passkeys there', false,
      'Remove countsAsMfa (it defaults to true), or set mfa to MfaEnforcement.OPTIONAL.');
  }
  if (countsAsMfa && userVerification !== cognito.PasskeyUserVerification.REQUIRED) {
    ctx.advise(RULES.passkeyWithoutUserVerification, `passkeys.userVerification is ${userVerification}: a passkey sign-in satisfies MFA only with user verification, so users whose authenticator does not verify them are asked for another factor. Use cognito.PasskeyUserVerification.REQUIRED to make every passkey sign-in count as MFA.`);
  }
  return { relyingPartyId, userVerification, countsAsMfa };
}
