/**
 * Feeds built to make a scanner or parser take quadratic (or exponential) time: unclosed
 * comments and CDATA sections, an entity referenced thousands of times, thousands of EXDATE
 * values, unclosed events, a prolog of many comments. Each must be parsed (or refused) while a
 * responsiveness probe keeps answering within 200 ms, by the parser and by an element, which
 * must settle in `ready` or `error` within 5 s.
 */
import { expect } from '@open-wc/testing';
import { clearFeedCache, setFeedFetch } from '../../src/feed/index.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import { FeedError } from '../../src/feed/types.js';
import { probeResponsiveness } from '../helpers/probe.js';
import { sampleElement, untilState, type EctElement } from './page.js';

const PROBE_MS = 200;
const SETTLE_MS = 5000;

const rss = (inside: string, prolog = '') =>
  `<?xml version="1.0"?>${prolog}<rss version="2.0"><channel><title>t</title>${inside}<item><title>a</title></item></channel></rss>`;

const ics = (events: string) =>
  `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n${events}END:VCALENDAR\r\n`;
const event = (lines: string) =>
  `BEGIN:VEVENT\r\nUID:e@test\r\nDTSTAMP:20220801T000000Z\r\nDTSTART:20220801T020000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:x\r\n${lines}END:VEVENT\r\n`;
const day = (n: number) =>
  new Date(Date.UTC(2022, 7, 1 + n, 2)).toISOString().replace(/[-:]|\.\d+/g, '');
/** `20220801`, a day later for each `n`. */
const date = (n: number) => day(n).slice(0, 8);

interface Case {
  what: string;
  format: 'rss' | 'ics';
  text: () => string;
  /** What parseFeed must say when it refuses the feed; undefined: it may read it. */
  refused?: RegExp;
}

const CASES: Case[] = [
  {
    what: '100,000 unclosed <!-- (400 KB)',
    format: 'rss',
    text: () => rss('<!--'.repeat(100_000)),
    refused: /^RSS: /,
  },
  {
    what: '100,000 unclosed <![CDATA[ (900 KB)',
    format: 'rss',
    text: () => rss('<![CDATA['.repeat(100_000)),
    refused: /^RSS: /,
  },
  {
    what: 'one 50 KB entity referenced 20,000 times (130 KB)',
    format: 'rss',
    text: () =>
      rss(
        `<item><title>${'&big;'.repeat(20_000)}</title></item>`,
        `<!DOCTYPE rss [<!ENTITY big "${'x'.repeat(50_000)}">]>`,
      ),
    refused: /^RSS: the feed has entities that expand to more than 200,000 characters$/,
  },
  {
    what: 'a billion laughs',
    format: 'rss',
    text: () => {
      const entities = ['<!ENTITY l0 "lollollollollollollollollollol">'];
      for (let i = 1; i <= 9; i++) entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
      return rss(`<item><title>&l9;</title></item>`, `<!DOCTYPE rss [${entities.join('')}]>`);
    },
    refused: /^RSS: the feed has entities that expand to more than 200,000 characters$/,
  },
  {
    what: 'an entity holding markup',
    format: 'rss',
    text: () =>
      rss(
        '<item><description>&e;</description></item>',
        `<!DOCTYPE rss [<!ENTITY e "<p xmlns='http://www.w3.org/1999/xhtml' onclick='x'>p</p>">]>`,
      ),
    refused: /^RSS: the feed has an entity holding markup$/,
  },
  {
    what: '20,000 unclosed <![CDATA[ in 180 KB (the repair pass)',
    format: 'rss',
    text: () =>
      rss(`<item><title>a</title><description>${'<![CDATA['.repeat(20_000)}</description></item>`),
    refused: /^RSS: not well-formed XML/,
  },
  {
    what: '5,000 undeclared prefixes (the repair pass: at most 50 declared)',
    format: 'rss',
    text: () =>
      rss(
        `<item><title>a</title>${Array.from({ length: 5_000 }, (_, n) => `<p${n}:x/>`).join('')}</item>`,
      ),
    refused: /^RSS: not well-formed XML/,
  },
  {
    what: '40 comments before the root element',
    format: 'rss',
    text: () => `<?xml version="1.0"?>${'<!--x-->'.repeat(40)}${rss('').slice(21)}`,
  },
  {
    what: '60,000 EXDATE values in one line',
    format: 'ics',
    text: () =>
      ics(
        event(
          `EXDATE;VALUE=DATE:${Array.from({ length: 60_000 }, (_, n) => date(n)).join(',')}\r\n`,
        ),
      ),
    refused: /^iCalendar: line 4: an event with more than 2,000 EXDATE values$/,
  },
  {
    what: '23,000 EXDATE lines',
    format: 'ics',
    text: () =>
      ics(event(Array.from({ length: 23_000 }, (_, n) => `EXDATE:${day(n)}\r\n`).join(''))),
    refused: /^iCalendar: line 4: an event with more than 2,000 EXDATE values$/,
  },
  {
    what: '2,000 unclosed BEGIN:VEVENT',
    format: 'ics',
    text: () =>
      ics(
        Array.from(
          { length: 2_000 },
          (_, n) =>
            `BEGIN:VEVENT\r\nUID:${n}@test\r\nDTSTART:20220801T020000Z\r\nSUMMARY:${'x'.repeat(150)}\r\n`,
        ).join(''),
      ),
    refused: /^iCalendar: line 8: an event begins inside the event of line 4$/,
  },
  {
    what: '1,900 EXDATE values (within the bound) in one line',
    format: 'ics',
    text: () =>
      ics(event(`EXDATE:${Array.from({ length: 1_900 }, (_, n) => day(n)).join(',')}\r\n`)),
  },
];

