/**
 * Thai and English dates and times for every element, through cached `Intl` formatters; what
 * `Intl` does not give (Thai weekday abbreviations with a dot, the official `09.30 น.` time) is
 * one small table or function here. Chromium and Firefox return the same strings for the
 * options used below; the remaining differences (no-break spaces around AM/PM) are normalized
 * to plain spaces.
 *
 * Calendar maths works on plain `YYYY-MM-DD` keys through UTC, never on `Date` objects in the
 * viewer's zone.
 */
import { dateFormat, dateLocale, type FormatOptions } from './intl.js';
import { zoneOption } from './zones.js';

export type DateStyle = 'short' | 'long' | 'full';

const DAY_MS = 86_400_000;
const DATE_KEY = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A date-time without `Z` or offset: a wall-clock time, shown as written. */
const FLOATING = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?$/;
const THAI_WEEKDAYS_SHORT = ['อา.', 'จ.', 'อ.', 'พ.', 'พฤ.', 'ศ.', 'ส.'];

function baseOptions(options: FormatOptions): Intl.DateTimeFormatOptions {
  return {
    calendar: options.calendar ?? (options.lang === 'th' ? 'buddhist' : 'gregory'),
    numberingSystem: options.numerals ?? 'latn',
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
export function formatDate(
  value: string | Date,
  options: FormatOptions & { style?: DateStyle },
): string {
  const { time, zone } = toInstant(value, options.timeZone);
  if (Number.isNaN(time)) return '';
  const style = options.style ?? 'short';
  const intl: Intl.DateTimeFormatOptions =
    style === 'full'
      ? { ...baseOptions(options), dateStyle: 'full', timeZone: zone }
      : {
          ...baseOptions(options),
          day: 'numeric',
          month: style === 'long' ? 'long' : 'short',
          year: 'numeric',
          timeZone: zone,
        };
  return normalizeSpaces(dateFormat(dateLocale(options.lang), intl).format(time));
}

/** `th`: official style `09.30 น.` (24-hour, dot); `en`: `9:30 AM`. `''` when unreadable. */
export function formatTime(value: string | Date, options: FormatOptions): string {
  const { time, zone } = toInstant(value, options.timeZone);
  if (Number.isNaN(time)) return '';
  const numberingSystem = options.numerals ?? 'latn';
  if (options.lang === 'th') {
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
export function formatMonthYear(month: string, options: FormatOptions): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month.trim());
  if (!m) return '';
  const intl = {
    ...baseOptions(options),
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  } as const;
  return normalizeSpaces(
    dateFormat(dateLocale(options.lang), intl).format(Date.UTC(+m[1], +m[2] - 1)),
  );
}

/**
 * Seven weekday names starting at `firstDay` (0 = Sunday, the default). `th` short names carry
 * the dot (`อา.`, `จ.` …), which `Intl` does not give; long names are `วันอาทิตย์` …;
 * English is `Sun` … / `Sunday` ….
 */
export function weekdayLabels(
  options: FormatOptions & { firstDay?: number; style?: 'short' | 'long' },
): string[] {
  const style = options.style ?? 'short';
  const first = (((Math.trunc(options.firstDay ?? 0) || 0) % 7) + 7) % 7;
  const format = dateFormat(dateLocale(options.lang), { weekday: style, timeZone: 'UTC' });
  const labels: string[] = [];
  for (let i = 0; i < 7; i++) {
    const day = (first + i) % 7;
    // 2023-01-01 was a Sunday.
    labels.push(
      options.lang === 'th' && style === 'short'
        ? THAI_WEEKDAYS_SHORT[day]
        : format.format(Date.UTC(2023, 0, 1 + day)),
    );
  }
  return labels;
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
