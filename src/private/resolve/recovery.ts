import * as cognito from 'aws-cdk-lib/aws-cognito';
import { FactorDecisions } from './decisions';
import { ResolveContext } from '../context';

const RECOVERY_WITH_PHONE = new Set<cognito.AccountRecovery>([
  cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA,
  cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
  cognito.AccountRecovery.PHONE_ONLY_WITHOUT_MFA,
  // Emits no AccountRecoverySetting: Cognito's legacy behaviour, which uses phone and email.
  cognito.AccountRecovery.PHONE_AND_EMAIL,
]);
const RECOVERY_WITH_EMAIL = new Set<cognito.AccountRecovery>([
  cognito.AccountRecovery.EMAIL_AND_PHONE_WITHOUT_MFA,
  cognito.AccountRecovery.PHONE_WITHOUT_MFA_AND_EMAIL,
  cognito.AccountRecovery.EMAIL_ONLY,
  cognito.AccountRecovery.PHONE_AND_EMAIL,
]);

/**
 * Account recovery: never a mechanism Cognito rejects next to the enabled factors. The default is
 * email (the sign-in attribute, which does not share a SIM with SMS MFA), or admin only when email
 * is a factor.
 */
export function resolveRecovery(ctx: ResolveContext, given: cognito.AccountRecovery | undefined, factors: FactorDecisions): cognito.AccountRecovery {
  if (given === undefined) {
    if (!factors.emailFactor) {
      return cognito.AccountRecovery.EMAIL_ONLY;
    }
    ctx.advise('adminOnlyRecovery', 'With the email MFA factor, email cannot be a recovery mechanism, so account recovery defaults to admin only (AccountRecovery.NONE). Set accountRecovery to choose another valid mechanism.');
    return cognito.AccountRecovery.NONE;
  }
  const name = cognito.AccountRecovery[given] ?? String(given);
  if (factors.smsFactor && RECOVERY_WITH_PHONE.has(given)) {
    // Cognito: "Account Recovery Setting cannot use verified_phone_number as a recovery mechanism
    // when SMS MFA is configured" (reported in aws-cdk #11478).
    throw ctx.refuse('accountRecovery', 'uses the phone number, which Cognito refuses while SMS is an MFA factor', name,
      'Use AccountRecovery.EMAIL_ONLY or NONE, or remove sms.');
  }
  if (factors.emailFactor && RECOVERY_WITH_EMAIL.has(given)) {
    throw ctx.refuse('accountRecovery', 'uses email, which cannot recover an account while email is an MFA factor', name,
      factors.smsFactor ? 'Use AccountRecovery.NONE, or remove email.' : 'Use AccountRecovery.PHONE_ONLY_WITHOUT_MFA (with sms) or NONE, or remove email.');
  }
  if (RECOVERY_WITH_PHONE.has(given) && factors.sms === undefined) {
    throw ctx.refuse('accountRecovery', 'sends recovery codes by SMS, but the pool has no SMS configuration', name,
      'Use AccountRecovery.EMAIL_ONLY, or configure sms.');
  }
  return given;
}
