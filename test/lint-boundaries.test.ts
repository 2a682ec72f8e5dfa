import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The package boundaries of eslint.config.js (decision 020), checked against imports written to break them.
const eslint = new ESLint({ cwd: new URL('..', import.meta.url).pathname });

async function messages(filePath: string, code: string, ruleId: string) {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === ruleId).length;
}
const restrictedImports = (filePath: string, code: string) =>
  messages(filePath, code, '@typescript-eslint/no-restricted-imports');

describe('package boundaries', () => {
  it.each([
    ['the web imports the server', 'packages/web/src/features/x.ts', "import { buildApp } from '@touchline/server';"],
    ['the web reaches into server source', 'packages/web/src/lib/x.ts', "import '../../../server/src/app.ts';"],
    // A value from the contract's entry brings zod, whose eval check the page's policy blocks, into the bundle.
    [
      'the web takes a value from the contract’s entry',
      'packages/web/src/x.ts',
      "import { Side } from '@touchline/contract';",
    ],
    ['the domain imports zod', 'packages/domain/src/x.ts', "import { z } from 'zod';"],
    [
      'the domain takes a value from the contract',
      'packages/domain/src/x.ts',
      "import { Side } from '@touchline/contract';",
    ],
    ['the domain imports node', 'packages/domain/src/x.ts', "import { readFile } from 'node:fs';"],
    ['the server reaches into web source', 'packages/server/src/x.ts', "import '../../web/src/lib/api.ts';"],
    [
      'a test reaches into another package by name',
      'packages/server/test/x.ts',
      "import '@touchline/web/src/lib/api.ts';",
    ],
    // Server folders import only folders below them (decision 025), so no two folders depend on each other again.
    [
      'league imports matches (matches uses league)',
      'packages/server/src/league/x.ts',
      "import '../matches/engine.ts';",
    ],
    [
      'matches imports realtime (realtime serves matches)',
      'packages/server/src/matches/x.ts',
      "import '../realtime/fanout.ts';",
    ],
    [
      'the read model imports league',
      'packages/server/src/reads/x.ts',
      "import { computeStandings } from '../league/standings.ts';",
    ],
    [
      'changes imports matches',
      'packages/server/src/changes/x.ts',
      "export { writeMatch } from '../matches/engine.ts';",
    ],
    [
      'a type import against the layers',
      'packages/server/src/auth/x.ts',
      "import type { Hub } from '../realtime/hub.ts';",
    ],
    ['a folder missing from the layers', 'packages/server/src/newfolder/x.ts', "import '../db/schema.ts';"],
    ['a layer imports a folder missing from them', 'packages/server/src/admin/x.ts', "import '../newfolder/x.ts';"],
  ])('refuses: %s', async (_what, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(1);
  });

  it.each([
    ['the domain takes contract types', 'packages/domain/src/x.ts', "import type { Side } from '@touchline/contract';"],
    ['the domain imports its own file', 'packages/domain/src/x.ts', "import { reduce } from './reducer.ts';"],
    ['the web takes contract types', 'packages/web/src/x.ts', "import type { Side } from '@touchline/contract';"],
    [
      'the web takes contract values from its constants',
      'packages/web/src/x.ts',
      "import { NOTIFY_KINDS } from '@touchline/contract/constants';",
    ],
    ['a server test uses an entry the web exports', 'packages/server/test/x.ts', "import '@touchline/web/realtime';"],
    ['matches uses the change log', 'packages/server/src/matches/x.ts', "import '../changes/unit-of-work.ts';"],
    ['a feed reads the read model', 'packages/server/src/realtime/x.ts', "import '../reads/snapshot.ts';"],
    ['a folder imports its own files', 'packages/server/src/league/x.ts', "import './standings.ts';"],
    ['the app composes the folders', 'packages/server/src/x.ts', "import './realtime/plugin.ts';"],
    ['App imports the route table', 'packages/web/src/App.tsx', "import { routes } from './routes.ts';"],
  ])('allows: %s', async (_what, file, code) => {
    expect(await restrictedImports(file, `${code}\nexport {};\n`)).toBe(0);
  });
});

// The web has no import cycle (decision 026): routes.ts loads every page, so a page that imports it closes one.
describe('import cycles in the web', () => {
  const page = 'packages/web/src/features/auth/LoginPage.tsx';

  it('refuses a page that imports the route table back', async () => {
    const code = "import { routes } from '../../routes.ts';\nexport const n = routes.length;\n";
    expect(await messages(page, code, 'import-x/no-cycle')).toBe(1);
  });

  it('refuses a page that takes only a type from the route table, which no-cycle does not see', async () => {
    const code = "import type { Route } from '../../routes.ts';\nexport type R = Route;\n";
    expect(await restrictedImports(page, code)).toBe(1);
  });

  it('allows a page its links from lib/navigation.ts', async () => {
    const code = "import { HOME_BY_ROLE } from '../../lib/navigation.ts';\nexport const home = HOME_BY_ROLE.fan;\n";
    expect(await messages(page, code, 'import-x/no-cycle')).toBe(0);
    expect(await restrictedImports(page, code)).toBe(0);
  });
});
