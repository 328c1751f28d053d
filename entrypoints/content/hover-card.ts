import { messagesLocale } from '~/utils/locale';
import type { ContentScriptContext } from '#imports';
import type { CardContent } from '~/components/ClusterCard';
import { isInViewport, type Box } from '~/lib/card-position';
import type { CardScheme } from '~/lib/card-theme';
import { cycleIndex, inDocumentOrder } from '~/lib/mention-cycle';
import {
  FRAME_CARD,
  RECORD,
  type FrameCardMention,
  type FrameCardRequest,
  type FrameCardResponse,
  type RecordRequest,
  type RecordResponse,
  type SuppressRequest,
  type SuppressResult,
  type ViewportRect,
} from '~/lib/messages';
import type { Evidence } from '~/lib/matcher/evidence';
import type { Settings } from '~/lib/settings';
import { loadCardView } from './card-loader';
import { timed } from './content-clock';
import type { CardView } from './card-view';
import { compareMarks, markAtPoint, markRange } from './hit-test';
import type { MarkStore, PageMark } from './mark-store';

/** After the pointer leaves the mark and the card, the card waits this long before closing. */
const CLOSE_GRACE_MS = 300;
/** How long an opening card waits for its record before showing "Loading…" first. */
const RECORD_WAIT_MS = 120;
/** How long a frame waits for the top frame to show its card before showing it itself. */
const TOP_WAIT_MS = 1500;

/** What the card needs from the page's scanning. */
export interface CardSource {
  store(): MarkStore | null;
  settings(): Settings | null;
  /** The open shadow roots being scanned, for hit-testing text inside them. */
  shadowRoots(): ShadowRoot[];
  /** Changes identity when the active dataset changes (cached records are then dropped). */
  datasetKey(): unknown;
  /**
   * Stops marking this alias of this organisation on this site (the reader said it isn't);
   * whether that was saved, or why not.
   */
  suppress(entry: SuppressRequest['entry']): Promise<SuppressResult>;
  /** The site the suppression applies to, as shown to the reader; null where there is none. */
  site(): string | null;
}

type OpenedBy = 'hover' | 'keyboard';

/** A card the top frame shows for a mention in one of its frames. */
interface FrameAnchor {
  frameId: number;
  /** The frame's element in this document (runtime.getFrameId of it is frameId). */
  element: HTMLIFrameElement | HTMLFrameElement;
  /** The mention's line box in the frame's viewport, as the frame last said. */
  rect: ViewportRect;
}

/** What a card is about: a mark of this frame's page, or a frame's mention. */
interface CardTarget {
  /** The mark in this page; null for a frame's card (see `frame`). */
  mark: PageMark | null;
  frame: FrameAnchor | null;
  id: string;
  name: string;
  matched: string;
  alias: string;
  site: string | null;
  /** Why the mention counts, as the scan found it; null where not known. */
  evidence: Evidence | null;
}

/** A frame's card that the top frame shows: which mark, and whether the pointer is on it. */
interface ShownInTop {
  mark: PageMark;
  rectIndex: number;
  /** What the top was last told; null after the pointer left this frame (tell it again). */
  onMark: boolean | null;
}

interface OpenCard extends CardTarget {
  by: OpenedBy;
  pinned: boolean;
  content: CardContent;
  scheme: CardScheme;
  /** Which client rect of the mark the card sits by (the line the pointer was on). */
  rectIndex: number;
  /** The mark has been in the viewport since the card opened (a reveal scrolls to it first). */
  seenInView: boolean;
  /** The pointer has been on the mark or the card: leaving them now closes the card. */
  engaged: boolean;
  /** Where focus was when the card opened, to return it there on close. */
  returnFocus: HTMLElement | null;
  /** "Not this organisation" was not saved, and why: the card says so instead of closing. */
  refused: Exclude<SuppressResult, { saved: true }> | null;
}

const MODIFIER_KEYS = {
  alt: { flag: 'altKey', key: 'Alt' },
  ctrl: { flag: 'ctrlKey', key: 'Control' },
  shift: { flag: 'shiftKey', key: 'Shift' },
  meta: { flag: 'metaKey', key: 'Meta' },
} as const;

