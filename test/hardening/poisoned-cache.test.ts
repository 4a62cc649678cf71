/**
 * A poisoned cache (docs/security.md): what localStorage holds is untrusted input, written by any
 * script of the origin or left by a hostile feed of an earlier visit. Whatever it holds, the
 * next visit sends its request at once, ends in a clear state within 5 s, stays responsive,
 * never shows or hands on unsanitized data, and does not keep an entry that failed.
 */
import { expect, fixture, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/announcement-list/announcement-list.js';
import '../../src/calendar/calendar.js';
import '../../src/online-counter/online-counter.js';
import '../../src/results-table/results-table.js';
import type { EctCalendar } from '../../src/calendar/calendar.js';
import { clearFeedCache, readCachedFeed } from '../../src/feed/cache.js';
import type { EctLoadEvent } from '../../src/feed/events.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { feedKey } from '../../src/feed/stream.js';
import type { ItemsData } from '../../src/feed/types.js';
import { all, one, ready, text } from '../helpers/dom.js';
import { probeResponsiveness } from '../helpers/probe.js';

let unique = 0;
const feedUrl = (name: string) =>
  new URL(`/poisoned/${name}-${Date.now()}-${unique++}`, location.href).href;
const keyOf = (url: string) => feedKey({ url, format: 'auto', proxy: null });
/** Writes an entry as a script of the page could: any JSON at all. */
const plant = (url: string, data: unknown) =>
  localStorage.setItem(
    `ect-widgets:feed:${keyOf(url)}`,
    JSON.stringify({ savedAt: Date.now(), data }),
  );
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });

/** Answers every request after `delay` ms with `answer()`; counts the requests. */
function network(answer: () => Response, delay = 0) {
  const calls: string[] = [];
  setFeedFetch(async (url) => {
    calls.push(url);
    if (delay) await sleep(delay);
    return answer();
  });
  return calls;
}

const goodFeeds = {
  'ect-announcement-list': { items: [{ id: 'n1', title: 'ประกาศใหม่' }] },
  'ect-calendar': { events: [{ id: 'e1', title: 'ประชุม', start: '2024-02-14' }] },
  'ect-results-table': { candidates: [{ number: 1, name: 'ก', votes: 10 }] },
  'ect-online-counter': { online: 7 },
};
type Tag = keyof typeof goodFeeds;

async function mount(tag: Tag, src: string) {
  const box = document.createElement('div');
  box.innerHTML = `<${tag} lang="en" month="2024-02" src="${src}"></${tag}>`;
  const el = box.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
  await fixture(box);
  return el;
}

