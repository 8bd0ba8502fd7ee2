import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { isLiteral, refuse } from './errors';
import { acceptedSnsRegions, REGION_PATTERN } from './sns-regions';
import { DeviceRemembering } from '../device';
import { EmailMfaOptions } from '../email';
import { MfaEnforcement } from '../mfa';
import type { MfaUserPoolProps } from '../mfa-user-pool';
import { SmsMfa } from '../sms';
import { ThreatProtection } from '../threat-protection';

/** An advisory: a warning with a stable id that a user can acknowledge. */
export interface Advisory {
  readonly id: string;
  readonly message: string;
}

/** Everything the construct decides from its props, before it builds anything. */
export interface ResolvedSettings {
  readonly mfa: MfaEnforcement;
  readonly totp: boolean;
  readonly sms?: SmsMfa;
  /** The SMS factor is enabled (not only the SMS configuration for phone verification). */
  readonly smsFactor: boolean;
  readonly email?: EmailMfaOptions;
  /** `EnabledMfas`, in the order the L2 emits them; undefined when MFA is OFF. */
  readonly enabledMfas?: string[];
  readonly deviceTracking?: cognito.DeviceTracking;
  readonly passwordPolicy: cognito.PasswordPolicy;
  readonly accountRecovery: cognito.AccountRecovery;
  readonly featurePlan: cognito.FeaturePlan;
  readonly standardThreatProtectionMode?: cognito.StandardThreatProtectionMode;
  readonly customThreatProtectionMode?: cognito.CustomThreatProtectionMode;
  readonly removalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
  readonly signInAliases: cognito.SignInAliases;
  readonly autoVerify?: cognito.AutoVerifiedAttrs;
  readonly keepOriginal?: cognito.KeepOriginalAttrs;
  readonly advisories: Advisory[];
}

/** Stable ids of this library's warnings. */
export const WARNING_IDS = {
  weakPasswordPolicy: 'cdk-mfa-user-pool:weakPasswordPolicy',
  mfaWithPasswordless: 'cdk-mfa-user-pool:mfaWithPasswordless',
  emailOnlyMfa: 'cdk-mfa-user-pool:emailOnlyMfa',
  adminOnlyRecovery: 'cdk-mfa-user-pool:adminOnlyRecovery',
  snsRegionUnchecked: 'cdk-mfa-user-pool:snsRegionUnchecked',
  dataLossRisk: 'cdk-mfa-user-pool:dataLossRisk',
  userExistenceErrors: 'cdk-mfa-user-pool:userExistenceErrors',
} as const;

/**
 * The fields of `cognito.UserPoolProps` that this construct owns, with the prop to use instead.
 * Passing one through `userPoolProps` would either fight the construct or be silently ignored,
 * so it is refused.
 */
const OWNED_FIELDS: Record<string, string> = {
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
  accountRecovery: 'accountRecovery',
  removalPolicy: 'removalPolicy',
  deletionProtection: 'deletionProtection',
};

/** The password policy a pool gets when the user passes none (and the bar for the warning). */
export const STRONG_PASSWORD_POLICY = {
  minLength: 12,
  requireLowercase: true,
  requireUppercase: true,
  requireDigits: true,
  requireSymbols: true,
} as const;

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

const EXTERNAL_ID_PATTERN = /^[\w+=,.@:/-]{2,1224}$/;
const CODE_PLACEHOLDER = '{####}';

/**
 * Decides every setting from the props, or throws the `MfaConfigurationError` for the first
 * mistake Cognito or CloudFormation would otherwise reject at deploy time. Pure: no construct is
 * created here.
 *
 * @param path the construct path, for error messages
 * @param props the construct's props
 * @param region the stack's Region, or undefined when it is a token (environment-agnostic stack)
 */
