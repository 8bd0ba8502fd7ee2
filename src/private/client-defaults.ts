import { Stack, Tokenization } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';

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

/** The domains of a pool, wherever in its Stage they are defined, by kind. */
export interface PoolDomains {
  readonly prefix: string[];
  readonly custom: string[];
}

/**
 * Every `AWS::Cognito::UserPoolDomain` of the pool in its Stage (the L2's `addDomain`, a raw L1,
 * and addManagedLogin's), by kind: one with `CustomDomainConfig` is a custom domain, any other a
 * prefix domain. Matched by the pool's ID token, as its children reference it.
 */
export function domainsOfPool(stageRoot: IConstruct, userPoolId: string): PoolDomains {
  const poolRef = Tokenization.reverse(userPoolId);
  const prefix: string[] = [];
  const custom: string[] = [];
  for (const construct of stageRoot.node.findAll()) {
    if (construct instanceof cognito.CfnUserPoolDomain && Tokenization.reverse(construct.userPoolId) === poolRef) {
      (construct.customDomainConfig === undefined ? prefix : custom).push(construct.node.scope?.node.path ?? construct.node.path);
    }
  }
  return { prefix, custom };
}

/**
 * The app clients of the pool in its Stage with the client credentials grant and the openid scope,
 * which Cognito rejects ("openid is not supported with client_credentials flow"), by path.
 */
export function clientCredentialsWithOpenid(stageRoot: IConstruct, userPoolId: string): string[] {
  const poolRef = Tokenization.reverse(userPoolId);
  const found: string[] = [];
  for (const construct of stageRoot.node.findAll()) {
    if (!(construct instanceof cognito.CfnUserPoolClient) || Tokenization.reverse(construct.userPoolId) !== poolRef) {
      continue;
    }
    const stack = Stack.of(construct);
    const flows = stack.resolve(construct.allowedOAuthFlows);
    const scopes = stack.resolve(construct.allowedOAuthScopes);
    if (Array.isArray(flows) && flows.includes('client_credentials') && Array.isArray(scopes) && scopes.includes('openid')) {
      found.push(construct.node.scope?.node.path ?? construct.node.path);
    }
  }
  return found;
}
