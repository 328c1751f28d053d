import { findOpenShadowRoots, isInSkippedSubtree } from './block-collector';
import { HAS_WORD, isHiddenBody, isTooSmall, whenLaidOut } from './page-facts';

/** How long after a change a frame is looked at again (the changes in between join it). */
export const CHANGE_DELAY_MS = 200;

/** NodeFilter.SHOW_TEXT, spelt out: a frame's first use of NodeFilter costs its own setup. */
const SHOW_TEXT = 0x4;

/**
 * A frame below the top one is worth the bootstrap (entrypoints/frame-probe.ts) when it holds
 * text (frameHoldsText, read at once) and shows it (frameShowsText, read once laid out).
 *
 * Whether a frame holds a letter or digit outside scripts, styles and the like, or an open
 * shadow root (whose text a page's own text leaves out). A document without a body (SVG, XML)
 * counts: the bootstrap reads it node by node.
 *
 * Read without layout (text nodes, not innerText): a frame's page is often still laying itself
 * out, and innerText there made the browser lay it out at once (4 ms of CPU, 30 ms of one task,
 * in a frame of yahoo-2.html). Text that is there but hidden counts; the bootstrap's own check,
 * which reads the rendered text, tells it apart.
 */
export function frameHoldsText(doc: Document): boolean {
  const body = doc.body;
  if (!body) return doc.documentElement !== null;
  if (holdsWord(doc, body)) return true;
  // No text outside shadow roots: so few elements with text that looking for hosts is cheap.
  let shadow = false;
  findOpenShadowRoots(body, () => {
    shadow = true;
    return 'stop';
  });
  return shadow;
}

/**
 * Whether a frame is large enough to show a line of text and its body is shown. Reads the
 * frame's size: asked only once the frame is laid out (see whenLaidOut).
 */
export function frameShowsText(doc: Document): boolean {
  if (isTooSmall()) return false;
  // A hidden body (shown once its scripts ran) is looked at again when it changes.
  return !isHiddenBody(doc);
}

/** Whether a text node under `root` outside skipped elements holds a letter or digit. */
function holdsWord(doc: Document, root: Element): boolean {
  if (root.firstChild === null) return false;
  const walker = doc.createTreeWalker(root, SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (HAS_WORD.test((node as Text).data) && !isInSkippedSubtree(node)) return true;
  }
  return false;
}

/**
 * Looks at this frame at once and after each change, until it holds text; then, once laid out
 * (see whenLaidOut), whether it shows it, again after each resize or change of its body's
 * looks; and when it does, calls `load` once, which says whether the bootstrap was put in. If
 * it was not (the background restarting, say), the frame is watched again. Returns stop.
 *
 * Most frames hold no text (ads, trackers, widgets still loading): they set up only a
 * MutationObserver. A frame's first use of each DOM interface has a cost of its own (about
 * 0.1 ms each, measured), so size, looks and timers are watched only once there is text.
 */
export function probeFrame(load: () => Promise<boolean>): () => void {
  let loading = false;
  let pending = false;
  let stopped = false;
  /** Whether resizes and the body's looks are watched too (text is there, not yet shown). */
  let watchingLooks = false;
  const observer = new MutationObserver(() => onChange());
  const look = () => {
    if (stopped || loading || !frameHoldsText(document)) {
      pending = false;
      return;
    }
    whenLaidOut(check);
  };
  const check = () => {
    pending = false;
    if (stopped || loading) return;
    if (!frameShowsText(document)) return watchLooks();
    loading = true;
    unwatch();
    void load()
      .catch(() => false)
      .then((loaded) => {
        loading = false;
        if (!loaded && !stopped) watchText();
      });
  };
  // Changes are looked at together, a little later: an ad frame that animates does not read
  // its text at every frame.
  const onChange = () => {
    if (pending || loading || stopped) return;
    pending = true;
    setTimeout(look, CHANGE_DELAY_MS);
  };
  const watchText = () =>
    observer.observe(document, { childList: true, subtree: true, characterData: true });
  const watchLooks = () => {
    if (watchingLooks) return;
    watchingLooks = true;
    // A body shown after its scripts ran ("anti-flicker" snippets) changes only its own style
    // or its root's; a frame's other elements may change theirs at every frame of an animation.
    for (const el of [document.documentElement, document.body]) {
      if (el)
        observer.observe(el, { attributes: true, attributeFilter: ['style', 'class', 'hidden'] });
    }
    window.addEventListener('resize', onChange);
  };
  const unwatch = () => {
    observer.disconnect();
    if (watchingLooks) window.removeEventListener('resize', onChange);
    watchingLooks = false;
  };
  watchText();
  pending = true;
  look();
  return () => {
    stopped = true;
    unwatch();
  };
}
