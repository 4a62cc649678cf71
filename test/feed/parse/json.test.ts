import { expect } from '@open-wc/testing';
import { failure, fixtureText as fixture } from '../../helpers/fixtures.js';
import { parseJson } from '../../../src/feed/parse/json.js';
import {
  type CounterData,
  type EventsData,
  type ItemsData,
  type ResultsData,
} from '../../../src/feed/types.js';

const BASE = 'https://www.ect.go.th/chiangrai/feed/';

describe('parseJson: items', () => {
  it('normalizes the item shape of docs/contract.md', async () => {
    const data = (await parseJson(await fixture('items.json'), 'json', BASE)) as ItemsData;
    expect(data.kind).to.equal('items');
    expect(data.title).to.equal('ประกาศเกี่ยวกับการเลือกตั้ง');
    expect(data.link).to.equal('https://www.ect.go.th/chiangrai/announce/');
    expect(data.items).to.have.length(3);
    const [first, second] = data.items;
    expect(first).to.deep.equal({
      id: '101',
      title: 'ประกาศคณะกรรมการการเลือกตั้ง เรื่อง การรับสมัครเลือกตั้งสมาชิกสภาองค์การบริหารส่วนจังหวัดเชียงราย',
      url: 'https://www.ect.go.th/chiangrai/feed/announce/101.html',
      // 16 มิ.ย. 2565, midnight Thai time
      date: '2022-06-15T17:00:00.000Z',
      updated: '2022-06-17T01:30:00.000Z',
      summary: 'รับสมัครระหว่างวันที่ 8 - 12 สิงหาคม 2565',
      categories: ['ประกาศเกี่ยวกับการเลือกตั้ง'],
      attachments: [
        {
          url: 'https://www.ect.go.th/files/announce-101.pdf',
          type: 'application/pdf',
          size: 482113,
          title: 'ประกาศ (PDF)',
        },
        { url: 'https://www.ect.go.th/files/empty.doc' },
      ],
      pinned: true,
      author: 'สำนักงาน กกต. ประจำจังหวัดเชียงราย',
    });
    // JSON titles are text: markup stays literal (the element escapes it).
    expect(second.title).to.equal('ประกาศผู้ชนะการเสนอราคา <b>จ้างพิมพ์บัตรเลือกตั้ง</b>');
    expect(second.date).to.equal('2022-08-05T03:15:00.000Z');
    expect(second.html).to.equal(
      '<p>ผู้ชนะ: บริษัท ตัวอย่าง จำกัด <img src="https://www.ect.go.th/img/winner.png"></p>',
    );
    expect(second.summary).to.equal('ผู้ชนะ: บริษัท ตัวอย่าง จำกัด');
    expect(second.image).to.equal('https://www.ect.go.th/img/winner.png');
    expect(second.pinned, 'category ด่วน').to.be.true;
    expect(second.categories).to.deep.equal(['ข่าวประกวดราคา', 'ด่วน']);
  });

  it('survives wrong types and __proto__ keys without polluting prototypes', async () => {
    const data = (await parseJson(await fixture('items.json'), 'json', BASE)) as ItemsData;
    const odd = data.items[2];
    expect(odd.title).to.equal('2565');
    expect(odd.date).to.be.undefined;
    expect(odd.image).to.be.undefined;
    expect(odd.categories).to.deep.equal(['7']);
    expect(odd.attachments).to.deep.equal([]);
    expect(odd.id).to.match(/^h[0-9a-z]+$/);
    expect(({} as Record<string, unknown>).polluted).to.be.undefined;
    expect((odd as unknown as Record<string, unknown>).polluted).to.be.undefined;

    const hostile = await parseJson(
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 2}}, "items": [{"title": {"toString": 1}, "toString": "x"}]}',
    );
    expect(({} as Record<string, unknown>).polluted).to.be.undefined;
    expect((hostile as ItemsData).items[0].title).to.equal('');
  });

  it('takes a bare array as a list of items', async () => {
    const data = (await parseJson('[{"title": "ก", "url": "https://a.example/"}]')) as ItemsData;
    expect(data.items.map((item) => [item.id, item.title])).to.deep.equal([
      ['https://a.example/', 'ก'],
    ]);
  });

  it('gives items without id or link a stable id from title and date', async () => {
    const source =
      '[{"title": "ประกาศ", "date": "2022-06-16"}, {"title": "ประกาศ", "date": "2022-06-17"}]';
    const a = (await parseJson(source)) as ItemsData;
    const b = (await parseJson(source)) as ItemsData;
    expect(a.items[0].id).to.equal(b.items[0].id);
    expect(a.items[0].id).not.to.equal(a.items[1].id);
  });
});

