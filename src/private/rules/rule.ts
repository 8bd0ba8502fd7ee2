/**
 * What a piece of evidence is. Only `measured`, `documented`, `schema` (evidence that Cognito or
 * CloudFormation rejects the configuration at deploy time), `contract` (an input this library
 * would otherwise ignore or cannot interpret: it claims nothing about Cognito) and `policy` (a
 * published security requirement, kept on this library's own methods with a way around it) may
 * back a refusal;
 * `inferred` backs advisories only.
 */
export enum EvidenceKind {
  /** Observed on real AWS: an error text with where and when, or a deployed snapshot. */
  MEASURED = 'measured',
  /** Stated by the Cognito or CloudFormation documentation or the API reference. */
  DOCUMENTED = 'documented',
  /** A constraint in the API model or the CloudFormation resource schema. */
  SCHEMA = 'schema',
  /** This library's own contract: an input that it would ignore, or a call it cannot honour. */
  CONTRACT = 'contract',
  /**
   * A security requirement of a published standard that this library promises to keep, on its own
   * methods only, with a way around it named in the fix (the L2 stays open): it claims nothing
   * about Cognito, which accepts the configuration.
   */
  POLICY = 'policy',
  /** Reasoned from neighbouring facts, never observed: advice only. */
  INFERRED = 'inferred',
}

/** One source for a rule. */
export interface Evidence {
  readonly kind: EvidenceKind;
  /** A link to the source (documentation page, issue thread, schema). */
  readonly source: string;
  /** What the source says or shows, in a sentence (error texts quoted). */
  readonly says: string;
}

/** Whether a rule refuses the configuration or only advises. */
export type RuleAction = 'refuse' | 'advise';

/** One rule of the catalog: a refusal or an advisory, with its evidence. */
export interface Rule {
  /** Stable id; an advisory is acknowledged as `cdk-mfa-user-pool:<id>`. */
  readonly id: string;
  readonly action: RuleAction;
  /** What the rule says, in one line. */
  readonly statement: string;
  readonly evidence: readonly Evidence[];
}

/** The evidence kinds that may back a refusal. */
export const REFUSAL_KINDS: ReadonlySet<EvidenceKind> = new Set([
  EvidenceKind.MEASURED, EvidenceKind.DOCUMENTED, EvidenceKind.SCHEMA, EvidenceKind.CONTRACT, EvidenceKind.POLICY,
]);

/** The prefix of every advisory's warning id. */
export const WARNING_PREFIX = 'cdk-mfa-user-pool:';

/** Where a reader looks a rule up. */
export function ruleLink(rule: Rule): string {
  return `docs/RULES.md#${rule.id.toLowerCase()}`;
}
