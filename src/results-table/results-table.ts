import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg, str } from '@lit/localize';
import { customElement } from '../core/define.js';
import { FeedController, dispatchFeedEvents } from '../core/feed-controller.js';
import type { FeedStatus } from '../core/feed-stream.js';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatTime,
  todayKey,
  zonedDateKey,
  type FormatOptions,
} from '../core/format.js';
import { LangController } from '../core/localize.js';
import { t } from '../core/messages.js';
import { emptyTemplate, feedStatus, staleNotice } from '../core/status.js';
import { hostStyles } from '../core/styles.js';
import type { FeedFormatOption, Race, ResultsData } from '../core/types.js';
import { safeColor } from '../core/url.js';
import { styles } from './results-table.styles.js';
import {
  changedKeys,
  filterRows,
  keyOf,
  raceRows,
  sortRows,
  toCsv,
  type ResultRow,
  type SortKey,
} from './results.js';

/** At most one live announcement per minute, however often the feed refreshes. */
const ANNOUNCE_MS = 60_000;
/** How long changed rows stay highlighted. */
const HIGHLIGHT_MS = 3_000;
const SORT_KEYS: (SortKey | undefined)[] = [
  undefined,
  'number',
  'name',
  'party',
  'votes',
  undefined,
  undefined,
];

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
@customElement('ect-results-table')
export class EctResultsTable extends LitElement {
  static override styles = [hostStyles, styles];

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

  @state() private sortKey: SortKey = 'votes';
  @state() private descending = true;
  @state() private query = '';
  @state() private page = 0;
  @state() private paused = false;
  @state() private liveText = '';

  private frozen?: ResultsData;
  private seen?: ResultsData;
  private changed = new Set<string>();
  private base?: [Race, ResultRow[]];
  private view?: [Race, string, ResultRow[]];
  /** The rows on the current page, in the order of the `<tr>`s. */
  private shownRows: ResultRow[] = [];
  private pendingText = '';
  private lastAnnounced = -Infinity;
  private announceTimer?: ReturnType<typeof setTimeout>;
  private highlightTimer?: ReturnType<typeof setTimeout>;

  private readonly i18n = new LangController(this);
  private readonly feed = new FeedController(this, {
    kinds: ['results'],
    defaultRefresh: 30,
    onChange: dispatchFeedEvents(this),
  });

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

  /** The data on screen: frozen while updates are paused. */
  private get shown(): ResultsData | undefined {
    return (this.paused && this.frozen) || this.feed.data;
  }

  private get options(): FormatOptions {
    return { lang: this.i18n.lang, numerals: this.numerals ?? undefined };
  }

  private currentRace(data: ResultsData): Race | undefined {
    return data.races.find((race) => race.id === this.race) ?? data.races[0];
  }

  /** The race's rows, searched and sorted; kept until the race, search or sort changes. */
  private rowsOf(race: Race): ResultRow[] {
    if (this.base?.[0] !== race) this.base = [race, raceRows(race)];
    const key = `${this.sortKey} ${this.descending} ${this.query}`;
    if (this.view?.[0] !== race || this.view[1] !== key) {
      const rows = filterRows(this.base[1], this.query);
      // raceRows gives the default order already: most votes first.
      const sorted =
        this.sortKey === 'votes' && this.descending
          ? rows
          : sortRows(rows, this.sortKey, this.descending);
      this.view = [race, key, sorted];
    }
    return this.view[2];
  }

  protected override willUpdate(): void {
    const data = this.shown;
    if (data === this.seen) return;
    const before = this.seen;
    this.seen = data;
    const race = data && this.currentRace(data);
    if (!before || !race) return;
    const old = before.races.find((r) => r.id === race.id);
    if (old) {
      this.changed = changedKeys(old, race);
      clearTimeout(this.highlightTimer);
      this.highlightTimer = setTimeout(() => {
        this.changed = new Set();
        this.requestUpdate();
      }, HIGHLIGHT_MS);
    }
    this.announce(race, data);
  }

  /** Queues "Updated 21.30 น. Counted 85.2%" for the live region, at most once a minute. */
  private announce(race: Race, data: ResultsData): void {
    const time = this.time(race.updated ?? data.updated ?? new Date());
    const counted = race.counted;
    this.pendingText = this.i18n.render(() =>
      counted === undefined
        ? t.updatedAt(time)
        : msg(str`Updated ${time}, ${formatPercent(counted, this.options)} counted`, {
            id: 'results-table.update',
          }),
    );
    this.announceTimer ??= setTimeout(
      () => {
        this.announceTimer = undefined;
        this.lastAnnounced = Date.now();
        this.liveText = this.pendingText;
      },
      Math.max(0, this.lastAnnounced + ANNOUNCE_MS - Date.now()),
    );
  }

