import js from '@eslint/js';
import importX from 'eslint-plugin-import-x';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Folders by extension context, as in Dark Reader: page-side code (annotation, matching, tooltip) and
// extension-page code (popup, background) never import each other; both may use glossary, settings, messaging.
const pageSide = ['./src/annotation', './src/matching', './src/tooltip', './src/content'];
const extensionSide = ['./src/popup', './src/background'];

export default tseslint.config(
  { ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/.artifacts/**', '.web-ext-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    plugins: { 'import-x': importX },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use `browser` from wxt/browser.' }],
      'no-restricted-syntax': [
        'error',
        {
          selector: "AssignmentExpression[left.property.name='innerHTML']",
          message: 'Set text with textContent; never innerHTML.',
        },
        {
          selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
          message: 'Build nodes and set textContent; never insert HTML strings.',
        },
      ],
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            ...pageSide.map((target) => ({ target, from: extensionSide, message: 'Page-side code must not import extension-page code.' })),
            ...extensionSide.map((target) => ({ target, from: pageSide.filter((p) => p !== './src/matching'), message: 'Extension-page code must not import page-side code.' })),
            { target: './src', from: ['./entrypoints', './tests'], message: 'src/ must not depend on entrypoints or tests.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts', 'entrypoints/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'webextension-polyfill', message: 'Import `browser` from wxt/browser.' }],
        },
      ],
    },
  },
);
