/** Fixture pages made at test time: a React bundle and a 1 MB article. */
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

export const GENERATED = resolve('tests/e2e/pages/generated');

export async function buildReactFixture(): Promise<void> {
  await build({
    entryPoints: ['tests/e2e/fixtures-src/react-app.tsx'],
    bundle: true,
    minify: true,
    format: 'iife',
    outfile: `${GENERATED}/react-app.js`,
    define: { 'process.env.NODE_ENV': '"production"' },
    jsx: 'automatic',
    jsxImportSource: 'react',
    logLevel: 'silent',
  });
}

const FILLER = [
  'Regional development agencies published their yearly figures on employment and exports.',
  'The committee discussed budgets, timelines and the next call for proposals in detail.',
  'Researchers and companies met to compare notes on supply chains and skills shortages.',
];

/**
 * A single-page article of about 1 MB of text, with a known number of mentions: every 25th
 * paragraph names Valorial and every 40th Hamburg Aviation. `script`: the page's own, at the end
 * of its body.
 */
export function writeLargeArticle(
  file = 'large.html',
  script = '',
): { valorial: number; hamburg: number } {
  const paragraphs: string[] = [];
  let size = 0;
  let valorial = 0;
  let hamburg = 0;
  for (let i = 0; size < 1_000_000; i++) {
    let text = `${FILLER[i % 3]} ${FILLER[(i + 1) % 3]} ${FILLER[(i + 2) % 3]}`;
    if (i % 25 === 0) {
      text += ' Valorial took part in the session.';
      valorial++;
    }
    if (i % 40 === 0) {
      text += ' Hamburg Aviation sent a delegation.';
      hamburg++;
    }
    size += text.length;
    paragraphs.push(`<p>${text}</p>`);
  }
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    `${GENERATED}/${file}`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Large article</title><link rel="icon" href="data:,"></head><body><article>${paragraphs.map((p, i) => p.replace('<p>', `<p id="s${i}">`)).join('\n')}</article>${script ? `<script>${script}</script>` : ''}</body></html>`,
  );
  return { valorial, hamburg };
}

/**
 * The 1 MB article with a scroll spy, as documentation sites have one: its address follows the
 * section in view, `history.replaceState(null, '', '#sN')` 60 times a second, and the reader's
 * table of contents changes the hash itself (`location.hash`) every second. Only the address
 * changes; the page counts its changes in `window.__spy`.
 */
export function writeScrollSpy(): { file: string; valorial: number; hamburg: number } {
  const file = 'scroll-spy.html';
  const counts = writeLargeArticle(
    file,
    `window.__spy = { replaced: 0, hashes: 0 };
let i = 0;
setInterval(() => { history.replaceState(null, '', '#s' + (i++ % 1000)); window.__spy.replaced++; }, 16);
setInterval(() => { location.hash = 'toc' + i; window.__spy.hashes++; }, 1000);`,
  );
  return { file, ...counts };
}

/**
 * A single-page app that replaces its whole view `times` times, every `everyMs`, as one does
 * while a route's data arrives piece by piece: each view is a new article naming the same two
 * organisations, the last one Cap Digital as well. `window.__views` counts the views shown.
 */
export function writeReplacingApp(times: number, everyMs: number): { file: string } {
  const file = 'replacing-app.html';
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    `${GENERATED}/${file}`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>App</title><link rel="icon" href="data:,"></head><body><main id="app"><p>Loading the view.</p></main>
<script>
const FILLER = ${JSON.stringify(FILLER)};
window.__views = 0;
function render(k, last) {
  const view = document.createElement('article');
  for (let j = 0; j < 40; j++) {
    const p = document.createElement('p');
    p.textContent = 'View ' + k + ', part ' + j + ': ' + FILLER[j % 3] + (j === 7 ? ' Valorial took part.' : '') + (j === 21 ? ' Hamburg Aviation sent a delegation.' : '') + (last && j === 30 ? ' Cap Digital joined.' : '');
    view.append(p);
  }
  document.getElementById('app').replaceChildren(view);
  window.__views++;
}
window.__start = () => {
  let k = 0;
  const timer = setInterval(() => {
    k++;
    render(k, k === ${times});
    if (k === ${times}) clearInterval(timer);
  }, ${everyMs});
};
</script></body></html>`,
  );
  return { file };
}

/**
 * A page with 20 iframes, as a news page with ad slots has them: 10 empty (five blank 300×250
 * slots, five 1×1 tracking frames) and 10 small article frames, each naming two organisations.
 */
export function writeTwentyFrames(): { frames: number; valorial: number; hamburg: number } {
  mkdirSync(GENERATED, { recursive: true });
  const frames: string[] = [];
  for (let k = 1; k <= 10; k++) {
    writeFileSync(
      `${GENERATED}/frame-${k}.html`,
      `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Frame ${k}</title><link rel="icon" href="data:,"></head><body><p>Partner note ${k}: Valorial signed a letter with Hamburg Aviation.</p></body></html>`,
    );
    frames.push(
      `<iframe src="frame-${k}.html" width="400" height="80" title="Note ${k}"></iframe>`,
    );
    frames.push(
      k % 2 === 0
        ? `<iframe src="about:blank" width="300" height="250" title="Advertisement"></iframe>`
        : `<iframe src="about:blank" width="1" height="1" style="border:0" title=""></iframe>`,
    );
  }
  writeFileSync(
    `${GENERATED}/twenty-frames.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Twenty frames</title><link rel="icon" href="data:,"></head><body><h1>Regional news</h1><p>The port reopened on Monday.</p>${frames.join('\n')}</body></html>`,
  );
  return { frames: 20, valorial: 10, hamburg: 10 };
}

/**
 * A page of `count` custom elements, each with an open shadow root holding one sentence, as a
 * component library renders a long feed: every 1,000th names Valorial and every 2,500th
 * Hamburg Aviation. The roots are attached by the page's own script, as frameworks do.
 */
export function writeShadowRoots(count: number): {
  file: string;
  valorial: number;
  hamburg: number;
} {
  let valorial = 0;
  let hamburg = 0;
  for (let i = 0; i < count; i++) {
    if (i % 1000 === 500) valorial++;
    else if (i % 2500 === 1200) hamburg++;
  }
  const file = `shadow-roots-${count}.html`;
  mkdirSync(GENERATED, { recursive: true });
  writeFileSync(
    `${GENERATED}/${file}`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${count} shadow roots</title><link rel="icon" href="data:,"></head><body><h1>Feed</h1><div id="feed">${'<feed-item></feed-item>'.repeat(count)}</div>
<script>
const SENTENCES = ${JSON.stringify(FILLER)};
const items = document.getElementsByTagName('feed-item');
for (let i = 0; i < items.length; i++) {
  let text = 'Entry ' + i + ': ' + SENTENCES[i % SENTENCES.length];
  if (i % 1000 === 500) text += ' Valorial took part.';
  else if (i % 2500 === 1200) text += ' Hamburg Aviation sent a delegation.';
  items[i].attachShadow({ mode: 'open' }).innerHTML = '<p>' + text + '</p>';
}
</script></body></html>`,
  );
  return { file, valorial, hamburg };
}
