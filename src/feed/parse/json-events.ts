/**
 * Calendar events of a JSON feed (`events`) to EventsData. Loaded by parseJson (json.ts) for
 * such a feed, and ahead of the feed by the calendar (preloadParsersFor in parsers.ts).
 */
import type { CalendarEvent, EventsData } from '../types.js';
import { pauseEvery } from '../tasks.js';
import { safeUrl } from '../url.js';
import { toEventTime } from './dates.js';
import {
  asText,
  isObject,
  ownField,
  toBoolean,
  withOptional,
  type JsonObject,
} from './normalize.js';
import { cleanText, hashId, listOf, uniqueStrings } from './text.js';

/** A VTIMEZONE as iCalendar text, and the most of it kept (a zone's rules are a few lines). */
const VTIMEZONE = /^BEGIN:VTIMEZONE\r?\n[\s\S]*END:VTIMEZONE$/;
const MAX_ZONE_RULES = 20_000;

function normalizeEvent(object: JsonObject, base: string | undefined): CalendarEvent | undefined {
  const rawStart = ownField(object, 'start', 'startDate', 'dtstart');
  const dateOnly = toEventTime(rawStart, true);
  const explicitAllDay = toBoolean(ownField(object, 'allDay', 'all_day'));
  const start = toEventTime(rawStart, explicitAllDay);
  // An event that cannot be placed on the calendar is left out rather than failing the feed.
  if (!start || !dateOnly) return undefined;
  const allDay = explicitAllDay ?? start === dateOnly;
  const title = cleanText(ownField(object, 'title', 'summary')) ?? '';
  const exdates = listOf(ownField(object, 'exdates', 'exdate'))
    .map((value) => toEventTime(value, allDay))
    .filter((value): value is string => !!value);
  // `rrule` is one rule or a list of them; `rrules` the further ones (as the iCalendar parser
  // writes them).
  const [rrule, ...rrules] = [
    ...listOf(ownField(object, 'rrule')),
    ...listOf(ownField(object, 'rrules')),
  ]
    .map((value) => cleanText(value)?.replace(/^RRULE:/i, ''))
    .filter((value): value is string => !!value);
  const rdates = listOf(ownField(object, 'rdates', 'rdate'))
    .map((value) => {
      const [from, to, ...rest] = (asText(value) ?? '').split('/');
      const start = toEventTime(from, allDay);
      const end = to === undefined ? undefined : toEventTime(to, allDay);
      if (!start || rest.length || (to !== undefined && !end)) return undefined;
      return end ? `${start}/${end}` : start;
    })
    .filter((value): value is string => !!value);
  const rules = asText(ownField(object, 'timeZoneRules'))?.trim();
  return withOptional<CalendarEvent>(
    {
      id: cleanText(ownField(object, 'id', 'uid')) ?? hashId(title, start),
      title,
      start,
      allDay,
      categories: uniqueStrings([
        ...listOf(ownField(object, 'categories')),
        ...listOf(ownField(object, 'category')),
      ]),
    },
    {
      end: toEventTime(ownField(object, 'end', 'endDate', 'dtend'), allDay),
      location: cleanText(ownField(object, 'location')),
      description: asText(ownField(object, 'description'))?.trim(),
      url: safeUrl(asText(ownField(object, 'url', 'link')), base),
      timeZone: cleanText(ownField(object, 'timeZone', 'tzid')),
      timeZoneRules:
        rules && VTIMEZONE.test(rules) && rules.length <= MAX_ZONE_RULES ? rules : undefined,
      unknownTimeZone: cleanText(ownField(object, 'unknownTimeZone')),
      rrule,
      rrules: rrules.length ? rrules : undefined,
      rdates: rdates.length ? rdates : undefined,
      exdates: exdates.length ? exdates : undefined,
    },
  );
}

/** Normalized a task's worth at a time: a big calendar has 20,000 events (`LIMITS.events`). */
export async function eventsData(
  object: JsonObject,
  events: unknown[],
  base: string | undefined,
): Promise<EventsData> {
  const normalized: CalendarEvent[] = [];
  const pause = pauseEvery();
  for (const entry of events) {
    const event = isObject(entry) ? normalizeEvent(entry, base) : undefined;
    if (event) normalized.push(event);
    await pause();
  }
  return withOptional<EventsData>(
    { kind: 'events', events: normalized },
    { title: cleanText(ownField(object, 'title')) },
  );
}