  /** `21.30 น.` today; with the date before it on other days. */
  private time(value: string | Date): string {
    const time = formatTime(value, this.options);
    return zonedDateKey(value) === todayKey() ? time : `${formatDate(value, this.options)} ${time}`;
  }

  protected override render() {
    return this.i18n.render(() => this.renderContent());
  }

  private renderContent(): TemplateResult {
    const label = this.label || msg('Election results', { id: 'results-table.label' });
    const data = this.shown;
    const pending = feedStatus(this, this.feed, 5);
    if (pending || !data) {
      return html`<section part="base" aria-label=${label} aria-busy=${this.state === 'loading'}>
        ${pending}
      </section>`;
    }
    const race = this.currentRace(data);
    return html`<section part="base" aria-label=${label}>
      ${staleNotice(this.feed)}
      ${race?.candidates.length ? this.renderRace(data, race, label) : emptyTemplate()}
      <div class="visually-hidden" role="status">${this.liveText}</div>
    </section>`;
  }

  private headings(): string[] {
    return [
      msg('Rank', { id: 'results-table.rank' }),
      msg('No.', { id: 'results-table.number' }),
      msg('Candidate', { id: 'results-table.candidate' }),
      msg('Party', { id: 'results-table.party' }),
      msg('Votes', { id: 'results-table.votes' }),
      msg('Share', { id: 'results-table.share' }),
      msg('Result', { id: 'results-table.result' }),
    ];
  }

  private renderRace(data: ResultsData, race: Race, label: string): TemplateResult {
    const o = this.options;
    const num = (n: number) => formatNumber(n, o);
    const updated = race.updated ?? data.updated;
    const figures: [string, unknown][] = [];
    const add = (term: string, value: number | undefined, extra: unknown = nothing) => {
      if (value !== undefined) figures.push([term, html`${num(value)}${extra}`]);
    };
    if (race.counted !== undefined) {
      figures.push([
        msg('Counted', { id: 'results-table.counted' }),
        html`${formatPercent(race.counted, o)}
          <progress part="progress" max="100" value=${race.counted} aria-hidden="true"></progress>`,
      ]);
    }
    add(msg('Eligible voters', { id: 'results-table.eligible' }), race.eligible);
    add(
      msg('Turnout', { id: 'results-table.turnout' }),
      race.turnout,
      race.eligible && race.turnout !== undefined
        ? ` (${formatPercent((100 * race.turnout) / race.eligible, o)})`
        : nothing,
    );
    add(msg('Invalid ballots', { id: 'results-table.invalid' }), race.invalid);
    add(msg('No vote', { id: 'results-table.no-vote' }), race.noVote);

    const rows = this.rowsOf(race);
    const size = this.pageSize > 0 ? this.pageSize : rows.length || 1;
    const pages = Math.max(1, Math.ceil(rows.length / size));
    const page = Math.min(this.page, pages - 1);
    const start = page * size;
    const paged = pages > 1;
    const heads = this.headings();
    const caption = [...new Set([data.title, race.title ?? race.name])].filter(Boolean).join(' – ');
    const live = !!this.src && this.refresh !== 0;

    return html`<div part="controls">
        ${
          data.races.length > 1
            ? html`<label
                >${msg('Constituency', { id: 'results-table.race' })}
                <select
                  part="race-select"
                  @change=${(e: Event) => {
                    this.race = (e.target as HTMLSelectElement).value;
                    this.page = 0;
                  }}
                >
                  ${data.races.map(
                    (r) =>
                      html`<option value=${r.id} .selected=${r === race}>
                        ${r.name ?? r.title ?? r.id}
                      </option>`,
                  )}
                </select></label
              >`
            : nothing
        }
        <label
          >${msg('Search candidate or party', { id: 'results-table.search' })}
          <input
            part="search"
            type="search"
            .value=${this.query}
            @input=${(e: Event) => {
              this.query = (e.target as HTMLInputElement).value;
              this.page = 0;
            }}
        /></label>
        ${
          live
            ? html`<button part="pause" type="button" @click=${this.togglePause}>
                ${
                  this.paused
                    ? msg('Resume updates', { id: 'results-table.resume' })
                    : msg('Pause updates', { id: 'results-table.pause' })
                }
              </button>`
            : nothing
        }
        <button part="download" type="button" @click=${() => this.download(race)}>
          ${msg('Download CSV', { id: 'results-table.download' })}
        </button>
      </div>
      <p class="meta">
        ${
          race.official === false
            ? html`<span part="badge"
                >${msg('Unofficial result', { id: 'results-table.unofficial' })}</span
              >`
            : nothing
        }
        ${
          updated
            ? html`<time part="updated" datetime=${updated}
                >${t.updatedAt(this.time(updated))}</time
              >`
            : nothing
        }
      </p>
      ${
        figures.length
          ? html`<dl part="summary">
              ${figures.map(
                ([term, value]) =>
                  html`<div>
                    <dt>${term}</dt>
                    <dd>${value}</dd>
                  </div>`,
              )}
            </dl>`
          : nothing
      }
      <div class="scroll">
        <table part="table" aria-rowcount=${paged ? rows.length + 1 : nothing}>
          <caption part="caption">
            ${caption || label}
          </caption>
          <thead>
            <tr aria-rowindex=${paged ? 1 : nothing}>
              ${heads.map((head, i) => this.renderHead(head, SORT_KEYS[i]))}
            </tr>
          </thead>
          <tbody>
            ${
              rows.length
                ? (this.shownRows = rows.slice(start, start + size)).map((row, i) =>
                    this.renderRow(row, heads, paged ? start + i + 2 : undefined),
                  )
                : html`<tr>
                    <td colspan="7">
                      ${msg('No candidate matches', { id: 'results-table.no-match' })}
                    </td>
                  </tr>`
            }
          </tbody>
        </table>
      </div>
      ${
        paged
          ? html`<div part="pager">
              ${this.renderPageButton(t.previous(), page > 0, page - 1)}
              <span
                >${msg(
                  str`${num(start + 1)}–${num(Math.min(start + size, rows.length))} of ${num(rows.length)}`,
                  { id: 'results-table.page' },
                )}</span
              >
              ${this.renderPageButton(t.next(), page < pages - 1, page + 1)}
            </div>`
          : nothing
      }`;
  }

