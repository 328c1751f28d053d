/**
 * Hostile pages: a 1 MB single text node, 100,000 elements, 30,000 open shadow roots, a storm of
 * 1,000 mutations per second for 10 s, and a page that sabotages the DOM and built-in prototypes
 * in its own world.
 * The tab must stay responsive (the extension's longest task, the page's event-loop delay and
 * long tasks, DevTools round trips) and the extension must still find the right organisations.
 * The pages are written at test time into tests/e2e/pages/generated/ (gitignored).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DetectionsResponse, ScanStatsResponse } from '../../lib/messages';
import { GENERATED, writeShadowRoots } from './fixtures';
import {
  launchExtension,
  serveFixtures,
  type ExtensionBrowser,
  askTab as askTabOf,
} from './harness';

let ext: ExtensionBrowser;
let server: Awaited<ReturnType<typeof serveFixtures>>;

const HEAD =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,">';
const FILLER =
  'Regional development agencies published their yearly figures on employment and exports. ';

/** (a) One text node of ~1 MB with a known number of mentions. */
function writeBigNode() {
  const parts: string[] = [];
  let size = 0;
  let valorial = 0;
  let hamburg = 0;
  for (let i = 0; size < 1_000_000; i++) {
    let text = FILLER;
    if (i % 50 === 0) {
      text += 'Valorial took part. ';
      valorial++;
    }
    if (i % 80 === 0) {
      text += 'Hamburg Aviation sent a delegation. ';
      hamburg++;
    }
    parts.push(text);
    size += text.length;
  }
  writeFileSync(
    `${GENERATED}/hostile-big-node.html`,
    `${HEAD}<title>One node</title></head><body><p id="one">${parts.join('')}</p></body></html>`,
  );
  return { valorial, hamburg, chars: size };
}

/**
 * (b) 100,000 elements, a few of them naming an organisation, and two open shadow roots (on a
 * custom element and on a span) naming two more.
 */
function writeManyElements() {
  const items: string[] = [];
  let valorial = 0;
  let hamburg = 0;
  let chars = 0;
  for (let i = 0; i < 100_000; i++) {
    let text = `item ${i}`;
    if (i % 10_000 === 5) {
      text = 'Valorial';
      valorial++;
    } else if (i % 20_000 === 7) {
      text = 'Hamburg Aviation';
      hamburg++;
    } else if (i === 50_150) {
      text = '<cl-note id="note"></cl-note>';
    } else if (i === 70_170) {
      text = '<span id="host"></span>';
    }
    // 1,000 lists of 100 elements (the lists count too: 100,000 items plus 1,000 lists).
    if (i % 100 === 0) items.push(i === 0 ? '<ul>' : '</ul><ul>');
    items.push(`<li>${text}</li>`);
    if (!text.startsWith('<')) chars += text.length;
  }
  items.push('</ul>');
  items.push(`<script>
document.getElementById('note').attachShadow({ mode: 'open' }).textContent = 'Minalogic';
document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<b>Cap Digital</b> joined.';
</script>`);
  writeFileSync(
    `${GENERATED}/hostile-many.html`,
    `${HEAD}<title>Many</title></head><body>${items.join('')}</body></html>`,
  );
  return { valorial, hamburg, chars };
}

/**
 * (c) 1,000 mutations per second for 10 s: text nodes with names added, removed and changed.
 * The page measures its own event-loop delay and long tasks; at the end it clears the storm and
 * leaves one sentence.
 */
