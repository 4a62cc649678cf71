import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import {
  clearFeedCache,
  dropCachedFeed,
  loadCachedFeed,
  readCachedFeed,
  writeCachedFeed,
} from '../../src/feed/cache.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import type { FeedData, ItemsData } from '../../src/feed/types.js';
import { fixtureText } from '../helpers/fixtures.js';
import { probeResponsiveness } from '../helpers/probe.js';

const data = (title: string): ItemsData => ({
  kind: 'items',
  items: [{ id: '1', title, categories: [], attachments: [] }],
});

describe('feed cache (localStorage)', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    sinon.restore();
    clearFeedCache();
  });

  it('keeps the last good data of a feed', () => {
    writeCachedFeed('a', data('ประกาศ'));
    expect(readCachedFeed('a')?.data).to.deep.equal(data('ประกาศ'));
    expect(readCachedFeed('b')).to.be.undefined;
  });

  it('keeps at most 20 feeds, dropping the oldest', () => {
    for (let i = 0; i < 22; i++) writeCachedFeed(`feed-${i}`, data(String(i)), 1_000 + i);
    const now = 2_000;
    expect(readCachedFeed('feed-0', now)).to.be.undefined;
    expect(readCachedFeed('feed-1', now)).to.be.undefined;
    expect(readCachedFeed('feed-2', now)?.data).to.deep.equal(data('2'));
    expect(readCachedFeed('feed-21', now)?.data).to.deep.equal(data('21'));
  });

  it('skips data too large to keep, and forgets entries older than 30 days', () => {
    writeCachedFeed('big', data('x'.repeat(300_000)));
    expect(readCachedFeed('big')).to.be.undefined;
    writeCachedFeed('old', data('old'), 0);
    expect(readCachedFeed('old', 31 * 24 * 3600 * 1000)).to.be.undefined;
  });

  it('ignores garbage and keeps working when storage is unavailable', () => {
    localStorage.setItem('ect-widgets:feed:bad', '{"savedAt": 1, "data": {"kind": "evil"}}');
    expect(readCachedFeed('bad')).to.be.undefined;
    localStorage.setItem('ect-widgets:feed:broken', '{not json');
    expect(readCachedFeed('broken')).to.be.undefined;
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    expect(() => writeCachedFeed('a', data('a'))).not.to.throw();
    sinon.restore();
    sinon.stub(window, 'localStorage').get(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => writeCachedFeed('a', data('a'))).not.to.throw();
    expect(readCachedFeed('a')).to.be.undefined;
  });

  // The cache is untrusted input: any script of the origin can write localStorage.
  const plant = (key: string, data: unknown, savedAt = Date.now()) =>
    localStorage.setItem(`ect-widgets:feed:${key}`, JSON.stringify({ savedAt, data }));
  const stored = (key: string) => localStorage.getItem(`ect-widgets:feed:${key}`);

  it('loads cached data normalized as the network data was: fixtures come back equal', async () => {
    const feeds: [string, string][] = [
      ['rss-news.xml', 'application/rss+xml'],
      ['atom-announcements.xml', 'application/atom+xml'],
      ['jsonfeed-news.json', 'application/feed+json'],
      ['events.json', 'application/json'],
      ['calendar-2565.ics', 'text/calendar'],
      ['results-th.csv', 'text/csv'],
      ['results-races.json', 'application/json'],
      ['counter.json', 'application/json'],
    ];
    for (const [name, contentType] of feeds) {
      const baseUrl = new URL(`/feeds/${name}`, location.href).href;
      const data = await parseFeed(await fixtureText(name), { contentType, baseUrl });
      writeCachedFeed(name, data);
      expect(await loadCachedFeed(name, baseUrl), name).to.deep.equal(data);
    }
  });

  it('removes entries of an unexpected shape instead of handing them on', async () => {
    const shapes: unknown[] = [
      { kind: 'items' },
      { kind: 'items', items: 'x' },
      { kind: 'events', events: { length: 1 } },
      { kind: 'results' },
      { kind: 'results', races: [{ candidates: 'x' }] },
      { kind: 'results', races: [{ candidates: [{ name: 'no votes' }] }] },
      { kind: 'counter' },
      { kind: 'counter', online: 'many' },
      // Says it is news, holds a calendar: an element of either kind would be misled.
      { kind: 'items', events: [{ title: 'x', start: '2024-02-01' }] },
      { kind: 'toString' },
      [],
      'items',
    ];
    for (const [i, shape] of shapes.entries()) {
      plant(`shape-${i}`, shape);
      expect(await loadCachedFeed(`shape-${i}`), JSON.stringify(shape)).to.be.undefined;
      expect(stored(`shape-${i}`), JSON.stringify(shape)).to.be.null;
    }
    for (const raw of [
      '{not json',
      'null',
      '[]',
      '{"savedAt": "1", "data": {"kind": "items", "items": []}}',
    ]) {
      localStorage.setItem('ect-widgets:feed:raw', raw);
      expect(await loadCachedFeed('raw'), raw).to.be.undefined;
      expect(stored('raw'), raw).to.be.null;
    }
    // Saved "in the future", it would never expire.
    plant('future', { kind: 'counter', online: 1 }, Date.now() + 365 * 24 * 3600 * 1000);
    expect(await loadCachedFeed('future')).to.be.undefined;
  });

  it('sanitizes cached HTML and drops cached links and colours the allow-lists refuse', async () => {
    plant('html', {
      kind: 'items',
      items: [
        {
          id: '1',
          title: '<b>หัวข้อ</b>',
          url: 'javascript:alert(1)',
          image: 'data:image/svg+xml,<svg onload=alert(1)>',
          html: '<p onclick="alert(1)">ok</p><img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:alert(1)">x</a>',
          categories: [],
          attachments: [{ url: 'javascript:alert(1)' }],
        },
      ],
    });
    const data = (await loadCachedFeed('html', 'https://example.go.th/feed')) as ItemsData;
    const [item] = data.items;
    expect(item.html).to.equal('<p>ok</p><img src="https://example.go.th/x"><a>x</a>');
    expect(item.url).to.be.undefined;
    expect(item.image).to.equal('https://example.go.th/x');
    expect(item.attachments).to.deep.equal([]);
    plant('colour', {
      kind: 'results',
      races: [
        { id: 'r', candidates: [{ number: 1, name: 'a', votes: 1, color: 'red;x:url(//e)' }] },
      ],
    });
    const results = (await loadCachedFeed('colour')) as Extract<FeedData, { kind: 'results' }>;
    expect(results.races[0].candidates[0]).to.deep.equal({ number: 1, name: 'a', votes: 1 });
  });

  it('removes entries past the limits a feed has', async () => {
    // More result rows than a feed may hold (LIMITS.candidates): refused there, removed here.
    plant('results', {
      kind: 'results',
      races: [
        {
          id: 'r',
          name: 'r',
          candidates: Array.from({ length: 10_001 }, (_, i) => ({
            id: `c${i}`,
            number: i + 1,
            name: 'x',
            votes: 1,
          })),
        },
      ],
    });
    expect(await loadCachedFeed('results')).to.be.undefined;
    expect(stored('results')).to.be.null;
  });

  it('dropCachedFeed forgets one feed and its place in the index', () => {
    writeCachedFeed('a', data('a'));
    writeCachedFeed('b', data('b'));
    dropCachedFeed('a');
    expect(readCachedFeed('a')).to.be.undefined;
    expect(readCachedFeed('b')).to.exist;
    expect(Object.keys(JSON.parse(localStorage.getItem('ect-widgets:feeds')!))).to.deep.equal([
      'b',
    ]);
  });

  // What loading a big cached feed costs (normalized as a JSON feed, in one task per call of
  // the normalizer): far below the probe's 200 ms in both browsers.
  for (const [label, value] of [
    [
      '2,000 events',
      {
        kind: 'events',
        events: Array.from({ length: 2_000 }, (_, i) => ({
          id: `event-${i}@example.go.th`,
          title: `ประชุมคณะกรรมการ ครั้งที่ ${i}`,
          start: `2024-${String((i % 12) + 1).padStart(2, '0')}-10T09:00:00+07:00`,
          end: `2024-${String((i % 12) + 1).padStart(2, '0')}-10T10:30:00+07:00`,
          allDay: false,
          location: 'ห้องประชุม ๑',
          categories: ['ประชุม'],
          ...(i % 10 ? {} : { rrule: 'FREQ=WEEKLY;COUNT=10' }),
        })),
      },
    ],
    [
      '5,000 result rows',
      {
        kind: 'results',
        races: Array.from({ length: 400 }, (_, r) => ({
          id: `race-${r}`,
          name: `เขต ${r + 1}`,
          candidates: Array.from({ length: 12 + (r % 2) }, (_, i) => ({
            number: i + 1,
            name: `ผู้สมัคร ${r}-${i}`,
            party: `พรรค ${i}`,
            color: '#1f6feb',
            votes: 1_000 * i + r,
          })),
        })),
      },
    ],
  ] as const) {
    it(`loads a cached feed of ${label} without a long task`, async () => {
      plant(label, value);
      const probe = probeResponsiveness();
      const began = performance.now();
      const loaded = await loadCachedFeed(label);
      const took = performance.now() - began;
      const worst = probe.stop();
      expect(loaded?.kind).to.equal(value.kind);
      expect(worst, 'longest wait of the probe, ms').to.be.below(200);
      expect(took, 'ms to load').to.be.below(1_000);
    });
  }
});
