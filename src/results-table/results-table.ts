import { property, state } from 'lit/decorators.js';
import { countAttribute, numeralsAttribute } from '../element/attributes.js';
import { defineElement } from '../element/define.js';
import { FeedElement, feedOptions } from '../element/feed-element.js';
import { LazyView } from '../element/lazy-view.js';
import type { Race, ResultsData } from '../feed/types.js';
import { safeColor } from '../feed/url.js';
import type { ResultsView } from './results-table.view.js';
import type { ResultRow, SortKey } from './results.js';

const lazyView: LazyView<EctResultsTable, ResultsView> = new LazyView(
  () => import('./results-table.view.js'),
);

/** At most one live announcement per minute, however often the feed refreshes. */
const ANNOUNCE_MS = 60_000;
/** How long changed rows stay highlighted. */
const HIGHLIGHT_MS = 3_000;

/**
 * What the view renders from, worked out by the element before each render (`willUpdate`);
 * read-only for the view, which changes state only through the element's methods.
 */
export interface ShownResults {
  /** The data on screen: the feed's, or the data kept while updates are paused. */
  readonly data: ResultsData;
  /** The races of the ballot shown (`view`), narrowed to `constituency` when it is set. */
  readonly races: readonly Race[];
  /** The race shown: the one `race` names, else the first. */
  readonly race?: Race;
  /** The race's rows, searched and sorted (every page). */
  readonly rows: readonly ResultRow[];
  /** The rows on the current page, in the order of the `<tr>`s. */
  readonly pageRows: readonly ResultRow[];
  /** The current page (from 0, at most the last), the number of pages and the rows per page. */
  readonly page: number;
  readonly pages: number;
  readonly size: number;
  /** The index of the page's first row in `rows`. */
  readonly start: number;
  readonly sortKey: SortKey;
  readonly descending: boolean;
  readonly query: string;
  readonly paused: boolean;
  /** Keys of the rows highlighted as just changed. */
  readonly highlighted: ReadonlySet<string>;
  /** The text of the polite live region. */
  readonly liveText: string;
}

/**
 * Election results (ประกาศผลการเลือกตั้ง) of one or several constituency races, from a JSON or
 * CSV feed or the ECT's own election report files, live during the count: refreshes keep the
 * sort, search, scroll and focus, changed rows are highlighted briefly and one polite,
 * throttled announcement says what changed.
 *
 * Feed (`src`, inline or `data`): JSON `{ candidates: [...] }` or `{ races: [...] }`, or CSV;
 * `format` `auto`, `json`, `csv` or `ect-report`; `refresh` default 30 s.
 *
 * ECT election report (`format="ect-report"`, also recognised by its fields): `src` is the
 * ECT's `stats_cons.json` (constituencies and party-list) or `stats_referendum.json`
 * (referendum), `refs` the folder of its `info_*.json` reference files (default: beside `src`),
 * `province` the province's `prov_id` (`CRI`), `constituency` optionally one constituency, and
 * `view` the ballot shown.
 *
 * @summary Accessible, sortable election results table with race summary and live updates.
 *
 * @slot - Fallback content (e.g. a link to the results page), shown until the first data arrives and again when the first load fails. A child `<script type="application/json">` (or `text/csv`) is inline data instead.
 *
 * @csspart base - The wrapper of everything.
 * @csspart controls - The row of race selector, search, pause and download controls.
 * @csspart race-select - The `<select>` of races (only with several races).
 * @csspart search - The search box.
 * @csspart pause - The button pausing and resuming automatic updates.
 * @csspart download - The CSV download button.
 * @csspart badge - The "unofficial result" badge; also `paused` for "reporting paused".
 * @csspart areas - The districts a constituency covers (ECT report).
 * @csspart notice - What reference files could not give: those rows show the ECT's ids.
 * @csspart question - The referendum question.
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
 * @cssproperty [--ect-muted] - Secondary text (default: the text colour at 65%).
 * @cssproperty [--ect-border] - Rules, bar tracks (default: the text colour at 18%).
 * @cssproperty [--ect-radius=6px] - Corner radius of badges, cards and buttons.
 * @cssproperty [--ect-highlight] - Background of rows that just changed (default: the accent at 20%).
 * @cssproperty [--ect-elected=#067647] - The elected mark.
 * @cssproperty [--ect-unofficial=#b54708] - The "unofficial result" badge.
 * @cssproperty [--ect-error=#b42318] - Error text.
 */
@defineElement('ect-results-table')
export class EctResultsTable extends FeedElement<'results'> {
  static override readonly lazyView = lazyView;
  static override readonly feedOptions = feedOptions('results', 30);

  /** Id of the race shown (default the first); the race selector sets it. */
  @property() race?: string | null;

  /** Accessible name of the whole element; default "Election results". */
  @property() label?: string | null;

  /** `latn` (default) or `thai` digits. */
  @property({ converter: numeralsAttribute }) numerals?: 'latn' | 'thai' | null;

  /** Rows per page; `0` shows all rows at once. */
  @property({ attribute: 'page-size', converter: countAttribute(50) }) pageSize = 50;

  /** ECT report: folder URL of the `info_*.json` reference files (default: beside `src`). */
  @property() refs?: string | null;

  /** ECT report: the province shown, by its `prov_id` (`CRI`); needed with a national file. */
  @property() province?: string | null;

  /** ECT report: only this constituency (`CRI_1`, or its number `1`); default all of the province. */
  @property() constituency?: string | null;

  /** Which ballot: `constituencies` (default), `party-list` or `referendum` (a `stats_referendum.json` feed). */
  @property() view?: 'constituencies' | 'party-list' | 'referendum' | null;

