/**
 * Bounds on what one feed may cost the page. Feeds are parsed on the main thread, so a huge or
 * hostile feed is cut down (news items: the first ones are kept) or refused with a message
 * (calendars and results: a partial one would mislead) before it can freeze the page. The
 * numbers are far above any real feed of a provincial office; fetches are capped at 10 MB.
 */
import { FeedError, type FeedData, type FeedFormat } from './types.js';

export const LIMITS = {
  /** News items kept (the first ones: feeds list the newest first). */
  items: 200,
  /** Calendar events, and result rows (candidates), beyond which a feed is refused. */
  events: 2_000,
  candidates: 2_000,
  /**
   * Characters of XML, iCalendar or CSV handed to a parser, which reads them in one go: RSS
   * and Atom beyond it lose items from the end, the others are refused. JSON is exempt: its
   * parser is many times faster, and its lists are cut before they are normalized.
   */
  chars: 1_000_000,
};

/** JSON shorter than this cannot hold lists long enough to matter: not parsed twice. */
const SMALL_JSON = 50_000;

/** Real feeds nest five levels deep; JSON nested thousands deep takes parsers seconds. */
export const MAX_JSON_DEPTH = 64;

/** Index of the quote that ends the JSON string starting at `start`, or -1. */
function endOfString(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let slashes = 0;
    while (text.charCodeAt(i - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

/** Whether JSON text nests deeper than MAX_JSON_DEPTH; a long text is scanned over several tasks. */
async function nestsTooDeep(text: string): Promise<boolean> {
  let depth = 0;
  let pause = 1_000_000;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) {
      i = endOfString(text, i);
      // An unterminated string: the JSON parser says so.
      if (i < 0) return false;
    } else if (code === 91 || code === 123) {
      if (++depth > MAX_JSON_DEPTH) return true;
    } else if (code === 93 || code === 125) depth--;
    if (i > pause) {
      pause = i + 1_000_000;
      await nextTask();
    }
  }
  return false;
}

const LABELS: Record<FeedFormat, string> = {
  json: 'JSON',
  jsonfeed: 'JSON Feed',
  rss: 'RSS',
  atom: 'Atom',
  ics: 'iCalendar',
  csv: 'CSV',
};

/** Lets the browser run other tasks (input, rendering) before the next step of a long job. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

let sliceStart = -Infinity;

/**
 * For loops of costly steps (sanitizing many HTML fields): resolves at once while the current
 * slice of work is under `budgetMs`, else after the next task, starting a new slice.
 */
export async function pace(budgetMs = 30): Promise<void> {
  if (performance.now() - sliceStart < budgetMs) return;
  await nextTask();
  sliceStart = performance.now();
}

// Item start tags outside CDATA sections and comments (whose text may look like tags).
const XML_ITEMS = /<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->|<(?:[\w.-]+:)?(?:item|entry)[\s/>]/g;
const XML_ITEM_END = /<\/(?:[\w.-]+:)?(?:item|entry)\s*>/g;

/** RSS or Atom text without the items past `LIMITS.items` or past `LIMITS.chars`. */
function cutXmlItems(text: string): string {
  let count = 0;
  let cut = -1;
  let previous = -1;
  for (const match of text.matchAll(XML_ITEMS)) {
    if (match[0][1] === '!') continue;
    if (++count > LIMITS.items) {
      cut = match.index;
      break;
    }
    // An item that starts within the budget but ends past it goes too (unless it is the first).
    if (match.index > LIMITS.chars) {
      cut = count > 2 ? previous : match.index;
      break;
    }
    previous = match.index;
  }
  if (cut < 0) return text;
  // The items are siblings: drop everything from the first one cut to the end of the last one.
  let end = -1;
  XML_ITEM_END.lastIndex = cut;
  for (let close = XML_ITEM_END.exec(text); close; close = XML_ITEM_END.exec(text)) {
    end = close.index + close[0].length;
  }
  return end < 0 ? text : text.slice(0, cut) + text.slice(end);
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const own = (object: Record<string, unknown>, key: string) =>
  Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;

/**
 * JSON text whose lists are within the limits before the JSON parser normalizes each entry:
 * items cut, too many events or candidates refused. Text that is not JSON is left to the parser.
 */
function cutJson(text: string, format: FeedFormat): string {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    if (text.length <= LIMITS.chars) return text;
    // The JSON parser would walk a huge text again to say where it breaks: the browser's
    // message (with a position in most browsers) has to do.
    const reason = error instanceof Error ? error.message : String(error);
    throw new FeedError(`${LABELS[format]}: ${reason.replace(/^JSON\.parse:\s*/, '')}`, {
      format,
      cause: error,
    });
  }
  const items = Array.isArray(value) ? value : isObject(value) ? own(value, 'items') : undefined;
  if (Array.isArray(items) && items.length > LIMITS.items) {
    const kept = items.slice(0, LIMITS.items);
    return JSON.stringify(Array.isArray(value) ? kept : { ...(value as object), items: kept });
  }
  if (!isObject(value)) return text;
  const events = own(value, 'events');
  if (Array.isArray(events) && events.length > LIMITS.events) {
    throw tooLarge(format, `${events.length.toLocaleString('en')} events`);
  }
  const races = own(value, 'races');
  const rows = (Array.isArray(races) ? races : [value]).reduce<number>((sum, race) => {
    const candidates = isObject(race) ? own(race, 'candidates') : undefined;
    return sum + (Array.isArray(candidates) ? candidates.length : 0);
  }, 0);
  if (rows > LIMITS.candidates) throw tooLarge(format, `${rows.toLocaleString('en')} candidates`);
  return text;
}

/** Records of CSV text that hold something: line ends inside quoted values do not count. */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 34) quoted = !quoted;
    else if (!quoted && (code === 10 || code === 13)) {
      if (filled) records++;
      filled = false;
    } else if (!filled && code > 32 && code !== 44 && code !== 59) filled = true;
  }
  return filled ? records + 1 : records;
}

