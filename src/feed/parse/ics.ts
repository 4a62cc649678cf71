/**
 * iCalendar (RFC 5545) to EventsData through ical.js, imported on first use. Times keep their
 * wall-clock value with the offset of their zone: the file's VTIMEZONE, else the IANA zone named
 * by TZID (offset from Intl), `Z` for UTC, and +07:00 for floating times. Recurrences are not
 * expanded here: RRULE and EXDATE pass to the calendar, which expands them over its range.
 */
import type ICAL from 'ical.js';
import { asText, looksLikeHtml } from './normalize.js';
import { cleanText, uniqueStrings } from './text.js';
import { FLOATING_OFFSET, gregorianYear } from './dates.js';
import {
  knownZone,
  offsetText,
  wallFields,
  wallToInstant,
  type WallFields,
} from '../../format/zones.js';
import { zeroPad } from '../../format/digits.js';
import { WINDOWS_ZONES } from './windows-zones.js';
import { loadIcal, type Ical as IcalModule } from './load-ical.js';
import { nextTask, pauseEvery } from '../tasks.js';
import { FeedError, type CalendarEvent, type EventsData, type FeedErrorInfo } from '../types.js';
import { safeUrl } from '../url.js';

type Component = ICAL.Component;
type Property = ICAL.Property;
type Time = ICAL.Time;

/** IANA names of UTC (CLDR maps the Windows "UTC" to `Etc/UTC`). */
const UTC_NAMES = /^(?:Etc\/)?(?:UTC|GMT|Z|Zulu|UCT|Universal)$/i;

/**
 * The IANA name behind a TZID: an IANA name (also inside a path, `/mozilla.org/…/Asia/Bangkok`)
 * or a Windows name (Outlook, Exchange) through CLDR's mapping.
 */
