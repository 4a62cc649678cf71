import { html, nothing, type TemplateResult } from 'lit';
import { msg, str } from '@lit/localize';
import {
  formatDate,
  formatNumber,
  formatPercent,
  formatTime,
  todayKey,
  zonedDateKey,
  type FormatOptions,
} from '../format/index.js';
import type { ElementView } from '../element/lazy-view.js';
import { noticeText } from '../element/error-text.js';
import { messages } from '../element/messages.js';
import { emptyTemplate, statusSection, staleNotice } from '../element/status.js';
import type { Race, ResultsData } from '../feed/types.js';
import { safeColor } from '../feed/url.js';
import type { EctResultsTable, ShownResults } from './results-table.js';
import { viewStyles } from '../element/view-styles.js';
import { styles } from './results-table.styles.js';
import { templates as th } from '../generated/locales/th/results-table.js';
import {
  ballotRaces,
  changedKeys,
  filterRows,
  keyOf,
  raceRows,
  sortRows,
  toCsv,
  type ResultRow,
  type SortKey,
} from './results.js';

/** The view of `<ect-results-table>`: templates, styles, and the maths and texts its element uses. */
export interface ResultsView extends ElementView<EctResultsTable> {
  readonly ballotRaces: typeof ballotRaces;
  readonly raceRows: typeof raceRows;
  readonly filterRows: typeof filterRows;
  readonly sortRows: typeof sortRows;
  readonly changedKeys: typeof changedKeys;
  /** The announcement of a refresh: "Updated 21.30 น., 85.2% counted". */
  updateText(host: Host, race: Race, data: ResultsData): string;
}

/** Loaded on the element's first use; the element calls the functions besides `render`. */
export const view: ResultsView = {
  styles: [viewStyles, styles],
  th,
  render,
  ballotRaces,
  raceRows,
  filterRows,
  sortRows,
  changedKeys,
  updateText,
};

/** The element, read-only: the view renders from it and calls its methods. */
type Host = Readonly<EctResultsTable>;

const SORT_KEYS: (SortKey | undefined)[] = [
  undefined,
  'number',
  'name',
  'party',
  'votes',
  undefined,
  undefined,
];

const optionsOf = (host: Host): FormatOptions => ({
  lang: host.i18n.lang,
  numerals: host.numerals ?? undefined,
});

function updateText(host: Host, race: Race, data: ResultsData): string {
  const time = timeText(host, race.updated ?? data.updated ?? new Date());
  return race.counted === undefined
    ? messages.updatedAt(time)
    : msg(str`Updated ${time}, ${formatPercent(race.counted, optionsOf(host))} counted`, {
        id: 'results-table.update',
      });
}

/** `21.30 น.` today; with the date before it on other days. */
function timeText(host: Host, value: string | Date): string {
  const options = optionsOf(host);
  const time = formatTime(value, options);
  return zonedDateKey(value) === todayKey() ? time : `${formatDate(value, options)} ${time}`;
}

function render(host: Host): TemplateResult {
  const shown = host.shown;
  const label = host.label || msg('Election results', { id: 'results-table.label' });
  if (!host.feed.data || !shown) return statusSection(host, host.feed, label, 5);
  const race = shown.race;
  return html`<section part="base" aria-label=${label}>
    ${staleNotice(host.feed)}
    ${race?.candidates.length ? renderRace(host, shown, race, label) : emptyTemplate()}
    <div class="visually-hidden" role="status">${shown.liveText}</div>
  </section>`;
}

/** The column headings; a party-list race's rows are parties (name, then abbreviation). */
function headings(race?: Race): string[] {
  const parties = race?.ballot === 'party-list';
  return [
    msg('Rank', { id: 'results-table.rank' }),
    msg('No.', { id: 'results-table.number' }),
    parties
      ? msg('Party', { id: 'results-table.party' })
      : msg('Candidate', { id: 'results-table.candidate' }),
    parties
      ? msg('Abbreviation', { id: 'results-table.abbreviation' })
      : msg('Party', { id: 'results-table.party' }),
    msg('Votes', { id: 'results-table.votes' }),
    msg('Share', { id: 'results-table.share' }),
    msg('Result', { id: 'results-table.result' }),
  ];
}

