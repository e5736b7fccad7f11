import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** What pure code (the rule engine, the page model) must not touch. */
const PAGE_AND_EXTENSION_GLOBALS = [
  'window',
  'document',
  'navigator',
  'chrome',
  'browser',
  'localStorage',
  'sessionStorage',
  'fetch',
  'location',
  'MutationObserver',
  'HTMLElement',
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'artifacts/**', '.tmp/**', 'bench/runs/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    // The benchmark's plain-JavaScript reference extensions run in a page and a service worker.
    files: ['bench/*-extension/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        chrome: 'readonly',
        document: 'readonly',
        location: 'readonly',
        addEventListener: 'readonly',
        MutationObserver: 'readonly',
        globalThis: 'readonly',
        cookieStore: 'readonly',
      },
    },
  },
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Page and feed text must never become markup.
      'no-restricted-properties': [
        'error',
        { property: 'innerHTML', message: 'Use textContent / DOM nodes: never put text into markup.' },
        { property: 'outerHTML', message: 'Use textContent / DOM nodes: never put text into markup.' },
        { property: 'insertAdjacentHTML', message: 'Use DOM nodes: never put text into markup.' },
      ],
    },
  },
  {
    // The rule engine is pure: no DOM, no extension APIs, no adapters.
    files: ['src/rules/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/content/**', '**/background/**', '**/popup/**', '**/shared/**'],
              message: 'src/rules must not depend on adapters.',
            },
            {
              group: ['webextension-polyfill', 'happy-dom', 'playwright-core'],
              message: 'src/rules knows no browser.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...PAGE_AND_EXTENSION_GLOBALS.map((name) => ({
          name,
          message: 'src/rules is pure: no DOM or extension globals.',
        })),
      ],
    },
  },
  {
    // The page model (assembly and parsers) runs in the background and in Node: no DOM, no extension APIs.
    files: ['src/shared/page-model/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/content/**', '**/background/**', '**/popup/**'],
              message: 'the page model must not depend on adapters.',
            },
            {
              group: ['webextension-polyfill', 'happy-dom', 'playwright-core'],
              message: 'the page model knows no browser.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...PAGE_AND_EXTENSION_GLOBALS.map((name) => ({
          name,
          message: 'the page model is pure: no DOM or extension globals.',
        })),
      ],
    },
  },
  {
    files: ['tests/**/*.ts', 'scripts/**/*.ts', 'bench/**/*.ts'],
    rules: { 'no-restricted-properties': 'off' },
  },
);
