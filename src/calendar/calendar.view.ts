import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  formatDate,
  formatMonthYear,
  formatNumber,
  formatTime,
  todayKey,
  weekdayLabels,
  type FormatOptions,
} from '../format/index.js';
import type { ElementView } from '../element/lazy-view.js';
import { parseCategoryList } from '../element/category-list.js';
import { messages } from '../element/messages.js';
import { statusSection, staleNotice } from '../element/status.js';
import type { CalendarEvent, EventsData } from '../feed/types.js';
import { safeUrl } from '../feed/url.js';
import type { EctCalendar } from './calendar.js';
import { viewStyles } from '../element/view-styles.js';
import { styles } from './calendar.styles.js';
import { templates as th } from '../generated/locales/th/calendar.js';
import {
  daySpan,
  eventsByDay,
  eventsWithin,
  indexByMonth,
  instantRange,
  monthGrid,
  monthOf,
  moveDate,
  sameDayIn,
  shiftMonths,
  weekStart,
} from './month.js';
import { loadExpander, type Expansion } from './recurrence.js';

/**
 * What the calendar loads on first use: its templates and styles, and the pure functions the
 * element calls to work out the month it shows (the element keeps the result, see
 * `EctCalendar.willUpdate`).
 */
export interface CalendarView extends ElementView<EctCalendar> {
  monthModel: typeof monthModel;
  indexByMonth: typeof indexByMonth;
  eventsWithin: typeof eventsWithin;
  weeksRange: typeof weeksRange;
  focusedDay: typeof focusedDay;
  shiftMonths: typeof shiftMonths;
  /** The date-grid keyboard map (month.ts), with the element's `first-day` as it is set. */
  moveDate: (key: string, day: string, firstDay: unknown, shift: boolean) => string | undefined;
  loadExpander: typeof loadExpander;
  /** Fetches the `.ics` writer ahead of a click on "Add to my calendar". */
  preloadIcsWriter(): void;
}

export const view: CalendarView = {
  styles: [viewStyles, styles],
  th,
  render,
  monthModel,
  indexByMonth,
  eventsWithin,
  weeksRange,
  focusedDay,
  shiftMonths,
  moveDate: (key, day, firstDay, shift) => moveDate(key, day, weekStart(firstDay), shift),
  loadExpander,
  preloadIcsWriter: () => void loadIcsWriter().catch(() => {}),
};

/** The `.ics` writer: a lazy chunk, fetched as soon as a list of events shows (see the element). */
let icsWriter: Promise<typeof import('./ics-export.js')> | undefined;
function loadIcsWriter() {
  icsWriter ??= import('./ics-export.js');
  // A failed load is tried again on the next list or click.
  icsWriter.catch(() => (icsWriter = undefined));
  return icsWriter;
}

/** Titles shown inside a day cell when there is room. */
const TITLES_PER_DAY = 3;

const formatOptions = (host: EctCalendar): FormatOptions => ({
  lang: host.i18n.lang,
  calendar: host.calendar ?? undefined,
  numerals: host.numerals ?? undefined,
  timeZone: host.zone,
});

/** What one month of one feed looks like; recomputed only when one of its inputs changes. */
export interface MonthModel {
  key: unknown[];
  weeks: string[][];
  days: Map<string, CalendarEvent[]>;
  categories: string[];
  /** Some repeating event is shown only in part (it ran out of time) or not at all. */
  incomplete: boolean;
}

/** The inputs of a month: the feed's events around it, the month and the options in force. */
export interface MonthInput {
  /** The feed's events that may show in the weeks of `month` (`eventsWithin`). */
  events: readonly CalendarEvent[];
  /** The categories of the whole feed (`MonthIndex.categories`). */
  categories: string[];
  month: string;
  firstDay: number;
  zone: string;
  /** The `category` attribute: show only these (comma-separated). */
  category: string;
  /** The expansion of the repeating events over the weeks shown, when there is one. */
  expansion?: Expansion;
}

/** The instants the weeks shown of `month` cover (repeating events are expanded over them). */
function weeksRange(month: string, firstDay: number): [number, number] {
  const weeks = monthGrid(month, weekStart(firstDay));
  return instantRange(weeks[0][0], weeks[weeks.length - 1][6]);
}

