/**
 * The values a template's expression can take at deploy time, as far as the template decides
 * them: both branches of `Fn::If` (unless its condition is decided by literals), the values of a
 * mapping, a parameter's `AllowedValues` (or its `Default`, next to the value it may be given),
 * selections and joins of literals. What the template does not decide (a resource attribute, an
 * import, a dynamic reference, a pseudo parameter) stays as written, an intrinsic the checks report
 * as unchecked. The policy judges every variant, and the worst wins.
 */
import { isIntrinsic, TemplateContext } from './view';

/** A value the template leaves out (`Ref: AWS::NoValue`). */
const NO_VALUE = Symbol('AWS::NoValue');
/** How many variants of one resource's properties are judged at most; beyond, the expressions stay unexpanded. */
const BUDGET = 64;

class TooMany extends Error {}

/** Every combination of the parts' variants, within the budget. */
function product<T>(parts: T[][]): T[][] {
  let out: T[][] = [[]];
  for (const options of parts) {
    out = out.flatMap(prefix => options.map(option => [...prefix, option]));
    if (out.length > BUDGET) {
      throw new TooMany();
    }
  }
  return out;
}

function unique(values: unknown[]): unknown[] {
  const seen = new Map<string, unknown>();
  for (const value of values) {
    const key = value === NO_VALUE ? '\u0000novalue' : JSON.stringify(value);
    if (!seen.has(key)) {
      seen.set(key, value);
    }
  }
  if (seen.size > BUDGET) {
    throw new TooMany();
  }
  return [...seen.values()];
}

/** True when a string is a dynamic reference (`{{resolve:ssm:...}}`), resolved by CloudFormation at deploy time. */
function isDynamicReference(value: string): boolean {
  return /\{\{resolve:[^}]+\}\}/.test(value);
}

class Expander {
  constructor(private readonly context: TemplateContext) {}

  public expand(value: unknown): unknown[] {
    if (typeof value === 'string') {
      // A dynamic reference is deploy-time: written as an intrinsic, so the checks see it as such.
      return [isDynamicReference(value) ? { 'Fn::DynamicReference': value } : value];
    }
    if (Array.isArray(value)) {
      return product(value.map(v => this.expand(v))).map(items => items.filter(i => i !== NO_VALUE));
    }
    if (value === null || typeof value !== 'object') {
      return [value];
    }
    if (isIntrinsic(value)) {
      return unique(this.intrinsic(value as Record<string, unknown>));
    }
    const entries = Object.entries(value as Record<string, unknown>);
    return product(entries.map(([, v]) => this.expand(v)))
      .map(values => Object.fromEntries(entries.map(([k], i) => [k, values[i]]).filter(([, v]) => v !== NO_VALUE)));
  }

  private intrinsic(value: Record<string, unknown>): unknown[] {
    const [name, arg] = Object.entries(value)[0];
    switch (name) {
      case 'Ref': return this.ref(value, arg);
      case 'Fn::If': {
        if (!Array.isArray(arg) || arg.length !== 3) {
          return [value];
        }
        const decided = this.condition(arg[0]);
        return decided === true ? this.expand(arg[1]) : decided === false ? this.expand(arg[2]) : [...this.expand(arg[1]), ...this.expand(arg[2])];
      }
      case 'Fn::FindInMap': return this.findInMap(value, arg);
      case 'Fn::Select': {
        if (!Array.isArray(arg) || arg.length !== 2) {
          return [value];
        }
        return product([this.expand(arg[0]), this.expand(arg[1])]).map(([index, list]) => {
          const i = typeof index === 'string' ? Number(index) : index;
          return typeof i === 'number' && Array.isArray(list) && Number.isInteger(i) && i >= 0 && i < list.length ? list[i] : value;
        });
      }
      case 'Fn::Join': {
        if (!Array.isArray(arg) || arg.length !== 2 || typeof arg[0] !== 'string') {
          return [value];
        }
        return this.expand(arg[1]).map(list => (Array.isArray(list) && list.every(p => typeof p === 'string') ? list.join(arg[0] as string) : value));
      }
      case 'Fn::Sub':
        return typeof arg === 'string' && !arg.includes('${') ? [arg] : [value];
      default:
        return [value];
    }
  }

  private ref(value: unknown, name: unknown): unknown[] {
    if (name === 'AWS::NoValue') {
      return [NO_VALUE];
    }
    const pseudo = typeof name === 'string' ? this.context.pseudo?.[name] : undefined;
    if (pseudo !== undefined) {
      return [pseudo];
    }
    const parameter = typeof name === 'string' ? this.context.parameters?.[name] : undefined;
    // An SSM parameter type's AllowedValues and Default name the SSM key, not the value it holds.
    if (!parameter || (typeof parameter.Type === 'string' && parameter.Type.startsWith('AWS::SSM::'))) {
      return [value];
    }
    if (Array.isArray(parameter.AllowedValues) && parameter.AllowedValues.length > 0) {
      return parameter.AllowedValues;
    }
    // Without allowed values, the default is what a deployment that names no value gets; any other value stays possible.
    return parameter.Default === undefined ? [value] : [parameter.Default, value];
  }

