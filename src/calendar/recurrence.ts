/**
 * Recurring events (RRULE with EXDATE) expanded over the instants a calendar shows, through
 * ical.js. This module comes with the calendar's view (small, and then no round trip of its own
 * once the feed is in); ical.js is a lazy chunk it imports when a feed has a recurring event.
 *
 * The rule runs on the wall-clock time of the event in its own zone (`timeZone`, else the
 * fixed offset of `start`, or UTC for `Z`), so a weekly 08:30 meeting in Berlin stays at 08:30
 * across daylight-saving changes. UNTIL is compared here rather than by ical.js, which would
 * read a wall-clock start as UTC.
 *
 * The work a feed can cause is bounded by time, not only by count (docs/calendar.md, "Limits"):
 * an {@link Expansion} runs in slices of {@link SLICE_MS} between which the page gets the main
 * thread back; each event has {@link EVENT_MS} in all and shows the occurrences found by then; a
 * rule that loops inside one step of ical.js (a day that never comes, such as 30 February) is
 * stopped from inside the iteration. A series without COUNT starts its iteration just before
 * the range shown (whole periods of the rule later than its DTSTART), so its age costs nothing.
 */
import { knownZone, offsetText, wallFields, wallToInstant } from '../format/zones.js';
import type ICAL from 'ical.js';
import { loadIcal, type Ical } from '../feed/parse/load-ical.js';
import type { CalendarEvent } from '../feed/types.js';

/** Longest stretch of expansion in one task, in ms. */
export const SLICE_MS = 20;
/** How far one step of ical.js may run past the slice before its event is given up, in ms. */
const GRACE_MS = 15;
/** Time one event may take in all, in ms (about 20,000 steps of a daily rule). */
export const EVENT_MS = 250;
/** Time one range (a month shown) may take in all, in ms; events not reached by then are left out. */
export const RANGE_MS = 3_000;
/** Occurrences of one event in one range, at most (a rule every minute fills 16 hours). */
export const MAX_OCCURRENCES = 1_000;
/** Occurrences in one range, at most. */
export const MAX_RANGE_OCCURRENCES = 2_000;
/** Wall clocks are at most this far from UTC (UTC+14), plus an hour to spare. */
const ZONE_MARGIN = 15 * 3_600_000;
const DAY = 86_400_000;
const STAMP =
  /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?(Z|[+-]\d{2}:\d{2}))?$/;

const wallOf = (t: { year: number; month: number; day: number } & Partial<ICAL.Time>) =>
  Date.UTC(t.year, t.month - 1, t.day, t.hour ?? 0, t.minute ?? 0, t.second ?? 0);

/** Thrown from inside ical.js's iteration when the step in progress has run out of time. */
class OutOfTime extends Error {}

/** When a step of ical.js in progress is stopped (a `performance.now()` value). */
let stepDeadline = Infinity;
let checks = 0;
const guarded = new WeakSet<object>();

/**
 * Makes ical.js's recurrence iterator stop once {@link stepDeadline} has passed: every candidate
 * date it tries goes through `check_contracting_rules`, and a YEARLY rule's search for a
 * matching year through `expand_year_days`, so those two look at the clock (every 64th call).
 * Nothing else changes: outside an expansion the deadline is infinite.
 */
function guard(lib: Ical): void {
  const prototype = lib.RecurIterator.prototype as unknown as Record<
    string,
    (...args: unknown[]) => unknown
  >;
  if (guarded.has(prototype)) return;
  guarded.add(prototype);
  for (const name of ['check_contracting_rules', 'expand_year_days']) {
    const original = prototype[name];
    prototype[name] = function (this: unknown, ...args: unknown[]) {
      if ((++checks & 63) === 0 && performance.now() > stepDeadline) throw new OutOfTime();
      return original.apply(this, args);
    };
  }
}

/** Length of one period of the rules whose period is a fixed number of ms. */
const FIXED_PERIOD: Partial<Record<string, number>> = {
  SECONDLY: 1_000,
  MINUTELY: 60_000,
  HOURLY: 3_600_000,
  DAILY: DAY,
  WEEKLY: 7 * DAY,
};

