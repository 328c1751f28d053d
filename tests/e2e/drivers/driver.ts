/**
 * What the shared end-to-end scenarios (tests/e2e/scenarios) need from a browser, so the same
 * scenarios run in Chromium (playwright-core, drivers/chromium.ts) and in Firefox
 * (puppeteer-core over WebDriver BiDi, drivers/firefox.ts). Input is real: mouse and keyboard
 * events the browser marks as trusted, at page coordinates.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
  width: number;
  height: number;
}

/** What a scenario reads of the hover card; see readCard. */
export interface CardView {
  /** The dialog's accessible name: the organisation's name. */
  name: string | null;
  badges: string[];
  box: Box;
  /** The pin button: where to click it, and whether it is pressed. */
  pin: (Box & { pressed: boolean }) | null;
}

/** One tab: a web page or a page of the extension. */
export interface DriverPage {
  /** Uncaught exceptions and console errors of the page, in order. */
  readonly errors: string[];
  /** Runs `fn` in the page (its main world) with a JSON argument, and returns its JSON result. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<R>;
  mouseMove(x: number, y: number, steps?: number): Promise<void>;
  mouseClick(x: number, y: number): Promise<void>;
  /** A key by its name ('Escape', 'Enter', 'Tab'), pressed and released. */
  press(key: string): Promise<void>;
  /** Text typed key by key into what has focus. */
  type(text: string): Promise<void>;
  /** Gives a file input a file, as choosing it in the file picker does. */
  setInputFile(selector: string, file: { name: string; content: string }): Promise<void>;
  /** The hover card on this page as the reader sees it, or null when none is open. */
  readCard(): Promise<CardView | null>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly browser: 'chromium' | 'firefox';
  /** The address of a fixture page of tests/e2e/pages, served on 127.0.0.1. */
  url(path: string): string;
  /** A new tab showing a web page, loaded. */
  openPage(url: string): Promise<DriverPage>;
  /** A new tab showing a page of the extension (`popup.html?…`, `options.html`), loaded. */
  openExtensionPage(
    path: string,
    viewport?: { width: number; height: number },
  ): Promise<DriverPage>;
  /**
   * Runs `fn` where the extension's APIs are (Chromium: the service worker; Firefox: a page of
   * the extension), as the background or the popup would. `fn` finds them as `browser` or
   * `chrome` on globalThis (both return promises).
   */
  inExtension<R, A>(fn: (arg: A) => R | Promise<R>, arg: A): Promise<R>;
  /** Closes every tab the scenarios opened. */
  closePages(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The hover card read through its shadow root, from the page's world. The one place a scenario
 * looks inside the card: it works while the card's root is open; with a closed root, replace
 * this (Chromium: CDP `DOM.getDocument({ pierce: true })`; both: the accessibility tree).
 */
export function readCardInPage(page: Pick<DriverPage, 'evaluate'>): Promise<CardView | null> {
  return page.evaluate(() => {
    const root = document.querySelector('cluster-lens-card')?.shadowRoot;
    const dialog = root?.querySelector('[role="dialog"]');
    if (!root || !dialog) return null;
    const box = (el: Element) => {
      const r = el.getBoundingClientRect();
      return {
        left: r.left,
        top: r.top,
        right: r.right,
        bottom: r.bottom,
        width: r.width,
        height: r.height,
      };
    };
    const pin = root.querySelector('button[aria-pressed]');
    return {
      name: dialog.getAttribute('aria-label'),
      badges: [...dialog.querySelectorAll('.cl-details__badges .cl-badge')].map(
        (b) => b.textContent ?? '',
      ),
      box: box(dialog),
      pin: pin ? { ...box(pin), pressed: pin.getAttribute('aria-pressed') === 'true' } : null,
    };
  });
}
