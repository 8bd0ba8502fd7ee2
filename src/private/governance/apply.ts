import * as fs from 'fs';
import * as path from 'path';
import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { judgePool, Judgement, judgeUnseen } from './checks';
import { PolicySettings, ruleMember } from './settings';
import { AppView, Located, StackTemplate, USER_POOL } from './view';
import { MfaPolicyMechanism, MfaPolicyRule, MfaPolicySeverity } from '../../governance/mfa-policy-enums';
import { ResolveContext } from '../context';
import { refuse } from '../errors';
import { POLICY_CHECKS, RULES } from '../rules';

export const PLUGIN_NAME = 'MfaPolicy';

/** How a rule is acknowledged: `MfaPolicy::<rule>`. */
export function acknowledgementId(rule: MfaPolicyRule): string {
  return `${PLUGIN_NAME}::${rule}`;
}
/** The construct metadata that `Validations.acknowledge` writes, and that the Aspect reads. */
const ACKNOWLEDGED = 'aws:cdk:acknowledged-rules';
/**
 * The first aws-cdk-lib whose validation plugins see acknowledgements per resource: 2.251 to
 * 2.257 drop a rule's findings app-wide once it is acknowledged anywhere, and 2.258 to 2.270 do
 * so too (listing them as suppressed); from 2.271 a finding is suppressed only under the construct
 * that acknowledged it (read from core/lib/private/synthesis*.js of each release).
 */
const PER_RESOURCE_ACKNOWLEDGEMENT = [2, 271, 0];

/** The installed aws-cdk-lib's version, as numbers. */
function cdkVersion(): number[] {
  try {
    const manifest = JSON.parse(fs.readFileSync(require.resolve('aws-cdk-lib/package.json'), 'utf8'));
    return String(manifest.version).split('.').map(n => parseInt(n, 10));
  } catch {
    return [0, 0, 0];
  }
}

/** Whether the installed aws-cdk-lib runs validation plugins with per-resource acknowledgements. */
export function pluginSupported(version: number[] = cdkVersion()): boolean {
  const cmp = version.map((n, i) => n - PER_RESOURCE_ACKNOWLEDGEMENT[i]).find(d => d !== 0) ?? 0;
  return typeof (cdk as any).Validations?.of === 'function' && cmp >= 0;
}

/** This library's version, for the report. */
function libraryVersion(): string | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(__dirname, '..', '..', '..', 'package.json'), 'utf8')).version;
  } catch {
    return undefined;
  }
}

/** A judgement with its severity: unjudged values as `uncheckedSeverity` says. */
function severityOf(judgement: Judgement, settings: PolicySettings): MfaPolicySeverity {
  return judgement.unchecked ? settings.uncheckedSeverity : settings.severity(judgement.rule);
}

/** The finding's text, and the fix with the way to acknowledge it. */
function describe(judgement: Judgement): { description: string; fix: string } {
  const check = POLICY_CHECKS[judgement.rule];
  const fix = judgement.unchecked ? 'Write a value known at synthesis, or acknowledge the finding for this pool.' : check.fix;
  return {
    description: `${judgement.finding}. ${judgement.unchecked ? check.statement : check.reason}`,
    fix: `${fix} To accept it for one pool: MfaPolicy.acknowledge(pool, MfaPolicyRule.${ruleMember(judgement.rule)}, reason). [docs/RULES.md#mfapolicy-${judgement.rule.toLowerCase()}]`,
  };
}

/** Reads a template of the cloud assembly and, through their asset paths, its nested stacks' templates. */
function readTemplates(templatePath: string, into: StackTemplate[]): void {
  const template = JSON.parse(fs.readFileSync(templatePath, 'utf8'));
  const resources = template.Resources ?? {};
  into.push({
    templatePath,
    resources,
    outputs: template.Outputs ?? {},
    parameters: template.Parameters,
    mappings: template.Mappings,
    conditions: template.Conditions,
  });
  for (const resource of Object.values<any>(resources)) {
    const nested = resource?.Type === 'AWS::CloudFormation::Stack' ? resource.Metadata?.['aws:asset:path'] : undefined;
    const nestedPath = typeof nested === 'string' ? path.join(path.dirname(templatePath), nested) : undefined;
    if (nestedPath && nestedPath.endsWith('.json') && fs.existsSync(nestedPath)) {
      readTemplates(nestedPath, into);
    }
  }
}

