/**
 * Thai and English formatting of dates, times, numbers and text for every element.
 *
 * Everything goes through cached `Intl` formatters; what `Intl` does not give (Thai weekday
 * abbreviations with a dot, the official `09.30 น.` time) is one small table or function here.
 * Chromium and Firefox return the same strings for the options used below; the remaining
 * differences (no-break spaces around AM/PM) are normalized to plain spaces.
 *
 * Calendar maths works on plain `YYYY-MM-DD` keys through UTC, never on `Date` objects in the
 * viewer's zone.
 */

export type Lang = 'th' | 'en';

export interface FormatOptions {
  lang: Lang;
  /** Default: `buddhist` for `th`, `gregory` for `en`. */
  calendar?: 'buddhist' | 'gregory';
  /** Default `latn`; `thai` gives Thai digits in dates, times and numbers. */
  numerals?: 'latn' | 'thai';
  /** IANA zone; default `Asia/Bangkok`; `local` is the viewer's zone. Unknown zones fall back to the default. */
  timeZone?: string;
}

export type DateStyle = 'short' | 'long' | 'full';

const DEFAULT_ZONE = 'Asia/Bangkok';
const DAY_MS = 86_400_000;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time without `Z` or offset: a wall-clock time, shown as written. */
const FLOATING = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const THAI_WEEKDAYS_SHORT = ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'];

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const segmenters = new Map<string, Intl.Segmenter>();
const zoneValidity = new Map<string, boolean>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = locale + JSON.stringify(options);
  let format = dateFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    dateFormats.set(key, format);
  }
  return format;
}

function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = locale + JSON.stringify(options);
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    numberFormats.set(key, format);
  }
  return format;
}

/** `undefined` means the viewer's zone; a zone `Intl` rejects falls back to Bangkok. */
function zoneOption(timeZone: string | undefined): string | undefined {
  if (timeZone === 'local') return undefined;
  if (!timeZone) return DEFAULT_ZONE;
  let valid = zoneValidity.get(timeZone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone });
      valid = true;
    } catch {
      valid = false;
    }
    zoneValidity.set(timeZone, valid);
  }
  return valid ? timeZone : DEFAULT_ZONE;
}

/**
 * Milliseconds from UTC to the wall clock of `timeZone` (an IANA name) at the instant `utc`
 * (ms). Throws a RangeError for a zone `Intl` does not know.
 */
export function zoneOffset(timeZone: string, utc: number): number {
  const parts = dateFormat('en-US', {
    timeZone,
    calendar: 'gregory',
    numberingSystem: 'latn',
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(utc);
  const p: Record<string, number> = {};
  for (const { type, value } of parts) p[type] = Number(value);
  const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour % 24, p.minute, p.second);
  return wall - Math.floor(utc / 1000) * 1000;
}

/** The instant (ms) when `timeZone`'s clocks show `wall` (a wall-clock time read as if UTC). */
export function wallToInstant(timeZone: string, wall: number): number {
  const guess = wall - zoneOffset(timeZone, wall);
  return wall - zoneOffset(timeZone, guess);
}

/** English dates read day-month-year (`16 Jun 2022`), as in Thailand; times use `9:30 AM`. */
function dateLocale(lang: Lang): string {
  return lang === 'th' ? 'th' : 'en-GB';
}

function baseOptions(o: FormatOptions): Intl.DateTimeFormatOptions {
  return {
    calendar: o.calendar ?? (o.lang === 'th' ? 'buddhist' : 'gregory'),
    numberingSystem: o.numerals ?? 'latn',
  };
}

function normalizeSpaces(text: string): string {
  return text.replace(/[\u00a0\u202f\u2009]/g, ' ');
}

function utcFromKey(key: string): number | undefined {
  const m = DATE_KEY.exec(key);
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3]) : undefined;
}

/**
 * The instant to format and the zone to format it in. Calendar dates and floating date-times
 * become UTC instants formatted in UTC, so no zone ever shifts them.
 */
function toInstant(value: string | Date, timeZone: string | undefined) {
  if (typeof value === 'string') {
    const text = value.trim();
    const day = utcFromKey(text);
    if (day !== undefined) return { time: day, zone: 'UTC' as string | undefined };
    const m = FLOATING.exec(text);
    if (m) {
      const time = Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +(m[6] ?? 0));
      return { time, zone: 'UTC' as string | undefined };
    }
    return { time: Date.parse(text), zone: zoneOption(timeZone) };
  }
  return { time: value.getTime(), zone: zoneOption(timeZone) };
}

