/**
 * Writes docs/RULES.md, the reader's view of the rule catalog (src/private/rules/catalog.ts):
 *
 *   npx projen rules:docs
 *
 * test/rules/rules-md.test.ts fails when the committed file is not what this renders.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Coverage, ModelEntry, NEGATIVE_SPACE, NegativeSpaceRow, rowsOf } from './negative-space-table';
import { ruleMember } from '../src/private/governance/settings';
import { ALL_RULES, POLICY_CHECKS, PolicyCheck, Rule, WARNING_PREFIX } from '../src/private/rules';

export const RULES_MD = path.join(__dirname, '..', 'docs', 'RULES.md');

const KIND_ORDER = ['measured', 'documented', 'schema', 'contract', 'policy', 'inferred'];

function kinds(rule: Rule): string {
  return [...new Set(rule.evidence.map(e => e.kind))].sort((a, b) => KIND_ORDER.indexOf(a) - KIND_ORDER.indexOf(b)).join(', ');
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|');
}

function section(rule: Rule): string {
  const lines = [
    `### ${rule.id}`,
    '',
    `**${rule.action === 'refuse' ? 'Refuses' : 'Advises'}.** ${rule.statement}`,
    '',
  ];
  if (rule.action === 'advise') {
    lines.push(`Acknowledge: \`Annotations.of(pool).acknowledgeWarning('${WARNING_PREFIX}${rule.id}', reason)\`.`, '');
  }
  lines.push('Evidence:', '');
  for (const evidence of rule.evidence) {
    lines.push(`- *${evidence.kind}*: ${evidence.says} <${evidence.source}>`);
  }
  lines.push('');
  return lines.join('\n');
}

function policySection(check: PolicyCheck): string {
  const member = ruleMember(check.id);
  return [
    `### MfaPolicy-${check.id}`,
    '',
    `**${check.id}.** ${check.statement}`,
    '',
    `Recommended: ${check.recommended}.`,
    '',
    `Why: ${check.reason}`,
    '',
    `Fix: ${check.fix}`,
    '',
    `Acknowledge for one pool (or everything under a construct): \`MfaPolicy.acknowledge(pool, MfaPolicyRule.${member}, reason)\`, or \`Validations.of(pool).acknowledge({ id: 'MfaPolicy::${check.id}', reason })\`.`,
    '',
    'Evidence:',
    '',
    ...check.evidence.map(e => `- *${e.kind}*: ${e.says} <${e.source}>`),
    '',
  ].join('\n');
}

/** The app-wide policy's checks: not refusals, but what a platform team asks of every pool. */
function policyChapter(): string[] {
  const checks = Object.values(POLICY_CHECKS);
  return [
    '## App-wide MFA policy',
    '',
    '`MfaPolicy.applyTo(app)` checks every `AWS::Cognito::UserPool` of the app (an `MfaUserPool`, the L2, a raw',
    '`CfnUserPool`, overrides included) against these rules. They are not refusals: Cognito accepts every configuration',
    'they report. Each finding is an error (synthesis fails) or a warning, as the policy says; a value known only at',
    'deploy time is reported as a warning that it could not be checked. The plugin\'s name is `MfaPolicy`, so a finding',
    'is acknowledged as `MfaPolicy::<rule>`, per pool, with a reason kept in `validation-report.json`.',
    '',
    '| Rule | Statement | Recommended |',
    '| --- | --- | --- |',
    ...checks.map(c => `| [${c.id}](#mfapolicy-${c.id.toLowerCase()}) | ${cell(c.statement)} | ${cell(c.recommended)} |`),
    '',
    ...checks.map(policySection),
  ];
}