/**
 * Reads the templates of nested stacks that the asset metadata did not name (an app synthesized
 * outside the CLI has none): a nested stack's template sits next to its parent's.
 */
function readNestedTemplates(templatePaths: readonly string[], root: IConstruct | undefined, into: StackTemplate[]): void {
  const directories = [...new Set(templatePaths.map(p => path.dirname(p)))];
  for (const node of root?.node.findAll() ?? []) {
    if (!cdk.Stack.isStack(node) || !node.nested) {
      continue;
    }
    const file = directories.map(d => path.join(d, node.templateFile)).find(f => fs.existsSync(f));
    if (file && !into.some(t => t.templatePath === file)) {
      readTemplates(file, into);
    }
  }
}

/** The pseudo parameters a stack's environment fixes at synthesis: its Region, account and partition, where literal. */
function pseudoOf(stack: cdk.Stack): Record<string, string> {
  const known = Object.entries({ 'AWS::Region': stack.region, 'AWS::AccountId': stack.account, 'AWS::Partition': stack.partition })
    .filter(([, v]) => typeof v === 'string' && !cdk.Token.isUnresolved(v));
  return Object.fromEntries(known);
}

/** A template read from the assembly, with its stack's pseudo parameters (found by its template file). */
function withPseudo(template: StackTemplate, root: IConstruct | undefined): StackTemplate {
  const file = template.templatePath === undefined ? undefined : path.basename(template.templatePath);
  const stack = root?.node.findAll().find((n): n is cdk.Stack => cdk.Stack.isStack(n) && n.templateFile === file);
  return stack ? { ...template, pseudo: pseudoOf(stack) } : template;
}

/** The logical IDs of the resources of the app's nested stacks (`NestedStack`), whose templates the app writes. */
function nestedStackIds(root: IConstruct | undefined): Set<string> {
  const ids = new Set<string>();
  for (const node of root?.node.findAll() ?? []) {
    if (cdk.NestedStack.isNestedStack(node) && node.nestedStackResource) {
      ids.add(cdk.Stack.of(node.nestedStackResource).getLogicalId(node.nestedStackResource));
    }
  }
  return ids;
}

/** The validation plugin (aws-cdk-lib's IPolicyValidationPlugin, built without its types, which the floor lacks). */
function makePlugin(settings: PolicySettings): object {
  return {
    name: PLUGIN_NAME,
    version: libraryVersion(),
    ruleIds: Object.values(MfaPolicyRule),
    validate(context: { readonly templatePaths: string[]; readonly appConstruct?: IConstruct }) {
      const templates: StackTemplate[] = [];
      context.templatePaths.forEach(p => readTemplates(p, templates));
      readNestedTemplates(context.templatePaths, context.appConstruct, templates);
      const view = new AppView(templates.map(t => withPseudo(t, context.appConstruct)));
      const read = new Set(templates.map(t => t.templatePath));
      const nestedIds = nestedStackIds(context.appConstruct);
      const visibleNested = (stack: Located) => {
        const asset = stack.resource.Metadata?.['aws:asset:path'];
        return (typeof asset === 'string' && stack.template.templatePath !== undefined && read.has(path.join(path.dirname(stack.template.templatePath), asset)))
          || nestedIds.has(stack.logicalId);
      };
      const judged = [
        ...view.ofType(USER_POOL).flatMap(pool => judgePool(pool, view, settings).map(judgement => ({ located: pool, judgement }))),
        ...judgeUnseen(view, visibleNested),
      ];
      const violations = judged.map(({ located, judgement }) => ({
        ruleName: judgement.rule,
        ...describe(judgement),
        severity: severityOf(judgement, settings),
        ruleMetadata: { statement: POLICY_CHECKS[judgement.rule].statement },
        violatingResources: [{
          resourceLogicalId: located.logicalId,
          templatePath: located.template.templatePath,
          constructPath: typeof located.resource.Metadata?.['aws:cdk:path'] === 'string' ? located.resource.Metadata['aws:cdk:path'] : undefined,
          locations: [judgement.location],
        }],
      }));
      return { success: !violations.some(v => v.severity === 'error'), violations };
    },
  };
}

