import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, AppProps } from 'aws-cdk-lib';
import { MfaPolicyMechanism, MfaPolicyProps } from '../../src';
import { applyPolicy, pluginSupported } from '../../src/private/governance/apply';
import { resolvePolicy } from '../../src/private/governance/settings';

export type Mechanism = MfaPolicyMechanism;

/** The mechanisms this aws-cdk-lib can run: both on the newest, the Aspect alone on the floor. */
export const MECHANISMS: Mechanism[] = pluginSupported()
  ? [MfaPolicyMechanism.VALIDATION_PLUGIN, MfaPolicyMechanism.ASPECT] : [MfaPolicyMechanism.ASPECT];

/** One finding of the policy, as the user sees it in the report or the annotations. */
export interface Found {
  readonly rule: string;
  /** `error`, `warning`, or `acknowledged` (with the reason). */
  readonly severity: string;
  /** The construct path of the pool's L1 resource, without a leading slash. */
  readonly path: string;
  readonly text: string;
  readonly reason?: string;
}

/** What one synthesis under the policy showed. */
export interface Outcome {
  readonly findings: Found[];
  /** The error synthesis failed with (the plugin path, in memory), if it did. */
  readonly failure?: string;
  /** The validation report (the plugin path). */
  readonly report?: any;
}

function fromReport(report: any): Found[] {
  const ours = (report?.pluginReports ?? []).filter((r: any) => r.pluginName === 'MfaPolicy');
  return ours.flatMap((r: any) => [
    ...(r.violations ?? []).flatMap((v: any) => v.violatingConstructs.map((c: any) =>
      ({ rule: v.ruleName, severity: v.severity, path: c.constructPath, text: v.description }))),
    ...(r.suppressedViolations ?? []).flatMap((v: any) => v.violatingConstructs.map((c: any) =>
      ({ rule: v.ruleName, severity: 'acknowledged', path: c.constructPath, text: v.description, reason: v.reason }))),
  ]);
}

function fromAnnotations(assembly: { stacksRecursively: any[] }): Found[] {
  return assembly.stacksRecursively.flatMap(s => s.messages).flatMap((m: any) => {
    const text = String(m.entry.data);
    const rule = /MfaPolicy::(\w+)/.exec(text)?.[1];
    if (!rule) {
      return [];
    }
    const acknowledged = /\] acknowledged: .*\. Reason: (.*)$/.exec(text);
    return [{
      rule, severity: acknowledged ? 'acknowledged' : m.level, path: String(m.id).replace(/^\//, ''), text, reason: acknowledged?.[1],
    }];
  });
}

/**
 * Builds an app, applies the policy with the given mechanism, synthesizes, and returns what the
 * user would see: the validation report's findings (plugin) or the annotations (Aspect).
 */
export function underPolicy(mechanism: Mechanism, build: (app: App) => void, props: MfaPolicyProps = {}, appProps: AppProps = {}): Outcome {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'mfa-policy-'));
  const app = new App({ outdir, builtinCloudFormationValidation: false, ...appProps } as AppProps);
  applyPolicy(app, resolvePolicy('MfaPolicy', props), mechanism);
  build(app);
  try {
    const assembly = app.synth();
    if (mechanism === MfaPolicyMechanism.ASPECT) {
      return { findings: fromAnnotations(assembly) };
    }
    const reportFile = path.join(outdir, 'validation-report.json');
    const report = fs.existsSync(reportFile) ? JSON.parse(fs.readFileSync(reportFile, 'utf8')) : undefined;
    return { findings: fromReport(report), report };
  } catch (e) {
    const reportFile = path.join(outdir, 'validation-report.json');
    if (mechanism === MfaPolicyMechanism.ASPECT || !fs.existsSync(reportFile)) {
      throw e;
    }
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    return { findings: fromReport(report), failure: String((e as Error).message), report };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

/** The pools (construct ids under the stack) that a rule reported, sorted. */
export function reported(outcome: Outcome, rule: string, severity?: string): string[] {
  return outcome.findings.filter(f => f.rule === rule && (severity === undefined || f.severity === severity))
    .map(f => f.path.split('/').slice(1).join('/').replace(/\/Resource$/, '').replace(/\/(UserPool|Default)$/, ''))
    .sort();
}
