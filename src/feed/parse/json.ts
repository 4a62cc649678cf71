/**
 * JSON feeds (the shapes in docs/contract.md, and JSON Feed 1.0/1.1) to normalized data, plus the
 * plain-data normalizers the other parsers share: dates (RFC 822, ISO 8601, Buddhist-era years),
 * numbers ("40,877", Thai digits), ids, pinned categories, race results.
 *
 * Input is untrusted: every field is read as an own property and checked for its type, so odd
 * JSON (nulls, numbers for strings, `__proto__` keys) gives omitted fields or a FeedError, never
 * a TypeError or a polluted prototype.
 */
import {
  FeedError,
  type CalendarEvent,
  type Candidate,
  type CounterData,
  type EventsData,
  type FeedAttachment,
  type FeedData,
  type FeedItem,
  type ItemsData,
  type Race,
  type ResultsData,
} from '../types.js';
import { LIMITS } from '../limits.js';
import { safeColor, safeImageUrl, safeUrl } from '../url.js';

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
export function field(object: JsonObject, ...keys: string[]): unknown {
  for (const key of keys) {
    if (Object.prototype.hasOwnProperty.call(object, key) && object[key] != null)
      return object[key];
  }
  return undefined;
}

/** A string from a string, finite number or boolean; anything else is `undefined`. */
export function text(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean' || Number.isFinite(value)) return String(value);
  return undefined;
}

/** Collapsed text, or `undefined` when empty. */
export function cleanText(value: unknown): string | undefined {
  const raw = text(value);
  return (raw && collapseWhitespace(raw)) || undefined;
}

/**
 * `target` with each of `values` that is neither undefined nor empty text set on it: optional
 * fields are left out rather than empty.
 */
export function present<T extends object>(target: T, values: Partial<T>): T {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined && value !== '') (target as Record<string, unknown>)[key] = value;
  }
  return target;
}

