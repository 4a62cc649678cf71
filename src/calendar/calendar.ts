import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { customElement } from '../core/define.js';
import { EctMonthChangeEvent, EctSelectEvent } from '../core/events.js';
import { FeedController, dispatchFeedEvents } from '../core/feed-controller.js';
import type { FeedStatus } from '../core/feed-stream.js';
import {
  formatDate,
  formatMonthYear,
  formatNumber,
  formatTime,
  todayKey,
  weekdayLabels,
  type FormatOptions,
} from '../core/format.js';
import { LangController } from '../core/localize.js';
import { t } from '../core/messages.js';
import { feedStatus, staleNotice } from '../core/status.js';
import { hostStyles } from '../core/styles.js';
import type { CalendarEvent, EventsData, FeedFormatOption } from '../core/types.js';
import { safeUrl } from '../core/url.js';
import { styles } from './calendar.styles.js';
import {
  categoriesOf,
  daySpan,
  eventsByDay,
  instantRange,
  monthGrid,
  monthOf,
  moveDate,
  parseMonth,
  sameDayIn,
  shiftMonths,
  weekStart,
} from './month.js';
import type { Expander } from './recurrence.js';

/** What one month of one feed looks like; recomputed only when one of its inputs changes. */
interface MonthModel {
  key: unknown[];
  weeks: string[][];
  days: Map<string, CalendarEvent[]>;
  categories: string[];
}

/** Expands recurring events; loaded (with ical.js) the first time a feed has one. */
let expand: Expander | undefined;

/** The `.ics` writer: a lazy chunk, fetched as soon as a list of events shows. */
let icsWriter: Promise<typeof import('./ics.js')> | undefined;
function loadIcsWriter() {
  icsWriter ??= import('./ics.js');
  // A failed load is tried again on the next list or click.
  icsWriter.catch(() => (icsWriter = undefined));
  return icsWriter;
}

/** Titles shown inside a day cell when there is room. */
const TITLES_PER_DAY = 3;

/**
 * A month calendar of an iCalendar or JSON events feed, with Thai headings
 * (`สิงหาคม 2565`, `อา. จ. อ. …`), a keyboard-driven date grid, the chosen day's events and a
 * dated list view (the work schedule). Categories become a filter that looks like tabs.
 *
 * @summary Thai month calendar (activity calendar and work schedule) from an iCalendar or JSON feed.
 *
 * @fires ect-load - New data is shown. `detail: { data, source: 'network' | 'cache' | 'inline' }`.
 * @fires ect-error - The feed failed. `detail: { message, error }`.
 * @fires ect-select - A day was chosen (click, Enter, Space). `detail: { date: 'YYYY-MM-DD', events }`, recurring events as their single occurrences.
 * @fires ect-month-change - The person moved to another month. `detail: { month: 'YYYY-MM' }`.
 *
 * @slot - Fallback content (e.g. a link to the office calendar), shown until the first data arrives and again when the first load fails. A child `<script type="text/calendar">` or `<script type="application/json">` is inline data instead.
 *
 * @csspart base - The wrapper of the whole calendar.
 * @csspart categories - The category filter (a radio group styled as tabs).
 * @csspart category - One category choice; `category selected` for the current one.
 * @csspart header - The row with the month and the previous/next buttons.
 * @csspart nav - The previous and next month buttons; also `previous`, `next`.
 * @csspart heading - The month and year.
 * @csspart grid - The `<table role="grid">` of days.
 * @csspart weekday - A weekday column header.
 * @csspart day - A day button; stacked with `today`, `selected`, `has-events` and `outside` (a day of the previous or next month).
 * @csspart marker - The dot under a day with events (narrow layouts).
 * @csspart titles - The first event titles of a day (wide layouts); clicks pass through to the day.
 * @csspart events - The chosen day's events (grid view) or the month's (list view).
 * @csspart date - A date heading above a list of events.
 * @csspart list - A `<ul>` of events.
 * @csspart event - One event.
 * @csspart time - The time of an event (`09.30 น.`), or `time all-day`.
 * @csspart title - The event's title (a link when the event has a URL).
 * @csspart location - The event's place.
 * @csspart add - The "Add to my calendar" button (downloads a one-event `.ics`).
 * @csspart more - The "see full calendar" link.
 * @csspart status - Loading, empty, error and stale messages; also `loading`, `empty`, `error`, `stale`.
 * @csspart message - The text of an error or stale message.
 * @csspart retry - The retry button of an error or stale message.
 *
 * @cssproperty [--ect-accent=#1d4f91] - Buttons, links, the chosen day, event dots and focus rings.
 * @cssproperty [--ect-text=currentColor] - Text colour.
 * @cssproperty [--ect-muted] - Days of other months, times and places (default: the text colour at 65%).
 * @cssproperty [--ect-border] - Grid lines and separators (default: the text colour at 18%).
 * @cssproperty [--ect-surface=transparent] - Background.
 * @cssproperty [--ect-radius=6px] - Corner radius of days and buttons.
 * @cssproperty [--ect-gap=0.5rem] - Base spacing.
 * @cssproperty [--ect-today] - Background of today (default: the accent at 14%).
 */