/** The weeks of `input.month` and each day's events; `previous` when nothing has changed. */
function monthModel(input: MonthInput, previous?: MonthModel): MonthModel {
  const { month, zone, expansion } = input;
  const firstDay = weekStart(input.firstDay);
  const only = parseCategoryList(input.category);
  const key = [input.events, month, firstDay, zone, expansion, expansion?.done, only.join()];
  if (previous?.key.every((value, i) => value === key[i])) return previous;
  const weeks = monthGrid(month, firstDay);
  const from = weeks[0][0];
  const to = weeks[weeks.length - 1][6];
  const events = (expansion ? expansion.events : input.events).filter(
    (event) => !only.length || event.categories.some((name) => only.includes(name)),
  );
  return {
    key,
    weeks,
    days: eventsByDay(events, from, to, zone),
    categories: only.length ? [] : input.categories,
    incomplete: !!expansion?.done && expansion.incomplete,
  };
}

function render(host: EctCalendar): TemplateResult {
  const label = host.label || msg('Calendar', { id: 'calendar.label' });
  const data = host.feed.data;
  const model = host.model;
  if (!data || !model) return statusSection(host, host.feed, label, 6);
  const category = model.categories.includes(host.chosenCategory) ? host.chosenCategory : '';
  const days = category ? filterDays(model.days, category) : model.days;
  const options = formatOptions(host);
  const href = safeUrl(host.seeAllHref, document.baseURI);
  return html`<section part="base" aria-label=${label}>
    ${staleNotice(host.feed)} ${data.trimmed ? trimmedNotice(data.trimmed, options) : nothing}
    ${model.incomplete ? incompleteNotice() : nothing}
    ${renderCategories(host, model.categories, category)} ${renderHeader(host, options)}
    ${
      host.view === 'list'
        ? renderSchedule(host, days, options)
        : html`${renderGrid(host, model.weeks, days, options)}${renderDay(host, days, options)}`
    }
    ${
      href
        ? html`<p class="more">
            <a part="more" href=${href}>${msg('See full calendar', { id: 'calendar.see-all' })}</a>
          </p>`
        : nothing
    }
  </section>`;
}

/** The feed had more events than the calendar keeps: it shows those nearest to today. */
function trimmedNotice(trimmed: NonNullable<EventsData['trimmed']>, options: FormatOptions) {
  const kept = formatNumber(trimmed.kept, options);
  const total = formatNumber(trimmed.total, options);
  return html`<p part="status trimmed" role="status">
    ${msg(
      str`This calendar is long: only the ${kept} events nearest to today are shown (of ${total}).`,
      { id: 'calendar.trimmed' },
    )}
  </p>`;
}

function incompleteNotice() {
  return html`<p part="status incomplete" role="status">
    ${msg('Some repeating events are not shown in full: their rules take too long to work out.', {
      id: 'calendar.incomplete',
    })}
  </p>`;
}

function renderCategories(host: EctCalendar, names: string[], current: string) {
  if (names.length < 2) return nothing;
  return html`<div
    part="categories"
    role="radiogroup"
    aria-label=${msg('Categories', { id: 'calendar.categories' })}
  >
    ${['', ...names].map(
      (name) =>
        html`<label part=${name === current ? 'category selected' : 'category'}
          ><input
            class="visually-hidden"
            type="radio"
            name="category"
            .checked=${name === current}
            @change=${() => host.chooseCategory(name)}
          />${name || messages.all()}</label
        >`,
    )}
  </div>`;
}

function renderHeader(host: EctCalendar, options: FormatOptions): TemplateResult {
  return html`<div part="header">
    <button
      part="nav previous"
      type="button"
      aria-label=${msg('Previous month', { id: 'calendar.previous-month' })}
      @click=${onPrevious}
    >
      «
    </button>
    <span part="heading" id="heading" aria-live="polite"
      >${formatMonthYear(host.shownMonth, options)}</span
    >
    <button
      part="nav next"
      type="button"
      aria-label=${msg('Next month', { id: 'calendar.next-month' })}
      @click=${onNext}
    >
      »
    </button>
  </div>`;
}

