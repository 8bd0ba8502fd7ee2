import * as fs from 'fs';
import { renderRules, RULES_MD } from '../../scripts/rules-md';
import { ALL_RULES } from '../../src/private/rules';

describe('docs/RULES.md', () => {
  test('is what the catalog renders (run `npx projen rules:docs` after changing a rule)', () => {
    expect(fs.readFileSync(RULES_MD, 'utf-8')).toBe(renderRules());
  });

  test('has a section for every rule, with each evidence link', () => {
    const md = renderRules();
    for (const rule of ALL_RULES) {
      expect(md).toContain(`### ${rule.id}\n`);
      for (const evidence of rule.evidence) {
        expect(md).toContain(`<${evidence.source}>`);
      }
    }
  });
});
