import { defineConfig } from 'wxt';
import { glossaryVitePlugin } from './src/build/glossary-vite-plugin';

/** Gecko id: stable, so Firefox keeps settings across updates and tests can pin the extension's UUID. */
export const GECKO_ID = 'oncology-glossary@oncology-glossary.org';

export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports keep each module's dependencies visible and its unit tests honest.
  imports: false,
  vite: () => ({
    plugins: [glossaryVitePlugin()],
    // Extension pages load their chunks from the package itself; Vite's preload polyfill would add a fetch.
    build: { modulePreload: { polyfill: false } },
  }),
  manifest: ({ browser, mode }) => ({
    name: 'Oncology Glossary',
    description:
      'Explains cancer terms where you read them: plain-language tooltips with cited sources. Sends nothing anywhere.',
    // storage: settings; contextMenus: "Look up … in the oncology glossary" on a selection.
    permissions: ['storage', 'contextMenus'],
    action: { default_title: 'Oncology Glossary' },
    commands: {
      'next-term': {
        suggested_key: { default: 'Alt+Shift+Period' },
        description: 'Go to the next glossary term on the page',
      },
      'previous-term': {
        suggested_key: { default: 'Alt+Shift+Comma' },
        description: 'Go to the previous glossary term on the page',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: GECKO_ID,
              // 140 (the current ESR) is the first Firefox that reads data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
    // Firefox's WebDriver BiDi refuses to open moz-extension:// URLs directly; only the e2e build lets a
    // test page navigate to the extension's pages. The shipped manifest exposes nothing to pages.
    ...(mode === 'e2e'
      ? {
          web_accessible_resources:
            browser === 'firefox'
              ? ['popup.html', 'entry.html']
              : [{ resources: ['popup.html', 'entry.html'], matches: ['<all_urls>'] }],
        }
      : {}),
  }),
});
