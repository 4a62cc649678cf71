import { expect } from '@open-wc/testing';
import { failure, fixtureBytes } from '../../helpers/fixtures.js';
import { decodeFeed } from '../../../src/feed/decode.js';
import { parseCsv } from '../../../src/feed/parse/csv.js';

describe('parseCsv', () => {
  it('reads an Excel CSV with BOM, Thai headers, quoted grouped numbers and races', async () => {
    const text = decodeFeed(await fixtureBytes('results-th.csv'), 'text/csv');
    const data = await parseCsv(text);
    expect(data.kind).to.equal('results');
    expect(data.races.map((race) => [race.id, race.name])).to.deep.equal([
      ['เขต 1', 'เขต 1'],
      ['เขต 2', 'เขต 2'],
    ]);
    expect(data.races[0].candidates).to.deep.equal([
      {
        number: 1,
        name: 'นายสมชาย ใจดี',
        party: 'พรรค ก',
        votes: 40877,
        color: '#1f6feb',
        elected: true,
      },
      { number: 2, name: 'นางสาวสมศรี "แก้ว" มีสุข', party: 'พรรค ข', votes: 35104, color: '#e11' },
      { number: 3, name: 'นายทดสอบ ระบบ', party: 'พรรค ค, ใหม่', votes: 925 },
    ]);
    expect(data.races[1].candidates).to.deep.equal([
      { number: 1, name: 'นายเชียงราย รักถิ่น', party: 'พรรค ก', votes: 31220, elected: true },
      { number: 2, name: 'นางเขียว หลายบรรทัด', party: 'พรรค ข', votes: 29887 },
    ]);
  });

  it('reads English headers without a race column as one race', async () => {
    const data = await parseCsv(new TextDecoder().decode(await fixtureBytes('results-en.csv')));
    expect(data.races).to.have.length(1);
    expect(data.races[0].id).to.equal('race-1');
    expect(data.races[0].candidates).to.deep.equal([
      {
        number: 1,
        name: 'Somchai Jaidee',
        party: 'Party A',
        votes: 12345,
        elected: true,
        share: 52.3,
      },
      { number: 2, name: 'Somsri Meesuk', party: 'Party B', votes: 11256, share: 47.7 },
    ]);
  });

  it('reads semicolon-separated files', async () => {
    const data = await parseCsv('number;name;party;votes\r\n1;ก;"พรรค ก; ใหม่";"1,234"\r\n');
    expect(data.races[0].candidates[0]).to.deep.equal({
      number: 1,
      name: 'ก',
      party: 'พรรค ก; ใหม่',
      votes: 1234,
    });
  });

  it('names the line and field of a vote that is not a number', async () => {
    const error = await failure(() =>
      parseCsv('number,name,party,votes\n1,ก,พรรค ก,100\n2,ข,พรรค ข,abc\n'),
    );
    expect(error.message).to.equal('CSV: line 3: votes "abc" is not a number');
    expect(error.details.format).to.equal('csv');
    const empty = await failure(() => parseCsv('number,name,party,votes\n1,ก,พรรค ก,\n'));
    expect(empty.message).to.equal('CSV: line 2: votes is missing');
  });

  it('refuses votes past ten billion, naming the line', async () => {
    const error = await failure(() =>
      parseCsv('number,name,party,votes\n1,ก,พรรค ก,1e308\n2,ข,พรรค ข,1e308\n'),
    );
    expect(error.message).to.equal(
      'CSV: line 2: votes 1e308 is not a plausible figure (more than 10,000,000,000)',
    );
    expect(error.details.format).to.equal('csv');
  });

  it('names the missing columns', async () => {
    const error = await failure(() => parseCsv('ลำดับ,ชื่อ,พรรค\n1,ก,พรรค ก\n'));
    expect(error.message).to.match(/^CSV: missing columns number, votes /);
  });

  it('reports an unclosed quote with its line', async () => {
    const error = await failure(() => parseCsv('number,name,party,votes\n1,"ก,พรรค ก,100\n'));
    expect(error.message).to.equal('CSV: line 2: a quoted value is never closed');
  });

  it('refuses HTML and empty files', async () => {
    expect((await failure(() => parseCsv('<!DOCTYPE html><html></html>'))).message).to.contain(
      'got an HTML',
    );
    expect((await failure(() => parseCsv('\ufeff\r\n'))).message).to.equal(
      'CSV: the file is empty',
    );
  });
});