function renderGrid(
  host: EctCalendar,
  weeks: string[][],
  days: Map<string, CalendarEvent[]>,
  options: FormatOptions,
): TemplateResult {
  const month = host.shownMonth;
  const today = todayKey(host.zone);
  const focus = focusedDay(host);
  const firstDay = weekStart(host.firstDay);
  const short = weekdayLabels({ ...options, firstDay });
  const long = weekdayLabels({ ...options, firstDay, style: 'long' });
  return html`<table
    part="grid"
    role="grid"
    aria-labelledby="heading"
    @keydown=${onGridKey}
    @click=${onGridClick}
  >
    <thead>
      <tr>
        ${short.map(
          (name, i) =>
            html`<th part="weekday" scope="col">
              <span aria-hidden="true">${name}</span><span class="visually-hidden">${long[i]}</span>
            </th>`,
        )}
      </tr>
    </thead>
    <tbody>
      ${weeks.map(
        (week) =>
          html`<tr>
            ${week.map((day) =>
              renderCell(host, day, days.get(day) ?? [], month, today, focus, options),
            )}
          </tr>`,
      )}
    </tbody>
  </table>`;
}

function renderCell(
  host: EctCalendar,
  day: string,
  events: CalendarEvent[],
  month: string,
  today: string,
  focus: string,
  options: FormatOptions,
): TemplateResult {
  const count = events.length;
  const selected = day === host.selected;
  const parts = [
    'day',
    day === today ? 'today' : '',
    selected ? 'selected' : '',
    count ? 'has-events' : '',
    monthOf(day) === month ? '' : 'outside',
  ];
  const date = formatDate(day, { ...options, style: 'full' });
  const number = formatNumber(count, options);
  const label = count
    ? `${date}, ${
        count === 1
          ? msg(str`${number} event`, { id: 'calendar.one-event' })
          : msg(str`${number} events`, { id: 'calendar.events' })
      }`
    : date;
  return html`<td aria-selected=${selected ? 'true' : 'false'}>
    <button
      part=${parts.filter(Boolean).join(' ')}
      type="button"
      data-date=${day}
      tabindex=${day === focus ? 0 : -1}
      aria-label=${label}
      aria-current=${day === today ? 'date' : nothing}
    >
      <span class="number">${formatNumber(Number(day.slice(8)), options)}</span>
      ${count ? html`<span part="marker"></span>` : nothing}
    </button>
    ${
      count
        ? // Outside the button: its name is the date, which the titles would not match.
          html`<span part="titles" aria-hidden="true"
            >${events
              .slice(0, TITLES_PER_DAY)
              .map((event) => html`<span class="title">${event.title}</span>`)}${
              count > TITLES_PER_DAY
                ? html`<span class="title">+${formatNumber(count - TITLES_PER_DAY, options)}</span>`
                : nothing
            }</span
          >`
        : nothing
    }
  </td>`;
}

function renderDay(host: EctCalendar, days: Map<string, CalendarEvent[]>, options: FormatOptions) {
  const day = host.selected;
  if (!day) return nothing;
  const events = days.get(day) ?? [];
  return html`<div part="events" id="day">
    <p part="date" id="day-title">${formatDate(day, { ...options, style: 'full' })}</p>
    ${
      events.length
        ? renderList(host, events, options, 'day-title')
        : html`<p part="status empty">
            ${msg('No events on this day', { id: 'calendar.no-events-day' })}
          </p>`
    }
  </div>`;
}

/** The month's events by date; an event of several days under the first of them. */
function renderSchedule(
  host: EctCalendar,
  days: Map<string, CalendarEvent[]>,
  options: FormatOptions,
) {
  const month = host.shownMonth;
  const seen = new Set<CalendarEvent>();
  const groups: [string, CalendarEvent[]][] = [];
  for (const [day, events] of [...days].sort(([a], [b]) => (a < b ? -1 : 1))) {
    if (monthOf(day) !== month) continue;
    const fresh = events.filter((event) => !seen.has(event) && seen.add(event));
    if (fresh.length) groups.push([day, fresh]);
  }
  if (!groups.length) {
    return html`<p part="status empty">
      ${msg('No events this month', { id: 'calendar.no-events-month' })}
    </p>`;
  }
  // eslint-disable-next-line lit-a11y/no-redundant-role
  return html`<ol part="events" role="list" aria-labelledby="heading">
    ${groups.map(
      ([day, events]) =>
        html`<li>
          <p part="date" id="d-${day}">${formatDate(day, { ...options, style: 'full' })}</p>
          ${renderList(host, events, options, `d-${day}`)}
        </li>`,
    )}
  </ol>`;
}