describe('a poisoned cache', function () {
  this.timeout(30_000);

  beforeEach(() => clearFeedCache());
  afterEach(() => {
    setFeedFetch();
    clearFeedCache();
  });

  const shapes: [Tag, unknown][] = [
    ['ect-announcement-list', { kind: 'items' }],
    ['ect-announcement-list', { kind: 'items', items: 'x' }],
    ['ect-calendar', { kind: 'events', events: { length: 3 } }],
    ['ect-calendar', { kind: 'events' }],
    ['ect-results-table', { kind: 'results', races: 'x' }],
    ['ect-results-table', { kind: 'results', races: [{ candidates: [{ name: 'x' }] }] }],
    ['ect-online-counter', { kind: 'counter', online: 'many' }],
  ];
  for (const [tag, shape] of shapes) {
    it(`${tag}: an entry of an unexpected shape (${JSON.stringify(shape)}) neither sticks nor stops the request`, async () => {
      const src = feedUrl('shape');
      plant(src, shape);
      const calls = network(() => json(goodFeeds[tag]), 100);
      const began = performance.now();
      const el = await mount(tag, src);
      await ready(el);
      expect(performance.now() - began, 'ms to ready').to.be.below(5_000);
      expect(calls).to.have.length(1);
      // The bad entry is gone; what is stored now is the network's data.
      expect(JSON.stringify(readCachedFeed(keyOf(src))?.data ?? null)).not.to.equal(
        JSON.stringify(shape),
      );
    });
  }

  it('cached HTML reaches ect-load listeners sanitized, and the page shows it sanitized', async () => {
    const src = feedUrl('html');
    plant(src, {
      kind: 'items',
      items: [
        {
          id: '1',
          title: 'ประกาศ',
          url: 'javascript:alert(1)',
          html: '<p onclick="alert(1)">ข้อความ</p><img src="x" onerror="alert(1)"><script>alert(1)</script><a href="javascript:alert(1)">ลิงก์</a>',
          categories: [],
          attachments: [],
        },
      ],
    });
    // The network never answers while the cached copy is shown.
    setFeedFetch(() => new Promise<Response>(() => {}));
    const loads: EctLoadEvent[] = [];
    const box = document.createElement('div');
    box.addEventListener('ect-load', (event) => loads.push(event));
    box.innerHTML = `<ect-announcement-list src="${src}"></ect-announcement-list>`;
    const el = box.firstElementChild as HTMLElement & { updateComplete: Promise<boolean> };
    await fixture(box);
    await ready(el);
    expect(loads).to.have.length(1);
    expect(loads[0].detail.source).to.equal('cache');
    const [item] = (loads[0].detail.data as ItemsData).items;
    expect(item.html).to.equal(`<p>ข้อความ</p><img src="${new URL('x', src).href}"><a>ลิงก์</a>`);
    expect(item.url).to.be.undefined;
    expect(el.shadowRoot!.innerHTML).not.to.match(/onerror|onclick|<script|javascript:/i);
  });

  it('an entry of another kind than the element shows is removed after the error it causes', async () => {
    const src = feedUrl('kind');
    plant(src, { kind: 'counter', online: 5 });
    // The network never answers: the error is the cached data's.
    setFeedFetch(() => new Promise<Response>(() => {}));
    const el = (await mount('ect-calendar', src)) as EctCalendar;
    await ready(el, 'error');
    expect(el.feed.error?.message).to.contain('calendar events');
    expect(readCachedFeed(keyOf(src))).to.be.undefined;
  });

  it('an entry the element fails to render is removed', async () => {
    const { view } = await import('../../src/online-counter/online-counter.view.js');
    const render = view.render;
    const stub = sinon.stub(view, 'render').callsFake((host) => {
      if (host.feed.snapshot.source === 'cache') throw new Error('poisoned render');
      return render(host);
    });
    const failures: unknown[] = [];
    const swallow = (event: PromiseRejectionEvent) => {
      if (String(event.reason).includes('poisoned render')) {
        failures.push(event.reason);
        event.preventDefault();
      }
    };
    window.addEventListener('unhandledrejection', swallow);
    try {
      const src = feedUrl('render');
      plant(src, { kind: 'counter', online: 5 });
      network(() => json({ online: 6 }), 300);
      const el = await mount('ect-online-counter', src).catch(() => undefined);
      await waitUntil(() => failures.length > 0, 'the render never failed', { timeout: 5_000 });
      expect(readCachedFeed(keyOf(src))).to.be.undefined;
      const counter = el ?? document.querySelector('ect-online-counter')!;
      // The network's figures render, and are what the next visit gets.
      await ready(counter as HTMLElement & { updateComplete: Promise<boolean> });
      expect(readCachedFeed(keyOf(src))?.data).to.deep.equal({ kind: 'counter', online: 6 });
    } finally {
      window.removeEventListener('unhandledrejection', swallow);
      stub.restore();
    }
  });

  // The hostile event of issue 17: a day that never comes, cached on an earlier visit.
  const hostileCalendar = {
    kind: 'events',
    events: [
      {
        id: 'plain',
        title: 'ประชุม',
        start: '2024-02-14T09:00:00+07:00',
        allDay: false,
        categories: [],
      },
      {
        id: 'hostile',
        title: 'never',
        start: '2024-02-01T09:00:00+07:00',
        allDay: false,
        categories: [],
        rrule: 'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
      },
    ],
  };
  const fixed = { events: [{ id: 'fixed', title: 'แก้แล้ว', start: '2024-02-20' }] };

  // The first repeating event of the page loads the calendar's view and ical.js: that is not
  // the cache's work, so it is done before the probes.
  before(async () => {
    const el = document.createElement('ect-calendar');
    el.setAttribute('month', '2024-02');
    el.data = { events: [{ id: 'w', title: 'w', start: '2024-02-01', rrule: 'FREQ=WEEKLY' }] };
    await fixture(el);
    await ready(el);
  });

  for (const [label, answer, delay, end] of [
    ['slow (4 s)', () => json(fixed), 4_000, 'ready'],
    ['down (503)', () => new Response('', { status: 503 }), 0, 'stale'],
    ['down (503 after 1 s)', () => new Response('', { status: 503 }), 1_000, 'stale'],
  ] as const) {
    it(`a cached hostile calendar with the fixed feed ${label}: responsive, shown within 5 s`, async () => {
      const src = feedUrl('calendar');
      plant(src, hostileCalendar);
      network(answer, delay);
      const probe = probeResponsiveness();
      const began = performance.now();
      const el = (await mount('ect-calendar', src)) as EctCalendar;
      await ready(el, delay ? 'ready' : end);
      expect(performance.now() - began, 'ms to a shown calendar').to.be.below(5_000);
      expect(el.feed.snapshot.source).to.equal('cache');
      const days = () => all(el, '[part~="has-events"]').map((day) => day.dataset.date);
      expect(days()).to.include('2024-02-14');
      expect(text(one(el, '[part~="incomplete"]'))).to.match(/repeating events/);
      if (end === 'stale') {
        await ready(el, 'stale');
        expect(days()).to.include('2024-02-14');
        expect(text(one(el, '[part~="incomplete"]'))).to.match(/repeating events/);
      } else {
        const waited = performance.now();
        while (el.feed.snapshot.source !== 'network' && performance.now() - waited < 6_000) {
          await sleep(50);
        }
        await ready(el, 'ready');
        expect(days()).to.deep.equal(['2024-02-20']);
      }
      expect(probe.stop(), 'longest wait of the probe, ms').to.be.below(200);
    });
  }
});
