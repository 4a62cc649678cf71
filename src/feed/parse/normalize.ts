/**
 * The plain-data normalizers every parser shares: text (whitespace, markup, HTML fields), own
 * fields of untrusted objects, numbers ("40,877", Thai digits), booleans, ids, pinned
 * categories, news items and election candidates. Dates are in dates.ts.
 *
 * Input is untrusted: every field is read as an own property and checked for its type, so odd
 * data (nulls, numbers for strings, `__proto__` keys) gives omitted fields or a FeedError, never
 * a TypeError or a polluted prototype.
 */
import { toAsciiDigits } from '../../format/digits.js';
import { FeedError, type Candidate, type FeedItem } from '../types.js';
import { safeColor } from '../url.js';

export type JsonObject = Record<string, unknown>;

/** Collapses runs of whitespace (including no-break spaces) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  // Most feed text has nothing to collapse: testing first spares a copy of every string.
  return (COLLAPSIBLE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Whitespace other than a single space, or two spaces in a row. */
const COLLAPSIBLE = /[^\S ]| {2}/;

/** Markup or an entity reference: only then is the sanitizer (and DOMPurify) worth loading. */
export function hasMarkup(text: string): boolean {
  return /<[a-z!/]|&[#a-z0-9]+;/i.test(text);
}

let sanitizer: Promise<typeof import('../sanitize.js')> | undefined;

/**
 * A feed's HTML-or-text field: plain text is only whitespace-collapsed; text with markup or
 * entity references is sanitized (sanitize.ts, loaded on first use).
 */
export async function htmlContent(
  value: string,
  baseUrl?: string,
): Promise<{ html?: string; text: string; image?: string }> {
  if (!hasMarkup(value)) return { text: collapseWhitespace(value) };
  if (!sanitizer) {
    sanitizer = import('../sanitize.js');
    // A failed load (offline, a deploy in between) is tried again next time, not cached.
    sanitizer.catch(() => (sanitizer = undefined));
  }
  return (await sanitizer).sanitizeHtml(value, baseUrl);
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An own property only: `toString`, `constructor` and friends are never read from a prototype. */
export function ownField(object: JsonObject, ...keys: string[]): unknown {
  for (const key of keys) {
    if (Object.prototype.hasOwnProperty.call(object, key) && object[key] != null)
      return object[key];
  }
  return undefined;
}

/** A string from a string, finite number or boolean; anything else is `undefined`. */
export function asText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || Number.isFinite(value)) return String(value);
  return undefined;
}

/** Collapsed text, or `undefined` when empty. */
export function cleanText(value: unknown): string | undefined {
  const raw = asText(value);
  return (raw && collapseWhitespace(raw)) || undefined;
}

/**
 * `target` with each of `values` that is neither undefined nor empty text set on it: optional
 * fields are left out rather than empty.
 */
export function withOptional<T extends object>(target: T, values: Partial<T>): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/**
 * The figures among `keys` of an object (undefined where absent or not a count; a FeedError for
 * one past `MAX_FIGURE`, see toFigure); `where` starts the message ("JSON: race 2").
 */
export function counts<K extends string>(
  object: JsonObject,
  keys: K[],
  where = 'JSON',
): Record<K, number | undefined> {
  return Object.fromEntries(
    keys.map((key) => [key, toFigure(ownField(object, key), key, where)]),
  ) as Record<K, number | undefined>;
}

/** Distinct non-empty strings, in order. */
export function uniqueStrings(values: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const clean = cleanText(value);
    if (clean) out.add(clean);
  }
  return [...out];
}

const PINNED = new Set(['pinned', 'urgent', 'ด่วน']);

/** A category that marks an item as pinned or urgent. */
export function isPinnedCategory(category: string): boolean {
  return PINNED.has(category.trim().toLowerCase());
}

