import { afterEach, describe, expect, it, vi } from 'vitest';
import { QUICK_CHECK_MAX_ELEMENTS } from '~/entrypoints/content/page-facts';
import { PageScanner } from '~/entrypoints/content/page-scanner';
import { NO_MARKS, type Marker } from '~/entrypoints/content/highlighter';
import type { PageMatching } from '~/entrypoints/content/background-client';
import type { AliasRule } from '~/lib/dataset/model';
import { aliasFingerprint, type PageData } from '~/lib/dataset/page-data';
import { compileMatcher } from '~/lib/matcher';
import type { QuickCheckResponse } from '~/lib/messages';
import { BackgroundMatcher } from '~/utils/background-matcher';
import './static-range';

const aliases: AliasRule[] = [
  { text: 'Valorial', id: 'valorial', kind: 'name', caseSensitive: false, needsContext: false },
  { text: 'Minalogic', id: 'minalogic', kind: 'name', caseSensitive: false, needsContext: false },
  {
    text: 'Cap Digital',
    id: 'cap-digital',
    kind: 'name',
    caseSensitive: false,
    needsContext: false,
  },
  {
    text: 'Digital Cluster Lab',
    id: 'digital-cluster-lab',
    kind: 'name',
    caseSensitive: false,
    needsContext: false,
  },
  // One organisation with a distinctive name and a short form that is an everyday word.
  {
    text: 'Fjordvik Tourism',
    id: 'fjordvik-tourism',
    kind: 'name',
    caseSensitive: false,
    needsContext: false,
  },
  {
    text: 'Tourism',
    id: 'fjordvik-tourism',
    kind: 'name',
    caseSensitive: false,
    needsContext: true,
  },
];
const pageData: PageData = {
  asOf: '2026-01',
  records: [
    { id: 'valorial', name: 'Valorial', label: { level: 'gold', year: 2024, validUntil: null } },
    {
      id: 'minalogic',
      name: 'Minalogic',
      label: { level: 'unknown', year: null, validUntil: null },
    },
    {
      id: 'cap-digital',
      name: 'Cap Digital',
      label: { level: 'unknown', year: null, validUntil: null },
    },
    {
      id: 'digital-cluster-lab',
      name: 'Digital Cluster Lab',
      label: { level: 'unknown', year: null, validUntil: null },
    },
    {
      id: 'fjordvik-tourism',
      name: 'Fjordvik Tourism',
      label: { level: 'unknown', year: null, validUntil: null },
    },
  ],
  aliases,
  fingerprint: aliasFingerprint(aliases),
};

/** The background's real matcher, in process: what pages ask of it, without messaging. */
const backgroundMatcher = new BackgroundMatcher(() =>
  Promise.resolve({ data: pageData, matcher: compileMatcher(aliases) }),
);
const TABLE = { acronymStrictness: 'balanced', suppressed: [] } as const;
const matchInBackground: PageMatching['match'] = (parts, confirmedIds) =>
  backgroundMatcher.match(
    { parts, confirmedIds, table: { ...TABLE, suppressed: [] } },
    'example.org',
  );

let marker: Marker = NO_MARKS;

/** The background's answer, computed with the same matcher, as the real one does. */
function background(delayMs = 0) {
  const texts: string[] = [];
  const check = vi.fn(async (text: string): Promise<QuickCheckResponse | null> => {
    texts.push(text);
    await new Promise((r) => setTimeout(r, delayMs));
    const reply = await backgroundMatcher.check({ text });
    return { ...reply, ms: 0.5 };
  });
  return { check, texts };
}

let scanner: PageScanner | null = null;

/** Each organisation found and how often, by id. */
function found(s: PageScanner) {
  return s
    .detections()
    .map((d) => [d.id, d.count] as const)
    .sort((a, b) => a[0].localeCompare(b[0]));
}