@customElement('ect-calendar')
export class EctCalendar extends LitElement {
  static override styles = [hostStyles, styles];

  /** Feed URL, relative to the page. Without it the element reads inline data or `data`. */
  @property() src?: string | null;

  /** `auto` (Content-Type, then sniffing), `ics` or `json`. */
  @property() format: FeedFormatOption = 'auto';

  /** Seconds between fetches; `0` fetches once. Default 900. */
  @property({ type: Number }) refresh?: number | null;

  /** URL template with `{url}` for feeds served without CORS headers. */
  @property() proxy?: string | null;

  /** Feed data set from script: `{ events: [...] }` as in the JSON feed. */
  @property({ attribute: false }) data?: unknown;

  /** Month shown, `YYYY-MM`; default the current month. Follows the person's navigation. */
  @property() month?: string | null;

  /** `grid` (month grid and the chosen day's events) or `list` (the month's events by date). */
  @property({ reflect: true }) view: 'grid' | 'list' = 'grid';

  /** First day of the week: 0 = Sunday (default) … 6 = Saturday. */
  @property({ type: Number, attribute: 'first-day' }) firstDay = 0;

  /** `buddhist` (default in Thai) or `gregory` years. */
  @property() calendar?: 'buddhist' | 'gregory' | null;

  /** `latn` (default) or `thai` digits. */
  @property() numerals?: 'latn' | 'thai' | null;

  /** IANA time zone the days and times are shown in; default `Asia/Bangkok`, `local` the viewer's. */
  @property({ attribute: 'time-zone' }) timeZone?: string | null;

  /** Show only these categories (comma-separated); no category filter then. */
  @property() category?: string | null;

  /** Link target of the "see full calendar" link; no link when absent. */
  @property({ attribute: 'see-all-href' }) seeAllHref?: string | null;

  /** Accessible name of the calendar; default "Calendar". */
  @property() label?: string | null;

  @state() private selected?: string;
  @state() private focusDay?: string;
  @state() private chosenCategory = '';

  private readonly i18n = new LangController(this);
  private readonly feed = new FeedController(this, {
    kinds: ['events'],
    defaultRefresh: 900,
    onChange: dispatchFeedEvents(this),
  });
  private model?: MonthModel;
  private expanding?: Promise<unknown>;

  /** `loading`, `ready`, `stale`, `empty` or `error`; also reflected as the `state` attribute. */
  get state(): FeedStatus {
    return this.feed.status;
  }

  /** Fetch the feed again now. */
  reload(): void {
    this.feed.retry();
  }

  private get zone(): string {
    return this.timeZone || 'Asia/Bangkok';
  }

  private get shownMonth(): string {
    return parseMonth(this.month) ?? monthOf(todayKey(this.zone));
  }

  private get formatOptions(): FormatOptions {
    return {
      lang: this.i18n.lang,
      calendar: this.calendar ?? undefined,
      numerals: this.numerals ?? undefined,
      timeZone: this.zone,
    };
  }