function writeStorm() {
  writeFileSync(
    `${GENERATED}/hostile-storm.html`,
    `${HEAD}<title>Storm</title></head><body>
<p>Before the storm: Cap Digital.</p>
<div id="storm"></div>
<script>
const state = (window.__storm = { mutations: 0, maxLagMs: 0, longTasks: [], done: false, started: false });
new PerformanceObserver((list) => {
  for (const e of list.getEntries()) state.longTasks.push(Math.round(e.duration));
}).observe({ type: 'longtask' });
const host = document.getElementById('storm');
const NAMES = ['Valorial', 'Hamburg Aviation', 'Minalogic', 'Polo NET', 'secpho'];
let k = 0;
function mutate() {
  const name = NAMES[k % NAMES.length];
  const kind = k % 4;
  k++;
  state.mutations++;
  if (kind === 0 || host.childNodes.length < 20) {
    const p = document.createElement('p');
    p.textContent = 'Update ' + k + ': ' + name + ' announced a project.';
    host.append(p);
  } else if (kind === 1) {
    host.firstChild.remove();
  } else if (kind === 2) {
    const node = host.childNodes[k % host.childNodes.length];
    (node.nodeType === Node.TEXT_NODE ? node : node.firstChild).data =
      'Changed ' + k + ': ' + name + ' and the cluster.';
  } else {
    host.append(document.createTextNode(' ' + name + ' ' + k + ' '));
    if (host.childNodes.length > 300) host.firstChild.remove();
  }
}
function start() {
  state.started = true;
  const t0 = performance.now();
  let last = t0;
  const lag = setInterval(() => {
    const now = performance.now();
    state.maxLagMs = Math.max(state.maxLagMs, now - last - 10);
    last = now;
  }, 10);
  // Every 10 ms, as many mutations as the 1,000-per-second schedule owes by now.
  const storm = setInterval(() => {
    const elapsed = performance.now() - t0;
    const owed = Math.min(10_000, Math.floor(elapsed)) - state.mutations;
    for (let i = 0; i < owed; i++) mutate();
    if (elapsed >= 10_000) {
      clearInterval(storm);
      clearInterval(lag);
      host.replaceChildren();
      const p = document.createElement('p');
      p.textContent = 'After the storm: Valorial and Hamburg Aviation.';
      document.body.append(p);
      state.done = true;
    }
  }, 10);
}
window.__startStorm = start;
</script></body></html>`,
  );
}

/**
 * (d) A page that sabotages, in its own world, the DOM and built-ins a scanner would use, then
 * adds a name with the original methods it kept.
 */