function start(
  quickCheck?: (text: string) => Promise<QuickCheckResponse | null>,
  sizes: { quickCheckMaxElements?: number; pieceMaxElements?: number } = {},
) {
  let idle = 0;
  scanner = new PageScanner({
    matching: {
      quickCheck: quickCheck ?? (() => Promise.reject(new Error('not asked'))),
      match: matchInBackground,
    },
    quickCheck: quickCheck !== undefined,
    marker,
    // happy-dom has no layout: every mention counts as seen.
    isReadable: () => true,
    shown: { gold: true, silver: true, bronze: true, expired: true, unlabelled: true },
    onIdle: () => idle++,
    ...sizes,
  });
  scanner.scan(document);
  return { scanner, idled: () => idle };
}

/** Starts on `html`, adds a paragraph naming Minalogic while the check is under way, settles. */
async function addWhileChecking(html: string) {
  document.body.innerHTML = html;
  const bg = background(200);
  const { scanner: s } = start(bg.check);
  await vi.waitFor(() => expect(bg.check).toHaveBeenCalled());
  const p = document.createElement('p');
  p.textContent = 'Later: Minalogic.';
  document.body.append(p);
  await new Promise((r) => setTimeout(r, 250));
  await settle(s);
  return s;
}

async function settle(s: PageScanner) {
  await vi.waitFor(() => expect(s.idle).toBe(true), { timeout: 3000, interval: 20 });
}

afterEach(() => {
  scanner?.stop();
  scanner = null;
  marker = NO_MARKS;
  document.body.innerHTML = '';
});

