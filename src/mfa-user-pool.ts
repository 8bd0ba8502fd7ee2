import { Annotations, Lazy, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { DeviceRemembering } from './device';
import { EmailMfaOptions } from './email';
import { MfaEnforcement } from './mfa';
import { refuse } from './private/errors';
import { resolveSettings, WARNING_IDS } from './private/resolve';
import { trustPolicyProblem } from './private/trust';
import { SmsMfa } from './sms';
import { ThreatProtection } from './threat-protection';

/**
 * Properties of an `MfaUserPool`. Every prop is optional: the defaults are a pool with required
 * TOTP MFA, device remembering on the user's say-so, a strong password policy, email sign-in,
 * and a pool that is retained and protected from deletion.
 */
export interface MfaUserPoolProps {
  /**
   * Whether users must, may or cannot use MFA. `OPTIONAL` lets an existing user base adopt MFA
   * gradually; switching an existing pool from `REQUIRED` to `OPTIONAL` or `OFF` later is an
   * in-place update (Cognito's old guide said REQUIRED could not be turned off again; the current
   * API reference lets `SetUserPoolMfaConfig` and `UpdateUserPool` change it, but this library has
   * not deployed that change: test it on a copy before you rely on it).
   *
   * @default MfaEnforcement.REQUIRED
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
   */
  readonly mfa?: MfaEnforcement;

  /**
   * The authenticator-app (TOTP) factor. Must stay unset or false when `mfa` is OFF.
   *
   * @default - true whenever mfa is not OFF
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-totp.html
   */
  readonly totp?: boolean;

  /**
   * The SMS factor and the IAM role Cognito uses to send SMS. Also the pool's SMS configuration
   * for phone sign-in and phone verification, which need it even when `mfa` is OFF.
   *
   * @default - no SMS factor and no SMS role
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
   */
  readonly sms?: SmsMfa;

  /**
   * The email one-time-password factor. Needs `userPoolProps.email` to send through Amazon SES
   * (`cognito.UserPoolEmail.withSES(...)`) and a feature plan of ESSENTIALS or PLUS.
   *
   * @default - no email factor
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa-sms-email-message.html
   */
  readonly email?: EmailMfaOptions;

  /**
   * Device remembering: a remembered device can skip the MFA prompt.
   *
   * @default DeviceRemembering.USER_OPT_IN
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
   */
  readonly deviceRemembering?: DeviceRemembering;

  /**
   * The password policy. Fields you leave unset keep the strong default; a policy weaker than the
   * default is allowed but warned about (`cdk-mfa-user-pool:weakPasswordPolicy`).
   *
   * @default - at least 12 characters with lower case, upper case, digits and symbols
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/managing-users-passwords.html
   */
  readonly passwordPolicy?: cognito.PasswordPolicy;

  /**
   * How users recover their account. Must not use the phone while SMS is an MFA factor, nor email
   * while email is an MFA factor, nor SMS when there is no SMS configuration.
   *
   * @default - AccountRecovery.EMAIL_ONLY; AccountRecovery.NONE (admin only) with the email factor
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/how-to-recover-a-user-account.html
   */
  readonly accountRecovery?: cognito.AccountRecovery;

  /**
   * The feature plan, always written into the template so that a pool never depends on the
   * service default. PLUS is needed for threat protection (and satisfies cdk-nag's
   * AwsSolutions-COG8); it costs more per monthly active user.
   *
   * @default - FeaturePlan.PLUS when threat protection is on, FeaturePlan.ESSENTIALS otherwise
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
   */
  readonly featurePlan?: cognito.FeaturePlan;

  /**
   * Threat protection for standard (password, SRP) authentication. Needs the PLUS feature plan.
   *
   * @default ThreatProtection.OFF
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
   */
  readonly threatProtection?: ThreatProtection;

  /**
   * Threat protection for custom authentication flows (Lambda challenges). Needs PLUS.
   *
   * @default ThreatProtection.OFF
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
   */
  readonly customAuthThreatProtection?: ThreatProtection;

  /**
   * What happens to the pool (and the SMS role this library creates) when it leaves the stack.
   *
   * @default RemovalPolicy.RETAIN
   * @see https://docs.aws.amazon.com/cdk/v2/guide/resources.html#resources_removal
   */
  readonly removalPolicy?: RemovalPolicy;

  /**
   * Cognito's deletion protection: the pool cannot be deleted while it is on.
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html
   */
  readonly deletionProtection?: boolean;

  /**
   * Everything else the L2 `cognito.UserPool` accepts: name, self sign-up, sign-in aliases,
   * attributes, triggers, email sending, messages... Fields that this construct owns (MFA, SMS
   * role, device tracking, feature plan, threat protection, password policy, account recovery,
   * removal policy, deletion protection) are refused with an error naming the prop to use.
   *
   * @default - sign-in with email, email auto-verified and kept until the new address is verified
   * @see https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cognito.UserPoolProps.html
   */
  readonly userPoolProps?: cognito.UserPoolProps;
}

/**
 * An Amazon Cognito user pool with multi-factor authentication done right.
 *
 * It wraps the L2 `cognito.UserPool` (`userPool`) and adds typed MFA factors, a hardened SMS role,
 * device remembering, a strong password policy and secure defaults, and it refuses at synth time,
 * naming the prop and the fix, the configurations Cognito or CloudFormation would reject at
 * deploy time.
 *
 * The pool's logical ID is the one a plain `cognito.UserPool` with the same construct id would
 * get, so an existing L2 pool can be wrapped without being replaced.
 *
 * @example
 * const pool = new MfaUserPool(this, 'Users', {
 *   mfa: MfaEnforcement.OPTIONAL,
 *   sms: SmsMfa.withNewRole({ message: 'Your sign-in code for MyApp is {####}' }),
 * });
 * pool.addAppClient('WebClient');
 */
export class MfaUserPool extends Construct {
  /** The user pool. */
  public readonly userPool: cognito.UserPool;
  /** The user pool's ID. */
  public readonly userPoolId: string;
  /** The user pool's ARN. */
  public readonly userPoolArn: string;
  /** The role Cognito assumes to send SMS, when the pool has an SMS configuration. */
  public readonly smsRole?: iam.IRole;
  /** The external ID in the pool's SMS configuration, when it has one. */
  public readonly smsExternalId?: string;
  /** The MFA enforcement the pool was built with. */
  public readonly mfa: MfaEnforcement;

  constructor(scope: Construct, id: string, props: MfaUserPoolProps = {}) {
    super(scope, id);
    const stack = Stack.of(this);
    const region = Token.isUnresolved(stack.region) ? undefined : stack.region;
    const settings = resolveSettings(this.node.path, props, region);
    this.mfa = settings.mfa;

    // The default external ID is the pool's logical ID: as stable as the pool itself.
    let cfnPool: cognito.CfnUserPool | undefined;
    const defaultExternalId = Lazy.string({ produce: () => stack.resolve(cfnPool!.logicalId) });
    const sms = settings.sms?._bind(this, defaultExternalId, settings.removalPolicy);

    const pass = props.userPoolProps ?? {};
    // 'Default' hides this level from the logical ID: the pool's is that of a plain
    // cognito.UserPool with this construct's id.
    this.userPool = new cognito.UserPool(this, 'Default', {
      ...pass,
      signInAliases: settings.signInAliases,
      autoVerify: settings.autoVerify,
      keepOriginal: settings.keepOriginal,
      mfa: MFA_TO_L2[settings.mfa],
      // EnabledMfas is written below from the resolved factors; this only keeps the L2 from
      // defaulting to SMS.
      mfaSecondFactor: settings.mfa === MfaEnforcement.OFF ? undefined : { sms: settings.smsFactor, otp: settings.totp },
      mfaMessage: settings.smsFactor ? settings.sms?.message : undefined,
      smsRole: sms?.role,
      smsRoleExternalId: sms?.externalId,
      snsRegion: settings.sms?.snsRegion,
      enableSmsRole: sms ? undefined : false,
      deviceTracking: settings.deviceTracking,
      passwordPolicy: settings.passwordPolicy,
      accountRecovery: settings.accountRecovery,
      featurePlan: settings.featurePlan,
      standardThreatProtectionMode: settings.standardThreatProtectionMode,
      customThreatProtectionMode: settings.customThreatProtectionMode,
      removalPolicy: settings.removalPolicy,
      deletionProtection: settings.deletionProtection,
    });
    cfnPool = this.userPool.node.defaultChild as cognito.CfnUserPool;
    cfnPool.enabledMfas = settings.enabledMfas;

    if (settings.email) {
      const emailConfiguration = cfnPool.emailConfiguration as cognito.CfnUserPool.EmailConfigurationProperty | undefined;
      if (emailConfiguration?.emailSendingAccount !== 'DEVELOPER') {
        throw refuse(this.node.path, 'email', 'needs the pool to send email through Amazon SES', emailConfiguration?.emailSendingAccount ?? 'COGNITO_DEFAULT',
          'Set userPoolProps.email: cognito.UserPoolEmail.withSES({ fromEmail, sesRegion, ... }), or remove email.');
      }
      cfnPool.emailAuthenticationSubject = settings.email.subject;
      cfnPool.emailAuthenticationMessage = settings.email.body;
    }

    this.userPoolId = this.userPool.userPoolId;
    this.userPoolArn = this.userPool.userPoolArn;
    this.smsRole = sms?.role;
    this.smsExternalId = sms?.externalId;

    if (sms && !sms.created) {
      // The brought role's trust policy is checked once the app is complete.
      const role = sms.role;
      const externalId = sms.externalId;
      this.node.addValidation({
        validate: () => {
          const problem = trustPolicyProblem(role, externalId);
          return problem ? [refuse(this.node.path, 'sms', problem, role.roleArn, 'Let cognito-idp.amazonaws.com assume the role with sts:ExternalId equal to the external ID passed to SmsMfa.withRole().').message] : [];
        },
      });
    }

    for (const advisory of settings.advisories) {
      Annotations.of(this).addWarningV2(advisory.id, advisory.message);
    }
  }

  /**
   * Adds an app client set up for the sign-in flows of MFA: SRP and refresh-token auth, no client
   * secret (browser and mobile apps cannot keep one), user-existence errors prevented and token
   * revocation on. Options you pass win over these defaults.
   *
   * @param id the construct id of the client (part of its logical ID: keep it stable)
   * @param options the L2 client options
   */
  public addAppClient(id: string, options: cognito.UserPoolClientOptions = {}): cognito.UserPoolClient {
    if (options.preventUserExistenceErrors === false) {
      Annotations.of(this).addWarningV2(WARNING_IDS.userExistenceErrors,
        `addAppClient('${id}'): preventUserExistenceErrors is false, so sign-in and password recovery tell an attacker which usernames exist.`);
    }
    return this.userPool.addClient(id, {
      ...options,
      authFlows: options.authFlows ?? { userSrp: true },
      generateSecret: options.generateSecret ?? false,
      preventUserExistenceErrors: options.preventUserExistenceErrors ?? true,
      enableTokenRevocation: options.enableTokenRevocation ?? true,
    });
  }

  /**
   * Grants the IAM actions behind the admin MFA operations on this pool only: read a user and
   * their MFA settings (`AdminGetUser`), set or reset a user's MFA preference
   * (`AdminSetUserMFAPreference`), and list and forget a user's remembered devices
   * (`AdminListDevices`, `AdminForgetDevice`).
   *
   * @param grantee who gets the permissions
   */
  public grantAdminMfa(grantee: iam.IGrantable): iam.Grant {
    return this.grant(grantee, ...ADMIN_MFA_ACTIONS);
  }

  /**
   * Grants the given `cognito-idp` actions on this pool only.
   *
   * @param grantee who gets the permissions
   * @param actions the actions, for example `cognito-idp:AdminGetUser`
   */
  public grant(grantee: iam.IGrantable, ...actions: string[]): iam.Grant {
    if (actions.length === 0) {
      throw refuse(this.node.path, 'grant(actions)', 'needs at least one action', actions,
        'Name the cognito-idp actions to grant, for example "cognito-idp:AdminGetUser".');
    }
    return this.userPool.grant(grantee, ...actions);
  }
}

/** The actions `grantAdminMfa` grants. */
const ADMIN_MFA_ACTIONS = [
  'cognito-idp:AdminGetUser',
  'cognito-idp:AdminSetUserMFAPreference',
  'cognito-idp:AdminListDevices',
  'cognito-idp:AdminForgetDevice',
];

const MFA_TO_L2: Record<MfaEnforcement, cognito.Mfa> = {
  [MfaEnforcement.OFF]: cognito.Mfa.OFF,
  [MfaEnforcement.OPTIONAL]: cognito.Mfa.OPTIONAL,
  [MfaEnforcement.REQUIRED]: cognito.Mfa.REQUIRED,
};