function renderList(
  host: EctCalendar,
  events: CalendarEvent[],
  options: FormatOptions,
  labelledBy: string,
): TemplateResult {
  // role="list": Safari drops list semantics from `list-style: none` lists without it.
  // eslint-disable-next-line lit-a11y/no-redundant-role
  return html`<ul part="list" role="list" aria-labelledby=${labelledBy}>
    ${events.map((event) => renderEvent(host, event, options))}
  </ul>`;
}

function renderEvent(host: EctCalendar, event: CalendarEvent, options: FormatOptions) {
  const href = safeUrl(event.url);
  return html`<li part="event">
    ${renderWhen(host, event, options)}
    ${
      href
        ? html`<a part="title" href=${href}>${event.title}</a>`
        : html`<span part="title">${event.title}</span>`
    }
    ${event.location ? html`<span part="location">${event.location}</span>` : nothing}
    ${
      event.unknownTimeZone
        ? html`<span part="zone"
            >${msg(str`Thai time (unknown time zone “${event.unknownTimeZone}”)`, {
              id: 'calendar.unknown-zone',
            })}</span
          >`
        : nothing
    }
    <button part="add" type="button" @click=${() => download(host, event)}>
      ${msg('Add to my calendar', { id: 'calendar.add' })}<span class="visually-hidden">
        – ${event.title}</span
      >
    </button>
  </li>`;
}

/** `09.30 น. – 12.00 น.`, `ทั้งวัน`, or the dates of an event of several days. */
function renderWhen(host: EctCalendar, event: CalendarEvent, options: FormatOptions) {
  const span = daySpan(event, host.zone);
  const long = span && span.first !== span.last;
  if (event.allDay && !long) {
    return html`<span part="time all-day">${msg('All day', { id: 'calendar.all-day' })}</span>`;
  }
  const when = (value: string) =>
    event.allDay
      ? formatDate(value, options)
      : long
        ? `${formatDate(value, options)} ${formatTime(value, options)}`
        : formatTime(value, options);
  const end = event.allDay ? span?.last : event.end;
  return html`<time part="time" datetime=${event.start}
    >${when(event.start)}${end ? ` – ${when(end)}` : nothing}</time
  >`;
}

/** The day that holds the grid's tab stop: the focused, chosen or current day of the month. */
function focusedDay(host: Readonly<EctCalendar>): string {
  const month = host.shownMonth;
  for (const day of [host.focusDay, host.selected, todayKey(host.zone)]) {
    if (day && monthOf(day) === month) return day;
  }
  return host.focusDay ? sameDayIn(host.focusDay, month) : `${month}-01`;
}

// Listeners in the templates are called with `this` as the element (Lit's `host` option), so
// one function serves every element and every render.

function onPrevious(this: EctCalendar): void {
  this.showMonth(-1);
}

function onNext(this: EctCalendar): void {
  this.showMonth(1);
}

function onGridClick(this: EctCalendar, event: Event): void {
  const day = (event.target as Element).closest<HTMLElement>('[data-date]')?.dataset.date;
  if (day) this.chooseDay(day);
}

function onGridKey(this: EctCalendar, event: KeyboardEvent): void {
  const from = (event.target as Element).closest<HTMLElement>('[data-date]')?.dataset.date;
  // Alt+arrows and the like belong to the browser and the screen reader.
  if (!from || event.altKey || event.ctrlKey || event.metaKey) return;
  if (this.moveFocus(from, event.key, event.shiftKey)) event.preventDefault();
}

/** Saves the event as a one-event `.ics` through a short-lived `blob:` link. */
async function download(host: EctCalendar, event: CalendarEvent): Promise<void> {
  // Offline and not loaded yet: nothing happens; the next click tries again.
  const writer = await loadIcsWriter().catch(() => undefined);
  if (!writer) return;
  const { eventIcs, icsFileName } = writer;
  const url = URL.createObjectURL(
    new Blob([eventIcs(event)], { type: 'text/calendar;charset=utf-8' }),
  );
  const link = document.createElement('a');
  link.href = url;
  link.download = icsFileName(event);
  link.hidden = true;
  host.renderRoot.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function filterDays(days: Map<string, CalendarEvent[]>, category: string) {
  const out = new Map<string, CalendarEvent[]>();
  for (const [day, events] of days) {
    const kept = events.filter((event) => event.categories.includes(category));
    if (kept.length) out.set(day, kept);
  }
  return out;
}
