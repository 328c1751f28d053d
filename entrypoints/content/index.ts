import { pageMatcher, type PageData } from '~/lib/dataset/page-data';
import { mergeDetections } from '~/lib/detections';
import type { CompiledMatcher } from '~/lib/matcher';
import {
  CYCLE,
  DETECTIONS,
  FRAME_REPORT,
  OTHER_FRAMES,
  PING,
  REVEAL,
  SCAN_STATS,
  type CardOpenedResponse,
  type DetectionsResponse,
  type OtherFramesResponse,
  type PingResponse,
  type ScanStatsResponse,
} from '~/lib/messages';
import { aliasesForPage } from '~/lib/page-aliases';
import type { Settings } from '~/lib/settings';
import { isSiteEnabled } from '~/lib/site-rules';
import { onRequest } from '~/utils/messaging';
import { getActivePageData, watchActivePageData } from '~/utils/page-data';
import { askQuickCheck } from '~/utils/quick-check';
import { loadSettings, loadUserSettings, saveUserSettings, watchSettings } from '~/utils/settings';
import { siteOf } from '~/lib/site-toggle';
import { HighlightMarker, supportsHighlights, type Marker } from './highlighter';
import { HoverCard } from './hover-card';
import { PageScanner } from './page-scanner';

/** Frames report what they found at most this often while a page keeps changing. */
const REPORT_DELAY_MS = 250;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  allFrames: true,
  matchAboutBlank: true,
  runAt: 'document_idle',
  async main(ctx) {
    const isTop = window === window.top;
    const lens = new PageLens();

    onRequest(PING, () => Promise.resolve<PingResponse>({ url: location.href, topFrame: isTop }));
    // The top frame answers for the tab, frames' findings included; frames stay silent.
    onRequest(DETECTIONS, () => (isTop ? lens.tabDetections() : undefined));
    onRequest(SCAN_STATS, () => (isTop ? Promise.resolve(lens.scanStats()) : undefined));

    const card = new HoverCard(ctx, {
      store: () => lens.store,
      settings: () => lens.settings,
      shadowRoots: () => lens.shadowRoots,
      datasetKey: () => lens.dataset,
      nameOf: (id) => lens.dataset?.records.find((r) => r.id === id)?.name ?? id,
      site: () => (location.hostname ? siteOf(location.hostname) : null),
      suppress: async (mark) => {
        if (!location.hostname) return;
        const site = siteOf(location.hostname);
        const user = await loadUserSettings();
        const entry = { site, alias: mark.alias.text, id: mark.id };
        if (
          user.suppressed.some(
            (s) => s.site === site && s.alias === entry.alias && s.id === entry.id,
          )
        )
          return;
        // The settings watcher then rebuilds the matcher without this alias, here and in every tab.
        await saveUserSettings({ ...user, suppressed: [...user.suppressed, entry] });
      },
    });
    // Keyboard commands (through the background) and the popup's "show on page" go to the
    // top frame: it moves through its own mentions (not its frames').
    const opened = (id: Promise<string | null>) =>
      id.then((openedId): CardOpenedResponse => ({ id: openedId }));
    onRequest(CYCLE, ({ direction }) => (isTop ? opened(card.cycle(direction)) : undefined));
    onRequest(REVEAL, ({ id }) => (isTop ? opened(card.revealId(id)) : undefined));

    const [settings, dataset] = await Promise.all([loadSettings(), getActivePageData()]);
    if (!ctx.isValid) return;
    lens.update(settings, dataset);
    ctx.onInvalidated(watchSettings((s) => lens.update(s, lens.dataset!)));
    ctx.onInvalidated(watchActivePageData((d) => lens.update(lens.settings!, d)));
    // A single-page app moved to a new view: scan it afresh.
    ctx.addEventListener(window, 'wxt:locationchange', () => lens.restart());
    ctx.onInvalidated(() => lens.stop());
  },
});

/** One frame's scanning, kept in step with settings and the active dataset. */
class PageLens {
  settings: Settings | null = null;
  dataset: PageData | null = null;
  private scanner: PageScanner | null = null;
  private marker: Marker | null = null;
  private matcher: CompiledMatcher | null = null;
  private matcherKey = '';
  private reportTimer: ReturnType<typeof setTimeout> | null = null;

