/**
 * A test oracle for the web ACLs this library writes: it evaluates the statements of a synthesized
 * `AWS::WAFv2::WebACL` (CloudFormation casing) on a request described as Cognito hands it to WAF
 * (headers, path, method, the caller's country and network). It knows only the statement kinds the
 * library writes and throws on any other, so a rule it cannot read never passes for one that
 * counts. It is not a WAF emulator: rate limits are not counted over time, managed rule groups are
 * opaque, labels, duplicate headers and terminating actions are not modelled.
 */

/** A request as WAF sees it for a user pool. */
export interface WafRequest {
  /** Header names in lowercase. */
  readonly headers: Readonly<Record<string, string>>;
  readonly path: string;
  readonly method: string;
  /** The caller's country, by its address. */
  readonly country: string;
}

/** What one rule does with a request. */
export interface RuleVerdict {
  readonly rule: string;
  /** For a rate-based rule, the aggregation: IP, CONSTANT, or the custom keys joined. */
  readonly key?: string;
  readonly limit?: number;
  /** The rule's statement (or scope-down) matches the request. */
  readonly matches: boolean;
  /** What the rule does to what it matches: Block, Captcha, Count, ..., or the group's override. */
  readonly action: string;
}

/** WAF's URL_DECODE: %XX sequences decoded, a malformed one left as it is. */
function urlDecode(value: string): string {
  return value.replace(/%([0-9a-fA-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** WAF's NORMALIZE_PATH: multiple slashes, self-references and back-references removed. */
function normalizePath(value: string): string {
  if (!value.startsWith('/')) {
    return value;
  }
  const out: string[] = [];
  for (const segment of value.split('/')) {
    if (segment === '' || segment === '.') {
      continue;
    }
    if (segment === '..') {
      out.pop();
      continue;
    }
    out.push(segment);
  }
  return '/' + out.join('/') + (value.endsWith('/') && out.length > 0 ? '/' : '');
}

function transform(value: string, transformations: any[]): string {
  let out = value;
  for (const t of [...transformations].sort((a, b) => a.Priority - b.Priority)) {
    switch (t.Type) {
      case 'NONE': break;
      case 'LOWERCASE': out = out.toLowerCase(); break;
      case 'URL_DECODE': out = urlDecode(out); break;
      case 'NORMALIZE_PATH': out = normalizePath(out); break;
      default: throw new Error(`oracle: text transformation ${t.Type} unknown`);
    }
  }
  return out;
}

/** The field's value, or undefined when the request lacks it (a missing header). */
function field(fieldToMatch: any, request: WafRequest): string | undefined {
  const kinds = Object.keys(fieldToMatch);
  if (kinds.length !== 1) {
    throw new Error(`oracle: a FieldToMatch names one field (${kinds.join(', ')})`);
  }
  switch (kinds[0]) {
    case 'SingleHeader': {
      const name = fieldToMatch.SingleHeader.Name;
      if (typeof name !== 'string') {
        throw new Error('oracle: SingleHeader takes Name, in CloudFormation casing');
      }
      return request.headers[name.toLowerCase()];
    }
    case 'UriPath': return request.path;
    case 'Method': return request.method;
    default: throw new Error(`oracle: field ${kinds[0]} unknown`);
  }
}

/** Whether the statement matches the request. */
export function matches(statement: any, request: WafRequest): boolean {
  const kinds = Object.keys(statement);
  if (kinds.length !== 1) {
    throw new Error(`oracle: a statement has one kind (${kinds.join(', ')})`);
  }
  const body = statement[kinds[0]];
  switch (kinds[0]) {
    case 'AndStatement': return body.Statements.every((s: any) => matches(s, request));
    case 'OrStatement': return body.Statements.some((s: any) => matches(s, request));
    case 'NotStatement': return !matches(body.Statement, request);
    case 'GeoMatchStatement': return body.CountryCodes.includes(request.country);
    case 'ByteMatchStatement': {
      const raw = field(body.FieldToMatch, request);
      if (raw === undefined) {
        return false;
      }
      const value = transform(raw, body.TextTransformations);
      const search = body.SearchString;
      switch (body.PositionalConstraint) {
        case 'EXACTLY': return value === search;
        case 'STARTS_WITH': return value.startsWith(search);
        case 'ENDS_WITH': return value.endsWith(search);
        case 'CONTAINS': return value.includes(search);
        default: throw new Error(`oracle: positional constraint ${body.PositionalConstraint} unknown`);
      }
    }
    case 'SizeConstraintStatement': {
      const raw = field(body.FieldToMatch, request);
      if (raw === undefined) {
        return false;
      }
      const size = Buffer.byteLength(transform(raw, body.TextTransformations));
      switch (body.ComparisonOperator) {
        case 'GT': return size > body.Size;
        case 'GE': return size >= body.Size;
        case 'EQ': return size === body.Size;
        case 'NE': return size !== body.Size;
        case 'LT': return size < body.Size;
        case 'LE': return size <= body.Size;
        default: throw new Error(`oracle: comparison ${body.ComparisonOperator} unknown`);
      }
    }
    default: throw new Error(`oracle: statement ${kinds[0]} unknown`);
  }
}

/** The aggregation of a rate-based statement: IP, CONSTANT, or the custom keys; throws on a key it cannot read. */
function aggregation(rate: any): string {
  if (rate.AggregateKeyType !== 'CUSTOM_KEYS') {
    if (!['IP', 'FORWARDED_IP', 'CONSTANT'].includes(rate.AggregateKeyType)) {
      throw new Error(`oracle: aggregate key type ${rate.AggregateKeyType} unknown`);
    }
    return rate.AggregateKeyType;
  }
  if (!Array.isArray(rate.CustomKeys) || rate.CustomKeys.length === 0) {
    throw new Error('oracle: CUSTOM_KEYS without CustomKeys');
  }
  return rate.CustomKeys.map((k: any) => {
    const names = Object.keys(k);
    if (names.length !== 1 || !['ASN', 'IP', 'HTTPMethod', 'Header', 'UriPath'].includes(names[0])) {
      throw new Error(`oracle: a custom key names one known component (${JSON.stringify(k)})`);
    }
    return names[0];
  }).join('+');
}

/** Every rule of the web ACL with what it does to the request; managed groups say whether their scope-down matches. */
export function verdicts(webAclProperties: any, request: WafRequest): RuleVerdict[] {
  return webAclProperties.Rules.map((rule: any): RuleVerdict => {
    const statement = rule.Statement;
    const action = Object.keys(rule.Action ?? rule.OverrideAction ?? {}).join(',');
    if (statement.RateBasedStatement) {
      const rate = statement.RateBasedStatement;
      const scoped = rate.ScopeDownStatement === undefined ? true : matches(rate.ScopeDownStatement, request);
      return { rule: rule.Name, key: aggregation(rate), limit: rate.Limit, matches: scoped, action };
    }
    if (statement.ManagedRuleGroupStatement) {
      const scope = statement.ManagedRuleGroupStatement.ScopeDownStatement;
      return { rule: rule.Name, matches: scope === undefined ? true : matches(scope, request), action };
    }
    return { rule: rule.Name, matches: matches(statement, request), action };
  });
}

/** The rate-based rules that count the request and block it past their limit. */
export function countedBy(webAclProperties: any, request: WafRequest): string[] {
  return verdicts(webAclProperties, request).filter(v => v.key !== undefined && v.matches && v.action === 'Block').map(v => v.rule);
}