function tooLarge(format: FeedFormat, what: string): FeedError {
  return new FeedError(`${LABELS[format]}: ${what}, more than this widget shows at once`, {
    format,
  });
}

/**
 * Feed text cut or refused so that parsing it stays short: RSS, Atom and JSON keep their first
 * items; too many events or candidates, and XML, iCalendar or CSV that stays too long, are
 * refused. Runs in a task of its own, so decoding, cutting and parsing a big feed do not add
 * up to one long task.
 */
export async function withinLimits(text: string, format: FeedFormat): Promise<string> {
  await nextTask();
  if (format === 'json' || format === 'jsonfeed') {
    if (await nestsTooDeep(text)) {
      throw new FeedError(`${LABELS[format]}: nested more than ${MAX_JSON_DEPTH} levels deep`, {
        format,
      });
    }
    if (text.length < SMALL_JSON) return text;
    await nextTask();
    const source = cutJson(text, format);
    await nextTask();
    return source;
  }
  const source = format === 'rss' || format === 'atom' ? cutXmlItems(text) : text;
  if (source.length > LIMITS.chars) {
    throw tooLarge(format, `${(source.length / 1e6).toFixed(1)} million characters`);
  }
  if (format === 'ics') {
    const events = source.match(/^BEGIN:VEVENT\b/gim)?.length ?? 0;
    if (events > LIMITS.events) throw tooLarge(format, `${events.toLocaleString('en')} events`);
  }
  if (format === 'csv') {
    // The header row is not a candidate.
    const rows = csvRecords(source) - 1;
    if (rows > LIMITS.candidates) throw tooLarge(format, `${rows.toLocaleString('en')} rows`);
  }
  await nextTask();
  return source;
}

/**
 * Parsed data within the limits: news items beyond `LIMITS.items` are dropped, too many
 * events or result rows refuse the feed (the calendar or table would be silently incomplete).
 */
export function withinDataLimits(data: FeedData, format: FeedFormat): FeedData {
  switch (data.kind) {
    case 'items':
      return data.items.length > LIMITS.items
        ? { ...data, items: data.items.slice(0, LIMITS.items) }
        : data;
    case 'events':
      if (data.events.length > LIMITS.events) {
        throw tooLarge(format, `${data.events.length.toLocaleString('en')} events`);
      }
      return data;
    case 'results': {
      const rows = data.races.reduce((sum, race) => sum + race.candidates.length, 0);
      if (rows > LIMITS.candidates) {
        throw tooLarge(format, `${rows.toLocaleString('en')} candidates`);
      }
      return data;
    }
    case 'counter':
      return data;
  }
}
