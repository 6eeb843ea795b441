// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Layer rules (DESIGN.md §3, STYLE.md §4): imports point down only —
 * transport → protocol → services → store. Each block forbids the upward imports of one layer.
 */
const layer = (files, patterns, message) => ({
  files,
  rules: {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message }] }],
  },
});

export default tseslint.config(
  { ignores: ['out/**', 'node_modules/**', 'data/**', 'test-results/**', 'playwright-report/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  // No console in the server or the Electron main process: use the injected logger.
  {
    files: ['src/server/**/*.ts', 'src/main/**/*.ts'],
    ignores: ['src/server/cli/**'],
    rules: { 'no-console': 'error' },
  },
  layer(
    ['src/server/admin-api/contract.ts', 'src/server/admin-api/contract-errors.ts', 'src/server/errors/error-codes.ts'],
    ['node:*', 'fs', 'path', '../store/*', '../services/*', '../http/*'],
    'The contract is shared with the renderer: it may import only zod and the error catalogue.',
  ),
  layer(
    ['src/server/protocol/**/*.ts'],
    ['node:*', '**/store/**', '**/services/**', '**/transport/**', '**/http/**'],
    'protocol/ is pure: no Node modules, no store, services or transport.',
  ),
  layer(
    ['src/server/transport/**/*.ts'],
    ['**/services/**', '**/store/**', '**/protocol/xccos/**', '**/admin-api/handlers/**'],
    'transport/ knows nothing of chat: register handlers through delegates.',
  ),
  layer(
    ['src/server/services/**/*.ts'],
    ['**/store/**', '**/transport/**', '**/http/**', '**/admin-api/**', 'sql.js'],
    'services/ depend on ports declared in the service folder, not on store or transport.',
  ),
  layer(
    ['src/server/store/**/*.ts'],
    [
      '**/services/**',
      // re-include the folders, or a negated file under an excluded folder is never re-included
      '!**/services/**/',
      '!**/services/**/*-port*',
      '!**/services/**/ports*',
      '**/transport/**',
      '**/http/**',
      '**/admin-api/handlers/**',
    ],
    'store/ implements service ports; it does not call services, transport or HTTP.',
  ),
  layer(
    ['src/renderer/**/*.{ts,tsx}', 'src/main/preload/**/*.ts'],
    ['**/server/*', '!**/server/admin-api', '**/server/admin-api/*', '!**/server/admin-api/contract*', 'node:*'],
    'The renderer and preload may import only the admin contract from src/server.',
  ),
  // Features do not import each other. A gitignore-style group cannot express "../../x but not
  // ../../../x" (the negation cannot re-include below an excluded parent), hence the regex. The
  // block restates the renderer rule above, because a later block replaces a rule's options.
  {
    files: ['src/renderer/src/features/*/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/server/*',
                '!**/server/admin-api',
                '**/server/admin-api/*',
                '!**/server/admin-api/contract*',
                'node:*',
              ],
              message: 'The renderer and preload may import only the admin contract from src/server.',
            },
            {
              regex: '^\\.\\./\\.\\./(?!\\.\\./)',
              message: 'Features do not import each other; compose them in app/.',
            },
          ],
        },
      ],
    },
  },
);
