/**
 * JSON feeds (the shapes in docs/contract.md, and JSON Feed 1.0/1.1) to normalized data: news items,
 * calendar events, election results and visitor counts. The shared normalizers are in
 * normalize.ts and dates.ts; the line and column of a syntax error in json-error.ts.
 */
import {
  FeedError,
  FORMAT_LABELS,
  type FeedErrorInfo,
  type CalendarEvent,
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
import { pauseEvery } from '../tasks.js';
import { safeImageUrl, safeUrl } from '../url.js';
import { toEventTime, toIsoDate } from './dates.js';
import {
  asText,
  cleanText,
  counts,
  feedItem,
  hashId,
  htmlContent,
  isObject,
  looksLikeHtml,
  normalizeCandidate,
  ownField,
  toBoolean,
  toCount,
  toFigure,
  toPercent,
  uniqueStrings,
  withOptional,
  type JsonObject,
} from './normalize.js';

// ---------------------------------------------------------------------------------------------
// Items

function attachmentsOf(value: unknown, base: string | undefined): FeedAttachment[] {
  return (Array.isArray(value) ? value : []).filter(isObject).flatMap((entry) => {
    const url = safeUrl(asText(ownField(entry, 'url', 'href')), base);
    return url
      ? withOptional<FeedAttachment>(
          { url },
          {
            type: cleanText(ownField(entry, 'type', 'mime_type', 'mimeType')),
            size: toCount(ownField(entry, 'size', 'size_in_bytes', 'length')) || undefined,
            title: cleanText(ownField(entry, 'title', 'name')),
          },
        )
      : [];
  });
}

function authorOf(object: JsonObject): string | undefined {
  const author = ownField(object, 'author');
  if (isObject(author)) return cleanText(ownField(author, 'name'));
  const authors = ownField(object, 'authors');
  if (Array.isArray(authors) && isObject(authors[0]))
    return cleanText(ownField(authors[0], 'name'));
  return cleanText(author);
}

function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** One item of a JSON or JSON Feed `items` array (both field vocabularies are accepted). */
async function normalizeItem(object: JsonObject, base: string | undefined): Promise<FeedItem> {
  const body = asText(ownField(object, 'html', 'content_html'));
  const content = body ? await htmlContent(body, base) : undefined;
  const ect = ownField(object, '_ect');
  return feedItem({
    id: cleanText(ownField(object, 'id', 'guid')),
    title: cleanText(ownField(object, 'title')) ?? '',
    categories: uniqueStrings(
      ['categories', 'category', 'tags'].flatMap((key) => listOf(ownField(object, key))),
    ),
    attachments: attachmentsOf(ownField(object, 'attachments'), base),
    url: safeUrl(asText(ownField(object, 'url', 'link', 'external_url')), base),
    date: toIsoDate(ownField(object, 'date', 'date_published', 'published', 'pubDate')),
    updated: toIsoDate(ownField(object, 'updated', 'date_modified', 'modified')),
    summary:
      cleanText(ownField(object, 'summary')) ??
      cleanText(ownField(object, 'content_text')) ??
      content?.text,
    html: content?.html,
    image:
      safeImageUrl(asText(ownField(object, 'image', 'banner_image', 'thumbnail')), base) ??
      content?.image,
    pinned:
      toBoolean(ownField(object, 'pinned')) ||
      (isObject(ect) && toBoolean(ownField(ect, 'pinned'))) ||
      undefined,
    author: authorOf(object),
  });
}

async function itemsData(
  object: JsonObject,
  items: unknown[],
  base: string | undefined,
): Promise<ItemsData> {
  return withOptional<ItemsData>(
    {
      kind: 'items',
      items: await Promise.all(items.filter(isObject).map((item) => normalizeItem(item, base))),
    },
    {
      title: cleanText(ownField(object, 'title')),
      link: safeUrl(asText(ownField(object, 'home_page_url', 'link', 'url')), base),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Events

/** A VTIMEZONE as iCalendar text, and the most of it kept (a zone's rules are a few lines). */
const VTIMEZONE = /^BEGIN:VTIMEZONE\r?\n[\s\S]*END:VTIMEZONE$/;
const MAX_ZONE_RULES = 20_000;

function normalizeEvent(object: JsonObject, base: string | undefined): CalendarEvent | undefined {
  const rawStart = ownField(object, 'start', 'startDate', 'dtstart');
  const dateOnly = toEventTime(rawStart, true);
  const explicitAllDay = toBoolean(ownField(object, 'allDay', 'all_day'));
  const start = toEventTime(rawStart, explicitAllDay);
  // An event that cannot be placed on the calendar is left out rather than failing the feed.
  if (!start || !dateOnly) return undefined;
  const allDay = explicitAllDay ?? start === dateOnly;
  const title = cleanText(ownField(object, 'title', 'summary')) ?? '';
  const exdates = listOf(ownField(object, 'exdates', 'exdate'))
    .map((value) => toEventTime(value, allDay))
    .filter((value): value is string => !!value);
  // `rrule` is one rule or a list of them; `rrules` the further ones (as the iCalendar parser
  // writes them).
  const [rrule, ...rrules] = [
    ...listOf(ownField(object, 'rrule')),
    ...listOf(ownField(object, 'rrules')),
  ]
    .map((value) => cleanText(value)?.replace(/^RRULE:/i, ''))
    .filter((value): value is string => !!value);
  const rdates = listOf(ownField(object, 'rdates', 'rdate'))
    .map((value) => {
      const [from, to, ...rest] = (asText(value) ?? '').split('/');
      const start = toEventTime(from, allDay);
      const end = to === undefined ? undefined : toEventTime(to, allDay);
      if (!start || rest.length || (to !== undefined && !end)) return undefined;
      return end ? `${start}/${end}` : start;
    })
    .filter((value): value is string => !!value);
  const rules = asText(ownField(object, 'timeZoneRules'))?.trim();
  return withOptional<CalendarEvent>(
    {
      id: cleanText(ownField(object, 'id', 'uid')) ?? hashId(title, start),
      title,
      start,
      allDay,
      categories: uniqueStrings([
        ...listOf(ownField(object, 'categories')),
        ...listOf(ownField(object, 'category')),
      ]),
    },
    {
      end: toEventTime(ownField(object, 'end', 'endDate', 'dtend'), allDay),
      location: cleanText(ownField(object, 'location')),
      description: asText(ownField(object, 'description'))?.trim(),
      url: safeUrl(asText(ownField(object, 'url', 'link')), base),
      timeZone: cleanText(ownField(object, 'timeZone', 'tzid')),
      timeZoneRules:
        rules && VTIMEZONE.test(rules) && rules.length <= MAX_ZONE_RULES ? rules : undefined,
      unknownTimeZone: cleanText(ownField(object, 'unknownTimeZone')),
      rrule,
      rrules: rrules.length ? rrules : undefined,
      rdates: rdates.length ? rdates : undefined,
      exdates: exdates.length ? exdates : undefined,
    },
  );
}

/** Normalized a task's worth at a time: a big calendar has 20,000 events (`LIMITS.events`). */
async function eventsData(
  object: JsonObject,
  events: unknown[],
  base: string | undefined,
): Promise<EventsData> {
  const normalized: CalendarEvent[] = [];
  const pause = pauseEvery();
  for (const entry of events) {
    const event = isObject(entry) ? normalizeEvent(entry, base) : undefined;
    if (event) normalized.push(event);
    await pause();
  }
  return withOptional<EventsData>(
    { kind: 'events', events: normalized },
    { title: cleanText(ownField(object, 'title')) },
  );
}

// ---------------------------------------------------------------------------------------------
// Results

/**
 * Race fields other than candidates (the figures stay undefined when absent or not numbers; an
 * implausible one is a FeedError starting with `where`).
 */
export function raceFigures(object: JsonObject, where = 'JSON'): Omit<Race, 'id' | 'candidates'> {
  return withOptional(
    {},
    {
      name: cleanText(ownField(object, 'name')),
      title: cleanText(ownField(object, 'title')),
      updated: toIsoDate(ownField(object, 'updated')),
      counted: toPercent(ownField(object, 'counted'), 'counted', where),
      official: toBoolean(ownField(object, 'official')),
      ...counts(object, ['eligible', 'turnout', 'invalid', 'noVote'], where),
    },
  );
}

function normalizeRace(object: JsonObject, index: number, label: string): Race {
  const name = cleanText(ownField(object, 'name'));
  const where = `${label}: race ${name ? `"${name}"` : index + 1}`;
  const figures = raceFigures(object, where);
  const id = cleanText(ownField(object, 'id')) ?? figures.name ?? `race-${index + 1}`;
  const candidates = ownField(object, 'candidates');
  if (!Array.isArray(candidates)) {
    throw new FeedError(`${where}: "candidates" is not a list`, {
      code: 'bad-data',
      field: 'candidates',
    });
  }
  return {
    id,
    ...figures,
    candidates: candidates.map((candidate, row) =>
      normalizeCandidate(isObject(candidate) ? candidate : {}, `${where}, candidate ${row + 1}`),
    ),
  };
}

function resultsData(object: JsonObject, races: JsonObject[], label: string): ResultsData {
  return withOptional<ResultsData>(
    { kind: 'results', races: races.map((race, index) => normalizeRace(race, index, label)) },
    {
      title: cleanText(ownField(object, 'title')),
      updated: toIsoDate(ownField(object, 'updated')),
    },
  );
}

// ---------------------------------------------------------------------------------------------
// Counter

function counterData(object: JsonObject): CounterData {
  const online = toFigure(ownField(object, 'online'), 'online', 'JSON');
  if (online === undefined) {
    throw new FeedError(`JSON: "online" is not a number`, {
      code: 'bad-data',
      format: 'json',
      field: 'online',
    });
  }
  return withOptional<CounterData>(
    { kind: 'counter', online },
    counts(object, ['today', 'month', 'total'], 'JSON'),
  );
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

/**
 * "line N, column M: reason" and the line for JSON that JSON.parse refused (json-error.ts,
 * loaded on the first syntax error), else the browser's own message.
 */
async function syntaxError(
  source: string,
  error: unknown,
): Promise<{ text: string; line?: number }> {
  try {
    const located = (await import('./json-error.js')).locateJsonError(source);
    if (located) {
      const { line, column, reason } = located;
      return { text: `line ${line}, column ${column}: ${reason}`, line };
    }
  } catch {
    // Not loaded (offline, say): the browser's message will do.
  }
  const text = error instanceof Error ? error.message : String(error);
  return { text: text.replace(/^JSON\.parse:\s*/, '') };
}

// ---------------------------------------------------------------------------------------------
// Entry

/** JSON Feed by its `version` URL. */
export function isJsonFeed(value: unknown): boolean {
  const version = isObject(value) ? ownField(value, 'version') : undefined;
  return typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(version);
}

/** A bare number, the simplest visitor-count feed (`1234`, `๑,๒๓๔`). */
export const PLAIN_NUMBER = /^\s*[+-]?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*$/;

/**
 * Parses JSON text as a docs/contract.md shape (`items` / bare array, `events`, `candidates`,
 * `races`, `online` / bare number) or as JSON Feed (by its `version`, or when `format` says so).
 */
export async function parseJson(
  source: string,
  format: 'json' | 'jsonfeed' = 'json',
  baseUrl?: string,
): Promise<FeedData> {
  const label = FORMAT_LABELS[format];
  const feedError = (message: string, details: FeedErrorInfo & { cause?: unknown }) =>
    new FeedError(`${label}: ${message}`, { ...details, format });
  if (looksLikeHtml(source)) {
    throw feedError('expected JSON, got an HTML page', { code: 'html-page' });
  }
  if (!source.trim()) throw feedError('the feed is empty', { code: 'empty' });
  if (format === 'json' && PLAIN_NUMBER.test(source)) {
    // A bare number: a counter, through parseJsonValue so that its errors name the format.
    return parseJsonValue(source.trim(), format, baseUrl);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const { text, line } = await syntaxError(source, error);
    throw feedError(text, { code: 'syntax', line, cause: error });
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
  const label = FORMAT_LABELS[format];
  try {
    return await normalizeJson(value, format, baseUrl, label);
  } catch (error) {
    if (error instanceof FeedError) {
      throw new FeedError(error.message, { ...error.details, format });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new FeedError(`${label}: ${message}`, { code: 'unknown', format, cause: error });
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
  if (!isObject(value)) {
    throw new FeedError(`${label}: expected an object or a list`, { code: 'json-shape' });
  }
  const items = ownField(value, 'items');
  if (format === 'jsonfeed' || isJsonFeed(value)) {
    if (!Array.isArray(items)) {
      throw new FeedError(`JSON Feed: "items" is not a list`, { code: 'bad-data', field: 'items' });
    }
    return itemsData(value, items, base);
  }
  if (Array.isArray(items)) return itemsData(value, items, base);
  const events = ownField(value, 'events');
  if (Array.isArray(events)) return eventsData(value, events, base);
  const races = ownField(value, 'races');
  if (Array.isArray(races)) {
    return resultsData(
      value,
      races.map((race) => (isObject(race) ? race : {})),
      label,
    );
  }
  if (ownField(value, 'candidates') !== undefined) return resultsData(value, [value], label);
  if (ownField(value, 'online') !== undefined) return counterData(value);
  throw new FeedError(
    `${label}: expected "items", "events", "candidates", "races" or "online" in the object`,
    { code: 'json-shape' },
  );
}