function ianaZone(tzid: string | undefined): string | undefined {
  if (!tzid) return undefined;
  const name = tzid.trim().replace(/^"|"$/g, '');
  if (Object.hasOwn(WINDOWS_ZONES, name)) {
    const zone = WINDOWS_ZONES[name];
    return UTC_NAMES.test(zone) ? 'UTC' : zone;
  }
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

type Wall = WallFields;

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

/** How a value's wall-clock time maps to an offset. */
type Zone =
  | { kind: 'utc' }
  | { kind: 'floating' }
  | { kind: 'vtimezone'; zone: ICAL.Timezone; Time: IcalModule['Time'] }
  | { kind: 'iana'; name: string };

/**
 * The one rule that maps an event's wall-clock times to instants: the IANA zone its TZID names
 * (directly or as a Windows name), else the file's VTIMEZONE of that TZID (through ical.js),
 * else floating (Thai time). Every time of the event (start, end, EXDATE, RDATE, RECURRENCE-ID)
 * and its expanded repetitions use the same rule.
 */
function zoneOf(lib: IcalModule, time: Time, tzid: string | undefined): Zone {
  const zone = time.zone;
  if (zone === lib.Timezone.utcTimezone || (zone && UTC_NAMES.test(zone.tzid ?? ''))) {
    return { kind: 'utc' };
  }
  const name = ianaZone(tzid);
  if (name === 'UTC') return { kind: 'utc' };
  if (name) return { kind: 'iana', name };
  if (zone && zone !== lib.Timezone.localTimezone) {
    return { kind: 'vtimezone', zone, Time: lib.Time };
  }
  return { kind: 'floating' };
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

/** `name`: the property, upper case as the file writes it (`DTSTART`). */
function timeValue(property: Property | null, name: string): Time | undefined {
  let value: unknown;
  try {
    value = property?.getFirstValue();
  } catch (error) {
    throw new FeedError(`${name}: ${error instanceof Error ? error.message : error}`, {
      code: 'bad-data',
      field: name,
    });
  }
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || !('isDate' in value)) {
    throw new FeedError(`${name} is not a date or date-time`, { code: 'bad-data', field: name });
  }
  return value as Time;
}

const DAY = 86_400_000;

function eventOf(
  lib: IcalModule,
  vevent: Component,
  baseUrl: string | undefined,
):
  | { event: CalendarEvent; recurrenceId?: string; thisAndFuture: boolean; cancelled: boolean }
  | undefined {
  const startProperty = vevent.getFirstProperty('dtstart');
  const start = timeValue(startProperty, 'DTSTART');
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
  const end = timeValue(endProperty, 'DTEND');
  const duration = vevent.getFirstPropertyValue('duration');
  if (end && endProperty) {
    event.end = formatTime(lib, end, endProperty);
  } else if (duration instanceof lib.Duration) {
    // Nominal (wall-clock) length, in the start's zone.
    const endWall = wallFields(wallMs(startWall) + duration.toSeconds() * 1000);
    event.end = formatWall(endWall, start.isDate, zone);
  } else if (start.isDate) {
    // RFC 5545: a DATE start without an end lasts that one day.
    event.end = dateText(wallFields(wallMs(startWall) + DAY));
  }

  if (zone.kind === 'iana') event.timeZone = zone.name;
  if (zone.kind === 'vtimezone') {
    const rules = vtimezoneText(zone.zone);
    if (rules) event.timeZoneRules = rules;
  }
  if (zone.kind === 'floating' && tzid) event.unknownTimeZone = tzid.trim().replace(/^"|"$/g, '');
  const location = cleanText(asText(vevent.getFirstPropertyValue('location')));
  if (location) event.location = location;
  const description = asText(vevent.getFirstPropertyValue('description'))?.trim();
  if (description) event.description = description;
  const url = safeUrl(asText(vevent.getFirstPropertyValue('url')), baseUrl);
  if (url) event.url = url;
  const [rrule, ...rrules] = vevent
    .getAllProperties('rrule')
    .map((property) => String(property.getFirstValue() ?? ''))
    .filter(Boolean);
  if (rrule) event.rrule = rrule;
  if (rrules.length) event.rrules = rrules;
  const rdates = vevent
    .getAllProperties('rdate')
    .flatMap((property) =>
      property.getValues().map((value: unknown) => rdateText(lib, value, property)),
    )
    .filter((value): value is string => !!value);
  if (rdates.length) event.rdates = rdates;
  const exdates = vevent
    .getAllProperties('exdate')
    .flatMap((property) =>
      property.getValues().map((value: Time) => formatTime(lib, value, property)),
    );
  if (exdates.length) event.exdates = exdates;

  const recurrenceProperty = vevent.getFirstProperty('recurrence-id');
  const recurrence = timeValue(recurrenceProperty, 'RECURRENCE-ID');
  const recurrenceId =
    recurrence && recurrenceProperty ? formatTime(lib, recurrence, recurrenceProperty) : undefined;
  if (recurrenceId) event.id = `${event.id}/${recurrenceId}`;
  const range = recurrenceProperty?.getParameter('range');
  const thisAndFuture = typeof range === 'string' && range.toUpperCase() === 'THISANDFUTURE';
  const status = asText(vevent.getFirstPropertyValue('status'))?.trim().toUpperCase();
  return { event, recurrenceId, thisAndFuture, cancelled: status === 'CANCELLED' };
}

/** The VTIMEZONE of an ical.js zone as iCalendar text, if it came with one. */
function vtimezoneText(zone: ICAL.Timezone): string | undefined {
  const component = (zone as { component?: Component }).component;
  return component ? component.toString() : undefined;
}

/** An RDATE value: a date or date-time as `start` is written, a period as `start/end`. */
function rdateText(lib: IcalModule, value: unknown, property: Property): string | undefined {
  if (value instanceof lib.Period) {
    const start = value.start;
    const end = value.end ?? (value.duration ? start.clone() : undefined);
    if (end && value.duration && !value.end) end.addDuration(value.duration);
    const from = formatTime(lib, start, property);
    return end ? `${from}/${formatTime(lib, end, property)}` : from;
  }
  if (value && typeof value === 'object' && 'isDate' in value) {
    return formatTime(lib, value as Time, property);
  }
  return undefined;
}

/** The line of the source that an ical.js message quotes, if it quotes one. */
function lineOfMessage(source: string, message: string): number | undefined {
  const quoted = /"([^"]{2,})"\s*$/.exec(message)?.[1];
  if (!quoted) return undefined;
  const index = source.split(/\r?\n/).findIndex((line) => line.includes(quoted));
  return index >= 0 ? index + 1 : undefined;
}

