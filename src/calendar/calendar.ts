import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../element/define.js';
import { FeedController, dispatchFeedEvents } from '../element/feed-controller.js';
import type { FeedStatus } from '../feed/stream.js';
import { todayKey } from '../format/index.js';
import { LazyView } from '../element/lazy-view.js';
import { LangController } from '../element/localize.js';
import { hostStyles } from '../element/styles.js';
import type { FeedFormatOption } from '../feed/types.js';
import type { MonthModel } from './calendar.view.js';
import type { Expansion } from './recurrence.js';

/**
 * `'YYYY-MM'` when `value` is one, else `undefined`. Here rather than in month.ts, which only
 * the lazily loaded view needs. @internal
 */
export function parseMonth(value: string | null | undefined): string | undefined {
  const month = value?.trim();
  return month && /^\d{4}-(0[1-9]|1[0-2])$/.test(month) ? month : undefined;
}

// Not `view`: that is the grid/list property.
const lazyView: LazyView<EctCalendar> = new LazyView(() => import('./calendar.view.js'));

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
 * @csspart status - Loading, empty, error and stale messages; also `loading`, `empty`, `error`, `stale`, and `incomplete` for the note that some repeating events are not shown in full.
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
@defineElement('ect-calendar')
export class EctCalendar extends LitElement {
  static override styles = hostStyles;

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

  /** The chosen day, `YYYY-MM-DD`. @internal */
  @state() selected?: string;
  /** The day holding the grid's tab stop. @internal */
  @state() focusDay?: string;
  /** The category chosen in the filter; `''` for all. @internal */
  @state() chosenCategory = '';

  /** @internal */
  readonly i18n = new LangController(this);
  /** @internal */
  readonly feed = new FeedController(this, {
    kinds: ['events'],
    defaultRefresh: 900,
    onChange: dispatchFeedEvents(this),
  });
  /** The month rendered last (see the view). @internal */
  model?: MonthModel;
  /** Set while ical.js loads or recurring events are being expanded. @internal */
  expanding?: Promise<unknown>;
  /** The expansion of recurring events over the range shown last (see the view). @internal */
  expansion?: Expansion;

  constructor() {
    super();
    void lazyView.preload().catch(() => {});
  }

  /** `loading`, `ready`, `stale`, `empty` or `error`; also reflected as the `state` attribute. */
  get state(): FeedStatus {
    return this.feed.status;
  }

  /** Fetch the feed again now. */
  reload(): void {
    this.feed.retry();
  }

  /** The time zone days and times are shown in. @internal */
  get zone(): string {
    return this.timeZone || 'Asia/Bangkok';
  }

  /** The month shown: `month` when valid, else the current month. @internal */
  get shownMonth(): string {
    return parseMonth(this.month) ?? todayKey(this.zone).slice(0, 7);
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
  }

  protected override scheduleUpdate(): void | Promise<void> {
    return lazyView.schedule(this, () => super.scheduleUpdate());
  }

  protected override render(): unknown {
    return this.i18n.render(() => lazyView.render(this));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-calendar': EctCalendar;
  }
}
