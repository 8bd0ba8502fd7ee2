import * as cognito from 'aws-cdk-lib/aws-cognito';
import { FactorDecisions, SignInDecisions } from './decisions';
import { ResolveContext } from '../context';
import { RULES } from '../rules';

/** The settings that write verified_phone_number into AccountRecoverySetting. */
const WRITES_PHONE = new Set<cognito.AccountRecovery>([
  cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA,
  cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
  cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA,
]);
/** The settings that recover by email (PHONE_AND_EMAIL writes nothing: Cognito's legacy behaviour uses both). */
const RECOVERS_BY_EMAIL = new Set<cognito.AccountRecovery>([
  cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA,
  cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
  cognito.AccountRecovery.EMAIL_ONLY,
  cognito.AccountRecovery.PHONE_AND_EMAIL,
]);

/**
 * Account recovery. The default is email: users whose MFA is TOTP or SMS recover by email (which
 * does not share a SIM with SMS MFA). Cognito's per-user rules (email MFA disqualifies email
 * recovery for that user, SMS MFA disqualifies SMS recovery) are advice; the one deploy-time
 * rejection measured (phone recovery with SMS MFA when the phone number is the auto-verified
 * username) is refused in that shape only.
 */
export function resolveRecovery(ctx: ResolveContext, given: cognito.AccountRecovery | undefined, factors: FactorDecisions,
  signIn: SignInDecisions): cognito.AccountRecovery {
  const recovery = given === undefined ? cognito.AccountRecovery.EMAIL_ONLY
    : ctx.member('accountRecovery', given, cognito.AccountRecovery as unknown as Record<string, cognito.AccountRecovery>, 'a cognito.AccountRecovery');
  const name = cognito.AccountRecovery[recovery];
  if (factors.smsFactor && WRITES_PHONE.has(recovery)) {
    if (signIn.phoneIsUsername && signIn.phoneVerified) {
      throw ctx.refuse(RULES.phoneRecoveryWithSmsMfaAndPhoneUsername, 'accountRecovery',
        'uses the phone number, which Cognito refuses while SMS is an MFA factor and the auto-verified phone number is the username '
        + '("Account Recovery Setting cannot use verified_phone_number as a recovery mechanism when SMS MFA is configured")', name,
        'Use AccountRecovery.EMAIL_ONLY (the default) or NONE.');
    }
    ctx.advise(RULES.phoneRecoveryWithSmsMfa, `accountRecovery is ${name}: Cognito skips SMS recovery for users whose MFA is SMS (they fall back to ${recovery === cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA ? 'an administrator' : 'email'}), and sends the others their recovery code by SMS, which a SIM swap intercepts. AccountRecovery.EMAIL_ONLY keeps recovery off the phone.`);
  }
  if (factors.smsFactor && recovery === cognito.AccountRecovery.PHONE_AND_EMAIL) {
    ctx.advise(RULES.legacyRecoveryWithSmsMfa, 'accountRecovery is PHONE_AND_EMAIL, which writes no recovery setting: Cognito\'s legacy behaviour then prefers SMS, even for users whose MFA is SMS, so one SIM resets the password and passes MFA. Use AccountRecovery.EMAIL_ONLY or EMAIL_AND_PHONE_WITHOUT_MFA.');
  }
  if (factors.emailFactor && RECOVERS_BY_EMAIL.has(recovery)) {
    ctx.advise(RULES.emailRecoveryWithEmailMfa, `accountRecovery is ${name}${given === undefined ? ' (the default)' : ''}: users whose MFA is email cannot recover their account by email (Cognito disqualifies it for them), `
      + `so they need ${factors.sms ? 'a verified phone number (AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA) or ' : ''}an administrator (AdminResetUserPassword). Users whose MFA is TOTP${factors.smsFactor ? ' or SMS' : ''} recover by email.`);
  }
  if ((WRITES_PHONE.has(recovery) || recovery === cognito.AccountRecovery.PHONE_AND_EMAIL) && factors.sms === undefined) {
    ctx.advise(RULES.phoneRecoveryWithoutSms, `accountRecovery is ${name}, which can send recovery codes by SMS, but the pool has no SMS configuration: no SMS code goes out, and users without a verified email cannot recover. Use AccountRecovery.EMAIL_ONLY, or configure sms.`);
  }
  return recovery;
}
