/**
 * Normalisation for matching names in page text, with a map from every normalised code unit back
 * to the original text, so a match found in normalised text can be marked in the page.
 *
 * Both the page text and every alias go through the same function, which is what makes the
 * unifications below safe: `&` and `and` only become equal because both sides are rewritten.
 */

/** Per normalised code unit: where in the original text it came from. */
export interface NormalizedText {
  units: Uint16Array;
  /** Number of meaningful entries in `units` and `starts`. */
  length: number;
  /**
   * Original offset of the code unit that produced each normalised unit. Where it ends is
   * derived on demand (originalEnd): storing it would cost a third of the normalisation time.
   */
  starts: Int32Array;
}

/** Original offset just past the text that produced normalised unit `k`. */
export function originalEnd(text: string, normalized: NormalizedText, k: number): number {
  const start = normalized.starts[k] ?? 0;
  const c = text.charCodeAt(start);
  // A connector word (`and`, `und`…) became one `&`: it ends where the word does.
  if (normalized.units[k] === 38 && isWordUnit(c)) {
    let end = start;
    while (end < text.length && isWordUnit(text.charCodeAt(end))) end++;
    return end;
  }
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = text.charCodeAt(start + 1);
    if (d >= 0xdc00 && d <= 0xdfff) return start + 2;
  }
  return start + 1;
}

const TEXT = 0;
const SPACE = 1;
const DASH = 2;
const AMP = 3;
const DROP = 4;
type Kind = typeof TEXT | typeof SPACE | typeof DASH | typeof AMP | typeof DROP;

interface Folded {
  kind: Kind;
  text: string;
}

/**
 * Words that mean "and" in our languages. Written as `&` in names as often as spelled out, so
 * both become `&`. Only a word standing alone between spaces counts: `e` in `e-Mobility` or
 * `i` in `iTech` are not connectors.
 */
const CONNECTORS = new Set([
  'and',
  'und',
  'et',
  'y',
  'e',
  'i',
  'og',
  'och',
  'es',
  'si',
  've',
  'и',
  'і',
  'και',
]);
/** The longest connector word (`and`, `und`…) in code units. */
export const MAX_CONNECTOR_UNITS = 3;

/** Letters NFKD leaves whole; folded the way people type them without the special key. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss',
  ẞ: 'SS',
  æ: 'ae',
  Æ: 'AE',
  ø: 'o',
  Ø: 'O',
  œ: 'oe',
  Œ: 'OE',
  đ: 'd',
  Đ: 'D',
  ł: 'l',
  Ł: 'L',
  ı: 'i',
  þ: 'th',
  Þ: 'TH',
  ð: 'd',
  Ð: 'D',
  ħ: 'h',
  Ħ: 'H',
  ŧ: 't',
  Ŧ: 'T',
  ŀ: 'l',
  Ŀ: 'L',
  ĸ: 'k',
};

// Invisible characters that sit inside words (soft hyphen, joiners, zero-width space, BOM):
// removing them keeps `Mina\u00ADlogic` one word.
const INVISIBLE =
  /^[\u00AD\u061C\u115F\u1160\u180E\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]$/u;
const DASHES =
  /^[\u002D\u00AD\u058A\u05BE\u1400\u1806\u2010-\u2015\u2212\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u301C\u3030\u30A0\uFE31\uFE32\uFE58\uFE63\uFF0D]$/u;
const APOSTROPHES =
  /^['`\u00B4\u02B9\u02BB\u02BC\u02BD\u02C8\u2018\u2019\u201B\u2032\u2035\uFF07]$/u;
const WHITESPACE = /^\s$/u;
const MARKS = /\p{M}+/gu;

const foldedCache = new Map<number, Folded>();
const casedCache = new Map<number, Folded>();

function foldCodePoint(cp: number, keepCase: boolean): Folded {
  const cache = keepCase ? casedCache : foldedCache;
  const hit = cache.get(cp);
  if (hit) return hit;
  const ch = String.fromCodePoint(cp);
  let result: Folded;
  if (INVISIBLE.test(ch)) result = { kind: DROP, text: '' };
  else if (WHITESPACE.test(ch)) result = { kind: SPACE, text: ' ' };
  else if (DASHES.test(ch)) result = { kind: DASH, text: '-' };
  else if (APOSTROPHES.test(ch)) result = { kind: TEXT, text: "'" };
  else {
    let text = stripMarks(ch.normalize('NFKD'));
    if (!keepCase) {
      // Lower-casing can bring marks back (İ → i̇), so strip again; Greek final sigma is one letter.
      text = stripMarks(text.toLowerCase().normalize('NFKD')).replace(/ς/g, 'σ');
      text = replaceUndecomposed(text).toLowerCase();
    } else {
      text = replaceUndecomposed(text);
    }
    if (text === '&') result = { kind: AMP, text: '&' };
    else if (text === '') result = { kind: DROP, text: '' };
    else if (text.length === 1 && DASHES.test(text)) result = { kind: DASH, text: '-' };
    else if (text.length === 1 && WHITESPACE.test(text)) result = { kind: SPACE, text: ' ' };
    else result = { kind: TEXT, text };
  }
  cache.set(cp, result);
  return result;
}

function stripMarks(text: string): string {
  return text.replace(MARKS, '');
}

function replaceUndecomposed(text: string): string {
  let out = '';
  for (const ch of text) out += UNDECOMPOSED[ch] ?? ch;
  return out;
}

const wordClass = new Uint8Array(65536); // 0 unknown, 1 word, 2 not a word
const WORD = /^[\p{L}\p{N}\p{M}]$/u;

/** Letters and digits of any script. Surrogates count as word units (astral letters, mostly). */
export function isWordUnit(unit: number): boolean {
  let c = wordClass[unit];
  if (c === undefined || c === 0) {
    c = (unit >= 0xd800 && unit <= 0xdfff) || WORD.test(String.fromCharCode(unit)) ? 1 : 2;
    wordClass[unit] = c;
  }
  return c === 1;
}