/** A short stable id from text (53-bit cyrb53 hash), for items without guid, id or link. */
export function hashId(...parts: (string | undefined)[]): string {
  const input = parts.map((part) => part ?? '').join('\u0000');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `h${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

// ---------------------------------------------------------------------------------------------
// Numbers

/** `-0` as `0`: a figure never reads "-0". */
const unsigned = (n: number) => (n === 0 ? 0 : n);

/**
 * A finite number from a number or a string such as "40,877", "๑๒๓", "52.3%"; else undefined.
 * `-0` is `0`.
 */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? unsigned(value) : undefined;
  if (typeof value !== 'string') return undefined;
  const compact = toAsciiDigits(value)
    .replace(/[\s,\u00a0]/g, '')
    .replace(/%$/, '');
  if (!/^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(compact)) return undefined;
  const number = Number(compact);
  return Number.isFinite(number) ? unsigned(number) : undefined;
}

/** A whole number (925349.0 → 925349, -0.4 → 0); undefined when not a number. */
export function toInteger(value: unknown): number | undefined {
  const number = toNumber(value);
  return number === undefined ? undefined : unsigned(Math.round(number));
}

/** A whole number from 0 up; undefined when not one (a byte size, say: no upper bound but safety). */
export function toCount(value: unknown): number | undefined {
  const number = toInteger(value);
  return number !== undefined && number >= 0 && Number.isSafeInteger(number) ? number : undefined;
}

/**
 * The largest figure of people or ballots a feed may give (votes, voters, visits): ten billion,
 * more than there are people. Sums of the 10,000 rows a feed may have stay exact integers.
 */
export const MAX_FIGURE = 10_000_000_000;

/**
 * A figure of people or ballots (votes, eligible voters, turnout, visits): a count from 0 to
 * `MAX_FIGURE`, undefined when absent or not a count. A larger one is a broken feed, not a
 * result, and showing 309 digits or a `NaN` share would mislead: a FeedError says so, starting
 * with `where` ("JSON: race 2, candidate 3").
 */
export function toFigure(value: unknown, name: string, where: string): number | undefined {
  const number = toNumber(value);
  if (number !== undefined && Math.abs(number) > MAX_FIGURE) {
    throw new FeedError(
      `${where}: ${name} ${asText(value)} is not a plausible figure (more than ${MAX_FIGURE.toLocaleString('en')})`,
      { code: 'bad-data', field: name },
    );
  }
  return toCount(number);
}

/**
 * A percentage (a counted or vote share): a number from 0 to 100, undefined when absent or
 * not a number; a FeedError past 100, which no share can be.
 */
export function toPercent(value: unknown, name: string, where: string): number | undefined {
  const number = toNumber(value);
  if (number === undefined || number < 0) return undefined;
  if (number > 100) {
    throw new FeedError(`${where}: ${name} ${asText(value)} is more than 100%`, {
      code: 'bad-data',
      field: name,
    });
  }
  return number;
}

export function toBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  if (/^(?:true|yes|y|1|x|✓|✔|ใช่|ได้รับเลือก(?:ตั้ง)?)$/.test(word)) return true;
  if (/^(?:false|no|n|0|ไม่(?:ใช่|ได้รับเลือก)?)$/.test(word)) return false;
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Items and candidates

/**
 * A FeedItem from its fields (RSS, Atom and JSON alike): without an id, the link or a hash of title
 * and date; pinned when flagged or in a pinned category; empty fields left out.
 */
export function feedItem(fields: Omit<FeedItem, 'id'> & { id?: string }): FeedItem {
  const { id, title, categories, attachments, url, date, updated, summary, html, image } = fields;
  return withOptional<FeedItem>(
    { id: id || url || hashId(title, date), title, categories, attachments },
    {
      url,
      date,
      updated,
      summary,
      html,
      image,
      pinned: fields.pinned || categories.some(isPinnedCategory) || undefined,
      author: fields.author,
    },
  );
}

/** Raw candidate fields, from a JSON object or a CSV row. */
export interface CandidateInput {
  number?: unknown;
  name?: unknown;
  party?: unknown;
  color?: unknown;
  votes?: unknown;
  elected?: unknown;
  share?: unknown;
}

/**
 * A candidate; `where` locates it for the error message ("JSON: race "เขต 1", candidate 3" or
 * "CSV: line 4"). Votes are required: without a number the results would be wrong.
 */
export function normalizeCandidate(input: CandidateInput, where: string): Candidate {
  const votes = toFigure(input.votes, 'votes', where);
  if (votes === undefined) {
    const shown = asText(input.votes);
    throw new FeedError(
      shown === undefined || shown.trim() === ''
        ? `${where}: votes is missing`
        : `${where}: votes "${shown}" is not a number`,
      { code: 'bad-data', field: 'votes' },
    );
  }
  // Results pages list thousands of candidates: plain field checks, no intermediate objects.
  let number: number | string;
  if (Number.isInteger(input.number)) number = input.number as number;
  else {
    const numberText = cleanText(input.number);
    const parsed = toNumber(numberText);
    number = parsed !== undefined && Number.isInteger(parsed) ? parsed : (numberText ?? '');
  }
  const candidate: Candidate = { number, name: cleanText(input.name) ?? '', votes };
  const party = cleanText(input.party);
  if (party) candidate.party = party;
  const color = input.color === undefined ? undefined : safeColor(input.color);
  if (color) candidate.color = color;
  const elected = toBoolean(input.elected);
  if (elected !== undefined) candidate.elected = elected;
  if (input.share !== undefined) {
    const share = toPercent(input.share, 'share', where);
    if (share !== undefined) candidate.share = share;
  }
  return candidate;
}

const SPACES = /\s*/y;
const HTML_START = /<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/iy;

/**
 * An HTML page where a feed was expected (an error page, a login wall): its first tag, after an
 * XML declaration and comments, is a doctype, `html`, `head` or `body`. Walked with `indexOf`
 * from comment to comment, so a text of unclosed or countless comments costs one pass.
 */
export function looksLikeHtml(source: string): boolean {
  const spaces = (from: number) => {
    SPACES.lastIndex = from;
    SPACES.test(source);
    return SPACES.lastIndex;
  };
  let at = spaces(0);
  if (source.startsWith('<?', at)) {
    const end = source.indexOf('>', at);
    if (end < 0) return false;
    at = spaces(end + 1);
  }
  while (source.startsWith('<!--', at)) {
    const end = source.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = spaces(end + 3);
  }
  HTML_START.lastIndex = at;
  return HTML_START.test(source);
}