/**
 * `th` short `16 มิ.ย. 2565`, long `16 มิถุนายน 2565`, full `วันพฤหัสบดีที่ 16 มิถุนายน พ.ศ. 2565`
 * (the era, `พ.ศ.` or `ค.ศ.`, is what `Intl` puts in the full style); `en` short `16 Jun 2022`,
 * long `16 June 2022`, full `Thursday, 16 June 2022`. A `YYYY-MM-DD` string is a calendar date;
 * a date-time with `Z` or an offset is shown in `timeZone`; one without is shown as written.
 * An unreadable value gives `''`.
 */
export function formatDate(value: string | Date, o: FormatOptions & { style?: DateStyle }): string {
  const { time, zone } = toInstant(value, o.timeZone);
  if (Number.isNaN(time)) return '';
  const style = o.style ?? 'short';
  const options: Intl.DateTimeFormatOptions =
    style === 'full'
      ? { ...baseOptions(o), dateStyle: 'full', timeZone: zone }
      : {
          ...baseOptions(o),
          day: 'numeric',
          month: style === 'long' ? 'long' : 'short',
          year: 'numeric',
          timeZone: zone,
        };
  return normalizeSpaces(dateFormat(dateLocale(o.lang), options).format(time));
}

/** `th`: official style `09.30 น.` (24-hour, dot); `en`: `9:30 AM`. `''` when unreadable. */
export function formatTime(value: string | Date, o: FormatOptions): string {
  const { time, zone } = toInstant(value, o.timeZone);
  if (Number.isNaN(time)) return '';
  const numberingSystem = o.numerals ?? 'latn';
  if (o.lang === 'th') {
    const parts = dateFormat('th', {
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      numberingSystem,
      timeZone: zone,
    }).formatToParts(time);
    const hour = parts.find((p) => p.type === 'hour')?.value ?? '';
    const minute = parts.find((p) => p.type === 'minute')?.value ?? '';
    return `${hour}.${minute} น.`;
  }
  const format = dateFormat('en-US', {
    hour: 'numeric',
    minute: '2-digit',
    hour12: true,
    numberingSystem,
    timeZone: zone,
  });
  return normalizeSpaces(format.format(time));
}

/** `'2022-08'` → `สิงหาคม 2565` / `August 2022`. `''` when not `YYYY-MM`. */
export function formatMonthYear(month: string, o: FormatOptions): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!m) return '';
  const options = { ...baseOptions(o), month: 'long', year: 'numeric', timeZone: 'UTC' } as const;
  return normalizeSpaces(
    dateFormat(dateLocale(o.lang), options).format(Date.UTC(+m[1], +m[2] - 1)),
  );
}

/**
 * Seven weekday names starting at `firstDay` (0 = Sunday, the default). `th` short names carry
 * the dot (`อา.`, `จ.` …), which `Intl` does not give; long names are `วันอาทิตย์` …;
 * English is `Sun` … / `Sunday` ….
 */
export function weekdayLabels(
  o: FormatOptions & { firstDay?: number; style?: 'short' | 'long' },
): string[] {
  const style = o.style ?? 'short';
  const first = (((Math.trunc(o.firstDay ?? 0) || 0) % 7) + 7) % 7;
  const format = dateFormat(dateLocale(o.lang), { weekday: style, timeZone: 'UTC' });
  const labels: string[] = [];
  for (let i = 0; i < 7; i++) {
    const day = (first + i) % 7;
    // 2023-01-01 was a Sunday.
    labels.push(
      o.lang === 'th' && style === 'short'
        ? THAI_WEEKDAYS_SHORT[day]
        : format.format(Date.UTC(2023, 0, 1 + day)),
    );
  }
  return labels;
}

/** Grouped number: `12,345` / `๑๒,๓๔๕` (at most 3 fraction digits unless told). */
export function formatNumber(
  n: number,
  o: FormatOptions & { maximumFractionDigits?: number; minimumFractionDigits?: number },
): string {
  const min = o.minimumFractionDigits;
  // Older engines throw when the minimum exceeds the default maximum of 3.
  const max =
    o.maximumFractionDigits === undefined && min === undefined
      ? undefined
      : Math.max(o.maximumFractionDigits ?? 3, min ?? 0);
  const options: Intl.NumberFormatOptions = { numberingSystem: o.numerals ?? 'latn' };
  if (min !== undefined) options.minimumFractionDigits = min;
  if (max !== undefined) options.maximumFractionDigits = max;
  return numberFormat(dateLocale(o.lang), options).format(n);
}