describe('the quick check', () => {
  it('clears a page that names no organisation without walking its text nodes', async () => {
    document.body.innerHTML = '<h1>Regional news</h1><p>The port reopened on <b>Monday</b>.</p>';
    const bg = background();
    const { scanner: s } = start(bg.check);
    await settle(s);
    expect(bg.check).toHaveBeenCalledTimes(1);
    expect(bg.texts[0]).toContain('The port reopened on Monday.');
    const stats = s.getStats();
    expect(stats.pass).toBe('clear');
    expect(stats.textNodes).toBe(0);
    expect(stats.textChars).toBe(bg.texts[0]!.length);
    expect(stats.checkMs).toBe(0.5);
    expect(s.detections()).toEqual([]);
  });

  it('asks nothing of the background for a page without a word', async () => {
    document.body.innerHTML = '<div> </div><p>·</p><span>\u00a0—\u00a0</span>';
    const bg = background();
    const { scanner: s } = start(bg.check);
    await settle(s);
    expect(bg.check).not.toHaveBeenCalled();
    expect(s.getStats()).toMatchObject({ pass: 'clear', textNodes: 0 });
  });

  it('hands a page with a name to the full scan, which marks it', async () => {
    document.body.innerHTML = '<p>Partners: Valo<b>rial</b> and others.</p>';
    const bg = background();
    const { scanner: s } = start(bg.check);
    await settle(s);
    expect(s.getStats().pass).toBe('mentions');
    expect(s.getStats().textNodes).toBeGreaterThan(0);
    expect(s.detections().map((d) => [d.id, d.count, d.texts])).toEqual([
      ['valorial', 1, ['Valorial']],
    ]);
  });

  it('scans the full way when the background does not answer', async () => {
    document.body.innerHTML = '<p>Minalogic met in Grenoble.</p>';
    const { scanner: s } = start(() => Promise.resolve(null));
    await settle(s);
    expect(s.getStats().pass).toBe('full');
    expect(s.detections().map((d) => d.id)).toEqual(['minalogic']);
  });

  it('scans the full way when asking fails', async () => {
    document.body.innerHTML = '<p>Minalogic met in Grenoble.</p>';
    const { scanner: s } = start(() => Promise.reject(new Error('no receiving end')));
    await settle(s);
    expect(s.getStats().pass).toBe('full');
    expect(s.detections().map((d) => d.id)).toEqual(['minalogic']);
  });

  it('still scans open shadow roots, whose text the rendered page text leaves out', async () => {
    document.body.innerHTML = '<p>Nothing here.</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Inside: Valorial.</p>';
    const bg = background();
    const { scanner: s } = start(bg.check);
    await settle(s);
    expect(bg.texts[0]).not.toContain('Valorial');
    expect(s.getStats().pass).toBe('clear');
    expect(s.shadowRoots.has(shadow)).toBe(true);
    expect(s.detections().map((d) => d.id)).toEqual(['valorial']);
  });

  it('keeps only the shadow roots holding a mark (and those around them) for hit-testing, once each', async () => {
    document.body.innerHTML =
      '<p>Nothing here.</p><div id="a"></div><div id="b"></div><div id="d"></div>';
    const a = document.getElementById('a')!.attachShadow({ mode: 'open' });
    a.innerHTML = '<p>Inside: Valorial.</p>';
    const b = document.getElementById('b')!.attachShadow({ mode: 'open' });
    b.innerHTML = '<p>A panel.</p><section id="c"></section>';
    const c = b.getElementById('c')!.attachShadow({ mode: 'open' });
    c.innerHTML = '<p>Nested: Minalogic.</p>';
    const d = document.getElementById('d')!.attachShadow({ mode: 'open' });
    d.innerHTML = '<p>Another panel, naming no one.</p>';
    const { scanner: s } = start(background().check);
    await settle(s);
    expect(found(s)).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
    expect([...s.shadowRoots]).toHaveLength(4);
    expect(s.markedRoots).toEqual(new Set([a, b, c]));
    // A rescan of a root's text counts no root twice.
    a.querySelector('p')!.textContent = 'Inside: Valorial again.';
    await new Promise((r) => setTimeout(r, 200));
    await settle(s);
    expect(found(s)).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
    expect(s.markedRoots).toEqual(new Set([a, b, c]));
    expect(s.getStats()).toMatchObject({ shadowRoots: 4, rootsWithMarks: 3 });
  });

  it('scans a shadow root once when the page itself also names someone', async () => {
    document.body.innerHTML = '<p>Minalogic</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Valorial</p>';
    const { scanner: s } = start(background().check);
    await settle(s);
    expect(s.getStats().pass).toBe('mentions');
    expect(found(s)).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
  });

  it('rescans text added while the check was under way, once it has cleared the page', async () => {
    const s = await addWhileChecking('<p>Nothing here.</p>');
    expect(s.getStats().pass).toBe('clear');
    expect(s.detections().map((d) => d.id)).toEqual(['minalogic']);
  });

  it('counts text added during the check once when the full scan runs', async () => {
    const s = await addWhileChecking('<p>Valorial</p>');
    expect(s.getStats().pass).toBe('mentions');
    expect(found(s)).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
  });

  it('reads a page too large to read in one piece in pieces', async () => {
    const many = '<i></i>'.repeat(QUICK_CHECK_MAX_ELEMENTS + 1);
    document.body.innerHTML = `<p>Valorial</p><div>${many}</div>`;
    const bg = background();
    const { scanner: s } = start(bg.check);
    await settle(s);
    expect(bg.check).toHaveBeenCalledTimes(1);
    expect(s.getStats()).toMatchObject({ pass: 'mentions', pieces: 1, piecesScanned: 1 });
    expect(s.detections().map((d) => d.id)).toEqual(['valorial']);
  });

  it('stops cleanly when stopped while waiting for the answer', async () => {
    document.body.innerHTML = '<p>Valorial</p>';
    const bg = background(100);
    const { scanner: s, idled } = start(bg.check);
    await vi.waitFor(() => expect(bg.check).toHaveBeenCalled());
    s.stop();
    await new Promise((r) => setTimeout(r, 150));
    expect(s.detections()).toEqual([]);
    expect(idled()).toBe(0);
  });
});