/** The reason a rule is acknowledged for a construct: on it or the closest construct above it. */
function acknowledgement(node: IConstruct, rule: MfaPolicyRule): string | undefined {
  const id = acknowledgementId(rule);
  for (let scope: IConstruct | undefined = node; scope; scope = scope.node.scope) {
    const entry = scope.node.metadata.find(m => m.type === ACKNOWLEDGED && m.data && typeof m.data === 'object' && id in m.data);
    if (entry) {
      return String((entry.data as Record<string, unknown>)[id]);
    }
  }
  return undefined;
}

/** The templates of a Stage's stacks (not those of Stages inside it), rendered from their L1 resources. */
function renderStage(stage: IConstruct): { view: AppView; nodes: Map<IConstruct, Located> } {
  type Section = Record<string, any>;
  type Rendered = {
    resources: Section; outputs: Section; parameters: Section; mappings: Section; conditions: Section; pseudo: Record<string, string>;
  };
  const templates = new Map<cdk.Stack, Rendered>();
  const owners = new Map<IConstruct, { stack: cdk.Stack; logicalId: string }>();
  for (const node of stage.node.findAll()) {
    if (!cdk.CfnElement.isCfnElement(node) || cdk.Stage.of(node) !== stage) {
      continue;
    }
    const stack = cdk.Stack.of(node);
    const template = templates.get(stack) ?? { resources: {}, outputs: {}, parameters: {}, mappings: {}, conditions: {}, pseudo: pseudoOf(stack) };
    templates.set(stack, template);
    try {
      const rendered = stack.resolve((node as any)._toCloudFormation()) ?? {};
      Object.assign(template.resources, rendered.Resources ?? {});
      Object.assign(template.parameters, rendered.Parameters ?? {});
      Object.assign(template.outputs, rendered.Outputs ?? {});
      Object.assign(template.mappings, rendered.Mappings ?? {});
      Object.assign(template.conditions, rendered.Conditions ?? {});
      if (cdk.CfnResource.isCfnResource(node)) {
        owners.set(node, { stack, logicalId: Object.keys(rendered.Resources ?? {})[0] });
      }
    } catch {
      // An element that cannot render now fails synthesis itself, with its own error.
    }
  }
  const view = new AppView([...templates.values()]);
  const nodes = new Map<IConstruct, Located>();
  for (const [node, { stack, logicalId }] of owners) {
    const template = templates.get(stack)!;
    if (template.resources[logicalId]) {
      nodes.set(node, { template, logicalId, resource: template.resources[logicalId] });
    }
  }
  return { view, nodes };
}

/**
 * The fallback: reports through annotations. It judges a Stage once its aspects have all run
 * (a validation of the Stage, added when the Aspect first visits it), so that each pool is judged
 * as the user's aspects left it, whatever their order.
 */
class PolicyAspect implements cdk.IAspect {
  private readonly stages = new WeakSet<IConstruct>();
  private readonly judged = new WeakSet<IConstruct>();
  private readonly reported = new WeakSet<IConstruct>();

  constructor(private readonly settings: PolicySettings) {}

  /**
   * Aspects do not descend into nested Stages, which are synthesized apart and before their
   * parent's aspects run: the Aspect goes on every Stage under `scope` that it is not on yet.
   */
  public follow(scope: IConstruct): void {
    for (const node of scope.node.findAll()) {
      if (node !== scope && cdk.Stage.isStage(node) && !this.stages.has(node)) {
        this.stages.add(node);
        addAspect(node, this);
      }
    }
  }

  public visit(node: IConstruct): void {
    const stage = cdk.Stage.of(node) ?? (cdk.Stage.isStage(node) ? node : undefined);
    const owner = cdk.Stage.isStage(node) ? node : stage;
    if (!owner || this.judged.has(owner)) {
      return;
    }
    this.judged.add(owner);
    owner.node.addValidation({ validate: () => { this.judgeStage(owner); return []; } });
  }

  private judgeStage(stage: IConstruct): void {
    if (this.reported.has(stage)) {
      return;
    }
    this.reported.add(stage);
    const { view, nodes } = renderStage(stage);
    const nested = new Set<IConstruct>(stage.node.findAll().filter(n => cdk.NestedStack.isNestedStack(n) && cdk.Stage.of(n) === stage)
      .map(n => (n as cdk.NestedStack).nestedStackResource).filter((r): r is cdk.CfnResource => r !== undefined));
    const nodeOf = new Map<Located['resource'], IConstruct>([...nodes].map(([node, located]) => [located.resource, node]));
    for (const [node, located] of nodes) {
      if (located.resource.Type === USER_POOL) {
        judgePool(located, view, this.settings).forEach(judgement => this.report(node, judgement));
      }
    }
    const visibleNested = (stack: Located) => nested.has(nodeOf.get(stack.resource)!);
    for (const { located, judgement } of judgeUnseen(view, visibleNested)) {
      this.report(nodeOf.get(located.resource) ?? stage, judgement);
    }
  }

