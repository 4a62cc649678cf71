import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { LitElement } from 'lit';
import '../../src/announcement-list/announcement-list.js';
import '../../src/calendar/calendar.js';
import '../../src/online-counter/online-counter.js';
import '../../src/results-table/results-table.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { formatOfUrl } from '../../src/feed/parse/index.js';
import { text, one, ready } from '../helpers/dom.js';

// This file runs in a page of its own: no lazy module is loaded before its tests load it.

/** Paths of the scripts the page has requested so far. */
const requested = () =>
  performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => /\.(?:[jt]s|mjs)$/.test(path));
const loaded = (pattern: RegExp) => requested().some((path) => pattern.test(path));

const PARSE_ICS = /\/feed\/parse\/ics\.ts$/;
const ICAL = /\/ical\.js\/dist\/ical\.js$/;
const RECURRENCE = /\/recurrence\.ts$/;
const PARSE_CSV = /\/feed\/parse\/csv\.ts$/;
const PAPAPARSE = /\/papaparse\//;
const PARSE_XML = /\/feed\/parse\/xml\.ts$/;
const JSON_ITEMS = /\/feed\/parse\/json-items\.ts$/;
const JSON_EVENTS = /\/feed\/parse\/json-events\.ts$/;
const JSON_RESULTS = /\/feed\/parse\/json-results\.ts$/;
/** Every parser that loads on first use (src/feed/parse/parsers.ts), and the sanitizer. */
const PARSERS: Record<string, RegExp> = {
  'xml.ts': PARSE_XML,
  'json-items.ts': JSON_ITEMS,
  'json-events.ts': JSON_EVENTS,
  'json-results.ts': JSON_RESULTS,
  'ics.ts': PARSE_ICS,
  'ical.js': ICAL,
  'csv.ts': PARSE_CSV,
  papaparse: PAPAPARSE,
  'ect-report.ts': /\/feed\/parse\/ect-report\.ts$/,
  'sanitize.ts': /\/feed\/sanitize\.ts$/,
};
/** The parsers of `PARSERS` the page has requested, but those named in `except`. */
const parsersLoaded = (...except: string[]) =>
  Object.keys(PARSERS).filter((name) => !except.includes(name) && loaded(PARSERS[name]));

/** Feed requests held until `release` is called, as on a slow connection. */
function slowFeeds(bodies: Record<string, [string, string]>) {
  const waiting: (() => void)[] = [];
  let released = false;
  setFeedFetch(
    (url, init) =>
      new Promise((resolve, reject) => {
        const [type, body] = bodies[new URL(url).pathname];
        const answer = () =>
          resolve(new Response(body, { status: 200, headers: { 'Content-Type': type } }));
        if (released) answer();
        else waiting.push(answer);
        init.signal?.addEventListener('abort', () => reject(init.signal!.reason));
      }),
  );
  return {
    get pending() {
      return waiting.length;
    },
    release() {
      released = true;
      waiting.splice(0).forEach((answer) => answer());
    },
  };
}

const ICS = [
  'BEGIN:VCALENDAR',
  'VERSION:2.0',
  'PRODID:-//ECT Chiang Rai//test//TH',
  'BEGIN:VEVENT',
  'UID:weekly@ect.go.th',
  'DTSTAMP:20220601T000000Z',
  'DTSTART;TZID=Asia/Bangkok:20220801T093000',
  'DTEND;TZID=Asia/Bangkok:20220801T103000',
  'RRULE:FREQ=WEEKLY;COUNT=3',
  'SUMMARY:ประชุมประจำสัปดาห์',
  'END:VEVENT',
  'END:VCALENDAR',
  '',
].join('\r\n');

const CSV = 'หมายเลข,ชื่อ,พรรค,คะแนน\r\n1,นายสมชาย ใจดี,พรรค ก,"40,877"\r\n';

