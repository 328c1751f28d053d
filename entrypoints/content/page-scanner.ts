import type { MatchResponse, QuickCheckResponse, ScanPass } from '~/lib/messages';
import { stripControls } from '~/lib/display-text';
import { isAboutClusters, PAGE_ORGANISATIONS } from '~/lib/matcher/cluster-page';
import type { PartMatch } from '~/lib/page-matching';
import type { MarkCategory } from '~/lib/settings';
import type { PageMatching } from './background-client';
import {
  BlockCollector,
  blockAncestor,
  isInSkippedSubtree,
  isBlockVisible,
  isInline,
  isSkippedElement,
  OWN_UI_ATTRIBUTE,
} from './block-collector';
import type { Marker } from './highlighter';
import type { ClearedFrame } from './lens-handoff';
import { MarkStore, type PageMark } from './mark-store';
import { PieceReader, type TextPiece } from './piece-reader';
import { Queue } from './queue';
import { isReadable } from './readable-text';
import { planPart, WINDOW_CHARS, type PendingBlock, type PlannedPart } from './text-windows';
import {
  HAS_WORD,
  HIDDEN_BODY_RETRY_MS,
  HIDDEN_BODY_WAIT_MS,
  isHiddenBody,
  QUICK_CHECK_MAX_ELEMENTS,
} from './page-facts';

/** Main-thread time one slice may take before yielding to the page. */
const SLICE_BUDGET_MS = 8;
/**
 * Blocks go to the background for matching in batches of about this much text: one message
 * (and one call of the matcher there) costs far less than many small ones.
 */
const MATCH_BATCH_CHARS = WINDOW_CHARS * 4;

/** A large page's pieces go to the background in batches of about this much text. */
const PIECE_BATCH_CHARS = 65_536;

/**
 * Changed parts are rescanned once the page has made no change for this long, and at the
 * latest this long after the first change: a page that replaces its content again and again
 * (a single-page app's view, rebuilt while it loads) is rescanned once for all of it, and a page
 * that never stops changing still every second.
 */
const MUTATION_DELAY_MS = 150;
const MUTATION_MAX_DELAY_MS = 1000;

export interface ScanStats {
  scanMs: number;
  textChars: number;
  textNodes: number;
  /** The longest single slice, to check the page never sees a long task from us. */
  longestSliceMs: number;
  /** Of scanMs: walking the DOM into blocks, and preparing and marking what was matched. */
  collectMs: number;
  matchMs: number;
  /** Background time matching blocks, off the page's main thread. */
  backgroundMatchMs: number;
  /** How the document's first pass went (see ScanPass). */
  pass: ScanPass;
  /** Background time of the quick check. */
  checkMs: number;
  /** Blocks the full scan left unmatched, as they hold no word of what the quick check found. */
  skippedBlocks: number;
  /** Pieces the page was read in for the quick check (1: in one call; 0: not read). */
  pieces: number;
  /** Of those, the pieces scanned the full way, holding a word of what the check found. */
  piecesScanned: number;
  /** Pieces holding an alias that lacked evidence, kept in case the page later gives some. */
  waitingPieces: number;
  /** Batches the background never answered (their text stays unmarked until it changes). */
  failedBatches: number;
  /** Open shadow roots scanned, and how many of them hold a mark (or hold one that does). */
  shadowRoots: number;
  rootsWithMarks: number;
  /** Rescans of changed parts of the page (changes that came close together make one). */
  rescans: number;
}

export interface ScannerOptions {
  /** The background's matcher: the page carries none. */
  matching: PageMatching;
  marker: Marker;
  /** Which categories are marked (and counted). */
  shown: Record<MarkCategory, boolean>;
  /** Called when a scan pass has finished (all queued work done). */
  onIdle: () => void;
  /**
   * The background answered for another dataset than it did before (an import was applied or
   * reset): the marks of this scan would mix two datasets, so the caller starts a new one.
   */
  onStale?: () => void;
  /** Told the main-thread time of every slice and mutation batch, as it is spent. */
  onTime?: (ms: number) => void;
  /** Whether a reader can see a mention's text (see readable-text.ts); for tests without layout. */
  isReadable?: typeof isReadable;
  /** False: every document is scanned the full way, without asking the quick check first. */
  quickCheck?: boolean;
  /** Above this many elements a document is read in pieces of at most `pieceMaxElements`. */
  quickCheckMaxElements?: number;
  pieceMaxElements?: number;
  now?: () => number;
}

