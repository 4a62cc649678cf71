/**
 * Month-grid maths and the placing of events on days, on plain `YYYY-MM-DD` keys (no `Date` in
 * the viewer's zone anywhere), so the grid is the same in Bangkok and in New York.
 */
import { addDays, zonedDateKey } from '../format/index.js';
import { zeroPad } from '../format/digits.js';
import type { CalendarEvent } from '../feed/types.js';

const DAY_MS = 86_400_000;

/** The `YYYY-MM` of a day key. */
export const monthOf = (day: string): string => day.slice(0, 7);

const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);

/** 0 = Sunday … 6 = Saturday. */
export const weekdayOf = (day: string): number => new Date(utc(day)).getUTCDay();

/** The day `months` months away with the same day number, clamped to the month's length. */
export function shiftMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number);
  const index = year * 12 + month - 1 + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12;
  const length = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return `${zeroPad(y, 4)}-${zeroPad(m + 1)}-${zeroPad(Math.min(date, length))}`;
}

/** The day of `month` with the same day number as `day`, clamped to the month's length. */
export function sameDayIn(day: string, month: string): string {
  const [y1, m1] = day.split('-').map(Number);
  const [y2, m2] = month.split('-').map(Number);
  return shiftMonths(day, y2 * 12 + m2 - (y1 * 12 + m1));
}

/** `'2022-08'`, 1 → `'2022-09'`. */
export const addMonths = (month: string, months: number): string =>
  monthOf(shiftMonths(`${month}-01`, months));

/** Normalizes a `first-day` value to 0–6 (0 = Sunday). */
export const weekStart = (firstDay: unknown): number =>
  (((Math.trunc(Number(firstDay)) || 0) % 7) + 7) % 7;

/**
 * The weeks shown for `month`: from the start of the week holding the 1st to the end of the
 * week holding the last day, so leading and trailing days of the next months fill the rows.
 */
export function monthGrid(month: string, firstDay: number): string[][] {
  const first = `${month}-01`;
  let day = addDays(first, -((weekdayOf(first) - firstDay + 7) % 7));
  const next = `${addMonths(month, 1)}-01`;
  const weeks: string[][] = [];
  while (day < next) {
    const week: string[] = [];
    for (let i = 0; i < 7; i++, day = addDays(day, 1)) week.push(day);
    weeks.push(week);
  }
  return weeks;
}

/**
 * Where the focus goes from `day` for a key of the WAI-ARIA date grid: arrows by day and week,
 * Home/End to the start/end of the week, PageUp/PageDown by month (with Shift by year).
 * `undefined` for any other key.
 */
export function moveDate(
  key: string,
  day: string,
  firstDay: number,
  shift = false,
): string | undefined {
  const inWeek = (weekdayOf(day) - firstDay + 7) % 7;
  switch (key) {
    case 'ArrowLeft':
      return addDays(day, -1);
    case 'ArrowRight':
      return addDays(day, 1);
    case 'ArrowUp':
      return addDays(day, -7);
    case 'ArrowDown':
      return addDays(day, 7);
    case 'Home':
      return addDays(day, -inWeek);
    case 'End':
      return addDays(day, 6 - inWeek);
    case 'PageUp':
      return shiftMonths(day, shift ? -12 : -1);
    case 'PageDown':
      return shiftMonths(day, shift ? 12 : 1);
  }
  return undefined;
}

// Day keys of instants, per zone and quarter of an hour (every UTC offset is a multiple of
// 15 minutes): events mostly start on the hour, so a month of events asks Intl a few times.
const dayKeys = new Map<string, string>();

function dayAt(ms: number, timeZone: string | undefined): string {
  const quarter = Math.floor(ms / 900_000);
  const cacheKey = `${timeZone}|${quarter}`;
  let key = dayKeys.get(cacheKey);
  if (key === undefined) {
    if (dayKeys.size > 20_000) dayKeys.clear();
    key = zonedDateKey(new Date(quarter * 900_000), timeZone);
    dayKeys.set(cacheKey, key);
  }
  return key;
}

/** The instant an event starts, for sorting and range checks (all-day: its date at UTC). */
export function startMs(event: CalendarEvent): number {
  return Date.parse(event.allDay ? `${event.start}T00:00:00Z` : event.start);
}

/**
 * The first and last day an event covers in `timeZone`. All-day ends are exclusive dates; a
 * timed event ending at midnight does not reach into the next day.
 */
export function daySpan(
  event: CalendarEvent,
  timeZone?: string,
): { first: string; last: string } | undefined {
  if (event.allDay) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(event.start)) return undefined;
    const end = event.end && event.end > event.start ? addDays(event.end.slice(0, 10), -1) : '';
    return { first: event.start, last: end > event.start ? end : event.start };
  }
  const start = Date.parse(event.start);
  if (Number.isNaN(start)) return undefined;
  const end = event.end ? Date.parse(event.end) : NaN;
  const first = dayAt(start, timeZone);
  return { first, last: end > start ? dayAt(end - 1, timeZone) : first };
}

const titleOrder = new Intl.Collator('th');

interface Placed {
  event: CalendarEvent;
  span: { first: string; last: string };
  start: number;
}

/** All-day events first, then by start, then by title. */
function compareEvents(a: Placed, b: Placed): number {
  return (
    Number(b.event.allDay) - Number(a.event.allDay) ||
    a.start - b.start ||
    titleOrder.compare(a.event.title, b.event.title)
  );
}

/**
 * The events of each day from `from` to `to` (inclusive day keys), sorted within a day. An
 * event covering several days is listed on each.
 */
