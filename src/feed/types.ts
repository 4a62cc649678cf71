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
  notices?: string[];
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

/** Thrown by parsers and the fetch layer; `message` is shown to users (English, plain). */
export class FeedError extends Error {
  override name = 'FeedError';
  constructor(
    message: string,
    readonly details: {
      format?: FeedFormat;
      status?: number;
      /** Seconds from a `Retry-After` header. */
      retryAfter?: number;
      url?: string;
      cause?: unknown;
    } = {},
  ) {
    super(message);
  }
}
