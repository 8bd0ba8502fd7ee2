import { Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import { literalList, RenderedResource, refersTo, renderedResources } from './pool-children';
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

/** What the app adds to a pool beyond this construct, read once the app is complete, that Cognito rejects or that cannot be checked. */
export interface PoolChildrenFindings {
  /** The pool's prefix and custom domains, by path (a domain under a condition is left out). */
  readonly prefixDomains: string[];
  readonly customDomains: string[];
  /** Clients with the client credentials grant and the openid scope (InvalidOAuthFlowException). */
  readonly clientCredentialsWithOpenid: string[];
  /** Clients with choice-based sign-in (ALLOW_USER_AUTH): refused on the LITE plan. */
  readonly userAuth: string[];
  /** Scopes that are neither built-in nor custom (ScopeDoesNotExistException), with their client. */
  readonly unknownScopes: string[];
  /** Custom scopes no resource server of the pool in the app declares, with their client; empty when a server cannot be read. */
  readonly undeclaredScopes: string[];
}

const DOMAIN = 'AWS::Cognito::UserPoolDomain';
const CLIENT = 'AWS::Cognito::UserPoolClient';
const SERVER = 'AWS::Cognito::UserPoolResourceServer';

/**
 * Reads every domain, app client and resource server of the pool in its Stage as CloudFormation
 * will receive them (addAppClient's, the L2's, raw L1s and CfnResources, overrides included): a
 * domain with `CustomDomainConfig` is a custom domain, any other a prefix domain. A resource under
 * a CloudFormation condition may not exist, so it is not counted.
 */
export function judgePoolChildren(pool: IConstruct, userPoolId: string): PoolChildrenFindings {
  const found = renderedResources(pool, [DOMAIN, CLIENT, SERVER]);
  const ofPool = (type: string) => found.get(type)!.filter(r => !r.conditional && refersTo(r, 'UserPoolId', userPoolId));
  const domains = ofPool(DOMAIN);
  const findings: PoolChildrenFindings = {
    prefixDomains: domains.filter(d => d.properties.CustomDomainConfig === undefined).map(d => d.path),
    customDomains: domains.filter(d => d.properties.CustomDomainConfig !== undefined).map(d => d.path),
    clientCredentialsWithOpenid: [],
    userAuth: [],
    unknownScopes: [],
    undeclaredScopes: [],
  };
  const declared = declaredScopes(ofPool(SERVER));
  for (const client of ofPool(CLIENT)) {
    const flows = literalList(client.properties.AllowedOAuthFlows) ?? [];
    const scopes = literalList(client.properties.AllowedOAuthScopes) ?? [];
    if (flows.includes('client_credentials') && scopes.includes('openid')) {
      findings.clientCredentialsWithOpenid.push(client.path);
    }
    if ((literalList(client.properties.ExplicitAuthFlows) ?? []).includes('ALLOW_USER_AUTH')) {
      findings.userAuth.push(client.path);
    }
    findings.unknownScopes.push(...unknownScopes(scopes).map(scope => `${scope} (${client.path})`));
    if (declared) {
      findings.undeclaredScopes.push(...scopes.filter(scope => scope.includes('/') && !declared.has(scope)).map(scope => `${scope} (${client.path})`));
    }
  }
  return findings;
}

/** The custom scopes the pool's resource servers declare, or undefined when one of them cannot be read at synthesis. */
function declaredScopes(servers: readonly RenderedResource[]): Set<string> | undefined {
  const declared = new Set<string>();
  for (const server of servers) {
    const identifier = server.properties.Identifier;
    const scopes = server.properties.Scopes ?? [];
    if (typeof identifier !== 'string' || !Array.isArray(scopes) || scopes.some(scope => typeof scope?.ScopeName !== 'string')) {
      return undefined;
    }
    scopes.forEach(scope => declared.add(`${identifier}/${scope.ScopeName}`));
  }
  return declared;
}