/** A race's name in the selector and caption: "เขตเลือกตั้งที่ 1" for an ECT constituency. */
function raceLabel(race: Race): string {
  return race.constituency !== undefined
    ? msg(str`Constituency ${race.constituency}`, { id: 'results-table.constituency' })
    : (race.name ?? race.title ?? race.id);
}

/** The rows a reference file could not name, said once above the table. */
function renderNotices(data: ResultsData): unknown {
  return data.notices?.length
    ? html`<div part="notice" role="note">
        <p>
          ${msg("Names missing from the ECT's reference files: those rows show the ECT's id.", { id: 'results-table.refs-missing' })}
        </p>
        <ul>
          ${data.notices.map((notice) => html`<li>${noticeText(notice)}</li>`)}
        </ul>
      </div>`
    : nothing;
}

/** A referendum: the question, then each answer with its votes and a bar of its share. */
function renderAnswers(host: Host, shown: ShownResults, race: Race): TemplateResult {
  const o = optionsOf(host);
  const heads = [
    msg('Answer', { id: 'results-table.answer' }),
    msg('Votes', { id: 'results-table.votes' }),
    msg('Share', { id: 'results-table.share' }),
  ];
  return html`<div class="scroll">
    <table part="table">
      <caption part="caption question">
        ${race.title}
        <span class="area">${[shown.data.title, raceLabel(race)].filter(Boolean).join(' – ')}</span>
      </caption>
      <thead>
        <tr>
          ${heads.map((head) => html`<th scope="col" class="plain">${head}</th>`)}
        </tr>
      </thead>
      <tbody>
        ${shown.pageRows.map(
          ({ candidate: c, share }) =>
            html`<tr part="row">
              <th scope="row" data-label=${heads[0]}><span part="swatch"></span>${c.name}</th>
              <td data-label=${heads[1]} class="num">${formatNumber(c.votes, o)}</td>
              <td data-label=${heads[2]} class="num">
                ${formatPercent(share, o)}<span part="bar"></span>
              </td>
            </tr>`,
        )}
      </tbody>
    </table>
  </div>`;
}

