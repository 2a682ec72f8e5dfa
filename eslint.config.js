import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import tseslint from 'typescript-eslint';

// Package boundaries (docs/decisions/020-lint-boundaries.md): a package is reached only through its name and the
// entries its package.json exports, never through another package's src/ folder.
const otherPackageSource = {
  regex: '(^|/)(contract|domain|server|web)/src(/|$)|^@touchline/[^/]+/src(/|$)',
  message: 'Import another package by its name or an entry it exports, not its source files.',
};

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
  {
    files: ['packages/web/**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            { name: '@touchline/server', message: 'The web app talks to the server over HTTP, never by import.' },
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