const TYPES = { rss: 'application/rss+xml', ics: 'text/calendar' };
const TAGS = { rss: 'ect-announcement-list', ics: 'ect-calendar' };

describe('slow input: linear scans, bounded expansion', function () {
  this.timeout(120_000);
  const bodies = new Map<string, string>();

  before(async () => {
    clearFeedCache();
    setFeedFetch((url) => {
      const body = bodies.get(new URL(url, location.href).pathname);
      const format = body?.startsWith('BEGIN') ? 'ics' : 'rss';
      return Promise.resolve(
        body === undefined
          ? new Response('', { status: 404 })
          : new Response(body, { headers: { 'Content-Type': TYPES[format] } }),
      );
    });
    // Lazy chunks (ical.js, the sanitizer, the views) loaded before anything is timed.
    await parseFeed(ics(event('')), { format: 'ics' });
    await parseFeed(rss('<item><description>&lt;b&gt;x&lt;/b&gt;</description></item>'));
    for (const format of ['rss', 'ics'] as const) {
      const path = `/slow/warm-${format}`;
      bodies.set(path, format === 'ics' ? ics(event('')) : rss(''));
      const el = sampleElement(TAGS[format], { src: path, refresh: 0 });
      document.body.append(el);
      await untilState(el, ['ready', 'error', 'empty'], 15_000);
      el.remove();
    }
  });

  after(() => {
    setFeedFetch();
    clearFeedCache();
  });

  for (const { what, format, text, refused } of CASES) {
    it(`${what}: parseFeed settles with the probe answering within ${PROBE_MS} ms`, async () => {
      const source = text();
      const probe = probeResponsiveness();
      const start = performance.now();
      let error: unknown;
      try {
        await parseFeed(source, { format });
      } catch (caught) {
        error = caught;
      }
      const took = performance.now() - start;
      const worst = probe.stop();
      if (refused) {
        expect(error, `${what}: refused`).to.be.instanceOf(FeedError);
        expect((error as Error).message).to.match(refused);
      } else if (error) {
        expect(error, `${what}: a FeedError`).to.be.instanceOf(FeedError);
      }
      expect(took, `${what}: parse time (ms)`).to.be.below(SETTLE_MS);
      expect(worst, `${what}: longest wait of the probe (ms)`).to.be.below(PROBE_MS);
    });

    it(`${what}: <${TAGS[format]}> ends ready or error within 5 s, the probe answering`, async () => {
      const path = `/slow/${Math.random().toString(36).slice(2)}`;
      bodies.set(path, text());
      const el = sampleElement(TAGS[format], { src: path, refresh: 0 }) as EctElement;
      const probe = probeResponsiveness();
      const start = performance.now();
      document.body.append(el);
      try {
        const state = await untilState(el, ['ready', 'error'], SETTLE_MS);
        const worst = probe.stop();
        if (refused) expect(state, `${what}: state`).to.equal('error');
        expect(performance.now() - start, `${what}: time to settle (ms)`).to.be.below(SETTLE_MS);
        expect(worst, `${what}: longest wait of the probe (ms)`).to.be.below(PROBE_MS);
      } finally {
        probe.stop();
        el.remove();
        bodies.delete(path);
      }
    });
  }
});
