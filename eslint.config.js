import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// Folders by extension context, as in Dark Reader: page-side code (annotation, matching, tooltip, content) and
// extension-page code (popup, background) never import each other; both may use glossary, settings, messaging,
// and the popup may use the matcher's text normalisation.
const pageSide = ['annotation', 'matching', 'tooltip', 'content'];
const extensionSide = ['popup', 'background'];
const noWebextensionPolyfill = { name: 'webextension-polyfill', message: 'Import `browser` from wxt/browser.' };
const srcIndependence = { group: ['**/tests/**', '**/entrypoints/**'], message: 'src/ must not depend on tests or entrypoints.' };

const noHtmlStrings = [
  {
    selector: "AssignmentExpression[left.property.name='innerHTML']",
    message: 'Set text with textContent; never innerHTML.',
  },
  {
    selector: "CallExpression[callee.property.name='insertAdjacentHTML']",
    message: 'Build nodes and set textContent; never insert HTML strings.',
  },
];
// V8 gives object literals with the same keys in the same order the same hidden classes. A `{ start, end }` of
// times in milliseconds once made the matcher's `{ start, end, form }` occurrences boxed numbers, and every pass
// after the first deoptimised in a loop (docs/speed.md, Later passes).
const noStartFirst = {
  selector: "ObjectExpression > Property:first-child[key.name='start']",
  message: "Put another key before `start`: literals that begin { start, end } share V8's hidden classes (docs/speed.md, Later passes).",
};

/** Forbids imports of the given src/ folders (relative paths, however deep). */
const forbidFolders = (folders, message) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: [noWebextensionPolyfill],
      patterns: [
        srcIndependence,
        { group: folders.flatMap((f) => [`**/src/${f}/**`, `../${f}/**`, `../../${f}/**`]), message },
      ],
    },
  ],
});

export default tseslint.config(
  {
    ignores: ['.output/**', '.wxt/**', 'node_modules/**', 'tests/.artifacts/**', '.web-ext-artifacts/**', 'tests/fixtures/generated/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-globals': ['error', { name: 'chrome', message: 'Use `browser` from wxt/browser.' }],
      'no-restricted-syntax': ['error', ...noHtmlStrings],
    },
  },
  {
    files: ['src/**/*.ts', 'entrypoints/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [noWebextensionPolyfill], patterns: [srcIndependence] }],
      'no-restricted-syntax': ['error', ...noHtmlStrings, noStartFirst],
    },
  },
  {
    // Ambient module declarations can only name their types with import().
    files: ['**/*.d.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  {
    files: pageSide.map((folder) => `src/${folder}/**/*.ts`),
    rules: forbidFolders(extensionSide, 'Page-side code must not import extension-page code.'),
  },
  {
    files: extensionSide.map((folder) => `src/${folder}/**/*.ts`),
    rules: forbidFolders(pageSide.filter((folder) => folder !== 'matching'), 'Extension-page code must not import page-side code.'),
  },
);
