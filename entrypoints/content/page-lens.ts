import { mergeDetections } from '~/lib/detections';
import {
  FRAME_REPORT,
  OTHER_FRAMES,
  type DetectionsResponse,
  type OtherFramesResponse,
  type PageTable,
  type ScanStatsResponse,
} from '~/lib/messages';
import type { Settings } from '~/lib/settings';
import { isSiteEnabled, siteMatches } from '~/lib/site-rules';
import { backgroundMatching } from './background-client';
import { contentClock, timed } from './content-clock';
import type { ClearedFrame } from './lens-handoff';
import { LazyHighlightMarker, NO_MARKS, supportsHighlights, type Marker } from './highlighter';
import { PageScanner } from './page-scanner';
import { isTooSmall } from './page-facts';

/** Frames report what they found at most this often while a page keeps changing. */
const REPORT_DELAY_MS = 250;

/**
 * One frame's scanning, kept in step with the settings and the active dataset: starts,
 * restarts and stops the scanner, and tells the background what the frame found.
 */
export class PageLens {
  settings: Settings | null = null;
  private scanner: PageScanner | null = null;
  private marker: Marker | null = null;
  /** What the page's alias table depends on, to rescan only when it changes. */
  private tableKey = '';
  private reportTimer: ReturnType<typeof setTimeout> | null = null;
  private waitingForSize = false;

  /**
   * `cleared`: the frame as its bootstrap cleared it, which the first scan takes over instead
   * of reading the frame again.
   */
  constructor(private cleared: ClearedFrame | null = null) {}

  /** The marks of the current scan, for the hover card. */
  get store() {
    return this.scanner?.store ?? null;
  }

  /** The open shadow roots hit-testing looks into: those that hold a mark (or hold one that does). */
  get shadowRoots(): ShadowRoot[] {
    return [...(this.scanner?.markedRoots ?? [])];
  }

  /** Identifies the scan under way; the card drops cached records when it changes. */
  get scanKey(): unknown {
    return this.scanner;
  }

  update(settings: Settings) {
    this.settings = settings;
    if (!settings.enabled || !isSiteEnabled(settings, location.hostname)) {
      this.cleared = null;
      this.stop();
      this.report();
      return;
    }
    const key = JSON.stringify(this.table());
    if (!this.scanner || key !== this.tableKey) {
      // Switched on, the site allowed again, or the page's table changed.
      this.tableKey = key;
      this.restart();
      return;
    }
    this.marker?.setStyles(settings.styles);
    this.scanner.setShown(settings.mark);
    this.scheduleReport();
  }

  /** The active dataset changed: the marks come from the new one. */
  datasetChanged() {
    if (this.scanner) this.restart();
  }

  restart() {
    const { settings } = this;
    // Only the first scan, right after the bootstrap, can take over what it cleared.
    const cleared = this.cleared;
    this.cleared = null;
    if (!settings?.enabled || !isSiteEnabled(settings, location.hostname)) return;
    if (this.waitForSize()) return;
    this.scanner?.stop();
    this.marker?.clear();
    if (!supportsHighlights()) {
      // Without the Highlight API there is no way to mark text without changing the page;
      // detection still works, so the popup and badge stay right.
      this.marker = NO_MARKS;
    } else {
      this.marker ??= new LazyHighlightMarker(settings.styles);
      this.marker.setStyles(settings.styles);
    }
    this.scanner = new PageScanner({
      matching: backgroundMatching(() => this.table()),
      marker: this.marker,
      shown: settings.mark,
      onIdle: () => this.scheduleReport(),
      onStale: () => this.restart(),
      onTime: (ms) => contentClock.add(ms),
    });
    if (cleared) this.scanner.resume(document, cleared);
    else this.scanner.scan(document);
  }

  /**
   * A frame too small to show a line of text (a hidden or 1×1 ad or tracking frame) costs no
   * scan: it is scanned if it grows. True while waiting.
   */
  private waitForSize(): boolean {
    if (window === window.top || !isTooSmall()) return false;
    if (!this.waitingForSize) {
      this.waitingForSize = true;
      const grown = () => {
        if (isTooSmall()) return;
        window.removeEventListener('resize', grown);
        this.waitingForSize = false;
        this.restart();
      };
      window.addEventListener('resize', grown);
    }
    return true;
  }

  stop() {
    this.scanner?.stop();
    this.scanner = null;
    this.marker?.clear();
    // A copy that was stopped (a newer one took over) must not report a pending finding late.
    if (this.reportTimer !== null) clearTimeout(this.reportTimer);
    this.reportTimer = null;
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
        scanMs: round(contentClock.totalMs()),
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
      scriptMs: contentClock.totalMs(),
      longestTaskMs: Math.max(stats?.longestSliceMs ?? 0, contentClock.longestMs()),
      collectMs: stats?.collectMs ?? 0,
      matchMs: stats?.matchMs ?? 0,
      backgroundMatchMs: stats?.backgroundMatchMs ?? 0,
      textChars: stats?.textChars ?? 0,
      textNodes: stats?.textNodes ?? 0,
      pass: stats?.pass ?? 'full',
      checkMs: stats?.checkMs ?? 0,
      skippedBlocks: stats?.skippedBlocks ?? 0,
      pieces: stats?.pieces ?? 0,
      piecesScanned: stats?.piecesScanned ?? 0,
      waitingPieces: stats?.waitingPieces ?? 0,
      failedBatches: stats?.failedBatches ?? 0,
      shadowRoots: stats?.shadowRoots ?? 0,
      rootsWithMarks: stats?.rootsWithMarks ?? 0,
      rescans: stats?.rescans ?? 0,
      // Before the settings are read nothing has been scanned yet, so the scan is not done.
      idle: this.settings !== null && (this.scanner?.idle ?? true),
    };
  }

  /** The page's alias table as the background should build it: the reader's settings here. */
  private table(): PageTable {
    const settings = this.settings;
    return {
      acronymStrictness: settings?.acronymStrictness ?? 'balanced',
      suppressed: (settings?.suppressed ?? []).filter((s) =>
        siteMatches(s.site, location.hostname),
      ),
    };
  }

  private scheduleReport() {
    if (this.reportTimer !== null) return;
    this.reportTimer = setTimeout(
      timed(() => {
        this.reportTimer = null;
        this.report();
      }),
      REPORT_DELAY_MS,
    );
  }

  private report() {
    browser.runtime
      .sendMessage({ type: FRAME_REPORT, detections: this.ownDetections() })
      .catch(() => {
        // No background to tell (extension reloading): the next report will do.
      });
  }
}

function round(ms: number): number {
  return Math.round(ms * 100) / 100;
}
