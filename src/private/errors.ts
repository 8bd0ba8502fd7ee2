import { Token } from 'aws-cdk-lib';
import { callerWritesPython, inPython, keysInPython } from './host-names';
import { Rule, ruleLink } from './rules';

/**
 * Marks the errors of this library, so that `MfaErrors.isConfigurationError` recognises them
 * even when two copies of the library are loaded (a `Symbol.for` key is shared by both).
 */
export const MFA_CONFIGURATION_ERROR_SYMBOL = Symbol.for('cdk-mfa-user-pool.MfaConfigurationError');

/**
 * Every refusal message starts with this marker and the construct path, `[MfaUserPool <path>] `,
 * which is how languages that receive the error only as a message (Python, Java, .NET, Go)
 * recognise a refusal.
 */
export const MESSAGE_MARKER = /\[MfaUserPool [^\]]+\] \S/;

/** How a refusal message names its rule: `[rule: <id>, docs/RULES.md#<id>]`. */
export const RULE_MARKER = /\[rule: ([A-Za-z]+), docs\/RULES\.md#[a-z]+\]$/;

/**
 * The one error this library throws for a configuration it refuses, so that users and tests can
 * tell a refusal from a crash. Its message names the prop, shows the value received, says how
 * to fix it and names the rule. Not exported: users recognise it with `MfaErrors`.
 */
export class MfaConfigurationError extends Error {
  constructor(message: string, public readonly ruleId: string) {
    super(message);
    this.name = 'MfaConfigurationError';
    Object.setPrototypeOf(this, MfaConfigurationError.prototype);
    Object.defineProperty(this, MFA_CONFIGURATION_ERROR_SYMBOL, { value: true });
  }
}

/**
 * A short, readable rendering of a value for an error message. Unresolved tokens are described,
 * never printed as `${Token[...]}`.
 */
export function show(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (Token.isUnresolved(value)) {
    return '<a value known only at deploy time>';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 160 ? `${value.slice(0, 157)}...` : value);
  }
  try {
    return JSON.stringify(value, (_key, v) => (Token.isUnresolved(v) ? '<deploy-time value>' : v)) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Builds the error for one refused prop:
 * `[MfaUserPool <path>] <prop> <problem> (received: <value>). <fix> [rule: <id>, docs/RULES.md#<id>]`.
 */
export function refuse(path: string, rule: Rule & { readonly action: 'refuse' }, prop: string, problem: string, received: unknown, fix: string): MfaConfigurationError {
  // Names as the caller writes them (host-names.ts); the path, the value and the rule stay as they are.
  const python = callerWritesPython();
  const named = (text: string) => (python ? inPython(text) : text);
  const shown = show(python ? keysInPython(received) : received);
  return new MfaConfigurationError(
    `[MfaUserPool ${path}] ${named(prop)} ${named(problem)} (received: ${shown}). ${named(fix)} [rule: ${rule.id}, ${ruleLink(rule)}]`, rule.id);
}

/** True when a value is known at synth time (not a token), so it can be checked as a literal. */
export function isLiteral(value: string | number | undefined): value is string | number {
  return value !== undefined && !Token.isUnresolved(value);
}
