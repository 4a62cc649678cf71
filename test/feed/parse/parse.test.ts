import { expect } from '@open-wc/testing';
import { failure, fixtureText } from '../../helpers/fixtures.js';
import { detectFormat, parseFeed, parseFeedData } from '../../../src/feed/parse/index.js';
import {
  FeedError,
  type EventsData,
  type FeedErrorInfo,
  type ItemsData,
  type ResultsData,
} from '../../../src/feed/types.js';

/** Fetches a fixture through the test server, as the feed stream does. */
async function served(query: string) {
  const response = await fetch(`/api/feed?${query}`);
  return {
    bytes: await response.arrayBuffer(),
    contentType: response.headers.get('Content-Type'),
    url: response.url,
  };
}

function detectError(text: string, contentType?: string): FeedError {
  try {
    detectFormat(text, contentType);
  } catch (error) {
    expect(error).to.be.instanceOf(FeedError);
    return error as FeedError;
  }
  throw new Error('expected a FeedError');
}

describe('detectFormat', () => {
  it('goes by a specific Content-Type', () => {
    expect(detectFormat('', 'application/rss+xml; charset=utf-8')).to.equal('rss');
    expect(detectFormat('', 'application/atom+xml')).to.equal('atom');
    expect(detectFormat('', 'application/feed+json')).to.equal('jsonfeed');
    expect(detectFormat('{"items": []}', 'application/json')).to.equal('json');
    expect(
      detectFormat(
        '{"version": "https://jsonfeed.org/version/1.1", "items": []}',
        'application/json',
      ),
    ).to.equal('jsonfeed');
    expect(detectFormat('', 'text/calendar')).to.equal('ics');
    expect(detectFormat('', 'Text/CSV; header=present')).to.equal('csv');
  });

  it('sniffs XML, HTML-typed and untyped text', () => {
    const rss = '\ufeff<?xml version="1.0"?>\n<!-- ข่าว -->\n<rss version="2.0"><channel/></rss>';
    expect(detectFormat(rss, 'text/xml')).to.equal('rss');
    expect(detectFormat(rss, 'text/html')).to.equal('rss');
    expect(detectFormat(rss)).to.equal('rss');
    expect(detectFormat('<rdf:RDF xmlns:rdf="x"/>', 'application/xml')).to.equal('rss');
    expect(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom"/>')).to.equal('atom');
    expect(detectFormat('  [{"title": "ก"}]')).to.equal('json');
    expect(detectFormat('13')).to.equal('json');
    expect(detectFormat('{"version": "https://jsonfeed.org/version/1", "items": []}')).to.equal(
      'jsonfeed',
    );
    expect(detectFormat('BEGIN:VCALENDAR\r\nEND:VCALENDAR', 'text/plain')).to.equal('ics');
    expect(detectFormat('\ufeffหมายเลข,ชื่อ,พรรค,คะแนน\r\n1,ก,ข,3')).to.equal('csv');
  });

  it('recognizes an HTML page and text that is no feed', () => {
    const page = detectError('<!DOCTYPE html>\n<html lang="th"><body>ไม่พบหน้า</body></html>');
    expect(page.message).to.equal('expected a feed, got an HTML page');
    expect(page.details.code).to.equal('html-page');
    expect(detectError('<html><body>502</body></html>', 'text/html').details.code).to.equal(
      'html-page',
    );
    const xml = detectError('<urlset/>');
    expect(xml.message).to.contain('expected RSS or Atom');
    expect(xml.details.code).to.equal('wrong-format');
    const text = detectError('ไม่มีข้อมูล');
    expect(text.message).to.contain('unrecognized feed');
    expect(text.details.code).to.equal('wrong-format');
    const empty = detectError('  ');
    expect(empty.message).to.contain('empty');
    expect(empty.details.code).to.equal('empty');
  });
});

describe('parseFeed', () => {
  const FEEDS = [
    ['rss-news.xml', 'application/rss+xml', 'items'],
    ['rss10-election.rdf', 'application/rdf+xml', 'items'],
    ['atom-announcements.xml', 'application/atom+xml', 'items'],
    ['jsonfeed-news.json', 'application/feed+json', 'items'],
    ['items.json', 'application/json', 'items'],
    ['events.json', 'application/json', 'events'],
    ['results.json', 'application/json', 'results'],
    ['results-races.json', 'application/json', 'results'],
    ['counter.json', 'application/json', 'counter'],
    ['calendar-2565.ics', 'text/calendar', 'events'],
    ['results-th.csv', 'text/csv', 'results'],
  ] as const;

  for (const [file, type, kind] of FEEDS) {
    it(`parses ${file} by Content-Type and by sniffing`, async () => {
      const typed = await served(`file=${file}&type=${encodeURIComponent(type)}`);
      const byType = await parseFeed(typed.bytes, {
        contentType: typed.contentType,
        baseUrl: typed.url,
      });
      expect(byType.kind).to.equal(kind);
      const untyped = await served(`file=${file}`);
      const sniffed = await parseFeed(untyped.bytes, {
        contentType: untyped.contentType,
        baseUrl: untyped.url,
      });
      expect(sniffed).to.deep.equal(byType);
    });
  }

  it('decodes and parses a windows-874 RSS feed', async () => {
    for (const query of [
      'file=rss-windows874.xml&type=application/rss%2Bxml&charset=windows-874&encode=windows-874',
      'file=rss-windows874.xml&type=text/xml&encode=windows-874',
      'file=rss-tis620.xml&encode=windows-874',
    ]) {
      const { bytes, contentType } = await served(query);
      const data = (await parseFeed(bytes, { contentType })) as ItemsData;
      expect(data.title, query).to.equal('ข่าวประชาสัมพันธ์ กกต. เชียงราย');
      expect(data.items[0].title).to.equal('ขอเชิญชวนผู้มีสิทธิเลือกตั้งไปใช้สิทธิ');
      expect(data.items[0].summary).to.equal('วันอาทิตย์ที่ ๑๔ สิงหาคม ๒๕๖๕ เวลา ๐๘.๐๐ - ๑๗.๐๐ น.');
    }
  });

  it('resolves links against the feed URL', async () => {
    const { bytes, contentType, url } = await served('file=rss-news.xml&type=text/xml');
    const data = (await parseFeed(bytes, { contentType, baseUrl: url })) as ItemsData;
    expect(data.items[0].url).to.equal(new URL('../news/16062565.html', url).href);
  });

  it('follows the format option over Content-Type and sniffing', async () => {
    const rss = (await parseFeed('<rss><channel><item><title>ก</title></item></channel></rss>', {
      format: 'rss',
      contentType: 'application/json',
    })) as ItemsData;
    expect(rss.items[0].title).to.equal('ก');
    const counter = await parseFeed('13', { format: 'auto', contentType: 'text/plain' });
    expect(counter).to.deep.equal({ kind: 'counter', online: 13 });
    const csv = (await parseFeed('number,name,party,votes\n1,ก,ข,"1,000"\n', {
      format: 'csv',
    })) as ResultsData;
    expect(csv.races[0].candidates[0].votes).to.equal(1000);
    const ics = (await parseFeed('BEGIN:VCALENDAR\nEND:VCALENDAR\n', {
      format: 'ics',
    })) as EventsData;
    expect(ics.events).to.deep.equal([]);
  });

  it('names the format in every failure, and gives its code and details', async () => {
    const cases: [string, Parameters<typeof parseFeed>[1], string | RegExp, FeedErrorInfo][] = [
      [
        '<!DOCTYPE html><html><body>Not found</body></html>',
        {},
        'expected a feed, got an HTML page',
        { code: 'html-page' },
      ],
      [
        '<!DOCTYPE html><html></html>',
        { format: 'json' },
        'JSON: expected JSON, got an HTML page',
        { code: 'html-page', format: 'json' },
      ],
      [
        '<html><body>oops</body></html>',
        { contentType: 'application/json' },
        'JSON: expected JSON, got an HTML page',
        { code: 'html-page', format: 'json' },
      ],
      [
        '{"items": [\n  {"title": "ก"\n  {"title": "ข"}]}',
        {},
        /^JSON: line 3, column 3: /,
        { code: 'syntax', format: 'json', line: 3 },
      ],
      [
        '<?xml version="1.0"?>\n<rss><channel><title>ก</channel></rss>',
        {},
        'RSS: not well-formed XML (line 2)',
        { code: 'syntax', format: 'rss', line: 2 },
      ],
      [
        'number,name,party,votes\n1,ก,ข,1\n2,ค,ง,abc\n',
        {},
        'CSV: line 3: votes "abc" is not a number',
        { code: 'bad-data', format: 'csv', field: 'votes', line: 3 },
      ],
      [
        'number,name\n1,ก\n',
        {},
        /^CSV: missing column votes /,
        { code: 'columns', format: 'csv', field: 'votes' },
      ],
      [
        'BEGIN:VCALENDAR\nBROKEN\nEND:VCALENDAR',
        {},
        /^iCalendar: line 2: /,
        { code: 'syntax', format: 'ics', line: 2 },
      ],
      [
        '{"races": [{"name": "เขต 1", "candidates": [{"votes": null}]}]}',
        {},
        'JSON: race "เขต 1", candidate 1: votes is missing',
        { code: 'bad-data', format: 'json', field: 'votes' },
      ],
      [
        '{"candidates": [{"votes": 1}], "counted": 101}',
        {},
        /counted 101 is more than 100%$/,
        { code: 'bad-data', format: 'json', field: 'counted' },
      ],
      [
        '{"races": [{"candidates": 3}]}',
        {},
        /"candidates" is not a list$/,
        { code: 'bad-data', format: 'json', field: 'candidates' },
      ],
      ['{"online": "many"}', {}, 'JSON: "online" is not a number', { code: 'bad-data' }],
      ['{"visitors": 3}', {}, /^JSON: expected "items"/, { code: 'json-shape', format: 'json' }],
      [
        'true',
        { format: 'json' },
        'JSON: expected an object or a list',
        { code: 'json-shape', format: 'json' },
      ],
      [
        '{"version": "https://jsonfeed.org/version/1.1", "items": 3}',
        {},
        'JSON Feed: "items" is not a list',
        { code: 'bad-data', format: 'jsonfeed', field: 'items' },
      ],
      [
        '<rss/>',
        { format: 'xml' as never },
        /^unknown format "xml"/,
        { code: 'unknown-format', value: 'xml' },
      ],
      [
        `${'['.repeat(70)}${']'.repeat(70)}`,
        {},
        'JSON: nested more than 64 levels deep',
        { code: 'too-many', format: 'json' },
      ],
    ];
    for (const [text, options, message, details] of cases) {
      const error = await failure(parseFeed(text, options));
      if (typeof message === 'string') expect(error.message).to.equal(message);
      else expect(error.message).to.match(message);
      expect(error.details, error.message).to.include(details);
    }
  });

  it('never throws a TypeError on odd JSON', async () => {
    const odd = [
      '{"items": [1, null, [], {"title": null, "url": 5, "date": {}, "attachments": [null, 1, {"url": null}]}]}',
      '{"events": [{"start": 1}, {"start": null}, {"start": ["2022-08-01"]}, {"start": "2022-08-01", "exdates": 5}]}',
      '{"candidates": [], "title": []}',
      '{"races": [null, {"candidates": "x"}]}',
      '{"online": {}}',
      '{"online": 5, "today": "abc", "month": -3}',
      '[]',
      '"13"',
      'true',
    ];
    for (const text of odd) {
      try {
        await parseFeed(text);
      } catch (error) {
        expect(error, text).to.be.instanceOf(FeedError);
      }
    }
  });
});

// Last in this file: the policy stays in force for the rest of the page's life.
describe('parseFeed under Trusted Types enforcement', () => {
  before(function () {
    if (!('trustedTypes' in window)) this.skip();
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content =
      "require-trusted-types-for 'script'; trusted-types ect-widgets dompurify lit-html";
    document.head.append(meta);
  });

  it('parses XML and sanitizes HTML through the ect-widgets policy', async () => {
    expect(() => new DOMParser().parseFromString('<rss/>', 'application/xml')).to.throw(TypeError);
    const { bytes, contentType } = await served('file=rss-news.xml&type=application/rss%2Bxml');
    const data = (await parseFeed(bytes, { contentType })) as ItemsData;
    expect(data.items[0].html).to.contain('<p>');
    expect(data.items[1].title).to.contain('<b>ด่วน</b>');
  });
});

describe('parseFeedData (the data property)', () => {
  const base = 'https://www.ect.go.th/chiangrai/';
  const viaText = (value: unknown) =>
    parseFeed(JSON.stringify(value), { format: 'json', baseUrl: base });

  /** Every object and array reachable from a value. */
  function objectsOf(value: unknown, out = new Set<object>()): Set<object> {
    if (value && typeof value === 'object' && !out.has(value)) {
      out.add(value);
      for (const child of Object.values(value)) objectsOf(child, out);
    }
    return out;
  }

  function deepFreeze<T>(value: T): T {
    for (const child of objectsOf(value)) Object.freeze(child);
    return value;
  }

  it('reads plain data as the JSON feed of the same text reads, changing and keeping none of it', async () => {
    for (const name of ['results-races.json', 'events.json', 'items.json', 'counter.json']) {
      const value = deepFreeze(JSON.parse(await fixtureText(name)) as unknown);
      const data = await parseFeedData(value, base);
      expect(data, name).to.deep.equal(await viaText(value));
      const kept = [...objectsOf(data)].filter((object) => objectsOf(value).has(object));
      expect(kept, name).to.deep.equal([]);
    }
  });

  it('copies other data as JSON would: dates as text, methods left out', async () => {
    const value = {
      events: [
        {
          id: 'e1',
          title: 'ประชุม',
          start: new Date('2022-08-15T02:30:00Z'),
          describe() {
            return 'x';
          },
        },
      ],
    };
    const data = (await parseFeedData(value, base)) as EventsData;
    expect(data.events[0].start).to.equal('2022-08-15T02:30:00Z');
    expect(data).to.deep.equal(await viaText(value));
  });

  it('keeps the limits: news items cut, too many candidates refused, cycles named', async () => {
    const items = Array.from({ length: 300 }, (_, i) => ({ id: `n${i}`, title: `ข่าว ${i}` }));
    const cut = (await parseFeedData({ items }, base)) as ItemsData;
    expect(cut.items).to.have.length(200);
    const candidates = Array.from({ length: 10_001 }, (_, i) => ({ name: `ผู้สมัคร ${i}`, votes: i }));
    const refused = await failure(parseFeedData({ candidates }, base));
    expect(refused.message).to.match(/candidates, more than this widget shows at once$/);
    expect(refused.details.code).to.equal('too-many');
    const circular: Record<string, unknown> = { candidates: [] };
    circular.self = circular;
    const error = await failure(parseFeedData(circular, base));
    expect(error.message).to.equal('The data property is not JSON data (circular or a function?)');
    expect(error.details.code).to.equal('data-property');
  });

  it('sanitizes plain data like a feed: no script links, hostile colours dropped', async () => {
    const data = (await parseFeedData(
      {
        items: [{ id: 'x', title: '<img src=x onerror=alert(1)>', url: 'javascript:alert(1)' }],
      },
      base,
    )) as ItemsData;
    expect(data.items[0].title).to.equal('<img src=x onerror=alert(1)>');
    expect(data.items[0].url).to.equal(undefined);
    const results = (await parseFeedData(
      { candidates: [{ name: 'ก', votes: 1, color: 'red;background:url(x)' }] },
      base,
    )) as ResultsData;
    expect(results.races[0].candidates[0].color).to.equal(undefined);
  });
});
