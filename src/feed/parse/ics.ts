/**
 * iCalendar (RFC 5545) to EventsData through ical.js, imported on first use. Times keep their
 * wall-clock value with the offset of their zone: the file's VTIMEZONE, else the IANA zone named
 * by TZID (offset from Intl), `Z` for UTC, and +07:00 for floating times. Recurrences are not
 * expanded here: RRULE and EXDATE pass to the calendar, which expands them over its range.
 */
import type ICAL from 'ical.js';
import { asText, cleanText, looksLikeHtml, uniqueStrings } from './normalize.js';
import { FLOATING_OFFSET, gregorianYear } from './dates.js';
import { knownZone, offsetText, wallToInstant } from '../../format/zones.js';
import { zeroPad } from '../../format/digits.js';
import { loadIcal, type Ical as IcalModule } from './load-ical.js';
import { nextTask } from '../tasks.js';
import { FeedError, type CalendarEvent, type EventsData } from '../types.js';
import { safeUrl } from '../url.js';

type Component = ICAL.Component;
type Property = ICAL.Property;
type Time = ICAL.Time;

/** Zones Outlook names its own way, for the `timeZone` of an event. */
const WINDOWS_ZONES: Record<string, string> = {
  'SE Asia Standard Time': 'Asia/Bangkok',
  'Singapore Standard Time': 'Asia/Singapore',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'India Standard Time': 'Asia/Kolkata',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Eastern Standard Time': 'America/New_York',
  'Pacific Standard Time': 'America/Los_Angeles',
  UTC: 'UTC',
};

/** The IANA name behind a TZID (`Asia/Bangkok`, `/mozilla.org/…/Asia/Bangkok`, Windows names). */
function ianaZone(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (WINDOWS_ZONES[name]) return WINDOWS_ZONES[name];
  const segments = name.split('/').filter(Boolean);
  for (let take = Math.min(3, segments.length); take >= 1; take--) {
    const candidate = segments.slice(-take).join('/');
    if ((take > 1 || candidate === 'UTC') && knownZone(candidate)) return candidate;
  }
  return undefined;
}

/** Offset of a wall-clock time (given as if it were UTC) in `timeZone`, in ms. */
function wallOffset(timeZone: string, wall: number): number {
  return wall - wallToInstant(timeZone, wall);
}

interface Wall {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallOf(time: Time): Wall {
  return {
    year: gregorianYear(time.year),
    month: time.month,
    day: time.day,
    hour: time.hour,
    minute: time.minute,
    second: Math.min(time.second, 59),
  };
}

function wallMs(wall: Wall): number {
  const date = new Date(
    Date.UTC(2000, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second),
  );
  date.setUTCFullYear(wall.year);
  return date.getTime();
}

function wallFromMs(ms: number): Wall {
  const date = new Date(ms);
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    hour: date.getUTCHours(),
    minute: date.getUTCMinutes(),
    second: date.getUTCSeconds(),
  };
}

/** How a value's wall-clock time maps to an offset. */
type Zone =
  | { kind: 'utc' }
  | { kind: 'floating' }
  | { kind: 'vtimezone'; zone: ICAL.Timezone; Time: IcalModule['Time'] }
  | { kind: 'iana'; name: string };

function zoneOf(lib: IcalModule, time: Time, tzid: string | undefined): Zone {
  const zone = time.zone;
  if (zone === lib.Timezone.utcTimezone || (zone && /^(?:utc|z|gmt)$/i.test(zone.tzid ?? ''))) {
    return { kind: 'utc' };
  }
  if (zone && zone !== lib.Timezone.localTimezone)
    return { kind: 'vtimezone', zone, Time: lib.Time };
  const name = ianaZone(tzid);
  if (name === 'UTC') return { kind: 'utc' };
  return name ? { kind: 'iana', name } : { kind: 'floating' };
}

function dateText(wall: Wall): string {
  return `${zeroPad(wall.year, 4)}-${zeroPad(wall.month)}-${zeroPad(wall.day)}`;
}

/** `YYYY-MM-DD` for a date, else the wall-clock time with its zone's offset. */
function formatWall(wall: Wall, isDate: boolean, zone: Zone): string {
  const date = dateText(wall);
  if (isDate) return date;
  const clock = `${zeroPad(wall.hour)}:${zeroPad(wall.minute)}:${zeroPad(wall.second)}`;
  switch (zone.kind) {
    case 'utc':
      return `${date}T${clock}Z`;
    case 'floating':
      return `${date}T${clock}${FLOATING_OFFSET}`;
    case 'iana':
      return `${date}T${clock}${offsetText(wallOffset(zone.name, wallMs(wall)))}`;
    case 'vtimezone': {
      const time = zone.Time.fromData({ ...wall, isDate: false }, zone.zone);
      return `${date}T${clock}${offsetText(zone.zone.utcOffset(time) * 1000)}`;
    }
  }
}