/** The counts among `keys` of an object (undefined where absent or not a count). */
function counts<K extends string>(object: JsonObject, keys: K[]): Record<K, number | undefined> {
  return Object.fromEntries(keys.map((key) => [key, toCount(field(object, key))])) as Record<
    K,
    number | undefined
  >;
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

const THAI_DIGITS = /[๐-๙]/g;

function asciiDigits(value: string): string {
  return value.replace(THAI_DIGITS, (digit) => String(digit.charCodeAt(0) - 0x0e50));
}

/** A finite number from a number or a string such as "40,877", "๑๒๓", "52.3%"; else undefined. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value !== 'string') return undefined;
  const compact = asciiDigits(value)
    .replace(/[\s,\u00a0]/g, '')
    .replace(/%$/, '');
  return /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i.test(compact) ? Number(compact) : undefined;
}

/** A whole number (925349.0 → 925349); undefined when not a number. */
export function toInteger(value: unknown): number | undefined {
  const number = toNumber(value);
  return number === undefined ? undefined : Math.round(number);
}

function toCount(value: unknown): number | undefined {
  const number = toInteger(value);
  return number !== undefined && number >= 0 ? number : undefined;
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
// Dates

/** Offset of times that carry none: Thai feeds mean Thai time. */
export const FLOATING_OFFSET = '+07:00';

/** Buddhist-era years (2565) are Gregorian + 543; no feed dates anything before 1857. */
export function gregorianYear(year: number): number {
  return year >= 2400 ? year - 543 : year;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

interface DateParts {
  date: string;
  /** `HH:MM:SS`, absent for a date-only value. */
  time?: string;
  /** `Z` or `±HH:MM`; absent for floating times. */
  offset?: string;
}

const ISO_DATE =
  /^([0-9๐-๙]{4})-?([0-9๐-๙]{2})-?([0-9๐-๙]{2})(?:[T\s]+(\d{2}):?(\d{2})(?::?(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;
/** RFC 822 dates as RSS has them (`Thu, 16 Jun 2022 09:30:00 +0700`), leniently. */
const RFC822 =
  /^(?:[a-z]+\.?,?\s*)?(\d{1,2})[\s-]+([a-z]{3})[a-z]*\.?[\s-]+(\d{2,4})\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(.*)$/i;
const MONTHS = 'janfebmaraprmayjunjulaugsepoctnovdec';
const ZONES: Record<string, string> = {
  GMT: 'Z',
  UT: 'Z',
  UTC: 'Z',
  Z: 'Z',
  EST: '-05:00',
  EDT: '-04:00',
  CST: '-06:00',
  CDT: '-05:00',
  MST: '-07:00',
  MDT: '-06:00',
  PST: '-08:00',
  PDT: '-07:00',
  ICT: '+07:00',
};

/** ISO 8601 or RFC 822 text as its date, time and offset; undefined unless it is all valid. */
function dateParts(value: unknown): DateParts | undefined {
  const raw = text(value)?.trim();
  if (!raw) return undefined;
  let y: string, mo: string, d: string, h: string | undefined, mi: string, s: string | undefined;
  let zone: string | undefined;
  const iso = ISO_DATE.exec(asciiDigits(raw));
  const rfc = iso ? undefined : RFC822.exec(raw);
  if (iso) [, y, mo, d, h, mi, s, zone] = iso;
  else if (rfc) {
    [, d, mo, y, h, mi, s, zone] = rfc;
    const index = MONTHS.indexOf(mo.toLowerCase());
    mo = index % 3 ? '' : String(index / 3 + 1);
    zone = zone.trim().replace(/^(?:GMT|UTC)(?=[+-])/i, '');
  } else return undefined;
  let year = Number(y);
  if (y.length === 2) year += year < 50 ? 2000 : 1900;
  year = gregorianYear(year);
  const date = new Date(Date.UTC(2000, Number(mo) - 1, Number(d)));
  date.setUTCFullYear(year);
  // No 31 June.
  if (date.getUTCMonth() !== Number(mo) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  const day = `${pad(year, 4)}-${pad(Number(mo))}-${pad(Number(d))}`;
  if (h === undefined) return { date: day };
  if (Number(h) > 23 || Number(mi) > 59 || Number(s ?? 0) > 60) return undefined;
  // `+07:00` from `+0700`, `+07`, `+07:00`, a zone name, or `Z`.
  const parts = /^([+-])(\d{2}):?(\d{2})?$/.exec(zone ?? '');
  const offset =
    ZONES[zone?.toUpperCase() ?? ''] ??
    (parts && Number(parts[2]) < 24 && Number(parts[3] ?? 0) < 60
      ? `${parts[1]}${parts[2]}:${parts[3] ?? '00'}`
      : undefined);
  if (zone && !offset) return undefined;
  return { date: day, time: `${pad(Number(h))}:${mi}:${s ?? '00'}`, offset };
}

/** Milliseconds since the epoch of date parts (floating and date-only as Thai time). */
function epoch(parts: DateParts): number {
  const offset = parts.offset ?? FLOATING_OFFSET;
  return Date.parse(`${parts.date}T${parts.time ?? '00:00:00'}${offset}`);
}

/**
 * An instant from RFC 822 or ISO 8601 text (Buddhist-era years converted), as `toISOString()`;
 * times without an offset are Thai time. Invalid or missing dates give `undefined`.
 */
export function toIsoDate(value: unknown): string | undefined {
  const parts = dateParts(value);
  if (!parts) return undefined;
  const ms = epoch(parts);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/**
 * A calendar time: `YYYY-MM-DD` for dates, else `YYYY-MM-DDTHH:MM:SS` with its own offset
 * (`Z` kept, floating times get +07:00). `allDay` cuts a date-time to its date.
 */
export function toEventTime(value: unknown, allDay?: boolean): string | undefined {
  const parts = dateParts(value);
  if (!parts) return undefined;
  if (allDay || !parts.time) return parts.date;
  if (Number.isNaN(epoch(parts))) return undefined;
  return `${parts.date}T${parts.time}${parts.offset ?? FLOATING_OFFSET}`;
}

// ---------------------------------------------------------------------------------------------
// Items

function attachmentsOf(value: unknown, base: string | undefined): FeedAttachment[] {
  return (Array.isArray(value) ? value : []).filter(isObject).flatMap((entry) => {
    const url = safeUrl(text(field(entry, 'url', 'href')), base);
    return url
      ? present<FeedAttachment>(
          { url },
          {
            type: cleanText(field(entry, 'type', 'mime_type', 'mimeType')),
            size: toCount(field(entry, 'size', 'size_in_bytes', 'length')) || undefined,
            title: cleanText(field(entry, 'title', 'name')),
          },
        )
      : [];
  });
}

function authorOf(object: JsonObject): string | undefined {
  const author = field(object, 'author');
  if (isObject(author)) return cleanText(field(author, 'name'));
  const authors = field(object, 'authors');
  if (Array.isArray(authors) && isObject(authors[0])) return cleanText(field(authors[0], 'name'));
  return cleanText(author);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/**
 * A FeedItem from its fields (RSS, Atom and JSON alike): without an id, the link or a hash of title
 * and date; pinned when flagged or in a pinned category; empty fields left out.
 */
export function feedItem(fields: Omit<FeedItem, 'id'> & { id?: string }): FeedItem {
  const { id, title, categories, attachments, url, date, updated, summary, html, image } = fields;
  return present<FeedItem>(
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

/** One item of a JSON or JSON Feed `items` array (both field vocabularies are accepted). */
async function normalizeItem(object: JsonObject, base: string | undefined): Promise<FeedItem> {
  const body = text(field(object, 'html', 'content_html'));
  const content = body ? await htmlContent(body, base) : undefined;
  const ect = field(object, '_ect');
  return feedItem({
    id: cleanText(field(object, 'id', 'guid')),
    title: cleanText(field(object, 'title')) ?? '',
    categories: uniqueStrings(
      ['categories', 'category', 'tags'].flatMap((key) => listOf(field(object, key))),
    ),
    attachments: attachmentsOf(field(object, 'attachments'), base),
    url: safeUrl(text(field(object, 'url', 'link', 'external_url')), base),
    date: toIsoDate(field(object, 'date', 'date_published', 'published', 'pubDate')),
    updated: toIsoDate(field(object, 'updated', 'date_modified', 'modified')),
    summary:
      cleanText(field(object, 'summary')) ??
      cleanText(field(object, 'content_text')) ??
      content?.text,
    html: content?.html,
    image:
      safeImageUrl(text(field(object, 'image', 'banner_image', 'thumbnail')), base) ??
      content?.image,
    pinned:
      toBoolean(field(object, 'pinned')) ||
      (isObject(ect) && toBoolean(field(ect, 'pinned'))) ||
      undefined,
    author: authorOf(object),
  });
}

async function itemsData(
  object: JsonObject,
  items: unknown[],
  base: string | undefined,
): Promise<ItemsData> {
  return present<ItemsData>(
    {
      kind: 'items',
      items: await Promise.all(items.filter(isObject).map((item) => normalizeItem(item, base))),
    },
    {
      title: cleanText(field(object, 'title')),
      link: safeUrl(text(field(object, 'home_page_url', 'link', 'url')), base),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Events

function normalizeEvent(object: JsonObject, base: string | undefined): CalendarEvent | undefined {
  const rawStart = field(object, 'start', 'startDate', 'dtstart');
  const dateOnly = toEventTime(rawStart, true);
  const explicitAllDay = toBoolean(field(object, 'allDay', 'all_day'));
  const start = toEventTime(rawStart, explicitAllDay);
  // An event that cannot be placed on the calendar is left out rather than failing the feed.
  if (!start || !dateOnly) return undefined;
  const allDay = explicitAllDay ?? start === dateOnly;
  const title = cleanText(field(object, 'title', 'summary')) ?? '';
  const exdates = listOf(field(object, 'exdates', 'exdate'))
    .map((value) => toEventTime(value, allDay))
    .filter((value): value is string => !!value);
  return present<CalendarEvent>(
    {
      id: cleanText(field(object, 'id', 'uid')) ?? hashId(title, start),
      title,
      start,
      allDay,
      categories: uniqueStrings([
        ...listOf(field(object, 'categories')),
        ...listOf(field(object, 'category')),
      ]),
    },
    {
      end: toEventTime(field(object, 'end', 'endDate', 'dtend'), allDay),
      location: cleanText(field(object, 'location')),
      description: text(field(object, 'description'))?.trim(),
      url: safeUrl(text(field(object, 'url', 'link')), base),
      timeZone: cleanText(field(object, 'timeZone', 'tzid')),
      rrule: cleanText(field(object, 'rrule'))?.replace(/^RRULE:/i, ''),
      exdates: exdates.length ? exdates : undefined,
    },
  );
}

function eventsData(object: JsonObject, events: unknown[], base: string | undefined): EventsData {
  return present<EventsData>(
    {
      kind: 'events',
      events: events
        .filter(isObject)
        .map((event) => normalizeEvent(event, base))
        .filter((event): event is CalendarEvent => !!event),
    },
    { title: cleanText(field(object, 'title')) },
  );
}

// ---------------------------------------------------------------------------------------------
// Results

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
  const votes = toCount(input.votes);
  if (votes === undefined) {
    const shown = text(input.votes);
    throw new FeedError(
      shown === undefined || shown.trim() === ''
        ? `${where}: votes is missing`
        : `${where}: votes "${shown}" is not a number`,
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
    const share = toNumber(input.share);
    if (share! >= 0) candidate.share = share;
  }
  return candidate;
}

/** Race fields other than candidates (the figures stay undefined when absent or not numbers). */
export function raceFigures(object: JsonObject): Omit<Race, 'id' | 'candidates'> {
  const counted = toNumber(field(object, 'counted'));
  return present(
    {},
    {
      name: cleanText(field(object, 'name')),
      title: cleanText(field(object, 'title')),
      updated: toIsoDate(field(object, 'updated')),
      counted: counted! >= 0 ? counted : undefined,
      official: toBoolean(field(object, 'official')),
      ...counts(object, ['eligible', 'turnout', 'invalid', 'noVote']),
    },
  );
}

function normalizeRace(object: JsonObject, index: number, label: string): Race {
  const figures = raceFigures(object);
  const id = cleanText(field(object, 'id')) ?? figures.name ?? `race-${index + 1}`;
  const candidates = field(object, 'candidates');
  const where = `${label}: race ${figures.name ? `"${figures.name}"` : index + 1}`;
  if (!Array.isArray(candidates)) throw new FeedError(`${where}: "candidates" is not a list`);
  return {
    id,
    ...figures,
    candidates: candidates.map((candidate, row) =>
      normalizeCandidate(isObject(candidate) ? candidate : {}, `${where}, candidate ${row + 1}`),
    ),
  };
}

function resultsData(object: JsonObject, races: JsonObject[], label: string): ResultsData {
  return present<ResultsData>(
    { kind: 'results', races: races.map((race, index) => normalizeRace(race, index, label)) },
    { title: cleanText(field(object, 'title')), updated: toIsoDate(field(object, 'updated')) },
  );
}

// ---------------------------------------------------------------------------------------------
// Counter

function counterData(object: JsonObject): CounterData {
  const online = toCount(field(object, 'online'));
  if (online === undefined) {
    throw new FeedError(`JSON: "online" is not a number`, { format: 'json' });
  }
  return present<CounterData>(
    { kind: 'counter', online },
    counts(object, ['today', 'month', 'total']),
  );
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

/**
 * "line N, column M: reason" for JSON that JSON.parse refused (json-error.ts, loaded on the
 * first syntax error), else the browser's own message.
 */
async function syntaxMessage(source: string, error: unknown): Promise<string> {
  try {
    const located = (await import('./json-error.js')).locateJsonError(source);
    if (located) return located;
  } catch {
    // Not loaded (offline, say): the browser's message will do.
  }
  return (error instanceof Error ? error.message : String(error)).replace(/^JSON\.parse:\s*/, '');
}

// ---------------------------------------------------------------------------------------------
// Entry

export function looksLikeHtml(source: string): boolean {
  return /^\s*(?:<\?[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html[\s>]|head[\s>]|body[\s>])/i.test(
    source,
  );
}

/** JSON Feed by its `version` URL. */
export function isJsonFeed(value: unknown): boolean {
  const version = isObject(value) ? field(value, 'version') : undefined;
  return typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(version);
}

const PLAIN_NUMBER = /^\s*[+-]?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*$/;

/**
 * Parses JSON text as a docs/contract.md shape (`items` / bare array, `events`, `candidates`,
 * `races`, `online` / bare number) or as JSON Feed (by its `version`, or when `format` says so).
 */
export async function parseJson(
  source: string,
  format: 'json' | 'jsonfeed' = 'json',
  baseUrl?: string,
): Promise<FeedData> {
  const label = format === 'jsonfeed' ? 'JSON Feed' : 'JSON';
  const feedError = (message: string, cause?: unknown) =>
    new FeedError(`${label}: ${message}`, { format, cause });
  if (looksLikeHtml(source)) throw feedError('expected JSON, got an HTML page');
  if (!source.trim()) throw feedError('the feed is empty');
  if (format === 'json' && PLAIN_NUMBER.test(source)) {
    return counterData({ online: source.trim() });
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    throw feedError(await syntaxMessage(source, error), error);
  }
  return parseJsonValue(value, format, baseUrl);
}

/**
 * Data set from script (an element's `data` property) that is plain JSON data already:
 * objects with no prototype but Object's, arrays, strings, finite numbers, booleans and null,
 * nested at most `LIMITS.depth` deep, with at most `PLAIN_NODES` values in all and no list of
 * news items longer than `LIMITS.items`. Such data is normalized as it is, which spares
 * serializing and parsing it again (thousands of result rows); anything else takes the JSON
 * text path (and its limits) after `JSON.stringify`. Normalizing never changes its input and
 * keeps none of its objects.
 */
export function isPlainJsonData(value: unknown): boolean {
  let nodes = 0;
  const plain = (node: unknown, depth: number, items: boolean): boolean => {
    if (++nodes > PLAIN_NODES) return false;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return true;
    if (typeof node === 'number') return Number.isFinite(node);
    if (typeof node !== 'object' || depth >= LIMITS.depth) return false;
    if (Array.isArray(node)) {
      if (items && node.length > LIMITS.items) return false;
      for (let i = 0; i < node.length; i++) if (!plain(node[i], depth + 1, false)) return false;
      return true;
    }
    const prototype = Object.getPrototypeOf(node) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return false;
    if ('toJSON' in node) return false;
    for (const key of Object.keys(node)) {
      const child = (node as JsonObject)[key];
      if (child !== undefined && !plain(child, depth + 1, depth === 0 && key === 'items')) {
        return false;
      }
    }
    return true;
  };
  return plain(value, 0, true);
}

/** Values (objects, arrays and scalars) plain data may have for the direct path. */
const PLAIN_NODES = 200_000;

/**
 * Parsed JSON, or plain data set from script (see isPlainJsonData), normalized as a JSON feed;
 * every failure is a FeedError of the format.
 */
export async function parseJsonValue(
  value: unknown,
  format: 'json' | 'jsonfeed' = 'json',
  baseUrl?: string,
): Promise<FeedData> {
  const label = format === 'jsonfeed' ? 'JSON Feed' : 'JSON';
  try {
    return await normalizeJson(value, format, baseUrl, label);
  } catch (error) {
    if (error instanceof FeedError) {
      throw new FeedError(error.message, { ...error.details, format });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new FeedError(`${label}: ${message}`, { format, cause: error });
  }
}

async function normalizeJson(
  value: unknown,
  format: 'json' | 'jsonfeed',
  base: string | undefined,
  label: string,
): Promise<FeedData> {
  if (Array.isArray(value)) return itemsData({}, value, base);
  if (typeof value === 'number' || typeof value === 'string') return counterData({ online: value });
  if (!isObject(value)) throw new FeedError(`${label}: expected an object or a list`);
  const items = field(value, 'items');
  if (format === 'jsonfeed' || isJsonFeed(value)) {
    if (!Array.isArray(items)) throw new FeedError(`JSON Feed: "items" is not a list`);
    return itemsData(value, items, base);
  }
  if (Array.isArray(items)) return itemsData(value, items, base);
  const events = field(value, 'events');
  if (Array.isArray(events)) return eventsData(value, events, base);
  const races = field(value, 'races');
  if (Array.isArray(races)) {
    return resultsData(
      value,
      races.map((race) => (isObject(race) ? race : {})),
      label,
    );
  }
  if (field(value, 'candidates') !== undefined) return resultsData(value, [value], label);
  if (field(value, 'online') !== undefined) return counterData(value);
  throw new FeedError(
    `${label}: expected "items", "events", "candidates", "races" or "online" in the object`,
  );
}