/**
 * Scans a document in time-boxed slices, marks what the matcher finds and keeps the marks in
 * step with the page: changed text is rescanned, removed text drops its marks.
 */
export class PageScanner {
  readonly store: MarkStore;
  /** The open shadow roots being scanned. */
  readonly shadowRoots = new Set<ShadowRoot>();
  /**
   * The open shadow roots that hold a mark, and those around them: the marks' style sheet is
   * adopted into these alone, once each, and hit-testing looks into these alone. A page of
   * 30,000 roots with 42 marks adopts it 42 times, not 30,000 times at the first mark.
   */
  readonly markedRoots = new Set<ShadowRoot>();
  /**
   * The walks to do, in order: the document's, its pieces', one per open shadow root. A shadow
   * root waits as itself and gets its walk when its turn comes: 30,000 walks made at once (two
   * TreeWalkers each) held the garbage collector in the reading slices for 40–100 ms.
   */
  private readonly roots = new Queue<BlockCollector | ShadowRoot>();
  /** For the pieces scanned after the quick check: blocks worth matching hold one of these words. */
  private readonly filters = new Map<BlockCollector, RegExp>();
  private readonly blocks = new Queue<QueuedBlock>();
  /** The characters of the queued blocks when they were read (whether a batch is due). */
  private queuedChars = 0;
  /** Batches sent for matching and not yet answered, and answers waiting for a slice. */
  private inFlight = 0;
  private readonly answers: { batch: PlannedPart[]; reply: MatchResponse | null }[] = [];
  /** Marks of rescanned text, dropped once the rescan's answers are all in. */
  private readonly replaced = new Set<PageMark>();
  /** The dataset the background matched this scan's text with (its alias table's fingerprint). */
  private fingerprint: string | null = null;
  private readonly scannedNodes = new Map<Text, number>();
  private readonly confirmedIds = new Set<string>();
  /** The page's cluster vocabulary so far (cluster-vocabulary.ts), and whether it is enough. */
  private readonly clusterTerms = new Set<string>();
  private aboutClusters = false;
  private readonly observer: MutationObserver;
  private readonly observed = new Set<Node>();
  private readonly dirty = new Set<Node>();
  private removals = false;
  private sliceTimer: ReturnType<typeof setTimeout> | null = null;
  private mutationTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the mutation timer was first armed for the changes it waits for. */
  private mutationsSince = 0;
  private stopped = false;
  private readonly now: () => number;
  private readonly stats = {
    scanMs: 0,
    longestSliceMs: 0,
    collectMs: 0,
    matchMs: 0,
    backgroundMatchMs: 0,
    checkMs: 0,
    skippedBlocks: 0,
    pieces: 0,
    piecesScanned: 0,
    waitingPieces: 0,
    failedBatches: 0,
    rootsWithMarks: 0,
    rescans: 0,
  };
  /** A document waiting for its first pass (since when). */
  private pendingDocument: Document | null = null;
  private pendingSince = 0;
  /** The document being read for the quick check, and its checks until the last answer. */
  private reader: PieceReader | null = null;
  private pieceChecks: PieceChecks | null = null;
  private waiting: WaitingPieces | null = null;
  private pass: ScanPass = 'full';
  /** Characters the quick check read and cleared (not scanned the full way). */
  private quickChars = 0;

  constructor(private readonly options: ScannerOptions) {
    this.now = options.now ?? (() => performance.now());
    this.store = new MarkStore(
      (mark) => {
        if (this.options.shown[mark.category]) options.marker.add(mark.range, mark.category);
      },
      (mark) => options.marker.remove(mark.range, mark.category),
    );
    this.observer = new MutationObserver((records) => this.onMutations(records));
  }

  /** Scans a root (document, element or open shadow root) and keeps watching it. */
  scan(root: Document | Element | ShadowRoot) {
    if (this.stopped) return;
    if (root instanceof ShadowRoot) {
      // Already scanned and watched: found again by a rescan of its host's subtree, say.
      if (this.shadowRoots.has(root)) return;
      this.shadowRoots.add(root);
    }
    this.observe(root);
    if (root.nodeType === Node.DOCUMENT_NODE) {
      // Started in the next slice, after a frame, when the page's layout is up to date.
      this.pendingDocument = root as Document;
      this.pendingSince = this.now();
    } else {
      this.roots.push(root instanceof ShadowRoot ? root : this.walk(root as Element));
    }
    this.schedule();
  }

