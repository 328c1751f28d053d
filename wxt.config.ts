import { fileURLToPath } from 'node:url';
import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  // WXT_OUT_DIR lets parallel checkouts or test runs build without overwriting each other.
  outDir: process.env.WXT_OUT_DIR ?? '.output',
  modules: ['@wxt-dev/webextension-polyfill', '@wxt-dev/i18n/module'],
  // The sources zip for Firefox's reviewers: what rebuilds the extension, not what a build or a
  // test run leaves behind.
  zip: {
    excludeSources: [
      'test-results/**',
      'tests/e2e/pages/generated/**',
      'data/generated/**',
      'coverage/**',
    ],
  },
  // Preact's automatic JSX runtime: no Babel preset needed for a build-only transform.
  vite: () => ({
    esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
    // Bundled JSON (the dataset, page data, search index) as JSON.parse("…"): parsed several
    // times faster than the same data as a JavaScript object literal.
    json: { stringify: true },
    // WXT_NO_MINIFY=1 keeps function names, for profiling a build.
    build: { minify: process.env.WXT_NO_MINIFY ? false : undefined },
    resolve: {
      alias: [
        { find: 'react', replacement: 'preact/compat' },
        { find: 'react-dom', replacement: 'preact/compat' },
        // WXT's content script context announces every content script to the page, under the
        // extension's id, and stops when the page forges that announcement; ours finds an
        // older copy of the script inside the extension's isolated world (see the module).
        {
          find: /^wxt\/utils\/content-script-context$/,
          replacement: fileURLToPath(new URL('lib/content-script-context.ts', import.meta.url)),
        },
      ],
    },
  }),
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    // storage: settings (sync) and an imported dataset (local).
    // activeTab: the popup reads the active tab's URL (for "not on this site" and "on this page").
    // No host permissions: content scripts are declared statically.
    // contextMenus: "Look up in Cluster Lens" on selected text.
    // scripting (Chrome; Firefox's MV2 uses tabs.executeScript) and host access to the pages
    // the content script already runs on: the background puts the hover card's code into a
    // frame when it first shows a card (utils/card-injection.ts), so no page can probe a URL
    // of ours. The hosts are the content script's own, so the install prompt is unchanged.
    permissions: [
      'storage',
      'activeTab',
      'contextMenus',
      ...(browser === 'firefox' ? [] : ['scripting']),
    ],
    host_permissions: ['http://*/*', 'https://*/*'],
    action: { default_title: '__MSG_extName__' },
    // Every frame below the top one: a probe of a few hundred bytes (entrypoints/frame-probe.ts)
    // that asks the background for the bootstrap (entrypoints/content, declared by WXT for top
    // frames) once the frame is large enough to show text and shows some. about:blank frames
    // are a page's own (ads written by its scripts, editors): they are probed too.
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['frame-probe.js'],
        all_frames: true,
        match_about_blank: true,
        run_at: 'document_idle',
      },
    ],
    // Keyboard access to the hover card: move through the page's mentions, opening each card.
    commands: {
      'next-mention': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: '__MSG_card_nextMention__',
      },
      'previous-mention': {
        suggested_key: { default: 'Alt+Shift+P' },
        description: '__MSG_card_previousMention__',
      },
    },
    // Policies an administrator may set (lib/managed-policy.ts). Firefox reads managed storage
    // from its policies.json and rejects this key, so only Chrome gets it.
    ...(browser === 'firefox' ? {} : { storage: { managed_schema: 'managed-schema.json' } }),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'cluster-lens@cluster-lens.eu',
              strict_min_version: '140.0',
              // The extension collects and transmits nothing.
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: {
              // data_collection_permissions is understood from Firefox for Android 142.
              strict_min_version: '142.0',
            },
          },
        }
      : {}),
  }),
});