describe('parseJson: JSON Feed', () => {
  it('normalizes JSON Feed 1.1', async () => {
    const data = (await parseJson(await fixture('jsonfeed-news.json'))) as ItemsData;
    expect(data.title).to.equal('ข่าวประชาสัมพันธ์ กกต. เชียงราย');
    expect(data.link).to.equal('https://www.ect.go.th/chiangrai/');
    const [news, invite] = data.items;
    expect(news).to.deep.equal({
      id: '2565-0616',
      title: 'สำนักงานคณะกรรมการการเลือกตั้ง บูรณาการความร่วมมือกับกระทรวงมหาดไทย สร้างพลเมืองคุณภาพ',
      url: 'https://www.ect.go.th/chiangrai/news/16062565.html',
      date: '2022-06-16T02:30:00.000Z',
      updated: '2022-06-16T05:00:00.000Z',
      summary: 'กกต. และกระทรวงมหาดไทย ลงนามบันทึกข้อตกลงความร่วมมือ',
      html: '<p>พิธีลงนามบันทึกข้อตกลง ณ ห้องประชุมราชสีห์</p>',
      image: 'https://www.ect.go.th/chiangrai/images/mou.jpg',
      categories: ['ข่าวประชาสัมพันธ์'],
      attachments: [
        {
          url: 'https://www.ect.go.th/chiangrai/files/mou.pdf',
          type: 'application/pdf',
          size: 482113,
          title: 'บันทึกข้อตกลง',
        },
      ],
      author: 'ฝ่ายประชาสัมพันธ์',
    });
    expect(invite.summary).to.equal('วันอาทิตย์ที่ 14 สิงหาคม 2565 เวลา 08.00 - 17.00 น.');
    expect(invite.html).to.be.undefined;
    expect(invite.pinned).to.be.true;
  });

  it('says what is wrong with a JSON Feed without items', async () => {
    const error = await failure(
      parseJson('{"version": "https://jsonfeed.org/version/1"}', 'jsonfeed'),
    );
    expect(error.message).to.equal('JSON Feed: "items" is not a list');
  });
});

describe('parseJson: events', () => {
  it('normalizes events, converting Buddhist-era dates and keeping offsets', async () => {
    const data = (await parseJson(await fixture('events.json'), 'json', BASE)) as EventsData;
    expect(data.kind).to.equal('events');
    expect(data.title).to.equal('ปฏิทินกิจกรรม');
    expect(data.events).to.deep.equal([
      {
        id: 'e1',
        title: 'รับสมัครเลือกตั้ง',
        start: '2022-08-08',
        end: '2022-08-13',
        allDay: true,
        location: 'ที่ว่าการอำเภอเมืองเชียงราย',
        categories: ['การเลือกตั้ง'],
      },
      {
        id: '2',
        title: 'ประชุมคณะกรรมการ',
        start: '2022-08-15T09:30:00+07:00',
        end: '2022-08-15T12:00:00+07:00',
        allDay: false,
        url: 'https://www.ect.go.th/meetings/2.html',
        categories: [],
      },
      {
        id: data.events[2].id,
        title: 'วันเลือกตั้ง',
        start: '2022-08-28T08:00:00+07:00',
        end: '2022-08-28T17:00:00Z',
        allDay: false,
        categories: ['การเลือกตั้ง', 'สำคัญ'],
      },
    ]);
  });
});

describe('parseJson: results', () => {
  it('normalizes one race with grouped numbers, floats and unsafe colours', async () => {
    const data = (await parseJson(await fixture('results.json'))) as ResultsData;
    expect(data.kind).to.equal('results');
    expect(data.title).to.equal('ผลการเลือกตั้งนายกองค์การบริหารส่วนจังหวัดเชียงราย (อย่างไม่เป็นทางการ)');
    expect(data.updated).to.equal('2020-12-20T14:30:00.000Z');
    expect(data.races).to.have.length(1);
    const [race] = data.races;
    expect(race.counted).to.equal(85.2);
    expect(race.official).to.equal(false);
    expect(race.eligible).to.equal(925349);
    expect(race.turnout).to.equal(615870);
    expect(race.invalid).to.equal(20112);
    expect(race.noVote).to.be.undefined;
    expect(race.candidates).to.deep.equal([
      {
        number: 1,
        name: 'นายอทิตาธร วันไชยธนวงศ์',
        party: 'กลุ่มเชียงรายพัฒนา',
        color: '#1f6feb',
        votes: 240877,
        elected: true,
      },
      { number: 2, name: 'นายวันชัย จงสุทธานามณี', party: 'พรรคเพื่อไทย', votes: 231964 },
      { number: 3, name: 'นางสาวตัวอย่าง ทดสอบ', votes: 925, share: 0.2 },
    ]);
  });

  it('normalizes several races', async () => {
    const data = (await parseJson(await fixture('results-races.json'))) as ResultsData;
    expect(data.updated).to.equal('2023-05-14T14:30:00.000Z');
    expect(data.races.map((race) => [race.id, race.name, race.official])).to.deep.equal([
      ['CRI_1', 'เขต 1', true],
      ['2', 'เขต 2', undefined],
    ]);
    expect(data.races[0].candidates.map((c) => c.votes)).to.deep.equal([40877, 35104]);
    expect(data.races[1].candidates[0].votes, 'Thai digits').to.equal(12345);
  });

  it('names the race, row and field of a candidate without votes', async () => {
    const error = await failure(
      parseJson(
        '{"races": [{"name": "เขต 3", "candidates": [{"name": "ก", "votes": 1}, {"name": "ข", "votes": "abc"}]}]}',
      ),
    );
    expect(error.message).to.equal('JSON: race "เขต 3", candidate 2: votes "abc" is not a number');
    expect(error.details.format).to.equal('json');
    const missing = await failure(parseJson('{"candidates": [{"name": "ก"}]}'));
    expect(missing.message).to.equal('JSON: race 1, candidate 1: votes is missing');
  });
});

