import { nativeBrowser } from '~/utils/native-browser';
import type { ContentScriptDefinition } from 'wxt';

/**
 * Our stand-in for WXT's `ContentScriptContext` (wxt.config.ts swaps WXT's module for this
 * one). WXT's context tells an older copy of the same content script to stop by announcing
 * itself through the page: a `CustomEvent` named `<extension id>:<script>:wxt:content-script-
 * started` on `document`, and the same as a `window.postMessage` to `'*'`. Any page and any
 * frame on it can read the extension's id from that message (and so learn it is installed), and
 * any page can dispatch that event itself to switch the extension off in its frame.
 *
 * The copies of one extension's content scripts in a frame share one isolated world, which
 * pages cannot see; so this context finds an older copy through a property of that world's
 * global object instead, and dispatches nothing at all. It keeps what our code uses of WXT's
 * context: `isValid`, `onInvalidated`, the `signal`, timers and listeners that end with it.
 */
export class ContentScriptContext implements AbortController {
  private readonly abortController = new AbortController();

  constructor(
    private readonly contentScriptName: string,
    readonly options?: Omit<ContentScriptDefinition, 'main'>,
  ) {
    const running = runningContexts();
    running.get(contentScriptName)?.notifyInvalidated();
    running.set(contentScriptName, this);
    this.onInvalidated(() => {
      if (running.get(contentScriptName) === this) running.delete(contentScriptName);
    });
  }

  get signal(): AbortSignal {
    return this.abortController.signal;
  }

  abort(reason?: unknown): void {
    this.abortController.abort(reason);
  }

  /** True once a newer copy of this script started here, or the extension was reloaded or removed. */
  get isInvalid(): boolean {
    // An extension that was reloaded, updated or removed leaves its old content scripts
    // running without a runtime: they must stop.
    if (!nativeBrowser.runtime?.id) this.notifyInvalidated();
    return this.signal.aborted;
  }

  get isValid(): boolean {
    return !this.isInvalid;
  }

  /** Calls `cb` once, when the context ends; returns a function that removes it. */
  onInvalidated(cb: () => void): () => void {
    this.signal.addEventListener('abort', cb);
    return () => this.signal.removeEventListener('abort', cb);
  }

  /** A promise that never settles, for async work that must not go on after the context ends. */
  block<T>(): Promise<T> {
    return new Promise(() => {});
  }

  setInterval(handler: () => void, timeout?: number): number {
    const id = setInterval(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearInterval(id));
    return id;
  }

  setTimeout(handler: () => void, timeout?: number): number {
    const id = setTimeout(() => {
      if (this.isValid) handler();
    }, timeout) as unknown as number;
    this.onInvalidated(() => clearTimeout(id));
    return id;
  }

  requestAnimationFrame(callback: FrameRequestCallback): number {
    const id = requestAnimationFrame((time) => {
      if (this.isValid) callback(time);
    });
    this.onInvalidated(() => cancelAnimationFrame(id));
    return id;
  }

  requestIdleCallback(callback: IdleRequestCallback, options?: IdleRequestOptions): number {
    const id = requestIdleCallback((deadline) => {
      if (!this.signal.aborted) callback(deadline);
    }, options);
    this.onInvalidated(() => cancelIdleCallback(id));
    return id;
  }

  /** `target.addEventListener`, removed when the context ends. */
  addEventListener(
    target: EventTarget,
    type: string,
    handler: EventListenerOrEventListenerObject | null,
    options?: AddEventListenerOptions | boolean,
  ): void {
    if (type.startsWith('wxt:')) {
      // WXT's own events (wxt:locationchange) are dispatched on the page's window under a
      // name that carries the extension's id: not here.
      throw new Error(`${type} is not available: it would tell the page the extension's id`);
    }
    const flags = typeof options === 'boolean' ? { capture: options } : options;
    target.addEventListener(type, handler, { ...flags, signal: this.signal });
  }

  /** Ends the context: every `onInvalidated` callback runs, timers and listeners stop. */
  notifyInvalidated(): void {
    this.abort('Content script context invalidated');
  }
}

/**
 * The contexts running in this isolated world, by content script name. A property of the
 * world's own global object: the page's script sees another global, so it can neither read
 * nor replace this.
 */
const RUNNING = 'cluster-lens:content-script-contexts';

function runningContexts(): Map<string, ContentScriptContext> {
  const global = globalThis as unknown as Record<string, Map<string, ContentScriptContext>>;
  return (global[RUNNING] ??= new Map());
}