  /**
   * Takes over a document the frame's bootstrap has read and cleared with the quick check, in
   * the state this scanner's own first pass would have left it (a page of usual size: one
   * piece, its body): nothing is read again; the nodes changed since are rescanned as changes
   * are, and a name that waited for evidence keeps waiting, its cluster vocabulary counted.
   */
  resume(doc: Document, cleared: ClearedFrame) {
    const body = doc.body;
    if (this.stopped) return;
    if (!body) return this.scan(doc);
    this.observe(doc);
    this.pass = 'clear';
    this.stats.pieces = 1;
    this.quickChars += cleared.text.length;
    const reply = cleared.reply;
    if (reply) {
      this.stats.checkMs += reply.ms;
      this.fingerprint ??= reply.fingerprint;
      if (reply.mayMention) {
        this.addClusterTerms(reply.clusterTerms);
        this.keepWaiting([{ root: body, run: null, text: cleared.text }], reply.words ?? null);
      }
    }
    for (const node of cleared.changed) {
      if (!isOwnUi(node)) this.dirty.add(node);
    }
    if (this.dirty.size > 0) this.armMutationTimer(true);
    else this.options.onIdle();
  }

  stop() {
    this.stopped = true;
    this.observer.disconnect();
    if (this.sliceTimer !== null) clearTimeout(this.sliceTimer);
    if (this.mutationTimer !== null) clearTimeout(this.mutationTimer);
    this.store.clear();
    this.roots.clear();
    this.filters.clear();
    this.blocks.clear();
    this.queuedChars = 0;
    this.answers.length = 0;
    this.replaced.clear();
    this.pendingDocument = null;
    this.reader = null;
    this.pieceChecks = null;
    this.waiting = null;
  }

  get idle(): boolean {
    return (
      !this.quickPending &&
      !this.matchPending &&
      this.roots.length === 0 &&
      this.blocks.length === 0 &&
      this.dirty.size === 0
    );
  }

  private get quickPending(): boolean {
    return this.pendingDocument !== null || this.pieceChecks !== null;
  }

  /** Text sent for matching whose marks are not in yet. */
  private get matchPending(): boolean {
    return this.inFlight > 0 || this.answers.length > 0;
  }

  getStats(): ScanStats {
    let textChars = this.quickChars;
    for (const [node, length] of this.scannedNodes) {
      if (node.isConnected) textChars += length;
      else this.scannedNodes.delete(node);
    }
    return {
      ...this.stats,
      textChars,
      textNodes: this.scannedNodes.size,
      pass: this.pass,
      shadowRoots: this.shadowRoots.size,
    };
  }

  /** Detections of the shown categories: what the reader sees marked. */
  detections() {
    return this.store
      .detections()
      .filter((d) => this.options.shown[d.category])
      .map(({ id, name, count, texts }) => ({ id, name, count, texts }));
  }

  /** Shows or hides categories at once, without rescanning. */
  setShown(shown: Record<MarkCategory, boolean>) {
    this.options.shown = shown;
    this.options.marker.clear();
    for (const mark of this.store.marks()) {
      if (shown[mark.category]) this.options.marker.add(mark.range, mark.category);
    }
  }

  private observe(root: Node) {
    if (this.observed.has(root)) return;
    this.observed.add(root);
    this.observer.observe(root, { childList: true, subtree: true, characterData: true });
  }

  private schedule() {
    if (this.sliceTimer !== null || this.stopped) return;
    const run = () => {
      if (this.sliceTimer === null) return;
      clearTimeout(this.sliceTimer);
      this.sliceTimer = null;
      this.runSlice();
    };
    if (document.visibilityState !== 'visible') {
      this.sliceTimer = setTimeout(run, 0);
      return;
    }
    // In a visible page, run just after the next frame: the page's own style work is then
    // done, so the visibility check of a block with a mention does not force a full style
    // recalculation inside our slice (82–129 ms on a page of 100,000 elements). The timeout
    // covers a frame that never comes.
    this.sliceTimer = setTimeout(run, 100);
    requestAnimationFrame(() => setTimeout(run, 0));
  }

