import { findOpenShadowRoots, isInSkippedSubtree } from './block-collector';
import { HAS_WORD, isHiddenBody, isTooSmall, whenLaidOut } from './page-facts';

/** How long after a change a frame is looked at again (the changes in between join it). */
export const CHANGE_DELAY_MS = 200;

/**
 * Whether a frame below the top one is worth the bootstrap (entrypoints/frame-probe.ts): large
 * enough to show a line of text, shown, and holding a letter or digit outside scripts, styles
 * and the like, or an open shadow root (whose text a page's own text leaves out). A document
 * without a body (SVG, XML) is left to the bootstrap, which reads it node by node.
 *
 * Read without layout (text nodes, not innerText): a frame's page is often still laying itself
 * out, and innerText there made the browser lay it out at once (4 ms of CPU, 30 ms of one task,
 * in a frame of yahoo-2.html). Text that is there but hidden counts; the bootstrap's own check,
 * which reads the rendered text, tells it apart. The frame's size is read last, and only for a
 * frame with text: see whenLaidOut for when.
 */
export function frameMayShowText(doc: Document): boolean {
  const body = doc.body;
  if (!body) return doc.documentElement !== null && !isTooSmall();
  // What needs no layout first: most frames hold no text at all, and their size is never read.
  if (!holdsWord(doc, body)) {
    // No text outside shadow roots: so few elements with text that looking for hosts is cheap.
    let shadow = false;
    findOpenShadowRoots(body, () => {
      shadow = true;
      return 'stop';
    });
    if (!shadow) return false;
  }
  if (isTooSmall()) return false;
  // A hidden body (shown once its scripts ran) is looked at again when it changes.
  return !isHiddenBody(doc);
}

/** Whether a text node under `root` outside skipped elements holds a letter or digit. */
function holdsWord(doc: Document, root: Element): boolean {
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (HAS_WORD.test((node as Text).data) && !isInSkippedSubtree(node)) return true;
  }
  return false;
}

/**
 * Looks at this frame once laid out (see whenLaidOut), and again after each change or resize,
 * until it may show text; then calls `load` once, which says whether the bootstrap was put in.
 * If it was not (the background restarting, say), the frame is watched again. Returns stop.
 */
export function probeFrame(load: () => Promise<boolean>): () => void {
  let loading = false;
  let pending = false;
  let stopped = false;
  const observer = new MutationObserver(() => onChange());
  const check = () => {
    pending = false;
    if (stopped || loading || !frameMayShowText(document)) return;
    loading = true;
    unwatch();
    void load()
      .catch(() => false)
      .then((loaded) => {
        loading = false;
        if (!loaded && !stopped) watch();
      });
  };
  // Changes are looked at together, a little later: an ad frame that animates does not read
  // its text at every frame.
  const onChange = () => {
    if (pending || loading || stopped) return;
    pending = true;
    setTimeout(() => whenLaidOut(check), CHANGE_DELAY_MS);
  };
  const watch = () => {
    observer.observe(document, { childList: true, subtree: true, characterData: true });
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
    window.removeEventListener('resize', onChange);
  };
  watch();
  pending = true;
  whenLaidOut(check);
  return () => {
    stopped = true;
    unwatch();
  };
}
