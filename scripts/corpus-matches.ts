/**
 * Runs the matcher over the text of every page of the real-page corpus (../shared/corpus/pages,
 * pages that should not mention cluster organisations) and prints every match with its context,
 * so each can be justified or fixed.
 *
 *   npx tsx scripts/corpus-matches.ts [--all]     (--all also lists matches lacking evidence)
 *
 * Text is taken block by block, as the content script will: the text nodes of one block are
 * one segment list, and script, style, noscript, textarea, template and svg are skipped. Each
 * block is matched with the page-level evidence the extension gathers: the page's cluster
 * vocabulary and the organisations it names for sure (a first pass over its blocks).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Window } from 'happy-dom';
import type { AliasRule } from '../lib/dataset/model';
import { clusterTermsIn, compileMatcher, isAboutClusters, scanSegments } from '../lib/matcher';
import { loadDataset } from './build-data';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const CORPUS_DIR = join(root, '../shared/corpus/pages');

export interface CorpusPage {
  name: string;
  /** Text nodes grouped by block. */
  blocks: string[][];
  /** All blocks joined by newlines: the page's text as one string. */
  text: string;
}

const SKIP = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEXTAREA',
  'TEMPLATE',
  'SVG',
  'HEAD',
  'IFRAME',
  'OBJECT',
]);
const INLINE = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'CODE',
  'DATA',
  'DFN',
  'EM',
  'FONT',
  'I',
  'KBD',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SAMP',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'BIG',
  'TT',
  'STRIKE',
  'INS',
  'DEL',
  'NOBR',
]);

interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  childNodes: ArrayLike<DomNode>;
}

/** Splits a parsed document into blocks of text-node strings. */
function blocksOf(body: DomNode): string[][] {
  const blocks: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.some((s) => s.trim() !== '')) blocks.push(current);
    current = [];
  };
  const walk = (node: DomNode) => {
    if (node.nodeType === 3) {
      current.push(node.nodeValue ?? '');
      return;
    }
    if (node.nodeType !== 1) return;
    const name = node.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    const inline = INLINE.has(name);
    if (!inline) flush();
    for (let k = 0; k < node.childNodes.length; k++) {
      const child = node.childNodes[k];
      if (child) walk(child);
    }
    if (!inline) flush();
  };
  walk(body);
  flush();
  return blocks;
}

export async function loadCorpus(dir = CORPUS_DIR): Promise<CorpusPage[]> {
  const window = new Window({
    settings: {
      disableJavaScriptEvaluation: true,
      disableJavaScriptFileLoading: true,
      disableCSSFileLoading: true,
      disableIframePageLoading: true,
      disableComputedStyleRendering: true,
    },
  });
  const parser = new window.DOMParser();
  const pages = readdirSync(dir)
    .filter((f) => f.endsWith('.html'))
    .sort()
    .map((name) => {
      // <link> elements make happy-dom resolve and preload their URLs; they hold no text.
      const html = readFileSync(join(dir, name), 'utf8').replace(/<link\b[^>]*>/gi, '');
      const doc = parser.parseFromString(html, 'text/html');
      // Copied out of the parser's strings, which are slices of the whole page source: kept,
      // they pin every page's HTML in memory and read slower than a browser's text nodes.
      const blocks = structuredClone(
        blocksOf((doc.body ?? doc.documentElement) as unknown as DomNode),
      );
      return { name, blocks, text: blocks.map((b) => b.join('')).join('\n') };
    });
  await window.happyDOM.close();
  return pages;
}

/**
 * The real alias table, built from data/clusters.csv with the current rules (a
 * data/generated/dataset.json may predate a rule change).
 */
export function loadAliases(): AliasRule[] {
  return loadDataset(join(root, 'data/clusters.csv'), join(root, 'data/meta.json')).aliases;
}

async function main() {
  const showAll = process.argv.includes('--all');
  const matcher = compileMatcher(loadAliases());
  const pages = await loadCorpus();
  let counted = 0;
  let unconfirmed = 0;
  let aboutClusters = 0;
  for (const page of pages) {
    const confirmedIds = new Set<string>();
    for (const block of page.blocks) {
      for (const m of scanSegments(matcher, block)) {
        if (m.evidence === 'not-needed') confirmedIds.add(m.id);
      }
    }
    const context = { confirmedIds, aboutClusters: isAboutClusters(clusterTermsIn(page.text)) };
    if (context.aboutClusters) {
      aboutClusters++;
      console.log(`${page.name}\tabout clusters: ${clusterTermsIn(page.text).join(', ')}`);
    }
    for (const block of page.blocks) {
      for (const m of scanSegments(matcher, block, context)) {
        if (m.evidence === null) unconfirmed++;
        else counted++;
        if (m.evidence === null && !showAll) continue;
        const text = block.join('');
        const start = block.slice(0, m.start.segment).join('').length + m.start.offset;
        const before = text.slice(Math.max(0, start - 60), start).replace(/\s+/g, ' ');
        const after = text
          .slice(start + m.text.length, start + m.text.length + 60)
          .replace(/\s+/g, ' ');
        console.log(
          `${page.name}\t${JSON.stringify(m.text)}\t${m.id}\t${m.evidence ?? 'no evidence (dropped)'}\t…${before}[${m.text}]${after}…`,
        );
      }
    }
  }
  const chars = pages.reduce((n, p) => n + p.text.length, 0);
  console.log(
    `\n${pages.length} pages, ${(chars / 1e6).toFixed(2)} M characters of text: ${counted} match(es) counted, ${unconfirmed} common-word candidate(s) dropped for lack of evidence; ${aboutClusters} page(s) found to be about clusters.`,
  );
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