function tzidOf(property: Property): string | undefined {
  const tzid = property.getParameter('tzid');
  return typeof tzid === 'string' ? tzid : undefined;
}

function formatTime(lib: IcalModule, time: Time, property: Property): string {
  return formatWall(wallOf(time), time.isDate, zoneOf(lib, time, tzidOf(property)));
}

function timeValue(property: Property | null, name: string): Time | undefined {
  let value: unknown;
  try {
    value = property?.getFirstValue();
  } catch (error) {
    throw new Error(`${name.toUpperCase()}: ${error instanceof Error ? error.message : error}`);
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || !('isDate' in value)) {
    throw new Error(`${name.toUpperCase()} is not a date or date-time`);
  }
  return value as Time;
}

const DAY = 86_400_000;

function eventOf(
  lib: IcalModule,
  vevent: Component,
  baseUrl: string | undefined,
): { event: CalendarEvent; recurrenceId?: string; cancelled: boolean } | undefined {
  const startProperty = vevent.getFirstProperty('dtstart');
  const start = timeValue(startProperty, 'dtstart');
  // Without a start there is nothing to place on a calendar.
  if (!start || !startProperty) return undefined;
  const tzid = tzidOf(startProperty);
  const zone = zoneOf(lib, start, tzid);
  const startWall = wallOf(start);
  const title = cleanText(asText(vevent.getFirstPropertyValue('summary'))) ?? '';
  const uid = cleanText(asText(vevent.getFirstPropertyValue('uid')));
  const startText = formatWall(startWall, start.isDate, zone);

  const event: CalendarEvent = {
    id: uid ?? `${title}@${startText}`,
    title,
    start: startText,
    allDay: start.isDate,
    categories: uniqueStrings(
      vevent.getAllProperties('categories').flatMap((property) => property.getValues()),
    ),
  };

  const endProperty = vevent.getFirstProperty('dtend');
  const end = timeValue(endProperty, 'dtend');
  const duration = vevent.getFirstPropertyValue('duration');
  if (end && endProperty) {
    event.end = formatTime(lib, end, endProperty);
  } else if (duration instanceof lib.Duration) {
    // Nominal (wall-clock) length, in the start's zone.
    const endWall = wallFromMs(wallMs(startWall) + duration.toSeconds() * 1000);
    event.end = formatWall(endWall, start.isDate, zone);
  } else if (start.isDate) {
    // RFC 5545: a DATE start without an end lasts that one day.
    event.end = dateText(wallFromMs(wallMs(startWall) + DAY));
  }

  const timeZone = zone.kind === 'vtimezone' || zone.kind === 'iana' ? ianaZone(tzid) : undefined;
  if (timeZone && timeZone !== 'UTC') event.timeZone = timeZone;
  const location = cleanText(asText(vevent.getFirstPropertyValue('location')));
  if (location) event.location = location;
  const description = asText(vevent.getFirstPropertyValue('description'))?.trim();
  if (description) event.description = description;
  const url = safeUrl(asText(vevent.getFirstPropertyValue('url')), baseUrl);
  if (url) event.url = url;
  const rrule = vevent.getFirstPropertyValue('rrule');
  if (rrule) event.rrule = String(rrule);
  const exdates = vevent
    .getAllProperties('exdate')
    .flatMap((property) =>
      property.getValues().map((value: Time) => formatTime(lib, value, property)),
    );
  if (exdates.length) event.exdates = exdates;

  const recurrenceProperty = vevent.getFirstProperty('recurrence-id');
  const recurrence = timeValue(recurrenceProperty, 'recurrence-id');
  const recurrenceId =
    recurrence && recurrenceProperty ? formatTime(lib, recurrence, recurrenceProperty) : undefined;
  if (recurrenceId) event.id = `${event.id}/${recurrenceId}`;
  const status = asText(vevent.getFirstPropertyValue('status'))?.trim().toUpperCase();
  return { event, recurrenceId, cancelled: status === 'CANCELLED' };
}

/** The line of the source that an ical.js message quotes, if it quotes one. */
function lineOfMessage(source: string, message: string): number | undefined {
  const quoted = /"([^"]{2,})"\s*$/.exec(message)?.[1];
  if (!quoted) return undefined;
  const index = source.split(/\r?\n/).findIndex((line) => line.includes(quoted));
  return index >= 0 ? index + 1 : undefined;
}

function icsError(message: string, cause?: unknown): FeedError {
  return new FeedError(`iCalendar: ${message}`, { format: 'ics', cause });
}

