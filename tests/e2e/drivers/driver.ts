/**
 * What the shared end-to-end scenarios (tests/e2e/scenarios) need from a browser, so the same
 * scenarios run in Chromium (playwright-core, drivers/chromium.ts) and in Firefox
 * (puppeteer-core over WebDriver BiDi, drivers/firefox.ts). Input is real: mouse and keyboard
 * events the browser marks as trusted, at page coordinates.
 */

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
  /**
   * Chooses an option of a select, as picking it from the list does (input and change events):
   * the first element matching `selector` whose label's text contains `label`.
   */
  selectOption(selector: string, label: string, value: string): Promise<void>;
  bringToFront(): Promise<void>;
  close(): Promise<void>;
}

export interface Driver {
  readonly browser: 'chromium' | 'firefox';
  /** The address of a fixture page of tests/e2e/pages, served on 127.0.0.1. */
  url(path: string): string;
  /** A new tab showing a web page, loaded. */
  openPage(url: string): Promise<DriverPage>;
  /**
   * A page of the extension (`popup.html?…`, `options.html`), loaded: in a new tab (Firefox: in
   * a window of its own, so the web page's tab stays the one shown, as under a real popup).
   */
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
 * Runs in the page: the index, among the elements matching `selector`, of the first whose
 * label (its `labels`, or the label around it) has `label` in its text; -1 when none has.
 */
export function labelledIndex({ selector, label }: { selector: string; label: string }): number {
  return [...document.querySelectorAll<HTMLSelectElement>(selector)].findIndex((el) =>
    [...(el.labels ?? []), el.closest('label')].some((l) => l?.textContent?.includes(label)),
  );
}