export function resolveSettings(path: string, props: MfaUserPoolProps, region: string | undefined): ResolvedSettings {
  const advisories: Advisory[] = [];
  const pass = props.userPoolProps ?? {};

  for (const [field, instead] of Object.entries(OWNED_FIELDS)) {
    if ((pass as Record<string, unknown>)[field] !== undefined) {
      throw refuse(path, `userPoolProps.${field}`, 'is owned by MfaUserPool and cannot be passed through',
        (pass as Record<string, unknown>)[field], `Use the MfaUserPool prop ${instead} instead.`);
    }
  }

  // Sign-in and verification: the article's setup (email sign-in, email auto-verified) by default.
  const signInAliases = pass.signInAliases ?? { email: true };
  const effectiveAutoVerify = pass.autoVerify ?? { email: !!signInAliases.email, phone: !!signInAliases.phone };
  const phoneInUse = !!signInAliases.phone || !!effectiveAutoVerify.phone;
  const keepOriginal = pass.keepOriginal ?? (effectiveAutoVerify.email || effectiveAutoVerify.phone
    ? { email: effectiveAutoVerify.email || undefined, phone: effectiveAutoVerify.phone || undefined }
    : undefined);

  // MFA mode and factors.
  const mfa = props.mfa ?? MfaEnforcement.REQUIRED;
  if (!Object.values(MfaEnforcement).includes(mfa)) {
    throw refuse(path, 'mfa', 'is not an MfaEnforcement', mfa, 'Use MfaEnforcement.OFF, OPTIONAL or REQUIRED.');
  }
  const sms = props.sms;
  const email = props.email;
  let totp: boolean;
  if (mfa === MfaEnforcement.OFF) {
    if (props.totp === true) {
      throw refuse(path, 'totp', 'would be ignored because mfa is OFF', props.totp,
        'Remove totp, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.');
    }
    if (email !== undefined) {
      throw refuse(path, 'email', 'would be ignored because mfa is OFF', email,
        'Remove email, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.');
    }
    if (sms !== undefined && !phoneInUse) {
      throw refuse(path, 'sms', 'would be ignored because mfa is OFF and no phone sign-in or phone verification needs SMS', describeSms(sms),
        'Remove sms, or set mfa to MfaEnforcement.OPTIONAL or REQUIRED.');
    }
    totp = false;
  } else {
    totp = props.totp ?? true;
    if (!totp && sms === undefined && email === undefined) {
      throw refuse(path, 'mfa', `is ${mfa} but no factor is enabled`, { mfa, totp: props.totp },
        'Enable at least one factor: totp: true (recommended), sms: SmsMfa.withNewRole(), or email: {}. Or set mfa to MfaEnforcement.OFF.');
    }
  }
  const smsFactor = mfa !== MfaEnforcement.OFF && sms !== undefined;
  const emailFactor = mfa !== MfaEnforcement.OFF && email !== undefined;

  if (phoneInUse && sms === undefined) {
    throw refuse(path, 'userPoolProps.signInAliases / userPoolProps.autoVerify',
      'use the phone number, which needs an SMS configuration to send verification codes',
      { signInAliases: pass.signInAliases, autoVerify: pass.autoVerify },
      'Set sms: SmsMfa.withNewRole() (or SmsMfa.withRole(...)), or stop using phone sign-in and phone verification.');
  }

  if (sms) {
    validateSms(path, sms, region, advisories);
  }
  if (email) {
    validateEmail(path, email);
  }

  // Feature plan and threat protection.
  const threatProtection = props.threatProtection ?? ThreatProtection.OFF;
  const customAuthThreatProtection = props.customAuthThreatProtection ?? ThreatProtection.OFF;
  for (const [prop, value] of [['threatProtection', threatProtection], ['customAuthThreatProtection', customAuthThreatProtection]] as const) {
    if (!Object.values(ThreatProtection).includes(value)) {
      throw refuse(path, prop, 'is not a ThreatProtection', value, 'Use ThreatProtection.OFF, AUDIT or ENFORCED.');
    }
  }
  const wantsPlus = threatProtection !== ThreatProtection.OFF || customAuthThreatProtection !== ThreatProtection.OFF;
  const featurePlan = props.featurePlan ?? (wantsPlus ? cognito.FeaturePlan.PLUS : cognito.FeaturePlan.ESSENTIALS);
  if (wantsPlus && featurePlan !== cognito.FeaturePlan.PLUS) {
    throw refuse(path, 'featurePlan', 'must be PLUS for threat protection', featurePlan,
      'Set featurePlan: cognito.FeaturePlan.PLUS (or leave it unset), or set threatProtection and customAuthThreatProtection to ThreatProtection.OFF.');
  }
  if (emailFactor && featurePlan === cognito.FeaturePlan.LITE) {
    throw refuse(path, 'featurePlan', 'must be ESSENTIALS or PLUS for the email MFA factor', featurePlan,
      'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or remove email.');
  }

  // Passwordless first factors and MFA do not mix.
  const firstFactors = pass.signInPolicy?.allowedFirstAuthFactors;
  if (firstFactors && !firstFactors.password) {
    throw refuse(path, 'userPoolProps.signInPolicy.allowedFirstAuthFactors.password', 'must be true: Cognito cannot turn password sign-in off',
      firstFactors.password, 'Set password: true.');
  }
  const passwordless = !!(firstFactors && (firstFactors.emailOtp || firstFactors.smsOtp || firstFactors.passkey));
  if (passwordless && featurePlan === cognito.FeaturePlan.LITE) {
    throw refuse(path, 'featurePlan', 'must be ESSENTIALS or PLUS for passwordless first factors (userPoolProps.signInPolicy)', featurePlan,
      'Set featurePlan: cognito.FeaturePlan.ESSENTIALS (or leave it unset), or allow only password sign-in.');
  }
  if (passwordless && mfa === MfaEnforcement.REQUIRED) {
    throw refuse(path, 'userPoolProps.signInPolicy.allowedFirstAuthFactors',
      'allows passwordless sign-in, which Cognito does not combine with MFA: with mfa REQUIRED no user could use it',
      firstFactors,
      'Allow only password as the first factor, or set mfa to MfaEnforcement.OPTIONAL (users with MFA then sign in with a password) or OFF.');
  }
  if (passwordless && mfa === MfaEnforcement.OPTIONAL) {
    advisories.push({
      id: WARNING_IDS.mfaWithPasswordless,
      message: 'Passwordless first factors are allowed while MFA is OPTIONAL: users who turn MFA on cannot sign in without a password, and passwordless sign-ins skip MFA. See https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flows-selection-sdk.html',
    });
  }

  if (emailFactor && !totp && !smsFactor) {
    advisories.push({
      id: WARNING_IDS.emailOnlyMfa,
      message: 'Email is the only MFA factor. Creating a pool with email-only MFA has been reported to fail (aws-cdk #32615); enable totp too if the deployment fails. An inbox is also a weaker second factor than an authenticator app.',
    });
  }

  // Account recovery: never a mechanism Cognito rejects alongside the enabled factors.
  const accountRecovery = resolveRecovery(path, props.accountRecovery, smsFactor, emailFactor, sms !== undefined, advisories);

  const passwordPolicy = resolvePasswordPolicy(path, props.passwordPolicy, featurePlan, advisories);

  const removalPolicy = props.removalPolicy ?? RemovalPolicy.RETAIN;
  const deletionProtection = props.deletionProtection ?? true;
  if (removalPolicy === RemovalPolicy.DESTROY || !deletionProtection) {
    advisories.push({
      id: WARNING_IDS.dataLossRisk,
      message: `The user pool can be deleted with every user in it (removalPolicy: ${removalPolicy}, deletionProtection: ${deletionProtection}). Keep RETAIN and deletion protection for any pool that holds real users.`,
    });
  }

  return {
    mfa,
    totp,
    sms,
    smsFactor,
    email: emailFactor ? email : undefined,
    enabledMfas: mfa === MfaEnforcement.OFF ? undefined : [
      ...(smsFactor ? ['SMS_MFA'] : []),
      ...(totp ? ['SOFTWARE_TOKEN_MFA'] : []),
      ...(emailFactor ? ['EMAIL_OTP'] : []),
    ],
    deviceTracking: resolveDeviceTracking(path, props.deviceRemembering ?? DeviceRemembering.USER_OPT_IN),
    passwordPolicy,
    accountRecovery,
    featurePlan,
    standardThreatProtectionMode: threatProtection === ThreatProtection.OFF ? undefined : STANDARD_MODES[threatProtection],
    customThreatProtectionMode: customAuthThreatProtection === ThreatProtection.OFF ? undefined : CUSTOM_MODES[customAuthThreatProtection],
    removalPolicy,
    deletionProtection,
    signInAliases,
    autoVerify: pass.autoVerify,
    keepOriginal,
    advisories,
  };
}

