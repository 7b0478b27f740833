// Lint keeps two promises: no promise is left floating (a lost Temporal call or SQL write fails
// silently), and the layers stay apart (see docs/architecture.md, "Layers"). Formatting is
// Prettier's job (eslint-config-prettier turns the overlapping rules off).
import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** An import of one of these top-level folders, written relative to a file anywhere below the root. */
const importOf = (...folders) => `^(\\.\\./)+(${folders.join('|')})(/|$)`;
const forbid = (message, ...folders) => ({ regex: importOf(...folders), message });
/** The import rules of one layer's files. */
const layer = (files, ...patterns) => ({ files, rules: { '@typescript-eslint/no-restricted-imports': ['error', { patterns }] } });

export default tseslint.config(
  { ignores: ['node_modules/', '.tools/', '.data/', 'dist/', 'admin/dist/', 'coverage/', 'tests/artifacts/', 'tests/histories/', 'bench/results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    ignores: ['admin/vite.config.ts'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
    },
  },
  {
    files: ['**/*.js', '**/*.cjs'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', console: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Layers (docs/architecture.md). domain/ is the shared vocabulary: bundle-safe, imported by everything, importing nothing of ours.
  layer(
    ['domain/**/*.ts'],
    forbid(
      'domain/ is pure vocabulary and rules: it imports no other layer',
      'workflows',
      'activities',
      'api',
      'db',
      'infra',
      'worker',
      'admin',
      'payments',
      'bench',
      'scripts',
    ),
  ),
  {
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '^node:', message: 'domain/ is bundle-safe (workflows and the portal import it): no Node built-ins' }] },
      ],
    },
  },
  // Workflows are deterministic code run in Temporal's sandbox: activities are reached through
  // proxyActivities (type imports only), never by importing the code or the database.
  layer(
    ['workflows/**/*.ts'],
    { ...forbid('workflows reach activities through proxyActivities: import their types only', 'activities'), allowTypeImports: true },
    forbid('workflows import no database, API, infrastructure or process code', 'db', 'api', 'infra', 'worker', 'admin', 'payments', 'bench', 'scripts'),
  ),
  layer(['db/**/*.ts'], forbid('db/ sits below the API and the workflows', 'api', 'workflows', 'worker', 'admin', 'bench', 'scripts')),
  layer(
    ['activities/**/*.ts'],
    // Bulk activities send Updates to case workflows: the contracts in definitions.ts are theirs to use.
    {
      regex: '^(\\.\\./)+workflows/(?!definitions$)',
      message: 'activities may import workflows/definitions (the contracts), nothing else of workflows',
      allowTypeImports: true,
    },
    forbid('activities import no API, process or portal code', 'api', 'worker', 'admin', 'bench', 'scripts'),
  ),
  layer(['api/**/*.ts'], forbid('the API does not import activities, the worker or the portal', 'activities', 'worker', 'admin', 'bench')),
  // The portal is a browser bundle: of the server's code it may import domain/ only.
  layer(
    ['admin/src/**/*.ts', 'admin/src/**/*.tsx'],
    forbid(
      'the portal imports only domain/ of the server code',
      'api',
      'db',
      'workflows',
      'activities',
      'infra',
      'worker',
      'payments',
      'bench',
      'scripts',
      'tests',
    ),
  ),
  prettier,
);
