/**
 * What the demo server does to a sample feed file: its Content-Type, and its relative-date
 * placeholders.
 *
 * The sample feeds are dated mid 2022 (2565), like the page they rebuild, but a few items carry
 * `{{days-ago:N}}` or `{{days-ago:N HH:MM}}` (Bangkok wall-clock time) so that the "ใหม่" badge
 * always has something to mark. The feeds plugin applies this when serving; the feed tests do
 * the same. Free of Node APIs so that both can import it.
 */

/** How a feed writes its dates: RFC 822 in RSS, ISO 8601 in Atom and JSON. */
export type DateStyle = 'rfc822' | 'iso';

const PLACEHOLDER = /\{\{days-ago:(\d{1,4})(?: (\d{1,2}):(\d{2}))?\}\}/g;

/** Thailand has kept UTC+7 without daylight saving since 1920. */
const BANGKOK_OFFSET_MS = 7 * 3600_000;
const DEFAULT_TIME: [number, number] = [9, 0];

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** RSS feeds get RFC 822 dates; everything else ISO 8601. */
export function dateStyleFor(fileName: string): DateStyle {
  return /\.(rss|xml)$/i.test(fileName) ? 'rfc822' : 'iso';
}

/**
 * The instant `daysAgo` Bangkok calendar days before `now`, at `hour:minute` Bangkok time,
 * never later than a minute before `now` (so "today 16:00" read in the morning is not in the
 * future).
 */
export function daysAgo(daysAgo: number, now: Date, [hour, minute] = DEFAULT_TIME): Date {
  const wall = new Date(now.getTime() + BANGKOK_OFFSET_MS);
  const at =
    Date.UTC(wall.getUTCFullYear(), wall.getUTCMonth(), wall.getUTCDate() - daysAgo, hour, minute) -
    BANGKOK_OFFSET_MS;
  const latest = Math.floor((now.getTime() - 60_000) / 60_000) * 60_000;
  return new Date(Math.min(at, latest));
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `date` as Bangkok wall-clock fields (read through the UTC getters). */
function bangkokWall(date: Date): Date {
  return new Date(date.getTime() + BANGKOK_OFFSET_MS);
}

/** `Tue, 16 Aug 2022 09:30:00 +0700` */
export function formatRfc822(date: Date): string {
  const w = bangkokWall(date);
  return (
    `${DAYS[w.getUTCDay()]}, ${pad(w.getUTCDate())} ${MONTHS[w.getUTCMonth()]} ` +
    `${w.getUTCFullYear()} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:00 +0700`
  );
}

/** `2022-08-16T09:30:00+07:00` */
export function formatIso(date: Date): string {
  const w = bangkokWall(date);
  return (
    `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}` +
    `T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:00+07:00`
  );
}

/**
 * Replaces every `{{days-ago:N}}` / `{{days-ago:N HH:MM}}` in `text`. Placeholders are ASCII,
 * so this is byte-safe on a latin1 view of any single-byte or UTF-8 feed.
 */
export function expandPlaceholders(text: string, style: DateStyle, now = new Date()): string {
  const format = style === 'rfc822' ? formatRfc822 : formatIso;
  return text.replace(PLACEHOLDER, (_, days: string, hour?: string, minute?: string) =>
    format(daysAgo(Number(days), now, hour ? [Number(hour), Number(minute)] : DEFAULT_TIME)),
  );
}

const CONTENT_TYPES: Record<string, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  xml: 'application/xml',
  json: 'application/json',
  ics: 'text/calendar',
  csv: 'text/csv',
  txt: 'text/plain',
};

/** Bytes as a string of the same length, one char per byte. */
function latin1(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x2000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x2000));
  }
  return text;
}

/**
 * The Content-Type the demo serves a feed file with, `undefined` for files that are not feeds.
 * The charset comes from the XML prolog (procurement.rss is windows-874, as e-GP feeds are);
 * JSON Feed is told apart from plain JSON by its `version`.
 */
export function contentTypeOf(fileName: string, bytes: Uint8Array): string | undefined {
  const ext = /\.([a-z]+)$/i.exec(fileName)?.[1].toLowerCase() ?? '';
  let type = CONTENT_TYPES[ext];
  if (!type) return undefined;
  // The first bytes are ASCII in every encoding the demo uses.
  const start = latin1(bytes.subarray(0, 300));
  if (ext === 'json' && /"version"\s*:\s*"https:\/\/jsonfeed\.org\/version\//.test(start)) {
    type = 'application/feed+json';
  }
  const prolog = /^<\?xml[^>]*encoding=["']([\w.-]+)["']/.exec(start);
  return `${type}; charset=${prolog ? prolog[1].toLowerCase() : 'utf-8'}`;
}

/**
 * The file's bytes with its placeholders expanded. Placeholders are ASCII, so working on a
 * one-char-per-byte view leaves UTF-8 and windows-874 text untouched.
 */
export function expandFeedBytes(fileName: string, bytes: Uint8Array, now = new Date()): Uint8Array {
  const text = latin1(bytes);
  if (!text.includes('{{days-ago:')) return bytes;
  const expanded = expandPlaceholders(text, dateStyleFor(fileName), now);
  return Uint8Array.from(expanded, (ch) => ch.charCodeAt(0));
}