  private runSlice() {
    const start = this.now();
    const deadline = start + SLICE_BUDGET_MS;
    const outOfTime = () => this.now() >= deadline;
    if (this.pendingDocument) {
      if (!this.startDocument(this.pendingDocument)) {
        setTimeout(() => this.schedule(), HIDDEN_BODY_RETRY_MS);
        this.endSlice(start);
        return;
      }
      this.pendingDocument = null;
    }
    const reader = this.reader;
    if (reader) {
      const t0 = this.now();
      const checks = this.pieceChecks!;
      // Read until a batch is due, send it, go on while there is time.
      const batchDue = () => outOfTime() || reader.chars - checks.sentChars >= PIECE_BATCH_CHARS;
      let done: boolean;
      do {
        done = reader.read(batchDue);
        this.checkPieces(reader, done);
      } while (!done && !outOfTime());
      this.stats.collectMs += this.now() - t0;
      if (!done) {
        this.endSlice(start);
        return;
      }
    }
    while (!outOfTime()) {
      const answer = this.answers.shift();
      if (answer) {
        const t0 = this.now();
        this.applyAnswer(answer.batch, answer.reply);
        this.stats.matchMs += this.now() - t0;
        continue;
      }
      if (
        this.blocks.length > 0 &&
        (this.queuedChars - (this.blocks.first?.from ?? 0) >= MATCH_BATCH_CHARS ||
          this.roots.length === 0)
      ) {
        const t0 = this.now();
        this.sendNextBatch();
        this.stats.matchMs += this.now() - t0;
        continue;
      }
      const next = this.roots.first;
      if (!next) break;
      const collector = next instanceof BlockCollector ? next : this.walk(next);
      if (collector !== next) this.roots.replaceFirst(collector);
      const t0 = this.now();
      const filter = this.filters.get(collector);
      for (const block of collector.collect(outOfTime)) {
        if (filter && !filter.test(block.nodes.map((n) => n.data).join(''))) {
          for (const node of block.nodes) this.scannedNodes.set(node, node.data.length);
          this.stats.skippedBlocks++;
          continue;
        }
        const chars = textLength(block.nodes);
        this.blocks.push({ block, from: 0, chars });
        this.queuedChars += chars;
      }
      this.stats.collectMs += this.now() - t0;
      if (collector.finished) {
        this.roots.shift();
        this.filters.delete(collector);
      }
    }
    this.endSlice(start);
  }

  private endSlice(start: number) {
    const spent = this.now() - start;
    this.options.onTime?.(spent);
    this.stats.scanMs += spent;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
    if (this.reader || this.roots.length > 0 || this.blocks.length > 0 || this.answers.length > 0)
      this.schedule();
    else if (!this.quickPending && this.inFlight === 0) {
      if (this.replaced.size > 0) {
        this.store.dropMarks(this.replaced);
        this.replaced.clear();
      }
      this.options.onIdle();
    }
  }

  /**
   * The quick check: the page's rendered text goes to the background, whose warm matcher tells
   * whether any alias occurs in it at all. Most pages name no cluster, and for them this is the
   * whole scan: the page's main thread never runs a matcher. Where an alias does occur (evidence
   * aside) the text around it is scanned the full way, which alone knows text nodes and offsets
   * to mark. A page of usual size is one piece, its body's text read in one native call
   * (innerText); a large one is read in pieces over the next slices (see PieceReader). Open
   * shadow roots, whose text innerText leaves out, are always scanned the full way. Returns
   * false when the document must wait (its body is hidden for now).
   */
  private startDocument(doc: Document): boolean {
    const body = doc.body;
    if (this.options.quickCheck === false || !body) {
      this.fullScan(doc);
      return true;
    }
    // Not yet: a body hidden while the page loads is looked at again shortly.
    if (isHiddenBody(doc) && this.now() - this.pendingSince < HIDDEN_BODY_WAIT_MS) return false;
    const count = doc.getElementsByTagName('*').length;
    const large = count > (this.options.quickCheckMaxElements ?? QUICK_CHECK_MAX_ELEMENTS);
    this.reader = new PieceReader(
      body,
      (shadow) => this.scan(shadow),
      large ? this.options.pieceMaxElements : Infinity,
    );
    this.pieceChecks = {
      doc,
      sent: 0,
      sentChars: 0,
      waiting: 0,
      failed: false,
      mentions: false,
      words: [],
      evidenced: false,
      batches: 0,
    };
    return true;
  }

