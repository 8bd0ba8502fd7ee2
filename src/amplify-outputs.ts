import { CfnOutput } from 'aws-cdk-lib';
import * as ssm from 'aws-cdk-lib/aws-ssm';
import type { MfaRecovery } from './recovery/mfa-recovery';

/**
 * Options for `MfaUserPool.addAmplifyOutputs()`.
 *
 * @example
 * const options: AmplifyOutputsOptions = { parameterName: '/myapp/amplify_outputs.json' };
 */
export interface AmplifyOutputsOptions {
  /**
   * Also write the JSON to this SSM parameter (a String parameter; the content stays well under
   * its 4 KB limit), for a build or a web-hosting step to read.
   *
   * @default - no parameter: the stack output only
   * @see https://docs.aws.amazon.com/systems-manager/latest/userguide/systems-manager-parameter-store.html
   */
  readonly parameterName?: string;

  /**
   * The pool's self-service recovery codes: their endpoint is written as
   * `custom.mfa_recovery_url`, where a client (the example page) finds it. Must be a recovery
   * construct of this pool.
   *
   * @default - no recovery endpoint written
   * @see https://docs.amplify.aws/react/reference/amplify_outputs/
   */
  readonly recovery?: MfaRecovery;
}

/**
 * The client configuration Amplify loads (`amplify_outputs.json`, schema version 1.5) for a pool
 * and one of its app clients, made by `MfaUserPool.addAmplifyOutputs()`: MFA mode and methods,
 * password policy, username attributes, verification, passwordless and passkeys, and OAuth on the
 * managed login domain. The IDs are tokens that CloudFormation resolves at deploy: read the
 * stack output with `cdk deploy --outputs-file`, or pass `json` on to another construct.
 *
 * Amplify JavaScript v6 reads `mfa_methods` SMS and TOTP only: EMAIL is written (the schema has
 * it) and ignored by its parser today.
 *
 * @see https://docs.amplify.aws/react/reference/amplify_outputs/
 */
export class AmplifyOutputs {
  /**
   * Made by `MfaUserPool.addAmplifyOutputs()`.
   *
   * @internal
   */
  public static _create(content: { [key: string]: any }, json: string, output: CfnOutput, parameter?: ssm.StringParameter): AmplifyOutputs {
    return new AmplifyOutputs(content, json, output, parameter);
  }

  /** The content, as an object (IDs are tokens). */
  public readonly content: { [key: string]: any };
  /** The content as a JSON string, resolved at deploy: for a CfnOutput, a parameter or a web-hosting construct. */
  public readonly json: string;
  /** The stack output that carries it. */
  public readonly output: CfnOutput;
  /** The SSM parameter that carries it, with `parameterName`. */
  public readonly parameter?: ssm.StringParameter;

  private constructor(content: { [key: string]: any }, json: string, output: CfnOutput, parameter?: ssm.StringParameter) {
    this.content = content;
    this.json = json;
    this.output = output;
    this.parameter = parameter;
  }
}
