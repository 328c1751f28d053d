import type { ContentScriptContext } from '#imports';
import { mergeDetections } from '~/lib/detections';
import {
  FRAME_REPORT,
  LOAD_LENS,
  OTHER_FRAMES,
  type CardOpenedResponse,
  type DetectionsResponse,
  type FrameCardRequest,
  type FrameCardResponse,
  type LoadLensRequest,
  type LoadLensResponse,
  type OtherFramesResponse,
  type QuickCheckResponse,
  type ScanStatsResponse,
} from '~/lib/messages';
import type { Settings } from '~/lib/settings';
import { isSiteEnabled } from '~/lib/site-rules';
import { backgroundMatching } from './background-client';
import { findOpenShadowRoots, isInSkippedSubtree, isSkippedElement } from './block-collector';
import { contentClock, timed } from './content-clock';
import { lensHandoff, setLensHandoff, type LensHandoff, type PageLensApi } from './lens-handoff';
import { loadPageSettings, watchPageStorage } from './page-settings';
import { nativeBrowser } from '~/utils/native-browser';
import {
  afterFrame,
  HAS_WORD,
  HIDDEN_BODY_RETRY_MS,
  HIDDEN_BODY_WAIT_MS,
  isHiddenBody,
  isTooSmall,
  QUICK_CHECK_MAX_ELEMENTS,
  whenLaidOut,
} from './page-facts';

type Phase =
  /** Switched off (or not yet read the settings, or too small). */
  | 'off'
  /** Reading the page and asking the quick check. */
  | 'checking'
  /** The quick check found no name that counts: only changes are watched. */
  | 'clear'
  /** The page lens is being injected, or runs. */
  | 'loading'
  | 'lens';

/**
 * What every frame runs: reads the settings, skips frames too small to read, asks the
 * background's quick check whether the frame's rendered text may name anyone, and watches later
 * changes the same way. Only when a name may be there (or an open shadow root must be read node
 * by node, or the page is too large to read in one call) does it ask the background to inject
 * the page lens (scanner, marker, hover card; entrypoints/page-lens), and hands it the frame.
 * The top frame also gets the lens when one of its frames asks it to show a card. Most frames
 * of most pages end here, having loaded a few kilobytes.
 */