/**
 * The hover card of one frame: finds the mark under the pointer (no DOM changes), opens the
 * card after the hover delay, keeps it by the mark while the page scrolls, and closes it on
 * Esc, when the pointer leaves mark and card, or when the mark scrolls away, unless pinned.
 * Keyboard commands and the popup's "show on page" open cards too, with focus inside.
 */
export class HoverCard {
  private view: CardView | null = null;
  private open: OpenCard | null = null;
  private readonly pointer = {
    x: -1,
    y: -1,
    inside: false,
    overCard: false,
    modifier: false,
    target: null as EventTarget | null,
  };
  private readonly isTop = window === window.top;
  /** In a frame: the card the top frame shows for one of this frame's marks. */
  private inTop: ShownInTop | null = null;
  private candidate: PageMark | null = null;
  private candidateRect = 0;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private hitFrame = 0;
  private placeFrame = 0;
  /** The card grew or shrank (its sources or "Not this" opened): by its mark again, whole. */
  private readonly placeAgain = () => this.place();
  /** The mark keyboard cycling last went to, so the next command continues from there. */
  private cycled: PageMark | null = null;
  private readonly records = new Map<string, Promise<CardContent>>();
  private recordsFor: unknown = null;
  /**
   * The language of the card's messages, so numbers, dates and country names match its text.
   * Asked when the first card opens: the browser reads the extension's messages on the first
   * i18n call (3–4 ms), which every frame would otherwise pay at its start.
   */
  private localeTag: string | null = null;

  constructor(
    private readonly ctx: ContentScriptContext,
    private readonly source: CardSource,
  ) {
    const opts = { capture: true, passive: true };
    ctx.addEventListener(
      document,
      'pointermove',
      timed((e) => this.onPointerMove(e)),
      opts,
    );
    ctx.addEventListener(
      document,
      'pointerout',
      timed((e) => this.onPointerOut(e)),
      opts,
    );
    ctx.addEventListener(
      window,
      'keydown',
      timed((e) => this.onKey(e, true)),
      { capture: true },
    );
    ctx.addEventListener(
      window,
      'keyup',
      timed((e) => this.onKey(e, false)),
      { capture: true },
    );
    ctx.addEventListener(
      window,
      'scroll',
      timed(() => this.schedulePlace()),
      opts,
    );
    ctx.addEventListener(
      window,
      'resize',
      timed(() => this.schedulePlace()),
      opts,
    );
    ctx.onInvalidated(() => {
      if (this.inTop) void this.tellTop('close');
      this.close(false);
      this.view?.host.remove();
    });
  }

  /** Opens the card of the next or previous shown mention; the id opened, or null. */
  async cycle(direction: 1 | -1): Promise<string | null> {
    const ordered = inDocumentOrder(this.shownMarks(), compareMarks);
    const from = this.open?.mark ?? this.cycled;
    const index = cycleIndex(
      ordered,
      from,
      direction,
      from ? (m) => compareMarks(m, from) > 0 : undefined,
    );
    const mark = ordered[index];
    if (!mark) return null;
    this.cycled = mark;
    await this.reveal(mark);
    return mark.id;
  }

  /** Scrolls to an organisation's first shown mention and opens its card; the id, or null. */
  async revealId(id: string): Promise<string | null> {
    const marks = inDocumentOrder(
      this.shownMarks().filter((m) => m.id === id),
      compareMarks,
    );
    const mark = marks[0];
    if (!mark) return null;
    this.cycled = mark;
    await this.reveal(mark);
    return id;
  }

  private shownMarks(): PageMark[] {
    const store = this.source.store();
    const shown = this.source.settings()?.mark;
    if (!store || !shown) return [];
    return [...store.marks()].filter((m) => shown[m.category] && markRange(m) !== null);
  }

  private async reveal(mark: PageMark) {
    scrollToMark(mark);
    await this.show(mark, 'keyboard', 0);
  }

  // ── Pointer ────────────────────────────────────────────────────────────────────────────

  // Only the reader's own input counts: page script can dispatch pointer and key events of its
  // own (isTrusted false) to open, keep or close a card where the reader never pointed.