const STANDARD_MODES: Record<ThreatProtection, cognito.StandardThreatProtectionMode> = {
  [ThreatProtection.OFF]: cognito.StandardThreatProtectionMode.NO_ENFORCEMENT,
  [ThreatProtection.AUDIT]: cognito.StandardThreatProtectionMode.AUDIT_ONLY,
  [ThreatProtection.ENFORCED]: cognito.StandardThreatProtectionMode.FULL_FUNCTION,
};
const CUSTOM_MODES: Record<Exclude<ThreatProtection, ThreatProtection.OFF>, cognito.CustomThreatProtectionMode> = {
  [ThreatProtection.AUDIT]: cognito.CustomThreatProtectionMode.AUDIT_ONLY,
  [ThreatProtection.ENFORCED]: cognito.CustomThreatProtectionMode.FULL_FUNCTION,
};

function describeSms(sms: SmsMfa): Record<string, unknown> {
  return {
    role: sms.role ? 'brought role' : 'new role',
    externalId: sms.externalId,
    message: sms.message,
    snsRegion: sms.snsRegion,
  };
}

function validateSms(path: string, sms: SmsMfa, region: string | undefined, advisories: Advisory[]): void {
  if (isLiteral(sms.message)) {
    if (!sms.message.includes(CODE_PLACEHOLDER)) {
      throw refuse(path, 'sms.message', `must contain the placeholder ${CODE_PLACEHOLDER}`, sms.message,
        `Put ${CODE_PLACEHOLDER} where the code goes, for example "Your sign-in code is ${CODE_PLACEHOLDER}".`);
    }
    if (sms.message.length > 140) {
      throw refuse(path, 'sms.message', `must be at most 140 characters, not ${sms.message.length}`, sms.message,
        'Shorten the message.');
    }
  }
  if (sms.externalId !== undefined && isLiteral(sms.externalId) && !EXTERNAL_ID_PATTERN.test(sms.externalId)) {
    throw refuse(path, 'sms.externalId', 'must be 2 to 1,224 characters of letters, digits and +=,.@:/-_', sms.externalId,
      'Choose an external ID of that form, or leave it unset for a stable default.');
  }
  const snsRegion = sms.snsRegion;
  if (region === undefined) {
    // Pool region unknown until deployment: the shape is all we can check.
    if (isLiteral(snsRegion)) {
      if (!REGION_PATTERN.test(snsRegion)) {
        throw refuse(path, 'sms.snsRegion', 'is not an AWS Region name', snsRegion, 'Use a Region such as "us-east-1".');
      }
      advisories.push({
        id: WARNING_IDS.snsRegionUnchecked,
        message: `sms.snsRegion "${snsRegion}" cannot be checked against the pool's Region in an environment-agnostic stack: Cognito accepts only the pool's Region or its legacy SNS alternate. Give the stack an env to have it checked.`,
      });
    }
    return;
  }
  const accepted = acceptedSnsRegions(region);
  if (snsRegion === undefined) {
    if (!accepted.includes(region)) {
      throw refuse(path, 'sms.snsRegion', `must be set for a pool in ${region}, which Cognito sends SMS from another Region for`, snsRegion,
        `Set snsRegion to ${accepted.map(r => `"${r}"`).join(' or ')}.`);
    }
    return;
  }
  if (isLiteral(snsRegion) && !accepted.includes(snsRegion)) {
    throw refuse(path, 'sms.snsRegion', `is not a Region Cognito accepts for a pool in ${region}`, snsRegion,
      `Use ${accepted.map(r => `"${r}"`).join(' or ')}, or leave it unset.`);
  }
}