for (let u = 0; u < 128; u++) isWordUnit(u);

function kindOfAscii(c: number): Kind {
  if (c === 32 || (c >= 9 && c <= 13)) return SPACE;
  if (c === 45) return DASH;
  if (c === 38) return AMP;
  return TEXT;
}

export const CHAR_OTHER = 0;
export const CHAR_WORD = 1;
export const CHAR_SPACE = 2;
/** Invisible: neither ends nor starts a word. */
export const CHAR_DROP = 3;

/**
 * What the code point at `i` of the raw text becomes in normalised text, for scanning the page
 * text itself for word starts. A low surrogate counts as part of the character before it.
 */
export function charClassAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c < 128) {
    if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) return CHAR_WORD;
    return c === 32 || (c >= 9 && c <= 13) ? CHAR_SPACE : CHAR_OTHER;
  }
  if (c >= 0xdc00 && c <= 0xdfff) return CHAR_DROP;
  if (c >= 0xd800 && c <= 0xdbff) return CHAR_WORD;
  const f = foldCodePoint(c, false);
  if (f.kind === DROP) return CHAR_DROP;
  if (f.kind === SPACE) return CHAR_SPACE;
  if (f.kind !== TEXT) return CHAR_OTHER;
  return isWordUnit(f.text.charCodeAt(0)) ? CHAR_WORD : CHAR_OTHER;
}

/** The first normalised (case-folded) unit of the BMP character `c`. */
export function firstFoldedUnit(c: number): number {
  if (c < 128) return c >= 65 && c <= 90 ? c + 32 : c;
  return foldCodePoint(c, false).text.charCodeAt(0);
}

/** Reusable output buffers: a page scan normalises many small windows. */
export class NormalizeBuffer implements NormalizedText {
  units = new Uint16Array(1024);
  starts = new Int32Array(1024);
  length = 0;

  ensure(capacity: number): void {
    if (capacity <= this.units.length) return;
    let size = this.units.length;
    while (size < capacity) size *= 2;
    const units = new Uint16Array(size);
    units.set(this.units);
    this.units = units;
    const starts = new Int32Array(size);
    starts.set(this.starts);
    this.starts = starts;
  }
}

// ASCII letters that can begin a connector word: a(nd) u(nd) e(t) y i o(g, och) s(i) v(e).
export const CONNECTOR_START = new Uint8Array(128);
for (const ch of 'aueyiosvAUEYIOSV') CONNECTOR_START[ch.charCodeAt(0)] = 1;

/**
 * NFKD, combining marks stripped, case-folded unless `keepCase`, dashes, apostrophes and
 * whitespace unified, connector words (`and`, `und`, `et`, `y`, `e`, `i`, …) written `&`, and no
 * space kept around `-` and `&`, so `Hydro&Energy`, `Hydro & Energy` and `Hydro and Energy` agree.
 * Writes into `out` (fresh buffers unless given) and returns it.
 */