  private onPointerMove(event: PointerEvent) {
    if (!event.isTrusted) return;
    // Back in a frame whose card the top shows: tell the top again where the pointer is (it
    // may have been over the card, there, since).
    if (!this.pointer.inside && this.inTop) this.inTop.onMark = null;
    this.pointer.x = event.clientX;
    this.pointer.y = event.clientY;
    this.pointer.inside = true;
    this.pointer.overCard = this.view !== null && event.composedPath().includes(this.view.host);
    this.pointer.target = event.target;
    this.pointer.modifier = this.modifierHeld(event);
    this.scheduleHitTest();
  }

  private onPointerOut(event: PointerEvent) {
    if (!event.isTrusted) return;
    // Out of the card (into a frame, say, which sends this document no more pointer moves).
    const host = this.view?.host;
    if (host && event.relatedTarget !== host && event.composedPath().includes(host)) {
      this.pointer.overCard = false;
    }
    // Leaving the window (no element to go to): as good as leaving the mark.
    if (event.relatedTarget !== null) return;
    this.pointer.inside = false;
    this.pointer.overCard = false;
    this.pointer.target = null;
    this.scheduleHitTest();
  }

  private onKey(event: KeyboardEvent, down: boolean) {
    if (!event.isTrusted) return;
    if (down && event.key === 'Escape' && this.inTop) {
      void this.tellTop('close');
      this.inTop = null;
      return;
    }
    if (down && event.key === 'Escape' && this.open) {
      this.close(true);
      return;
    }
    const setting = this.source.settings()?.modifierKey ?? 'none';
    if (setting === 'none' || event.key !== MODIFIER_KEYS[setting].key) return;
    this.pointer.modifier = down;
    // Pressing the key while resting on a mark opens its card; releasing it before the delay
    // ends cancels the opening (an open card stays, so the pointer can move into it).
    if (this.pointer.inside) this.scheduleHitTest();
  }

  private modifierHeld(event: MouseEvent | KeyboardEvent): boolean {
    const setting = this.source.settings()?.modifierKey ?? 'none';
    return setting === 'none' || event[MODIFIER_KEYS[setting].flag];
  }

  private scheduleHitTest() {
    if (this.hitFrame) return;
    this.hitFrame = requestAnimationFrame(
      timed(() => {
        this.hitFrame = 0;
        this.hitTest();
      }),
    );
  }

