import { Evidence, EvidenceKind } from './rule';
import { MfaPolicyRule } from '../../governance/mfa-policy-enums';

const GUIDE = 'https://docs.aws.amazon.com/cognito/latest/developerguide/';
const API = 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/';
const documented = (source: string, says: string): Evidence => ({ kind: EvidenceKind.DOCUMENTED, source, says });

/**
 * One check of the app-wide MFA policy (`MfaPolicy`). It is not a refusal: Cognito accepts every
 * configuration it finds. It is the platform team's rule, reported with the reason and the fix,
 * as an error or a warning as the policy says, and acknowledged per pool as `MfaPolicy::<id>`.
 */
export interface PolicyCheck {
  readonly id: MfaPolicyRule;
  /** What a compliant pool has, in one line. */
  readonly statement: string;
  /** What the recommended policy asks. */
  readonly recommended: string;
  /** Why it matters. */
  readonly reason: string;
  /** How to comply, for each way of building a pool. */
  readonly fix: string;
  /** Where the reason comes from. */
  readonly evidence: readonly Evidence[];
}

const check = (id: MfaPolicyRule, statement: string, recommended: string, reason: string, fix: string, ...evidence: Evidence[]): PolicyCheck =>
  ({ id, statement, recommended, reason, fix, evidence });

