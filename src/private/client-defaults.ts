import { Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';

/** An app client of the pool that kept the L2's OAuth defaults. */
export interface ClientWithOAuthDefaults {
  /** The client's construct path. */
  readonly path: string;
  /** It allows the OAuth implicit grant. */
  readonly implicit: boolean;
  /** Its callback URLs include the L2's placeholder, `https://example.com`. */
  readonly placeholder: boolean;
}

/**
 * The app clients of a pool, in its stack, that allow the implicit grant or list the placeholder
 * callback URL `https://example.com`: what the L2's `addClient()` and `new UserPoolClient()` give
 * unless told otherwise. Read from the synthesized L1 values, so it runs at synthesis.
 *
 * @param stack the pool's stack
 * @param userPoolId the pool's ID (its Ref)
 * @param exclude clients to leave out (those addAppClient made)
 */
export function clientsWithOAuthDefaults(
  stack: Stack, userPoolId: string, exclude: ReadonlySet<cognito.CfnUserPoolClient>,
): ClientWithOAuthDefaults[] {
  const poolRef = JSON.stringify(stack.resolve(userPoolId));
  const found: ClientWithOAuthDefaults[] = [];
  for (const construct of stack.node.findAll()) {
    if (!(construct instanceof cognito.CfnUserPoolClient) || exclude.has(construct)
      || JSON.stringify(stack.resolve(construct.userPoolId)) !== poolRef) {
      continue;
    }
    const flows = stack.resolve(construct.allowedOAuthFlows);
    const callbacks = stack.resolve(construct.callbackUrLs);
    const implicit = Array.isArray(flows) && flows.includes('implicit');
    const placeholder = Array.isArray(callbacks) && callbacks.includes('https://example.com');
    if (implicit || placeholder) {
      found.push({ path: construct.node.scope?.node.path ?? construct.node.path, implicit, placeholder });
    }
  }
  return found;
}
