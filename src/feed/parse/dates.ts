/**
 * Feed dates to ISO 8601: RFC 822 (RSS), ISO 8601 with or without separators, Thai digits and
 * Buddhist-era years (2565); times without an offset are Thai time (`FLOATING_OFFSET`).
 * Invalid dates (31 June, hour 25) give `undefined`, never an Invalid Date.
 */
import { toAsciiDigits, zeroPad } from '../../format/digits.js';
import { asText } from './normalize.js';

/** Offset of times that carry none: Thai feeds mean Thai time. */
export const FLOATING_OFFSET = '+07:00';

/** Buddhist-era years (2565) are Gregorian + 543; no feed dates anything before 1857. */
export function gregorianYear(year: number): number {
  return year >= 2400 ? year - 543 : year;
}

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
  const raw = asText(value)?.trim();
  if (!raw) return undefined;
  let y: string, mo: string, d: string, h: string | undefined, mi: string, s: string | undefined;
  let zone: string | undefined;
  const iso = ISO_DATE.exec(toAsciiDigits(raw));
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
  const day = `${zeroPad(year, 4)}-${zeroPad(Number(mo))}-${zeroPad(Number(d))}`;
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
  return { date: day, time: `${zeroPad(Number(h))}:${mi}:${s ?? '00'}`, offset };
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