function writeSabotage() {
  writeFileSync(
    `${GENERATED}/hostile-prototypes.html`,
    `${HEAD}<title>Sabotage</title></head><body>
<p>Valorial met <b>Hamburg</b> Aviation in the hall.</p>
<div id="later"></div>
<script>
(() => {
  const keep = {
    append: Element.prototype.append,
    createElement: Document.prototype.createElement,
    setTimeout: window.setTimeout,
    textContent: Object.getOwnPropertyDescriptor(Node.prototype, 'textContent').set,
    getElementById: Document.prototype.getElementById,
  };
  const boom = function () { throw new Error('sabotaged'); };
  const lie = (proto, key, value) =>
    Object.defineProperty(proto, key, { configurable: true, get: () => value, set: boom });
  for (const key of ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'contains',
    'getRootNode', 'compareDocumentPosition', 'cloneNode', 'normalize', 'isConnected',
    'addEventListener', 'hasChildNodes']) {
    try { Node.prototype[key] = boom; } catch {}
  }
  for (const key of ['parentNode', 'parentElement', 'firstChild', 'lastChild', 'nextSibling',
    'previousSibling']) lie(Node.prototype, key, null);
  lie(Node.prototype, 'nodeType', 42);
  lie(Node.prototype, 'childNodes', []);
  lie(Node.prototype, 'textContent', 'Minalogic Cap Digital');
  lie(Node.prototype, 'nodeName', 'SCRIPT');
  lie(CharacterData.prototype, 'data', 'Cap Digital');
  lie(CharacterData.prototype, 'length', 0);
  for (const key of ['querySelector', 'querySelectorAll', 'getBoundingClientRect', 'getClientRects',
    'closest', 'matches', 'getAttribute', 'hasAttribute', 'attachShadow', 'append', 'remove']) {
    Element.prototype[key] = boom;
  }
  lie(Element.prototype, 'shadowRoot', null);
  lie(Element.prototype, 'tagName', 'TEXTAREA');
  lie(HTMLElement.prototype, 'isContentEditable', true);
  lie(HTMLElement.prototype, 'hidden', true);
  document.createTreeWalker = boom;
  Document.prototype.createTreeWalker = boom;
  Document.prototype.createNodeIterator = boom;
  Document.prototype.createRange = boom;
  Document.prototype.querySelectorAll = boom;
  window.getComputedStyle = () => ({ display: 'none', visibility: 'hidden', getPropertyValue: () => 'none' });
  for (const key of ['push', 'pop', 'map', 'filter', 'forEach', 'join', 'indexOf', 'includes',
    'slice', 'splice', 'sort', 'concat', 'some', 'every', 'reduce', 'find', 'flatMap']) {
    Array.prototype[key] = boom;
  }
  Array.from = boom;
  Array.isArray = () => false;
  String.prototype.normalize = () => '';
  String.prototype.toLowerCase = () => 'valorial';
  String.prototype.indexOf = () => -1;
  String.prototype.slice = () => 'x';
  Map.prototype.get = boom;
  Map.prototype.set = boom;
  Set.prototype.add = boom;
  Object.keys = boom;
  Object.assign = boom;
  JSON.stringify = boom;
  JSON.parse = boom;
  Promise.prototype.then = boom;
  window.MutationObserver = function () { throw new Error('sabotaged'); };
  window.requestAnimationFrame = boom;
  window.requestIdleCallback = boom;
  window.queueMicrotask = boom;
  window.performance.now = () => 0;
  Range.prototype.setStart = boom;
  Range.prototype.getClientRects = boom;
  window.Highlight = function () { throw new Error('sabotaged'); };
  HighlightRegistry.prototype.set = boom;
  HighlightRegistry.prototype.delete = boom;
  EventTarget.prototype.addEventListener = boom;
  EventTarget.prototype.dispatchEvent = boom;
  window.__sabotaged = true;
  // Later, with the methods it kept: a name the extension must still see arrive.
  keep.setTimeout.call(window, () => {
    const p = keep.createElement.call(document, 'p');
    keep.textContent.call(p, 'Later: Minalogic joined.');
    keep.append.call(keep.getElementById.call(document, 'later'), p);
  }, 800);
})();
</script></body></html>`,
  );
}

let bigNode: ReturnType<typeof writeBigNode>;
let many: ReturnType<typeof writeManyElements>;
/** (e) 30,000 custom elements, each with an open shadow root holding a sentence. */
const SHADOW_ROOTS = 30_000;
let shadowRoots: ReturnType<typeof writeShadowRoots>;

beforeAll(async () => {
  mkdirSync(GENERATED, { recursive: true });
  bigNode = writeBigNode();
  many = writeManyElements();
  shadowRoots = writeShadowRoots(SHADOW_ROOTS);
  writeStorm();
  writeSabotage();
  [ext, server] = await Promise.all([launchExtension(), serveFixtures()]);
});
afterAll(async () => {
  await ext?.close();
  await server?.close();
});

/** Sends a message to the tab showing `url` from the extension; fails when none answers. */
async function askTab<T>(url: string, type: string): Promise<T & { tabId: number }> {
  const reply = await askTabOf<T>(ext, url, type);
  if (!reply) throw new Error(`no content script answered in ${url}`);
  return reply;
}

const stats = (url: string) => askTab<ScanStatsResponse>(url, 'cluster-lens:scan-stats');
const found = async (url: string) =>
  (await askTab<DetectionsResponse>(url, 'cluster-lens:detections')).detections
    .map((d) => [d.id, d.count] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));

async function settled(url: string, timeout = 30_000) {
  await expect.poll(async () => (await stats(url)).idle, { timeout, interval: 200 }).toBe(true);
}

async function open(path: string) {
  const page = await ext.context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const url = server.url(path);
  await page.goto(url);
  return { page, url, errors };
}