  private findInMap(value: unknown, arg: unknown): unknown[] {
    if (!Array.isArray(arg) || arg.length < 3 || typeof arg[0] !== 'string') {
      return [value];
    }
    const mapping = this.context.mappings?.[arg[0]];
    if (!mapping) {
      return [value];
    }
    const level = (table: Record<string, unknown>, key: unknown): unknown[] =>
      (typeof key === 'string' ? (key in table ? [table[key]] : []) : Object.values(table));
    const out: unknown[] = [];
    for (const [top, second] of product([this.expand(arg[1]), this.expand(arg[2])])) {
      for (const row of level(mapping, isIntrinsic(top) ? undefined : top)) {
        out.push(...level((row ?? {}) as Record<string, unknown>, isIntrinsic(second) ? undefined : second));
      }
    }
    // Fn::FindInMap's DefaultValue (language extensions) is what a key the mapping lacks gets.
    const fallback = (arg[3] as any)?.DefaultValue;
    if (fallback !== undefined) {
      out.push(fallback);
    }
    return out.length === 0 ? [value] : out.flatMap(v => this.expand(v));
  }

  /** A condition's value when literals decide it; undefined when it depends on the deployment. */
  private condition(condition: unknown, depth = 0): boolean | undefined {
    if (depth > 8) {
      return undefined;
    }
    if (typeof condition === 'string') {
      return this.condition(this.context.conditions?.[condition], depth + 1);
    }
    if (condition === null || typeof condition !== 'object') {
      return undefined;
    }
    const [name, arg] = Object.entries(condition as Record<string, unknown>)[0] ?? [];
    const list = Array.isArray(arg) ? arg : [];
    const parts = (): Array<boolean | undefined> => list.map(c => this.condition(c, depth + 1));
    switch (name) {
      case 'Condition': return this.condition(arg, depth + 1);
      case 'Fn::Not': { const [inner] = parts(); return inner === undefined ? undefined : !inner; }
      case 'Fn::And': { const p = parts(); return p.includes(false) ? false : p.every(v => v === true) ? true : undefined; }
      case 'Fn::Or': { const p = parts(); return p.includes(true) ? true : p.every(v => v === false) ? false : undefined; }
      case 'Fn::Equals': {
        if (list.length !== 2) {
          return undefined;
        }
        try {
          const pairs = product([this.expand(list[0]), this.expand(list[1])]);
          if (pairs.some(([a, b]) => isIntrinsic(a) || isIntrinsic(b))) {
            return undefined;
          }
          // CloudFormation compares the values as strings ("1" equals 1).
          const equal = pairs.map(([a, b]) => (typeof a === 'object' || typeof b === 'object' ? JSON.stringify(a) === JSON.stringify(b) : String(a) === String(b)));
          return equal.every(e => e) ? true : equal.every(e => !e) ? false : undefined;
        } catch {
          return undefined;
        }
      }
      default: return undefined;
    }
  }
}

/**
 * The variants of a resource's properties: one object per combination of the values the
 * expressions of `keys` (the properties the checks read) can take; the other properties as
 * written. Beyond the budget of combinations, a diagonal that still takes every value of every
 * key once; a key whose own values are beyond the budget stays as written (unchecked).
 */
export function propertyVariants(context: TemplateContext, properties: Record<string, unknown>,
  keys: readonly string[] = Object.keys(properties)): Array<Record<string, unknown>> {
  const expander = new Expander(context);
  const read = keys.filter(k => k in properties);
  // Each key alone: beyond the budget, the key stays as written (its intrinsics unchecked).
  const options = read.map(k => {
    try {
      return expander.expand(properties[k]);
    } catch (e) {
      if (e instanceof TooMany) {
        return [properties[k]];
      }
      throw e;
    }
  });
  const combine = (values: unknown[]) => {
    const variant: Record<string, unknown> = { ...properties };
    read.forEach((k, i) => {
      if (values[i] === NO_VALUE) {
        delete variant[k];
      } else {
        variant[k] = values[i];
      }
    });
    return variant;
  };
  try {
    return product(options).map(combine);
  } catch (e) {
    if (!(e instanceof TooMany)) {
      throw e;
    }
    // Too many combinations: every value of every key is still judged, in a diagonal of them.
    const rows = Math.max(...options.map(o => o.length));
    return Array.from({ length: rows }, (_, row) => combine(options.map(o => o[row % o.length])));
  }
}
