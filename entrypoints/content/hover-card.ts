import { messagesLocale } from '~/utils/locale';
import type { ContentScriptContext } from '#imports';
import type { CardContent } from '~/components/ClusterCard';
import { isInViewport, placeCard, type Box } from '~/lib/card-position';
import { chooseCardScheme, type CardScheme } from '~/lib/card-theme';
import { cycleIndex, inDocumentOrder } from '~/lib/mention-cycle';
import {
  RECORD,
  type RecordRequest,
  type RecordResponse,
  type SuppressResult,
} from '~/lib/messages';
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
  suppress(mark: PageMark): Promise<SuppressResult>;
  /** The site the suppression applies to, as shown to the reader; null where there is none. */
  site(): string | null;
}

type OpenedBy = 'hover' | 'keyboard';

interface OpenCard {
  mark: PageMark;
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
  private readonly pointer = { x: -1, y: -1, inside: false, overCard: false, modifier: false };
  private candidate: PageMark | null = null;
  private candidateRect = 0;
  private openTimer: ReturnType<typeof setTimeout> | null = null;
  private closeTimer: ReturnType<typeof setTimeout> | null = null;
  private hitFrame = 0;
  private placeFrame = 0;
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
    this.pointer.x = event.clientX;
    this.pointer.y = event.clientY;
    this.pointer.inside = true;
    this.pointer.overCard = this.view !== null && event.composedPath().includes(this.view.host);
    this.pointer.modifier = this.modifierHeld(event);
    this.scheduleHitTest();
  }

  private onPointerOut(event: PointerEvent) {
    if (!event.isTrusted) return;
    // Leaving the window (no element to go to): as good as leaving the mark.
    if (event.relatedTarget !== null) return;
    this.pointer.inside = false;
    this.pointer.overCard = false;
    this.scheduleHitTest();
  }

  private onKey(event: KeyboardEvent, down: boolean) {
    if (!event.isTrusted) return;
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
    // Without the modifier, resting on the open card's own mark still keeps it open.
    const onOpenMark =
      open !== null &&
      pointer.inside &&
      (hit?.mark === open.mark || (!canOpen && store !== null && this.pointerOnMark(open.mark)));
    if (onOpenMark) {
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
    void this.content(hit.mark.id);
    void loadCardView();
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
    const settings = this.source.settings();
    if (!settings) return;
    this.cancelClose();
    this.cancelOpen();
    const view = await this.viewOnce();
    if (!view) return;
    const active = deepActiveElement();
    const keepFocus = this.open?.returnFocus;
    const pending = this.content(mark.id);
    const early = await Promise.race([pending, delay(RECORD_WAIT_MS).then(() => null)]);
    this.open = {
      mark,
      by,
      pinned: false,
      content: early ?? { kind: 'loading' },
      scheme: chooseCardScheme(settings.cardTheme, readPageAppearance()),
      rectIndex,
      seenInView: false,
      engaged: by === 'hover',
      // Moving from card to card keeps the first card's return point.
      returnFocus: this.cardHasFocus() ? (keepFocus ?? null) : active,
      refused: null,
    };
    this.renderCard(view);
    this.place();
    if (by === 'keyboard') this.dialog()?.focus({ preventScroll: true });
    if (!early) {
      const content = await pending;
      if (this.open?.mark !== mark) return;
      this.open.content = content;
      this.renderCard(view);
      this.place();
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
    const site = this.source.site();
    if (site === null) return undefined;
    const { mark } = open;
    return {
      matched: mark.text,
      site,
      refused: open.refused ?? undefined,
      onConfirm: () => {
        void this.source.suppress(mark).then((result) => {
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
      name: open.mark.name,
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
    const rects = open.mark.nodes.every((n) => n.isConnected)
      ? markRange(open.mark)?.getClientRects()
      : undefined;
    const rect = rects?.[Math.min(open.rectIndex, rects.length - 1)];
    const viewport = {
      width: document.documentElement.clientWidth || window.innerWidth,
      height: document.documentElement.clientHeight || window.innerHeight,
    };
    if (!rect) {
      if (!open.pinned) this.close(false);
      return;
    }
    if (isInViewport(rect, viewport)) open.seenInView = true;
    else if (open.seenInView && !open.pinned) {
      this.close(false);
      return;
    }
    // Measure at the card's natural height (its stylesheet's cap), then fit it.
    dialog.style.maxHeight = '';
    const measured = dialog.getBoundingClientRect();
    const size = { width: measured.width, height: measured.height };
    const anchor: Box = clampBox(rect, viewport);
    const at = placeCard(anchor, size, viewport);
    dialog.style.left = `${at.left}px`;
    dialog.style.top = `${at.top}px`;
    dialog.style.maxHeight = `${Math.min(size.height, at.maxHeight)}px`;
    dialog.dataset.placement = `${at.vertical}-${at.horizontal}`;
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

/** A mark pinned far off-screen still gives the card a place at the viewport's edge. */
function clampBox(rect: DOMRect, viewport: { width: number; height: number }): Box {
  const top = Math.min(Math.max(rect.top, 0), viewport.height);
  const bottom = Math.min(Math.max(rect.bottom, 0), viewport.height);
  return { left: rect.left, right: rect.right, top, bottom };
}

/** What the page looks like, for the card's `auto` theme. */
function readPageAppearance() {
  const root = document.documentElement;
  const rootStyle = getComputedStyle(root);
  const meta = document.querySelector<HTMLMetaElement>('meta[name="color-scheme"]');
  const declared = rootStyle.colorScheme;
  return {
    // A <meta name="color-scheme"> sets the page's scheme without showing in computed styles.
    colorScheme: declared && declared !== 'normal' ? declared : (meta?.content ?? 'normal'),
    backgrounds: [
      document.body ? getComputedStyle(document.body).backgroundColor : '',
      rootStyle.backgroundColor,
    ],
    prefersDark: matchMedia('(prefers-color-scheme: dark)').matches,
  };
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
