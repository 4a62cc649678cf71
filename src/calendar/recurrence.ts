/**
 * Recurring events (RRULE with EXDATE) expanded over the instants a calendar shows, through
 * ical.js. This module comes with the calendar's view (small, and then no round trip of its own
 * once the feed is in); ical.js is a lazy chunk it imports when a feed has a recurring event.
 *
 * The rule runs on the wall-clock time of the event in its own zone (`timeZone`, else the
 * fixed offset of `start`, or UTC for `Z`), so a weekly 08:30 meeting in Berlin stays at 08:30
 * across daylight-saving changes. UNTIL is compared here rather than by ical.js, which would
 * read a wall-clock start as UTC.
 */
import { wallToInstant, zoneOffset } from '../core/format.js';
import type ICAL from 'ical.js';
import { loadIcal, type Ical } from '../core/ical.js';
import type { CalendarEvent } from '../core/types.js';

/** Recurrences run from their start; this many occurrences are looked at, at most. */
const MAX_STEPS = 10_000;
const STAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

/** A zone `Intl` knows, else `undefined`. */
function knownZone(zone: string | undefined): string | undefined {
  if (!zone) return undefined;
  try {
    zoneOffset(zone, 0);
    return zone;
  } catch {
    return undefined;
  }
}

const wallOf = (t: { year: number; month: number; day: number } & Partial<ICAL.Time>) =>
  Date.UTC(t.year, t.month - 1, t.day, t.hour ?? 0, t.minute ?? 0, t.second ?? 0);

const offsetText = (ms: number) => {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${ms < 0 ? '-' : '+'}${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
};

/**
 * The occurrences of a recurring `event` that overlap the instants `[from, to)`, each a plain
 * event with its own `start`/`end` and id `<id>/<start>`, without `rrule` and `exdates`.
 * An unreadable rule gives the event itself.
 */
export function expandEvent(
  lib: Ical,
  event: CalendarEvent,
  from: number,
  to: number,
): CalendarEvent[] {
  const m = STAMP.exec(event.start);
  let recur: ICAL.Recur;
  try {
    if (!m || !event.rrule || !m[4] !== event.allDay) throw new Error('not expandable');
    recur = lib.Recur.fromString(event.rrule);
  } catch {
    return [event];
  }
  const allDay = event.allDay;
  const utc = m[7] === 'Z';
  const zone = utc ? undefined : knownZone(event.timeZone);
  const fixed = m[7] && !utc ? -Date.parse(`1970-01-01T00:00:00${m[7]}`) : 0;
  // Wall-clock time (as if UTC) to the instant it is in the event's zone.
  const instant = (wall: number) => {
    if (allDay || utc) return wall;
    if (!zone) return wall - fixed;
    return wallToInstant(zone, wall);
  };
  const stamp = (wall: number, at: number) => {
    const text = new Date(wall).toISOString().slice(0, 19);
    if (allDay) return text.slice(0, 10);
    return utc ? `${text}Z` : text + offsetText(wall - at);
  };

  const startWall = Date.UTC(+m[1], +m[2] - 1, +m[3], +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  const startAt = instant(startWall);
  const end = event.end ? Date.parse(allDay ? `${event.end}T00:00:00Z` : event.end) : NaN;
  const length = end > startAt ? end - startAt : 0;

  const until = recur.until;
  recur.until = null;
  const untilUtc = until && !until.isDate && until.zone === lib.Timezone.utcTimezone;
  const untilValue = until
    ? wallOf(until) + (until.isDate && !allDay ? 86_400_000 - 1 : 0)
    : Infinity;
  const excluded = new Set(
    (event.exdates ?? []).map((value) =>
      value.length === 10 ? `d${value}` : `t${Date.parse(value)}`,
    ),
  );

  const dtstart = lib.Time.fromData({
    year: +m[1],
    month: +m[2],
    day: +m[3],
    hour: +(m[4] ?? 0),
    minute: +(m[5] ?? 0),
    second: +(m[6] ?? 0),
    isDate: allDay,
  });
  const iterator = recur.iterator(dtstart);
  const out: CalendarEvent[] = [];
  for (let step = 0; step < MAX_STEPS; step++) {
    const next = iterator.next() as ICAL.Time | null;
    if (!next) break;
    const wall = wallOf(next);
    const at = instant(wall);
    if ((untilUtc ? at : wall) > untilValue || at >= to) break;
    if (at + length <= from && !(length === 0 && at >= from)) continue;
    const start = stamp(wall, at);
    if (excluded.has(`t${at}`) || excluded.has(`d${start.slice(0, 10)}`)) continue;
    const occurrence: CalendarEvent = { ...event, id: `${event.id}/${start}`, start };
    delete occurrence.rrule;
    delete occurrence.exdates;
    if (event.end) {
      occurrence.end = allDay
        ? stamp(wall + length, 0)
        : new Date(at + length).toISOString().replace('.000Z', 'Z');
    }
    out.push(occurrence);
  }
  return out;
}

/** What the calendar calls: its events with the recurring ones expanded over `[from, to)`. */
export type Expander = (events: CalendarEvent[], from: number, to: number) => CalendarEvent[];

/** Every event that may show in `[from, to)`, recurring ones expanded with `lib` (ical.js). */
export function expandEvents(
  events: CalendarEvent[],
  from: number,
  to: number,
  lib: Ical,
): CalendarEvent[] {
  return events.flatMap((event) => (event.rrule ? expandEvent(lib, event, from, to) : [event]));
}

/** The expander, once ical.js is loaded. */
export async function loadExpander(): Promise<Expander> {
  const lib = await loadIcal();
  return (events, from, to) => expandEvents(events, from, to, lib);
}