  /** The marks of the current scan, for the hover card. */
  get store() {
    return this.scanner?.store ?? null;
  }

  get shadowRoots(): ShadowRoot[] {
    return [...(this.scanner?.shadowRoots ?? [])];
  }

  update(settings: Settings, dataset: PageData) {
    const datasetChanged = dataset !== this.dataset;
    this.settings = settings;
    this.dataset = dataset;
    if (!settings.enabled || !isSiteEnabled(settings, location.hostname)) {
      this.stop();
      this.report();
      return;
    }
    const key = JSON.stringify([settings.acronymStrictness, settings.suppressed]);
    if (!this.matcher || datasetChanged || key !== this.matcherKey) {
      this.matcher = pageMatcher(
        dataset,
        aliasesForPage(dataset.aliases, settings, location.hostname),
      );
      this.matcherKey = key;
      this.restart();
      return;
    }
    if (!this.scanner) {
      // Switched back on (or the site allowed again).
      this.restart();
      return;
    }
    this.marker?.setStyles(settings.styles);
    this.scanner?.setShown(settings.mark);
    this.scheduleReport();
  }

  restart() {
    const { settings, dataset, matcher } = this;
    if (!settings || !dataset || !matcher) return;
    this.scanner?.stop();
    if (!supportsHighlights()) {
      // Without the Highlight API there is no way to mark text without changing the page;
      // detection still works, so the popup and badge stay right.
      this.marker = NO_MARKS;
    } else {
      this.marker ??= new HighlightMarker(settings.styles);
      this.marker.setStyles(settings.styles);
    }
    this.scanner = new PageScanner({
      matcher,
      records: new Map(dataset.records.map((r) => [r.id, r])),
      marker: this.marker,
      shown: settings.mark,
      onIdle: () => this.scheduleReport(),
      quickCheck: (text) => askQuickCheck(text, dataset.fingerprint),
    });
    this.scanner.scan(document);
  }

  stop() {
    this.scanner?.stop();
    this.scanner = null;
    this.marker?.clear();
  }

  ownDetections(): DetectionsResponse['detections'] {
    return this.scanner?.detections() ?? [];
  }

  async tabDetections(): Promise<DetectionsResponse> {
    let others: OtherFramesResponse = [];
    try {
      others = await browser.runtime.sendMessage<unknown, OtherFramesResponse>({
        type: OTHER_FRAMES,
      });
    } catch {
      // The background is restarting; answer with this frame's findings.
    }
    const stats = this.scanner?.getStats();
    return {
      url: location.href,
      detections: mergeDetections([this.ownDetections(), ...(others ?? [])]),
      stats: {
        scanMs: Math.round((stats?.scanMs ?? 0) * 100) / 100,
        textChars: stats?.textChars ?? 0,
        textNodes: stats?.textNodes ?? 0,
      },
    };
  }

  scanStats(): ScanStatsResponse {
    const stats = this.scanner?.getStats();
    return {
      url: location.href,
      scanMs: stats?.scanMs ?? 0,
      longestTaskMs: stats?.longestSliceMs ?? 0,
      collectMs: stats?.collectMs ?? 0,
      matchMs: stats?.matchMs ?? 0,
      textChars: stats?.textChars ?? 0,
      textNodes: stats?.textNodes ?? 0,
      pass: stats?.pass ?? 'full',
      checkMs: stats?.checkMs ?? 0,
      skippedBlocks: stats?.skippedBlocks ?? 0,
      pieces: stats?.pieces ?? 0,
      piecesScanned: stats?.piecesScanned ?? 0,
      // Before the settings are read nothing has been scanned yet, so the scan is not done.
      idle: this.settings !== null && (this.scanner?.idle ?? true),
    };
  }

  private scheduleReport() {
    if (this.reportTimer !== null) return;
    this.reportTimer = setTimeout(() => {
      this.reportTimer = null;
      this.report();
    }, REPORT_DELAY_MS);
  }

  private report() {
    browser.runtime
      .sendMessage({ type: FRAME_REPORT, detections: this.ownDetections() })
      .catch(() => {
        // No background to tell (extension reloading): the next report will do.
      });
  }
}

const NO_MARKS: Marker = {
  add() {},
  remove() {},
  clear() {},
  setStyles() {},
  adoptInto() {},
  dispose() {},
};
