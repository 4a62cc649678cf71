import { expect } from '@open-wc/testing';
import { parseCsv } from '../../src/feed/parse/csv.js';
import type { Candidate, Race } from '../../src/feed/types.js';
import {
  changedKeys,
  csvCell,
  filterRows,
  raceRows,
  sortRows,
  toCsv,
} from '../../src/results-table/results.js';

const race = (candidates: Candidate[], extra: Partial<Race> = {}): Race => ({
  id: 'r',
  candidates,
  ...extra,
});

const names = (rows: { candidate: Candidate }[]) => rows.map((row) => row.candidate.name);

const sample = race([
  { number: 1, name: 'นายขจร ใจดี', party: 'พรรคไทยก้าวหน้า', votes: 300 },
  { number: 2, name: 'นางเกศินี มีสุข', party: 'กลุ่มรักเชียงราย', votes: 500 },
  { number: 3, name: 'นายกมล ทองดี', party: 'พรรคเพื่อเชียงราย', votes: 300 },
  { number: 10, name: 'Mr. Adam Smith', votes: 0 },
]);

describe('results maths', () => {
  it('orders by votes, computes shares from the race votes, ranks with ties, marks the leader', () => {
    const rows = raceRows(sample);
    expect(rows.map((row) => row.candidate.number)).to.deep.equal([2, 1, 3, 10]);
    expect(rows.map((row) => row.rank)).to.deep.equal([1, 2, 2, 4]);
    expect(rows.map((row) => row.share.toFixed(2))).to.deep.equal([
      '45.45',
      '27.27',
      '27.27',
      '0.00',
    ]);
    expect(rows.map((row) => row.leading)).to.deep.equal([true, false, false, false]);
  });

  it('keeps a share the feed states and marks no leader in decided or tied races', () => {
    const stated = raceRows(race([{ number: 1, name: 'ก', votes: 10, share: 52.3 }]));
    expect(stated[0].share).to.equal(52.3);
    const tie = raceRows(
      race([
        { number: 1, name: 'ก', votes: 5 },
        { number: 2, name: 'ข', votes: 5 },
      ]),
    );
    expect(tie.some((row) => row.leading)).to.be.false;
    const elected = raceRows(
      race([
        { number: 1, name: 'ก', votes: 9, elected: true },
        { number: 2, name: 'ข', votes: 5 },
      ]),
    );
    expect(elected.some((row) => row.leading)).to.be.false;
    const official = raceRows(race([{ number: 1, name: 'ก', votes: 9 }], { official: true }));
    expect(official[0].leading).to.be.false;
    const nobody = raceRows(race([{ number: 1, name: 'ก', votes: 0 }]));
    expect(nobody[0]).to.include({ share: 0, leading: false });
  });

  it('sorts Thai names in dictionary order, skipping leading vowels', () => {
    const rows = raceRows(
      race([
        { number: 1, name: 'ไพศาล', votes: 1 },
        { number: 2, name: 'ขจร', votes: 1 },
        { number: 3, name: 'เกียรติ', votes: 1 },
        { number: 4, name: 'ใจดี', votes: 1 },
      ]),
    );
    // Code-point order would put ข (U+0E02) before every name starting with a vowel sign.
    expect(names(sortRows(rows, 'name', false))).to.deep.equal(['เกียรติ', 'ขจร', 'ใจดี', 'ไพศาล']);
    expect(names(sortRows(rows, 'name', true))).to.deep.equal(['ไพศาล', 'ใจดี', 'ขจร', 'เกียรติ']);
  });

  it('sorts by votes with ties in ballot order, by number numerically, by party', () => {
    const rows = raceRows(sample);
    expect(sortRows(rows, 'votes', true).map((row) => row.candidate.number)).to.deep.equal([
      2, 1, 3, 10,
    ]);
    expect(sortRows(rows, 'votes', false).map((row) => row.candidate.number)).to.deep.equal([
      10, 1, 3, 2,
    ]);
    expect(sortRows(rows, 'number', true).map((row) => row.candidate.number)).to.deep.equal([
      10, 3, 2, 1,
    ]);
    const mixed = raceRows(
      race([
        { number: '10', name: 'ก', votes: 1 },
        { number: '9', name: 'ข', votes: 1 },
      ]),
    );
    expect(sortRows(mixed, 'number', false).map((row) => row.candidate.number)).to.deep.equal([
      '9',
      '10',
    ]);
    expect(names(sortRows(rows, 'party', false))).to.deep.equal([
      'Mr. Adam Smith',
      'นางเกศินี มีสุข',
      'นายขจร ใจดี',
      'นายกมล ทองดี',
    ]);
    expect(
      rows.map((row) => row.candidate.number),
      'the input keeps its order',
    ).to.deep.equal([2, 1, 3, 10]);
  });

  it('filters by candidate or party name, ignoring case and outer spaces', () => {
    const rows = raceRows(sample);
    expect(names(filterRows(rows, ' เชียงราย '))).to.deep.equal(['นางเกศินี มีสุข', 'นายกมล ทองดี']);
    expect(names(filterRows(rows, 'adam'))).to.deep.equal(['Mr. Adam Smith']);
    expect(names(filterRows(rows, 'ขจร'))).to.deep.equal(['นายขจร ใจดี']);
    expect(filterRows(rows, '')).to.equal(rows);
    expect(filterRows(rows, 'ไม่มีใคร')).to.deep.equal([]);
  });

  it('finds the candidates whose votes or elected mark changed, and new ones', () => {
    const after = race([
      { number: 1, name: 'นายขจร ใจดี', votes: 300 },
      { number: 2, name: 'นางเกศินี มีสุข', votes: 650 },
      { number: 3, name: 'นายกมล ทองดี', votes: 300, elected: true },
      { number: 11, name: 'ผู้สมัครใหม่', votes: 1 },
    ]);
    expect([...changedKeys(sample, after)]).to.deep.equal([
      '2|นางเกศินี มีสุข',
      '3|นายกมล ทองดี',
      '11|ผู้สมัครใหม่',
    ]);
  });

  it('writes CSV that spreadsheets read as text, never as formulas', () => {
    expect(csvCell('นาย "ก", ข')).to.equal('"นาย ""ก"", ข"');
    expect(csvCell('=HYPERLINK("http://x")')).to.equal(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+1')).to.equal("'+1");
    expect(csvCell('-2')).to.equal("'-2");
    expect(csvCell('@SUM(A1)')).to.equal("'@SUM(A1)");
    expect(csvCell('\tx')).to.equal(`"'\tx"`);
    expect(csvCell('two\nlines')).to.equal('"two\nlines"');
    expect(csvCell(40877)).to.equal('40877');
    expect(csvCell(undefined)).to.equal('');
    expect(
      toCsv([
        ['a', 1],
        ['b', undefined],
      ]),
    ).to.equal('a,1\r\nb,\r\n');
  });

  it('defuses formulas wherever a spreadsheet would find one, and quotes every separator', () => {
    const cases: [string, string][] = [
      // A semicolon splits the cell in locales that separate lists with it: quoted.
      ['x;=1+1', '"x;=1+1"'],
      ['x\t=1+1', '"x\t=1+1"'],
      // Control, format and space characters before the formula.
      ['\u0000=1+1', "'\u0000=1+1"],
      ['\u0001@SUM(A1)', "'\u0001@SUM(A1)"],
      ['\t=1+1', `"'\t=1+1"`],
      ['\r=1+1', `"'\r=1+1"`],
      ['\n-1+1', `"'\n-1+1"`],
      [' =1+1', "' =1+1"],
      ['\u00a0+1', "'\u00a0+1"],
      ['\u3000=1', "'\u3000=1"],
      ['\u200b=1', "'\u200b=1"],
      ['\ufeff@x', "'\ufeff@x"],
      // Full-width and small forms read as their ASCII selves.
      ['＝1+1', "'＝1+1"],
      ['＋1', "'＋1"],
      ['－1', "'－1"],
      ['＠SUM(A1)', "'＠SUM(A1)"],
      ['﹦1', "'﹦1"],
      ['\u0000＝HYPERLINK("x")', `"'\u0000＝HYPERLINK(""x"")"`],
      // Text that only contains such characters later is left alone.
      ['ก=1', 'ก=1'],
      ['a-b@c', 'a-b@c'],
      ['', ''],
    ];
    for (const [value, expected] of cases) {
      expect(csvCell(value), JSON.stringify(value)).to.equal(expected);
    }
    expect(toCsv([['x;=1+1', '＝1', 3]])).to.equal(`"x;=1+1",'＝1,3\r\n`);
  });

  it('writes CSV the results parser reads back', async () => {
    const text = toCsv([
      ['เขต', 'หมายเลข', 'ชื่อ', 'พรรค', 'คะแนน'],
      ['เขต 1', 1, 'นาย "ก", ข', 'พรรค ก', 40877],
      ['เขต 1', 2, '=cmd', undefined, 5],
    ]);
    const data = await parseCsv(`\ufeff${text}`);
    expect(data.races[0].candidates).to.deep.equal([
      { number: 1, name: 'นาย "ก", ข', party: 'พรรค ก', votes: 40877 },
      { number: 2, name: "'=cmd", votes: 5 },
    ]);
  });
});