  private report(node: IConstruct, judgement: Judgement): void {
    const id = acknowledgementId(judgement.rule);
    const { description, fix } = describe(judgement);
    const reason = acknowledgement(node, judgement.rule);
    if (reason !== undefined) {
      cdk.Annotations.of(node).addInfo(`[${id}] acknowledged: ${judgement.finding}. Reason: ${reason}`);
    } else if (severityOf(judgement, this.settings) === MfaPolicySeverity.ERROR) {
      cdk.Annotations.of(node).addError(`[${id}] ${description} Fix: ${fix}`);
    } else {
      cdk.Annotations.of(node).addWarningV2(id, `${description} Fix: ${fix}`);
    }
  }
}

/** Adds the Aspect at the read-only priority, where this aws-cdk-lib has priorities. */
function addAspect(scope: IConstruct, aspect: cdk.IAspect): void {
  const readOnly = (cdk as any).AspectPriority?.READONLY;
  (cdk.Aspects.of(scope) as any).add(aspect, readOnly === undefined ? undefined : { priority: readOnly });
}

/** The stages that have a policy. */
const WITH_POLICY = Symbol.for('cdk-mfa-user-pool.MfaPolicy');

/**
 * Registers the policy on an App or a Stage: as a validation plugin where aws-cdk-lib supports
 * per-resource acknowledgements, as an Aspect otherwise (or when `mechanism` says so).
 */
export function applyPolicy(scope: IConstruct, settings: PolicySettings, mechanism?: MfaPolicyMechanism): MfaPolicyMechanism {
  const where = scope.node.path || '<app>';
  if (!cdk.Stage.isStage(scope)) {
    throw refuse(where, RULES.policyScope, 'applyTo(scope)', 'is not an App or a Stage', scope.constructor?.name ?? typeof scope,
      'Pass the App (cdk.App) or the Stage whose pools the policy governs.');
  }
  if ((scope as any)[WITH_POLICY]) {
    throw refuse(where, RULES.policyTwice, 'applyTo(scope)', 'already has an MfaPolicy', where,
      'Apply one policy per Stage: put every requirement in one MfaPolicy.');
  }
  Object.defineProperty(scope, WITH_POLICY, { value: true });
  const chosen = mechanism ?? (pluginSupported() ? MfaPolicyMechanism.VALIDATION_PLUGIN : MfaPolicyMechanism.ASPECT);
  if (chosen === MfaPolicyMechanism.VALIDATION_PLUGIN) {
    (cdk as any).Validations.of(scope).addPlugins(makePlugin(settings));
  } else {
    const aspect = new PolicyAspect(settings);
    addAspect(scope, aspect);
    // Stages made after this call are followed when the scope is synthesized (the CLI, app.synth()).
    aspect.follow(scope);
    const synth = (scope as cdk.Stage).synth;
    Object.defineProperty(scope, 'synth', {
      value: (options?: cdk.StageSynthesisOptions) => {
        aspect.follow(scope);
        return synth.call(scope, options);
      },
    });
  }
  return chosen;
}

/** Acknowledges a rule of the policy for a construct and everything under it. */
export function acknowledgePolicyRule(scope: IConstruct, rule: MfaPolicyRule, reason: string): void {
  const where = scope.node.path || '<app>';
  new ResolveContext(where).member('rule', rule, MfaPolicyRule, 'an MfaPolicyRule');
  if (typeof reason !== 'string' || reason.trim() === '') {
    throw refuse(where, RULES.policyAcknowledgeReason, 'reason', 'is empty', reason, 'Say why the finding is accepted for this construct: the report keeps it.');
  }
  const id = acknowledgementId(rule);
  const validations = (cdk as any).Validations;
  if (typeof validations?.of === 'function' && typeof validations.of(scope).acknowledge === 'function') {
    validations.of(scope).acknowledge({ id, reason });
  } else {
    scope.node.addMetadata(ACKNOWLEDGED, { [id]: reason });
  }
}
