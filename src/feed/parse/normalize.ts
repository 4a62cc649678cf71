/**
 * The plain-data normalizers every parser shares: own fields of untrusted objects, numbers
 * ("40,877", Thai digits), booleans, and whether text is an HTML page. Text fields, lists of
 * them and ids are in text.ts, news items in feed-item.ts, election candidates in
 * candidate.ts, dates in dates.ts.
 *
 * Input is untrusted: every field is read as an own property and checked for its type, so odd
 * data (nulls, numbers for strings, `__proto__` keys) gives omitted fields or a FeedError, never
 * a TypeError or a polluted prototype.
 */
import { toAsciiDigits } from '../../format/digits.js';
import { FeedError } from '../types.js';

export type JsonObject = Record<string, unknown>;

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
