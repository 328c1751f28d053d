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
  /** Number of meaningful entries in `units`, `starts`, `ends`. */
  length: number;
  /** Original offset of the first code unit that produced each normalised unit. */
  starts: Int32Array;
  /** Original offset just past the last code unit that produced each normalised unit. */
  ends: Int32Array;
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
  'and', 'und', 'et', 'y', 'e', 'i', 'og', 'och', 'es', 'si', 've', 'и', 'і', 'και',
]);
const MAX_CONNECTOR_UNITS = 3;

/** Letters NFKD leaves whole; folded the way people type them without the special key. */
const UNDECOMPOSED: Record<string, string> = {
  ß: 'ss', ẞ: 'SS', æ: 'ae', Æ: 'AE', ø: 'o', Ø: 'O', œ: 'oe', Œ: 'OE', đ: 'd', Đ: 'D',
  ł: 'l', Ł: 'L', ı: 'i', þ: 'th', Þ: 'TH', ð: 'd', Ð: 'D', ħ: 'h', Ħ: 'H', ŧ: 't', Ŧ: 'T',
  ŀ: 'l', Ŀ: 'L', ĸ: 'k',
};

// Invisible characters that sit inside words (soft hyphen, joiners, zero-width space, BOM):
// removing them keeps `Mina\u00ADlogic` one word.
const INVISIBLE = /^[\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u202A-\u202E\u2060-\u206F\uFEFF]$/u;
const DASHES = /^[\u002D\u00AD\u058A\u05BE\u1400\u1806\u2010-\u2015\u2212\u2E17\u2E1A\u2E3A\u2E3B\u2E40\u301C\u3030\u30A0\uFE31\uFE32\uFE58\uFE63\uFF0D]$/u;
const APOSTROPHES = /^['`\u00B4\u02B9\u02BB\u02BC\u02BD\u02C8\u2018\u2019\u201B\u2032\u2035\uFF07]$/u;
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
    else if (text === '' ) result = { kind: DROP, text: '' };
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
    c =
      (unit >= 0xd800 && unit <= 0xdfff) || WORD.test(String.fromCharCode(unit)) ? 1 : 2;
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

/**
 * NFKD, combining marks stripped, case-folded unless `keepCase`, dashes, apostrophes and
 * whitespace unified, connector words (`and`, `und`, `et`, `y`, `e`, `i`, …) written `&`, and no
 * space kept around `-` and `&`, so `Hydro&Energy`, `Hydro & Energy` and `Hydro and Energy` agree.
 */
export function normalizeForMatching(text: string, keepCase = false): NormalizedText {
  const len = text.length;
  let capacity = len + 16;
  let units = new Uint16Array(capacity);
  let starts = new Int32Array(capacity);
  let ends = new Int32Array(capacity);
  let n = 0;
  let pendingSpace = -1;
  // After `-` or `&`, following whitespace is swallowed.
  let glue = false;
  // Whether the previous code point was whitespace or the start: a connector must follow one.
  let afterSpace = true;

  const grow = () => {
    capacity *= 2;
    const u = new Uint16Array(capacity);
    u.set(units);
    units = u;
    const s = new Int32Array(capacity);
    s.set(starts);
    starts = s;
    const e = new Int32Array(capacity);
    e.set(ends);
    ends = e;
  };
  const emit = (unit: number, start: number, end: number) => {
    if (n >= capacity) grow();
    units[n] = unit;
    starts[n] = start;
    ends[n] = end;
    n++;
  };
  const flushSpace = () => {
    if (pendingSpace >= 0) {
      if (n > 0) emit(32, pendingSpace, pendingSpace + 1);
      pendingSpace = -1;
    }
  };

  let i = 0;
  while (i < len) {
    const c = text.charCodeAt(i);
    let width = 1;
    let kind: Kind;
    let folded: string | null = null;
    if (c < 128) {
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

    if (kind === TEXT && afterSpace && n > 0) {
      const connectorEnd = connectorAt(text, i, keepCase);
      if (connectorEnd > 0) {
        pendingSpace = -1;
        emit(38, i, connectorEnd);
        glue = true;
        afterSpace = false;
        i = connectorEnd;
        continue;
      }
    }

    switch (kind) {
      case SPACE:
        if (!glue && pendingSpace < 0) pendingSpace = i;
        afterSpace = true;
        break;
      case DROP:
        break;
      case DASH:
      case AMP:
        pendingSpace = -1;
        emit(kind === DASH ? 45 : 38, i, i + width);
        glue = true;
        afterSpace = false;
        break;
      default: {
        flushSpace();
        glue = false;
        afterSpace = false;
        if (folded === null) {
          emit(!keepCase && c >= 65 && c <= 90 ? c + 32 : c, i, i + 1);
        } else {
          for (let k = 0; k < folded.length; k++) emit(folded.charCodeAt(k), i, i + width);
        }
      }
    }
    i += width;
  }
  return { units, length: n, starts, ends };
}

/**
 * If a connector word starts at `i` and is followed by whitespace, returns its end offset,
 * else 0. Cheap: gives up after a few code units, so long words cost nothing.
 */
function connectorAt(text: string, i: number, keepCase: boolean): number {
  let j = i;
  let word = '';
  while (j < text.length && j - i <= MAX_CONNECTOR_UNITS) {
    const c = text.charCodeAt(j);
    if (c < 128) {
      if (!isWordUnit(c)) break;
      word += String.fromCharCode(c >= 65 && c <= 90 ? c + 32 : c);
    } else {
      const f = foldCodePoint(c, false);
      if (f.kind !== TEXT || !isWordUnit(c)) break;
      word += f.text;
    }
    j++;
  }
  if (j === i || j - i > MAX_CONNECTOR_UNITS || j >= text.length) return 0;
  const next = text.charCodeAt(j);
  const nextKind = next < 128 ? kindOfAscii(next) : foldCodePoint(next, keepCase).kind;
  if (nextKind !== SPACE) return 0;
  return CONNECTORS.has(word) ? j : 0;
}

/** The normalised form as a string (aliases, tests, cluster words). */
export function normalizeString(text: string, keepCase = false): string {
  const { units, length } = normalizeForMatching(text, keepCase);
  let out = '';
  const CHUNK = 8192;
  for (let k = 0; k < length; k += CHUNK) {
    out += String.fromCharCode(...units.subarray(k, Math.min(length, k + CHUNK)));
  }
  return out.trim();
}
