/**
 * Election results as CSV, as Excel saves them: a header row (`number,name,party,votes`, optional
 * `race,color,elected,share`, or the Thai headers), quoted values with commas ("40,877"), CRLF
 * line ends; a BOM is removed before this. Rows are grouped into races by the race column.
 *
 * The parser is a small RFC 4180 reader rather than papaparse: papaparse ships only as a UMD
 * script, which cannot run as an ES module (the test runner and bundler-less users load modules
 * as they are). This module itself is imported lazily by `parseFeed`.
 */
import { FeedError, type Race, type ResultsData } from './types.js';
import { normalizeCandidate, type CandidateInput } from './parse-json.js';

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

/** The delimiter of the header line: comma, else semicolon (European Excel), else tab. */
function delimiterOf(header: string): string {
  const unquoted = header.replace(/"[^"]*"/g, '');
  for (const candidate of [',', ';', '\t']) if (unquoted.includes(candidate)) return candidate;
  return ',';
}

/** RFC 4180 rows: quoted fields may hold delimiters, `""` and line breaks. */
function readRows(source: string, delimiter: string): Row[] {
  const rows: Row[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const endCell = () => {
    cells.push(cell);
    cell = '';
  };
  const endRow = () => {
    endCell();
    rows.push({ cells, line: rowLine });
    cells = [];
  };
  while (i < source.length) {
    const ch = source[i];
    if (ch === '"' && cell.trim() === '') {
      const quoteLine = line;
      cell = '';
      i++;
      for (;;) {
        if (i >= source.length) {
          throw new FeedError(`CSV: line ${quoteLine}: a quoted value is never closed`, {
            format: 'csv',
          });
        }
        if (source[i] === '"') {
          if (source[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        if (source[i] === '\n') line++;
        cell += source[i++];
      }
      // Text after the closing quote (`"a"b`) is kept, as Excel does.
      while (
        i < source.length &&
        source[i] !== delimiter &&
        source[i] !== '\n' &&
        source[i] !== '\r'
      ) {
        cell += source[i++];
      }
      continue;
    }
    if (ch === delimiter) {
      endCell();
      i++;
    } else if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
    } else {
      cell += ch;
      i++;
    }
  }
  if (cell !== '' || cells.length) endRow();
  return rows.filter((row) => row.cells.some((value) => value.trim() !== ''));
}

/** Parses results CSV into ResultsData, one race per distinct value of the race column. */
export function parseCsv(source: string): ResultsData {
  const text = source.replace(/^\ufeff/, '');
  if (/^\s*</.test(text)) {
    throw new FeedError('CSV: expected CSV, got an HTML or XML document', { format: 'csv' });
  }
  const rows = readRows(text, delimiterOf(text.split(/\r?\n/, 1)[0]));
  const [header, ...records] = rows;
  if (!header) throw new FeedError('CSV: the file is empty', { format: 'csv' });
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
      { format: 'csv' },
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
      if (error instanceof FeedError) throw new FeedError(error.message, { format: 'csv' });
      throw error;
    }
  }
  return { kind: 'results', races: [...races.values()] };
}