function icsError(message: string, details: FeedErrorInfo & { cause?: unknown }): FeedError {
  return new FeedError(`iCalendar: ${message}`, { ...details, format: 'ics' });
}

/**
 * Inline `<script type="text/calendar">` data is indented with the page and begins and ends
 * with blank lines: the indentation every line shares goes (a folded line keeps its extra
 * space), then the blank lines.
 */
function unindent(text: string): string {
  // A feed's lines start at the margin: nothing to do (a big calendar has 100,000 lines).
  if (/^\S/m.test(text)) return text.trim();
  const lines = text.split(/\r?\n/);
  const indents = lines
    .filter((line) => line.trim())
    .map((line) => /^[ \t]*/.exec(line)![0].length);
  const indent = indents.reduce((least, n) => Math.min(least, n), Infinity);
  return (indent ? lines.map((line) => line.slice(indent)).join('\r\n') : text).trim();
}

/** Characters of iCalendar text ical.js reads in one task (about 10 ms of parsing each here). */
export const ICS_SLICE = 40_000;

/**
 * EXDATE values one event may have (a daily event excepted on every day of five years). An event
 * with more is refused: ical.js reads 60,000 values of one line in one go, and a calendar
 * without some of its exceptions would show meetings that were called off.
 */
export const MAX_EXDATES = 2_000;

/** The events of a calendar text, found line by line in one pass. */
interface Blocks {
  /** Each VEVENT, from its BEGIN line to the end of its END line. */
  blocks: string[];
  /** The text outside them. */
  skeleton: string;
}

const BEGIN_EVENT = /BEGIN:VEVENT[ \t]*\r?$/imy;
const END_EVENT = /END:VEVENT[ \t]*\r?$/imy;
const EXDATE = /EXDATE[;:]/iy;

/**
 * The VEVENT blocks of `source` and what is outside them, in one pass over its lines: an event
 * that never ends, one inside another, or one with more than MAX_EXDATES EXDATE values is
 * refused with its line number, before ical.js reads anything.
 */
async function eventBlocks(source: string): Promise<Blocks> {
  // A big calendar has 100,000 lines: a task's worth of them at a time.
  const pause = pauseEvery();
  const blocks: string[] = [];
  const outside: string[] = [];
  let outsideFrom = 0;
  let open = -1;
  let openLine = 0;
  let exdates = 0;
  let inExdate = false;
  let line = 0;
  for (let at = 0; at < source.length;) {
    line++;
    const newline = source.indexOf('\n', at);
    const next = newline < 0 ? source.length : newline + 1;
    const first = source.charCodeAt(at);
    // A folded line (RFC 5545 3.1) continues the one before it.
    const folded = first === 0x20 || first === 0x09;
    if (!folded) inExdate = false;
    if (!folded && open < 0) {
      BEGIN_EVENT.lastIndex = at;
      if (BEGIN_EVENT.test(source)) {
        outside.push(source.slice(outsideFrom, at));
        open = at;
        openLine = line;
        exdates = 0;
      }
    } else if (!folded) {
      BEGIN_EVENT.lastIndex = at;
      if (BEGIN_EVENT.test(source)) {
        throw icsError(`line ${line}: an event begins inside the event of line ${openLine}`, {
          code: 'syntax',
          line,
        });
      }
      END_EVENT.lastIndex = at;
      if (END_EVENT.test(source)) {
        blocks.push(source.slice(open, newline < 0 ? source.length : newline).replace(/\r$/, ''));
        open = -1;
        outsideFrom = next;
      } else {
        EXDATE.lastIndex = at;
        inExdate = EXDATE.test(source);
      }
    }
    if (open >= 0 && inExdate) {
      const stop = newline < 0 ? source.length : newline;
      // Values are separated by commas; the first value of each EXDATE line counts too.
      if (!folded) exdates++;
      for (let comma = source.indexOf(',', at); comma >= 0 && comma < stop;) {
        exdates++;
        comma = source.indexOf(',', comma + 1);
      }
      if (exdates > MAX_EXDATES) {
        throw icsError(
          `line ${openLine}: an event with more than ${MAX_EXDATES.toLocaleString('en')} EXDATE values`,
          { code: 'too-many' },
        );
      }
    }
    at = next;
    if ((line & 1023) === 0) await pause();
  }
  if (open >= 0) {
    throw icsError(`line ${openLine}: BEGIN:VEVENT did not end`, {
      code: 'syntax',
      line: openLine,
    });
  }
  outside.push(source.slice(outsideFrom));
  return { blocks, skeleton: outside.join('') };
}