describe('a page whose only names lack evidence', () => {
  /** Each text sent for matching, so a test can tell whether the full scan ran. */
  function watchMatches() {
    const sent: string[] = [];
    const match: PageMatching['match'] = (parts, confirmedIds) => {
      for (const part of parts) sent.push(part.segments.join(''));
      return matchInBackground(parts, confirmedIds);
    };
    return { sent, match };
  }

  /** A scanner with the quick check `check`, its match requests recorded (not yet started). */
  function watchedScanner(check: (text: string) => Promise<QuickCheckResponse | null>) {
    const matches = watchMatches();
    scanner = new PageScanner({
      matching: { quickCheck: check, match: matches.match },
      quickCheck: true,
      marker,
      isReadable: () => true,
      shown: { gold: true, silver: true, bronze: true, expired: true, unlabelled: true },
      onIdle: () => {},
    });
    return { s: scanner, sent: matches.sent };
  }

  function startWatched(check: (text: string) => Promise<QuickCheckResponse | null>) {
    const watched = watchedScanner(check);
    watched.s.scan(document);
    return watched;
  }

  it('is cleared by the quick check: no block is matched', async () => {
    document.body.innerHTML =
      '<h1>Travel</h1><p>Tourism fell by a tenth this winter.</p><p>Hotels stayed open.</p>';
    const { s, sent } = startWatched(background().check);
    await settle(s);
    expect(s.getStats()).toMatchObject({ pass: 'clear', textNodes: 0, waitingPieces: 1 });
    expect(sent).toEqual([]);
    expect(s.detections()).toEqual([]);
  });

  it('is scanned the full way when the same text gives the evidence', async () => {
    document.body.innerHTML =
      '<p>Tourism fell by a tenth.</p><p>Fjordvik Tourism, the regional network, disagrees.</p>';
    const { s } = startWatched(background().check);
    await settle(s);
    expect(s.getStats().pass).toBe('mentions');
    expect(found(s)).toEqual([['fjordvik-tourism', 2]]);
  });

  /** Adds a paragraph naming Fjordvik Tourism in full, and waits until the scanner has seen it. */
  async function nameFjordvikTourismLater(s: PageScanner) {
    const added = document.createElement('p');
    added.textContent = 'A statement from Fjordvik Tourism followed.';
    document.body.append(added);
    await new Promise((r) => setTimeout(r, 200));
    await settle(s);
    await new Promise((r) => setTimeout(r, 200));
    await settle(s);
  }

  it('marks the waiting name once a change names its organisation unambiguously', async () => {
    document.body.innerHTML = '<p>Tourism fell by a tenth.</p><p>Hotels stayed open.</p>';
    const { s, sent } = startWatched(background().check);
    await settle(s);
    expect(found(s)).toEqual([]);
    await nameFjordvikTourismLater(s);
    expect(found(s)).toEqual([['fjordvik-tourism', 2]]);
    expect(s.getStats().waitingPieces).toBe(0);
    // The waiting paragraph was matched once, after the change, not before.
    expect(sent.filter((t) => t.includes('fell by a tenth'))).toHaveLength(1);
  });

  /**
   * A scanner taking over a frame its bootstrap cleared (PageScanner.resume): the bootstrap's
   * text and answer, and the nodes changed since, as the lens hands them over.
   */
  async function resumeCleared(changed: Set<Node> = new Set(), meanwhile = () => {}) {
    const text = document.body.innerText;
    const reply = await backgroundMatcher.check({ text });
    // What the page did after the bootstrap's read, before the scanner came.
    meanwhile();
    const check = vi.fn(() => Promise.reject(new Error('not asked')));
    const { s, sent } = watchedScanner(check);
    s.resume(document, { text, reply, changed });
    return { s, sent, check, reply };
  }

  it('is taken over cleared from the bootstrap: nothing read or asked again, the name waiting', async () => {
    document.body.innerHTML = '<p>Tourism fell by a tenth.</p><p>Hotels stayed open.</p>';
    const { s, sent, check, reply } = await resumeCleared();
    expect(reply).toMatchObject({ mayMention: true, evidenced: false });
    await settle(s);
    expect(check).not.toHaveBeenCalled();
    expect(sent).toEqual([]);
    expect(s.getStats()).toMatchObject({ pass: 'clear', pieces: 1, waitingPieces: 1 });
    // The waiting name is marked once a change names its organisation unambiguously.
    await nameFjordvikTourismLater(s);
    expect(found(s)).toEqual([['fjordvik-tourism', 2]]);
    expect(check).not.toHaveBeenCalled();
  });

  it('is taken over with the changes the bootstrap saw before it came, and rescans just those', async () => {
    document.body.innerHTML = '<p>Hotels stayed open.</p><p id="later"></p>';
    const later = document.getElementById('later')!;
    // Made before the scanner watched: only the hand-over tells it.
    const { s, sent } = await resumeCleared(new Set([later]), () => {
      later.textContent = 'Valorial joined the board.';
    });
    await new Promise((r) => setTimeout(r, 200));
    await settle(s);
    expect(found(s)).toEqual([['valorial', 1]]);
    expect(sent).toEqual(['Valorial joined the board.']);
  });

  it('is scanned the full way when a shadow root has already named someone', async () => {
    document.body.innerHTML = '<p>Tourism fell by a tenth.</p><div id="host"></div>';
    const shadow = document.getElementById('host')!.attachShadow({ mode: 'open' });
    shadow.innerHTML = '<p>Fjordvik Tourism answers questions.</p>';
    const { s } = startWatched(background(50).check);
    await settle(s);
    await new Promise((r) => setTimeout(r, 200));
    await settle(s);
    expect(found(s)).toEqual([['fjordvik-tourism', 2]]);
  });

  it('is scanned the full way when an older background does not say', async () => {
    document.body.innerHTML = '<p>Tourism fell by a tenth.</p>';
    const check = async (text: string) => {
      const reply: QuickCheckResponse = await backgroundMatcher.check({ text });
      delete reply.evidenced;
      return reply;
    };
    const { s, sent } = startWatched(check);
    await settle(s);
    expect(s.getStats().pass).toBe('mentions');
    expect(sent).toHaveLength(1);
  });
});

