/**
 * The app as the policy sees it: CloudFormation templates (read from the cloud assembly by the
 * plugin, or rendered from the L1 resources by the Aspect), and what their expressions refer to.
 * Nothing here knows the constructs of this library: every pool is judged the same way.
 */

/** One resource of a template. */
export interface TemplateResource {
  readonly Type?: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/** What an expression is read against: the template's parameters, mappings and conditions. */
export interface TemplateContext {
  readonly parameters?: Readonly<Record<string, { readonly Type?: unknown; readonly AllowedValues?: unknown; readonly Default?: unknown }>>;
  /** The pseudo parameters the stack's environment fixes at synthesis (AWS::Region, AWS::AccountId, AWS::Partition). */
  readonly pseudo?: Readonly<Record<string, string>>;
  readonly mappings?: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, unknown>>>>>>;
  readonly conditions?: Readonly<Record<string, unknown>>;
}

/** One template of the app. */
export interface StackTemplate extends TemplateContext {
  /** The template file, as the validation report names it (the Aspect has none). */
  readonly templatePath?: string;
  readonly resources: Readonly<Record<string, TemplateResource>>;
  readonly outputs: Readonly<Record<string, { readonly Value?: unknown; readonly Export?: { readonly Name?: unknown } }>>;
}

/** A resource, with the template that holds it. */
export interface Located {
  readonly template: StackTemplate;
  readonly logicalId: string;
  readonly resource: TemplateResource;
}

export const USER_POOL = 'AWS::Cognito::UserPool';
export const WEB_ACL_ASSOCIATION = 'AWS::WAFv2::WebACLAssociation';
export const IAM_ROLE = 'AWS::IAM::Role';
export const WEB_ACL = 'AWS::WAFv2::WebACL';
export const REGIONAL_CONFIGURATION = 'AWS::Cognito::UserPoolRegionalConfigurationAttachment';
export const REPLICA = 'AWS::Cognito::UserPoolReplica';

/** True for a CloudFormation intrinsic (`Ref`, `Fn::*`): a value known only at deploy time. */
export function isIntrinsic(value: unknown): boolean {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return false;
  }
  const keys = Object.keys(value);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'));
}

/** True when a value, or anything inside it, is known only at deploy time. */
export function hasIntrinsic(value: unknown): boolean {
  if (isIntrinsic(value)) {
    return true;
  }
  if (Array.isArray(value)) {
    return value.some(hasIntrinsic);
  }
  return value !== null && typeof value === 'object' && Object.values(value).some(hasIntrinsic);
}

/** The names an `Fn::Sub` string refers to (`${Name}`, `${Name.Attr}`), pseudo parameters left out. */
function subNames(text: unknown): string[] {
  if (typeof text !== 'string') {
    return [];
  }
  return [...text.matchAll(/\$\{([^}!][^}]*)\}/g)].map(m => m[1].split('.')[0]).filter(n => !n.startsWith('AWS::'));
}

/** The logical IDs an expression names with `Ref`, `Fn::GetAtt` and `Fn::Sub`, and the exports it imports. */
function namesIn(value: unknown, names: string[], imports: unknown[]): void {
  if (Array.isArray(value)) {
    value.forEach(v => namesIn(v, names, imports));
    return;
  }
  if (value === null || typeof value !== 'object') {
    return;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  for (const [key, inner] of entries) {
    if (key === 'Ref' && typeof inner === 'string' && !inner.startsWith('AWS::')) {
      names.push(inner);
    } else if (key === 'Fn::GetAtt') {
      const attribute = Array.isArray(inner) ? inner[1] : undefined;
      if (typeof attribute === 'string' && attribute.startsWith(CROSS_REGION_PREFIX)) {
        // aws-cdk-lib's cross-Region reference: the reader's attribute is the parameter's name.
        imports.push({ crossRegion: attribute });
      } else {
        names.push(String(Array.isArray(inner) ? inner[0] : String(inner).split('.')[0]));
      }
    } else if (key === 'Fn::Sub') {
      names.push(...subNames(Array.isArray(inner) ? inner[0] : inner));
      namesIn(Array.isArray(inner) ? inner[1] : undefined, names, imports);
    } else if (key === 'Fn::ImportValue') {
      imports.push(inner);
    } else {
      namesIn(inner, names, imports);
    }
  }
}

/** The names of the SSM parameters aws-cdk-lib's cross-Region references travel through. */
const CROSS_REGION_PREFIX = '/cdk/exports/';
const CROSS_REGION_WRITER = 'Custom::CrossRegionExportWriter';

/** Every template of the app, with the lookups the checks need. */
export class AppView {
  private readonly exports = new Map<string, { template: StackTemplate; value: unknown }>();
  /** The values aws-cdk-lib's cross-Region reference writers store, by parameter name. */
  private readonly crossRegion = new Map<string, { template: StackTemplate; value: unknown }>();

  constructor(public readonly templates: readonly StackTemplate[]) {
    for (const template of templates) {
      for (const output of Object.values(template.outputs)) {
        if (typeof output.Export?.Name === 'string') {
          this.exports.set(output.Export.Name, { template, value: output.Value });
        }
      }
      for (const resource of Object.values(template.resources).filter(r => r.Type === CROSS_REGION_WRITER)) {
        const written = (resource.Properties?.WriterProps as any)?.exports;
        for (const [name, value] of Object.entries<unknown>(written && typeof written === 'object' ? written : {})) {
          this.crossRegion.set(name, { template, value });
        }
      }
    }
  }

  /** Every resource of a type, in every template. */
  public ofType(type: string): Located[] {
    return this.templates.flatMap(template => Object.entries(template.resources)
      .filter(([, resource]) => resource.Type === type)
      .map(([logicalId, resource]) => ({ template, logicalId, resource })));
  }

  /**
   * The resources an expression of `template` refers to: through `Ref`, `Fn::GetAtt` and
   * `Fn::Sub` in the same template, through `Fn::ImportValue` to the export of another, through
   * aws-cdk-lib's cross-Region references (a reader's `Fn::GetAtt` of `/cdk/exports/...`) to the
   * value its writer stores in the producer's template, and (for
   * templates rendered before synthesis, where a reference to another stack still names the
   * producer's logical ID) to the one resource of that logical ID elsewhere in the app.
   */
  public referenced(template: StackTemplate, expression: unknown, depth = 0): Located[] {
    const names: string[] = [];
    const imports: unknown[] = [];
    namesIn(expression, names, imports);
    const found = names.flatMap(name => this.byName(template, name));
    for (const name of imports) {
      const crossRegion = (name as { crossRegion?: string } | undefined)?.crossRegion;
      const exported = typeof name === 'string' ? this.exports.get(name) : crossRegion !== undefined ? this.crossRegion.get(crossRegion) : undefined;
      if (exported && depth < 4) {
        found.push(...this.referenced(exported.template, exported.value, depth + 1));
      }
    }
    return found;
  }

  private byName(template: StackTemplate, name: string): Located[] {
    const local = template.resources[name];
    if (local) {
      return [{ template, logicalId: name, resource: local }];
    }
    if (template.parameters?.[name] !== undefined) {
      return [];
    }
    const elsewhere = this.templates.filter(t => t.resources[name]);
    return elsewhere.length === 1 ? [{ template: elsewhere[0], logicalId: name, resource: elsewhere[0].resources[name] }] : [];
  }
}
