import { CfnResource, Stack, Stage, Tokenization } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';

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
