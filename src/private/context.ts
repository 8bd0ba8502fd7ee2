import { MfaConfigurationError, refuse } from './errors';

/** Stable ids of this library's warnings: users acknowledge them by id. */
export const WARNING_IDS = {
  weakPasswordPolicy: 'cdk-mfa-user-pool:weakPasswordPolicy',
  mfaWithPasswordless: 'cdk-mfa-user-pool:mfaWithPasswordless',
  emailOnlyMfa: 'cdk-mfa-user-pool:emailOnlyMfa',
  adminOnlyRecovery: 'cdk-mfa-user-pool:adminOnlyRecovery',
  snsRegionUnchecked: 'cdk-mfa-user-pool:snsRegionUnchecked',
  eumsRegionUnchecked: 'cdk-mfa-user-pool:eumsRegionUnchecked',
  smsRoleNotScoped: 'cdk-mfa-user-pool:smsRoleNotScoped',
  smsRoleTrustWithoutExternalId: 'cdk-mfa-user-pool:smsRoleTrustWithoutExternalId',
  smsSpendNotAlarmed: 'cdk-mfa-user-pool:smsSpendNotAlarmed',
  dataLossRisk: 'cdk-mfa-user-pool:dataLossRisk',
  userExistenceErrors: 'cdk-mfa-user-pool:userExistenceErrors',
  passkeyWithoutUserVerification: 'cdk-mfa-user-pool:passkeyWithoutUserVerification',
  noChoiceBasedSignIn: 'cdk-mfa-user-pool:noChoiceBasedSignIn',
  adaptiveAuthenticationInAudit: 'cdk-mfa-user-pool:adaptiveAuthenticationInAudit',
  riskMfaWithRequiredMfa: 'cdk-mfa-user-pool:riskMfaWithRequiredMfa',
  unusedRiskNotification: 'cdk-mfa-user-pool:unusedRiskNotification',
  threatProtectionWithoutRiskConfiguration: 'cdk-mfa-user-pool:threatProtectionWithoutRiskConfiguration',
  unknownRiskTemplatePlaceholder: 'cdk-mfa-user-pool:unknownRiskTemplatePlaceholder',
} as const;

/** The name of one of this library's warnings. */
export type WarningName = keyof typeof WARNING_IDS;

/** An advisory: a warning with a stable id that a user can acknowledge. */
export interface Advisory {
  readonly id: string;
  readonly message: string;
}

/**
 * What every resolution phase needs besides its inputs: the construct path for messages, a way to
 * refuse a prop, and a place to leave advisories. Phases stay pure: they return decisions and
 * throw refusals; only the construct turns advisories into warnings.
 */
export class ResolveContext {
  private readonly collected: Advisory[] = [];

  constructor(public readonly path: string) {}

  /** The error for a refused prop, to `throw`: names the prop, shows the value, says the fix. */
  public refuse(prop: string, problem: string, received: unknown, fix: string): MfaConfigurationError {
    return refuse(this.path, prop, problem, received, fix);
  }

  /** Leaves an advisory that the construct emits as a warning with the stable id of `name`. */
  public advise(name: WarningName, message: string): void {
    this.collected.push({ id: WARNING_IDS[name], message });
  }

  /** The advisories left so far, in the order they were given. */
  public get advisories(): readonly Advisory[] {
    return [...this.collected];
  }

  /**
   * Refuses a value that is not a member of a string enum (JavaScript callers and other
   * languages can pass anything), or returns it.
   *
   * @param prop the prop's name
   * @param value what was passed
   * @param enumObject the enum, for example `MfaEnforcement`
   * @param enumName how the problem names the type, with "a" or "an": "an MfaEnforcement"
   */
  public member<T extends string>(prop: string, value: T, enumObject: Record<string, T>, enumName: string): T {
    if (!Object.values(enumObject).includes(value)) {
      const typeName = enumName.split(' ').pop();
      // Member names, which can differ from their values (RiskAction.ALLOW is 'NO_ACTION').
      const names = Object.keys(enumObject);
      const listed = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
      throw this.refuse(prop, `is not ${enumName}`, value, `Use ${typeName}.${listed}.`);
    }
    return value;
  }
}
