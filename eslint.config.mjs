// ESLint flat config: typescript-eslint's recommended rules (no type information, so it stays fast) plus the
// architecture boundaries, enforced per folder with no-restricted-imports:
//   src/main/core, src/shared   no electron (the core runs in plain Node: CLI, browser mode, tests)
//   src/shared                  also no Node built-ins and nothing from src/main (it is bundled into the renderer)
//   src/renderer                no Node built-ins, no electron, no better-sqlite3, nothing from src/main
//   src/preload                 electron only
// tests/unit/lint-boundaries.test.ts proves each boundary fails when crossed.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** fs, path, node:fs, fs/promises, … (the `node:` forms are caught by a pattern). */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_'));

const noElectron = { name: 'electron', message: 'The core and shared code run without Electron: keep electron in src/main (outside core) and src/preload.' };
const noNodeBuiltins = (where) => [
  ...NODE_BUILTINS.map((name) => ({ name, message: `${where} runs in the browser: no Node built-ins.` })),
];
const nodePrefixPattern = (where) => ({ group: ['node:*'], message: `${where} runs in the browser: no Node built-ins.` });
/** Matches relative or aliased specifiers that reach into src/main, e.g. ../main/core/api, ../../main/doors/http. */
const mainPattern = (where) => ({
  regex: '(^|/)main/',
  message: `${where} must not import from src/main: go through the contract (src/shared/contract.ts) and the api client.`,
});

/** no-restricted-imports does not see dynamic import(): the same boundaries for import('…'), via no-restricted-syntax. */
const dynamicImport = (sourceRegex, message) => ({ selector: `ImportExpression[source.value=${sourceRegex}]`, message });
// esquery regex literals cannot contain '/', hence \x2F.
const DYNAMIC_MAIN = dynamicImport('/(^|\\x2F)main\\x2F/', 'Do not import src/main dynamically from here either.');
const DYNAMIC_NODE_OR_ELECTRON = dynamicImport('/^(node:|electron$|better-sqlite3$)/', 'No Node built-ins, electron or better-sqlite3 here, not even through import().');

/** Minimal Node globals for the few plain .mjs/.cjs scripts (TypeScript files get no-undef from the compiler). */
const nodeGlobals = Object.fromEntries(
  ['process', 'console', 'Buffer', 'URL', 'URLSearchParams', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'setImmediate', 'fetch', 'AbortController', 'TextEncoder', 'TextDecoder', 'structuredClone', 'performance', '__dirname', '__filename', 'require', 'module'].map(
    (name) => [name, 'readonly'],
  ),
);

export default tseslint.config(
  {
    // Global ignores: everything at the top level except the four linted folders.
    ignores: [
      '*',
      '!src/',
      '!tests/',
      '!bench/',
      '!scripts/',
      '**/out/',
      '**/node_modules/',
      'test-results/',
      'playwright-report/',
      // Fixtures are data, not code, except the folder kept for lint-boundary checks.
      'tests/fixtures/*',
      '!tests/fixtures/lint-boundaries/',
    ],
  },
  {
    files: ['**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: nodeGlobals,
    },
    linterOptions: { reportUnusedDisableDirectives: 'warn' },
    rules: {
      // The search snippets mark matches with \u0001 / \u0002 on purpose.
      'no-control-regex': 'off',
      // `let door; … onEvent: () => door?.x …; door = await start()` is a deliberate late initialisation.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },
  {
    files: ['**/*.{js,mjs,cjs}'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['src/main/core/**/*.{ts,tsx,mts,cts}'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron] }] },
  },
  {
    files: ['src/shared/**/*.{ts,tsx,mts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noElectron, ...noNodeBuiltins('src/shared (bundled into the renderer)')],
          patterns: [nodePrefixPattern('src/shared (bundled into the renderer)'), mainPattern('src/shared')],
        },
      ],
      'no-restricted-syntax': ['error', DYNAMIC_MAIN, DYNAMIC_NODE_OR_ELECTRON],
    },
  },
  {
    files: ['src/renderer/**/*.{ts,tsx,mts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer talks to the app only through the preload bridge / HTTP client in src/renderer/api.ts.' },
            { name: 'better-sqlite3', message: 'The renderer never touches the database: call the api.' },
            ...noNodeBuiltins('The renderer'),
          ],
          patterns: [nodePrefixPattern('The renderer'), mainPattern('The renderer')],
        },
      ],
      'no-restricted-syntax': ['error', DYNAMIC_MAIN, DYNAMIC_NODE_OR_ELECTRON],
    },
  },
  {
    files: ['src/preload/**/*.{ts,tsx,mts,cts}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$)',
              message: 'The preload is sandboxed: it may import only electron (no Node built-ins, nothing from src/main).',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', { selector: 'ImportExpression', message: 'The sandboxed preload cannot load modules dynamically.' }],
    },
  },
);