  @state() private sortKey: SortKey = 'votes';
  @state() private descending = true;
  @state() private query = '';
  /** The page asked for; `shown.page` is within the pages there are. */
  @state() private page = 0;
  @state() private paused = false;
  @state() private liveText = '';
  @state() private highlighted: ReadonlySet<string> = new Set<string>();

  /** The data kept on screen while updates are paused. */
  private frozen?: ResultsData;
  /** The data rendered last, to tell what a refresh changed. */
  private seen?: ResultsData;
  /** The race's rows in the default order. */
  private baseRows?: [Race, ResultRow[]];
  /** The race's rows searched and sorted, with the search and sort they are for. */
  private sortedRows?: [Race, string, readonly ResultRow[]];
  /** The newest announcement, said when the throttle allows. */
  private pendingText = '';
  private lastAnnounced = -Infinity;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private highlightTimer?: ReturnType<typeof setTimeout>;
  #shown?: ShownResults;

  /** What the view renders; `undefined` before there is data. @internal */
  get shown(): ShownResults | undefined {
    return this.#shown;
  }

  /** Sorts by `key`; the same key again reverses the order. Back to the first page. @internal */
  sortBy(key: SortKey): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      this.descending = key === 'votes';
    }
    this.page = 0;
  }

  /** Shows the rows whose candidate or party contains `query`, from the first page. @internal */
  search(query: string): void {
    this.query = query;
    this.page = 0;
  }

  /** @internal */
  showPage(page: number): void {
    this.page = page;
  }

  /** Shows the race with id `id`, from the first page. @internal */
  chooseRace(id: string): void {
    this.race = id;
    this.page = 0;
  }

  /** Pauses automatic updates (the data on screen stays) or resumes with the newest. @internal */
  togglePause(): void {
    this.frozen = this.paused ? undefined : this.feed.data;
    this.paused = !this.paused;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.announceTimer);
    clearTimeout(this.highlightTimer);
    this.announceTimer = undefined;
  }

  /**
   * Works out what the view renders, and what a refresh changed. The row maths and the texts
   * come with the view (`lazyView.current`), which is loaded before the first update; without it
   * (it failed to load) the fallback shows and there is nothing to work out.
   */
  protected override willUpdate(): void {
    const view = lazyView.current;
    if (!view) return;
    const data = (this.paused && this.frozen) || this.feed.data;
    const races = data ? view.ballotRaces(data, this.view, this.constituency) : [];
    const race = races.find((r) => r.id === this.race) ?? races[0];
    if (data !== this.seen) this.track(view, data, race);
    if (!data) {
      this.#shown = undefined;
      return;
    }
    const rows = race ? this.rowsOf(view, race) : [];
    const size = this.pageSize > 0 ? this.pageSize : rows.length || 1;
    const pages = Math.max(1, Math.ceil(rows.length / size));
    const page = Math.min(this.page, pages - 1);
    const start = page * size;
    this.#shown = {
      data,
      races,
      race,
      rows,
      pageRows: rows.slice(start, start + size),
      page,
      pages,
      size,
      start,
      sortKey: this.sortKey,
      descending: this.descending,
      query: this.query,
      paused: this.paused,
      highlighted: this.highlighted,
      liveText: this.liveText,
    };
  }

  /**
   * Party colour and share go to each row as custom properties through the CSSOM, which a strict
   * CSP (no inline style attributes) allows; the swatch and the bar read them.
   */
  protected override updated(): void {
    const trs = this.renderRoot.querySelectorAll<HTMLElement>('tbody tr[part]');
    this.#shown?.pageRows.forEach(({ candidate, share }, i) => {
      const style = trs[i]?.style;
      const color = safeColor(candidate.color);
      if (!style) return;
      if (color) style.setProperty('--c', color);
      else style.removeProperty('--c');
      style.setProperty('--s', `${Math.min(100, share)}%`);
    });
  }

  /** The race's rows, searched and sorted; kept until the race, search or sort changes. */
  private rowsOf(view: ResultsView, race: Race): readonly ResultRow[] {
    if (this.baseRows?.[0] !== race) this.baseRows = [race, view.raceRows(race)];
    const key = `${this.sortKey} ${this.descending} ${this.query}`;
    if (this.sortedRows?.[0] !== race || this.sortedRows[1] !== key) {
      const rows = view.filterRows(this.baseRows[1], this.query);
      // raceRows gives the default order already: most votes first.
      const sorted =
        this.sortKey === 'votes' && this.descending
          ? rows
          : view.sortRows(rows, this.sortKey, this.descending);
      this.sortedRows = [race, key, sorted];
    }
    return this.sortedRows[2];
  }

  /** What a refresh changed: the rows to highlight for a moment, and the announcement. */
  private track(view: ResultsView, data?: ResultsData, race?: Race): void {
    const before = this.seen;
    this.seen = data;
    if (!before || !data || !race) return;
    const old = before.races.find((r) => r.id === race.id);
    if (old) {
      this.highlighted = view.changedKeys(old, race);
      clearTimeout(this.highlightTimer);
      this.highlightTimer = setTimeout(() => (this.highlighted = new Set()), HIGHLIGHT_MS);
    }
    this.announce(this.i18n.render(() => view.updateText(this, race, data)));
  }

  /** Says `text` in the live region, at most once a minute (the newest text when it can). */
  private announce(text: string): void {
    this.pendingText = text;
    this.announceTimer ??= setTimeout(
      () => {
        this.announceTimer = undefined;
        this.lastAnnounced = Date.now();
        this.liveText = this.pendingText;
      },
      Math.max(0, this.lastAnnounced + ANNOUNCE_MS - Date.now()),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-results-table': EctResultsTable;
  }
}
