import { SignInDecisions, FactorDecisions } from './decisions';
import { MfaEnforcement } from '../../mfa';
import type { MfaUserPoolProps } from '../../mfa-user-pool-props';
import { ResolveContext } from '../context';
import { RULES } from '../rules';
import { SmsSpec } from '../sms-spec';

/**
 * The MFA mode and its factors. A mode other than OFF needs a factor; a factor given while MFA
 * is OFF is refused rather than ignored; phone verification needs an SMS configuration. An SMS
 * configuration is kept while MFA is OFF (phone verification, SMS OTP sign-in and SMS invitations
 * use it), and is an MFA factor whenever MFA is on: Cognito refuses SMS_MFA off next to it.
 */
export function resolveFactors(ctx: ResolveContext, props: MfaUserPoolProps, signIn: SignInDecisions): FactorDecisions {
  const mfa = ctx.member('mfa', props.mfa ?? MfaEnforcement.REQUIRED, MfaEnforcement, 'an MfaEnforcement');
  const sms = props.sms?._spec;
  const email = props.email;
  if (mfa === MfaEnforcement.OFF) {
    refuseFactorsWhileOff(ctx, props);
  }
  const totp = mfa !== MfaEnforcement.OFF && (props.totp ?? true);
  const smsFactor = resolveSmsFactor(ctx, props.smsMfa, mfa, sms);
  if (mfa !== MfaEnforcement.OFF && !totp && !smsFactor && email === undefined) {
    throw ctx.refuse(RULES.mfaWithoutFactor, 'mfa', `is ${mfa} but no factor is enabled`, { mfa, totp: props.totp },
      'Enable at least one factor: totp: true (recommended), sms: SmsMfa.withNewRole(), or email: {}'
      + `${props.passkeys ? ' (passkeys that count as MFA need one too, so that a lost device does not lock users out)' : ''}. Or set mfa to MfaEnforcement.OFF.`);
  }
  if (signIn.phoneVerified && sms === undefined) {
    throw ctx.refuse(RULES.phoneNeedsSms, 'userPoolProps.autoVerify',
      'verifies phone numbers (the default with phone sign-in), which needs an SMS configuration to send the codes',
      { signInAliases: props.userPoolProps?.signInAliases, autoVerify: props.userPoolProps?.autoVerify },
      'Set sms: SmsMfa.withNewRole() (or SmsMfa.withRole(...)), or set userPoolProps.autoVerify: { phone: false }.');
  }
  const emailFactor = mfa !== MfaEnforcement.OFF && email !== undefined;
  if (emailFactor && !totp && !smsFactor) {
    ctx.advise(RULES.emailOnlyMfa, 'Email is the only MFA factor. Creating a pool with email-only MFA through CloudFormation has been measured to fail '
      + '("SMS configuration and Auto verification for phone_number are required when MFA is required/optional", aws-cdk #32615), while updating '
      + 'an existing pool to it works. For a new pool, enable totp too (or create it with mfa OFF first). An inbox is also a weaker second factor than an authenticator app.');
  }
  return { mfa, totp, smsFactor, emailFactor, sms, email: emailFactor ? email : undefined };
}

/** SMS is an MFA factor exactly when MFA is on and the pool has an SMS configuration. */
function resolveSmsFactor(ctx: ResolveContext, given: boolean | undefined, mfa: MfaEnforcement, sms: SmsSpec | undefined): boolean {
  if (given === true && sms === undefined) {
    throw ctx.refuse(RULES.smsMfaWithoutSms, 'smsMfa', 'needs sms, the configuration Cognito sends the codes with', true,
      'Set sms: SmsMfa.withNewRole() (or another SmsMfa), or remove smsMfa.');
  }
  if (mfa === MfaEnforcement.OFF) {
    return false;
  }
  if (given === false && sms !== undefined) {
    throw ctx.refuse(RULES.smsMfaFollowsSmsConfiguration, 'smsMfa',
      `cannot be false while mfa is ${mfa} and the pool has an SMS configuration: Cognito refuses "Can't turn off SMS_MFA when SMS configuration is set for the user pool"`,
      false, 'Remove smsMfa (SMS is then an MFA factor next to TOTP), or remove sms and the phone verification and SMS OTP sign-in that need it, or set mfa to MfaEnforcement.OFF.');
  }
  return sms !== undefined;
}

/** With MFA OFF, refuses every factor that would be ignored. */
function refuseFactorsWhileOff(ctx: ResolveContext, props: MfaUserPoolProps): void {
  const fix = 'set mfa to MfaEnforcement.OPTIONAL or REQUIRED.';
  if (props.totp === true) {
    throw ctx.refuse(RULES.factorWhileMfaOff, 'totp', 'would be ignored because mfa is OFF', props.totp, `Remove totp, or ${fix}`);
  }
  if (props.email !== undefined) {
    throw ctx.refuse(RULES.factorWhileMfaOff, 'email', 'would be ignored because mfa is OFF', props.email, `Remove email, or ${fix}`);
  }
  if (props.smsMfa === true) {
    throw ctx.refuse(RULES.factorWhileMfaOff, 'smsMfa', 'would be ignored because mfa is OFF (the SMS configuration stays, for verification and sign-in codes)',
      props.smsMfa, `Remove smsMfa, or ${fix}`);
  }
}
