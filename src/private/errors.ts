import { Token } from 'aws-cdk-lib';

/**
 * The one error this library throws for a configuration it refuses, so that users and tests can
 * tell a refusal from a crash. Its message names the prop, shows the value received and says how
 * to fix it.
 */
export class MfaConfigurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MfaConfigurationError';
    Object.setPrototypeOf(this, MfaConfigurationError.prototype);
  }
}

/** A short, readable rendering of a value for an error message. */
export function show(value: unknown): string {
  if (value === undefined) {
    return 'undefined';
  }
  if (typeof value === 'string') {
    return JSON.stringify(value.length > 160 ? `${value.slice(0, 157)}...` : value);
  }
  if (typeof value === 'object' && value !== null && Token.isUnresolved(value)) {
    return '<token>';
  }
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * Builds the error for one refused prop: `<path>: <prop> <problem> (received: <value>). <fix>`.
 */
export function refuse(path: string, prop: string, problem: string, received: unknown, fix: string): MfaConfigurationError {
  return new MfaConfigurationError(`[MfaUserPool ${path}] ${prop} ${problem} (received: ${show(received)}). ${fix}`);
}

/** True when a value is known at synth time (not a token), so it can be checked as a literal. */
export function isLiteral(value: string | number | undefined): value is string | number {
  return value !== undefined && !Token.isUnresolved(value);
}
