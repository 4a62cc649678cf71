/**
 * A calendar past `LIMITS.events` cut down to the events nearest to now, loaded by
 * `withinDataLimits` (limits.ts) for the first such feed: a rare feed, so its code is not in
 * what every page loads.
 */
import { LIMITS } from './limits.js';
import type { CalendarEvent, EventsData } from './types.js';

/** How far `event` is from `now`, in ms: 0 while it runs, -1 for a repeating event. */
function distanceFrom(event: CalendarEvent, now: number): number {
  if (event.rrule || event.rrules || event.rdates) return -1;
  const start = Date.parse(event.start);
  if (Number.isNaN(start)) return Infinity;
  const end = event.end ? Date.parse(event.end) : NaN;
  if (now < start) return start - now;
  return Math.max(0, now - (end > start ? end : start));
}

/**
 * `data` with its first `LIMITS.events` events by distance from `now` (repeating events first:
 * they can show in any month), in the feed's order, marked as trimmed.
 */
export function trimEvents(data: EventsData, now: number): EventsData {
  const { events } = data;
  const distances = Float64Array.from(events, (event) => distanceFrom(event, now));
  const limit = Float64Array.from(distances).sort()[LIMITS.events - 1];
  let ties = LIMITS.events - distances.filter((distance) => distance < limit).length;
  const kept = events.filter(
    (_, i) => distances[i] < limit || (distances[i] === limit && ties-- > 0),
  );
  return { ...data, events: kept, trimmed: { kept: kept.length, total: events.length } };
}