/**
 * A long calendar as several calendars of a few events each: every slice has the calendar's
 * own properties and time zones (which its events' TZIDs refer to) and the next events. A text
 * with several VCALENDARs, or short, stays whole. The events are found by `eventBlocks`, which
 * also refuses what ical.js could not read in a short task.
 */
async function icsSlices(source: string): Promise<string[]> {
  const { blocks, skeleton } = await eventBlocks(source);
  if (source.length <= ICS_SLICE) return [source];
  if (source.match(/^BEGIN:VCALENDAR/gim)?.length !== 1) return [source];
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
  if (looksLikeHtml(source)) {
    throw icsError('expected iCalendar, got an HTML page', { code: 'html-page' });
  }
  if (!/^\s*BEGIN:VCALENDAR\s*$/im.test(source.split(/\r?\n/, 1)[0] ?? '')) {
    throw icsError('expected "BEGIN:VCALENDAR" on the first line', { code: 'wrong-format' });
  }
  const lib = await loadIcal();
  const events: CalendarEvent[] = [];
  const masters = new Map<string, CalendarEvent>();
  const overrides: { uid: string; recurrenceId: string; event?: CalendarEvent }[] = [];
  let title: string | undefined;
  let index = 0;
  const slices = await icsSlices(source);
  // Reading a slice's events takes a while too: a task's worth at a time.
  const pause = pauseEvery();
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
      throw icsError(line ? `line ${line}: ${message}` : message, {
        code: 'syntax',
        line,
        cause: error,
      });
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
          throw icsError(`event ${index}${uid ? ` (UID ${uid})` : ''}: ${message}`, {
            code: 'bad-data',
            field: error instanceof FeedError ? error.details.field : undefined,
            cause: error,
          });
        }
        if (!parsed) continue;
        const uid = asText(vevent.getFirstPropertyValue('uid')) ?? '';
        // A changed or cancelled occurrence replaces that occurrence of its series.
        if (parsed.recurrenceId) {
          overrides.push({
            uid,
            recurrenceId: parsed.recurrenceId,
            event: parsed.thisAndFuture ? parsed.event : undefined,
          });
        } else if (uid) masters.set(uid, parsed.event);
        if (!parsed.cancelled) events.push(parsed.event);
        await pause();
      }
    }
  }
  applyOverrides(lib, masters, overrides);
  const data: EventsData = { kind: 'events', events };
  if (title) data.title = title;
  return data;
}

/**
 * Changed and cancelled occurrences (RECURRENCE-ID) take the place of that occurrence of their
 * series. With RANGE=THISANDFUTURE the change holds from that occurrence on: the series ends
 * before it, and the changed event carries the series' rule (and what is left of its COUNT)
 * from its own start.
 */
