/**
 * Time zones: whether `Intl` knows a zone, a zone's offset at an instant, the instant of a
 * wall-clock time, and offsets written as `+07:00`. Zone names come from attributes and feeds
 * (TZID), so every check goes through `knownZone`.
 */
import { dateFormat } from './intl.js';
import { zeroPad } from './digits.js';

/** The zone of Thai feeds and pages, and of every time shown unless told otherwise. */
export const DEFAULT_ZONE = 'Asia/Bangkok';

const zoneValidity = new Map<string, boolean>();
/** Zone names are feed text: the cache of answers stays small whatever a feed holds. */
const MAX_CACHED_ZONES = 100;

/** `zone` when it is a zone `Intl` knows (an IANA name, any case), else `undefined`. */
export function knownZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  let valid = zoneValidity.get(zone);
  if (valid === undefined) {
    try {
      new Intl.DateTimeFormat('en-US', { timeZone: zone });
      valid = true;
    } catch {
      valid = false;
    }
    if (zoneValidity.size >= MAX_CACHED_ZONES) zoneValidity.clear();
    zoneValidity.set(zone, valid);
  }
  return valid ? zone : undefined;
}

/** `undefined` means the viewer's zone; a zone `Intl` rejects falls back to Bangkok. */
export function zoneOption(timeZone: string | undefined): string | undefined {
  if (timeZone === 'local') return undefined;
  return knownZone(timeZone) ?? DEFAULT_ZONE;
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
  const wall: Record<string, number> = {};
  for (const { type, value } of parts) wall[type] = Number(value);
  const ms = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour % 24,
    wall.minute,
    wall.second,
  );
  return ms - Math.floor(utc / 1000) * 1000;
}

/** The instant (ms) when `timeZone`'s clocks show `wall` (a wall-clock time read as if UTC). */
export function wallToInstant(timeZone: string, wall: number): number {
  const guess = wall - zoneOffset(timeZone, wall);
  return wall - zoneOffset(timeZone, guess);
}

/** An offset in ms as ISO 8601 writes it: `+07:00`, `-03:30` (to the nearest minute). */
export function offsetText(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  return `${ms < 0 ? '-' : '+'}${zeroPad(Math.floor(minutes / 60))}:${zeroPad(minutes % 60)}`;
}

/** The fields of a wall-clock time (held as if it were UTC ms), as calendar libraries take them. */
export interface WallFields {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The fields of the wall-clock time `wall` (ms, as if UTC): month 1–12. */
export function wallFields(wall: number): WallFields {
  const date = new Date(wall);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}
