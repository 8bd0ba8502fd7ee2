/**
 * Fails when a public method or constructor of this library takes a struct from another assembly
 * (aws-cdk-lib, constructs) as its last parameter:
 *
 *   npx projen check:assembly
 *
 * jsii's Python binding turns a last struct parameter into keyword arguments, as the struct stood
 * in the aws-cdk-lib this package was built with, and then builds that struct from the user's
 * aws-cdk-lib: a field added since the floor makes the call fail there
 * ("UserPoolClientOptions.__init__() got an unexpected keyword argument ..."). This library's own
 * structs travel with it, so they are safe. Runs after every compile; test/assembly.test.ts checks
 * that it finds such a parameter. It also fails on a public method or static factory without an
 * `@example`.
 */
import * as path from 'path';
import { ALL_SPEC_FEATURES, Assembly, loadAssemblyFromPath, TypeKind } from '@jsii/spec';

/** One public callable whose last parameter is another assembly's struct. */
export interface Finding {
  readonly callable: string;
  readonly parameter: string;
  readonly struct: string;
}

/**
 * The callables of `assembly` whose last parameter is a struct of another assembly.
 *
 * @param assembly this library's assembly
 * @param isForeignStruct whether a type of another assembly, by its fqn, is a struct
 */
export function foreignStructLastParameters(assembly: Assembly, isForeignStruct: (fqn: string) => boolean): Finding[] {
  const findings: Finding[] = [];
  for (const [fqn, type] of Object.entries(assembly.types ?? {})) {
    if (type.kind !== TypeKind.Class && type.kind !== TypeKind.Interface) {
      continue;
    }
    const callables = [
      ...(type.kind === TypeKind.Class && type.initializer ? [{ name: '<constructor>', parameters: type.initializer.parameters }] : []),
      ...(type.methods ?? []).filter(m => !m.protected || type.kind === TypeKind.Class),
    ];
    for (const callable of callables) {
      const last = callable.parameters?.[callable.parameters.length - 1];
      const lastFqn = last && 'fqn' in last.type ? last.type.fqn : undefined;
      if (last && lastFqn && !lastFqn.startsWith(`${assembly.name}.`) && isForeignStruct(lastFqn)) {
        findings.push({ callable: `${fqn}.${callable.name}`, parameter: last.name, struct: lastFqn });
      }
    }
  }
  return findings;
}

/**
 * The public methods and static factories of `assembly` without an `@example`: each reaches
 * API.md and Construct Hub in every language, where an example is what a reader copies.
 */
export function methodsWithoutExample(assembly: Assembly): string[] {
  const missing: string[] = [];
  for (const [fqn, type] of Object.entries(assembly.types ?? {})) {
    if (type.kind !== TypeKind.Class) {
      continue;
    }
    for (const method of type.methods ?? []) {
      if (!method.protected && !method.docs?.example) {
        missing.push(`${fqn}.${method.name}`);
      }
    }
  }
  return missing;
}

/** Looks a type up in the assembly of the package it belongs to, from this project's node_modules. */
function foreignStructs(root: string): (fqn: string) => boolean {
  const loaded = new Map<string, Assembly>();
  return (fqn: string) => {
    const pkg = fqn.split('.')[0];
    if (!loaded.has(pkg)) {
      loaded.set(pkg, loadAssemblyFromPath(path.dirname(require.resolve(`${pkg}/package.json`, { paths: [root] })), false, [...ALL_SPEC_FEATURES]));
    }
    const type = loaded.get(pkg)!.types?.[fqn];
    return type?.kind === TypeKind.Interface && type.datatype === true;
  };
}

if (require.main === module) {
  const root = path.join(__dirname, '..');
  const assembly = loadAssemblyFromPath(root, false);
  const findings = foreignStructLastParameters(assembly, foreignStructs(root));
  for (const f of findings) {
    console.error(`${f.callable}: the last parameter ${f.parameter} is ${f.struct}, a struct of another assembly. `
      + 'Take an option struct of this library instead (jsii\'s Python binding expands it as it stood at build time).');
  }
  const undocumented = methodsWithoutExample(assembly);
  for (const method of undocumented) {
    console.error(`${method}: a public method without an @example in its documentation`);
  }
  if (findings.length > 0 || undocumented.length > 0) {
    process.exit(1);
  }
  console.log('check:assembly: no public method or constructor takes a struct of another assembly as its last parameter; every public method has an @example');
}
