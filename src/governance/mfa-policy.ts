import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { DeviceRemembering } from '../device';
import { MfaFactor, MfaPolicyMechanism, MfaPolicyRule, MfaPolicySeverity } from './mfa-policy-enums';
import { MfaEnforcement } from '../mfa';
import { acknowledgementId, acknowledgePolicyRule, applyPolicy, PLUGIN_NAME } from '../private/governance/apply';
import { PolicySettings, resolvePolicy } from '../private/governance/settings';
import { ThreatProtection } from '../threat-protection';

/**
 * What every user pool of the app must satisfy. Every prop defaults to the recommended policy
 * (`MfaPolicy.recommended()`), which a default `MfaUserPool` satisfies.
 */
export interface MfaPolicyProps {
  /**
   * The least MFA enforcement a pool may have. An `AWS::Cognito::UserPool` without
   * `MfaConfiguration` has MFA OFF.
   *
   * @default MfaEnforcement.REQUIRED
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
   */
  readonly minimumMfa?: MfaEnforcement;

  /**
   * The second factors a pool may enable.
   *
   * @default - TOTP, SMS and email
   * @example [MfaFactor.TOTP, MfaFactor.EMAIL]
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-mfa.html
   */
  readonly allowedMfaFactors?: MfaFactor[];

  /**
   * Whether a pool with MFA may offer SMS as its only second factor (SMS is a restricted
   * authenticator in NIST SP 800-63B: numbers can be ported or intercepted).
   *
   * @default false
   * @see https://pages.nist.gov/800-63-3/sp800-63b.html#pstnOOB
   */
  readonly allowSmsOnlyMfa?: boolean;

  /**
   * Whether a pool that offers passkeys must require user verification
   * (`WebAuthnUserVerification: required`).
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_WebAuthnConfigurationType.html
   */
  readonly requirePasskeyUserVerification?: boolean;

  /**
   * Whether the SMS role of a pool, when the role is in the app, must trust Cognito only when it
   * presents the pool's external ID (`sts:ExternalId`).
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-sms-settings.html
   */
  readonly requireSmsRoleExternalId?: boolean;

  /**
   * Whether the SMS role of a pool, when the role is in the app, must also name the account or
   * the pools that may use it (`aws:SourceAccount` or `aws:SourceArn`), against the confused deputy.
   *
   * @default true
   * @see https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html
   */
  readonly requireSmsRoleSourceConditions?: boolean;

  /**
   * Whether a pool that sends SMS and lets anyone sign up must have an AWS WAF web ACL associated
   * in the app (SMS pumping).
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-waf.html
   */
  readonly requireSmsAbuseProtection?: boolean;

  /**
   * The least threat protection a pool may have (`UserPoolAddOns.AdvancedSecurityMode`).
   *
   * @default ThreatProtection.OFF (not checked)
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pool-settings-threat-protection.html
   */
  readonly minimumThreatProtection?: ThreatProtection;

  /**
   * The least feature plan a pool must state (`UserPoolTier`). A pool that states none gets
   * Essentials when it is created and keeps its plan when it is updated, so it is reported unless
   * the minimum is LITE.
   *
   * @default cognito.FeaturePlan.ESSENTIALS
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-sign-in-feature-plans.html
   */
  readonly minimumFeaturePlan?: cognito.FeaturePlan;

  /**
   * The most device remembering a pool may have: a remembered device can skip the MFA prompt.
   * OFF < USER_OPT_IN < ALWAYS.
   *
   * @default DeviceRemembering.USER_OPT_IN
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/amazon-cognito-user-pools-device-tracking.html
   */
  readonly maximumDeviceRemembering?: DeviceRemembering;

  /**
   * Whether every pool must have Cognito's deletion protection on.
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-settings-deletion-protection.html
   */
  readonly requireDeletionProtection?: boolean;

  /**
   * Whether a pool with MFA and a replica in the app must offer a factor its secondary Region
   * serves: SMS, email, or passkeys that count as MFA (secondaries do not support TOTP).
   *
   * @default true
   * @see https://docs.aws.amazon.com/cognito/latest/developerguide/user-pool-multi-region.html
   */
  readonly requireSecondaryFactor?: boolean;

