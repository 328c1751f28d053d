/**
 * Whether a reader can see a mention. Text a page made invisible by its style (transparent,
 * zero font size, no opacity), clipped to nothing or placed where no scrolling reaches is not
 * a mention anyone reads, and marking it would let a page plant a name: a transparent name laid
 * over a visible one would open the hidden one's card. Asked only for mentions, since it needs
 * style and layout.
 */
export function isReadable(
  start: Text,
  startOffset: number,
  end: Text,
  endOffset: number,
): boolean {
  const el = start.parentElement;
  if (!el) return true;
  if (
    typeof el.checkVisibility === 'function' &&
    !el.checkVisibility({ opacityProperty: true, visibilityProperty: true })
  ) {
    return false;
  }
  const style = getComputedStyle(el);
  if (parseFloat(style.fontSize) === 0) return false;
  if (isInvisibleInk(style)) return false;
  if (isClippedAway(el)) return false;
  const range = el.ownerDocument.createRange();
  try {
    range.setStart(start, startOffset);
    range.setEnd(end, endOffset);
  } catch {
    return true;
  }
  const box = range.getBoundingClientRect();
  if (box.width < 1 || box.height < 1) return false;
  // Above or left of the page, where no scrolling reaches (`left: -9999px`).
  const view = el.ownerDocument.defaultView;
  return box.right + (view?.scrollX ?? 0) > 0 && box.bottom + (view?.scrollY ?? 0) > 0;
}

/** Text painted in a transparent colour, unless a background shows through it (gradient text). */
function isInvisibleInk(style: CSSStyleDeclaration): boolean {
  const fill = style.getPropertyValue('-webkit-text-fill-color') || style.color;
  if (!isTransparent(fill)) return false;
  const clip = style.getPropertyValue('-webkit-background-clip') || style.backgroundClip;
  return clip !== 'text';
}

function isTransparent(color: string): boolean {
  if (color === 'transparent') return true;
  // rgba(r, g, b, a) or rgb(r g b / a): a fourth number is the alpha.
  const rgb = /^rgba?\((.*)\)$/.exec(color);
  if (rgb) {
    const parts = rgb[1]!.split(/[\s,/]+/).filter(Boolean);
    return parts.length === 4 && parseFloat(parts[3]!) === 0;
  }
  // color(srgb r g b / a) and the like.
  const alpha = /\/\s*([\d.]+)%?\s*\)$/.exec(color);
  return alpha !== null && parseFloat(alpha[1]!) === 0;
}

/** Clipped to no area by itself or a near ancestor (the "visually hidden" patterns). */
function isClippedAway(el: Element): boolean {
  let e: Element | null = el;
  for (let depth = 0; e && depth < 6; depth++, e = e.parentElement) {
    const style = getComputedStyle(e);
    const rect = /^rect\(([^)]*)\)$/.exec(style.clip);
    if (rect) {
      const [top = 0, right = 0, bottom = 0, left = 0] = rect[1]!
        .split(/[\s,]+/)
        .map((v) => parseFloat(v));
      if (bottom <= top || right <= left) return true;
    }
    if (/^inset\(\s*50%/.test(style.clipPath)) return true;
    const hides = style.overflow === 'hidden' || style.overflow === 'clip';
    if (hides && e instanceof HTMLElement && (e.offsetWidth <= 1 || e.offsetHeight <= 1)) {
      return true;
    }
  }
  return false;
}