export function eventsByDay(
  events: readonly CalendarEvent[],
  from: string,
  to: string,
  timeZone?: string,
): Map<string, CalendarEvent[]> {
  const placed: Placed[] = [];
  for (const event of events) {
    const span = daySpan(event, timeZone);
    if (span && span.last >= from && span.first <= to) {
      placed.push({ event, span, start: startMs(event) });
    }
  }
  const days = new Map<string, CalendarEvent[]>();
  for (const { event, span } of placed.sort(compareEvents)) {
    let day = span.first < from ? from : span.first;
    const last = span.last > to ? to : span.last;
    for (; day <= last; day = addDays(day, 1)) {
      const list = days.get(day);
      if (list) list.push(event);
      else days.set(day, [event]);
    }
  }
  return days;
}

/** The instants `[from, to)` to expand recurrences over for the days `from`–`to`, padded a day
 * either side so that no zone (UTC−12 to UTC+14) loses an occurrence. */
export function instantRange(from: string, to: string): [number, number] {
  return [utc(from) - DAY_MS, utc(to) + 2 * DAY_MS];
}

/** Categories of the events, in order of first appearance. */
export function categoriesOf(events: readonly CalendarEvent[]): string[] {
  return [...new Set(events.flatMap((event) => event.categories))];
}

/**
 * A feed's events by the months they may show in, worked out once per feed so that a month
 * looks only at its own events (a big calendar has thousands). Months are numbered
 * `year * 12 + month - 1`; events are given by their position in `events`.
 */
export interface MonthIndex {
  events: readonly CalendarEvent[];
  /** For each month, the events that may cover a day of it in some zone. */
  months: Map<number, number[]>;
  /** Events of any month: repeating ones, and those spanning more than `LONG_MONTHS`. */
  always: number[];
  /** Categories of the events, in order of first appearance. */
  categories: string[];
}

/** Months an event may span and still be listed under each of them. */
const LONG_MONTHS = 24;
/** The number of the month of a `YYYY-MM-DD…` text. */
const monthOfKey = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/** The number of the UTC month of an instant. */
function monthAt(ms: number): number {
  const date = new Date(ms);
  return date.getUTCFullYear() * 12 + date.getUTCMonth();
}

/** The number `text` has in its `length` digits from `at`; -1 if any is not a digit. */
function digitsAt(text: string, at: number, length: number): number {
  let value = 0;
  for (let i = at; i < at + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return -1;
    value = value * 10 + digit;
  }
  return value;
}

/**
 * The month number and day of a text beginning `YYYY-MM-DD`, else `undefined`. Read with
 * `charCodeAt`, without a regular expression or a `Date`: 20,000 events are indexed at once,
 * in the task that shows the first month.
 */
function dateAt(text: string): [month: number, day: number] | undefined {
  const year = digitsAt(text, 0, 4);
  const month = digitsAt(text, 5, 2);
  const day = digitsAt(text, 8, 2);
  if (year < 0 || month < 0 || day < 0 || text[4] !== '-' || text[7] !== '-') return undefined;
  return [year * 12 + month - 1, day];
}

/**
 * The months of `start` and `end` (timed, with their offsets) as seen from any zone: a wall
 * date is at most two days from the date of the same instant anywhere (offsets run from
 * −12:00 to +14:00; three days are allowed for), so a date near the start or end of its month
 * may be in the next or previous one elsewhere.
 */
function timedMonths(start: string, end: string | undefined): [number, number] | undefined {
  const from = dateAt(start);
  const to = end ? dateAt(end) : from;
  if (!from || !to) return undefined;
  const last = ([month, day]: [number, number]) => month + (day >= 26 ? 1 : 0);
  return [from[0] - (from[1] <= 3 ? 1 : 0), Math.max(last(from), last(to))];
}

/**
 * The months `event` may cover a day of, in any zone, as `[first, last]`; every month
 * (`undefined`) for a repeating event or one whose dates are not ISO text, none (`[]`) for an
 * all-day event without a readable date.
 */
function monthsOf(event: CalendarEvent): [number, number] | [] | undefined {
  if (event.rrule || event.rrules || event.rdates) return undefined;
  if (event.allDay) {
    const span = daySpan(event);
    return span ? [monthOfKey(span.first), monthOfKey(span.last)] : [];
  }
  return timedMonths(event.start, event.end);
}

/** Indexes `events` by the months they may show in (see {@link MonthIndex}). */
export function indexByMonth(events: readonly CalendarEvent[]): MonthIndex {
  const months = new Map<number, number[]>();
  const always: number[] = [];
  for (let position = 0; position < events.length; position++) {
    const span = monthsOf(events[position]);
    if (!span || (span.length && span[1] - span[0] > LONG_MONTHS)) {
      always.push(position);
      continue;
    }
    if (!span.length) continue;
    for (let month = span[0]; month <= span[1]; month++) {
      const list = months.get(month);
      if (list) list.push(position);
      else months.set(month, [position]);
    }
  }
  return { events, months, always, categories: categoriesOf(events) };
}

/**
 * The events of `index` that may show between the instants `from` and `to` (as
 * {@link instantRange} gives them), in the feed's order: those of the months the range
 * touches and those of any month. The days they show on are `eventsByDay`'s to work out.
 */
export function eventsWithin(index: MonthIndex, from: number, to: number): CalendarEvent[] {
  const first = monthAt(from);
  const last = monthAt(to);
  if (Number.isNaN(first + last)) return [...index.events];
  const positions = new Set(index.always);
  for (let month = first; month <= last; month++) {
    for (const position of index.months.get(month) ?? []) positions.add(position);
  }
  return [...positions].sort((a, b) => a - b).map((position) => index.events[position]);
}