export class PageBoot {
  private settings: Settings | null = null;
  private readonly settingsRead: Promise<void>;
  private settingsReadDone!: () => void;
  private phase: Phase = 'off';
  /** Bumped whenever a check in flight is outdated (switched off, dataset changed, lens asked). */
  private generation = 0;
  private loading: Promise<PageLensApi | null> | null = null;
  private lens: PageLensApi | null = null;
  /** The active dataset changed while the lens was being injected. */
  private datasetChangedMeanwhile = false;
  /**
   * While cleared: the frame's whole text as checked and the answer, which the lens takes over
   * when it comes (see PageScanner.resume), with the nodes changed since.
   */
  private cleared: { text: string; reply: QuickCheckResponse | null } | null = null;
  private observer: MutationObserver | null = null;
  /** Nodes changed since the frame's text was read (handed to the lens, which rescans them). */
  private dirty = new Set<Node>();
  private waitingForSize = false;
  private readonly matching = backgroundMatching(() => ({
    acronymStrictness: 'balanced',
    suppressed: [],
  }));
  private readonly stats = { textChars: 0, checkMs: 0, failedLoads: 0 };

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly isTop: boolean,
  ) {
    this.settingsRead = new Promise((resolve) => (this.settingsReadDone = resolve));
  }

  start() {
    // A frame's size is looked at once it is laid out: asked at any other time (the script
    // runs as the frame loads), window.innerWidth makes the browser lay the page out there and
    // then (see whenLaidOut).
    if (this.isTop) this.begin();
    else whenLaidOut(timed(() => this.begin()));
  }

  private begin() {
    // A frame too small to show a line of text (a hidden or 1×1 ad or tracking frame) does
    // nothing, not even read the settings, unless it grows.
    if (!this.isTop && isTooSmall()) {
      if (this.waitingForSize) return;
      this.waitingForSize = true;
      const grown = timed(() => {
        if (isTooSmall()) return;
        window.removeEventListener('resize', grown);
        this.waitingForSize = false;
        this.begin();
      });
      window.addEventListener('resize', grown);
      return;
    }
    void loadPageSettings().then(
      timed((settings) => {
        if (!this.ctx.isValid) return;
        this.update(settings);
        this.settingsReadDone();
        const unwatch = watchPageStorage({
          settings: timed((s) => this.update(s)),
          dataset: timed(() => this.datasetChanged()),
        });
        this.ctx.onInvalidated(unwatch);
      }),
    );
    this.ctx.onInvalidated(() => this.stop());
  }

  private isOn(settings: Settings): boolean {
    return settings.enabled && isSiteEnabled(settings, location.hostname);
  }

  private update(settings: Settings) {
    this.settings = settings;
    if (this.lens) {
      this.lens.settingsChanged(settings);
      return;
    }
    if (this.phase === 'loading') return; // The lens gets the newest settings when in.
    if (!this.isOn(settings)) {
      const wasOn = this.phase !== 'off';
      this.stop();
      if (wasOn || this.isTop) this.report();
      return;
    }
    // Switched on, or the site allowed again; other settings change nothing before a name is
    // found (the quick check does not depend on them).
    if (this.phase === 'off') this.check();
  }

  private datasetChanged() {
    if (this.lens) this.lens.datasetChanged();
    else if (this.phase === 'loading') this.datasetChangedMeanwhile = true;
    // An import applied or reset: it may name what the old dataset did not.
    else if (this.phase !== 'off') this.check();
  }

  private stop() {
    this.generation++;
    this.phase = 'off';
    this.cleared = null;
    this.observer?.disconnect();
    this.observer = null;
    this.dirty = new Set();
  }

  /** Reads the frame's rendered text after its next frame, and asks the quick check about it. */
  private check() {
    const generation = ++this.generation;
    this.phase = 'checking';
    this.cleared = null;
    this.observe();
    const since = performance.now();
    const attempt = () =>
      afterFrame(
        timed(() => {
          if (generation !== this.generation) return;
          const body = document.body;
          // No body (an SVG or XML document): the lens reads it node by node.
          if (!body) return void this.load();
          if (isHiddenBody(document) && performance.now() - since < HIDDEN_BODY_WAIT_MS) {
            setTimeout(attempt, HIDDEN_BODY_RETRY_MS);
            return;
          }
          if (document.getElementsByTagName('*').length > QUICK_CHECK_MAX_ELEMENTS) {
            return void this.load();
          }
          // Open shadow roots, whose text innerText leaves out, are read node by node.
          let shadow = false;
          findOpenShadowRoots(body, () => {
            shadow = true;
            return 'stop';
          });
          if (shadow) return void this.load();
          // Everything changed so far is in this read.
          this.dirty.clear();
          const text = body.innerText;
          this.stats.textChars = text.length;
          // Sent in a task of its own: a long text costs as much to send as to read.
          setTimeout(
            timed(() => {
              if (generation !== this.generation) return;
              this.checkWhole(text, generation);
            }),
            0,
          );
        }),
      );
    attempt();
  }

  /**
   * The frame's whole text: the lens is loaded where a name occurs with evidence (or no answer
   * came). A name without any leaves the frame cleared, as the scanner leaves such a page (its
   * piece waits for evidence, which only a change can bring).
   */
  private checkWhole(text: string, generation: number) {
    const cleared = (reply: QuickCheckResponse | null) => {
      this.phase = 'clear';
      this.cleared = { text, reply };
      this.report();
      this.checkChanges();
    };
    if (!HAS_WORD.test(text)) return cleared(null);
    void this.matching.quickCheck(text).then(
      timed((reply) => {
        if (generation !== this.generation) return;
        // No answer: the lens scans the frame the full way, as the scanner does then.
        if (!reply) return void this.load();
        this.stats.checkMs += reply.ms;
        if (reply.mayMention && reply.evidenced !== false) return void this.load({ text, reply });
        cleared(reply);
      }),
    );
  }

  private observe() {
    if (this.observer) return;
    this.observer = new MutationObserver(timed((records) => this.onMutations(records)));
    this.observer.observe(document, { childList: true, subtree: true, characterData: true });
  }

  private onMutations(records: MutationRecord[]) {
    for (const record of records) {
      if (record.type === 'characterData') {
        this.dirty.add(record.target);
        continue;
      }
      for (const node of record.addedNodes) {
        if (node.nodeType === Node.TEXT_NODE || node.nodeType === Node.ELEMENT_NODE) {
          this.dirty.add(node);
        }
      }
      // Removing an inline element joins the text around it.
      if (record.removedNodes.length > 0) this.dirty.add(record.target);
    }
    if (this.phase === 'clear') this.checkChanges();
  }

  /**
   * A cleared frame that changes: a change with a word in it (outside scripts, styles and the
   * like) brings the lens, which rescans the changes as the scanner does on a cleared page
   * (matched where they are, with what the page has said so far); anything else is forgotten.
   * Read without layout: a node's textContent, not innerText.
   */
  private checkChanges() {
    if (this.phase !== 'clear' || this.dirty.size === 0) return;
    for (const node of this.dirty) {
      if (node.isConnected && isReadChange(node) && HAS_WORD.test(node.textContent ?? '')) {
        void this.load();
        return;
      }
    }
    this.dirty.clear();
  }

  /**
   * Asks the background for the page lens in this frame, and hands the frame to it: from then
   * on it scans (the full way where needed), watches changes and answers for the frame. A frame
   * the quick check cleared is handed over as it is, with the nodes changed since (still
   * gathered until the lens starts). Null when it could not be injected; a later change tries
   * again.
   */
  private load(firstCheck: LensHandoff['firstCheck'] = null): Promise<PageLensApi | null> {
    if (this.lens) return Promise.resolve(this.lens);
    if (this.loading) return this.loading;
    const settings = this.settings;
    if (!settings) return Promise.resolve(null);
    const wasOn = this.phase !== 'off';
    const cleared =
      this.phase === 'clear' && this.cleared ? { ...this.cleared, changed: this.dirty } : null;
    // A check under way is dropped: the lens reads the frame itself.
    this.generation++;
    this.phase = 'loading';
    setLensHandoff({ ctx: this.ctx, settings, firstCheck, cleared, lens: null });
    this.loading = nativeBrowser.runtime
      .sendMessage<LoadLensRequest, LoadLensResponse | undefined>({ type: LOAD_LENS })
      .then((reply) => (reply?.loaded ? (lensHandoff()?.lens ?? null) : null))
      .catch(() => null)
      .then(
        timed((lens) => {
          this.loading = null;
          if (!lens) {
            this.stats.failedLoads++;
            this.stop();
            // Still on: watched as a cleared frame, so a later change tries again.
            if (wasOn && this.settings && this.isOn(this.settings)) {
              this.phase = 'clear';
              this.cleared = cleared && { text: cleared.text, reply: cleared.reply };
              this.observe();
            }
            return null;
          }
          this.stop();
          this.lens = lens;
          this.phase = 'lens';
          if (this.settings && this.settings !== settings) lens.settingsChanged(this.settings);
          if (this.datasetChangedMeanwhile) lens.datasetChanged();
          return lens;
        }),
      );
    return this.loading;
  }

  /** The tab's detections (top frame): this frame's, merged with what its frames reported. */
  async tabDetections(): Promise<DetectionsResponse> {
    const lens = await this.lensIfAny();
    if (lens) return lens.tabDetections();
    let others: OtherFramesResponse = [];
    try {
      others = await nativeBrowser.runtime.sendMessage<unknown, OtherFramesResponse>({
        type: OTHER_FRAMES,
      });
    } catch {
      // The background is restarting; this frame names no one.
    }
    return {
      url: location.href,
      detections: mergeDetections(Array.isArray(others) ? others : []),
      stats: {
        scanMs: Math.round(contentClock.totalMs() * 100) / 100,
        textChars: this.stats.textChars,
        textNodes: 0,
      },
    };
  }

  scanStats(): ScanStatsResponse {
    if (this.lens) return this.lens.scanStats();
    const clear = this.phase === 'clear';
    return {
      url: location.href,
      scanMs: 0,
      scriptMs: contentClock.totalMs(),
      longestTaskMs: contentClock.longestMs(),
      collectMs: 0,
      matchMs: 0,
      backgroundMatchMs: 0,
      textChars: this.stats.textChars,
      textNodes: 0,
      pass: clear ? 'clear' : 'full',
      checkMs: this.stats.checkMs,
      skippedBlocks: 0,
      pieces: clear ? 1 : 0,
      piecesScanned: 0,
      waitingPieces: clear && this.cleared?.reply?.mayMention ? 1 : 0,
      failedBatches: this.stats.failedLoads,
      shadowRoots: 0,
      rootsWithMarks: 0,
      rescans: 0,
      // Done once cleared (or switched off with its settings read).
      idle: this.settings !== null && (clear || this.phase === 'off'),
    };
  }

  /**
   * Keyboard cycling and the popup's "show on page" (top frame): a frame without the lens has
   * no marks, so nothing opens; while the lens is coming, it answers.
   */
  async cycle(direction: 1 | -1): Promise<CardOpenedResponse> {
    const lens = await this.lensIfAny();
    return lens ? lens.cycle(direction) : { id: null };
  }

  async reveal(id: string): Promise<CardOpenedResponse> {
    const lens = await this.lensIfAny();
    return lens ? lens.reveal(id) : { id: null };
  }

  /**
   * A frame's card, shown here in the top frame (see FrameCardRequest). The card is the lens's:
   * a top frame that has not needed it for its own text gets it now, whatever its own
   * settings say (as the card was always there before); the lens then reads this frame too,
   * taking the last check's answer if the text is unchanged.
   */
  async frameCard(request: FrameCardRequest): Promise<FrameCardResponse> {
    let lens = await this.lensIfAny();
    if (!lens && request.action === 'open') {
      await this.settingsRead;
      lens = await this.load();
    }
    return lens ? lens.frameCard(request) : { shown: false };
  }

  private lensIfAny(): Promise<PageLensApi | null> {
    return this.lens ? Promise.resolve(this.lens) : (this.loading ?? Promise.resolve(null));
  }

  /** Tells the background this frame names no one (its count on the badge). */
  private report() {
    nativeBrowser.runtime.sendMessage({ type: FRAME_REPORT, detections: [] }).catch(() => {
      // No background to tell (extension reloading).
    });
  }
}

/**
 * Whether a changed node holds text the scanner reads: not in (or itself) a script, a style
 * or another subtree it skips (as PageScanner's rescanRoot).
 */
function isReadChange(node: Node): boolean {
  if (isInSkippedSubtree(node)) return false;
  return !(node instanceof Element && isSkippedElement(node));
}