/**
 * Inline `<script type="text/calendar">` data is indented with the page and begins and ends
 * with blank lines: the indentation every line shares goes (a folded line keeps its extra
 * space), then the blank lines.
 */
function unindent(text: string): string {
  const lines = text.split(/\r?\n/);
  const indents = lines
    .filter((line) => line.trim())
    .map((line) => /^[ \t]*/.exec(line)![0].length);
  const indent = Math.min(...indents);
  return (indent ? lines.map((line) => line.slice(indent)).join('\r\n') : text).trim();
}

/** Characters of iCalendar text ical.js reads in one task (about 10 ms of parsing each here). */
export const ICS_SLICE = 40_000;

const VEVENT_BLOCK = /^BEGIN:VEVENT[ \t]*\r?$[\s\S]*?^END:VEVENT[ \t]*\r?$/gim;

/**
 * A long calendar as several calendars of a few events each: every slice has the calendar's
 * own properties and time zones (which its events' TZIDs refer to) and the next events. A text
 * with several VCALENDARs, or short, stays whole.
 */
function icsSlices(source: string): string[] {
  if (source.length <= ICS_SLICE) return [source];
  if (source.match(/^BEGIN:VCALENDAR/gim)?.length !== 1) return [source];
  const blocks = source.match(VEVENT_BLOCK) ?? [];
  const skeleton = source.replace(VEVENT_BLOCK, '');
  const end = skeleton.search(/^END:VCALENDAR/im);
  if (end < 0 || blocks.length < 2) return [source];
  const head = skeleton.slice(0, end).replace(/(?:\r?\n)+$/, '');
  const tail = skeleton.slice(end);
  const slices: string[] = [];
  let group: string[] = [];
  let length = 0;
  const flush = () => {
    slices.push(`${head}\r\n${group.join('\r\n')}\r\n${tail}`);
    group = [];
    length = 0;
  };
  for (const block of blocks) {
    group.push(block);
    length += block.length;
    if (length >= ICS_SLICE) flush();
  }
  if (group.length) flush();
  return slices;
}

/** Parses iCalendar text: every VEVENT of every VCALENDAR in it. */
export async function parseIcs(input: string, baseUrl?: string): Promise<EventsData> {
  const source = unindent(input);
  if (looksLikeHtml(source)) throw icsError('expected iCalendar, got an HTML page');
  if (!/^\s*BEGIN:VCALENDAR\s*$/im.test(source.split(/\r?\n/, 1)[0] ?? '')) {
    throw icsError('expected "BEGIN:VCALENDAR" on the first line');
  }
  const lib = await loadIcal();
  const events: CalendarEvent[] = [];
  const masters = new Map<string, CalendarEvent>();
  const overrides: { uid: string; recurrenceId: string }[] = [];
  let title: string | undefined;
  let index = 0;
  const slices = icsSlices(source);
  for (const [n, slice] of slices.entries()) {
    // ical.js reads a whole text in one go: a big calendar is read a slice at a time, a task each.
    if (n > 0) await nextTask();
    let calendars: Component[];
    try {
      const parsed = lib.parse(slice) as unknown[];
      const roots = typeof parsed[0] === 'string' ? [parsed] : parsed;
      calendars = roots.map((jcal) => new lib.Component(jcal as unknown[]));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const line = lineOfMessage(source, message);
      throw icsError(line ? `line ${line}: ${message}` : message, error);
    }
    for (const calendar of calendars) {
      title ??= cleanText(asText(calendar.getFirstPropertyValue('x-wr-calname')));
      for (const vevent of calendar.getAllSubcomponents('vevent')) {
        index++;
        let parsed: ReturnType<typeof eventOf>;
        try {
          parsed = eventOf(lib, vevent, baseUrl);
        } catch (error) {
          const uid = asText(vevent.getFirstPropertyValue('uid'));
          const message = error instanceof Error ? error.message : String(error);
          throw icsError(`event ${index}${uid ? ` (UID ${uid})` : ''}: ${message}`, error);
        }
        if (!parsed) continue;
        const uid = asText(vevent.getFirstPropertyValue('uid')) ?? '';
        // A changed or cancelled occurrence replaces that occurrence of its series.
        if (parsed.recurrenceId) overrides.push({ uid, recurrenceId: parsed.recurrenceId });
        else if (uid) masters.set(uid, parsed.event);
        if (!parsed.cancelled) events.push(parsed.event);
      }
    }
  }
  for (const { uid, recurrenceId } of overrides) {
    const master = masters.get(uid);
    if (!master?.rrule) continue;
    master.exdates = [...new Set([...(master.exdates ?? []), recurrenceId])];
  }
  const data: EventsData = { kind: 'events', events };
  if (title) data.title = title;
  return data;
}