  /** Stays focusable at the first and last page (a disabled button would drop the focus). */
  private renderPageButton(text: string, enabled: boolean, page: number): TemplateResult {
    return html`<button
      type="button"
      aria-disabled=${!enabled}
      @click=${() => {
        if (enabled) this.page = page;
      }}
    >
      ${text}
    </button>`;
  }

  private renderHead(text: string, key: SortKey | undefined): TemplateResult {
    if (!key) return html`<th scope="col" class="plain">${text}</th>`;
    const sorted = this.sortKey === key;
    return html`<th
      scope="col"
      aria-sort=${sorted ? (this.descending ? 'descending' : 'ascending') : nothing}
    >
      <button part="sort" type="button" @click=${() => this.sortBy(key)}>${text}</button>
    </th>`;
  }

  private markOf({ candidate, leading }: ResultRow): string {
    return candidate.elected
      ? msg('Elected', { id: 'results-table.elected' })
      : leading
        ? msg('Leading', { id: 'results-table.leading' })
        : '';
  }

  private renderRow(row: ResultRow, heads: string[], index?: number): TemplateResult {
    const o = this.options;
    const c = row.candidate;
    const mark = this.markOf(row);
    const part = `row${c.elected ? ' elected' : ''}${row.leading ? ' leading' : ''}${
      this.changed.has(keyOf(c)) ? ' changed' : ''
    }`;
    return html`<tr part=${part} aria-rowindex=${index ?? nothing}>
      <td data-label=${heads[0]} class="num">${formatNumber(row.rank, o)}</td>
      <td data-label=${heads[1]} class="num">
        ${typeof c.number === 'number' ? formatNumber(c.number, o) : c.number}
      </td>
      <th scope="row" data-label=${heads[2]}>${c.name}</th>
      <td data-label=${heads[3]}>
        ${safeColor(c.color) ? html`<span part="swatch"></span>` : nothing}${c.party ?? ''}
      </td>
      <td data-label=${heads[4]} class="num">${formatNumber(c.votes, o)}</td>
      <td data-label=${heads[5]} class="num">
        ${formatPercent(row.share, o)}<span part="bar"></span>
      </td>
      <td data-label=${heads[6]}>${mark ? html`<span part="mark">${mark}</span>` : nothing}</td>
    </tr>`;
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

  private sortBy(key: SortKey): void {
    if (this.sortKey === key) this.descending = !this.descending;
    else {
      this.sortKey = key;
      this.descending = key === 'votes';
    }
    this.page = 0;
  }

  private togglePause(): void {
    this.frozen = this.paused ? undefined : this.feed.data;
    this.paused = !this.paused;
  }

  /** The race's rows as shown (searched and sorted, every page), as a UTF-8 CSV file. */
  private download(race: Race): void {
    const text = this.i18n.render(() => {
      const heads = this.headings();
      return toCsv([
        [msg('Constituency', { id: 'results-table.race' }), ...heads],
        ...this.rowsOf(race).map((row) => [
          race.name ?? race.title ?? race.id,
          row.rank,
          row.candidate.number,
          row.candidate.name,
          row.candidate.party,
          row.candidate.votes,
          Math.round(row.share * 100) / 100,
          this.markOf(row),
        ]),
      ]);
    });
    // The BOM makes Excel read the file as UTF-8 (else Thai turns into mojibake).
    const url = URL.createObjectURL(new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${race.name ?? race.id}.csv`.replace(/[\\/:*?"<>|\s]+/g, '-');
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-results-table': EctResultsTable;
  }
}
