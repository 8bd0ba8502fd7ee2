import * as cognito from 'aws-cdk-lib/aws-cognito';
import { ResolveContext } from '../context';
import { RULES } from '../rules';

/**
 * The fields of `cognito.UserPoolProps` that this construct owns, with the prop to use instead.
 * Passing one through `userPoolProps` would either fight the construct or be silently ignored,
 * so it is refused. Keyed by the L2's own field names: a misspelt field does not compile.
 */
const OWNED_FIELDS: { readonly [field in keyof cognito.UserPoolProps]?: string } = {
  mfa: 'mfa',
  mfaSecondFactor: 'totp, sms and email',
  mfaMessage: 'sms (SmsMfa.withNewRole({ message }))',
  smsRole: 'sms (SmsMfa.withRole(role, externalId))',
  smsRoleExternalId: 'sms (SmsMfa.withNewRole({ externalId }) or SmsMfa.withRole(role, externalId))',
  snsRegion: 'sms (SmsMfa.withNewRole({ snsRegion }))',
  enableSmsRole: 'sms',
  deviceTracking: 'deviceRemembering',
  featurePlan: 'featurePlan',
  advancedSecurityMode: 'threatProtection',
  standardThreatProtectionMode: 'threatProtection',
  customThreatProtectionMode: 'customAuthThreatProtection',
  passwordPolicy: 'passwordPolicy',
  signInPolicy: 'passkeys and passwordless',
  passkeyRelyingPartyId: 'passkeys (relyingPartyId)',
  passkeyUserVerification: 'passkeys (userVerification)',
  accountRecovery: 'accountRecovery',
  removalPolicy: 'removalPolicy',
  deletionProtection: 'deletionProtection',
};

/** Refuses any owned field passed through `userPoolProps`. */
export function refuseOwnedFields(ctx: ResolveContext, pass: cognito.UserPoolProps): void {
  for (const [field, instead] of Object.entries(OWNED_FIELDS)) {
    const value = (pass as Record<string, unknown>)[field];
    if (value !== undefined) {
      throw ctx.refuse(RULES.ownedField, `userPoolProps.${field}`, 'is owned by MfaUserPool and cannot be passed through', value,
        `Use the MfaUserPool prop ${instead} instead.`);
    }
  }
}
