/**
 * A role's trust policy read as IAM reads it, for the question the SMS role asks: may Cognito (or
 * anyone) assume this role without presenting the pool's external ID, or from outside the
 * account? Actions, principals and condition values are matched with IAM's wildcards; condition
 * keys are case-insensitive; negated operators, `...IfExists` and `ForAllValues:` never constrain
 * an Allow; a Deny that refuses every other external ID (or account) enforces it.
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition.html
 */
import { hasIntrinsic, isIntrinsic } from './view';

const COGNITO = 'cognito-idp.amazonaws.com';

const list = (v: unknown): unknown[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/** IAM's glob: `*` any run of characters, `?` one, case-insensitive when asked. */
export function globMatches(pattern: string, value: string, ignoreCase = true): boolean {
  const body = pattern.split('').map(c => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, ignoreCase ? 'i' : '').test(value);
}

/** Whether the statement's actions include `sts:AssumeRole` (Action with wildcards, or a NotAction that spares it). */
function coversAssumeRole(statement: any): boolean {
  if (statement.NotAction !== undefined) {
    return !list(statement.NotAction).some(a => typeof a === 'string' && globMatches(a, 'sts:AssumeRole'));
  }
  return list(statement.Action).some(a => typeof a === 'string' && globMatches(a, 'sts:AssumeRole'));
}

/** Who the statement lets in: Cognito, anyone, or neither (another principal only). */
function principalOf(statement: any): 'cognito' | 'anyone' | 'other' {
  if (statement.NotPrincipal !== undefined || statement.Principal === '*') {
    return 'anyone';
  }
  const principal = statement.Principal ?? {};
  if (list(principal.AWS).some(p => p === '*') || list(principal.Service).some(p => p === '*')) {
    return 'anyone';
  }
  return list(principal.Service).some(p => typeof p === 'string' && p.toLowerCase() === COGNITO) ? 'cognito' : 'other';
}

/** The condition entries of a statement as [operator, key (lowercase), values]. */
function conditions(statement: any): Array<[string, string, unknown[]]> {
  const out: Array<[string, string, unknown[]]> = [];
  for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
    if (block && typeof block === 'object' && !isIntrinsic(block)) {
      for (const [key, values] of Object.entries(block as Record<string, unknown>)) {
        out.push([operator, key.toLowerCase(), list(values)]);
      }
    }
  }
  return out;
}

/** Operators under which an Allow is granted only for the values listed. */
const POSITIVE = ['StringEquals', 'StringEqualsIgnoreCase', 'StringLike', 'ArnEquals', 'ArnLike'];
/** Their negations, under which a Deny refuses every value but those listed (missing keys too). */
const NEGATIVE = ['StringNotEquals', 'StringNotEqualsIgnoreCase', 'StringNotLike', 'ArnNotEquals', 'ArnNotLike'];

/** The values an operator pins a key to (wildcards count where the operator expands them); undefined when it pins nothing. */
function pinned(operator: string, key: string, values: unknown[], wanted: string, allowed: readonly string[]): unknown[] | undefined {
  if (key !== wanted || !allowed.includes(operator)) {
    return undefined;
  }
  return values;
}

/** Whether every value pins the key (no value that matches anything). */
function constrains(operator: string, values: unknown[], accept: (value: string) => boolean): boolean {
  const expands = /Like$/.test(operator);
  // Under a Like operator, a value of wildcards only (`*`, `?*`) matches anything.
  return values.length > 0 && values.every(v => hasIntrinsic(v) || (typeof v === 'string' && (!expands || !/^[*?]+$/.test(v)) && accept(v)));
}

/** An account-scoped source: an account ID, or an ARN whose account field is not a wildcard. */
function scopedSource(key: string, value: string): boolean {
  if (key === 'aws:sourceaccount') {
    return !value.includes('*') && !value.includes('?');
  }
  const account = value.split(':')[4];
  return account !== undefined && account !== '' && !account.includes('*') && !account.includes('?');
}

/** What one trust document lets Cognito (or anyone) do without the conditions a pool's SMS role needs. */
export interface TrustGaps {
  /** The external ID is not required (or not the pool's). */
  readonly externalId?: string;
  /** No condition scopes the caller to an account. */
  readonly source?: string;
  /** A principal beyond Cognito may assume it. */
  readonly anyone?: boolean;
}

/**
 * The gaps of a trust policy document for a pool whose external ID is `externalId` (a literal,
 * or an intrinsic: then any pinned external ID counts).
 */
export function readTrust(document: any, externalId: unknown): TrustGaps[] | undefined {
  if (isIntrinsic(document) || isIntrinsic(document?.Statement)) {
    return undefined;
  }
  const all = list(document?.Statement);
  // A statement whose effect, principal, action or condition is decided at deploy time cannot be read.
  if (all.some((s: any) => !s || typeof s !== 'object' || isIntrinsic(s)
    || ['Effect', 'Principal', 'NotPrincipal', 'Action', 'NotAction', 'Condition'].some(k => s[k] !== undefined && isIntrinsic(s[k]))
    || hasIntrinsic(s.Principal) || hasIntrinsic(s.Action) || hasIntrinsic(s.NotAction) || hasIntrinsic(s.Effect))) {
    return undefined;
  }
  const statements = all as any[];
  const denies = statements.filter((s: any) => s.Effect === 'Deny' && coversAssumeRole(s) && principalOf(s) !== 'other');
  // A Deny applies only when all its conditions match: it enforces a key when that negated key is its only condition.
  const deniedUnless = (wanted: string, accept: (value: string) => boolean) => denies.some((s: any) => {
    const entries = conditions(s);
    return entries.length === 1 && entries[0][1] === wanted && NEGATIVE.includes(entries[0][0]) && constrains(entries[0][0], entries[0][2], accept);
  });
  const idMatches = (value: string) => typeof externalId !== 'string' || value === externalId || globMatches(value, externalId, false);
  const externalIdByDeny = deniedUnless('sts:externalid', idMatches);
  const sourceByDeny = deniedUnless('aws:sourceaccount', v => scopedSource('aws:sourceaccount', v))
    || deniedUnless('aws:sourcearn', v => scopedSource('aws:sourcearn', v));

  return statements.filter((s: any) => s.Effect === 'Allow' && coversAssumeRole(s) && principalOf(s) !== 'other').map((s: any): TrustGaps => {
    const entries = conditions(s);
    const ids = entries.map(([op, key, values]) => [op, pinned(op, key, values, 'sts:externalid', POSITIVE)] as const).filter(([, v]) => v !== undefined);
    // Pinned: no value matches anything, and one is the pool's (a list may name other pools' IDs too).
    const idOk = externalIdByDeny || ids.some(([op, values]) => constrains(op, values!, () => true)
      && values!.some(v => hasIntrinsic(v) || (typeof v === 'string' && idMatches(v))));
    const sourceOk = sourceByDeny || entries.some(([op, key, values]) => (key === 'aws:sourceaccount' || key === 'aws:sourcearn')
      && POSITIVE.includes(op) && constrains(op, values, v => scopedSource(key, v)));
    return {
      externalId: idOk ? undefined : ids.every(([op, values]) => !constrains(op, values!, () => true))
        ? `no sts:ExternalId condition that requires it${ids.length > 0 ? ' (its values match any ID)' : ''}`
        : `an sts:ExternalId condition that does not require the pool's external ID ${JSON.stringify(externalId)}`,
      source: sourceOk ? undefined : 'no aws:SourceAccount or aws:SourceArn condition that names an account',
      anyone: principalOf(s) === 'anyone' || undefined,
    };
  });
}
