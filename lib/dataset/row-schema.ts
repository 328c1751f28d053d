import { z } from 'zod';
import { isMatchOverride, MATCH_OVERRIDES } from './alias-rules';
import { ISO_COUNTRY_CODES } from './countries';
import { LIST_SEPARATOR } from './csv-columns';
import { SUCCESSOR_KINDS, type LabelLevel, type SuccessorKind } from './model';
import { SLUG_PATTERN } from './slug';

/**
 * Validation of one CSV row, cell by cell. Each cell arrives as raw text; the schema trims it and
 * turns it into a typed value or an issue whose path is the column name, so the caller can say
 * "row 12, column label: …".
 */

type Ctx = z.core.$RefinementCtx<string>;

const MARKUP = /<\s*[a-z!/?]/i;
// C0/C1 controls other than tab and newline, plus bidi overrides that can disguise text.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

function fail(ctx: Ctx, message: string): never {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
}

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}

/** Free text: trimmed, without markup or control characters. */
function plainText(value: string, ctx: Ctx): string {
  const text = value.trim().replace(/\s+/g, ' ');
  if (CONTROL.test(value)) return fail(ctx, 'contains control or bidi-override characters');
  if (MARKUP.test(text)) return fail(ctx, `looks like HTML markup: "${clip(text)}"`);
  return text;
}

function clip(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

const cell = z.string().default('');

const requiredText = cell.transform((v, ctx) => {
  const text = plainText(v, ctx);
  return text === '' ? fail(ctx, 'is empty') : text;
});

const optionalText = cell.transform((v, ctx) => plainText(v, ctx) || null);

const textList = cell.transform((v, ctx) =>
  v
    .split(LIST_SEPARATOR)
    .map((item) => plainText(item, ctx))
    .filter((item) => item !== ''),
);

const optionalUrl = cell.transform((v, ctx) => {
  const text = v.trim();
  if (text === '') return null;
  return isHttpUrl(text) ? text : fail(ctx, `is not an http(s) URL: "${clip(text)}"`);
});

const LABEL_WORDS: readonly LabelLevel[] = ['gold', 'silver', 'bronze', 'none', 'unknown'];

const DATE = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** A calendar date printed to the year, month or day; rejects 2021-13 and 2021-02-30. */
export function isValidPartialDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const [, y, mo, d] = m;
  if (mo === undefined) return true;
  const month = Number(mo);
  if (month < 1 || month > 12) return false;
  if (d === undefined) return true;
  const day = Number(d);
  const date = new Date(Date.UTC(Number(y), month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The labelling scheme began in 2009; an earlier year is a typo. */
const FIRST_LABEL_YEAR = 2009;

export function rowSchema(today: Date) {
  const thisYear = today.getUTCFullYear();
  const year = (v: string, ctx: Ctx): number | null => {
    const text = v.trim();
    if (text === '') return null;
    if (!/^\d{4}$/.test(text)) return fail(ctx, `"${clip(text)}" is not a four-digit year`);
    const y = Number(text);
    return y > thisYear ? fail(ctx, `${y} is in the future`) : y;
  };
  return z.object({
    id: cell.transform((v, ctx) => {
      const text = v.trim();
      if (text !== '' && !SLUG_PATTERN.test(text)) {
        return fail(ctx, `"${clip(text)}" is not a slug (lowercase a-z, 0-9 and single hyphens)`);
      }
      return text;
    }),
    name: requiredText,
    acronym: optionalText,
    aliases: textList,
    country: cell.transform((v, ctx) => {
      const text = v.trim();
      if (text === '') return null;
      if (!ISO_COUNTRY_CODES.has(text)) {
        return fail(
          ctx,
          `"${clip(text)}" is not an ISO 3166-1 alpha-2 code (for example DE, GB, GR)`,
        );
      }
      return text;
    }),
    region: optionalText,
    city: optionalText,
    label: cell.transform((v, ctx) => {
      const text = v.trim().toLowerCase();
      const level = LABEL_WORDS.find((w) => w === text);
      return (
        level ??
        fail(ctx, `unknown label level "${clip(v.trim())}" (expected ${LABEL_WORDS.join(', ')})`)
      );
    }),
    label_year: cell.transform((v, ctx) => {
      const text = v.trim();
      if (text === '') return null;
      if (!/^\d{4}$/.test(text)) return fail(ctx, `"${clip(text)}" is not a four-digit year`);
      const year = Number(text);
      if (year > thisYear) return fail(ctx, `${year} is in the future`);
      if (year < FIRST_LABEL_YEAR)
        return fail(ctx, `${year} is before the first labels (${FIRST_LABEL_YEAR})`);
      return year;
    }),
    label_valid_until: cell.transform((v, ctx) => {
      const text = v.trim();
      if (text === '') return null;
      return isValidPartialDate(text)
        ? text
        : fail(ctx, `"${clip(text)}" is not a date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    }),
    eccp_member: cell.transform((v, ctx) => {
      const text = v.trim().toLowerCase();
      if (text === 'yes' || text === 'unknown') return text;
      return fail(ctx, `"${clip(v.trim())}" is not yes or unknown`);
    }),
    eccp_url: optionalUrl,
    website: optionalUrl,
    sectors: textList,
    source_urls: cell.transform((v, ctx) => {
      const urls = v
        .split(LIST_SEPARATOR)
        .map((u) => u.trim())
        .filter((u) => u !== '');
      if (urls.length === 0) return fail(ctx, 'no source: every row needs at least one source URL');
      const bad = urls.find((u) => !isHttpUrl(u));
      return bad === undefined ? urls : fail(ctx, `is not an http(s) URL: "${clip(bad)}"`);
    }),
    notes: cell.transform((v, ctx) => plainText(v, ctx)),
    match: cell.transform((v, ctx) => {
      const text = v.trim().toLowerCase();
      if (text === '') return null;
      return isMatchOverride(text)
        ? text
        : fail(
            ctx,
            `"${clip(v.trim())}" is not a matching rule (expected ${MATCH_OVERRIDES.join(', ')} or blank)`,
          );
    }),
    successor: cell.transform((v, ctx) => {
      const text = v.trim();
      if (text !== '' && !SLUG_PATTERN.test(text)) {
        return fail(ctx, `"${clip(text)}" is not an id (lowercase a-z, 0-9 and single hyphens)`);
      }
      return text || null;
    }),
    successor_year: cell.transform(year),
    successor_kind: cell.transform((v, ctx): SuccessorKind | null => {
      const text = v.trim().toLowerCase();
      if (text === '') return null;
      return (
        SUCCESSOR_KINDS.find((k) => k === text) ??
        fail(ctx, `"${clip(v.trim())}" is not ${SUCCESSOR_KINDS.join(' or ')}`)
      );
    }),
  });
}

export type ValidRow = z.output<ReturnType<typeof rowSchema>>;