  /**
   * Sends the pieces read so far to the background once they make a batch (or the reading is
   * done): the slice that read the rest of the 100,000-element page and sent all its text
   * (1 MB) in one message took 20–35 ms. Pieces are joined with a line break, which no alias
   * spans.
   */
  private checkPieces(reader: PieceReader, done: boolean) {
    const checks = this.pieceChecks;
    if (!checks) return;
    if (done) this.reader = null;
    if (reader.chars - checks.sentChars < PIECE_BATCH_CHARS && !done) return;
    const pieces = reader.pieces;
    this.stats.pieces = pieces.length;
    if (checks.sent < pieces.length) {
      const text = pieces
        .slice(checks.sent)
        .map((piece) => piece.text)
        .join('\n');
      checks.sent = pieces.length;
      checks.sentChars = reader.chars;
      if (!HAS_WORD.test(text)) {
        // No word to name anyone (an empty ad frame, say): nothing to ask the background.
        if (done && checks.waiting === 0) this.onPieceCheck(checks, pieces, null, false);
        return;
      }
      checks.waiting++;
      checks.batches++;
      void this.options.matching
        .quickCheck(text)
        .catch(() => null)
        .then((reply) => this.onPieceCheck(checks, pieces, reply));
    } else if (done && checks.waiting === 0) {
      // Nothing left to ask about (a body without text, or its last batch already answered).
      this.onPieceCheck(checks, pieces, null, false);
    }
  }

  /**
   * Gathers the answers; once the last is in, only the pieces holding a word of what the checks
   * found are scanned the full way. Text that changed meanwhile is rescanned as any change is.
   */
  private onPieceCheck(
    checks: PieceChecks,
    pieces: TextPiece[],
    reply: QuickCheckResponse | null,
    answered = true,
  ) {
    if (this.stopped || this.pieceChecks !== checks) return;
    if (answered) {
      checks.waiting--;
      this.stats.checkMs += reply?.ms ?? 0;
      // No answer: this batch is not cleared.
      if (!reply) checks.failed = true;
      else if (!this.sameDataset(reply.fingerprint)) return;
      else if (reply.mayMention) {
        this.addClusterTerms(reply.clusterTerms);
        checks.mentions = true;
        if (reply.evidenced !== false) checks.evidenced = true;
        if (!reply.words || checks.words === null) checks.words = null;
        else checks.words.push(...reply.words);
      }
    }
    if (checks.waiting > 0 || this.reader !== null) return;
    const start = this.now();
    this.pieceChecks = null;
    if (checks.failed) {
      // Without every answer, the whole document is scanned the full way (it reads everything).
      this.pass = 'full';
      this.fullScan(checks.doc, true);
      this.dirty.clear();
    } else if (
      !checks.mentions ||
      (!checks.evidenced &&
        checks.batches === 1 &&
        this.confirmedIds.size === 0 &&
        !this.aboutClusters)
    ) {
      // No alias, or none that counts: a page that says "tourism" or "light" in passing. Only
      // when the page's text went in one piece (its evidence all looked at together) and no
      // shadow root has named anyone or spoken of clusters yet (which could be that evidence).
      this.pass = 'clear';
      for (const piece of pieces) this.quickChars += piece.text.length;
      if (checks.mentions) this.keepWaiting(pieces, checks.words);
    } else {
      this.pass = 'mentions';
      const filter = checks.words && checks.words.length > 0 ? wordFilter(checks.words) : null;
      for (const piece of pieces) {
        if (filter && !filter.test(piece.text)) {
          this.quickChars += piece.text.length;
          continue;
        }
        const collector = new BlockCollector(piece.root, null, piece.run);
        this.roots.push(collector);
        if (filter) this.filters.set(collector, filter);
        this.stats.piecesScanned++;
      }
    }
    this.endSlice(start);
    if (this.dirty.size > 0) this.armMutationTimer();
  }

  /** Keeps the pieces holding a word of the aliases that lacked evidence (see WaitingPieces). */
  private keepWaiting(pieces: readonly TextPiece[], words: string[] | null) {
    const filter = words && words.length > 0 ? wordFilter(words) : null;
    const kept = filter ? pieces.filter((piece) => filter.test(piece.text)) : [...pieces];
    this.waiting = kept.length > 0 ? { pieces: kept } : null;
    this.stats.waitingPieces = kept.length;
  }

  /**
   * The page now gives evidence it had not given before (an organisation named unambiguously,
   * cluster vocabulary): the pieces that waited for it are rescanned as changed text is (a
   * piece's whole element for a run of text; marks a change already made there are replaced,
   * never doubled).
   */
  private wakeWaiting() {
    const waiting = this.waiting;
    if (!waiting) return;
    this.waiting = null;
    this.stats.waitingPieces = 0;
    for (const piece of waiting.pieces) if (piece.root.isConnected) this.dirty.add(piece.root);
    if (this.dirty.size > 0) this.armMutationTimer();
  }

