/**
 * Bounds on what one feed may cost the page. Feeds are parsed on the main thread, by parsers
 * that read a whole text in one go (DOMParser, JSON.parse, ical.js, papaparse). So the text is
 * first walked in slices, a task each, and cut down (news items: the first ones are kept) or
 * refused with a message (results: a partial one would mislead, and text too long to parse in
 * short tasks) before a parser sees it; a calendar with more events than it keeps is trimmed
 * after parsing, and says so. The numbers are far above any real feed of a provincial office;
 * fetches are capped at 10 MB.
 */
import { nextTask } from './tasks.js';
import { FeedError, FORMAT_LABELS, type FeedData, type FeedFormat } from './types.js';

export const LIMITS = {
  /** News items kept (the first ones: feeds list the newest first). */
  items: 200,
  /**
   * Calendar events kept (a busy office has a few hundred a year, 3,000 in five years). Past it
   * a feed is trimmed, not refused: its repeating events and the events nearest to now stay
   * (`EventsData.trimmed` says so).
   */
  events: 20_000,
  /**
   * Result rows (candidates) beyond which a feed is refused: a national general election has
   * about 5,000 constituency candidates (400 constituencies) on one results page.
   */
  candidates: 10_000,
  /**
   * Characters of news (RSS, Atom, JSON items) a parser gets: items past it are dropped.
   * DOMParser reads XML in one task, about 40 ms per 200,000 characters here.
   */
  chars: 200_000,
  /**
   * Characters of any other feed a parser gets, beyond which it is refused: room for 10,000
   * result rows. JSON and CSV parse that in a few milliseconds.
   */
  dataChars: 1_000_000,
  /**
   * Characters of an ECT election report file (`format="ect-report"`): the national
   * `stats_cons.json` is about 2.9 million, normal input for that format. It is never parsed
   * whole in one task: parse/ect-report.ts walks it in slices and parses one province.
   */
  reportChars: 8_000_000,
  /**
   * Characters of an events feed (iCalendar, JSON with `events`) a parser gets, beyond which it
   * is refused: a 5 MB file of 20,000 events. Both are read a slice of events per task (see
   * parse/ics.ts, parse/json-events.ts).
   */
  eventsChars: 6_000_000,
  /** JSON nesting (real feeds nest five deep; thousands of levels take parsers seconds). */
  depth: 64,
};

/** Characters (or bytes) handled per task when walking or decoding a long feed. */
export const SLICE = 1 << 18;

function refuse(format: FeedFormat, what: string): FeedError {
  return new FeedError(`${FORMAT_LABELS[format]}: ${what}, more than this widget shows at once`, {
    code: 'too-many',
    format,
  });
}

const count = (n: number) => n.toLocaleString('en');

/** Where to cut a list of entries: before entry `LIMITS.items + 1`, or before the one that ends past `LIMITS.chars`. */
export class ListCut {
  private entries = 0;
  private previous = -1;
  /** Offset where the dropped entries begin, once known. */
  start = -1;

  /** Entry starting at `offset`, with `before` the offset where the one before it ended. */
  add(offset: number, before: number): void {
    if (this.start >= 0) return;
    this.entries++;
    if (this.entries > LIMITS.items) this.start = before;
    else if (offset > LIMITS.chars && this.entries > 1) {
      // The entry before started within the budget but ends past it: it goes too, unless first.
      this.start = this.entries > 2 ? this.previous : before;
    }
    this.previous = before;
  }
}

// Character codes the JSON and CSV walks look at (charCodeAt spares a string per character).
const TAB = 0x09;
const LINE_FEED = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const COMMA = 0x2c;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const OPEN_BRACKET = 0x5b;
const BACKSLASH = 0x5c;
const CLOSE_BRACKET = 0x5d;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;

