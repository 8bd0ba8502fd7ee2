/**
 * Refusal messages name props and methods as the caller writes them. jsii hosts set the
 * `JSII_AGENT` environment variable of the JavaScript process they start (`Python/3.12.3`,
 * `Java/17.0.2`, `DotNet/8.0.1`, `Go/go1.26.8`); plain Node.js leaves it unset.
 *
 * Only Python's names differ in a way a reader cannot map at a glance: jsii's Python binding
 * turns every camelCase name into snake_case (`relyingPartyId` -> `relying_party_id`,
 * `SmsMfa.withNewRole()` -> `SmsMfa.with_new_role()`), passes struct props as keyword arguments
 * and spells `true`, `false` and `undefined` as `True`, `False` and `None`. Java keeps the
 * TypeScript names; .NET and Go capitalize them, which readers map directly.
 */

/** The caller's language, when its names differ from TypeScript's. */
export function callerWritesPython(agent: string | undefined = process.env.JSII_AGENT): boolean {
  return agent !== undefined && /^python\//i.test(agent);
}

/** jsii's snake_case of a camelCase name: `withSES` -> `with_ses`, `smsMonthlySpendLimitUsd` -> `sms_monthly_spend_limit_usd`. */
export function snakeCase(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
}

/** A camelCase identifier (lower-case start, an upper-case letter inside), not part of a longer word or path. */
const CAMEL = /(?<![\w$:/#-])([a-z][a-z0-9]*[A-Z][A-Za-z0-9]*)(?![\w-])/g;

/**
 * A fix hint or problem as a Python user reads it: snake_case names, keyword arguments
 * (`totp: true` -> `totp=True`) and Python's literals. Quoted text is left alone.
 */
export function inPython(text: string): string {
  // A single quote opens a quotation only where no letter precedes it (not "the pool's").
  return text.split(/("[^"]*"|(?<!\w)'[^']*')/).map((part, i) => {
    if (i % 2 === 1) {
      return part; // quoted text is a value
    }
    return part
      .replace(CAMEL, name => snakeCase(name))
      .replace(/\b(true|false|undefined|null)\b/g, literal => ({ true: 'True', false: 'False', undefined: 'None', null: 'None' })[literal]!)
      // prop: value -> prop=value (a dotted path too), where the value is a literal, a list, a
      // struct or a class reference (`SmsMfa.`, `cognito.FeaturePlan.`).
      .replace(/(?<![\w.])([a-z][a-z0-9_]*(?:\.[a-z][a-z0-9_]*)*): (?=True\b|False\b|None\b|\d|\[|\{|(?:[a-z]+\.)?[A-Z][A-Za-z0-9]*\.|['"])/g, '$1=');
  }).join('');
}

/** A value shown in a message, with the struct keys a Python user passed in snake_case. */
export function keysInPython(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(keysInPython);
  }
  if (value !== null && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [snakeCase(k), keysInPython(v)]));
  }
  return value;
}
