/**
 * Election results as CSV, as Excel saves them: a header row (`number,name,party,votes`, optional
 * `race,color,elected,share`, or the Thai headers), quoted values with commas ("40,877"), CRLF
 * line ends; a BOM is removed before this. Rows are grouped into races by the race column.
 *
 * Rows come from papaparse, imported lazily on the first CSV feed.
 */
import { FeedError, type Race, type ResultsData } from '../types.js';
import { normalizeCandidate, type CandidateInput } from './candidate.js';
import { looksLikeHtml } from './normalize.js';

type Column = keyof CandidateInput | 'race';

/** Header names (lower-cased, spaces removed) and the column each means. */
const HEADERS: Record<string, Column> = {
  number: 'number',
  no: 'number',
  'no.': 'number',
  หมายเลข: 'number',
  เบอร์: 'number',
  name: 'name',
  ชื่อ: 'name',
  'ชื่อ-สกุล': 'name',
  ชื่อผู้สมัคร: 'name',
  party: 'party',
  พรรค: 'party',
  พรรคการเมือง: 'party',
  สังกัดพรรค: 'party',
  votes: 'votes',
  vote: 'votes',
  คะแนน: 'votes',
  คะแนนเสียง: 'votes',
  race: 'race',
  เขต: 'race',
  เขตเลือกตั้ง: 'race',
  color: 'color',
  colour: 'color',
  สี: 'color',
  elected: 'elected',
  ได้รับเลือก: 'elected',
  ได้รับเลือกตั้ง: 'elected',
  share: 'share',
  percent: 'share',
  '%': 'share',
  ร้อยละ: 'share',
};

const REQUIRED: Column[] = ['number', 'name', 'votes'];

interface Row {
  cells: string[];
  /** 1-based line where the row starts. */
  line: number;
}

/**
 * RFC 4180 rows through papaparse (loaded on first use): quoted fields may hold delimiters,
 * `""` and line breaks; the delimiter (comma, semicolon, tab) is detected.
 */
async function readRows(source: string): Promise<Row[]> {
  const { default: Papa } = await import('papaparse');
  const rows: Row[] = [];
  let line = 1;
  let offset = 0;
  let unclosed: number | undefined;
  Papa.parse<string[]>(source, {
    skipEmptyLines: 'greedy',
    delimitersToGuess: [',', ';', '\t'],
    step: (result) => {
      const start = line;
      // Lines the row spans, counted up to where papaparse stopped reading it.
      const end = result.meta.cursor;
      for (let i = offset; i < end; i++) if (source.charCodeAt(i) === 10) line++;
      offset = end;
      if (result.errors.some((error) => error.type === 'Quotes')) unclosed ??= start;
      rows.push({ cells: result.data, line: start });
    },
  });
  if (unclosed !== undefined) {
    throw new FeedError(`CSV: line ${unclosed}: a quoted value is never closed`, {
      code: 'syntax',
      format: 'csv',
      line: unclosed,
    });
  }
  return rows.filter((row) => row.cells.some((value) => value.trim() !== ''));
}

/** Inline CSV in a page is indented like the HTML around it: drop the indent all lines share. */
function dedent(text: string): string {
  const indent = (text.match(/^[ \t]*(?=\S)/gm) ?? ['']).reduce(
    (min, space) => Math.min(min, space.length),
    Infinity,
  );
  return indent ? text.replace(new RegExp(`^[ \\t]{${indent}}`, 'gm'), '') : text;
}

/** Parses results CSV into ResultsData, one race per distinct value of the race column. */
export async function parseCsv(source: string): Promise<ResultsData> {
  const text = dedent(source.replace(/^\ufeff/, ''));
  if (/^\s*</.test(text)) {
    throw new FeedError('CSV: expected CSV, got an HTML or XML document', {
      code: looksLikeHtml(text) ? 'html-page' : 'wrong-format',
      format: 'csv',
    });
  }
  const rows = await readRows(text);
  const [header, ...records] = rows;
  if (!header) throw new FeedError('CSV: the file is empty', { code: 'empty', format: 'csv' });
  const columns = new Map<Column, number>();
  header.cells.forEach((name, index) => {
    const column = HEADERS[name.trim().toLowerCase().replace(/\s+/g, '')];
    if (column && !columns.has(column)) columns.set(column, index);
  });
  const missing = REQUIRED.filter((column) => !columns.has(column));
  if (missing.length) {
    throw new FeedError(
      `CSV: missing column${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ` +
        `(the header row needs number, name, party, votes; or หมายเลข, ชื่อ, พรรค, คะแนน)`,
      { code: 'columns', format: 'csv', field: missing.join(', ') },
    );
  }
  const races = new Map<string, Race>();
  for (const record of records) {
    const cell = (column: Column) => {
      const index = columns.get(column);
      return index === undefined ? undefined : record.cells[index]?.trim();
    };
    const raceName = cell('race') || '';
    let race = races.get(raceName);
    if (!race) {
      race = { id: raceName || `race-${races.size + 1}`, candidates: [] };
      if (raceName) race.name = raceName;
      races.set(raceName, race);
    }
    try {
      race.candidates.push(
        normalizeCandidate(
          {
            number: cell('number'),
            name: cell('name'),
            party: cell('party'),
            color: cell('color'),
            votes: cell('votes'),
            elected: cell('elected'),
            share: cell('share'),
          },
          `CSV: line ${record.line}`,
        ),
      );
    } catch (error) {
      if (error instanceof FeedError) {
        throw new FeedError(error.message, { ...error.details, format: 'csv', line: record.line });
      }
      throw error;
    }
  }
  return { kind: 'results', races: [...races.values()] };
}