/** The whole of docs/RULES.md. */
export function renderRules(): string {
  const refusals = ALL_RULES.filter(r => r.action === 'refuse');
  const advisories = ALL_RULES.filter(r => r.action === 'advise');
  const table = (rules: readonly Rule[]) => [
    '| Rule | Statement | Evidence |',
    '| --- | --- | --- |',
    ...rules.map(r => `| [${r.id}](#${r.id.toLowerCase()}) | ${cell(r.statement)} | ${kinds(r)} |`),
  ].join('\n');
  return [
    '<!-- Generated from src/private/rules/catalog.ts by `npx projen rules:docs`: do not edit by hand. -->',
    '# Rules',
    '',
    'Every configuration `MfaUserPool` refuses, and every advisory it leaves, is a rule of this catalog. A refusal',
    'message ends with its rule, `[rule: <id>, docs/RULES.md#<id>]`; an advisory\'s warning id is',
    `\`${WARNING_PREFIX}<id>\`, which acknowledges it.`,
    '',
    'The policy: a refusal needs evidence that Cognito or CloudFormation rejects the configuration at deploy time',
    '(*measured*: an error text with where and when, or a deployed snapshot; *documented*: the Cognito or CloudFormation',
    'documentation or the API reference; *schema*: the API model or the CloudFormation resource schema), or is this',
    'library\'s own *contract* (an input it would otherwise ignore, or a call it cannot honour). A *policy* refusal',
    'keeps a published security requirement on this library\'s own methods only (`addAppClient` refuses the OAuth',
    'implicit grant, after RFC 9700): Cognito accepts that configuration, and the L2 still makes it. Anything weaker',
    '(*inferred*), and every per-user runtime behaviour, is an advisory. `test/rules/catalog.test.ts` fails when a rule',
    'has no evidence, when a refusal has no evidence that may refuse, or when a rule has no configuration that triggers it.',
    '',
    `## Refusals (${refusals.length})`,
    '',
    table(refusals),
    '',
    `## Advisories (${advisories.length})`,
    '',
    table(advisories),
    '',
    '## Rules and their evidence',
    '',
    ...ALL_RULES.map(section),
    ...policyChapter(),
    ...negativeSpaceChapter(),
  ].join('\n');
}

/** docs/negative-space/models.json: the exceptions and member constraints of botocore's models. */
const MODELS = path.join(__dirname, '..', 'docs', 'negative-space', 'models.json');

/** The negative space: every documented rejection of the pinned models, and what covers it. */
function negativeSpaceChapter(): string[] {
  const models: { botocore: string; resources: Record<string, string[]>; entries: ModelEntry[] } = JSON.parse(fs.readFileSync(MODELS, 'utf-8'));
  const rows = rowsOf(models.entries);
  const counts = Object.values(Coverage).map(kind => [kind, models.entries.filter(e => rows.get(e.id)?.[0]?.coverage === kind).length] as const);
  const by = (row: NegativeSpaceRow) => `${row.coverage}${row.rules ? `: ${row.rules.map(rule => `[${rule}](#${rule.toLowerCase()})`).join(', ')}` : ''}`;
  // One line per row of the table, listing the entries of the service it maps (a constraint with what the model says).
  const service = (prefix: string, title: string) => [
    `### ${title}`,
    '',
    '| Model entries | Covered by | Why |',
    '| --- | --- | --- |',
    ...NEGATIVE_SPACE.map(row => [row, models.entries.filter(e => e.id.startsWith(prefix) && rows.get(e.id)![0] === row)] as const)
      .filter(([, entries]) => entries.length > 0)
      .map(([row, entries]) => `| ${entries.map(e => `\`${e.id.slice(prefix.length)}\`${e.kind === 'constraint' ? ` (${cell(e.says.length > 60 ? `${e.says.slice(0, 57)}...` : e.says)})` : ''}`).join(', ')} `
        + `| ${by(row)} | ${cell(row.why)} |`),
    '',
  ];
  return [
    '## The negative space',
    '',
    `What the API models say Cognito, WAF, End User Messaging and IAM reject, for every operation CloudFormation calls for the resources this library writes, read from botocore ${models.botocore}`,
    '(`docs/negative-space/models.json`, written by `scripts/negative-space.py`; `npx projen lint:cfn` checks it against the pinned botocore): each',
    'exception an operation documents, and each member constraint of its input (required; min, max, pattern, enum), by the shape that holds it.',
    'Each entry is mapped by one row of `scripts/negative-space-table.ts`; `test/rules/negative-space.test.ts` fails on an entry no row maps, an entry',
    'two rows map, and a row that maps nothing. A row marked *not covered* is a decision, with its reason.',
    '',
    '| Resource | Operations |',
    '| --- | --- |',
    ...Object.entries(models.resources).map(([resource, ops]) => `| ${resource} | ${ops.join(', ')} |`),
    '',
    '| Covered by | Entries |',
    '| --- | --- |',
    ...counts.map(([kind, n]) => `| ${kind} | ${n} |`),
    '',
    ...service('cognito-idp:', 'Amazon Cognito (cognito-idp)'),
    ...service('wafv2:', 'AWS WAF (wafv2)'),
    ...service('pinpoint-sms-voice-v2:', 'AWS End User Messaging SMS (pinpoint-sms-voice-v2)'),
    ...service('iam:', 'IAM (iam)'),
    'CloudWatch alarms, dashboards, log groups and metric filters are left out: aws-cdk-lib\'s L2s write them from values the library computes, and',
    'they are not the sign-in path.',
    '',
  ];
}

if (require.main === module) {
  fs.writeFileSync(RULES_MD, renderRules());
  // eslint-disable-next-line no-console
  console.log(`wrote ${path.relative(process.cwd(), RULES_MD)}: ${ALL_RULES.length} rules`);
}