/** Index of the quote that ends the JSON string starting at `start`, or -1. */
export function endOfString(text: string, start: number): number {
  for (let i = text.indexOf('"', start + 1); i >= 0; i = text.indexOf('"', i + 1)) {
    let slashes = 0;
    while (text.charCodeAt(i - 1 - slashes) === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return i;
  }
  return -1;
}

interface Frame {
  array: boolean;
  /** Name of the property holding this array or object (`items`, `events`…). */
  key?: string;
  /** Arrays: the next character that is not a space starts an entry. Objects: a key. */
  expecting: boolean;
  /** Offset just past the last entry's end (the `[` or the `,` after it). */
  after: number;
  cut?: ListCut;
}

/**
 * JSON text within the limits, walked once without parsing (a task per `SLICE` characters):
 * too deep, or too many candidates, is refused; the news items past the limits (the top-level
 * list, or `items`) are cut out, so that the JSON parser never sees them. `events`: entries of
 * the top-level `events` list.
 */
async function cutJson(
  text: string,
  format: FeedFormat,
): Promise<{ source: string; events: number }> {
  const stack: Frame[] = [];
  // Where the last key was: only read (sliced) when an array or object opens after it.
  let keyStart = 0;
  let keyEnd = 0;
  let events = 0;
  let candidates = 0;
  let cut: { start: number; end: number } | undefined;
  let pause = SLICE;
  for (let i = 0; i < text.length; i++) {
    if (i > pause) {
      pause = i + SLICE;
      await nextTask();
    }
    const code = text.charCodeAt(i);
    // Spaces between tokens.
    if (code === SPACE || code === LINE_FEED || code === CARRIAGE_RETURN || code === TAB) continue;
    const top = stack[stack.length - 1];
    if (code === CLOSE_BRACKET || code === CLOSE_BRACE) {
      const closed = stack.pop();
      if (closed?.cut && closed.cut.start >= 0 && !cut) cut = { start: closed.cut.start, end: i };
      continue;
    }
    if (code === COMMA) {
      if (top) {
        top.expecting = true;
        top.after = i;
      }
      continue;
    }
    if (code === COLON) continue;
    if (top?.array && top.expecting) {
      top.expecting = false;
      top.cut?.add(i, top.after);
      if (top.key === 'events' && stack.length === 2) events++;
      if (top.key === 'candidates' && ++candidates > LIMITS.candidates) {
        throw refuse(format, `more than ${count(LIMITS.candidates)} candidates`);
      }
    }
    if (code === QUOTE) {
      const end = endOfString(text, i);
      // An unterminated string: the JSON parser says where.
      if (end < 0) break;
      if (top && !top.array && top.expecting) {
        keyStart = i + 1;
        keyEnd = Math.min(end, i + 40);
        top.expecting = false;
      }
      i = end;
    } else if (code === OPEN_BRACKET || code === OPEN_BRACE) {
      if (stack.length >= LIMITS.depth) {
        throw new FeedError(
          `${FORMAT_LABELS[format]}: nested more than ${LIMITS.depth} levels deep`,
          { code: 'too-many', format },
        );
      }
      const array = code === OPEN_BRACKET;
      const owner = top && !top.array ? text.slice(keyStart, keyEnd) : undefined;
      // News items: a top-level list, or `items` of the top-level object.
      const items = array && (!top || (stack.length === 1 && owner === 'items'));
      stack.push({
        array,
        key: owner,
        expecting: true,
        after: i + 1,
        cut: items ? new ListCut() : undefined,
      });
    }
  }
  return { source: cut ? text.slice(0, cut.start) + text.slice(cut.end) : text, events };
}

/** Records of CSV text that hold something: line ends inside quoted values do not count. */
function csvRecords(text: string): number {
  let records = 0;
  let quoted = false;
  let filled = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === QUOTE) quoted = !quoted;
    else if (!quoted && (code === LINE_FEED || code === CARRIAGE_RETURN)) {
      if (filled) records++;
      filled = false;
    } else if (!filled && code > SPACE && code !== COMMA && code !== SEMICOLON) filled = true;
  }
  return filled ? records + 1 : records;
}

/**
 * Feed text cut or refused so that parsing it stays short: RSS, Atom and JSON keep their first
 * items (RSS and Atom by `cut`, their parser's walk: `cutXml` in parse/xml.ts); too many
 * candidates, JSON nested too deep, and text that stays too long are refused (events feeds have
 * room for `LIMITS.eventsChars`, other feeds `LIMITS.dataChars`). Runs in tasks of its own, so
 * decoding, cutting and parsing a big feed do not add up to one long task.
 */
export async function withinLimits(
  text: string,
  format: FeedFormat,
  cut?: (text: string) => Promise<string>,
): Promise<string> {
  if (text.length > SLICE / 4) await nextTask();
  let source = text;
  let events = 0;
  if (format === 'json' || format === 'jsonfeed' || format === 'ect-report') {
    ({ source, events } = await cutJson(text, format));
  } else if (cut) source = await cut(text);
  const budget =
    format === 'rss' || format === 'atom'
      ? LIMITS.chars
      : format === 'ect-report'
        ? LIMITS.reportChars
        : format === 'ics' || events
          ? LIMITS.eventsChars
          : LIMITS.dataChars;
  if (source.length > budget) {
    throw refuse(format, `${count(source.length)} characters of text`);
  }
  if (format === 'csv') {
    // The header row is not a candidate.
    const rows = csvRecords(source) - 1;
    if (rows > LIMITS.candidates) throw refuse(format, `${count(rows)} rows`);
  }
  if (text.length > SLICE / 4) await nextTask();
  return source;
}

/**
 * Parsed data within the limits, for what the text walk could not see: news items beyond
 * `LIMITS.items` are dropped, events beyond `LIMITS.events` trimmed (those nearest to `now`
 * stay; trim-events.ts, loaded for the first such calendar, in a task of its own: the work is
 * not added to the parser's last task nor to what the page does with the data), too many result
 * rows refuse the feed.
 */
export async function withinDataLimits(
  data: FeedData,
  format: FeedFormat,
  now = Date.now(),
): Promise<FeedData> {
  switch (data.kind) {
    case 'items':
      return data.items.length > LIMITS.items
        ? { ...data, items: data.items.slice(0, LIMITS.items) }
        : data;
    case 'events': {
      if (data.events.length <= LIMITS.events) return data;
      await nextTask();
      const { trimEvents } = await import('./trim-events.js');
      const kept = trimEvents(data, now);
      await nextTask();
      return kept;
    }
    case 'results': {
      const rows = data.races.reduce((sum, race) => sum + race.candidates.length, 0);
      if (rows > LIMITS.candidates) throw refuse(format, `${count(rows)} candidates`);
      return data;
    }
    case 'counter':
      return data;
  }
}