/**
 * A percentage from a 0–100 value, with a fixed number of fraction digits (default 1) so that
 * table columns line up: `85.2%`, `50.0%`.
 */
export function formatPercent(value: number, o: FormatOptions & { digits?: number }): string {
  const digits = o.digits ?? 1;
  return numberFormat(dateLocale(o.lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    numberingSystem: o.numerals ?? 'latn',
  }).format(value / 100);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * File size as Windows Explorer shows it (1 KB = 1024 bytes, Latin units in both languages):
 * `245 KB`, `1.2 MB`; one fraction digit under 10, none above. `''` for a negative or
 * non-finite size.
 */
export function formatBytes(bytes: number, o: FormatOptions): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.9 KB would round to "1,024 KB": show the next unit instead.
  if (unit < BYTE_UNITS.length - 1 && Math.round(value) >= 1024) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${formatNumber(value, { ...o, maximumFractionDigits: digits })} ${BYTE_UNITS[unit]}`;
}

/** Replaces ASCII digits with Thai digits (`2565` → `๒๕๖๕`); everything else is kept. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (d) => THAI_DIGITS[+d]);
}

function segmenter(lang: Lang, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  const key = lang + granularity;
  let seg = segmenters.get(key);
  if (!seg) {
    seg = new Intl.Segmenter(lang, { granularity });
    segmenters.set(key, seg);
  }
  return seg;
}

function pieces(text: string, lang: Lang, granularity: 'word' | 'grapheme'): string[] {
  if (typeof Intl.Segmenter !== 'function') {
    // Engines without Segmenter (Firefox before 125): words at spaces, code points otherwise.
    return granularity === 'word' ? text.split(/(?= )/) : Array.from(text);
  }
  return Array.from(segmenter(lang, granularity).segment(text), (s) => s.segment);
}

/**
 * Collapses whitespace and, when the text is longer than `maxLength` (UTF-16 units), cuts it at
 * the last word boundary (`Intl.Segmenter`, so Thai without spaces cuts between words) that
 * leaves room for `…`. A first word longer than the limit is cut between graphemes instead.
 * The result, ellipsis included, is never longer than `maxLength`.
 */
export function truncateText(text: string, maxLength: number, lang: Lang): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const room = maxLength - 1;
  if (room <= 0) return maxLength === 1 ? '…' : '';
  let cut = '';
  for (const piece of pieces(clean, lang, 'word')) {
    if (cut.length + piece.length > room) break;
    cut += piece;
  }
  cut = cut.trimEnd();
  if (!cut) {
    for (const piece of pieces(clean, lang, 'grapheme')) {
      if (cut.length + piece.length > room) break;
      cut += piece;
    }
  }
  return `${cut}…`;
}

/**
 * The `YYYY-MM-DD` day of an instant in `timeZone` (default `Asia/Bangkok`, `local` the
 * viewer's). A `YYYY-MM-DD` input is returned as is; `''` when unreadable.
 */
export function zonedDateKey(value: string | Date, timeZone?: string): string {
  if (typeof value === 'string' && DATE_KEY.test(value.trim())) return value.trim();
  const { time, zone } = toInstant(value, timeZone);
  if (Number.isNaN(time)) return '';
  const parts = dateFormat('en-US', {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
    timeZone: zone,
  }).formatToParts(time);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year').padStart(4, '0')}-${get('month')}-${get('day')}`;
}

/** Today's `YYYY-MM-DD` in `timeZone` (default `Asia/Bangkok`). */
export function todayKey(timeZone?: string): string {
  return zonedDateKey(new Date(), timeZone);
}

/** `addDays('2022-12-31', 1)` → `'2023-01-01'`; plain calendar maths in UTC. */
export function addDays(dateKey: string, days: number): string {
  const time = utcFromKey(dateKey);
  if (time === undefined) throw new RangeError(`Not a YYYY-MM-DD date: ${dateKey}`);
  return new Date(time + Math.round(days) * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  const a = utcFromKey(from);
  const b = utcFromKey(to);
  if (a === undefined || b === undefined) {
    throw new RangeError(`Not a YYYY-MM-DD date: ${a === undefined ? from : to}`);
  }
  return Math.round((b - a) / DAY_MS);
}
