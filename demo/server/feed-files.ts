/**
 * What the demo server does to a sample feed file: its Content-Type, and moving its dates to now.
 *
 * The sample feeds in demo/feeds/ are real files with real dates: the office's news in the weeks
 * before the Wiang Chai by-election of Sunday 28 August 2022 (2565), its newest items from
 * Tuesday 23 August (`STORY_TODAY`). Copied as samples they stay as they are. So that the demo's
 * lists still have "ใหม่" items and its calendar opens on the story, the demo server moves every
 * date of every feed by the same whole number of weeks (weekdays and recurrence rules stay
 * right), so that `STORY_TODAY` falls within the last seven days; a list item that would then lie
 * later than the moment it is served is served a minute before it. The feeds plugin applies
 * this when serving; the feed tests do the same. Free of Node APIs so that both can import it.
 */

/** The day the sample feeds were written: their newest items are from this day. */
export const STORY_TODAY = '2022-08-23';

/** Thailand has kept UTC+7 without daylight saving since 1920. */
const BANGKOK_OFFSET_MS = 7 * 3600_000;
const DAY_MS = 86_400_000;

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Days from `STORY_TODAY` to the Bangkok date of `now`, rounded down to whole weeks. */
export function demoShiftDays(now = new Date()): number {
  const today = Math.floor((now.getTime() + BANGKOK_OFFSET_MS) / DAY_MS);
  const story = Date.parse(`${STORY_TODAY}T00:00:00Z`) / DAY_MS;
  return Math.floor((today - story) / 7) * 7;
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
    `${w.getUTCFullYear()} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())} +0700`
  );
}

/** `2022-08-16T09:30:00+07:00` */
export function formatIso(date: Date): string {
  const w = bangkokWall(date);
  return (
    `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())}` +
    `T${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}:${pad(w.getUTCSeconds())}+07:00`
  );
}

/** `YYYYMMDD` (iCalendar) or `YYYY-MM-DD` moved by `days`, in the same form. */
function shiftDate(date: string, days: number): string {
  const compact = !date.includes('-');
  const [y, m, d] = compact
    ? [date.slice(0, 4), date.slice(4, 6), date.slice(6, 8)]
    : date.split('-');
  const moved = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d) + days));
  const out = [moved.getUTCFullYear(), pad(moved.getUTCMonth() + 1), pad(moved.getUTCDate())];
  return out.join(compact ? '' : '-');
}

const RFC822 =
  /\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}(?::\d{2})? (?:[+-]\d{4}|GMT|UT|Z)\b/g;
/** An ISO date or date-time that is a whole XML text node or JSON string. */
const ISO =
  /(?<=[>"])(\d{4}-\d{2}-\d{2})(T\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:\d{2}))?(?=[<"])/g;
/** iCalendar date properties; their values are dates or date-times, comma-separated. */
const ICS_DATES =
  /^((?:DTSTART|DTEND|DUE|EXDATE|RDATE|RECURRENCE-ID|DTSTAMP)[^:\r\n]*:)([^\r\n]+)/gm;
const ICS_VALUE = /\b(\d{8})(?=T\d{6}Z?\b|\b)/g;

/**
 * `text` (a feed, one char per byte) with every date moved by `days` days. Dates of RSS, Atom
 * and JSON items never land after `now`; iCalendar events are left where they fall (the
 * calendar shows what is coming). Only ASCII is touched, so single-byte and UTF-8 text stay
 * as they were.
 */
export function shiftDates(text: string, days: number, now = new Date()): string {
  if (days === 0) return text;
  const latest = Math.floor((now.getTime() - 60_000) / 60_000) * 60_000;
  const move = (time: number) => new Date(Math.min(time + days * DAY_MS, latest));
  if (/^\s*BEGIN:VCALENDAR/.test(text)) {
    let inEvent = false;
    return text
      .split('\n')
      .map((line) => {
        if (line.startsWith('BEGIN:VEVENT')) inEvent = true;
        if (line.startsWith('END:VEVENT')) inEvent = false;
        // VTIMEZONE onsets stay: they describe the zone, not the story.
        if (!inEvent) return line;
        return line
          .replace(
            ICS_DATES,
            (_, name: string, values: string) =>
              name + values.replace(ICS_VALUE, (date: string) => shiftDate(date, days)),
          )
          .replace(
            /(UNTIL=)(\d{8})/,
            (_, key: string, date: string) => key + shiftDate(date, days),
          );
      })
      .join('\n');
  }
  return text
    .replace(RFC822, (date) => formatRfc822(move(Date.parse(date))))
    .replace(ISO, (whole: string, date: string, time?: string) =>
      time ? formatIso(move(Date.parse(whole))) : shiftDate(date, days),
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
 * The file's bytes as the demo serves them at `now`: every date moved by `demoShiftDays(now)`.
 * Dates are ASCII, so working on a one-char-per-byte view leaves UTF-8 and windows-874 text
 * untouched.
 */
export function shiftFeedBytes(bytes: Uint8Array, now = new Date()): Uint8Array {
  const text = latin1(bytes);
  const shifted = shiftDates(text, demoShiftDays(now), now);
  return shifted === text ? bytes : Uint8Array.from(shifted, (ch) => ch.charCodeAt(0));
}
