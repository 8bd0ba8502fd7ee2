import { CfnResource, Stack, Stage, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { unknownScopes } from './resolve/app-client';

/**
 * A resource of the app as CloudFormation will receive it: its properties rendered from the
 * construct, property overrides included, whether it was made with an L1 class, an L2 or a raw
 * `CfnResource`.
 */
export interface RenderedResource {
  readonly construct: CfnResource;
  /** Where a message points: the L2 that made it, or the L1 itself when it stands alone. */
  readonly path: string;
  readonly properties: { readonly [key: string]: any };
  /** It has a CloudFormation condition: whether it will exist is known only at deploy time. */
  readonly conditional: boolean;
}

/**
 * The resources of the given types in the Stage of `scope` (or the whole app), rendered, in one
 * walk of the tree. Read once the app is complete (in a validation), so that every override is in.
 */
export function renderedResources(scope: IConstruct, types: readonly string[]): Map<string, RenderedResource[]> {
  const wanted = new Set(types);
  const found = new Map<string, RenderedResource[]>(types.map(type => [type, []]));
  for (const node of (Stage.of(scope) ?? scope.node.root).node.findAll()) {
    if (!(node instanceof CfnResource) || !wanted.has(node.cfnResourceType)) {
      continue;
    }
    const rendered = Stack.of(node).resolve((node as any)._toCloudFormation());
    const resource = Object.values<any>(rendered?.Resources ?? {})[0] ?? {};
    const owner = node.node.scope;
    found.get(node.cfnResourceType)!.push({
      construct: node,
      path: owner && !(owner instanceof Stack) && node.node.id === 'Resource' ? owner.node.path : node.node.path,
      properties: resource.Properties ?? {},
      conditional: node.cfnOptions.condition !== undefined,
    });
  }
  return found;
}

/**
 * Whether a rendered resource's property refers to the given value (a pool's ID, a client's ID):
 * the same token, wherever the two are defined (another stack, another construct), or, for a
 * value written by hand or by an override, the same rendering in the resource's stack.
 */
export function refersTo(resource: RenderedResource, key: string, target: string): boolean {
  const written = rawProperty(resource.construct, key);
  const token = Tokenization.reverse(target);
  if (written !== undefined && token !== undefined && Tokenization.reverse(written) === token) {
    return true;
  }
  try {
    return JSON.stringify(resource.properties[key]) === JSON.stringify(Stack.of(resource.construct).resolve(target));
  } catch {
    return false;
  }
}

/** A property as the construct holds it before rendering: the L1's own field, or a raw CfnResource's property. */
function rawProperty(construct: CfnResource, key: string): unknown {
  const raw = (construct as any)._cfnProperties;
  if (raw && key in raw) {
    return raw[key];
  }
  return (construct as any)[key.charAt(0).toLowerCase() + key.slice(1)];
}

/** A rendered list property as literal strings, or undefined when it is not a literal list (a token, a condition). */
export function literalList(value: unknown): string[] | undefined {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined;
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
  /** The pool's replicas (`replication`'s, raw L1s and CfnResources), as rendered. */
  readonly replicas: RenderedResource[];
  /** The pool's Regional configuration attachments (`MfaUserPoolSecondary`'s and raw ones), as rendered. */
  readonly regionalConfigurations: RenderedResource[];
}

const DOMAIN = 'AWS::Cognito::UserPoolDomain';
const CLIENT = 'AWS::Cognito::UserPoolClient';
const SERVER = 'AWS::Cognito::UserPoolResourceServer';
const REPLICA = 'AWS::Cognito::UserPoolReplica';
const REGIONAL = 'AWS::Cognito::UserPoolRegionalConfigurationAttachment';

/**
 * Reads every domain, app client, resource server, replica and Regional configuration of the pool in its Stage as CloudFormation
 * will receive them (addAppClient's, the L2's, raw L1s and CfnResources, overrides included): a
 * domain with `CustomDomainConfig` is a custom domain, any other a prefix domain. A resource under
 * a CloudFormation condition may not exist, so it is not counted.
 */
export function judgePoolChildren(pool: IConstruct, userPoolId: string): PoolChildrenFindings {
  const found = renderedResources(pool, [DOMAIN, CLIENT, SERVER, REPLICA, REGIONAL]);
  const ofPool = (type: string) => found.get(type)!.filter(r => !r.conditional && refersTo(r, 'UserPoolId', userPoolId));
  const domains = ofPool(DOMAIN);
  const findings: PoolChildrenFindings = {
    prefixDomains: domains.filter(d => d.properties.CustomDomainConfig === undefined).map(d => d.path),
    customDomains: domains.filter(d => d.properties.CustomDomainConfig !== undefined).map(d => d.path),
    clientCredentialsWithOpenid: [],
    userAuth: [],
    unknownScopes: [],
    undeclaredScopes: [],
    replicas: ofPool(REPLICA),
    regionalConfigurations: ofPool(REGIONAL),
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