const COUNTER = JSON.stringify({ online: 13, today: 245 });
const RSS = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>ข่าว</title>
<item><title>ประกาศที่ 1/2565</title><link>https://www.ect.go.th/1</link></item>
</channel></rss>`;
const EVENTS = JSON.stringify({
  events: [{ id: 'e1', title: 'รับสมัครเลือกตั้ง', start: '2022-08-08', allDay: true }],
});
const RESULTS = JSON.stringify({
  candidates: [{ number: 1, name: 'นายสมชาย ใจดี', party: 'พรรค ก', votes: 40877 }],
});

describe('parsers load while the feed is on its way', () => {
  before(() => {
    // The test modules filled the default buffer of 250: only what loads from here on counts.
    performance.clearResourceTimings();
    performance.setResourceTimingBufferSize(10_000);
  });
  beforeEach(() => clearFeedCache());
  afterEach(() => setFeedFetch());

  it('reads the format a feed URL’s file name says', () => {
    expect(formatOfUrl('https://www.ect.go.th/chiangrai/activities.ics')).to.equal('ics');
    expect(formatOfUrl('/feeds/Calendar.ICS?v=2#top')).to.equal('ics');
    expect(formatOfUrl('/feeds/results.csv')).to.equal('csv');
    expect(formatOfUrl('/feed.php?file=activities.ics')).to.be.undefined;
    expect(formatOfUrl('/feeds/news.rss')).to.be.undefined;
  });

  // First, while nothing is loaded: each element loads the parsers of its own kind of data
  // beside its view, and no other (the tests go from the element that needs fewest).
  it('loads no parser for an online counter: JSON counts are read without one', async () => {
    const feeds = slowFeeds({ '/feeds/counter.json': ['application/json', COUNTER] });
    const el = await fixture<LitElement>(
      html`<ect-online-counter src="/feeds/counter.json"></ect-online-counter>`,
    );
    await waitUntil(() => feeds.pending === 1, 'the feed was never requested');
    feeds.release();
    await ready(el);
    expect(text(one(el, '[part~="online"]'))).to.contain('13');
    expect(parsersLoaded()).to.deep.equal([]);
  });

  it('loads the JSON events reader beside a calendar’s view, and no other parser', async () => {
    const feeds = slowFeeds({ '/feeds/events.json': ['application/json', EVENTS] });
    const el = await fixture<LitElement>(
      html`<ect-calendar src="/feeds/events.json" month="2022-08"></ect-calendar>`,
    );
    await waitUntil(() => loaded(JSON_EVENTS), 'the JSON events reader did not load');
    expect(feeds.pending, 'the feed is still on its way').to.equal(1);
    feeds.release();
    await ready(el);
    expect(parsersLoaded('json-events.ts')).to.deep.equal([]);
  });

  it('loads the JSON results reader beside a results table’s view, and no other parser', async () => {
    const feeds = slowFeeds({ '/feeds/results.json': ['application/json', RESULTS] });
    const el = await fixture<LitElement>(
      html`<ect-results-table src="/feeds/results.json"></ect-results-table>`,
    );
    await waitUntil(() => loaded(JSON_RESULTS), 'the JSON results reader did not load');
    expect(feeds.pending, 'the feed is still on its way').to.equal(1);
    feeds.release();
    await ready(el);
    expect(parsersLoaded('json-events.ts', 'json-results.ts')).to.deep.equal([]);
  });

  // An element that cannot show events loads no iCalendar code, nor its own parsers for a feed
  // whose name says iCalendar.
  it('loads nothing for a format the element does not show', async () => {
    const feeds = slowFeeds({ '/feeds/activities.ics': ['text/calendar', ICS] });
    const el = await fixture<LitElement>(
      html`<ect-announcement-list src="/feeds/activities.ics"></ect-announcement-list>`,
    );
    await waitUntil(() => feeds.pending === 1, 'the feed was never requested');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(parsersLoaded('json-events.ts', 'json-results.ts')).to.deep.equal([]);
    feeds.release();
    await ready(el, 'error');
    expect(text(one(el, '[part~="error"]'))).to.contain('แต่ข้อมูลเป็นกิจกรรมในปฏิทิน');
  });

  it('loads the RSS and JSON item parsers beside a list’s view when the feed’s name says no format', async () => {
    const feeds = slowFeeds({ '/feeds/news': ['application/rss+xml', RSS] });
    const el = await fixture<LitElement>(
      html`<ect-announcement-list src="/feeds/news"></ect-announcement-list>`,
    );
    await waitUntil(
      () => loaded(PARSE_XML) && loaded(JSON_ITEMS),
      'the RSS and JSON item parsers did not load',
    );
    expect(feeds.pending, 'the feed is still on its way').to.equal(1);
    feeds.release();
    await ready(el);
    expect(text(one(el, '[part~="title"]'))).to.contain('ประกาศที่ 1/2565');
  });

  it('loads the iCalendar parser, ical.js and the recurrence expander beside an .ics feed', async () => {
    const feeds = slowFeeds({ '/feeds/schedule.ics': ['text/calendar', ICS] });
    const el = await fixture<LitElement>(
      html`<ect-calendar src="/feeds/schedule.ics" month="2022-08"></ect-calendar>`,
    );
    await waitUntil(() => feeds.pending === 1, 'the feed was never requested');
    await waitUntil(
      () => loaded(PARSE_ICS) && loaded(ICAL) && loaded(RECURRENCE),
      `the iCalendar modules did not load before the feed arrived: ${requested().join(' ')}`,
    );
    expect(feeds.pending, 'the feed is still on its way').to.equal(1);
    feeds.release();
    await ready(el);
    expect(
      [...el.shadowRoot!.querySelectorAll<HTMLElement>('[part~="has-events"]')].map(
        (day) => day.dataset.date,
      ),
    ).to.deep.equal(['2022-08-01', '2022-08-08', '2022-08-15']);
  });

  it('loads the CSV parser and papaparse beside a .csv results feed', async () => {
    const feeds = slowFeeds({ '/feeds/results.csv': ['text/csv', CSV] });
    const el = await fixture<LitElement>(
      html`<ect-results-table src="/feeds/results.csv"></ect-results-table>`,
    );
    await waitUntil(
      () => loaded(PARSE_CSV) && loaded(PAPAPARSE),
      'the CSV modules did not load before the feed arrived',
    );
    expect(feeds.pending).to.equal(1);
    feeds.release();
    await ready(el);
    expect(text(one(el, 'tbody'))).to.contain('40,877');
  });
});
