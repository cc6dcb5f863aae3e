// The lint rules, with the architecture's fences: shared/ is the pure domain, renderer/ never
// reaches into electron/, and electron/ never imports the renderer. Each message says why.
import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SHARED_IS_PURE =
  'shared/ is the pure domain (types, rules, checks, documents): the UI, exports, the command line and the supervisory overview all call it, so it may not depend on the DOM, Node, Electron, Dexie or React. Pass what you need in as data, or put the code in renderer/ or electron/.';

const RENDERER_IS_SANDBOXED = { group: ['electron', 'node:*', '**/electron/**', '**/node/**'], message: 'The renderer runs sandboxed with no Node: reach the OS only through window.desktop (renderer/src/desktop).' };

// Outside shared/ itself, shared/ has one spelling whatever the importing file's depth.
const SHARED_BY_ALIAS = { group: ['**/shared/**', '!#shared/**'], message: 'Import shared/ through its alias, #shared/… (tsconfig paths, Vite, Vitest and the CLI build resolve it): one spelling, however deep the importing file sits.' };

const REPOSITORIES_ONLY =
  'Only renderer/src/db/ touches IndexedDB: features, the meeting layer, ui/ and lib/ read and write through the repositories in renderer/src/db/repos (one function per question), never through the Dexie database itself.';
const DATABASE_FENCE = { group: ['**/db/database', 'dexie'], message: REPOSITORIES_ONLY };
// lib/ may read Dexie's error names (to explain a failed write in Chinese), never the database.
const LIB_DATABASE_FENCE = { group: ['**/db/database'], message: REPOSITORIES_ONLY };

const FEATURES = readdirSync(new URL('./renderer/src/features', import.meta.url), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const independent = (feature) =>
  `Feature folders must be independent: renderer/src/features/${feature} may import the meeting layer (renderer/src/meeting), ui/, lib/ and the repositories, never another feature — otherwise one tab's change breaks another and the folders can no longer be read one at a time. Move what both need to ui/ (components), lib/ (helpers) or meeting/ (a meeting's data); the app (renderer/src/app) composes features.`;

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'release/**', 'node_modules/**', 'coverage/**', '.tmp/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
      // Full-width spaces are part of Chinese typesetting in strings and JSX text.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true, skipJSXText: true, skipComments: true, skipRegExps: true }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['fs', 'fs/promises', 'path', 'os', 'child_process', 'crypto', 'stream', 'buffer', 'worker_threads', 'util', 'url', 'zlib'].map((name) => ({
            name,
            message: SHARED_IS_PURE,
          })),
          patterns: [
            { group: ['react', 'react-*', 'react/*', 'antd', 'antd/*', '@ant-design/*', 'dexie', 'dexie-*'], message: SHARED_IS_PURE },
            { group: ['electron', 'electron/*', 'node:*'], message: SHARED_IS_PURE },
            { group: ['**/renderer/**', '**/electron/**', '**/node/**'], message: SHARED_IS_PURE },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'fetch', 'XMLHttpRequest', 'process', 'require', 'Buffer', '__dirname', 'global'].map(
          (name) => ({ name, message: SHARED_IS_PURE }),
        ),
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: globals.browser },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'react-hooks/set-state-in-effect': 'off',
      'no-restricted-imports': ['error', { patterns: [SHARED_BY_ALIAS, RENDERER_IS_SANDBOXED] }],
    },
  },
  {
    // Outside db/ (and the app shell that opens the database, and the backup worker that reads a snapshot) nothing reaches Dexie's tables.
    files: ['renderer/src/{meeting,ui}/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SHARED_BY_ALIAS, RENDERER_IS_SANDBOXED, DATABASE_FENCE] }] },
  },
  {
    files: ['renderer/src/lib/**/*.{ts,tsx}'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SHARED_BY_ALIAS, RENDERER_IS_SANDBOXED, LIB_DATABASE_FENCE] }] },
  },
  ...FEATURES.map((feature) => ({
    files: [`renderer/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            SHARED_BY_ALIAS,
            RENDERER_IS_SANDBOXED,
            DATABASE_FENCE,
            { group: ['../*/**', `!../${feature}/**`, '!../../**', '**/features/**', `!**/features/${feature}/**`], message: independent(feature) },
          ],
        },
      ],
    },
  })),
  {
    files: ['electron/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [SHARED_BY_ALIAS, { group: ['**/renderer/**', 'react', 'antd', 'dexie'], message: 'Main owns the OS, not the UI or the database: talk to the renderer through shared/ipc/contract.ts.' }] },
      ],
    },
  },
  {
    files: ['node/**/*.ts'],
    languageOptions: { globals: globals.node },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            SHARED_BY_ALIAS,
            { group: ['electron', 'electron/*', '**/electron/**', '**/renderer/**', 'react', 'antd', 'dexie'], message: 'node/ is plain Node — the command line and the file helpers that both Electron main and the command line use — so it runs without Electron and without the UI: put Electron code in electron/, UI code in renderer/.' },
          ],
        },
      ],
    },
  },
  {
    files: ['node/cli/**/*.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'scripts/**/*.{js,mjs,ts}', '*.config.{ts,mjs}', '.ci/**'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: { 'no-console': 'off', 'no-restricted-imports': ['error', { patterns: [SHARED_BY_ALIAS] }] },
  },
);
