/**
 * Author attributes out of range or unknown (docs/contract.md, "Attribute values"): the element
 * behaves as if the attribute were absent, says nothing on the console and ends in `ready`.
 * Each case is compared with the same element without the attribute.
 */
import { expect, fixture } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/index.js';
import { ready } from '../helpers/dom.js';

type Tag =
  | 'ect-calendar'
  | 'ect-announcement-list'
  | 'ect-news-ticker'
  | 'ect-results-table'
  | 'ect-online-counter';

const today = new Date();
const thisMonth = `${today.getFullYear()}-${String(today.getMonth() + 1).padStart(2, '0')}`;
const feeds: Record<Tag, unknown> = {
  'ect-calendar': {
    events: [
      { id: 'a', title: 'ประชุม', start: `${thisMonth}-14T09:00:00+07:00` },
      { id: 'b', title: 'อบรม', start: `${thisMonth}-20`, allDay: true, category: 'อบรม' },
    ],
  },
  'ect-announcement-list': {
    items: Array.from({ length: 14 }, (_, i) => ({
      id: `n${i}`,
      title: `ประกาศ ${i + 1}`,
      date: new Date(today.getTime() - i * 86_400_000).toISOString(),
      category: i % 2 ? 'จัดซื้อ' : 'ข่าว',
    })),
  },
  'ect-news-ticker': {
    items: Array.from({ length: 14 }, (_, i) => ({ id: `t${i}`, title: `ข่าว ${i + 1}` })),
  },
  'ect-results-table': {
    candidates: Array.from({ length: 60 }, (_, i) => ({
      number: i + 1,
      name: `ผู้สมัคร ${i + 1}`,
      votes: 10_000 - i,
    })),
  },
  'ect-online-counter': { online: 1234, today: 5678, total: 7694178 },
};

const numerals = ['constructor', '__proto__', 'toString', 'arab', 'latnx', 'th', ''];
const calendars = ['__proto__', 'constructor', 'islamic', 'hasOwnProperty', 'buddhistx'];
const zones = ['__proto__', 'constructor', 'Mars/Olympus_Mons', '+25:00', 'x'.repeat(300)];
const counts = ['-1', 'x', '1e309', '1.5', 'Infinity', 'NaN', '-0.5', '99999999999999999999'];

/** Element, attribute, values that must read as absent; and the value absent means, when the test sets one. */
const cases: [Tag, string, string[], string?][] = [
  [
    'ect-calendar',
    'month',
    ['0000-01', '2024-13', '2024-00', '10000-01', '275760-09', '-0001-01', 'x', '2024-1', ' '],
  ],
  ['ect-calendar', 'numerals', numerals],
  ['ect-calendar', 'calendar', calendars],
  ['ect-calendar', 'first-day', ['7', '-1', '1.5', 'x', '1e309', 'Infinity', '-0.5']],
  ['ect-calendar', 'time-zone', zones],
  ['ect-calendar', 'view', ['x', '__proto__']],
  ['ect-announcement-list', 'limit', counts],
  ['ect-announcement-list', 'new-days', counts],
  ['ect-announcement-list', 'numerals', numerals],
  ['ect-announcement-list', 'calendar', calendars],
  ['ect-announcement-list', 'time-zone', zones],
  ['ect-announcement-list', 'layout', ['x', '__proto__']],
  ['ect-news-ticker', 'limit', counts],
  ['ect-news-ticker', 'speed', [...counts, '0']],
  ['ect-news-ticker', 'motion', ['x', '__proto__'], 'auto'],
  ['ect-results-table', 'numerals', numerals],
  ['ect-results-table', 'page-size', counts],
  ['ect-online-counter', 'numerals', numerals],
];

async function shown(tag: Tag, attribute?: string, value?: string) {
  const el = document.createElement(tag) as HTMLElement & {
    data: unknown;
    updateComplete: Promise<boolean>;
  };
  el.setAttribute('lang', 'th');
  // Nothing moves, so the text read is the same each time.
  if (tag === 'ect-news-ticker' && attribute !== 'motion') el.setAttribute('motion', 'reduce');
  if (attribute) el.setAttribute(attribute, value!);
  el.data = feeds[tag];
  await fixture(el);
  await ready(el);
  await el.updateComplete;
  return el.shadowRoot!.textContent!.replace(/\s+/g, ' ').trim();
}

describe('author attributes out of range fall back to their defaults, quietly', function () {
  this.timeout(60_000);
  afterEach(() => sinon.restore());

  for (const [tag, attribute, values, absent] of cases) {
    it(`${tag} ${attribute}`, async () => {
      const expected = absent ? await shown(tag, attribute, absent) : await shown(tag);
      const console_ = (['error', 'warn', 'log', 'info', 'debug'] as const).map((name) =>
        sinon.spy(console, name),
      );
      for (const value of values) {
        const text = await shown(tag, attribute, value);
        expect(text, `${attribute}="${value}"`).to.equal(expected);
      }
      for (const spy of console_) expect(spy.called, `console.${spy.name}`).to.be.false;
    });
  }
});
