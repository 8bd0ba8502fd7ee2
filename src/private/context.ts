import { Annotations } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { MfaConfigurationError, refuse } from './errors';
import { RULES, WARNING_PREFIX } from './rules';

/** A catalog rule that refuses. */
export type RefusalRule = Extract<(typeof RULES)[keyof typeof RULES], { readonly action: 'refuse' }>;
/** A catalog rule that advises. */
export type AdvisoryRule = Extract<(typeof RULES)[keyof typeof RULES], { readonly action: 'advise' }>;
/** The name of one of this library's advisories. */
export type WarningName = AdvisoryRule['id'];

/** The warning id a user acknowledges an advisory with: `cdk-mfa-user-pool:<rule id>`. */
export function warningId(rule: AdvisoryRule): string {
  return `${WARNING_PREFIX}${rule.id}`;
}

/** Stable ids of this library's warnings, by rule id: users acknowledge them by id. */
export const WARNING_IDS = Object.fromEntries(Object.values(RULES)
  .filter((r): r is AdvisoryRule => r.action === 'advise')
  .map(r => [r.id, warningId(r)])) as { readonly [name in WarningName]: string };

/** An advisory: a warning with a stable id that a user can acknowledge. */
export interface Advisory {
  readonly id: string;
  readonly message: string;
}

/** Leaves the advisories a resolution phase gave on a construct, as warnings. */
export function leaveAdvisories(scope: IConstruct, advisories: readonly Advisory[]): void {
  for (const advisory of advisories) {
    Annotations.of(scope).addWarningV2(advisory.id, advisory.message);
  }
}

/** Leaves one of the catalog's advisories on a construct. */
export function leaveWarning(scope: IConstruct, rule: AdvisoryRule, message: string): void {
  Annotations.of(scope).addWarningV2(warningId(rule), message);
}

/**
 * What every resolution phase needs besides its inputs: the construct path for messages, a way to
 * refuse a prop, and a place to leave advisories. Phases stay pure: they return decisions and
 * throw refusals; only the construct turns advisories into warnings. Both take a catalog rule, so
 * that every refusal and advisory carries the id of its evidence.
 */
export class ResolveContext {
  private readonly collected: Advisory[] = [];

  constructor(public readonly path: string) {}

  /** The error for a refused prop, to `throw`: names the prop, shows the value, says the fix and the rule. */
  public refuse(rule: RefusalRule, prop: string, problem: string, received: unknown, fix: string): MfaConfigurationError {
    return refuse(this.path, rule, prop, problem, received, fix);
  }

  /** Leaves an advisory that the construct emits as a warning with the rule's stable id. */
  public advise(rule: AdvisoryRule, message: string): void {
    this.collected.push({ id: warningId(rule), message });
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
  public member<T extends string | number>(prop: string, value: T, enumObject: Record<string, T | string>, enumName: string): T {
    // Numeric enums map names to numbers and numbers to names: the members are the numbers.
    const members = Object.entries(enumObject).filter(([name]) => !/^\d+$/.test(name));
    if (!members.some(([, member]) => member === value)) {
      const typeName = enumName.split(' ').pop();
      // Member names, which can differ from their values (RiskAction.ALLOW is 'NO_ACTION').
      const names = members.map(([name]) => name);
      const listed = `${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
      throw this.refuse(RULES.notAMember, prop, `is not ${enumName}`, value, `Use ${typeName}.${listed}.`);
    }
    return value;
  }
}