describe('a page that hides its body while it loads', () => {
  it('is scanned once the body is shown, not before', async () => {
    document.body.innerHTML = '<p>Partners: Valorial.</p>';
    document.body.style.visibility = 'hidden';
    const bg = background();
    const { scanner: s } = start(bg.check);
    await new Promise((r) => setTimeout(r, 600));
    expect(bg.check).not.toHaveBeenCalled();
    expect(s.idle).toBe(false);
    document.body.style.visibility = '';
    await settle(s);
    expect(bg.check).toHaveBeenCalledTimes(1);
    expect(s.detections().map((d) => d.id)).toEqual(['valorial']);
  });
});

describe('the full scan after the quick check', () => {
  it('matches only blocks that hold a word of what the check found, with the same result', async () => {
    const quiet = Array.from({ length: 30 }, (_, k) => `<p>Paragraph ${k} about the harbour.</p>`);
    document.body.innerHTML = `${quiet.join('')}<p>Partners: Valorial.</p><p>And minalogic.</p>`;
    const { scanner: s } = start(background().check);
    await settle(s);
    expect(s.getStats().pass).toBe('mentions');
    expect(s.getStats().skippedBlocks).toBe(30);
    expect(found(s)).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
  });
});

/** `count` sections of a heading and four paragraphs (6 elements each); `extra` by index. */
function largePage(count: number, extra: Record<number, string> = {}, filler = '') {
  document.body.innerHTML = Array.from(
    { length: count },
    (_, k) =>
      `<section><h2>Part ${k}</h2>${[1, 2, 3, 4].map((p) => `<p>Text ${k}.${p} ${filler}</p>`).join('')}${extra[k] ?? ''}</section>`,
  ).join('');
}

/** Over 50 elements a page is read in pieces of at most 10 (each section is one). */
const SMALL = { quickCheckMaxElements: 50, pieceMaxElements: 10 };

