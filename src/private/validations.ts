import * as cdk from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

/**
 * Whether this aws-cdk-lib has `Validations` (policy validation plugins such as cdk-nag 3 and
 * the built-in CloudFormation validation): aws-cdk-lib 2.257 and later. The supported floor is
 * older, so the library probes instead of importing it.
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
 * Where `Validations` does not exist there is nothing to acknowledge to, so this does nothing.
 */
export function acknowledge(scope: IConstruct, plugin: string, ruleId: string, reason: string): void {
  if (validationsAvailable()) {
    (cdk as any).Validations.of(scope).acknowledge({ id: `${plugin}::${ruleId}`, reason });
  }
}
