import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import {
  calendarAttribute,
  numeralsAttribute,
  oneOf,
  wholeNumber,
  yearMonth,
} from '../element/attributes.js';
import { defineElement } from '../element/define.js';
import { FeedElement, feedOptions } from '../element/feed-element.js';
import { todayKey } from '../format/index.js';
import { LazyView } from '../element/lazy-view.js';
import { EctMonthChangeEvent, EctSelectEvent } from '../element/events.js';
import { nextTask } from '../feed/tasks.js';
import type { CalendarEvent } from '../feed/types.js';
import type { CalendarView, MonthModel } from './calendar.view.js';
import type { MonthIndex } from './month.js';
import type { Expander, Expansion } from './recurrence.js';

/**
 * `'YYYY-MM'` when `value` is one, else `undefined`. Here rather than in month.ts, which only
 * the lazily loaded view needs. @internal
 */
export function parseMonth(value: string | null | undefined): string | undefined {
  return yearMonth(value);
}

// Not `view`: that is the grid/list property.
/** Expansion inside an update, in ms (later slices take SLICE_MS of recurrence.ts). */
const FIRST_SLICE_MS = 8;

const lazyView: LazyView<EctCalendar, CalendarView> = new LazyView(
  () => import('./calendar.view.js'),
);

/**
 * A month calendar of an iCalendar or JSON events feed, with Thai headings
 * (`สิงหาคม 2565`, `อา. จ. อ. …`), a keyboard-driven date grid, the chosen day's events and a
 * dated list view (the work schedule). Categories become a filter that looks like tabs.
 *
 * Feed (`src`, inline or `data`): iCalendar or JSON `{ events: [...] }`; `format` `auto`, `ics` or
 * `json`; `refresh` default 900 s.
 *
 * @summary Thai month calendar (activity calendar and work schedule) from an iCalendar or JSON feed.
 *
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
 * @csspart zone - For an event whose time zone is unknown: that its times are read as Thai time.
 * @csspart add - The "Add to my calendar" button (downloads a one-event `.ics`).
 * @csspart more - The "see full calendar" link.
 * @csspart status - Loading, empty, error and stale messages; also `loading`, `empty`, `error`, `stale`, `incomplete` for the note that some repeating events are not shown in full, and `trimmed` for the note that a long feed shows only the events nearest to today.
 * @csspart message - The text of an error or stale message.
 * @csspart retry - The retry button of an error or stale message.
 *
 * @cssproperty [--ect-accent=#1d4f91] - Buttons, links, the chosen day, event dots and focus rings.
 * @cssproperty [--ect-muted] - Days of other months, times and places (default: the text colour at 65%).
 * @cssproperty [--ect-border] - Grid lines and separators (default: the text colour at 18%).
 * @cssproperty [--ect-radius=6px] - Corner radius of days and buttons.
 * @cssproperty [--ect-today] - Background of today (default: the accent at 14%).
 */
@defineElement('ect-calendar')
export class EctCalendar extends FeedElement<'events'> {
  static override readonly lazyView = lazyView;
  static override readonly feedOptions = feedOptions('events', 900);

  /** Month shown, `YYYY-MM`; default the current month. Follows the person's navigation. */
  @property() month?: string | null;

  /** `grid` (month grid and the chosen day's events) or `list` (the month's events by date). */
  @property({ reflect: true, converter: oneOf(['grid', 'list'], 'grid') }) view: 'grid' | 'list' =
    'grid';

  /** First day of the week: 0 = Sunday (default) … 6 = Saturday. */
  @property({ attribute: 'first-day', converter: wholeNumber(0, 6, 0) }) firstDay = 0;

  /** `buddhist` (default in Thai) or `gregory` years. */
  @property({ converter: calendarAttribute }) calendar?: 'buddhist' | 'gregory' | null;

  /** `latn` (default) or `thai` digits. */
  @property({ converter: numeralsAttribute }) numerals?: 'latn' | 'thai' | null;

  /** IANA time zone the days and times are shown in; default `Asia/Bangkok`, `local` the viewer's. */
  @property({ attribute: 'time-zone' }) timeZone?: string | null;

  /** Show only these categories (comma-separated); no category filter then. */
  @property() category?: string | null;

  /** Link target of the "see full calendar" link; no link when absent. */
  @property({ attribute: 'see-all-href' }) seeAllHref?: string | null;

  /** Accessible name of the calendar; default "Calendar". */
  @property() label?: string | null;

  /** The chosen day, `YYYY-MM-DD`. @internal */
  @state() selected?: string;
  /** The day holding the grid's tab stop. @internal */
  @state() focusDay?: string;
  /** The category chosen in the filter; `''` for all. @internal */
  @state() chosenCategory = '';