  /** Also waits for ical.js when recurring events are being expanded. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    while (this.expanding) {
      await this.expanding;
      result = await super.getUpdateComplete();
    }
    return result;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('month') && this.selected && monthOf(this.selected) !== this.shownMonth) {
      this.selected = undefined;
    }
  }

  /** The month's weeks and each day's events, for the feed, month and options in force. */
  private monthModel(data: EventsData): MonthModel {
    const only = (this.category ?? '')
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean);
    const key = [data, this.shownMonth, weekStart(this.firstDay), this.zone, expand, only.join()];
    if (this.model?.key.every((value, i) => value === key[i])) return this.model;
    if (!expand && !this.expanding && data.events.some((event) => event.rrule)) {
      this.expanding = import('./recurrence.js')
        .then((module) => module.loadExpander())
        .then(
          (loaded) => (expand = loaded),
          // Without ical.js a recurring event shows its first occurrence only.
          () => undefined,
        )
        .then(() => {
          this.expanding = undefined;
          this.requestUpdate();
        });
    }
    const weeks = monthGrid(this.shownMonth, weekStart(this.firstDay));
    const from = weeks[0][0];
    const to = weeks[weeks.length - 1][6];
    const [start, end] = instantRange(from, to);
    const events = (expand ? expand(data.events, start, end) : data.events).filter(
      (event) => !only.length || event.categories.some((name) => only.includes(name)),
    );
    this.model = {
      key,
      weeks,
      days: eventsByDay(events, from, to, this.zone),
      categories: only.length ? [] : categoriesOf(data.events),
    };
    return this.model;
  }

  protected override render() {
    return this.i18n.render(() => this.renderContent());
  }

  private renderContent(): TemplateResult {
    const label = this.label || msg('Calendar', { id: 'calendar.label' });
    const data = this.feed.data;
    const pending = feedStatus(this, this.feed, 6);
    if (pending || !data) {
      return html`<section part="base" aria-label=${label} aria-busy=${this.state === 'loading'}>
        ${pending}
      </section>`;
    }
    const model = this.monthModel(data);
    const category = model.categories.includes(this.chosenCategory) ? this.chosenCategory : '';
    const days = category ? filterDays(model.days, category) : model.days;
    const options = this.formatOptions;
    const href = safeUrl(this.seeAllHref, document.baseURI);
    return html`<section part="base" aria-label=${label}>
      ${staleNotice(this.feed)} ${this.renderCategories(model.categories, category)}
      ${this.renderHeader(options)}
      ${
        this.view === 'list'
          ? this.renderSchedule(days, options)
          : html`${this.renderGrid(model.weeks, days, options)}${this.renderDay(days, options)}`
      }
      ${
        href
          ? html`<p class="more">
              <a part="more" href=${href}
                >${msg('See full calendar', { id: 'calendar.see-all' })}</a
              >
            </p>`
          : nothing
      }
    </section>`;
  }

  private renderCategories(names: string[], current: string) {
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
              @change=${() => (this.chosenCategory = name)}
            />${name || t.all()}</label
          >`,
      )}
    </div>`;
  }

  private renderHeader(options: FormatOptions): TemplateResult {
    const month = this.shownMonth;
    return html`<div part="header">
      <button
        part="nav previous"
        type="button"
        aria-label=${msg('Previous month', { id: 'calendar.previous-month' })}
        @click=${() => this.goToMonth(shiftMonths(this.currentFocus(), -1))}
      >
        «
      </button>
      <span part="heading" id="heading" aria-live="polite">${formatMonthYear(month, options)}</span>
      <button
        part="nav next"
        type="button"
        aria-label=${msg('Next month', { id: 'calendar.next-month' })}
        @click=${() => this.goToMonth(shiftMonths(this.currentFocus(), 1))}
      >
        »
      </button>
    </div>`;
  }

  private renderGrid(
    weeks: string[][],
    days: Map<string, CalendarEvent[]>,
    options: FormatOptions,
  ): TemplateResult {
    const month = this.shownMonth;
    const today = todayKey(this.zone);
    const focus = this.currentFocus();
    const short = weekdayLabels({ ...options, firstDay: weekStart(this.firstDay) });
    const long = weekdayLabels({ ...options, firstDay: weekStart(this.firstDay), style: 'long' });
    return html`<table
      part="grid"
      role="grid"
      aria-labelledby="heading"
      @keydown=${this.onGridKey}
      @click=${this.onGridClick}
    >
      <thead>
        <tr>
          ${short.map(
            (name, i) =>
              html`<th part="weekday" scope="col">
                <span aria-hidden="true">${name}</span
                ><span class="visually-hidden">${long[i]}</span>
              </th>`,
          )}
        </tr>
      </thead>
      <tbody>
        ${weeks.map(
          (week) =>
            html`<tr>
              ${week.map((day) =>
                this.renderCell(day, days.get(day) ?? [], month, today, focus, options),
              )}
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  private renderCell(
    day: string,
    events: CalendarEvent[],
    month: string,
    today: string,
    focus: string,
    options: FormatOptions,
  ): TemplateResult {
    const count = events.length;
    const parts = [
      'day',
      day === today ? 'today' : '',
      day === this.selected ? 'selected' : '',
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
    return html`<td aria-selected=${day === this.selected ? 'true' : 'false'}>
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
                  ? html`<span class="title"
                      >+${formatNumber(count - TITLES_PER_DAY, options)}</span
                    >`
                  : nothing
              }</span
            >`
          : nothing
      }
    </td>`;
  }

  private renderDay(days: Map<string, CalendarEvent[]>, options: FormatOptions) {
    const day = this.selected;
    if (!day) return nothing;
    const events = days.get(day) ?? [];
    return html`<div part="events" id="day">
      <p part="date" id="day-title">${formatDate(day, { ...options, style: 'full' })}</p>
      ${
        events.length
          ? this.renderList(events, options, 'day-title')
          : html`<p part="status empty">
              ${msg('No events on this day', { id: 'calendar.no-events-day' })}
            </p>`
      }
    </div>`;
  }

  /** The month's events by date; an event of several days under the first of them. */
  private renderSchedule(days: Map<string, CalendarEvent[]>, options: FormatOptions) {
    const month = this.shownMonth;
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
            ${this.renderList(events, options, `d-${day}`)}
          </li>`,
      )}
    </ol>`;
  }

  private renderList(
    events: CalendarEvent[],
    options: FormatOptions,
    labelledBy: string,
  ): TemplateResult {
    loadIcsWriter();
    // role="list": Safari drops list semantics from `list-style: none` lists without it.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`<ul part="list" role="list" aria-labelledby=${labelledBy}>
      ${events.map((event) => this.renderEvent(event, options))}
    </ul>`;
  }

  private renderEvent(event: CalendarEvent, options: FormatOptions): TemplateResult {
    const href = safeUrl(event.url);
    return html`<li part="event">
      ${this.renderWhen(event, options)}
      ${
        href
          ? html`<a part="title" href=${href}>${event.title}</a>`
          : html`<span part="title">${event.title}</span>`
      }
      ${event.location ? html`<span part="location">${event.location}</span>` : nothing}
      <button part="add" type="button" @click=${() => this.download(event)}>
        ${msg('Add to my calendar', { id: 'calendar.add' })}<span class="visually-hidden">
          – ${event.title}</span
        >
      </button>
    </li>`;
  }

  /** `09.30 น. – 12.00 น.`, `ทั้งวัน`, or the dates of an event of several days. */
  private renderWhen(event: CalendarEvent, options: FormatOptions): TemplateResult {
    const span = daySpan(event, this.zone);
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
  private currentFocus(): string {
    const month = this.shownMonth;
    for (const day of [this.focusDay, this.selected, todayKey(this.zone)]) {
      if (day && monthOf(day) === month) return day;
    }
    return this.focusDay ? sameDayIn(this.focusDay, month) : `${month}-01`;
  }

  /** Shows the month of `day` with `day` as the tab stop; fires ect-month-change. */
  private goToMonth(day: string): void {
    const month = monthOf(day);
    this.focusDay = day;
    if (month === this.shownMonth) return;
    this.month = month;
    this.dispatchEvent(new EctMonthChangeEvent({ month }));
  }

  private onGridClick = (event: Event): void => {
    const day = (event.target as Element).closest<HTMLElement>('[data-date]')?.dataset.date;
    if (!day) return;
    this.goToMonth(day);
    this.selected = day;
    const events = this.model?.days.get(day) ?? [];
    const category = this.chosenCategory;
    this.dispatchEvent(
      new EctSelectEvent({
        date: day,
        events: category ? events.filter((e) => e.categories.includes(category)) : events,
      }),
    );
  };

  private onGridKey = async (event: KeyboardEvent): Promise<void> => {
    const from = (event.target as Element).closest<HTMLElement>('[data-date]')?.dataset.date;
    // Alt+arrows and the like belong to the browser and the screen reader.
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const to = from && moveDate(event.key, from, weekStart(this.firstDay), event.shiftKey);
    if (!to) return;
    event.preventDefault();
    this.goToMonth(to);
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>(`[data-date="${to}"]`)?.focus();
  };

  /** Saves the event as a one-event `.ics` through a short-lived `blob:` link. */
  private async download(event: CalendarEvent): Promise<void> {
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
    this.renderRoot.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  }
}

function filterDays(days: Map<string, CalendarEvent[]>, category: string) {
  const out = new Map<string, CalendarEvent[]>();
  for (const [day, events] of days) {
    const kept = events.filter((event) => event.categories.includes(category));
    if (kept.length) out.set(day, kept);
  }
  return out;
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-calendar': EctCalendar;
  }
}
