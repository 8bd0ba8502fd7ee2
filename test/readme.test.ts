/**
 * Every TypeScript snippet of README.md runs as written (rosetta compiles them; this runs them):
 * each is a complete program that makes its own App. Its warnings must be explained by the text
 * of its section (the warning's id appears there), so that a reader is never surprised by one.
 */
import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as ts from 'typescript';

const README = fs.readFileSync(path.join(__dirname, '..', 'README.md'), 'utf-8');

interface Snippet { readonly line: number; readonly code: string; readonly section: string }

function snippets(): Snippet[] {
  const found: Snippet[] = [];
  const lines = README.split('\n');
  let section = '';
  let sectionText: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    if (/^#{2,3} /.test(lines[i])) {
      section = lines[i];
      sectionText = [];
    }
    if (/^```ts\b/.test(lines[i])) {
      const start = i;
      const code: string[] = [];
      for (i++; lines[i] !== '```'; i++) {
        code.push(lines[i]);
      }
      found.push({ line: start + 1, code: code.join('\n'), section: `${section}\n${sectionText.join('\n')}` });
      continue;
    }
    sectionText.push(lines[i]);
  }
  return found;
}

/** Runs a snippet with `cdk-mfa-user-pool` resolved to this repository's sources; returns its App, if it makes one. */
function run(code: string): App | undefined {
  const js = ts.transpileModule(`${code}\nexports.__app = typeof app === 'undefined' ? undefined : app;`, {
    compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2020 },
  }).outputText;
  const exported: { __app?: App } = {};
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const requireFor = (id: string) => (id === 'cdk-mfa-user-pool' ? require('../src') : require(id));
  new Function('require', 'exports', js)(requireFor, exported);
  return exported.__app;
}

const ALL = snippets();

describe('README.md TypeScript snippets', () => {
  test('there are snippets, each a complete program that makes its App', () => {
    expect(ALL.length).toBeGreaterThanOrEqual(20);
    for (const s of ALL.filter(x => /new MfaUserPool\(/.test(x.code))) {
      expect(s.code).toMatch(/const app = new App\(/);
    }
    for (const s of ALL) {
      expect(s.code).not.toMatch(/declare const|\bthis\s*[,.)]/);
    }
  });

  test.each(ALL.map(s => [s.line, s] as const))('the snippet at README.md:%i runs, and its warnings are explained in its section', (_line, snippet) => {
    const app = run(snippet.code);
    if (!app) {
      return; // a function for the reader's code: it ran (compiled and defined), nothing to synthesize
    }
    app.synth();
    const stacks = app.node.children.filter((c): c is import('aws-cdk-lib').Stack => (c as any).templateOptions !== undefined);
    const warnings = stacks.flatMap(stack => Annotations.fromStack(stack).findWarning('*', Match.anyValue()).map(w => String(w.entry.data)));
    const ids = warnings.map(w => /\[ack: ([^\]]+)\]/.exec(w)?.[1] ?? w);
    for (const id of ids) {
      expect(`${snippet.section}`).toContain(id.replace(/^cdk-mfa-user-pool:/, ''));
    }
  });
});