describe('a large page, read in pieces', () => {
  it('scans only the pieces that hold a word of what the check found', async () => {
    largePage(40, { 3: 'Partners: Valorial.', 20: 'And <b>Minalogic</b>.' });
    const bg = background();
    const { scanner: s } = start(bg.check, SMALL);
    await settle(s);
    expect(found(s)).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
    const stats = s.getStats();
    expect(stats).toMatchObject({ pass: 'mentions', pieces: 40, piecesScanned: 2 });
    // Only the two sections' text nodes were walked; the rest was read as text.
    expect(stats.textNodes).toBeLessThanOrEqual(14);
    expect(stats.textChars).toBeGreaterThanOrEqual(document.body.textContent.length);
  });

  it('clears a large page that names no one, walking no text node', async () => {
    largePage(40);
    const bg = background();
    const { scanner: s } = start(bg.check, SMALL);
    await settle(s);
    expect(s.getStats()).toMatchObject({
      pass: 'clear',
      pieces: 40,
      piecesScanned: 0,
      textNodes: 0,
    });
    expect(s.getStats().textChars).toBeGreaterThan(40 * 40);
    expect(s.detections()).toEqual([]);
  });

  it('sends the pieces in batches, and a name in the last batch is found', async () => {
    // 40 sections of about 2,400 characters: more than one batch of 64 KB.
    largePage(40, { 39: 'Finally Valorial.' }, 'x '.repeat(300));
    const bg = background();
    const { scanner: s } = start(bg.check, SMALL);
    await settle(s);
    expect(bg.check.mock.calls.length).toBeGreaterThan(1);
    for (const text of bg.texts) expect(text.length).toBeLessThan(65_536 + 3_000);
    expect(bg.texts.join('\n')).toContain('Part 0');
    expect(found(s)).toEqual([['valorial', 1]]);
    expect(s.getStats()).toMatchObject({ pass: 'mentions', piecesScanned: 1 });
  });

  it('finds a name in text flowing directly in a split element, across inline tags', async () => {
    largePage(20);
    document.body.insertBefore(document.createTextNode(' Partners: '), document.body.firstChild);
    document.body.insertBefore(document.createElement('b'), document.body.childNodes[1]!);
    document.body.querySelector('b')!.textContent = 'Valorial';
    const { scanner: s } = start(background().check, SMALL);
    await settle(s);
    expect(found(s)).toEqual([['valorial', 1]]);
    expect(s.getStats()).toMatchObject({ pass: 'mentions', piecesScanned: 1 });
  });

  it('scans the whole page the full way when a batch gets no answer', async () => {
    largePage(40, { 3: 'Partners: Valorial.' }, 'x '.repeat(300));
    const bg = background();
    let calls = 0;
    const flaky = vi.fn(async (text: string) => (++calls === 1 ? null : bg.check(text)));
    const { scanner: s } = start(flaky, SMALL);
    await settle(s);
    expect(flaky.mock.calls.length).toBeGreaterThan(1);
    expect(s.getStats().pass).toBe('full');
    expect(s.getStats().textNodes).toBeGreaterThan(40 * 5);
    expect(found(s)).toEqual([['valorial', 1]]);
  });

  it('ends, cleared, when a large page has no text to read at all', async () => {
    document.body.innerHTML = '<script></script>'.repeat(60);
    const bg = background();
    const { scanner: s } = start(bg.check, SMALL);
    await settle(s);
    expect(bg.check).not.toHaveBeenCalled();
    expect(s.getStats()).toMatchObject({ pass: 'clear', pieces: 0, textChars: 0 });
  });

  it('rescans text added while the pieces were being checked', async () => {
    largePage(40, { 3: 'Partners: Valorial.' });
    const bg = background(200);
    const { scanner: s } = start(bg.check, SMALL);
    await vi.waitFor(() => expect(bg.check).toHaveBeenCalled());
    const p = document.createElement('p');
    p.textContent = 'Later: Minalogic.';
    document.body.lastElementChild!.append(p);
    await new Promise((r) => setTimeout(r, 250));
    await settle(s);
    expect(found(s)).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
  });
});

describe('text changed while the walk is under way', () => {
  it('is counted once, whether or not the walk had reached it', async () => {
    // A page walked over many slices: a clock that runs 3 ms a reading ends each slice after a step or two.
    let clock = 0;
    document.body.innerHTML = Array.from(
      { length: 15_000 },
      (_, k) => `<p>Paragraph ${k}.</p>`,
    ).join('');
    scanner = new PageScanner({
      matching: { quickCheck: () => Promise.resolve(null), match: matchInBackground },
      quickCheck: false,
      marker,
      isReadable: () => true,
      shown: { gold: true, silver: true, bronze: true, expired: true, unlabelled: true },
      onIdle: () => {},
      now: () => (clock += 3),
    });
    const s = scanner;
    s.scan(document);
    await vi.waitFor(() => expect(s.getStats().textNodes).toBeGreaterThan(0), { interval: 5 });
    // Ahead of the walk: the last paragraph names Minalogic now.
    expect(s.idle).toBe(false);
    document.body.lastElementChild!.textContent = 'Paragraph 14999: Minalogic.';
    await new Promise((r) => setTimeout(r, 200));
    expect(s.idle).toBe(false);
    await vi.waitFor(() => expect(s.idle).toBe(true), { timeout: 20_000, interval: 20 });
    expect(found(s)).toEqual([['minalogic', 1]]);
  });
});