  private hitTest() {
    const { pointer, open } = this;
    // A frame's card in this (top) document: over the frame, the frame says where the pointer is.
    if (open?.frame && pointer.target === open.frame.element) return;
    if (pointer.overCard) {
      if (open) open.engaged = true;
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    const store = this.source.store();
    const settings = this.source.settings();
    const canOpen = pointer.inside && pointer.modifier && store !== null && settings !== null;
    const hit = canOpen
      ? markAtPoint(store, pointer.x, pointer.y, {
          shadowRoots: this.source.shadowRoots(),
          accept: (m) => settings.mark[m.category],
        })
      : null;
    if (this.inTop && this.followTopCard(hit?.mark ?? null, canOpen)) {
      this.cancelOpen();
      return;
    }
    // Without the modifier, resting on the open card's own mark still keeps it open.
    const openMark = open?.mark ?? null;
    const onOpenMark =
      openMark !== null &&
      pointer.inside &&
      (hit?.mark === openMark || (!canOpen && store !== null && this.pointerOnMark(openMark)));
    if (open && onOpenMark) {
      open.engaged = true;
      this.cancelClose();
      this.cancelOpen();
      return;
    }
    if (open && !open.pinned && open.engaged) this.scheduleClose();
    if (!hit) {
      this.cancelOpen();
      return;
    }
    if (open?.pinned) return;
    if (hit.mark === this.candidate) return;
    this.cancelOpen();
    this.candidate = hit.mark;
    this.candidateRect = hit.rectIndex;
    // Ask for the record and the card's code now, so they are usually there when the delay ends.
    // (A frame's card is shown by the top frame: a frame loads the card's code only if not.)
    void this.content(hit.mark.id);
    if (this.isTop) void loadCardView();
    const delay = settings?.hoverDelayMs ?? 300;
    this.openTimer = setTimeout(
      timed(() => {
        this.openTimer = null;
        const mark = this.candidate;
        this.candidate = null;
        if (mark) void this.show(mark, 'hover', this.candidateRect);
      }),
      delay,
    );
  }

  private pointerOnMark(mark: PageMark): boolean {
    const rects = markRange(mark)?.getClientRects() ?? [];
    const { x, y } = this.pointer;
    return [...rects].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
  }

  private cancelOpen() {
    if (this.openTimer !== null) clearTimeout(this.openTimer);
    this.openTimer = null;
    this.candidate = null;
  }

  private scheduleClose() {
    if (this.closeTimer !== null) return;
    this.closeTimer = setTimeout(
      timed(() => {
        this.closeTimer = null;
        if (this.open && !this.open.pinned) this.close(false);
      }),
      CLOSE_GRACE_MS,
    );
  }

  private cancelClose() {
    if (this.closeTimer !== null) clearTimeout(this.closeTimer);
    this.closeTimer = null;
  }

  // ── The card ───────────────────────────────────────────────────────────────────────────

  private async show(mark: PageMark, by: OpenedBy, rectIndex: number) {
    // A frame's card is shown by the top frame, where it has the whole viewport; the frame
    // shows it itself only if the top cannot (no answer, the frame's element not found).
    if (!this.isTop && by === 'hover') {
      this.cancelClose();
      this.cancelOpen();
      const shown: ShownInTop = { mark, rectIndex, onMark: true };
      this.inTop = shown;
      if (await this.showInTop(shown)) {
        if (this.inTop === shown) this.close(false);
        return;
      }
      if (this.inTop !== shown) return;
      this.inTop = null;
    }
    await this.showTarget(this.markTarget(mark), by, rectIndex);
  }

  private markTarget(mark: PageMark): CardTarget {
    return { mark, frame: null, ...this.mentionOf(mark) };
  }

  /** What a card says of a mention here, whether this frame shows it or the top does. */
  private mentionOf(mark: PageMark) {
    return {
      id: mark.id,
      name: mark.name,
      matched: mark.text,
      alias: mark.alias,
      site: this.source.site(),
      evidence: mark.evidence,
    };
  }

  private async showTarget(target: CardTarget, by: OpenedBy, rectIndex: number) {
    const settings = this.source.settings();
    if (!settings) return;
    this.cancelClose();
    this.cancelOpen();
    const view = await this.viewOnce();
    if (!view) return;
    const active = deepActiveElement();
    const keepFocus = this.open?.returnFocus;
    const pending = this.content(target.id);
    const early = await Promise.race([pending, delay(RECORD_WAIT_MS).then(() => null)]);
    const opened: OpenCard = {
      ...target,
      by,
      pinned: false,
      content: early ?? { kind: 'loading' },
      scheme: view.scheme(settings.cardTheme),
      rectIndex,
      seenInView: false,
      engaged: by === 'hover',
      // Moving from card to card keeps the first card's return point.
      returnFocus: this.cardHasFocus() ? (keepFocus ?? null) : active,
      refused: null,
    };
    this.open = opened;
    this.renderCard(view);
    this.place();
    if (by === 'keyboard') this.dialog()?.focus({ preventScroll: true });
    if (!early) {
      const content = await pending;
      if (this.open !== opened) return;
      opened.content = content;
      this.renderCard(view);
      this.place();
    }
  }

  // ── A frame's card, shown by the top frame ──────────────────────────────────────────────

  /** In a frame: asks the top frame to show the card by this mark; whether it does. */
  private async showInTop(shown: ShownInTop): Promise<boolean> {
    const rect = this.markRect(shown.mark, shown.rectIndex);
    if (!rect) return false;
    const { mark } = shown;
    const mention: FrameCardMention = {
      ...this.mentionOf(mark),
      rect,
      frameIndex: indexInTop(),
    };
    const reply = await Promise.race([
      this.tellTop('open', { mention }),
      delay(TOP_WAIT_MS).then(() => false),
    ]);
    return reply;
  }

  /** In a frame: tells the top frame about its card; whether the top still shows it. */
  private tellTop(
    action: FrameCardRequest['action'],
    extra: Pick<FrameCardRequest, 'mention' | 'rect'> = {},
  ): Promise<boolean> {
    const request: FrameCardRequest = { type: FRAME_CARD, action, ...extra };
    return browser.runtime
      .sendMessage<FrameCardRequest, FrameCardResponse | undefined>(request)
      .then((reply) => reply?.shown === true)
      .catch(() => false);
  }

  /**
   * In a frame whose card the top shows: follows the pointer on and off its mark and tells the
   * top (which closes the card after the grace unless the pointer reaches it). True while the
   * pointer is on that mark (nothing else to do then).
   */
  private followTopCard(hit: PageMark | null, canOpen: boolean): boolean {
    const shown = this.inTop;
    if (!shown) return false;
    const store = this.source.store();
    const onMark =
      this.pointer.inside &&
      (hit === shown.mark || (!canOpen && store !== null && this.pointerOnMark(shown.mark)));
    if (onMark !== shown.onMark) {
      shown.onMark = onMark;
      void this.tellTop(onMark ? 'entered' : 'left').then((still) => {
        // The top closed it meanwhile (Esc there, the pointer away): open it again from here.
        if (!still && this.inTop === shown) {
          this.inTop = null;
          if (onMark) this.scheduleHitTest();
        }
      });
    }
    return onMark;
  }

  /** In a frame: the mark moved (the frame scrolled or resized); the top moves the card. */
  private movedInTop(shown: ShownInTop) {
    const rect = this.markRect(shown.mark, shown.rectIndex);
    const viewport = viewportSize();
    if (!rect || !isInViewport(rect, viewport)) {
      this.inTop = null;
      void this.tellTop('close');
      return;
    }
    void this.tellTop('moved', { rect }).then((still) => {
      if (!still && this.inTop === shown) this.inTop = null;
    });
  }

  private markRect(mark: PageMark, rectIndex: number): ViewportRect | null {
    if (!mark.nodes.every((n) => n.isConnected)) return null;
    const rects = markRange(mark)?.getClientRects();
    const r = rects?.[Math.min(rectIndex, rects.length - 1)];
    return r ? { left: r.left, top: r.top, right: r.right, bottom: r.bottom } : null;
  }

  /**
   * In the top frame: a frame's request about its card (see FrameCardRequest); whether this
   * frame shows that card afterwards.
   */
  async frameCard(request: FrameCardRequest): Promise<FrameCardResponse> {
    const { frameId } = request;
    const open = this.open;
    const ours =
      open?.frame !== null && open?.frame !== undefined && open.frame.frameId === frameId;
    switch (request.action) {
      case 'open': {
        const mention = request.mention;
        if (frameId === undefined || !mention) return { shown: false };
        // A pinned card stays, as it does for the top's own marks.
        if (open?.pinned) return { shown: ours };
        const element = frameElement(frameId, mention.frameIndex);
        if (!element) return { shown: false };
        const frame: FrameAnchor = { frameId, element, rect: mention.rect };
        if (!frameAnchorRect(frame)) return { shown: false };
        await this.showTarget(
          {
            mark: null,
            frame,
            id: mention.id,
            name: mention.name,
            matched: mention.matched,
            alias: mention.alias,
            site: mention.site,
            evidence: mention.evidence ?? null,
          },
          'hover',
          0,
        );
        return { shown: this.open?.frame === frame };
      }
      case 'moved':
        if (!ours || !request.rect) return { shown: false };
        open.frame!.rect = request.rect;
        this.place();
        return { shown: this.open === open };
      case 'left':
        if (!ours) return { shown: false };
        // Unless the pointer has reached the card meanwhile.
        if (!open.pinned && !this.pointer.overCard) this.scheduleClose();
        return { shown: true };
      case 'entered':
        if (!ours) return { shown: false };
        this.cancelClose();
        return { shown: true };
      case 'close':
        if (ours && !open.pinned) this.close(false);
        return { shown: false };
    }
  }

  private close(restoreFocus: boolean) {
    const open = this.open;
    if (!open) return;
    const hadFocus = this.cardHasFocus();
    this.open = null;
    this.cancelClose();
    this.view?.clear();
    // Nothing of ours stays in the page once the card is closed.
    this.view?.unmount();
    if ((restoreFocus || hadFocus) && open.returnFocus?.isConnected) {
      open.returnFocus.focus({ preventScroll: true });
    }
  }

  private notThisFor(open: OpenCard) {
    const { site } = open;
    if (site === null) return undefined;
    return {
      matched: open.matched,
      site,
      refused: open.refused ?? undefined,
      onConfirm: () => {
        void this.source.suppress({ site, alias: open.alias, id: open.id }).then((result) => {
          if (this.open !== open) return;
          if (result.saved) {
            this.close(true);
            return;
          }
          // Never silently: the card stays and says why nothing was saved.
          open.refused = result;
          if (this.view) this.renderCard(this.view);
          this.place();
        });
      },
    };
  }

  private renderCard(view: CardView) {
    const open = this.open;
    if (!open) return;
    view.mount();
    view.render({
      name: open.name,
      content: open.content,
      scheme: open.scheme,
      pinned: open.pinned,
      locale: (this.localeTag ??= messagesLocale()),
      onTogglePin: () => {
        if (!this.open) return;
        this.open.pinned = !this.open.pinned;
        this.renderCard(view);
      },
      onClose: () => this.close(true),
      notThis: this.notThisFor(open),
      evidence: open.evidence,
      onLayoutChange: this.placeAgain,
    });
  }

  private dialog(): HTMLElement | null {
    return this.view?.dialog() ?? null;
  }

  private cardHasFocus(): boolean {
    return this.view?.hasFocus() ?? false;
  }

  /**
   * The card's view: created the first time a card opens, its code loaded then if the pointer
   * has not already loaded it; kept for the next card, but in the page only while a card is
   * open (see renderCard and close). Null when the code could not be loaded (the extension was
   * reloaded meanwhile).
   */
  private async viewOnce(): Promise<CardView | null> {
    if (!this.view) {
      const create = await loadCardView();
      if (!create || !this.ctx.isValid) return null;
      this.view ??= create();
    }
    return this.view;
  }

  private schedulePlace() {
    const shown = this.inTop;
    if (shown) {
      if (this.placeFrame) return;
      this.placeFrame = requestAnimationFrame(
        timed(() => {
          this.placeFrame = 0;
          if (this.inTop === shown) this.movedInTop(shown);
        }),
      );
      return;
    }
    if (!this.open || this.placeFrame) return;
    this.placeFrame = requestAnimationFrame(
      timed(() => {
        this.placeFrame = 0;
        this.place();
      }),
    );
  }

  /** Puts the card by its mark; closes it when the mark is gone or scrolled away (unless pinned). */
  private place() {
    const open = this.open;
    const dialog = this.dialog();
    if (!open || !dialog) return;
    const rect = open.frame
      ? frameAnchorRect(open.frame)
      : open.mark && this.markRect(open.mark, open.rectIndex);
    const viewport = viewportSize();
    if (!rect) {
      if (!open.pinned) this.close(false);
      return;
    }
    if (isInViewport(rect, viewport)) open.seenInView = true;
    else if (open.seenInView && !open.pinned) {
      this.close(false);
      return;
    }
    this.view?.place(clampBox(rect, viewport), viewport);
  }

  /** The record for a card, asked of the background once per organisation and dataset. */
  private content(id: string): Promise<CardContent> {
    const key = this.source.datasetKey();
    if (key !== this.recordsFor) {
      this.records.clear();
      this.recordsFor = key;
    }
    let answer = this.records.get(id);
    if (!answer) {
      const request: RecordRequest = { type: RECORD, id };
      answer = browser.runtime
        .sendMessage<RecordRequest, RecordResponse | undefined>(request)
        .then((reply): CardContent => {
          if (!reply) return { kind: 'failed' };
          return reply.record
            ? { kind: 'ready', record: reply.record, asOf: reply.asOf }
            : { kind: 'missing' };
        })
        .catch((): CardContent => ({ kind: 'failed' }));
      this.records.set(id, answer);
      // A failed answer is not kept: the next card asks again.
      void answer.then((c) => c.kind === 'failed' && this.records.delete(id));
    }
    return answer;
  }
}

function viewportSize() {
  return {
    width: document.documentElement.clientWidth || window.innerWidth,
    height: document.documentElement.clientHeight || window.innerHeight,
  };
}

/** runtime.getFrameId (Firefox 96+), which the browser types do not have. */
function runtimeWithFrames() {
  return browser.runtime as unknown as { getFrameId?: (target: Element) => number };
}

/**
 * In a frame whose parent is the top: its index in the top's `window.frames` (comparing window
 * proxies is allowed across origins); null elsewhere.
 */
function indexInTop(): number | null {
  try {
    if (window.parent !== window.top) return null;
    for (let i = 0; i < window.parent.length; i++) {
      if (window.parent.frames[i] === window) return i;
    }
  } catch {
    // A browser that refuses even this across origins: the frame shows its card itself.
  }
  return null;
}

/**
 * The element of this document that holds the frame with this id: by runtime.getFrameId where
 * the browser has it (Firefox), else by the frame's window, the frame's index in `frames`.
 */
function frameElement(
  frameId: number,
  frameIndex: number | null,
): HTMLIFrameElement | HTMLFrameElement | null {
  const elements = [
    ...document.querySelectorAll<HTMLIFrameElement | HTMLFrameElement>('iframe, frame'),
  ];
  const getFrameId = runtimeWithFrames().getFrameId;
  if (typeof getFrameId === 'function') {
    for (const element of elements) {
      try {
        if (getFrameId(element) === frameId) return element;
      } catch {
        // Not a frame the browser tells us about (not loaded yet).
      }
    }
    return null;
  }
  if (frameIndex === null) return null;
  const target = window.frames[frameIndex];
  return (target && elements.find((e) => e.contentWindow === target)) ?? null;
}

/**
 * A frame's mention in this document's viewport: the frame's content box (its border and
 * padding are outside the frame's own viewport) moved by the mention's place in the frame.
 * Null when the frame is gone or not shown.
 */
function frameAnchorRect(frame: FrameAnchor): ViewportRect | null {
  const { element, rect } = frame;
  if (!element.isConnected) return null;
  const box = element.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  const style = getComputedStyle(element);
  if (style.visibility === 'hidden') return null;
  const left = box.left + element.clientLeft + parseFloat(style.paddingLeft);
  const top = box.top + element.clientTop + parseFloat(style.paddingTop);
  return {
    left: left + rect.left,
    top: top + rect.top,
    right: left + rect.right,
    bottom: top + rect.bottom,
  };
}

/** A mark pinned far off-screen still gives the card a place at the viewport's edge. */
function clampBox(rect: ViewportRect, viewport: { width: number; height: number }): Box {
  const top = Math.min(Math.max(rect.top, 0), viewport.height);
  const bottom = Math.min(Math.max(rect.bottom, 0), viewport.height);
  return { left: rect.left, right: rect.right, top, bottom };
}

/** Brings a mark into view, unless it is already; smoothly unless the reader asked for less motion. */
function scrollToMark(mark: PageMark) {
  const rect = markRange(mark)?.getBoundingClientRect();
  const element = mark.range.startContainer.parentElement;
  if (!rect || !element) return;
  const height = document.documentElement.clientHeight || window.innerHeight;
  if (rect.top >= 0 && rect.bottom <= height && rect.width > 0) return;
  const behavior = matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'smooth';
  if (element.getBoundingClientRect().height < height * 0.8) {
    element.scrollIntoView({ block: 'center', inline: 'nearest', behavior });
  } else {
    // A tall element: centre the mark itself, not the element's middle.
    window.scrollBy({ top: rect.top - height / 3, behavior });
  }
}

/** The focused element, looking into open shadow roots. */
function deepActiveElement(): HTMLElement | null {
  let active: Element | null = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement && active !== document.body ? active : null;
}

function delay(ms: number): Promise<void> {
  return new Promise((done) => setTimeout(done, ms));
}
