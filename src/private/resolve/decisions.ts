import { RemovalPolicy } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { AbuseDecisions } from './abuse';
import { AccountTakeoverResponses, CompromisedCredentialsEvent, RiskIpExceptions, RiskNotificationOptions } from '../../adaptive-authentication';
import { DeviceRemembering } from '../../device';
import { EmailMfaOptions } from '../../email';
import { MfaEnforcement } from '../../mfa';
import { ThreatProtection } from '../../threat-protection';
import { Advisory } from '../context';
import { SmsSpec } from '../sms-spec';
import type { EncryptionDecisions } from './encryption';
import type { ReplicationDecisions } from './replication';

/** How users sign in and which attributes Cognito verifies. */
export interface SignInDecisions {
  readonly signInAliases: cognito.SignInAliases;
  readonly autoVerify?: cognito.AutoVerifiedAttrs;
  readonly keepOriginal?: cognito.KeepOriginalAttrs;
  /** Cognito verifies phone numbers (autoVerify phone): the pool must be able to send SMS. */
  readonly phoneVerified: boolean;
  /** The phone number is a username attribute (phone sign-in without username). */
  readonly phoneIsUsername: boolean;
}

/** The MFA mode and the factors it enables. */
export interface FactorDecisions {
  readonly mfa: MfaEnforcement;
  readonly totp: boolean;
  /** SMS is an MFA factor: whenever the pool has an SMS configuration and MFA is on. */
  readonly smsFactor: boolean;
  readonly emailFactor: boolean;
  /** The pool's SMS configuration, for the SMS factor or phone sign-in and verification. */
  readonly sms?: SmsSpec;
  /** The email factor's options, when email is a factor. */
  readonly email?: EmailMfaOptions;
}

/** Passkeys as a first factor. */
export interface PasskeyDecisions {
  readonly relyingPartyId: string;
  readonly userVerification: cognito.PasskeyUserVerification;
  /** `MULTI_FACTOR_WITH_USER_VERIFICATION` when true, `SINGLE_FACTOR` otherwise. */
  readonly countsAsMfa: boolean;
}

/** The first factors besides the password, which stays allowed. */
export interface FirstFactorDecisions {
  readonly passkey?: PasskeyDecisions;
  readonly emailOtp: boolean;
  readonly smsOtp: boolean;
}

/** The feature plan and threat protection modes. */
export interface PlanDecisions {
  readonly featurePlan: cognito.FeaturePlan;
  readonly threatProtection: ThreatProtection;
  readonly customAuthThreatProtection: ThreatProtection;
}

/** Adaptive authentication: the pool's risk configuration, defaults applied. */
export interface RiskDecisions {
  readonly accountTakeover?: AccountTakeoverResponses;
  readonly compromisedCredentials?: { readonly block: boolean; readonly events: CompromisedCredentialsEvent[] };
  readonly ipExceptions?: RiskIpExceptions;
  readonly notification?: RiskNotificationOptions;
}

/** Which of the pool's logs Cognito delivers to CloudWatch Logs. */
export interface LogDecisions {
  readonly messageDeliveryErrors: boolean;
  readonly userAuthEvents: boolean;
  readonly retention: logs.RetentionDays;
}

/** The pool's lifecycle. */
export interface LifecycleDecisions {
  readonly removalPolicy: RemovalPolicy;
  readonly deletionProtection: boolean;
}

/**
 * Everything the construct decides from its props, before it builds anything, in this library's
 * own terms: `to-l2.ts` maps it to the L2 props and `l1-overrides.ts` writes what the L2 cannot.
 */
export interface Decisions {
  readonly signIn: SignInDecisions;
  readonly factors: FactorDecisions;
  readonly plan: PlanDecisions;
  readonly firstFactors: FirstFactorDecisions;
  /** Undefined when the pool has no risk configuration. */
  readonly risk?: RiskDecisions;
  readonly deviceRemembering: DeviceRemembering;
  readonly accountRecovery: cognito.AccountRecovery;
  readonly passwordPolicy: cognito.PasswordPolicy;
  readonly lifecycle: LifecycleDecisions;
  readonly logs: LogDecisions;
  /** Undefined when the pool has no abuse protection. */
  readonly abuse?: AbuseDecisions;
  readonly encryption: EncryptionDecisions;
  /** Undefined when the pool is not replicated. */
  readonly replication?: ReplicationDecisions;
  readonly advisories: readonly Advisory[];
}
