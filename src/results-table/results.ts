/**
 * Results maths for `<ect-results-table>`, over plain normalized data: ranks, shares, the
 * leading mark, Thai-collated sorting, filtering, what changed between two refreshes, and CSV
 * text for the download.
 */
import type { Candidate, Race, ResultsData } from '../feed/types.js';

export type SortKey = 'number' | 'name' | 'party' | 'votes';

export interface ResultRow {
  candidate: Candidate;
  /** 1 for the most votes; equal votes share a rank (1, 1, 3). The source's rank when it gives one. */
  rank: number;
  /** Percent of the race's votes: the feed's own figure, else computed from the votes. */
  share: number;
  /** Most votes, alone, in a race that is not decided yet (no one elected, not official). */
  leading: boolean;
}

/** The ballot each `view` of the element shows. */
const BALLOTS: Record<string, Race['ballot']> = {
  constituencies: 'constituency',
  'party-list': 'party-list',
  referendum: 'referendum',
};

/**
 * The races of the ballot `view` names (a feed of another ballot only: that one), narrowed to
 * `constituency` (by id, `CRI_1`, or number, `1`) when it matches any.
 */
export function ballotRaces(
  data: ResultsData,
  view?: string | null,
  constituency?: string | null,
): Race[] {
  const wanted = BALLOTS[view ?? ''] ?? 'constituency';
  const ballot = (race: Race) => race.ballot ?? 'constituency';
  let races = data.races.filter((race) => ballot(race) === wanted);
  if (!races.length && data.races[0]) {
    const first = ballot(data.races[0]);
    races = data.races.filter((race) => ballot(race) === first);
  }
  const only = constituency?.trim();
  if (!only) return races;
  const matching = races.filter(
    (race) =>
      race.id === only ||
      race.id.endsWith(`:${only}`) ||
      (race.constituency !== undefined && String(race.constituency) === only),
  );
  return matching.length ? matching : races;
}

/** Stable across refreshes (number and name), for highlighting what changed. */
export const keyOf = (c: Candidate) => `${c.number}|${c.name}`;

/** The rows of a race in the default order: most votes first, ties in ballot-number order. */
export function raceRows(race: Race): ResultRow[] {
  const candidates = race.candidates;
  const total = candidates.reduce((sum, c) => sum + c.votes, 0);
  const rows = sortRows(
    candidates.map((candidate) => ({
      candidate,
      rank: 1,
      share: candidate.share ?? (total ? (100 * candidate.votes) / total : 0),
      leading: false,
    })),
    'votes',
    true,
  );
  rows.forEach((row, i) => {
    const above = rows[i - 1];
    if (above) row.rank = above.candidate.votes === row.candidate.votes ? above.rank : i + 1;
    if (row.candidate.rank !== undefined) row.rank = row.candidate.rank;
  });
  const [first, second] = rows;
  if (
    first?.candidate.votes &&
    first.candidate.votes !== second?.candidate.votes &&
    first.rank !== second?.rank &&
    !race.official &&
    !candidates.some((c) => c.elected)
  ) {
    first.leading = true;
  }
  return rows;
}

let collator: Intl.Collator | undefined;

/** Thai dictionary order (leading vowels such as เ ไ skipped), numbers by value. */
export function compareText(a: string, b: string): number {
  return (collator ??= new Intl.Collator('th', { numeric: true })).compare(a, b);
}

function compare(key: SortKey, a: Candidate, b: Candidate): number {
  if (key === 'votes') return a.votes - b.votes;
  if (key === 'number') {
    return typeof a.number === 'number' && typeof b.number === 'number'
      ? a.number - b.number
      : compareText(String(a.number), String(b.number));
  }
  return compareText(a[key] ?? '', b[key] ?? '');
}

/** A sorted copy; ties keep ballot-number order. */
export function sortRows(rows: ResultRow[], key: SortKey, descending: boolean): ResultRow[] {
  const sign = descending ? -1 : 1;
  return [...rows].sort(
    (a, b) =>
      sign * compare(key, a.candidate, b.candidate) || compare('number', a.candidate, b.candidate),
  );
}

/** Rows whose candidate or party name contains the query (case-insensitive). */
export function filterRows(rows: ResultRow[], query: string): ResultRow[] {
  const q = query.trim().toLowerCase();
  if (!q) return rows;
  return rows.filter(({ candidate: c }) => `${c.name}\n${c.party ?? ''}`.toLowerCase().includes(q));
}

/** Keys of the candidates whose votes or elected mark differ from `before` (or who are new). */
export function changedKeys(before: Race, after: Race): Set<string> {
  const old = new Map(before.candidates.map((c) => [keyOf(c), `${c.votes}${c.elected}`]));
  return new Set(
    after.candidates.filter((c) => old.get(keyOf(c)) !== `${c.votes}${c.elected}`).map(keyOf),
  );
}

/**
 * What a spreadsheet skips before it reads a cell as a formula: control and format characters
 * (NUL, tab, CR, zero-width spaces, the BOM) and spaces of every width.
 */
const SKIPPED = /^[\p{Cc}\p{Cf}\p{Z}\s]+/u;
/** The characters a formula starts with, once full-width and small forms (`＝` `﹢`) are folded. */
const FORMULA_START = /^[=+\-@]/;
/**
 * Characters that end or split a field in one spreadsheet or another: the comma we write, the
 * semicolon and tab of locales and imports that split on those, the quote and line breaks.
 */
const NEEDS_QUOTES = /[",;\t\r\n]/;

/**
 * True when a spreadsheet may read `text` as a formula (OWASP's CSV injection); a leading tab or
 * CR counts by itself, as OWASP advises.
 */
function looksLikeFormula(text: string): boolean {
  return /^[\t\r]/.test(text) || FORMULA_START.test(text.normalize('NFKC').replace(SKIPPED, ''));
}

/**
 * One CSV field, safe to open in Excel, LibreOffice or Google Sheets: a value a spreadsheet
 * would read as a formula (`=`, `+`, `-` or `@` first, after any control, format or space
 * characters, full-width forms such as `＝` counted; or a tab or CR first) gets a leading `'`,
 * so it shows as text;
 * a value holding a separator (`,` `;` tab), a quote or a line break is quoted, so that no part
 * of it lands in a cell of its own.
 */
export function csvCell(value: string | number | undefined): string {
  let text = value === undefined ? '' : String(value);
  if (looksLikeFormula(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV text (CRLF, as Excel writes it) of rows of fields. */
export function toCsv(rows: (string | number | undefined)[][]): string {
  return rows.map((row) => row.map(csvCell).join(',') + '\r\n').join('');
}
