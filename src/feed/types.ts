/**
 * Normalized feed data: what every parser returns and every element renders.
 * Plain JSON values only (dates are ISO 8601 strings), so data can be cached in
 * localStorage, compared, and passed through `postMessage` unchanged.
 */

/** Formats a feed may be parsed as. `auto` picks one from Content-Type, then by sniffing. */
export type FeedFormat = 'json' | 'jsonfeed' | 'rss' | 'atom' | 'ics' | 'csv' | 'ect-report';
export type FeedFormatOption = FeedFormat | 'auto';

export const FEED_FORMATS: readonly FeedFormat[] = [
  'json',
  'jsonfeed',
  'rss',
  'atom',
  'ics',
  'csv',
  'ect-report',
];

/** How error messages name each format (`RSS: …`, `iCalendar: …`). */
export const FORMAT_LABELS: Readonly<Record<FeedFormat, string>> = {
  json: 'JSON',
  jsonfeed: 'JSON Feed',
  rss: 'RSS',
  atom: 'Atom',
  ics: 'iCalendar',
  csv: 'CSV',
  'ect-report': 'ECT report',
};

/**
 * Where the reference files of an `ect-report` feed are and what to take from it: the
 * elements' `refs` and `province` attributes.
 */
export interface ReportOptions {
  /** Base URL of `info_*.json` (default: beside the statistics file). */
  refs?: string;
  /** `prov_id` of the province shown (`CRI`); may be left out when the file has one province. */
  province?: string;
}

/** A file linked from an item: an RSS enclosure, Atom `rel="enclosure"`, JSON Feed attachment. */
export interface FeedAttachment {
  /** Absolute URL that passed the link allow-list. */
  url: string;
  /** MIME type as the feed states it, e.g. `application/pdf`. */
  type?: string;
  /** Size in bytes, when the feed gives a positive number. */
  size?: number;
  title?: string;
}

/** One headline, announcement or news item. */
export interface FeedItem {
  /** Stable id: guid / id / link, else a hash of title and date. */
  id: string;
  /** Plain text; markup in the source is decoded once and shown literally. */
  title: string;
  /** Absolute URL that passed the link allow-list. */
  url?: string;
  /** Publication date, ISO 8601 with offset. */
  date?: string;
  updated?: string;
  /** Plain-text summary (markup removed). */
  summary?: string;
  /** Sanitized HTML body (DOMPurify allow-list), when the feed has HTML content. */
  html?: string;
  /** Absolute http(s) image URL for thumbnails. */
  image?: string;
  categories: string[];
  attachments: FeedAttachment[];
  /** Pinned / urgent: JSON `pinned: true`, or a category named `pinned`, `urgent` or `ด่วน`. */
  pinned?: boolean;
  author?: string;
}

export interface ItemsData {
  kind: 'items';
  title?: string;
  /** Home page of the feed (allow-listed). */
  link?: string;
  items: FeedItem[];
}

/** One calendar event. Times are ISO 8601; all-day dates are `YYYY-MM-DD`. */
export interface CalendarEvent {
  id: string;
  title: string;
  /** `YYYY-MM-DD` for all-day events, else an ISO date-time with offset (or `Z`). */
  start: string;
  /** Exclusive end, same form as `start`. */
  end?: string;
  allDay: boolean;
  location?: string;
  description?: string;
  url?: string;
  categories: string[];
  /** IANA zone of the source (`TZID`, or the zone CLDR gives for a Windows zone name). */
  timeZone?: string;
  /**
   * The source's own VTIMEZONE (iCalendar text), for a TZID that names no IANA or Windows zone:
   * the calendar expands the event's repetitions with these rules.
   */
  timeZoneRules?: string;
  /** A TZID that names no known zone and came without a VTIMEZONE: the times are Thai time. */
  unknownTimeZone?: string;
  /** RFC 5545 RRULE value (without `RRULE:`), expanded by the calendar over its visible range. */
  rrule?: string;
  /** Further RRULE values, when the event has more than one (the occurrences are the union). */
  rrules?: string[];
  /** Added occurrences (RDATE), same form as `start`; a period as `start/end`. */
  rdates?: string[];
  /** Excluded occurrence starts, same form as `start`. */
  exdates?: string[];
}

export interface EventsData {
  kind: 'events';
  title?: string;
  events: CalendarEvent[];
  /**
   * Set when the feed had more events than a calendar keeps (`LIMITS.events`): `kept` of its
   * `total` events are in `events`, its repeating events and those nearest to the time it was
   * read.
   */
  trimmed?: { kept: number; total: number };
}

export interface Candidate {
  number: number | string;
  name: string;
  party?: string;
  /** Only a plain `#rgb` / `#rrggbb` colour survives normalization. */
  color?: string;
  votes: number;
  elected?: boolean;
  /** Share in percent, when the feed states it. */
  share?: number;
  /** Rank as the source states it (ties share one: 9, 9, 11); else computed from the votes. */
  rank?: number;
}

