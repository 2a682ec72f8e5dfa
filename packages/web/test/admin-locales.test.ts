import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { en } from '../src/features/admin/locales/en.ts';
import { ru } from '../src/features/admin/locales/ru.ts';
import { TIE_BREAKERS } from '../src/features/admin/tie-breakers.ts';
import { FIXTURE_KINDS } from '../src/features/admin/season-plan.ts';
import { STATUS_ACTIONS } from '../src/features/admin/match-actions.ts';
import { FORMATS, SECTIONS, STAFF_ROLES, TIE_KINDS } from '../src/features/admin/catalog.ts';

const dir = path.join(path.dirname(fileURLToPath(import.meta.url)), '../src/features/admin');

/** Every key path, with plural suffixes folded, since Russian has more plural forms than English. */
function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'object'
      ? keys(v as object, `${prefix}${k}.`)
      : [`${prefix}${k.replace(/_(one|few|many|other)$/, '')}`],
  );
}

describe('admin locales', () => {
  const enKeys = new Set(keys(en));
  const ruKeys = new Set(keys(ru));

  it('Russian and English have the same keys', () => {
    expect([...enKeys].sort()).toEqual([...ruKeys].sort());
  });

  it('has every key the screens name literally', () => {
    const used = new Set<string>();
    for (const file of readdirSync(dir).filter((f) => /\.tsx?$/.test(f))) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      for (const m of text.matchAll(/'admin\.([a-zA-Z0-9_.]+)'/g)) used.add(m[1]!);
    }
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((k) => !enKeys.has(k))).toEqual([]);
  });

  it('has a word for every value the screens look up by name', () => {
    const wanted = [
      ...SECTIONS.flatMap((s) => [`nav.${s}`, `home.${s}`]),
      ...TIE_BREAKERS.map((b) => `tieBreaker.${b}`),
      ...FORMATS.map((f) => `format.${f}`),
      ...Object.values(FIXTURE_KINDS)
        .flat()
        .map((k) => `fixtureKind.${k}`),
      ...Object.values(STATUS_ACTIONS)
        .flat()
        .map((a) => `match.action.${a.action}`),
      ...STAFF_ROLES.map((r) => `role.${r}`),
      ...TIE_KINDS.map((k) => `tieKind.${k}`),
      ...['league', 'group', 'playoff'].map((s) => `stage.${s}`),
      ...['draw', 'bonus'].map((p) => `shootoutPolicy.${p}`),
      ...['pointsWin', 'pointsDraw', 'pointsLoss', 'pointsShootoutWin', 'pointsShootoutLoss'].map(
        (k) => `competition.${k}`,
      ),
    ];
    expect(wanted.filter((k) => !enKeys.has(k))).toEqual([]);
  });
});