describe('parseJson: counter', () => {
  it('reads the counter object and a bare number', async () => {
    expect(await parseJson(await fixture('counter.json'))).to.deep.equal({
      kind: 'counter',
      online: 13,
      today: 245,
      month: 5321,
      total: 7694178,
    } satisfies CounterData);
    expect(await parseJson('13\n')).to.deep.equal({ kind: 'counter', online: 13 });
    expect(await parseJson('7,694,178')).to.deep.equal({ kind: 'counter', online: 7694178 });
  });

  it('refuses a counter without a number rather than inventing one', async () => {
    const error = await failure(parseJson('{"online": "n/a", "today": 4}'));
    expect(error.message).to.equal('JSON: "online" is not a number');
  });
});

describe('parseJson: implausible figures', () => {
  it('reads -0 as 0', async () => {
    const counter = (await parseJson(
      '{"online": -0, "today": "-0", "month": -0.4}',
    )) as CounterData;
    expect(counter).to.deep.equal({ kind: 'counter', online: 0, today: 0, month: 0 });
    expect(Object.is(counter.online, 0) && Object.is(counter.today, 0)).to.be.true;
    expect(Object.is(counter.month, 0)).to.be.true;
    const results = (await parseJson(
      '{"counted": -0, "candidates": [{"name": "ก", "votes": -0, "share": -0}]}',
    )) as ResultsData;
    expect(Object.is(results.races[0].counted, 0)).to.be.true;
    expect(Object.is(results.races[0].candidates[0].votes, 0)).to.be.true;
    expect(Object.is(results.races[0].candidates[0].share, 0)).to.be.true;
  });

  it('refuses votes, voters and visits beyond ten billion as a data error', async () => {
    const cases: [string, string][] = [
      [
        '{"candidates": [{"name": "ก", "votes": 1e308}, {"name": "ข", "votes": 1e308}]}',
        'JSON: race 1, candidate 1: votes 1e+308 is not a plausible figure (more than 10,000,000,000)',
      ],
      [
        '{"races": [{"name": "เขต 1", "eligible": "1e20", "candidates": []}]}',
        'JSON: race "เขต 1": eligible 1e20 is not a plausible figure (more than 10,000,000,000)',
      ],
      [
        '{"online": 1e308}',
        'JSON: online 1e+308 is not a plausible figure (more than 10,000,000,000)',
      ],
      [
        '{"online": 1, "total": 10000000001}',
        'JSON: total 10000000001 is not a plausible figure (more than 10,000,000,000)',
      ],
      [`1${'0'.repeat(308)}`, 'is not a plausible figure'],
      [
        '{"candidates": [{"name": "ก", "votes": 1, "share": 1e308}]}',
        'JSON: race 1, candidate 1: share 1e+308 is more than 100%',
      ],
      ['{"counted": 250, "candidates": []}', 'JSON: race 1: counted 250 is more than 100%'],
    ];
    for (const [source, message] of cases) {
      const error = await failure(parseJson(source));
      expect(error.message, source).to.contain(message);
      expect(error.details.format).to.equal('json');
    }
    // Ten billion itself is a figure; a number too large to be exact is not.
    const counter = (await parseJson('{"online": 10000000000}')) as CounterData;
    expect(counter.online).to.equal(10_000_000_000);
  });
});

describe('parseJson: errors', () => {
  it('gives the line and column of a syntax error', async () => {
    const error = await failure(parseJson('{\n  "items": [\n    {"title": "ก",}\n  ]\n}'));
    expect(error.message).to.equal('JSON: line 3, column 19: trailing comma before }');
    const missingComma = await failure(parseJson('{"online": 1\n "today": 2}'));
    expect(missingComma.message).to.equal(
      `JSON: line 2, column 2: expected ',' or '}', unexpected character "\\""`,
    );
    const cut = await failure(parseJson('{"items": ['));
    expect(cut.message).to.equal('JSON: line 1, column 12: unexpected end of the data');
  });

  it('recognizes an HTML page', async () => {
    const error = await failure(parseJson('<!DOCTYPE html>\n<html><body>404</body></html>'));
    expect(error.message).to.equal('JSON: expected JSON, got an HTML page');
  });

  it('says which shape it expected', async () => {
    const error = await failure(parseJson('{"rows": []}'));
    expect(error.message).to.contain(
      'expected "items", "events", "candidates", "races" or "online"',
    );
    expect((await failure(parseJson('null'))).message).to.equal(
      'JSON: expected an object or a list',
    );
    expect((await failure(parseJson('   '))).message).to.equal('JSON: the feed is empty');
  });
});
