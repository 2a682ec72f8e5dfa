import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Package boundaries (docs/decisions/020-lint-boundaries.md): a package is reached only through its name and the
// entries its package.json exports, never through another package's src/ folder.
const otherPackageSource = {
  regex: '(^|/)(contract|domain|server|web)/src(/|$)|^@touchline/[^/]+/src(/|$)',
  message: 'Import another package by its name or an entry it exports, not its source files.',
};

// Server folders in layers, lowest first (docs/decisions/025-changes-unit-of-work-and-gate.md): a folder imports only
// the folders below it, so no two folders depend on each other, directly or round a longer loop. A new folder joins
// the list at the place its imports allow; until then it may import no other folder and none may import it.
const serverLayers = [
  'db',
  'backup',
  'http',
  'audit',
  'reads',
  'league',
  'share',
  'changes',
  'auth',
  'predictions',
  'matches',
  'motm',
  'realtime',
  'metrics',
  'notify',
  'follows',
  'telegram',
  'captain',
  'admin',
  'news',
  'demo',
  'public',
  'cli',
];
const serverFolderRule = (below, message) => ({
  '@typescript-eslint/no-restricted-imports': [
    'error',
    { patterns: [otherPackageSource, { regex: `^\\.\\./(?!(${below.join('|')})/)[^/]+/`, message }] },
  ],
});
const serverFolders = [
  {
    files: ['packages/server/src/*/**/*.ts'],
    rules: serverFolderRule([], 'Put this folder in serverLayers (eslint.config.js) before it imports another.'),
  },
  ...serverLayers.map((folder, i) => ({
    files: [`packages/server/src/${folder}/**/*.ts`],
    rules: serverFolderRule(
      serverLayers.slice(0, i),
      `${folder}/ imports only the server folders below it in serverLayers (eslint.config.js): no folder cycles.`,
    ),
  })),
];

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', 'data/**', 'e2e/artifacts/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
  { languageOptions: { globals: { console: 'readonly', process: 'readonly' } } },
  {
    files: ['packages/*/src/**/*.{ts,tsx}', 'packages/*/test/**/*.{ts,tsx}'],
    ignores: ['packages/domain/src/**'],
    rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns: [otherPackageSource] }] },
  },
  ...serverFolders,
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@touchline/server', message: 'The web app talks to the server over HTTP, never by import.' },
            {
              // A value from the contract's entry brings zod into the bundle, whose eval check the page's content
              // security policy blocks: values come from '@touchline/contract/constants'.
              name: '@touchline/contract',
              allowTypeImports: true,
              message: "The web takes types from the contract; values from '@touchline/contract/constants'.",
            },
          ],
          patterns: [
            otherPackageSource,
            {
              // routes.ts loads every page; only App (beside it) imports it. no-cycle below misses type imports.
              regex: '^(\\.\\./)+routes\\.ts$',
              message: 'Only App imports the route table: PageProps is in lib/router.tsx, links in lib/navigation.ts.',
            },
          ],
        },
      ],
    },
  },
  {
    // No import cycle in the web app (docs/decisions/026-web-composition.md).
    files: ['packages/web/src/**/*.{ts,tsx}'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/extensions': ['.ts', '.tsx'], 'import-x/resolver-next': [createNodeResolver()] },
    rules: { 'import-x/no-cycle': 'error' },
  },
  {
    // The domain is pure: its own files, and the contract's types only (no zod, no I/O, no runtime dependency).
    files: ['packages/domain/src/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@touchline/contract',
              allowTypeImports: true,
              message: 'The domain takes only types from the contract (import type).',
            },
          ],
          patterns: [
            {
              regex: '^(?!\\.{1,2}/|@touchline/contract$)',
              message: 'The domain imports nothing but its own files and the contract’s types.',
            },
            otherPackageSource,
          ],
        },
      ],
    },
  },
);