export interface Race {
  id: string;
  name?: string;
  title?: string;
  updated?: string;
  counted?: number;
  official?: boolean;
  eligible?: number;
  turnout?: number;
  invalid?: number;
  noVote?: number;
  /** Valid ballots. */
  valid?: number;
  /** Polling stations counted, of `stations`. */
  stationsCounted?: number;
  stations?: number;
  /** The source says reporting of this race is paused. */
  paused?: boolean;
  /** The constituency's number (เขตเลือกตั้งที่ …), when the race is one constituency. */
  constituency?: number;
  /** What the race covers (a constituency's districts). */
  areas?: string[];
  /**
   * Which ballot the race is: `constituency` (the default), `party-list` (the rows are
   * parties) or `referendum` (the rows are the answers, `title` the question).
   */
  ballot?: 'constituency' | 'party-list' | 'referendum';
  candidates: Candidate[];
}

export interface ResultsData {
  kind: 'results';
  title?: string;
  updated?: string;
  races: Race[];
  /** What the source could not give (a reference file that failed), shown above the table. */
  notices?: ReportNotice[];
}

/**
 * A reference file of an ECT report (`format="ect-report"`) that failed, or that lacks ids the
 * statistics file uses: those rows show the ECT's ids instead of names.
 */
export interface ReportNotice {
  /** The file, `info_mp_candidate.json`. */
  file: string;
  /** Why the file could not be read; absent when it was read. */
  error?: FeedErrorInfo;
  /** The first ids the file has no entry for, and how many more it lacks. */
  ids?: string[];
  more?: number;
}

export interface CounterData {
  kind: 'counter';
  online: number;
  today?: number;
  month?: number;
  total?: number;
}

export type FeedData = ItemsData | EventsData | ResultsData | CounterData;
export type FeedKind = FeedData['kind'];

/**
 * What went wrong with a feed, for a program to act on and for the elements to say in Thai or
 * English (src/element/error-text.ts; the list with examples is in docs/feeds.md#errors):
 *
 * - `timeout`: no answer within `seconds`; `offline`: the device is offline; `network`: the
 *   request failed otherwise (blocked, no CORS); `http`: the server answered `status`;
 *   `too-large`: the body is larger than `megabytes`.
 * - `html-page`: a web page, not a feed; `empty`: no text; `wrong-format`: text of another kind
 *   than the formats read (or than `format`); `unknown-format`: the `format` attribute (`value`)
 *   names none.
 * - `syntax`: text of its `format` that does not parse (`line` when known); `entities`: an XML
 *   DTD this reader refuses; `json-shape`: JSON without the fields of any kind of data;
 *   `columns`: CSV whose header row lacks the columns in `field`; `bad-data`: a value that
 *   cannot be right (`field`, `line`); `too-many`: more entries or nesting than a widget takes.
 * - `province`: an ECT report with several provinces and no `province` attribute, or without the
 *   province `value`; `kind-mismatch`: data of `kind`, which the element does not show;
 *   `data-property`: a `data` property that is not JSON data; `unsupported`: the browser lacks
 *   what is needed (EventSource); `parser`: the code that reads `format`, loaded on first use,
 *   could not be loaded (offline, a deploy in between); `unknown`: anything else.
 */
export type FeedErrorCode =
  | 'timeout'
  | 'offline'
  | 'network'
  | 'http'
  | 'too-large'
  | 'html-page'
  | 'empty'
  | 'wrong-format'
  | 'unknown-format'
  | 'syntax'
  | 'entities'
  | 'json-shape'
  | 'columns'
  | 'bad-data'
  | 'too-many'
  | 'province'
  | 'kind-mismatch'
  | 'data-property'
  | 'unsupported'
  | 'parser'
  | 'unknown';

/** Why a feed failed, as plain data: a FeedError's details without the URL and the cause. */
export interface FeedErrorInfo {
  /** What went wrong; every FeedError of this package has one (absent reads as `unknown`). */
  code?: FeedErrorCode;
  format?: FeedFormat;
  status?: number;
  /** Seconds from a `Retry-After` header. */
  retryAfter?: number;
  /** `timeout`: the seconds waited. */
  seconds?: number;
  /** `too-large`: the limit, in MB. */
  megabytes?: number;
  /** `syntax`, `bad-data`: the line of the text, when known. */
  line?: number;
  /** `bad-data`: the field whose value is wrong (`votes`, `DTSTART`); `columns`: those missing. */
  field?: string;
  /** `unknown-format`: the `format` asked for; `province`: the province asked for. */
  value?: string;
  /** `kind-mismatch`: the kind of data the feed has. */
  kind?: FeedKind;
}

/**
 * Thrown by parsers and the fetch layer. `message` says what went wrong in English, for
 * developers and the console; `details.code` says it for programs, and the elements show a
 * sentence in the page's language made from the details.
 */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    message: string,
    readonly details: FeedErrorInfo & { url?: string; cause?: unknown } = {},
  ) {
    super(message);
  }
}