  /**
   * How findings are reported. A finding that cannot be judged at synthesis (a value known only
   * at deploy time) is reported as `uncheckedSeverity` says.
   *
   * @default MfaPolicySeverity.ERROR
   */
  readonly severity?: MfaPolicySeverity;

  /**
   * How a finding that cannot be judged at synthesis is reported: a value the template leaves to
   * the deployment (a parameter without allowed values, an imported value, a resource attribute,
   * a dynamic reference), a role or web ACL that is not in the app, a pool the policy cannot see
   * (written under `Fn::ForEach`, in a nested stack of another template, or changed by a custom
   * resource). ERROR makes every such finding fail synthesis, for teams that accept only what
   * they can check; the recommended preset warns, since values from SSM parameters and imports
   * are common and legitimate, and a warning still names each one.
   *
   * @default MfaPolicySeverity.WARNING
   * @see https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/dynamic-references.html
   */
  readonly uncheckedSeverity?: MfaPolicySeverity;

  /**
   * Rules whose findings are warnings whatever `severity` says.
   *
   * @default - none
   * @example [MfaPolicyRule.DEVICE_REMEMBERING]
   */
  readonly warningRules?: MfaPolicyRule[];
}

/**
 * One MFA policy checked at synthesis against every `AWS::Cognito::UserPool` of an app or a
 * stage, whoever built it: an `MfaUserPool`, the L2 `cognito.UserPool` or a raw `CfnUserPool`,
 * including what escape hatches and L1 overrides wrote.
 *
 * @example
 * declare const app: App;
 * MfaPolicy.recommended().applyTo(app);
 */
export class MfaPolicy {
  /** The name of the validation plugin, and the prefix of acknowledgement ids. */
  public static readonly PLUGIN_NAME = PLUGIN_NAME;

  /**
   * The recommended policy: MFA REQUIRED, no SMS-only MFA, passkeys with user verification, SMS
   * roles with the external ID and source conditions, a web ACL on pools that send SMS and allow
   * self sign-up, at least the Essentials plan, devices remembered only when the user opts in,
   * deletion protection; every finding an error.
   *
   * @example
   * declare const app: App;
   * MfaPolicy.recommended().applyTo(app);
   */
  public static recommended(): MfaPolicy {
    return new MfaPolicy({});
  }

  /**
   * Acknowledges one rule of the policy for a construct and everything under it (a pool, a stack
   * or a stage), with the reason recorded: in `validation-report.json` under
   * `suppressedViolations`, or as an info annotation where the policy runs as an Aspect.
   * Equivalent to `Validations.of(scope).acknowledge({ id: 'MfaPolicy::<rule>', reason })`.
   *
   * @param scope the pool, or a construct above it
   * @param rule the rule to acknowledge
   * @param reason why the finding is accepted, for the audit trail
   * @example
   * declare const legacyPool: cognito.UserPool;
   * MfaPolicy.acknowledge(legacyPool, MfaPolicyRule.MINIMUM_MFA, 'Internal tool behind the VPN; MFA lands with SEC-42');
   */
  public static acknowledge(scope: IConstruct, rule: MfaPolicyRule, reason: string): void {
    acknowledgePolicyRule(scope, rule, reason);
  }

  /**
   * The acknowledgement id of a rule: `MfaPolicy::<rule>`.
   *
   * @example
   * declare const legacyPool: cognito.UserPool;
   * Validations.of(legacyPool).acknowledge({ id: MfaPolicy.acknowledgementId(MfaPolicyRule.DELETION_PROTECTION), reason: 'sandbox' });
   */
  public static acknowledgementId(rule: MfaPolicyRule): string {
    return acknowledgementId(rule);
  }

  private readonly settings: PolicySettings;

  constructor(props: MfaPolicyProps = {}) {
    this.settings = resolvePolicy('MfaPolicy', props);
  }

  /**
   * Checks every user pool of an app or a stage (and of the stages inside it) at synthesis. Call
   * it once per stage.
   *
   * @param scope an App or a Stage
   * @returns how the installed aws-cdk-lib runs the check
   * @example
   * const app = new App();
   * const mechanism = new MfaPolicy({ minimumMfa: MfaEnforcement.OPTIONAL }).applyTo(app);
   */
  public applyTo(scope: IConstruct): MfaPolicyMechanism {
    return applyPolicy(scope, this.settings);
  }
}