function renderRace(host: Host, shown: ShownResults, race: Race, label: string): TemplateResult {
  const { data, rows, page, pages, start, size } = shown;
  const o = optionsOf(host);
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
  add(msg('Valid ballots', { id: 'results-table.valid' }), race.valid);
  add(msg('Invalid ballots', { id: 'results-table.invalid' }), race.invalid);
  add(msg('No vote', { id: 'results-table.no-vote' }), race.noVote);
  if (race.stationsCounted !== undefined) {
    figures.push([
      msg('Polling stations counted', { id: 'results-table.stations' }),
      race.stations === undefined
        ? num(race.stationsCounted)
        : msg(str`${num(race.stationsCounted)} of ${num(race.stations)}`, {
            id: 'results-table.stations-of',
          }),
    ]);
  }

  const paged = pages > 1;
  const referendum = race.ballot === 'referendum';
  const live = !!host.src && host.refresh !== 0;

  return html`<div part="controls">
      ${
        shown.races.length > 1
          ? html`<label
              >${msg('Constituency', { id: 'results-table.race' })}
              <select
                part="race-select"
                @change=${(e: Event) => host.chooseRace((e.target as HTMLSelectElement).value)}
              >
                ${shown.races.map(
                  (r) =>
                    html`<option value=${r.id} .selected=${r === race}>${raceLabel(r)}</option>`,
                )}
              </select></label
            >`
          : nothing
      }
      ${
        referendum
          ? nothing
          : html`<label
              >${msg('Search candidate or party', { id: 'results-table.search' })}
              <input
                part="search"
                type="search"
                .value=${shown.query}
                @input=${(e: Event) => host.search((e.target as HTMLInputElement).value)}
            /></label>`
      }
      ${
        live
          ? html`<button part="pause" type="button" @click=${() => host.togglePause()}>
              ${
                shown.paused
                  ? msg('Resume updates', { id: 'results-table.resume' })
                  : msg('Pause updates', { id: 'results-table.pause' })
              }
            </button>`
          : nothing
      }
      <button part="download" type="button" @click=${() => download(host, race, rows)}>
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
        race.paused
          ? html`<span part="badge paused"
              >${msg('Reporting paused', { id: 'results-table.paused' })}</span
            >`
          : nothing
      }
      ${
        updated
          ? html`<time part="updated" datetime=${updated}
              >${messages.updatedAt(timeText(host, updated))}</time
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
    ${race.areas?.length ? html`<p part="areas">${race.areas.join(', ')}</p>` : nothing}
    ${renderNotices(data)}
    ${referendum ? renderAnswers(host, shown, race) : renderTable(host, shown, race, label)}
    ${
      paged
        ? html`<div part="pager">
            ${renderPageButton(host, messages.previous(), page > 0, page - 1)}
            <span
              >${msg(
                str`${num(start + 1)}–${num(Math.min(start + size, rows.length))} of ${num(rows.length)}`,
                { id: 'results-table.page' },
              )}</span
            >
            ${renderPageButton(host, messages.next(), page < pages - 1, page + 1)}
          </div>`
        : nothing
    }`;
}

/** The sortable table of a race's candidates (or parties). */
function renderTable(host: Host, shown: ShownResults, race: Race, label: string): TemplateResult {
  const { data, rows, pages, start } = shown;
  const paged = pages > 1;
  const heads = headings(race);
  const caption = [
    ...new Set([
      data.title,
      race.constituency === undefined ? (race.title ?? race.name) : raceLabel(race),
    ]),
  ]
    .filter(Boolean)
    .join(' – ');
  return html`<table part="table" aria-rowcount=${paged ? rows.length + 1 : nothing}>
        <caption part="caption">
          ${caption || label}
        </caption>
        <thead>
          <tr aria-rowindex=${paged ? 1 : nothing}>
            ${heads.map((head, i) => renderHead(host, shown, head, SORT_KEYS[i]))}
          </tr>
        </thead>
        <tbody>
          ${
            rows.length
              ? shown.pageRows.map((row, i) =>
                  renderRow(host, shown, row, heads, paged ? start + i + 2 : undefined),
                )
              : html`<tr>
                  <td colspan="7">
                    ${msg('No candidate matches', { id: 'results-table.no-match' })}
                  </td>
                </tr>`
          }
        </tbody>
      </table>
    </div>`;
}

/** Stays focusable at the first and last page (a disabled button would drop the focus). */
function renderPageButton(
  host: Host,
  text: string,
  enabled: boolean,
  page: number,
): TemplateResult {
  return html`<button
    type="button"
    aria-disabled=${!enabled}
    @click=${() => {
      if (enabled) host.showPage(page);
    }}
  >
    ${text}
  </button>`;
}

function renderHead(
  host: Host,
  shown: ShownResults,
  text: string,
  key: SortKey | undefined,
): TemplateResult {
  if (!key) return html`<th scope="col" class="plain">${text}</th>`;
  const sorted = shown.sortKey === key;
  return html`<th
    scope="col"
    aria-sort=${sorted ? (shown.descending ? 'descending' : 'ascending') : nothing}
  >
    <button part="sort" type="button" @click=${() => host.sortBy(key)}>${text}</button>
  </th>`;
}

function markOf({ candidate, leading }: ResultRow): string {
  return candidate.elected
    ? msg('Elected', { id: 'results-table.elected' })
    : leading
      ? msg('Leading', { id: 'results-table.leading' })
      : '';
}

function renderRow(
  host: Host,
  shown: ShownResults,
  row: ResultRow,
  heads: string[],
  index?: number,
): TemplateResult {
  const o = optionsOf(host);
  const c = row.candidate;
  const mark = markOf(row);
  const part = `row${c.elected ? ' elected' : ''}${row.leading ? ' leading' : ''}${
    shown.highlighted.has(keyOf(c)) ? ' changed' : ''
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

/** The race's rows as shown (searched and sorted, every page), as a UTF-8 CSV file. */
function download(host: Host, race: Race, rows: readonly ResultRow[]): void {
  const text = host.i18n.render(() => {
    const heads = headings(race);
    return toCsv([
      [msg('Constituency', { id: 'results-table.race' }), ...heads],
      ...rows.map((row) => [
        race.name ?? race.title ?? race.id,
        row.rank,
        row.candidate.number,
        row.candidate.name,
        row.candidate.party,
        row.candidate.votes,
        Math.round(row.share * 100) / 100,
        markOf(row),
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