  /** A walk of a root that hands the open shadow roots it meets to `scan`. */
  private walk(root: Element | ShadowRoot): BlockCollector {
    return new BlockCollector(root, (shadow) => this.scan(shadow));
  }

  /** `afterQuickCheck`: its open shadow roots are known already. */
  private fullScan(doc: Document, afterQuickCheck = false) {
    this.roots.push(
      new BlockCollector(doc, afterQuickCheck ? null : (shadow) => this.scan(shadow)),
    );
  }

  /**
   * Sends the next blocks to the background for matching, in one message: small blocks are
   * batched until the batch holds about MATCH_BATCH_CHARS of text; a long block goes window
   * by window. The answer is marked in a later slice (applyAnswer).
   */
  private sendNextBatch() {
    const batch: PlannedPart[] = [];
    let chars = 0;
    while (this.blocks.length > 0 && chars < MATCH_BATCH_CHARS) {
      const pending = this.blocks.first!;
      const planned = planPart(pending);
      if (batch.length > 0 && planned.part.until - planned.part.from > MATCH_BATCH_CHARS - chars)
        break;
      if (pending.from === 0) {
        for (const node of pending.block.nodes) this.scannedNodes.set(node, node.data.length);
      }
      batch.push(planned);
      chars += planned.part.until - planned.part.from;
      pending.from = planned.next;
      if (pending.from < 0) {
        this.blocks.shift();
        this.queuedChars -= pending.chars;
      }
    }
    this.options.marker.prepare?.();
    this.inFlight++;
    void this.options.matching
      .match(
        batch.map((p) => p.part),
        [...this.confirmedIds],
        this.aboutClusters,
      )
      .catch(() => null)
      .then((reply) => {
        if (this.stopped) return;
        this.inFlight--;
        this.answers.push({ batch, reply });
        this.schedule();
      });
  }

  /**
   * Marks what the background found in a batch. A mention over text that changed since it was
   * read is left out: the change is rescanned. Without an answer (the background did not
   * answer after every try) the batch stays unmarked, and its text is read again when it
   * changes.
   */
  private applyAnswer(batch: PlannedPart[], reply: MatchResponse | null) {
    if (!reply) {
      this.stats.failedBatches++;
      if (this.dirty.size > 0 || this.removals) this.armMutationTimer();
      return;
    }
    if (!this.sameDataset(reply.fingerprint)) return;
    this.stats.backgroundMatchMs += reply.ms;
    this.addClusterTerms(reply.clusterTerms);
    const visible = new Map<PlannedPart, boolean>();
    for (const match of reply.matches) {
      const planned = batch[match.part];
      const organisation = reply.organisations[match.id];
      if (!planned || !organisation || !unchanged(planned, match)) continue;
      let shown = visible.get(planned);
      if (shown === undefined) {
        // Text hidden by the page's CSS is not a mention anyone reads.
        shown = isBlockVisible(planned.block);
        visible.set(planned, shown);
      }
      if (!shown || !(this.options.isReadable ?? isReadable)(...nodeRange(planned, match))) {
        continue;
      }
      this.addMark(match, planned, organisation);
    }
    if (this.dirty.size > 0 || this.removals) this.armMutationTimer();
  }

  /**
   * Whether an answer comes from the dataset this scan began with (the first answer sets it).
   * If not, the scan is stale: the caller restarts it.
   */
  private sameDataset(fingerprint: string): boolean {
    this.fingerprint ??= fingerprint;
    if (this.fingerprint === fingerprint) return true;
    this.stop();
    this.options.onStale?.();
    return false;
  }

