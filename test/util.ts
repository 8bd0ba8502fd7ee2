import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import { MfaUserPool, MfaUserPoolProps } from '../src';

export const ACCOUNT = '123456789012';

/** A fresh stack in a fixed account and Region (or environment-agnostic with `region: null`). */
export function newStack(region: string | null = 'us-east-1'): Stack {
  const app = new App();
  return new Stack(app, 'TestStack', region === null ? {} : { env: { account: ACCOUNT, region } });
}

/** Builds one `MfaUserPool` with id `Users` in a fresh stack. */
export function build(props?: MfaUserPoolProps, region: string | null = 'us-east-1') {
  const stack = newStack(region);
  const pool = new MfaUserPool(stack, 'Users', props);
  // Synthesized on first use, so that a test can still add clients or grants before.
  return {
    stack,
    pool,
    get template() { return Template.fromStack(stack); },
    get annotations() { return Annotations.fromStack(stack); },
  };
}

/** The properties of the only user pool in a template. */
export function poolProperties(template: Template): Record<string, any> {
  const pools = Object.values(template.findResources('AWS::Cognito::UserPool'));
  expect(pools).toHaveLength(1);
  return (pools[0] as any).Properties;
}
