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

/** All-day events first, then by start, then by title. */
function compareEvents(a: CalendarEvent, b: CalendarEvent): number {
  return (
    Number(b.allDay) - Number(a.allDay) ||
    startMs(a) - startMs(b) ||
    a.title.localeCompare(b.title, 'th')
  );
}

/**
 * The events of each day from `from` to `to` (inclusive day keys), sorted within a day. An
 * event covering several days is listed on each.
 */
export function eventsByDay(
  events: CalendarEvent[],
  from: string,
  to: string,
  timeZone?: string,
): Map<string, CalendarEvent[]> {
  const days = new Map<string, CalendarEvent[]>();
  for (const event of [...events].sort(compareEvents)) {
    const span = daySpan(event, timeZone);
    if (!span || span.last < from || span.first > to) continue;
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
export function categoriesOf(events: CalendarEvent[]): string[] {
  return [...new Set(events.flatMap((event) => event.categories))];
}