function validateEmail(path: string, email: EmailMfaOptions): void {
  if (isLiteral(email.body)) {
    if (!email.body.includes(CODE_PLACEHOLDER)) {
      throw refuse(path, 'email.body', `must contain the placeholder ${CODE_PLACEHOLDER}`, email.body,
        `Put ${CODE_PLACEHOLDER} where the code goes.`);
    }
    if (email.body.length < 6 || email.body.length > 20000) {
      throw refuse(path, 'email.body', `must be 6 to 20,000 characters, not ${email.body.length}`, email.body, 'Change the length of the body.');
    }
  }
  if (isLiteral(email.subject) && (email.subject.length < 1 || email.subject.length > 140)) {
    throw refuse(path, 'email.subject', `must be 1 to 140 characters, not ${email.subject.length}`, email.subject, 'Change the length of the subject.');
  }
}

function resolveRecovery(
  path: string,
  given: cognito.AccountRecovery | undefined,
  smsFactor: boolean,
  emailFactor: boolean,
  smsConfigured: boolean,
  advisories: Advisory[],
): cognito.AccountRecovery {
  if (given === undefined) {
    if (!emailFactor) {
      // Email is the article's sign-in attribute, and it does not share a SIM with SMS MFA.
      return cognito.AccountRecovery.EMAIL_ONLY;
    }
    advisories.push({
      id: WARNING_IDS.adminOnlyRecovery,
      message: 'With the email MFA factor, email cannot be a recovery mechanism, so account recovery defaults to admin only (AccountRecovery.NONE). Set accountRecovery to choose another valid mechanism.',
    });
    return cognito.AccountRecovery.NONE;
  }
  const name = cognito.AccountRecovery[given] ?? String(given);
  if (smsFactor && RECOVERY_WITH_PHONE.has(given)) {
    // Cognito: "Account Recovery Setting cannot use verified_phone_number as a recovery mechanism
    // when SMS MFA is configured" (reported in aws-cdk #11478).
    throw refuse(path, 'accountRecovery', 'uses the phone number, which Cognito refuses while SMS is an MFA factor', name,
      'Use AccountRecovery.EMAIL_ONLY or NONE, or remove sms.');
  }
  if (emailFactor && RECOVERY_WITH_EMAIL.has(given)) {
    throw refuse(path, 'accountRecovery', 'uses email, which cannot recover an account while email is an MFA factor', name,
      smsFactor ? 'Use AccountRecovery.NONE, or remove email.' : 'Use AccountRecovery.PHONE_ONLY_WITHOUT_MFA (with sms) or NONE, or remove email.');
  }
  if (RECOVERY_WITH_PHONE.has(given) && !smsConfigured) {
    throw refuse(path, 'accountRecovery', 'sends recovery codes by SMS, but the pool has no SMS configuration', name,
      'Use AccountRecovery.EMAIL_ONLY, or configure sms.');
  }
  return given;
}

