import * as fs from 'fs';
import * as path from 'path';
import { Coverage, matches, ModelEntry, NEGATIVE_SPACE, rowsOf } from '../../scripts/negative-space-table';
import { RULES } from '../../src/private/rules';

const MODELS = path.join(__dirname, '..', '..', 'docs', 'negative-space', 'models.json');
const models: { botocore: string; resources: Record<string, string[]>; entries: ModelEntry[] } = JSON.parse(fs.readFileSync(MODELS, 'utf-8'));

describe('the negative space: every documented rejection of the pinned models is mapped', () => {
  test('the models are read from the botocore that requirements-dev.txt pins (scripts/negative-space.py --check runs in lint:cfn)', () => {
    const pinned = /^botocore==(\S+)$/m.exec(fs.readFileSync(path.join(__dirname, '..', '..', 'requirements-dev.txt'), 'utf-8'))?.[1];
    expect(models.botocore).toBe(pinned);
    expect(models.entries.length).toBeGreaterThan(500);
  });

  test('every model entry is mapped by exactly one row', () => {
    const rows = rowsOf(models.entries);
    const unmapped = [...rows].filter(([, by]) => by.length === 0).map(([id]) => id);
    const twice = [...rows].filter(([, by]) => by.length > 1).map(([id, by]) => `${id} (${by.map(row => row.entries[0]).join(' | ')})`);
    expect({ unmapped, twice }).toEqual({ unmapped: [], twice: [] });
  });

  test('every pattern of the table maps at least one model entry (no stale rows)', () => {
    const stale = NEGATIVE_SPACE.flatMap(row => row.entries).filter(pattern => !models.entries.some(entry => matches(pattern, entry.id)));
    expect(stale).toEqual([]);
  });

  test('a rule row names rules of the catalog, and every row says why', () => {
    for (const row of NEGATIVE_SPACE) {
      expect(row.why.trim().length).toBeGreaterThan(10);
      if (row.coverage === Coverage.RULE) {
        expect(row.rules?.length).toBeGreaterThan(0);
      }
      for (const rule of row.rules ?? []) {
        expect(Object.keys(RULES)).toContain(rule);
      }
    }
  });

  // The held-out check: a row taken out of the table leaves model entries unmapped (each row maps an entry no other row maps).
  test('every row is needed: without it, some model entry is unmapped', () => {
    const rows = rowsOf(models.entries);
    const needed = new Set([...rows.values()].filter(by => by.length === 1).map(by => by[0]));
    expect(NEGATIVE_SPACE.filter(row => !needed.has(row)).map(row => row.entries[0])).toEqual([]);
    const without = NEGATIVE_SPACE.filter(row => row !== NEGATIVE_SPACE[5]);
    expect([...rowsOf(models.entries, without)].filter(([, by]) => by.length === 0).map(([id]) => id)).toEqual(
      models.entries.map(entry => entry.id).filter(id => NEGATIVE_SPACE[5].entries.some(pattern => matches(pattern, id))));
  });

  test('an entry removed from the models is noticed: a pattern that maps nothing is stale', () => {
    const fewer = models.entries.filter(entry => entry.id !== 'cognito-idp:CreateManagedLoginBranding!ManagedLoginBrandingExistsException');
    const stale = NEGATIVE_SPACE.flatMap(row => row.entries).filter(pattern => !fewer.some(entry => matches(pattern, entry.id)));
    expect(stale).toEqual(['cognito-idp:CreateManagedLoginBranding!ManagedLoginBrandingExistsException']);
  });

  test('patterns match whole ids, with * for any text', () => {
    expect(matches('cognito-idp:*!InternalErrorException', 'cognito-idp:CreateUserPool!InternalErrorException')).toBe(true);
    expect(matches('cognito-idp:PasswordPolicyType.*', 'cognito-idp:PasswordPolicyType.MinimumLength')).toBe(true);
    expect(matches('cognito-idp:PasswordPolicyType.*', 'cognito-idp:XPasswordPolicyType.MinimumLength')).toBe(false);
    expect(matches('wafv2:Rule.*', 'wafv2:RuleActionOverride.Name')).toBe(false);
  });
});