  private addMark(
    match: PartMatch,
    planned: PlannedPart,
    organisation: { name: string; category: MarkCategory },
  ) {
    const { nodes } = planned.block;
    const start = planned.origins[match.start.segment]!;
    const end = planned.origins[match.end.segment]!;
    const [startContainer, startOffset, endContainer, endOffset] = nodeRange(planned, match);
    this.markRoots(startContainer);
    // An answer to a batch sent before the page was known to be about clusters.
    const evidence =
      match.evidence ??
      (match.localOnly
        ? null
        : this.aboutClusters
          ? 'page-vocabulary'
          : this.confirmedIds.size >= PAGE_ORGANISATIONS
            ? 'page-organisations'
            : null);
    const mark: PageMark = {
      id: match.id,
      name: organisation.name,
      alias: match.alias,
      category: organisation.category,
      // As a reader sees it: it is quoted in our own sentences and exports.
      text: stripControls(match.text),
      range: new StaticRange({ startContainer, startOffset, endContainer, endOffset }),
      nodes: nodes.slice(start.node, end.node + 1),
      confirmed: evidence !== null,
      evidence,
      ...(match.localOnly ? { localOnly: true } : {}),
    };
    this.store.add(mark);
    if (match.evidence === 'not-needed' && !this.confirmedIds.has(match.id)) {
      this.confirmedIds.add(match.id);
      this.store.confirm(match.id);
      // A page naming organisations unambiguously is about them (evidence.ts, same count).
      if (this.confirmedIds.size === PAGE_ORGANISATIONS)
        this.store.confirmAll('page-organisations');
      this.wakeWaiting();
    }
  }

  /** Gathers the page's cluster vocabulary; once it is enough, waiting marks may count. */
  private addClusterTerms(terms: readonly string[] | undefined) {
    if (!terms || this.aboutClusters) return;
    for (const term of terms) this.clusterTerms.add(term);
    if (isAboutClusters(this.clusterTerms)) {
      this.aboutClusters = true;
      this.store.confirmAll('page-vocabulary');
      this.wakeWaiting();
    }
  }

  /**
   * The open shadow roots a mark's text sits in, from the innermost out: the only roots
   * hit-testing looks into; each root once. (Their styles come as extension CSS, or, where the
   * browser refuses that, with the mark itself: see mark-styles.ts.)
   */
  private markRoots(node: Node) {
    for (
      let root = node.getRootNode();
      root instanceof ShadowRoot;
      root = root.host.getRootNode()
    ) {
      if (this.markedRoots.has(root)) return;
      this.markedRoots.add(root);
      this.stats.rootsWithMarks++;
    }
  }

  private onMutations(records: MutationRecord[]) {
    const start = this.now();
    this.gatherMutations(records);
    this.options.onTime?.(this.now() - start);
  }

  private gatherMutations(records: MutationRecord[]) {
    for (const record of records) {
      if (isOwnUi(record.target)) continue;
      if (record.type === 'characterData') {
        this.dirty.add(record.target);
        continue;
      }
      if (record.removedNodes.length > 0) this.removals = true;
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) {
          this.dirty.add(node);
        }
      }
      // Removing an inline element joins or splits the text around it.
      if (record.removedNodes.length > 0) this.dirty.add(record.target);
    }
    if (this.dirty.size === 0 && !this.removals) return;
    this.armMutationTimer(true);
  }

  /**
   * Rescans the changes after MUTATION_DELAY_MS. `changed`: the page just changed, so the wait
   * starts again (up to MUTATION_MAX_DELAY_MS after the first change it waits for).
   */
  private armMutationTimer(changed = false) {
    const now = this.now();
    if (this.mutationTimer !== null) {
      if (!changed) return;
      clearTimeout(this.mutationTimer);
    } else {
      this.mutationsSince = now;
    }
    const delay = Math.min(MUTATION_DELAY_MS, this.mutationsSince + MUTATION_MAX_DELAY_MS - now);
    this.mutationTimer = setTimeout(
      () => {
        this.mutationTimer = null;
        this.flushMutations();
      },
      Math.max(0, delay),
    );
  }

  private flushMutations() {
    if (this.stopped) return;
    // Changes wait until the quick check has answered and every walk under way has ended: a
    // walk that had not yet reached a changed node would mark it again after its rescan.
    if (this.quickPending || this.matchPending || this.roots.length > 0) {
      this.armMutationTimer();
      return;
    }
    const start = this.now();
    if (this.removals) {
      // Only the marks are dropped here; the text statistics forget removed nodes when they are
      // asked for, so a removal on a page of 100,000 nodes does not cost a walk over all of them.
      this.store.dropDisconnected();
      this.removals = false;
    }
    // Rescan each changed node's block, once: a root inside another root of this batch goes.
    const roots = new Set<Node>();
    for (const node of this.dirty) {
      if (!node.isConnected) continue;
      const root = rescanRoot(node);
      if (root) roots.add(root);
    }
    this.dirty.clear();
    const outermost = [...roots].filter((root) => !hasAncestorIn(root.parentNode, roots));
    if (outermost.length > 0) {
      const chosen = new Set<Node>(outermost);
      // What was marked inside them is redone. The old marks stay until the new answers are in
      // (see endSlice), so a mention that is still there does not flicker off and on; this costs
      // the marks and the queue, not the size of the subtrees (a root can be the whole body).
      for (const mark of this.store.marksWhere((node) => hasAncestorIn(node, chosen))) {
        this.replaced.add(mark);
      }
      this.blocks.retain((b) => !hasAncestorIn(b.block.nodes[0] ?? null, chosen));
      this.queuedChars = 0;
      for (const b of this.blocks) this.queuedChars += b.chars;
      for (const root of outermost) this.roots.push(this.walk(root as Element));
      this.stats.rescans++;
    }
    const spent = this.now() - start;
    this.options.onTime?.(spent);
    this.stats.scanMs += spent;
    this.stats.longestSliceMs = Math.max(this.stats.longestSliceMs, spent);
    if (outermost.length > 0) this.schedule();
    else this.options.onIdle();
  }
}