/**
 * A wall-clock start, whole periods of `recur` after `start` and not after `target`, from which
 * the rule gives the same occurrences as from `start` (same time of day, day of the week, day of
 * the month, date of the year); `start` itself for a rule with COUNT, which counts from DTSTART.
 */
function skipAhead(recur: ICAL.Recur, start: number, target: number): number {
  if (recur.count || target <= start) return start;
  const interval = Math.max(1, recur.interval || 1);
  const fixed = FIXED_PERIOD[recur.freq];
  if (fixed) return start + Math.floor((target - start) / (fixed * interval)) * fixed * interval;
  if (recur.freq !== 'MONTHLY' && recur.freq !== 'YEARLY') return start;
  const months = recur.freq === 'YEARLY' ? 12 * interval : interval;
  const from = new Date(start);
  const to = new Date(target);
  const apart =
    (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + to.getUTCMonth() - from.getUTCMonth();
  // One period less than fits, then back a period at a time until the day of the month exists
  // (the 31st, 29 February): a handful of tries at most.
  for (let k = Math.floor(apart / months) - 1, tries = 0; k > 0 && tries < 48; k--, tries++) {
    const shifted = new Date(start);
    shifted.setUTCDate(1);
    shifted.setUTCMonth(from.getUTCMonth() + k * months);
    shifted.setUTCDate(from.getUTCDate());
    if (shifted.getUTCDate() === from.getUTCDate()) return shifted.getTime();
  }
  return start;
}

/** ical.js zones made from an event's own VTIMEZONE (`timeZoneRules`), by its text. */
const ruleZones = new Map<string, ICAL.Timezone | null>();

/** The zone of `rules` (VTIMEZONE text), or null when ical.js cannot read it. */
function zoneOfRules(lib: Ical, rules: string): ICAL.Timezone | null {
  let zone = ruleZones.get(rules);
  if (zone === undefined) {
    try {
      const component = lib.Component.fromString(rules);
      zone = new lib.Timezone({ component, tzid: String(component.getFirstPropertyValue('tzid')) });
    } catch {
      zone = null;
    }
    if (ruleZones.size > 100) ruleZones.clear();
    ruleZones.set(rules, zone);
  }
  return zone;
}

/**
 * The occurrences of a recurring `event` that overlap the instants `[from, to)`, each a plain
 * event with its own `start`/`end` and id `<id>/<start>`, without `rrule`, `rrules`, `rdates`
 * and `exdates`: the union of its RRULEs and RDATEs less its EXDATEs, one step of a rule per
 * `next()`, `undefined` for a step that shows nothing. An unreadable rule gives the event itself.
 */
function* occurrences(
  lib: Ical,
  event: CalendarEvent,
  from: number,
  to: number,
): Generator<CalendarEvent | undefined, void, undefined> {
  const m = STAMP.exec(event.start);
  const recurs: ICAL.Recur[] = [];
  for (const rule of [event.rrule, ...(event.rrules ?? [])]) {
    try {
      if (rule) recurs.push(lib.Recur.fromString(rule));
    } catch {
      // One unreadable rule of several: the others still count.
    }
  }
  if (!m || !m[4] !== event.allDay || (!recurs.length && !event.rdates?.length)) {
    yield event;
    return;
  }
  const allDay = event.allDay;
  const utc = m[7] === 'Z';
  const zone = utc ? undefined : knownZone(event.timeZone);
  const rulesZone =
    utc || zone || !event.timeZoneRules ? null : zoneOfRules(lib, event.timeZoneRules);
  const fixed = m[7] && !utc ? -Date.parse(`1970-01-01T00:00:00${m[7]}`) : 0;
  // Wall-clock time (as if UTC) to the instant it is in the event's zone: one rule per event.
  const instant = (wall: number) => {
    if (allDay || utc) return wall;
    if (zone) return wallToInstant(zone, wall);
    if (rulesZone) {
      return lib.Time.fromData(wallFields(wall), rulesZone).toUnixTime() * 1000;
    }
    return wall - fixed;
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
  const excluded = new Set(
    (event.exdates ?? []).map((value) =>
      value.length === 10 ? `d${value}` : `t${Date.parse(value)}`,
    ),
  );
  /** Instants already given: a date two rules (or a rule and an RDATE) share counts once. */
  const given = new Set<number>();
  const occurrence = (start: string, at: number, endText: string | undefined) => {
    given.add(at);
    const made: CalendarEvent = { ...event, id: `${event.id}/${start}`, start };
    delete made.rrule;
    delete made.rrules;
    delete made.rdates;
    delete made.exdates;
    if (endText) made.end = endText;
    return made;
  };
  const isExcluded = (start: string, at: number) =>
    excluded.has(`t${at}`) || excluded.has(`d${start.slice(0, 10)}`);

  for (const rdate of event.rdates ?? []) {
    const [start, periodEnd] = rdate.split('/');
    const at = Date.parse(allDay ? `${start}T00:00:00Z` : start);
    const until = periodEnd ? Date.parse(allDay ? `${periodEnd}T00:00:00Z` : periodEnd) : NaN;
    const span = until > at ? until - at : length;
    if (!Number.isFinite(at) || at >= to || at + span <= from || given.has(at)) continue;
    if (isExcluded(start, at)) continue;
    const endText = periodEnd ?? (event.end ? endOf(at, span) : undefined);
    yield occurrence(start, at, endText);
  }

  function endOf(at: number, span: number): string {
    return allDay
      ? new Date(at + span).toISOString().slice(0, 10)
      : new Date(at + span).toISOString().replace('.000Z', 'Z');
  }

  // Without a rule, DTSTART is an occurrence of its own (RFC 5545), beside the RDATEs.
  if (!recurs.length && startAt < to && startAt + length > from && !given.has(startAt)) {
    const start = stamp(startWall, startAt);
    if (!isExcluded(start, startAt)) yield occurrence(start, startAt, event.end);
  }

  for (const recur of recurs) {
    const until = recur.until;
    recur.until = null;
    const untilUtc = until && !until.isDate && until.zone === lib.Timezone.utcTimezone;
    const untilValue = until ? wallOf(until) + (until.isDate && !allDay ? DAY - 1 : 0) : Infinity;

    // A series that began long before the range starts its iteration just before it. The new
    // first step ends before `from` (ical.js gives a start as its first occurrence even when it
    // does not match the rule), and every later step is one the series has anyway.
    const firstWall = skipAhead(recur, startWall, from - length - ZONE_MARGIN);
    const dtstart = lib.Time.fromData({ ...wallFields(firstWall), isDate: allDay });
    // A rule ical.js rejects once it starts (BYDAY with a BYMONTHDAY that never comes in
    // BYMONTH, BYYEARDAY in a MONTHLY rule) throws here: the expansion drops the event.
    const iterator = recur.iterator(dtstart);
    for (;;) {
      const next = iterator.next() as ICAL.Time | null;
      if (!next) break;
      const wall = wallOf(next);
      const at = instant(wall);
      if ((untilUtc ? at : wall) > untilValue || at >= to) break;
      const start = stamp(wall, at);
      if (
        (at + length <= from && !(length === 0 && at >= from)) ||
        given.has(at) ||
        isExcluded(start, at)
      ) {
        yield undefined;
        continue;
      }
      yield occurrence(
        start,
        at,
        event.end ? (allDay ? stamp(wall + length, 0) : endOf(at, length)) : undefined,
      );
    }
  }
}

/** An event being expanded: its steps and the time it has taken so far. */
interface Running {
  steps: Generator<CalendarEvent | undefined, void, undefined>;
  /** Index in the output of its first occurrence. */
  first: number;
  spent: number;
}

/**
 * The events of a feed that may show in `[from, to)`, recurring ones expanded, worked out a
 * slice at a time: {@link run} returns after about {@link SLICE_MS} and is called again until
 * {@link done}. {@link events} holds what is known so far, in the feed's order; when an event
 * ran out of time or occurrences, or its rule failed while expanding (then it is left out),
 * {@link incomplete} says so and the calendar shows a note.
 */
export class Expansion {
  /** The events found so far: plain events as they are, occurrences of recurring ones. */
  readonly events: CalendarEvent[] = [];
  /** Some recurring event is shown only in part, or not at all. */
  incomplete = false;
  done = false;
  private index = 0;
  private running?: Running;
  private spent = 0;

  constructor(
    private readonly lib: Ical,
    /** The feed's events. */
    readonly source: readonly CalendarEvent[],
    readonly from: number,
    readonly to: number,
    /** Time per event and per range; tests that need a reference expansion give more. */
    private readonly budget = { eventMs: EVENT_MS, rangeMs: RANGE_MS },
  ) {
    guard(lib);
  }

  /** Works for about {@link SLICE_MS}; true once every event is done. */
  run(slice = SLICE_MS): boolean {
    const began = performance.now();
    const sliceEnd = began + slice;
    while (!this.done) {
      if (this.index >= this.source.length) {
        this.done = true;
        break;
      }
      if (
        this.spent + performance.now() - began > this.budget.rangeMs ||
        this.events.length >= MAX_RANGE_OCCURRENCES
      ) {
        // Out of time or room for this range: what is left is not shown.
        this.incomplete ||= this.source.slice(this.index).some((event) => event.rrule);
        this.done = true;
        break;
      }
      const event = this.source[this.index];
      if (!event.rrule && !event.rrules && !event.rdates) {
        this.events.push(event);
        this.index++;
        continue;
      }
      this.step(event, sliceEnd);
      if (performance.now() >= sliceEnd) break;
    }
    this.spent += performance.now() - began;
    return this.done;
  }

  /** Runs every slice now (tests, and callers that accept a long task). */
  runToEnd(): this {
    while (!this.run());
    return this;
  }

  /** Expands `event` until the slice ends, it is done, or it is out of time or occurrences. */
  private step(event: CalendarEvent, sliceEnd: number): void {
    const running = (this.running ??= {
      steps: occurrences(this.lib, event, this.from, this.to),
      first: this.events.length,
      spent: 0,
    });
    const began = performance.now();
    const eventEnd = began + this.budget.eventMs - running.spent;
    stepDeadline = Math.min(sliceEnd + GRACE_MS, eventEnd);
    let finished = false;
    try {
      for (let now = began; now < sliceEnd && now < eventEnd; now = performance.now()) {
        const next = running.steps.next();
        if (next.done) {
          finished = true;
          break;
        }
        if (!next.value) continue;
        this.events.push(next.value);
        if (this.events.length - running.first >= MAX_OCCURRENCES) {
          this.incomplete = finished = true;
          break;
        }
      }
    } catch (error) {
      this.incomplete = finished = true;
      // A rule ical.js rejects while expanding drops its event; one out of time keeps what it has.
      if (!(error instanceof OutOfTime)) this.events.length = running.first;
    } finally {
      stepDeadline = Infinity;
    }
    running.spent += performance.now() - began;
    if (!finished && running.spent >= this.budget.eventMs) this.incomplete = finished = true;
    if (finished) {
      this.running = undefined;
      this.index++;
    }
  }
}

/**
 * The occurrences of a recurring `event` that overlap the instants `[from, to)` (all slices at
 * once). An unreadable rule gives the event itself.
 */
export function expandEvent(
  lib: Ical,
  event: CalendarEvent,
  from: number,
  to: number,
): CalendarEvent[] {
  return new Expansion(lib, [event], from, to).runToEnd().events;
}

/** What the calendar calls: an expansion of its events over `[from, to)`, not yet run. */
export type Expander = (events: readonly CalendarEvent[], from: number, to: number) => Expansion;

/** The expander, once ical.js is loaded. */
export async function loadExpander(): Promise<Expander> {
  const lib = await loadIcal();
  return (events, from, to) => new Expansion(lib, events, from, to);
}
