import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as ts from 'typescript';

/**
 * The types of amplify_outputs.json schema 1.5, as the npm package @aws-amplify/client-config
 * publishes them (generated from the JSON schema with json-schema-to-typescript: required fields,
 * enums, and no property the schema does not define). The package ships no JSON schema itself.
 */
export const SCHEMA_TYPES = path.join(path.dirname(require.resolve('@aws-amplify/client-config')), 'client-config-schema', 'client_config_v1.5.d.ts');

/** A resolved template value with its CloudFormation intrinsics replaced by the strings they resolve to at deploy. */
export function deployed(value: unknown): unknown {
  if (Array.isArray(value)) {
    return value.map(deployed);
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) {
      return `<${keys[0]}>`;
    }
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deployed(v)]));
  }
  return value;
}

/** The content of an AmplifyOutputs, as it is at deploy. */
export function deployedContent(stack: Stack, content: unknown): unknown {
  return deployed(stack.resolve(content));
}

/**
 * Type-checks each value as an object literal of type AWSAmplifyBackendOutputs (excess property
 * checks included), in one program; returns the diagnostics, each naming the value's index.
 */
export function schemaErrors(values: readonly unknown[]): string[] {
  const file = path.join(path.dirname(SCHEMA_TYPES), '__amplify_outputs_check.ts');
  const source = [
    'import type { AWSAmplifyBackendOutputs } from \'./client_config_v1.5\';',
    ...values.map((v, i) => `export const value${i}: AWSAmplifyBackendOutputs = ${JSON.stringify(v)};`),
  ].join('\n');
  const options: ts.CompilerOptions = {
    strict: true, noEmit: true, target: ts.ScriptTarget.ES2020, module: ts.ModuleKind.CommonJS, skipLibCheck: true, types: [],
  };
  const host = ts.createCompilerHost(options);
  const read = host.getSourceFile;
  host.getSourceFile = (name, language, onError, create) => (path.resolve(name) === file
    ? ts.createSourceFile(name, source, language)
    : read.call(host, name, language, onError, create));
  const fileExists = host.fileExists;
  host.fileExists = name => path.resolve(name) === file || fileExists.call(host, name);
  const program = ts.createProgram([file], options, host);
  return ts.getPreEmitDiagnostics(program).map(d => {
    const where = d.file && d.start !== undefined ? d.file.getLineAndCharacterOfPosition(d.start).line : -1;
    return `value${where - 1}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
