import { Stack, Tokenization } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { unknownScopes } from './resolve/app-client';

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

/** What the app's clients of the pool say, once the app is complete, that Cognito rejects or that cannot be checked. */
export interface ClientFindings {
  /** Clients with the client credentials grant and the openid scope (InvalidOAuthFlowException). */
  readonly clientCredentialsWithOpenid: string[];
  /** Clients with choice-based sign-in (ALLOW_USER_AUTH): refused on the LITE plan. */
  readonly userAuth: string[];
  /** Scopes that are neither built-in nor custom (ScopeDoesNotExistException), with their client. */
  readonly unknownScopes: string[];
  /** Custom scopes no resource server of the pool in the app declares, with their client. */
  readonly undeclaredScopes: string[];
}

/**
 * Reads every app client of the pool in its Stage (addAppClient's, the L2's, raw L1s) from its
 * synthesized values, and the custom scopes the pool's resource servers in the app declare.
 */
export function judgeClientsOfPool(stageRoot: IConstruct, userPoolId: string): ClientFindings {
  const poolRef = Tokenization.reverse(userPoolId);
  const ofPool = (userPool: string) => Tokenization.reverse(userPool) === poolRef;
  const constructs = stageRoot.node.findAll();
  const declared = new Set<string>();
  for (const server of constructs) {
    if (server instanceof cognito.CfnUserPoolResourceServer && ofPool(server.userPoolId)) {
      const resolved = Stack.of(server).resolve({ identifier: server.identifier, scopes: server.scopes });
      for (const scope of Array.isArray(resolved.scopes) ? resolved.scopes : []) {
        declared.add(`${resolved.identifier}/${scope?.scopeName}`);
      }
    }
  }
  const findings: ClientFindings = { clientCredentialsWithOpenid: [], userAuth: [], unknownScopes: [], undeclaredScopes: [] };
  for (const client of constructs) {
    if (!(client instanceof cognito.CfnUserPoolClient) || !ofPool(client.userPoolId)) {
      continue;
    }
    const path = client.node.scope?.node.path ?? client.node.path;
    const stack = Stack.of(client);
    const flows = stack.resolve(client.allowedOAuthFlows);
    const authFlows = stack.resolve(client.explicitAuthFlows);
    const scopes: string[] = (stack.resolve(client.allowedOAuthScopes) ?? []).filter((scope: unknown) => typeof scope === 'string');
    if (Array.isArray(flows) && flows.includes('client_credentials') && scopes.includes('openid')) {
      findings.clientCredentialsWithOpenid.push(path);
    }
    if (Array.isArray(authFlows) && authFlows.includes('ALLOW_USER_AUTH')) {
      findings.userAuth.push(path);
    }
    findings.unknownScopes.push(...unknownScopes(scopes).map(scope => `${scope} (${path})`));
    findings.undeclaredScopes.push(...scopes.filter(scope => scope.includes('/') && !declared.has(scope)).map(scope => `${scope} (${path})`));
  }
  return findings;
}