function applyOverrides(
  lib: IcalModule,
  masters: Map<string, CalendarEvent>,
  overrides: { uid: string; recurrenceId: string; event?: CalendarEvent }[],
): void {
  const exclude = (event: CalendarEvent, start: string) =>
    (event.exdates = [...new Set([...(event.exdates ?? []), start])]);
  const futures = new Map<string, CalendarEvent[]>();
  for (const { uid, recurrenceId, event } of overrides) {
    const master = masters.get(uid);
    if (!master?.rrule) continue;
    exclude(master, recurrenceId);
    if (!event) continue;
    if (!event.rrule) {
      const count = remainingCount(lib, master, recurrenceId);
      event.rrule = withoutCount(master.rrule, count);
      if (master.rrules) event.rrules = master.rrules.map((rule) => withoutCount(rule));
      if (master.exdates) event.exdates = [...master.exdates];
    }
    master.rrule = endedBefore(master.rrule, recurrenceId, master.allDay);
    if (master.rrules)
      master.rrules = master.rrules.map((rule) => endedBefore(rule, recurrenceId, master.allDay));
    futures.set(uid, [...(futures.get(uid) ?? []), event]);
  }
  // A single changed occurrence after a THISANDFUTURE change belongs to the new series too.
  for (const { uid, recurrenceId, event } of overrides) {
    if (event) continue;
    for (const future of futures.get(uid) ?? []) exclude(future, recurrenceId);
  }
}

/** `rule` ending before the occurrence starting at `start` (UNTIL set, or moved earlier). */
function endedBefore(rule: string, start: string, allDay: boolean): string {
  const at = allDay ? Date.parse(`${start}T00:00:00Z`) - DAY : Date.parse(start) - 1000;
  if (!Number.isFinite(at)) return rule;
  const iso = new Date(at).toISOString();
  const until = allDay
    ? iso.slice(0, 10).replace(/-/g, '')
    : `${iso.slice(0, 19).replace(/[-:]/g, '')}Z`;
  const parts = rule.split(';').filter((part) => !/^(?:UNTIL|COUNT)=/i.test(part));
  const old = /(?:^|;)UNTIL=([^;]+)/i.exec(rule)?.[1];
  // An earlier UNTIL stays (compared as text: both are UTC or both dates).
  return [...parts, `UNTIL=${old && old < until ? old : until}`].join(';');
}

/** `rule` with COUNT replaced by `count`, or dropped when `count` is unknown. */
function withoutCount(rule: string, count?: number): string {
  const parts = rule.split(';').filter((part) => !/^COUNT=/i.test(part));
  return (count ? [...parts, `COUNT=${count}`] : parts).join(';');
}

/** Steps looked at to find how much of a COUNT is left after a THISANDFUTURE change. */
const COUNT_STEPS = 100_000;

/**
 * How many occurrences of `master`'s COUNT are left from the one starting at `start` on;
 * undefined when the rule has no COUNT or the occurrence is not found within COUNT_STEPS.
 */
function remainingCount(lib: IcalModule, master: CalendarEvent, start: string): number | undefined {
  if (!master.rrule || !/(?:^|;)COUNT=/i.test(master.rrule)) return undefined;
  try {
    const recur = lib.Recur.fromString(master.rrule);
    const count = recur.count;
    if (!count) return undefined;
    const wall = (value: string) => value.slice(0, 19).replace(/[-:T]/g, '');
    const iterator = recur.iterator(lib.Time.fromDateTimeString(isoWall(master.start)));
    const target = wall(start);
    for (let n = 0; n < Math.min(count, COUNT_STEPS); n++) {
      const next = iterator.next() as Time | null;
      if (!next) return undefined;
      const text = wall(next.toString());
      if (text >= target) return count - n;
    }
  } catch {
    // An unreadable rule: the new series goes without COUNT.
  }
  return undefined;
}

/** `YYYY-MM-DDTHH:MM:SS` of a start as written in CalendarEvent (a date gets midnight). */
function isoWall(value: string): string {
  return value.length === 10 ? `${value}T00:00:00` : value.slice(0, 19);
}
