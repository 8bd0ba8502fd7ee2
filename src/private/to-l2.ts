import * as cognito from 'aws-cdk-lib/aws-cognito';
import { SmsRoleBinding } from './build/sms-role';
import { Decisions } from './resolve';
import { DeviceRemembering } from '../device';
import { MfaEnforcement } from '../mfa';
import { ThreatProtection } from '../threat-protection';
import { offersChoiceBasedSignIn } from './resolve/first-factors';

const MFA: Record<MfaEnforcement, cognito.Mfa> = {
  [MfaEnforcement.OFF]: cognito.Mfa.OFF,
  [MfaEnforcement.OPTIONAL]: cognito.Mfa.OPTIONAL,
  [MfaEnforcement.REQUIRED]: cognito.Mfa.REQUIRED,
};

/** OFF is left out rather than written, as a plain L2 pool leaves it out. */
const STANDARD_THREAT_PROTECTION: Record<ThreatProtection, cognito.StandardThreatProtectionMode | undefined> = {
  [ThreatProtection.OFF]: undefined,
  [ThreatProtection.AUDIT]: cognito.StandardThreatProtectionMode.AUDIT_ONLY,
  [ThreatProtection.ENFORCED]: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
};
const CUSTOM_THREAT_PROTECTION: Record<ThreatProtection, cognito.CustomThreatProtectionMode | undefined> = {
  [ThreatProtection.OFF]: undefined,
  [ThreatProtection.AUDIT]: cognito.CustomThreatProtectionMode.AUDIT_ONLY,
  [ThreatProtection.ENFORCED]: cognito.CustomThreatProtectionMode.FULL_FUNCTION,
};

/** OFF emits no device configuration at all: any, even with both flags false, turns remembering on. */
const DEVICE_TRACKING: Record<DeviceRemembering, cognito.DeviceTracking | undefined> = {
  [DeviceRemembering.OFF]: undefined,
  [DeviceRemembering.ALWAYS]: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false },
  [DeviceRemembering.USER_OPT_IN]: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true },
};

/**
 * The only mapping from decisions to the L2 pool's props: the user's pass-through props, with
 * every field this construct owns decided here. What the L2 cannot express is written on the L1
 * by `applyL1Overrides`.
 */
export function toUserPoolProps(d: Decisions, pass: cognito.UserPoolProps, sms: SmsRoleBinding | undefined): cognito.UserPoolProps {
  const { factors, plan, firstFactors: first } = d;
  const snsPath = sms !== undefined && factors.sms?.eums === undefined;
  return {
    ...pass,
    signInAliases: d.signIn.signInAliases,
    autoVerify: d.signIn.autoVerify,
    keepOriginal: d.signIn.keepOriginal,
    mfa: MFA[factors.mfa],
    // Always explicit while MFA is on: left unset, the L2 would enable SMS. Email is added on
    // the L1 (see applyL1Overrides).
    mfaSecondFactor: factors.mfa === MfaEnforcement.OFF ? undefined : { sms: factors.smsFactor, otp: factors.totp },
    // SmsAuthenticationMessage is the text of SMS MFA and SMS OTP codes: written whenever given.
    mfaMessage: factors.sms?.message,
    // The SNS path only: the direct End User Messaging path is written on the L1.
    smsRole: snsPath ? sms?.role : undefined,
    smsRoleExternalId: snsPath ? sms?.externalId : undefined,
    snsRegion: snsPath ? factors.sms?.snsRegion : undefined,
    // Without an SNS configuration, keep the L2 from creating its own SMS role.
    enableSmsRole: snsPath ? undefined : false,
    // Written only when a first factor besides the password is offered, as a plain L2 pool does.
    signInPolicy: offersChoiceBasedSignIn(first) ? {
      allowedFirstAuthFactors: { password: true, passkey: !!first.passkey, emailOtp: first.emailOtp, smsOtp: first.smsOtp },
    } : undefined,
    passkeyRelyingPartyId: first.passkey?.relyingPartyId,
    passkeyUserVerification: first.passkey?.userVerification,
    deviceTracking: DEVICE_TRACKING[d.deviceRemembering],
    passwordPolicy: d.passwordPolicy,
    accountRecovery: d.accountRecovery,
    featurePlan: plan.featurePlan,
    standardThreatProtectionMode: STANDARD_THREAT_PROTECTION[plan.threatProtection],
    customThreatProtectionMode: CUSTOM_THREAT_PROTECTION[plan.customAuthThreatProtection],
    removalPolicy: d.lifecycle.removalPolicy,
    deletionProtection: d.lifecycle.deletionProtection,
  };
}
