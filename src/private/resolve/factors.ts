import { SignInDecisions, FactorDecisions } from './decisions';
import { MfaEnforcement } from '../../mfa';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ResolveContext } from '../context';
import { SmsSpec } from '../sms-spec';

/**
 * The MFA mode and its factors. A mode other than OFF needs a factor; a factor given while MFA
 * is OFF is refused rather than ignored (SMS stays allowed when phone sign-in or verification
 * needs it); phone sign-in and verification need an SMS configuration.
 */
export function resolveFactors(ctx: ResolveContext, props: MfaUserPoolProps, signIn: SignInDecisions): FactorDecisions {
  const mfa = ctx.member('mfa', props.mfa ?? MfaEnforcement.REQUIRED, MfaEnforcement, 'an MfaEnforcement');
  const sms = props.sms?._spec;
  const email = props.email;
  const totp = mfa === MfaEnforcement.OFF ? refuseFactorsWhileOff(ctx, props, signIn) : props.totp ?? true;
  if (mfa !== MfaEnforcement.OFF && !totp && sms === undefined && email === undefined) {
    // Passkeys that count as MFA need another factor too: Cognito requires one against lockout.
    throw ctx.refuse('mfa', `is ${mfa} but no factor is enabled`, { mfa, totp: props.totp },
      'Enable at least one factor: totp: true (recommended), sms: SmsMfa.withNewRole(), or email: {}'
      + `${props.passkeys ? ' (passkeys that count as MFA need one too, so that a lost device does not lock users out)' : ''}. Or set mfa to MfaEnforcement.OFF.`);
  }
  if (signIn.phoneInUse && sms === undefined) {
    throw ctx.refuse('userPoolProps.signInAliases / userPoolProps.autoVerify',
      'use the phone number, which needs an SMS configuration to send verification codes',
      { signInAliases: props.userPoolProps?.signInAliases, autoVerify: props.userPoolProps?.autoVerify },
      'Set sms: SmsMfa.withNewRole() (or SmsMfa.withRole(...)), or stop using phone sign-in and phone verification.');
  }
  const smsFactor = mfa !== MfaEnforcement.OFF && sms !== undefined;
  const emailFactor = mfa !== MfaEnforcement.OFF && email !== undefined;
  if (emailFactor && !totp && !smsFactor) {
    ctx.advise('emailOnlyMfa', 'Email is the only MFA factor. Creating a pool with email-only MFA has been reported to fail (aws-cdk #32615); enable totp too if the deployment fails. An inbox is also a weaker second factor than an authenticator app.');
  }
  return { mfa, totp, smsFactor, emailFactor, sms, email: emailFactor ? email : undefined };
}

/** With MFA OFF, refuses every factor that would be ignored; returns the TOTP decision (off). */
function refuseFactorsWhileOff(ctx: ResolveContext, props: MfaUserPoolProps, signIn: SignInDecisions): boolean {
  const fix = 'set mfa to MfaEnforcement.OPTIONAL or REQUIRED.';
  if (props.totp === true) {
    throw ctx.refuse('totp', 'would be ignored because mfa is OFF', props.totp, `Remove totp, or ${fix}`);
  }
  if (props.email !== undefined) {
    throw ctx.refuse('email', 'would be ignored because mfa is OFF', props.email, `Remove email, or ${fix}`);
  }
  const sms = props.sms?._spec;
  if (sms !== undefined && !signIn.phoneInUse) {
    throw ctx.refuse('sms', 'would be ignored because mfa is OFF and no phone sign-in or phone verification needs SMS',
      describeSms(sms), `Remove sms, or ${fix}`);
  }
  return false;
}

/** The SMS configuration as an error message shows it. */
function describeSms(sms: SmsSpec): Record<string, unknown> {
  return {
    path: sms.eums ? 'End User Messaging' : 'Amazon SNS',
    role: sms.role ? 'brought role' : 'new role',
    externalId: sms.externalId,
    message: sms.message,
    snsRegion: sms.snsRegion,
  };
}