/**
 * A test for any of these words (letters and digits only, from checkText), case aside;
 * null, so every block is matched, if the browser cannot build it.
 */
function wordFilter(words: readonly string[]): RegExp | null {
  try {
    return new RegExp(words.map((w) => w.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&')).join('|'), 'iu');
  } catch {
    return null;
  }
}

/** Whether a node is inside (or is) one of the given nodes, by its chain of parents. */
function hasAncestorIn(node: Node | null, set: ReadonlySet<Node>): boolean {
  for (let n = node; n; n = n.parentNode) if (set.has(n)) return true;
  return false;
}

function isOwnUi(node: Node): boolean {
  const el = node instanceof Element ? node : node.parentElement;
  return el ? el.closest(`[${OWN_UI_ATTRIBUTE}]`) !== null : false;
}

/**
 * The element to rescan for a changed node: a block element rescans itself; text and inline
 * elements rescan the block they flow in, since they may join text with their neighbours.
 */
function rescanRoot(node: Node): Element | null {
  if (isInSkippedSubtree(node)) return null;
  if (node instanceof Element) {
    if (isSkippedElement(node)) return null;
    if (!isInline(node)) return node;
  }
  return blockAncestor(node);
}

/** A block waiting to be matched, and its length when it was read. */
interface QueuedBlock extends PendingBlock {
  chars: number;
}

function textLength(nodes: readonly Text[]): number {
  let chars = 0;
  for (const node of nodes) chars += node.data.length;
  return chars;
}

/** The quick check of a large page, read in pieces: its batches' answers so far. */
interface PieceChecks {
  doc: Document;
  /** Pieces sent (and their characters), and answers still awaited. */
  sent: number;
  sentChars: number;
  waiting: number;
  /** Some batch got no answer. */
  failed: boolean;
  /** Some batch may name an organisation; the words found (null: too many to filter by). */
  mentions: boolean;
  words: string[] | null;
  /** Some batch's occurrences count by the evidence rules (see QuickCheckResponse.evidenced). */
  evidenced: boolean;
  /** Batches asked about. */
  batches: number;
}

/**
 * Pieces of a cleared page holding a word of an alias that lacked evidence: rescanned if the
 * page later gives evidence (names an organisation unambiguously, or speaks of clusters).
 */
interface WaitingPieces {
  pieces: TextPiece[];
}

/** Where a match starts and ends in its block's text nodes. */
function nodeRange(planned: PlannedPart, match: PartMatch): [Text, number, Text, number] {
  const start = planned.origins[match.start.segment]!;
  const end = planned.origins[match.end.segment]!;
  return [
    planned.block.nodes[start.node]!,
    start.offset + match.start.offset,
    planned.block.nodes[end.node]!,
    end.offset + match.end.offset,
  ];
}

/**
 * Whether the text nodes a match spans still hold what was read: a part's positions mean
 * nothing in text that changed meanwhile (the change is rescanned anyway).
 */
function unchanged(planned: PlannedPart, match: PartMatch): boolean {
  const start = planned.origins[match.start.segment];
  const end = planned.origins[match.end.segment];
  if (!start || !end) return false;
  for (let k = start.node; k <= end.node; k++) {
    const node = planned.block.nodes[k];
    if (!node?.isConnected || node.data !== planned.data[k]) return false;
  }
  return true;
}