function resolvePasswordPolicy(
  path: string,
  given: cognito.PasswordPolicy | undefined,
  featurePlan: cognito.FeaturePlan,
  advisories: Advisory[],
): cognito.PasswordPolicy {
  const policy: cognito.PasswordPolicy = { ...STRONG_PASSWORD_POLICY, ...given };
  if (isLiteral(policy.minLength) && (policy.minLength < 6 || policy.minLength > 99 || !Number.isInteger(policy.minLength))) {
    throw refuse(path, 'passwordPolicy.minLength', 'must be a whole number from 6 to 99', policy.minLength,
      `Use at least ${STRONG_PASSWORD_POLICY.minLength} (the default).`);
  }
  const history = policy.passwordHistorySize;
  if (isLiteral(history)) {
    if (history < 0 || history > 24 || !Number.isInteger(history)) {
      throw refuse(path, 'passwordPolicy.passwordHistorySize', 'must be a whole number from 0 to 24', history, 'Choose a value in that range.');
    }
    if (featurePlan === cognito.FeaturePlan.LITE) {
      throw refuse(path, 'passwordPolicy.passwordHistorySize', 'needs the ESSENTIALS or PLUS feature plan', history,
        'Remove passwordHistorySize, or set featurePlan to ESSENTIALS (the default) or PLUS.');
    }
  }
  const validity = policy.tempPasswordValidity;
  if (validity !== undefined && !validity.isUnresolved()) {
    const days = validity.toDays({ integral: false });
    if (days > 365 || !Number.isInteger(days)) {
      throw refuse(path, 'passwordPolicy.tempPasswordValidity', 'must be a whole number of days, at most 365', validity.toHumanString(),
        'Use Duration.days(n) with n up to 365; 7 days is Cognito\'s default.');
    }
  }
  const weaker: string[] = [];
  if (isLiteral(policy.minLength) && policy.minLength! < STRONG_PASSWORD_POLICY.minLength) {
    weaker.push(`minLength ${policy.minLength} < ${STRONG_PASSWORD_POLICY.minLength}`);
  }
  for (const key of ['requireLowercase', 'requireUppercase', 'requireDigits', 'requireSymbols'] as const) {
    if (policy[key] === false) {
      weaker.push(`${key}: false`);
    }
  }
  if (weaker.length > 0) {
    advisories.push({
      id: WARNING_IDS.weakPasswordPolicy,
      message: `passwordPolicy is weaker than the default (${weaker.join(', ')}). The default is at least 12 characters with lower and upper case letters, digits and symbols.`,
    });
  }
  return policy;
}

function resolveDeviceTracking(path: string, remembering: DeviceRemembering): cognito.DeviceTracking | undefined {
  switch (remembering) {
    case DeviceRemembering.OFF:
      return undefined;
    case DeviceRemembering.ALWAYS:
      return { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: false };
    case DeviceRemembering.USER_OPT_IN:
      return { challengeRequiredOnNewDevice: true, deviceOnlyRememberedOnUserPrompt: true };
    default:
      throw refuse(path, 'deviceRemembering', 'is not a DeviceRemembering', remembering,
        'Use DeviceRemembering.OFF, ALWAYS or USER_OPT_IN.');
  }
}
