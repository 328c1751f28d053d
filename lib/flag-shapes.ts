/**
 * Flags as data. The build reads each flag's SVG file once and keeps its elements and
 * attributes as plain arrays, which the pages render as Preact elements: nothing is parsed as
 * markup at run time, and the card (in a web page) loads no image a page's policy could block.
 * Pure, no browser APIs.
 */

/** An SVG element: its name, its attributes and its children. */
export type FlagShape = [name: string, attributes: Record<string, string>, children: FlagShape[]];

/** Only shapes and paint: no ids (two flags on a page would share them), links or scripts. */
const ELEMENTS = new Set(['svg', 'g', 'path', 'circle', 'ellipse', 'rect', 'polygon']);
const ATTRIBUTES = new Set([
  'viewBox',
  'd',
  'points',
  'x',
  'y',
  'width',
  'height',
  'cx',
  'cy',
  'r',
  'rx',
  'ry',
  'transform',
  'fill',
  'fill-rule',
  'fill-opacity',
  'clip-rule',
  'opacity',
  'stroke',
  'stroke-width',
  'stroke-miterlimit',
  'stroke-linejoin',
  'stroke-linecap',
]);
/** Dropped: the namespace (the renderer sets it) and class names (no style sheet uses them). */
const IGNORED = new Set(['xmlns', 'class']);

const TAG = /<(\/?)([A-Za-z]+)((?:\s+[A-Za-z:-]+="[^"<>]*")*)\s*(\/?)>/y;
const ATTRIBUTE = /([A-Za-z:-]+)="([^"<>]*)"/g;

/**
 * The shape of a flag's SVG file (one `<svg>` of shapes, as minified files write it). Throws,
 * naming what it met, on text, comments, references or any element or attribute not listed.
 */
export function parseFlagSvg(svg: string): FlagShape {
  const stack: FlagShape[] = [];
  let root: FlagShape | null = null;
  let at = 0;
  const source = svg.trim();
  while (at < source.length) {
    if (/\s/.test(source[at]!)) {
      at++;
      continue;
    }
    TAG.lastIndex = at;
    const tag = TAG.exec(source);
    if (!tag) throw new Error(`flag: unexpected text at ${at}: ${source.slice(at, at + 30)}`);
    at = TAG.lastIndex;
    const [, closing, name = '', attributeText = '', selfClosing] = tag;
    if (closing) {
      const open = stack.pop();
      if (open?.[0] !== name) throw new Error(`flag: </${name}> closes nothing`);
      continue;
    }
    if (!ELEMENTS.has(name)) throw new Error(`flag: element <${name}> not allowed`);
    if ((name === 'svg') !== (root === null)) throw new Error('flag: one <svg> around all');
    const attributes: Record<string, string> = {};
    for (const [, key = '', value = ''] of attributeText.matchAll(ATTRIBUTE)) {
      if (IGNORED.has(key)) continue;
      if (!ATTRIBUTES.has(key)) throw new Error(`flag: attribute ${key} not allowed`);
      attributes[key] = value;
    }
    const shape: FlagShape = [name, attributes, []];
    const parent = stack.at(-1);
    if (parent) parent[2].push(shape);
    else root = shape;
    if (!selfClosing) stack.push(shape);
  }
  if (!root || stack.length > 0) throw new Error('flag: not one closed <svg>');
  if (!root[1].viewBox) throw new Error('flag: <svg> without a viewBox');
  return root;
}

/** The flags of the countries named in `codes`, read by `readSvg`; a flag that fails is left out. */
export function flagShapes(
  codes: Iterable<string>,
  readSvg: (code: string) => string | null,
  warn: (message: string) => void = () => {},
): Record<string, FlagShape> {
  const shapes: Record<string, FlagShape> = {};
  for (const code of [...new Set(codes)].sort()) {
    const svg = readSvg(code);
    if (svg === null) {
      warn(`flag: none for ${code}, its code is shown instead`);
      continue;
    }
    try {
      shapes[code] = parseFlagSvg(svg);
    } catch (error) {
      warn(
        `${error instanceof Error ? error.message : String(error)} (${code}), its code is shown instead`,
      );
    }
  }
  return shapes;
}