export function normalizeForMatching(
  text: string,
  keepCase = false,
  out: NormalizeBuffer = new NormalizeBuffer(),
  from = 0,
  to = text.length,
): NormalizedText {
  // `starts` stay offsets into the whole `text`, so a window maps straight back to the page.
  const len = to;
  out.ensure(to - from + 16);
  let units = out.units;
  let starts = out.starts;
  let n = 0;
  let pendingSpace = -1;
  // After `-` or `&`, following whitespace is swallowed.
  let glue = false;
  // Whether the previous code point was whitespace: a connector must follow one.
  let afterSpace = true;

  let i = from;
  while (i < len) {
    const c = text.charCodeAt(i);
    if (afterSpace && n > 0 && (c >= 128 || CONNECTOR_START[c] === 1)) {
      const end = connectorAt(text, i, len, keepCase);
      if (end > 0) {
        pendingSpace = -1;
        units[n] = 38;
        starts[n] = i;
        n++;
        glue = true;
        afterSpace = false;
        i = end;
        continue;
      }
    }
    let width = 1;
    let kind: Kind;
    let folded: string | null = null;
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) {
        // Letters and digits: the common case, handled here without the branches below.
        if (pendingSpace >= 0) {
          units[n] = 32;
          starts[n] = pendingSpace;
          n++;
          pendingSpace = -1;
        }
        units[n] = !keepCase && c >= 65 && c <= 90 ? c + 32 : c;
        starts[n] = i;
        n++;
        glue = false;
        afterSpace = false;
        i++;
        // The rest of an ASCII word in a tight loop: most page text is exactly that.
        const lower = keepCase ? 0 : 32;
        while (i < len) {
          const d = text.charCodeAt(i);
          if ((d >= 97 && d <= 122) || (d >= 48 && d <= 57)) units[n] = d;
          else if (d >= 65 && d <= 90) units[n] = d + lower;
          else break;
          starts[n] = i;
          n++;
          i++;
        }
        continue;
      }
      kind = kindOfAscii(c);
    } else {
      let cp = c;
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < len) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) {
          cp = ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000;
          width = 2;
        }
      }
      const f = foldCodePoint(cp, keepCase);
      kind = f.kind;
      folded = f.text;
    }

    if (kind === SPACE) {
      if (!glue && pendingSpace < 0 && n > 0) pendingSpace = i;
      afterSpace = true;
    } else if (kind === DASH || kind === AMP) {
      pendingSpace = -1;
      units[n] = kind === DASH ? 45 : 38;
      starts[n] = i;
      n++;
      glue = true;
      afterSpace = false;
    } else if (kind === TEXT) {
      if (pendingSpace >= 0) {
        units[n] = 32;
        starts[n] = pendingSpace;
        n++;
        pendingSpace = -1;
      }
      glue = false;
      afterSpace = false;
      if (folded === null) {
        units[n] = c;
        starts[n] = i;
        n++;
      } else {
        // Expansions (ß → ss, ﬁ → fi) can outgrow the buffer sized for the input.
        if (n + folded.length + 1 > units.length) {
          out.length = n;
          out.ensure(n + folded.length + (len - i) + 16);
          units = out.units;
          starts = out.starts;
        }
        for (let k = 0; k < folded.length; k++) {
          units[n] = folded.charCodeAt(k);
          starts[n] = i;
          n++;
        }
      }
    }
    i += width;
  }
  out.length = n;
  return out;
}

/**
 * If a connector word starts at `i` and is followed by whitespace, returns its end offset,
 * else 0. Gives up after a few code units, so long words cost nothing.
 */
export function connectorAt(text: string, i: number, to: number, keepCase: boolean): number {
  let j = i;
  const limit = Math.min(to, i + MAX_CONNECTOR_UNITS + 1);
  let ascii = true;
  while (j < limit) {
    const c = text.charCodeAt(j);
    if (c >= 128) ascii = false;
    if (!isWordUnit(c)) break;
    j++;
  }
  if (j === i || j - i > MAX_CONNECTOR_UNITS || j >= to) return 0;
  const next = text.charCodeAt(j);
  const nextKind = next < 128 ? kindOfAscii(next) : foldCodePoint(next, keepCase).kind;
  if (nextKind !== SPACE) return 0;
  if (ascii) return isAsciiConnector(text, i, j - i) ? j : 0;
  let word = '';
  for (let k = i; k < j; k++) word += foldCodePoint(text.charCodeAt(k), false).text;
  return CONNECTORS.has(word) ? j : 0;
}

/** The ASCII entries of CONNECTORS, compared by code: short words are frequent in page text. */
function isAsciiConnector(text: string, i: number, length: number): boolean {
  const a = text.charCodeAt(i) | 32;
  if (length === 1) return a === 101 || a === 105 || a === 121; // e i y
  const b = text.charCodeAt(i + 1) | 32;
  if (length === 2) {
    return (
      (a === 101 && (b === 116 || b === 115)) || // et es
      (a === 111 && b === 103) || // og
      (a === 115 && b === 105) || // si
      (a === 118 && b === 101) // ve
    );
  }
  const c = text.charCodeAt(i + 2) | 32;
  return (
    (b === 110 && c === 100 && (a === 97 || a === 117)) || // and und
    (a === 111 && b === 99 && c === 104) // och
  );
}

// normalizeString runs while a page buffer is in use (case checks), so it has its own.
const stringBuffer = new NormalizeBuffer();

/** The normalised form as a string (aliases, tests, cluster words). */
export function normalizeString(text: string, keepCase = false): string {
  const { units, length } = normalizeForMatching(text, keepCase, stringBuffer);
  let out = '';
  const CHUNK = 8192;
  for (let k = 0; k < length; k += CHUNK) {
    out += String.fromCharCode(...units.subarray(k, Math.min(length, k + CHUNK)));
  }
  return out.trim();
}
