import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Whether this aws-cdk-lib has `Validations` (policy validation plugins such as cdk-nag 3):
 * `Validations.of(...).addPlugins` from aws-cdk-lib 2.251, `acknowledge` from 2.252, the built-in
 * CloudFormation validation from 2.262 (read from each release's core/lib/validation). The
 * supported floor is older, so the library probes instead of importing it.
 */
export function validationsAvailable(): boolean {
  return typeof (cdk as any).Validations?.of === 'function';
}

/**
 * Acknowledges one finding of a validation plugin on a construct, with the evidence as the reason.
 *
 * `plugin` qualifies the rule id (`AwsSolutions::AwsSolutions-IAM5[Resource::*]`): with a bare
 * rule id, aws-cdk-lib 2.276 and cdk-nag 3.0.2 hide the finding but leave no trace of it, while
 * the qualified id lists it in the cloud assembly's `validation-report.json` under the plugin's
 * `suppressedViolations`, with the reason (observed by synthesizing both; a test reads the report).
 *
 * Where `Validations` does not exist there is nothing to acknowledge to, so this does nothing.
 * aws-cdk-lib 2.257 to 2.268 split a rule id on every `::` (`Validations.qualifyId`; 2.269 parses
 * the brackets), so they refuse an id with `::` inside its brackets ("The '::' delimiter is
 * reserved") and cannot acknowledge such a finding at all: there the acknowledgement is left out
 * and the finding stays visible, rather than failing the user's synthesis.
 */
export function acknowledge(scope: IConstruct, plugin: string, ruleId: string, reason: string): void {
  // 2.251 has Validations without acknowledge().
  if (!validationsAvailable() || typeof (cdk as any).Validations.of(scope).acknowledge !== 'function') {
    return;
  }
  try {
    (cdk as any).Validations.of(scope).acknowledge({ id: `${plugin}::${ruleId}`, reason });
  } catch (e) {
    // Matched by message: under jsii's kernel (Python, Java, .NET, Go) the error is not an
    // instance of this realm's Error.
    if (!/Invalid validation rule ID/.test(String((e as { message?: unknown } | undefined)?.message))) {
      throw e;
    }
  }
}