/** Every check of the policy, keyed by its rule name. docs/RULES.md is generated from it. */
export const POLICY_CHECKS: Readonly<Record<MfaPolicyRule, PolicyCheck>> = {
  [MfaPolicyRule.MINIMUM_MFA]: check(MfaPolicyRule.MINIMUM_MFA, 'The pool\'s MFA enforcement (MfaConfiguration; absent is OFF) is at least the policy\'s minimumMfa.',
    'REQUIRED (ON)',
    'Without a second factor, a leaked or guessed password is a taken account.',
    'MfaUserPool: `mfa: MfaEnforcement.REQUIRED` (its default). L2: `mfa: cognito.Mfa.REQUIRED` with `mfaSecondFactor`. L1: `MfaConfiguration: "ON"` with `EnabledMfas`.',
    documented(`${GUIDE}user-pool-settings-mfa.html`, 'MFA adds a second factor to sign-in; with MFA required, every user must complete it.')),
  [MfaPolicyRule.MFA_FACTORS]: check(MfaPolicyRule.MFA_FACTORS, 'A pool with MFA names at least one factor, and every factor of EnabledMfas is one of the policy\'s allowedMfaFactors (MFA on without EnabledMfas is SMS where the pool has an SMS configuration, no factor otherwise).',
    'TOTP, SMS and email allowed',
    'Some factors are weaker than others, and an organisation may rule some out (SMS for its cost and its weakness, email where mailboxes are shared).',
    'Enable only the allowed factors: MfaUserPool `totp`, `smsMfa`, `email`; L2 `mfaSecondFactor`; L1 `EnabledMfas`.',
    documented(`${API}API_SetUserPoolMfaConfig.html`, 'A pool enables SMS, TOTP (software token) and email one-time passwords as MFA factors.'),
    documented(`${API}API_UserPoolType.html`, 'MfaConfiguration ON or OPTIONAL with the SMS configuration of the pool is Cognito\'s original SMS MFA; EnabledMfas names the factors beside it.')),
  [MfaPolicyRule.SMS_ONLY_MFA]: check(MfaPolicyRule.SMS_ONLY_MFA, 'A pool with MFA has a second factor other than SMS for password sign-ins (TOTP or email); passkeys that count as MFA satisfy it for passkey sign-ins only.',
    'SMS-only MFA not allowed',
    'NIST SP 800-63B treats the public telephone network as a restricted authenticator: numbers can be ported, SIMs swapped and messages intercepted; SMS also costs per message and invites SMS pumping.',
    'Add TOTP: MfaUserPool `totp: true` (its default); L2 `mfaSecondFactor: { sms: true, otp: true }`; L1 `EnabledMfas: ["SMS_MFA", "SOFTWARE_TOKEN_MFA"]`. Or set `allowSmsOnlyMfa: true` in the policy.',
    documented('https://pages.nist.gov/800-63-3/sp800-63b.html#pstnOOB', 'Section 5.1.3.3: out-of-band authentication using the PSTN (SMS or voice) is RESTRICTED.'),
    documented(`${API}API_WebAuthnConfigurationType.html`, 'FactorConfiguration MULTI_FACTOR_WITH_USER_VERIFICATION: "passkey authentication with user verification satisfies MFA requirements": a passkey sign-in, not a second factor after a password.')),
  [MfaPolicyRule.PASSKEY_USER_VERIFICATION]: check(MfaPolicyRule.PASSKEY_USER_VERIFICATION, 'A pool that offers passkeys (WEB_AUTHN first factor) requires user verification (WebAuthnUserVerification: required).',
    'required',
    'Without user verification, a passkey proves possession of the device only: whoever holds an unlocked phone or a security key signs in, and such a sign-in does not satisfy MFA.',
    'MfaUserPool: `passkeys: { userVerification: cognito.PasskeyUserVerification.REQUIRED }` (its default). L2: `passkeyUserVerification: cognito.PasskeyUserVerification.REQUIRED`. L1: `WebAuthnUserVerification: "required"`.',
    documented(`${API}API_WebAuthnConfigurationType.html`, 'UserVerification: "When required, users can only register and sign in users with passkeys that are capable of user verification. When preferred, your user pool doesn\'t require the use of authenticators with user verification but encourages it."'),
    documented(`${API}API_WebAuthnConfigurationType.html`, 'FactorConfiguration: "passkey authentication with user verification satisfies MFA requirements".')),
  [MfaPolicyRule.SMS_ROLE_TRUST]: check(MfaPolicyRule.SMS_ROLE_TRUST, 'Every SMS role of the pool (SnsCallerArn, EumsSms.CallerArn, its Regional configurations) lets Cognito assume it only with the pool\'s external ID (sts:ExternalId) and a source condition that names an account (aws:SourceAccount or aws:SourceArn), read as IAM reads it; a role that is not in the app is unchecked.',
    'external ID and source conditions required',
    'A role that trusts cognito-idp.amazonaws.com without conditions can be used by any user pool of any account that learns its ARN, to send SMS billed to this account (the confused deputy).',
    'MfaUserPool: `SmsMfa.withNewRole()` writes both. L2: pass `smsRole` with `smsRoleExternalId` and a trust policy with `StringEquals` on `sts:ExternalId` and `aws:SourceAccount`. A role outside the app: define it in the app, or acknowledge the unchecked finding.',
    documented(`${GUIDE}user-pool-sms-settings.html`, 'The SMS role\'s trust policy names cognito-idp.amazonaws.com and requires the external ID that the pool presents.'),
    documented('https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html', 'The cross-service confused deputy problem: use the aws:SourceArn and aws:SourceAccount global condition keys in resource and trust policies.'),
    documented('https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html', 'Negated operators match when the key is absent; "...IfExists" operators match when it is absent; ForAllValues matches an empty set; condition key names are case-insensitive.')),
  [MfaPolicyRule.SMS_ABUSE_PROTECTION]: check(MfaPolicyRule.SMS_ABUSE_PROTECTION, 'A pool that can send SMS codes (any SMS configuration) and lets anyone sign up is associated with a web ACL of the app that has a rate-based rule that blocks (a web ACL outside the app is unchecked).',
    'required',
    'Self sign-up with SMS verification or SMS MFA lets anyone make the pool send texts to numbers they choose (SMS pumping, toll fraud), billed to this account; a web ACL rate-limits and filters those requests before Cognito sends anything.',
    'MfaUserPool: `abuseProtection: {}`. Other pools: a `wafv2.CfnWebACLAssociation` with the pool\'s ARN. Or turn self sign-up off (AllowAdminCreateUserOnly).',
    documented(`${GUIDE}user-pool-waf.html`, 'A regional AWS WAF web ACL can be associated with a user pool; it inspects the public API operations and managed login, and WAF-blocked requests do not reach Cognito.'),
    documented('https://docs.aws.amazon.com/sms-voice/latest/userguide/protect-configuration.html', 'AWS End User Messaging describes artificially inflated traffic (SMS pumping) and its protections.'),
    documented(`${API}API_GetUserAttributeVerificationCode.html`, 'A signed-in user can ask for a code to verify an attribute such as phone_number: a pool with an SMS configuration can send SMS whatever its MFA.'),
    documented('https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html', 'Only a rate-based rule limits how often one caller sends requests; a web ACL without one, or whose rate rule only counts, limits nobody.')),
  [MfaPolicyRule.SECONDARY_FACTOR]: check(MfaPolicyRule.SECONDARY_FACTOR, 'A pool with MFA and a replica in the app (AWS::Cognito::UserPoolReplica) offers a factor its secondary serves: passkeys that count as MFA, or SMS or email codes that the replica\'s Regional configuration can send (an SMS configuration; SES email); without a Regional configuration in the app, SMS and email are unchecked.',
    'required',
    'Secondary replicas do not support TOTP: while the secondary Region serves, a user whose only factor is an authenticator app cannot sign in, and a pool whose only factor is TOTP lets no one with MFA in.',
    'MfaUserPool: `sms: SmsMfa.withNewRole()`, `email: {}` or `passkeys: { countsAsMfa: true }` next to TOTP. L2: `mfaSecondFactor: { sms: true }` or `{ email: true }`. L1: `EnabledMfas` with SMS_MFA or EMAIL_OTP.',
    documented(`${GUIDE}user-pool-multi-region.html`, '"TOTP MFA is not supported in secondary replicas. Users with TOTP MFA configured must authenticate when the user pool in the primary Region is servicing requests."')),
  [MfaPolicyRule.THREAT_PROTECTION]: check(MfaPolicyRule.THREAT_PROTECTION, 'The pool\'s threat protection (UserPoolAddOns.AdvancedSecurityMode; absent is OFF) is at least the policy\'s minimumThreatProtection.',
    'not checked (OFF)',
    'Threat protection scores sign-ins for risk and detects compromised credentials; ENFORCED acts on them (block or require MFA).',
    'MfaUserPool: `threatProtection: ThreatProtection.ENFORCED`. L2: `featurePlan: cognito.FeaturePlan.PLUS` with `standardThreatProtectionMode`. L1: `UserPoolAddOns.AdvancedSecurityMode`.',
    documented(`${GUIDE}cognito-user-pool-settings-threat-protection.html`, 'Threat protection (Plus plan) in audit mode records risk; in full-function mode it takes the configured actions.')),
  [MfaPolicyRule.FEATURE_PLAN]: check(MfaPolicyRule.FEATURE_PLAN, 'The pool states a feature plan (UserPoolTier) of at least the policy\'s minimumFeaturePlan.',
    'ESSENTIALS',
    'The plan decides which protections exist at all (passkeys and email MFA need Essentials, threat protection needs Plus); a pool that states no plan keeps whatever plan it has, which may be Lite.',
    'MfaUserPool writes the plan always. L2: `featurePlan`. L1: `UserPoolTier`.',
    documented(`${API}API_CreateUserPool.html`, 'UserPoolTier: the feature plan of the pool (LITE, ESSENTIALS, PLUS); new pools default to Essentials.'),
    documented(`${GUIDE}cognito-sign-in-feature-plans.html`, 'The Lite, Essentials and Plus plans and the features each includes.')),
  [MfaPolicyRule.DEVICE_REMEMBERING]: check(MfaPolicyRule.DEVICE_REMEMBERING, 'Remembered devices stand in for MFA (ChallengeRequiredOnNewDevice true) no more than the policy\'s maximumDeviceRemembering (OFF < USER_OPT_IN < ALWAYS).',
    'USER_OPT_IN',
    'A remembered device can skip the MFA prompt, so remembering every device automatically turns MFA into a one-time check per device.',
    'MfaUserPool: `deviceRemembering: DeviceRemembering.USER_OPT_IN` (its default). L2: `deviceTracking: { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true }`. L1: `DeviceConfiguration.DeviceOnlyRememberedOnUserPrompt: true`.',
    documented(`${GUIDE}amazon-cognito-user-pools-device-tracking.html`, 'Remembered devices can be used to suppress the MFA challenge at sign-in; "Always" remembers every device, "User Opt-In" only those the user chooses.'),
    documented(`${API}API_DeviceConfigurationType.html`, 'ChallengeRequiredOnNewDevice: "When true, a remembered device can sign in with device authentication instead of SMS and TOTP factors for multi-factor authentication (MFA)."')),
  [MfaPolicyRule.DELETION_PROTECTION]: check(MfaPolicyRule.DELETION_PROTECTION, 'The pool has Cognito\'s deletion protection on (DeletionProtection: ACTIVE; absent is INACTIVE).',
    'required',
    'Deleting a user pool deletes its users and their credentials for good; deletion protection makes Cognito refuse it until the protection is turned off.',
    'MfaUserPool: `deletionProtection: true` (its default). L2: `deletionProtection: true`. L1: `DeletionProtection: "ACTIVE"`.',
    documented(`${GUIDE}user-pool-settings-deletion-protection.html`, 'With deletion protection active, Cognito refuses to delete the pool.')),
};