  /** The month shown: its weeks and each day's events, worked out in `willUpdate`. @internal */
  model?: MonthModel;
  /** The feed's events by month, worked out once per feed: a month looks only at its own. */
  private index?: MonthIndex;
  /** The feed's events that may show in the weeks shown (`[from, to)`, instants). */
  private nearby?: { index: MonthIndex; from: number; to: number; events: CalendarEvent[] };
  /** Expands repeating events, once ical.js has loaded (the first feed with one). */
  private expander?: Expander;
  /** Set while ical.js loads or repeating events are being expanded. */
  private expanding?: Promise<unknown>;
  /** The expansion of repeating events over the weeks shown last. */
  private expansion?: Expansion;

  /** The time zone days and times are shown in. @internal */
  get zone(): string {
    return this.timeZone || 'Asia/Bangkok';
  }

  /** The month shown: `month` when valid, else the current month. @internal */
  get shownMonth(): string {
    return parseMonth(this.month) ?? todayKey(this.zone).slice(0, 7);
  }

  /** Shows the month `by` months before or after the one shown (the « and » buttons). */
  showMonth(by: number): void {
    const view = lazyView.current;
    if (view) this.goToMonth(view.shiftMonths(view.focusedDay(this), by));
  }

  /** Chooses `day` (a click, Enter, Space): shows its month and events, fires `ect-select`. @internal */
  chooseDay(day: string): void {
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
  }

  /**
   * Moves the grid's focus from `day` by a key of the date-grid keyboard map (`moveDate` in
   * month.ts, which comes with the view); false for a key that is not in it. @internal
   */
  moveFocus(day: string, key: string, shift: boolean): boolean {
    const to = lazyView.current?.moveDate(key, day, this.firstDay, shift);
    if (!to) return false;
    this.goToMonth(to);
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`[data-date="${to}"]`)?.focus(),
    );
    return true;
  }

  /** Shows only the events of `category` (`''` for all), as the category filter does. @internal */
  chooseCategory(category: string): void {
    this.chosenCategory = category;
  }

  /** Shows the month of `day` with `day` as the tab stop; fires `ect-month-change`. */
  private goToMonth(day: string): void {
    const month = day.slice(0, 7);
    this.focusDay = day;
    if (month === this.shownMonth) return;
    this.month = month;
    this.dispatchEvent(new EctMonthChangeEvent({ month }));
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
    if (changed.has('month') && this.selected && this.selected.slice(0, 7) !== this.shownMonth) {
      this.selected = undefined;
    }
    const view = lazyView.current;
    const data = this.feed.data;
    if (!view || !data) return;
    const month = this.shownMonth;
    const range = view.weeksRange(month, this.firstDay);
    const index = this.index?.events === data.events ? this.index : view.indexByMonth(data.events);
    this.index = index;
    const [from, to] = range;
    if (this.nearby?.index !== index || this.nearby.from !== from || this.nearby.to !== to) {
      this.nearby = { index, from, to, events: view.eventsWithin(index, from, to) };
    }
    const events = this.nearby.events;
    this.model = view.monthModel(
      {
        events,
        categories: index.categories,
        month,
        firstDay: this.firstDay,
        zone: this.zone,
        category: this.category ?? '',
        expansion: this.expansionOver(view, events, range),
      },
      this.model,
    );
  }

  protected override updated(): void {
    if (this.model && (this.view === 'list' || this.selected)) lazyView.current?.preloadIcsWriter();
  }

  /**
   * The expansion of the repeating `events` over `[start, end)`: the one running or done for
   * these inputs, else a new one, run for one slice now and then a slice per task until done
   * (`expanding` meanwhile, so `updateComplete` waits for it). Loads ical.js first.
   */
  private expansionOver(
    view: CalendarView,
    events: readonly CalendarEvent[],
    [start, end]: [number, number],
  ): Expansion | undefined {
    if (!events.some((event) => event.rrule)) return undefined;
    if (!this.expander) {
      this.expanding ??= view
        .loadExpander()
        .then(
          (expander) => (this.expander = expander),
          // Without ical.js a repeating event shows its first occurrence only.
          () => undefined,
        )
        .then(() => {
          this.expanding = undefined;
          this.requestUpdate();
        });
      return undefined;
    }
    const current = this.expansion;
    if (current?.source === events && current.from === start && current.to === end) {
      return current;
    }
    const expansion = this.expander(events, start, end);
    this.expansion = expansion;
    // The first slice runs inside this update, before the month renders: a short one, so that
    // slice and render stay one short task (a handful of repeating events fit in it).
    if (expansion.run(FIRST_SLICE_MS)) return expansion;
    const pending: Promise<void> = (async () => {
      while (this.expansion === expansion && !expansion.done) {
        await nextTask();
        expansion.run();
      }
    })().then(() => {
      if (this.expanding === pending) this.expanding = undefined;
      this.requestUpdate();
    });
    this.expanding = pending;
    return expansion;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-calendar': EctCalendar;
  }
}
