/**
 * DESIGN.md ⚑3, checked in the code the browser runs: the BUILT extension (WXT_OUT_DIR or
 * .output) holds no network API and no address that is not explained below. It lives with the
 * e2e tests because it needs the build (`npm run test:e2e` builds first); it starts no browser.
 *
 * Every occurrence of a network API must match exactly one allowlist entry (a file, a piece of
 * the library code around it, and why it can never run); every entry must still match, so the
 * list cannot outlive the code it excuses.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [join(dir, e.name)],
  );
}

const built = files(EXTENSION_DIR).map((path) => ({
  name: relative(EXTENSION_DIR, path),
  text: readFileSync(path, 'latin1'),
}));
const scripts = built.filter((f) => f.name.endsWith('.js'));

/** Anything in a script that can open a connection or make the browser fetch a URL. */
const NETWORK_APIS: { api: string; pattern: RegExp }[] = [
  { api: 'fetch', pattern: /\bfetch\s*\(/g },
  { api: 'fetchLater', pattern: /\bfetchLater\b/g },
  { api: 'XMLHttpRequest', pattern: /\bXMLHttpRequest\b/g },
  { api: 'WebSocket', pattern: /\bWebSocket\b/g },
  { api: 'WebTransport', pattern: /\bWebTransport\b/g },
  { api: 'EventSource', pattern: /\bEventSource\b/g },
  { api: 'sendBeacon', pattern: /\bsendBeacon\b/g },
  { api: 'importScripts', pattern: /\bimportScripts\b/g },
  { api: 'dynamic import', pattern: /\bimport\s*\(/g },
  { api: 'RTCPeerConnection', pattern: /\bRTCPeerConnection\b/g },
  { api: 'Worker', pattern: /\b(?:Shared)?Worker\s*\(/g },
  { api: 'Image', pattern: /\bnew\s+Image\b/g },
  { api: 'src/href assignment', pattern: /\.(?:src|href)\s*=(?!=)/g },
  { api: 'setUninstallURL', pattern: /\bsetUninstallURL\s*\(/g },
  { api: 'connectNative', pattern: /\b(?:connectNative|sendNativeMessage)\s*\(/g },
  { api: 'window.open', pattern: /\bwindow\.open\s*\(/g },
  { api: 'tabs.create / update with a URL', pattern: /\btabs\.(?:create|update)\s*\(/g },
  { api: 'downloads', pattern: /\bdownloads\.download\b/g },
];

interface Allowed {
  api: string;
  /** The built file, by name prefix (chunk names carry a content hash). */
  file: string;
  /** Library code within 400 characters of the occurrence that identifies it. */
  near: RegExp;
  why: string;
}

const ALLOWED_APIS: Allowed[] = [
  {
    api: 'src/href assignment',
    // The extension pages' shared code lands in whichever chunk Vite chooses.
    file: 'chunks/',
    near: /URL\.createObjectURL\(new Blob\([^)]*\)\),\w+=document\.createElement\("a"\);\w+\.href=\w+,\w+\.download=/,
    why: 'the options page and the popup save an export they made in memory: a blob: URL on a download link, no network',
  },
  {
    api: 'tabs.create / update with a URL',
    file: 'background.js',
    near: /runtime\.getURL\("\/popup\.html"\)\}\?\$\{\w+\.toString\(\)\}`;await \w+\.tabs\.create/,
    why: '"Look up in Cluster Lens" where a popup cannot open: our own popup page (runtime.getURL) in a tab, the selection and the page it came from in its query string; no network',
  },
  {
    api: 'tabs.create / update with a URL',
    file: 'background.js',
    near: /"\/welcome\.html";function \w+\(\)\{return \w+\.tabs\.create\(\{url:\w+\.runtime\.getURL\(\w+\)\}\)/,
    why: 'the introduction opened on install: our own page (runtime.getURL) in a tab; no network',
  },
  {
    api: 'tabs.create / update with a URL',
    file: 'chunks/welcome-',
    near: /tabs\.create\(\{url:"chrome:\/\/extensions\/shortcuts"\}\)/,
    why: "the introduction's button to Chrome's own keyboard-shortcut page; no network",
  },
  {
    api: 'fetch',
    // The extension pages' shared chunk, whichever name Vite gives it.
    file: 'chunks/',
    near: /modulepreload/,
    why: "Vite's modulepreload polyfill in the extension pages' shared chunk. It fetches only <link rel=modulepreload> hrefs of our own HTML (chrome-extension:// files), and returns at once in every browser we support, which all support modulepreload natively.",
  },
  {
    api: 'dynamic import',
    // The extension pages' shared chunk (utils/bundled-records.ts), whichever name Vite gives it.
    file: 'chunks/',
    near: /\(\)=>import\("\.\/records-details-[\w-]+\.js"\),\[\]\)/,
    why: "the popup loads the bundled records' other fields (website, sources, notes) after its first results: a chunk of the extension's own package, by a relative path, with no dependencies; no network",
  },
  {
    api: 'dynamic import',
    file: 'chunks/popup-',
    near: /\(\)=>import\("\.\/(?:search-index|ClusterDetails|CountryMap|export|page-export|active-dataset)-[\w-]+\.js"\)/,
    why: "what the popup needs only after its first results are painted (the search and its prebuilt index, a record's details, the map, the CSV writers, the reader of a stored import): chunks of the extension's own package, by a relative path; no network",
  },
  {
    api: 'src/href assignment',
    file: 'chunks/',
    near: /document\.createElement\("link"\);if\([\w$]+\.rel=[\w$]+\?"stylesheet":[\w$]+,/,
    why: "Vite's preload helper for a dynamic import: a <link rel=modulepreload> (or stylesheet) to each of the imported chunk's own dependencies, all files of our package (the popup's later chunks above); no network",
  },
  {
    api: 'XMLHttpRequest',
    file: 'chunks/',
    near: /RemoteChunkSize|downloadRequestBody/,
    why: "papaparse's NetworkStreamer: used only by Papa.parse(url, { download: true }). We only parse strings already in memory (checked below).",
  },
  {
    api: 'Worker',
    file: 'chunks/',
    near: /IS_PAPA_WORKER/,
    why: "papaparse's worker mode (a blob: worker, no network): used only with `worker: true`, which we never pass (checked below).",
  },
];

/** Strings that look like addresses but are never requested. */
const ALLOWED_URLS: { url: string | RegExp; why: string }[] = [
  { url: 'http://www.w3.org/2000/svg', why: 'XML namespace (Preact createElementNS, WXT UI)' },
  { url: 'http://www.w3.org/1998/Math/MathML', why: 'XML namespace (Preact)' },
  { url: 'http://www.w3.org/1999/xhtml', why: 'XML namespace (Preact)' },
  {
    url: /^https?:\/\/json-schema\.org\/draft[-\w/]*\/schema#?$/,
    why: 'JSON Schema identifiers (zod, the managed-storage schema), never fetched',
  },
  { url: 'https://github.com/wxt-dev/wxt/issues/371', why: 'text of a WXT error message' },
  { url: 'https://wxt.dev/guide/go-further/testing.html', why: 'text of a WXT error message' },
  {
    url: 'https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow#elements_you_can_attach_a_shadow_to',
    why: 'text of an @webext-core/isolated-element error message',
  },
  {
    url: /^http:\/\/\$\{\w+\}$/,
    why: 'lib/site-rules: `new URL(`http://${host}`)` parses a host name the user typed; nothing is requested',
  },
  {
    url: /^http:\/\/\[\$\{\w+\}\]$/,
    why: 'zod: builds a URL to validate an IPv6 host, nothing is requested',
  },
  { url: /^https?:\/\/\*\/\*$/, why: 'the content script’s match patterns' },
];

/** The dataset's own facts: source pages, websites, ECCP profiles, shown as links. */
const DATA_URLS = new Set(
  readFileSync('data/generated/dataset.json', 'utf8').match(/https?:\/\/[^"\\\s]+/g) ?? [],
);

/**
 * The scan below stops an address at ")" (code reads `fetch("…")`) and at a backslash (the
 * bundler writes a character outside ASCII as `\u201C`), so a source whose address holds a
 * parenthesis ("…/wiki/WAB_(Verein)") or a curly quote is found cut there: each cut is known too.
 */
const DATA_URL_CUTS = new Set(
  [...DATA_URLS].flatMap((url) =>
    [...url.matchAll(/[)\u0080-\uffff]/g)].map((m) => url.slice(0, m.index)),
  ),
);

function context(text: string, at: number) {
  return text.slice(Math.max(0, at - 400), at + 400);
}

describe(`the built extension (${EXTENSION_DIR})`, () => {
  it('has scripts to check', () => {
    expect(scripts.map((f) => f.name)).toEqual(
      expect.arrayContaining(['background.js', 'content-scripts/content.js']),
    );
  });

  it('calls no network API, apart from unreachable library code listed with its reason', () => {
    const unexplained: string[] = [];
    const used = new Set<Allowed>();
    for (const { name, text } of scripts) {
      for (const { api, pattern } of NETWORK_APIS) {
        for (const m of text.matchAll(pattern)) {
          const near = context(text, m.index);
          const allowed = ALLOWED_APIS.filter(
            (a) => a.api === api && name.startsWith(a.file) && a.near.test(near),
          );
          if (allowed.length === 1) used.add(allowed[0]!);
          else unexplained.push(`${name}: ${api}: …${text.slice(m.index - 120, m.index + 80)}…`);
        }
      }
    }
    expect(unexplained).toEqual([]);
    expect(
      ALLOWED_APIS.filter((a) => !used.has(a)).map((a) => `${a.file} ${a.api}`),
      'allowlist entries that no longer match anything: remove them',
    ).toEqual([]);
  });

  it('names no address except the dataset’s sources and the listed non-addresses', () => {
    const unexplained = new Set<string>();
    for (const { name, text } of built) {
      for (const [url] of text.matchAll(/\b(?:https?|wss?|ftp):\/\/[^\s"'`<>)\\]*/g)) {
        if (DATA_URLS.has(url) || DATA_URL_CUTS.has(url)) continue;
        if (ALLOWED_URLS.some((a) => (typeof a.url === 'string' ? a.url === url : a.url.test(url))))
          continue;
        unexplained.add(`${name}: ${url}`);
      }
    }
    expect([...unexplained]).toEqual([]);
  });

  it('loads no remote code: no script or style from another origin in the extension pages', () => {
    const pages = built.filter((f) => f.name.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(0);
    for (const { text } of pages) {
      expect(text).not.toMatch(/<(?:script|link|img|iframe)[^>]+(?:src|href)="(?:https?:)?\/\//i);
    }
    const manifest = JSON.parse(built.find((f) => f.name === 'manifest.json')!.text) as Record<
      string,
      unknown
    >;
    expect(manifest.content_security_policy).toBeUndefined(); // MV3's default: 'self' only
    // The hosts the content script runs on, no more: the background injects the card's code
    // into a frame of such a page (scripting), the first time it shows a card there.
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.permissions).toEqual(['storage', 'activeTab', 'contextMenus', 'scripting']);
    const [contentScript] = manifest.content_scripts as { matches: string[] }[];
    expect(contentScript?.matches).toEqual(manifest.host_permissions);
  });
});

/** The conditions that keep the allowlisted library code unreachable, checked in our sources. */
describe('what keeps the allowlisted code unreachable', () => {
  const sources = ['lib', 'entrypoints', 'components', 'utils'].flatMap((d) =>
    files(d)
      .filter((f) => /\.(?:ts|tsx)$/.test(f))
      .map((f) => ({ name: f, text: readFileSync(f, 'utf8') })),
  );

  it('never asks papaparse to download or to start a worker', () => {
    const calls = sources.flatMap(({ name, text }) =>
      [...text.matchAll(/Papa\.parse\b[^(]*\(([\s\S]*?)\);/g)].map((m) => ({
        name,
        call: m[1]!,
      })),
    );
    expect(calls.length).toBeGreaterThan(0);
    for (const { name, call } of calls) {
      expect(call, name).not.toMatch(/\b(?:download|worker)\s*:/);
    }
  });

  it("never sets cssInjectionMode: 'ui' nor passes a stylesheet URL to a shadow-root UI", () => {
    for (const { name, text } of sources) {
      expect(text, name).not.toMatch(/cssInjectionMode\s*:\s*['"]ui['"]/);
      expect(text, name).not.toMatch(/css\s*:\s*\{\s*url\s*:/);
    }
  });
});