describe('answers from the background', () => {
  const ALL_SHOWN = { gold: true, silver: true, bronze: true, expired: true, unlabelled: true };

  /** A scanner over `matching`, with no quick check, that restarts itself when told it is stale. */
  function scanWith(matching: PageMatching, markWith: Marker = marker) {
    const stale: PageScanner[] = [];
    const begin = () => {
      scanner = new PageScanner({
        matching,
        quickCheck: false,
        marker: markWith,
        isReadable: () => true,
        shown: ALL_SHOWN,
        onIdle: () => {},
        onStale: () => {
          stale.push(scanner!);
          begin();
        },
      });
      scanner.scan(document);
    };
    begin();
    return { current: () => scanner!, stale };
  }

  it('leaves a batch the background never answered unmarked, and counts it', async () => {
    document.body.innerHTML = '<p>Valorial met Minalogic.</p>';
    const s = scanWith({
      quickCheck: () => Promise.resolve(null),
      match: () => Promise.resolve(null),
    });
    await settle(s.current());
    expect(s.current().detections()).toEqual([]);
    expect(s.current().getStats().failedBatches).toBe(1);
  });

  it('drops a mention whose text changed before the answer came, and marks the change once', async () => {
    document.body.innerHTML = '<p id="p">Valorial today.</p>';
    let calls = 0;
    // What each mark covered in the page when it was drawn.
    const drawn: string[] = [];
    const recording: Marker = {
      ...marker,
      add: (range) => {
        const node = range.startContainer as Text;
        drawn.push(node.data.slice(range.startOffset, range.endOffset));
      },
    };
    const s = scanWith(
      {
        quickCheck: () => Promise.resolve(null),
        match: async (parts, ids) => {
          const reply = await matchInBackground(parts, ids);
          // The page changes while the first answer is on its way.
          if (calls++ === 0)
            document.getElementById('p')!.firstChild!.textContent = 'Minalogic now.';
          return reply;
        },
      },
      recording,
    );
    await new Promise((r) => setTimeout(r, 300));
    await settle(s.current());
    expect(found(s.current())).toEqual([['minalogic', 1]]);
    expect(drawn).toEqual(['Minalogic']);
    expect(calls).toBe(2);
  });

  it('starts again when the dataset changes mid-scan: no mark of the old one, none twice', async () => {
    // Three blocks, one batch each; the background's dataset changes after the first answer.
    document.body.innerHTML = `<p>Valorial</p><div>${'x '.repeat(40_000)}</div><p>Minalogic</p>`;
    let fingerprint = 'old';
    let calls = 0;
    const s = scanWith({
      quickCheck: () => Promise.resolve(null),
      match: async (parts, ids) => {
        const reply = (await matchInBackground(parts, ids))!;
        const answer = { ...reply, fingerprint };
        if (++calls === 1) fingerprint = 'new';
        return answer;
      },
    });
    await vi.waitFor(() => expect(s.stale).toHaveLength(1));
    await settle(s.current());
    expect(s.stale[0]!.detections()).toEqual([]);
    expect(found(s.current())).toEqual([
      ['minalogic', 1],
      ['valorial', 1],
    ]);
  });

  it('takes the name and category of each mark from the answer, not from the page', async () => {
    document.body.innerHTML = '<p>Valorial</p>';
    const s = scanWith({ quickCheck: () => Promise.resolve(null), match: matchInBackground });
    await settle(s.current());
    const [mark] = [...s.current().store.marks()];
    expect(mark).toMatchObject({
      id: 'valorial',
      name: 'Valorial',
      alias: 'Valorial',
      category: 'gold',
    });
  });
});
