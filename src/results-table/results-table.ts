import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../element/define.js';
import { FeedController, dispatchFeedEvents } from '../element/feed-controller.js';
import type { FeedStatus } from '../feed/stream.js';
import { LazyView } from '../element/lazy-view.js';
import { LangController } from '../element/localize.js';
import { hostStyles } from '../element/styles.js';
import type { FeedFormatOption, Race, ResultsData } from '../feed/types.js';
import { safeColor } from '../feed/url.js';
import type { ResultRow, SortKey } from './results.js';

const view: LazyView<EctResultsTable> = new LazyView(() => import('./results-table.view.js'));

/**
 * Election results (ประกาศผลการเลือกตั้ง) of one or several constituency races, from a JSON or
 * CSV feed, live during the count: refreshes keep the sort, search, scroll and focus, changed
 * rows are highlighted briefly and one polite, throttled announcement says what changed.
 *
 * @summary Accessible, sortable election results table with race summary and live updates.
 *
 * @fires ect-load - New data is shown. `detail: { data, source: 'network' | 'cache' | 'inline' }`.
 * @fires ect-error - The feed failed. `detail: { message, error }`.
 *
 * @slot - Fallback content (e.g. a link to the results page), shown until the first data arrives and again when the first load fails. A child `<script type="application/json">` (or `text/csv`) is inline data instead.
 *
 * @csspart base - The wrapper of everything.
 * @csspart controls - The row of race selector, search, pause and download controls.
 * @csspart race-select - The `<select>` of races (only with several races).
 * @csspart search - The search box.
 * @csspart pause - The button pausing and resuming automatic updates.
 * @csspart download - The CSV download button.
 * @csspart badge - The "unofficial result" badge.
 * @csspart updated - The time of the last update.
 * @csspart summary - The race figures (counted, eligible voters, turnout, invalid and no-vote ballots).
 * @csspart progress - The `<progress>` bar of the counted share.
 * @csspart table - The `<table>`.
 * @csspart caption - The table caption (the race's title).
 * @csspart sort - A sortable column header's button.
 * @csspart row - A candidate's row; also `elected`, `leading`, and `changed` just after an update.
 * @csspart swatch - The party colour square.
 * @csspart bar - The share bar.
 * @csspart mark - The elected or leading mark.
 * @csspart pager - Previous/next page controls, when there are more rows than `page-size`.
 * @csspart status - Loading, empty, error and stale messages; also `loading`, `empty`, `error`, `stale`.
 * @csspart message - The text of an error or stale message.
 * @csspart retry - The retry button of an error or stale message.
 *
 * @cssproperty [--ect-accent=#1d4f91] - Buttons, sort marks, bars without a party colour, focus rings.
 * @cssproperty [--ect-text=currentColor] - Text colour.
 * @cssproperty [--ect-muted] - Secondary text (default: the text colour at 65%).
 * @cssproperty [--ect-border] - Rules, bar tracks (default: the text colour at 18%).
 * @cssproperty [--ect-surface=transparent] - Background.
 * @cssproperty [--ect-radius=6px] - Corner radius of badges, cards and buttons.
 * @cssproperty [--ect-gap=0.5rem] - Base spacing.
 * @cssproperty [--ect-highlight] - Background of rows that just changed (default: the accent at 20%).
 * @cssproperty [--ect-elected=#067647] - The elected mark.
 * @cssproperty [--ect-unofficial=#b54708] - The "unofficial result" badge.
 * @cssproperty [--ect-error=#b42318] - Error text.
 */
@defineElement('ect-results-table')
export class EctResultsTable extends LitElement {
  static override styles = hostStyles;

  /** Feed URL (JSON or CSV), relative to the page. Without it the element reads inline data or `data`. */
  @property() src?: string | null;

  /** `auto` (Content-Type, then sniffing), `json` or `csv`. */
  @property() format: FeedFormatOption = 'auto';

  /** Seconds between fetches; `0` fetches once. Default 30. */
  @property({ type: Number }) refresh?: number | null;

  /** URL template with `{url}` for feeds served without CORS headers. */
  @property() proxy?: string | null;

  /** Results set from script: `{ candidates: [...] }` or `{ races: [...] }`. */
  @property({ attribute: false }) data?: unknown;

  /** Id of the race shown (default the first); the race selector sets it. */
  @property() race?: string | null;

  /** Accessible name of the whole element; default "Election results". */
  @property() label?: string | null;

  /** `latn` (default) or `thai` digits. */
  @property() numerals?: 'latn' | 'thai' | null;

  /** Rows per page; `0` shows all rows at once. */
  @property({ type: Number, attribute: 'page-size' }) pageSize = 50;

  /** @internal */
  @state() sortKey: SortKey = 'votes';
  /** @internal */
  @state() descending = true;
  /** @internal */
  @state() query = '';
  /** @internal */
  @state() page = 0;
  /** @internal */
  @state() paused = false;
  /** The text of the polite live region. @internal */
  @state() liveText = '';

  /** The data kept on screen while updates are paused. @internal */
  frozen?: ResultsData;
  /** The data rendered last, to tell what a refresh changed. @internal */
  seen?: ResultsData;
  /** Keys of the rows highlighted as just changed. @internal */
  changed = new Set<string>();
  /** The race's rows in the default order. @internal */
  baseRows?: [Race, ResultRow[]];
  /** The race's rows searched and sorted, with the search and sort they are for. @internal */
  sortedRows?: [Race, string, ResultRow[]];
  /** The rows on the current page, in the order of the `<tr>`s. @internal */
  shownRows: ResultRow[] = [];
  /** The newest announcement, said when the throttle allows. @internal */
  pendingText = '';
  /** @internal */
  lastAnnounced = -Infinity;
  /** @internal */
  announceTimer?: ReturnType<typeof setTimeout>;
  /** @internal */
  highlightTimer?: ReturnType<typeof setTimeout>;

  /** @internal */
  readonly i18n = new LangController(this);
  /** @internal */
  readonly feed = new FeedController(this, {
    kinds: ['results'],
    defaultRefresh: 30,
    onChange: dispatchFeedEvents(this),
  });

  constructor() {
    super();
    void view.preload().catch(() => {});
  }

  /** `loading`, `ready`, `stale`, `empty` or `error`; also reflected as the `state` attribute. */
  get state(): FeedStatus {
    return this.feed.status;
  }

  /** Fetch the feed again now. */
  reload(): void {
    this.feed.retry();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    clearTimeout(this.highlightTimer);
    this.announceTimer = undefined;
  }

  protected override scheduleUpdate(): void | Promise<void> {
    return view.schedule(this, () => super.scheduleUpdate());
  }

  protected override render(): unknown {
    return this.i18n.render(() => view.render(this));
  }

  /**
   * Party colour and share go to each row as custom properties through the CSSOM, which a strict
   * CSP (no inline style attributes) allows; the swatch and the bar read them.
   */
  protected override updated(): void {
    const trs = this.renderRoot.querySelectorAll<HTMLElement>('tbody tr[part]');
    this.shownRows.forEach(({ candidate, share }, i) => {
      const style = trs[i]?.style;
      const color = safeColor(candidate.color);
      if (!style) return;
      if (color) style.setProperty('--c', color);
      else style.removeProperty('--c');
      style.setProperty('--s', `${Math.min(100, share)}%`);
    });
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-results-table': EctResultsTable;
  }
}
