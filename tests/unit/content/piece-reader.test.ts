import { afterEach, describe, expect, it } from 'vitest';
import { BlockCollector } from '~/entrypoints/content/block-collector';
import { PieceReader } from '~/entrypoints/content/piece-reader';

afterEach(() => {
  document.body.innerHTML = '';
});

const never = () => false;

/** Reads the body in pieces of at most `max` elements, in one go. */
function readAll(max: number, shadows: ShadowRoot[] = []) {
  const reader = new PieceReader(document.body, (root) => shadows.push(root), max);
  expect(reader.read(never)).toBe(true);
  return reader.pieces;
}

/** The text of the blocks a collector finds, one string per block. */
function blockTexts(collector: BlockCollector) {
  return collector
    .collect(never)
    .map((block) => block.nodes.map((n) => n.data).join(''))
    .map((text) => text.replace(/\s+/g, ' ').trim());
}

/** Three sections of a heading and four paragraphs: 6 elements each, 19 with the body. */
function sections() {
  document.body.innerHTML = [1, 2, 3]
    .map(
      (k) =>
        `<section><h2>Part ${k}</h2>${[1, 2, 3, 4].map((p) => `<p>Text ${k}.${p}</p>`).join('')}</section>`,
    )
    .join('');
}

describe('PieceReader', () => {
  it('reads a small body as one piece', () => {
    sections();
    const pieces = readAll(100);
    expect(pieces).toHaveLength(1);
    expect(pieces[0]!.root).toBe(document.body);
    expect(pieces[0]!.run).toBeNull();
    expect(pieces[0]!.text).toContain('Text 3.4');
  });

  it('splits an element with more elements than a piece may hold, subtree by subtree', () => {
    sections();
    const pieces = readAll(10);
    expect(pieces.map((p) => p.root.localName)).toEqual(['section', 'section', 'section']);
    expect(pieces.map((p) => p.run)).toEqual([null, null, null]);
    // Every paragraph's text is in exactly one piece, in document order.
    const all = pieces.map((p) => p.text).join('\n');
    for (const k of [1, 2, 3]) {
      for (const p of [1, 2, 3, 4]) expect(all.split(`Text ${k}.${p}`)).toHaveLength(2);
    }
    expect(all.indexOf('Part 1')).toBeLessThan(all.indexOf('Part 3'));
  });

  it('splits again inside a child that is itself too large', () => {
    sections();
    const pieces = readAll(5);
    // Each section (6 elements) is split into its heading and paragraphs.
    expect(pieces).toHaveLength(15);
    expect(pieces.every((p) => p.root.localName === 'h2' || p.root.localName === 'p')).toBe(true);
  });

  it('reads text flowing directly in a split element as runs, inline elements and all', () => {
    sections();
    const [first, second, third] = [...document.body.children].map((s) => s.outerHTML);
    document.body.innerHTML = `Partners: <b>Cap</b> <i>Digital</i>, ${first}<span>Between</span>${second}${third} and the end.`;
    const section = document.querySelectorAll('section')[1]!;
    const pieces = readAll(10);
    const runs = pieces.filter((p) => p.run !== null);
    expect(runs.map((p) => p.text)).toEqual([
      'Partners: Cap Digital, ',
      'Between',
      ' and the end.',
    ]);
    expect(runs.map((p) => p.root)).toEqual([document.body, document.body, document.body]);
    // A run stops at the block after it; the last one at the end of its element.
    expect(runs[0]!.run!.first).toBe(document.body.firstChild);
    expect(runs[0]!.run!.stopAt).toBe(document.body.querySelector('section'));
    expect(runs[1]!.run!.stopAt).toBe(section);
    expect(runs[2]!.run!.stopAt).toBeNull();
    // Sections and runs alternate in document order.
    expect(pieces.map((p) => (p.run ? 'run' : p.root.localName))).toEqual([
      'run',
      'section',
      'run',
      'section',
      'section',
      'run',
    ]);
  });

  it('leaves out skipped elements and runs of white space only', () => {
    sections();
    document.body.innerHTML = `\n  <script>var Valorial = 1;</script>\n <textarea>Minalogic</textarea>\n${document.body.innerHTML}`;
    const pieces = readAll(10);
    expect(pieces.map((p) => p.root.localName)).toEqual(['section', 'section', 'section']);
    expect(pieces.map((p) => p.text).join('')).not.toMatch(/Valorial|Minalogic/);
  });

  it('stops when out of time and goes on where it stopped, with the same pieces', () => {
    sections();
    const whole = readAll(5).map((p) => p.text);
    const reader = new PieceReader(document.body, () => {}, 5);
    let slices = 0;
    let calls = 0;
    // Out of time on every second question: a few pieces per slice.
    while (!reader.read(() => ++calls % 2 === 0)) slices++;
    expect(slices).toBeGreaterThan(3);
    expect(reader.pieces.map((p) => p.text)).toEqual(whole);
  });

  it('reports open shadow roots inside pieces (built-in and custom hosts) and on split elements', () => {
    sections();
    const inPiece = document.querySelector('p')!.attachShadow({ mode: 'open' });
    const onSplit = document.body.attachShadow({ mode: 'open' });
    const custom = document.createElement('cl-note');
    document.querySelectorAll('h2')[2]!.append(custom);
    const onCustom = custom.attachShadow({ mode: 'open' });
    const shadows: ShadowRoot[] = [];
    readAll(10, shadows);
    expect(shadows).toHaveLength(3);
    expect(shadows).toContain(inPiece);
    expect(shadows).toContain(onSplit);
    expect(shadows).toContain(onCustom);
  });
});

describe('BlockCollector over a run', () => {
  it('reads only the run, from its first node up to the block after it', () => {
    document.body.innerHTML =
      'Partners: <b>Cap</b> <i>Digital</i>, <section><p>Inside</p></section> Tail <b>text</b>.';
    const section = document.querySelector('section')!;
    const run = new BlockCollector(document.body, null, {
      first: document.body.firstChild!,
      stopAt: section,
    });
    expect(blockTexts(run)).toEqual(['Partners: Cap Digital,']);
    const tail = new BlockCollector(document.body, null, {
      first: section.nextSibling!,
      stopAt: null,
    });
    expect(blockTexts(tail)).toEqual(['Tail text.']);
  });

  it('starts at an inline element as well as at a text node', () => {
    document.body.innerHTML = '<p>Before</p><b>Cap</b> Digital<p>After</p>';
    const [before, after] = document.querySelectorAll('p');
    const run = new BlockCollector(document.body, null, {
      first: before!.nextSibling!,
      stopAt: after!,
    });
    expect(blockTexts(run)).toEqual(['Cap Digital']);
  });
});