/** How long the page takes to answer a trivial evaluation: the tab's responsiveness. */
async function roundTrip(page: Page): Promise<number> {
  const t0 = performance.now();
  await page.evaluate(() => 0);
  return performance.now() - t0;
}

describe('hostile pages', () => {
  it('a 1 MB single text node: every mention found, no long task', async () => {
    const { page, url, errors } = await open('generated/hostile-big-node.html');
    await settled(url);
    expect(await found(url)).toEqual([
      ['hamburg-aviation', bigNode.hamburg],
      ['valorial', bigNode.valorial],
    ]);
    const s = await stats(url);
    expect(s.textChars).toBeGreaterThanOrEqual(bigNode.chars);
    expect(s.longestTaskMs).toBeLessThan(50);
    expect(await roundTrip(page)).toBeLessThan(500);
    expect(errors).toEqual([]);
    console.log(
      `1 MB node: scan ${s.scanMs.toFixed(0)} ms, longest task ${s.longestTaskMs.toFixed(1)} ms`,
    );
    await page.close();
  });

  it('100,000 elements: every mention found, no long task', async () => {
    const { page, url, errors } = await open('generated/hostile-many.html');
    await settled(url);
    expect(await found(url)).toEqual([
      ['cap-digital', 1],
      ['hamburg-aviation', many.hamburg],
      ['minalogic', 1],
      ['valorial', many.valorial],
    ]);
    const s = await stats(url);
    // All its text was read: the 1,000 lists as pieces, and node by node the ten lists with a
    // name (of 100 text nodes each) and the two shadow roots (3 text nodes).
    expect(s.textChars).toBeGreaterThanOrEqual(many.chars);
    expect(s).toMatchObject({ pass: 'mentions', pieces: 1000, piecesScanned: 10 });
    expect(s.textNodes).toBe(1003);
    expect(s.longestTaskMs).toBeLessThan(50);
    expect(await roundTrip(page)).toBeLessThan(500);
    expect(errors).toEqual([]);
    console.log(
      `100,000 elements: scan ${s.scanMs.toFixed(0)} ms, longest task ${s.longestTaskMs.toFixed(1)} ms`,
    );
    await page.close();
  });

  it('30,000 open shadow roots: each read once, only the marked ones kept for hit-testing, no long task', async () => {
    const { page, url, errors } = await open(`generated/${shadowRoots.file}`);
    await settled(url, 60_000);
    expect(await found(url)).toEqual([
      ['hamburg-aviation', shadowRoots.hamburg],
      ['valorial', shadowRoots.valorial],
    ]);
    const s = await stats(url);
    // The page's own text names no one; each root's sentence is one text node, read the full
    // way once. Only the roots holding a mark are kept (for hit-testing), once each, not all
    // 30,000 (each used to be styled, every adoption searching the list of those before it).
    expect(s).toMatchObject({
      pass: 'clear',
      shadowRoots: SHADOW_ROOTS,
      textNodes: SHADOW_ROOTS,
      rootsWithMarks: shadowRoots.valorial + shadowRoots.hamburg,
    });
    expect(s.longestTaskMs).toBeLessThan(50);
    expect(await roundTrip(page)).toBeLessThan(500);
    expect(errors).toEqual([]);
    console.log(
      `${SHADOW_ROOTS} shadow roots: scan ${s.scanMs.toFixed(0)} ms, longest task ${s.longestTaskMs.toFixed(1)} ms`,
    );
    await page.close();
  }, 90_000);

  it('1,000 mutations per second for 10 s: the tab stays responsive, the result is right', async () => {
    const { page, url, errors } = await open('generated/hostile-storm.html');
    await settled(url);
    expect(await found(url)).toEqual([['cap-digital', 1]]);
    await page.evaluate(() => (window as unknown as { __startStorm(): void }).__startStorm());
    const trips: number[] = [];
    const during: ScanStatsResponse[] = [];
    const until = Date.now() + 9_500;
    while (Date.now() < until) {
      trips.push(await roundTrip(page));
      // The extension keeps answering during the storm too.
      during.push(await stats(url));
      await page.waitForTimeout(250);
    }
    await page.waitForFunction(
      () => (window as unknown as { __storm: { done: boolean } }).__storm.done,
      null,
      {
        timeout: 10_000,
      },
    );
    const storm = await page.evaluate(
      () =>
        (
          window as unknown as {
            __storm: { mutations: number; maxLagMs: number; longTasks: number[] };
          }
        ).__storm,
    );
    await settled(url);
    // Everything named during the storm is gone; what the page says at the end is found.
    await expect
      .poll(() => found(url), { timeout: 10_000 })
      .toEqual([
        ['cap-digital', 1],
        ['hamburg-aviation', 1],
        ['valorial', 1],
      ]);
    const s = await stats(url);
    console.log(
      `storm: ${storm.mutations} mutations; page event-loop delay max ${storm.maxLagMs.toFixed(0)} ms; ` +
        `long tasks ${JSON.stringify(storm.longTasks)}; round trips max ${Math.max(...trips).toFixed(0)} ms; ` +
        `extension scan ${s.scanMs.toFixed(0)} ms, longest task ${s.longestTaskMs.toFixed(1)} ms`,
    );
    if (errors.length > 0) console.log('storm page errors:', errors.slice(0, 3), errors.length);
    expect(storm.mutations).toBe(10_000);
    expect(during.length).toBeGreaterThan(10);
    expect(s.longestTaskMs).toBeLessThan(50);
    // The page's own view: no freeze a reader would feel. Its timers also carry the page's own
    // work and, on a busy 2-core CI machine, time other processes took; alone it stays < 70 ms.
    expect(storm.longTasks.filter((ms) => ms >= 250)).toEqual([]);
    expect(storm.maxLagMs).toBeLessThan(250);
    expect(Math.max(...trips)).toBeLessThan(500);
    expect(errors).toEqual([]);
    await page.close();
  }, 60_000);

  it('a page that sabotages the DOM and built-ins in its own world: the extension works', async () => {
    const { page, url, errors } = await open('generated/hostile-prototypes.html');
    await settled(url);
    await expect
      .poll(() => found(url), { timeout: 10_000 })
      .toEqual([
        ['hamburg-aviation', 1],
        ['minalogic', 1],
        ['valorial', 1],
      ]);
    // The marks are drawn: read them from a fresh world the page's sabotage cannot reach.
    const cdp = await page.context().newCDPSession(page);
    const { frameTree } = await cdp.send('Page.getFrameTree');
    const { executionContextId } = await cdp.send('Page.createIsolatedWorld', {
      frameId: frameTree.frame.id,
      worldName: 'hostile-probe',
    });
    const { result } = await cdp.send('Runtime.evaluate', {
      contextId: executionContextId,
      returnByValue: true,
      expression: `(() => {
        const texts = [];
        for (const [name, highlight] of CSS.highlights) {
          if (!name.startsWith('cluster-lens-')) continue;
          for (const r of highlight) {
            const range = new Range();
            range.setStart(r.startContainer, r.startOffset);
            range.setEnd(r.endContainer, r.endOffset);
            texts.push(range.toString());
          }
        }
        return { sabotaged: window.__sabotaged === true, texts: texts.sort() };
      })()`,
    });
    expect(result.value).toEqual({
      sabotaged: false, // the probe's world is not the page's
      texts: ['Hamburg Aviation', 'Minalogic', 'Valorial'],
    });
    // And the page's own world is still sabotaged (read without touching its built-ins).
    const main = await cdp.send('Runtime.evaluate', {
      expression: 'window.__sabotaged === true',
      returnByValue: true,
    });
    expect(main.result.value).toBe(true);
    expect((await stats(url)).longestTaskMs).toBeLessThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });
});
