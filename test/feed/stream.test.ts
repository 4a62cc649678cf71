import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import type { Subscription } from 'rxjs';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import {
  BACKOFF,
  activeFeedCount,
  feed$,
  feedKey,
  nextDelay,
  refreshFeed,
  type FeedSnapshot,
} from '../../src/feed/stream.js';
import { clearReportRefs } from '../../src/feed/report-refs.js';
import { FeedError, type Race, type ResultsData } from '../../src/feed/types.js';
import { hidePage, setOnline, showPage } from '../helpers/page-activity.js';

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    ...init,
    headers: { 'Content-Type': 'application/json', ...(init.headers ?? {}) },
  });

const items = (...titles: string[]) => ({
  items: titles.map((title, i) => ({ id: String(i), title, date: '2022-06-16T09:30:00+07:00' })),
});

let unique = 0;
const url = () => `${location.origin}/mock/feed-${Date.now()}-${unique++}.json`;

/**
 * A route table of real Responses; records each call and its abort signal, and rejects on
 * abort as the browser's fetch does.
 */
function routes(answer: (call: number, url: string) => Response | Promise<Response>) {
  const calls: { url: string; signal: AbortSignal }[] = [];
  setFeedFetch((requested, init) => {
    calls.push({ url: requested, signal: init.signal! });
    const aborted = new Promise<never>((_, reject) =>
      init.signal!.addEventListener('abort', () =>
        reject(new DOMException('aborted', 'AbortError')),
      ),
    );
    return Promise.race([Promise.resolve(answer(calls.length, requested)), aborted]);
  });
  return calls;
}

// Reading a Response body takes real tasks, which fake timers do not run: wait for them with
// the browser's own timer, captured before any test installs fake ones.
const realSetTimeout = window.setTimeout.bind(window);
async function settle(clock: sinon.SinonFakeTimers) {
  for (let i = 0; i < 5; i++) {
    await clock.tickAsync(0);
    await new Promise((resolve) => realSetTimeout(resolve, 5));
  }
}
/** Polls with the real timer (open-wc's waitUntil leaves a timer behind that would later hit fake ones). */
async function waitUntil(predicate: () => boolean, timeout = 3000) {
  const start = performance.now();
  while (!predicate()) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((resolve) => realSetTimeout(resolve, 10));
  }
}
const fakeTimers = () =>
  sinon.useFakeTimers({
    toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
  });

describe('feed$: the shared feed stream', () => {
  let subs: Subscription[] = [];
  let clock: sinon.SinonFakeTimers | undefined;

  beforeEach(() => {
    clearFeedCache();
    subs = [];
  });
  afterEach(() => {
    subs.forEach((s) => s.unsubscribe());
    clock?.restore();
    clock = undefined;
    setFeedFetch();
    sinon.restore();
    showPage();
    setOnline(true);
    clearFeedCache();
  });

  function watch(feedUrl: string, refresh = 60) {
    const snapshots: FeedSnapshot[] = [];
    subs.push(feed$({ url: feedUrl, refresh }).subscribe((s) => snapshots.push(s)));
    return snapshots;
  }

  it('starts with loading, then shows the parsed data from the network', async () => {
    routes(() => json(items('ประกาศรับสมัคร')));
    const snapshots = watch(url());
    expect(snapshots[0].status).to.equal('loading');
    await waitUntil(() => snapshots.length === 2);
    expect(snapshots[1].status).to.equal('ready');
    expect(snapshots[1].source).to.equal('network');
    expect(snapshots[1].data).to.deep.include({ kind: 'items' });
  });

  it('makes one request for many subscribers of one URL, through the real test server', async () => {
    const id = `shared-${Date.now()}`;
    const feedUrl = `${location.origin}/api/feed?file=pr-news.json&type=application/json&id=${id}`;
    const lists = Array.from({ length: 6 }, () => watch(feedUrl));
    await waitUntil(() => lists.every((list) => list.some((s) => s.status === 'ready')));
    // A late subscriber gets the replayed snapshot, not a new request.
    const late = watch(feedUrl);
    expect(late.at(-1)?.status).to.equal('ready');
    const { hits } = await (await fetch(`/api/hits?id=${id}`)).json();
    expect(hits).to.equal(1);
  });

  it('stops polling and aborts the request in flight when the last subscriber leaves', async () => {
    let resolve!: (r: Response) => void;
    const calls = routes(() => new Promise<Response>((r) => (resolve = r)));
    const feedUrl = url();
    watch(feedUrl);
    watch(feedUrl);
    await waitUntil(() => calls.length === 1);
    expect(activeFeedCount()).to.be.greaterThan(0);
    subs[0].unsubscribe();
    expect(calls[0].signal.aborted).to.be.false;
    subs[1].unsubscribe();
    await Promise.resolve();
    expect(calls[0].signal.aborted).to.be.true;
    expect(activeFeedCount()).to.equal(0);
    resolve(json(items('late')));
  });

  it('polls every `refresh` seconds and keeps data when a refresh fails (stale)', async () => {
    clock = fakeTimers();
    sinon.stub(Math, 'random').returns(0.5);
    const calls = routes((n) => (n === 1 ? json(items('หนึ่ง')) : new Response('', { status: 503 })));
    const snapshots = watch(url(), 60);
    await settle(clock);
    expect(snapshots.at(-1)?.status).to.equal('ready');
    await clock.tickAsync(59_000);
    expect(calls).to.have.length(1);
    await clock.tickAsync(1_000);
    expect(calls).to.have.length(2);
    const last = snapshots.at(-1)!;
    expect(last.status).to.equal('stale');
    expect(last.error?.message).to.contain('503');
    expect(last.data).to.equal(snapshots[1].data);
  });

  it('retries failures with capped exponential backoff and full jitter', async () => {
    clock = fakeTimers();
    sinon.stub(Math, 'random').returns(1);
    const calls = routes(() => new Response('', { status: 500 }));
    const snapshots = watch(url(), 0);
    await settle(clock);
    expect(snapshots.at(-1)?.status).to.equal('error');
    // 2 s doubling, capped at 5 min (Math.random() = 1 takes the ceiling of each window).
    const gaps = [2000, 4000, 8000, 16000, 32000, 64000, 128000, 256000, 300000, 300000];
    for (const [i, gap] of gaps.entries()) {
      await clock.tickAsync(gap - 10);
      await settle(clock);
      expect(calls, `before retry ${i + 1}`).to.have.length(i + 1);
      await clock.tickAsync(10);
      await settle(clock);
      expect(calls, `retry ${i + 1} after ${gap} ms`).to.have.length(i + 2);
    }
  });

  it('honours Retry-After', async () => {
    clock = fakeTimers();
    sinon.stub(Math, 'random').returns(0.5);
    const calls = routes((n) =>
      n === 1
        ? new Response('', { status: 429, headers: { 'Retry-After': '30' } })
        : json(items('x')),
    );
    const snapshots = watch(url(), 0);
    await clock.tickAsync(29_000);
    expect(calls).to.have.length(1);
    await clock.tickAsync(1_000);
    expect(calls).to.have.length(2);
    expect(snapshots.at(-1)?.status).to.equal('ready');
  });

  it('does not retry a 404 fast', () => {
    sinon.stub(Math, 'random').returns(0.5);
    const notFound = new FeedError('HTTP 404', { status: 404 });
    expect(nextDelay(1, notFound, 0)).to.be.at.least(BACKOFF.clientErrorMs * 0.9);
    expect(nextDelay(1, new FeedError('HTTP 408', { status: 408 }), 0)).to.be.below(
      BACKOFF.baseMs + 1,
    );
  });

  it('clamps refresh between 5 s and a day', () => {
    sinon.stub(Math, 'random').returns(0.5);
    expect(nextDelay(0, undefined, 1)).to.equal(5_000);
    expect(nextDelay(0, undefined, 1e12)).to.equal(86_400_000);
    expect(nextDelay(0, undefined, 0)).to.equal(Infinity);
  });

  it('pauses while the page is hidden and fetches at once when it is shown, if due', async () => {
    clock = fakeTimers();
    sinon.stub(Math, 'random').returns(0.5);
    const calls = routes(() => json(items('a')));
    watch(url(), 60);
    await settle(clock);
    expect(calls).to.have.length(1);
    hidePage();
    await clock.tickAsync(10 * 60_000);
    expect(calls).to.have.length(1);
    showPage();
    await settle(clock);
    expect(calls).to.have.length(2);
  });

  it('pauses while offline and retries at once when the connection returns', async () => {
    clock = fakeTimers();
    sinon.stub(Math, 'random').returns(1);
    let up = false;
    const calls = routes(() =>
      up ? json(items('back')) : Promise.reject(new TypeError('offline')),
    );
    const snapshots = watch(url(), 60);
    await settle(clock);
    expect(snapshots.at(-1)?.status).to.equal('error');
    setOnline(false);
    await clock.tickAsync(60_000);
    expect(calls).to.have.length(1);
    up = true;
    setOnline(true);
    await settle(clock);
    expect(calls).to.have.length(2);
    expect(snapshots.at(-1)?.status).to.equal('ready');
  });

  it('keeps the loop when the only subscriber leaves and comes back in the same task', async () => {
    const calls = routes(() => json(items('a')));
    const feedUrl = url();
    const first = watch(feedUrl);
    await waitUntil(() => first.some((s) => s.status === 'ready'));
    subs[0].unsubscribe();
    const again = watch(feedUrl);
    await new Promise((resolve) => realSetTimeout(resolve, 50));
    expect(again.map((s) => s.status)).to.deep.equal(['ready']);
    expect(calls).to.have.length(1);
  });

  it('shows the cached data of an earlier visit while it revalidates', async () => {
    const feedUrl = url();
    routes(() => json(items('เก่า')));
    const first = watch(feedUrl);
    await waitUntil(() => first.some((s) => s.status === 'ready'));
    subs.forEach((s) => s.unsubscribe());
    await Promise.resolve();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    routes(async () => {
      await gate;
      return json(items('ใหม่'));
    });
    const second = watch(feedUrl);
    expect(second.map((s) => s.status)).to.deep.equal(['loading']);
    await waitUntil(() => second.length === 2);
    expect(second[1].source).to.equal('cache');
    expect(second[1].status).to.equal('ready');
    expect(JSON.stringify(second[1].data)).to.contain('เก่า');
    release();
    await waitUntil(() => second.length === 3);
    expect(second[2].source).to.equal('network');
    expect(JSON.stringify(second[2].data)).to.contain('ใหม่');
  });

  it('sends the request before it reads the cache, and the cache never holds it up', async () => {
    const feedUrl = url();
    routes(() => json(items('เก่า')));
    const first = watch(feedUrl);
    await waitUntil(() => first.some((s) => s.status === 'ready'));
    subs.forEach((s) => s.unsubscribe());
    await Promise.resolve();
    const order: string[] = [];
    const getItem = Storage.prototype.getItem;
    sinon.stub(Storage.prototype, 'getItem').callsFake(function (this: Storage, key: string) {
      if (key.startsWith('ect-widgets:feed:')) order.push('cache');
      return getItem.call(this, key);
    });
    routes(() => {
      order.push('fetch');
      return new Response('', { status: 503 });
    });
    const second = watch(feedUrl);
    await waitUntil(() => second.at(-1)?.status === 'stale');
    expect(order).to.deep.equal(['fetch', 'cache']);
    expect(JSON.stringify(second.at(-1)!.data)).to.contain('เก่า');
  });

  it('starts the request when the cached entry is of an unexpected shape, and removes it', async () => {
    for (const data of [
      { kind: 'items' },
      { kind: 'results', races: 'x' },
      { kind: 'events', events: 5 },
      { kind: 'counter', online: 'many' },
    ]) {
      const feedUrl = url();
      const key = `ect-widgets:feed:${feedKey({ url: feedUrl })}`;
      localStorage.setItem(key, JSON.stringify({ savedAt: Date.now(), data }));
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      const calls = routes(async () => {
        await gate;
        return json(items('ใหม่'));
      });
      const snapshots = watch(feedUrl);
      expect(calls, JSON.stringify(data)).to.have.length(1);
      await waitUntil(() => localStorage.getItem(key) === null);
      expect(snapshots.map((s) => s.status)).to.deep.equal(['loading']);
      release();
      await waitUntil(() => snapshots.at(-1)?.source === 'network');
      expect(snapshots.at(-1)!.status).to.equal('ready');
    }
  });

  it('does not emit again when a refresh brings the same data', async () => {
    clock = fakeTimers();
    sinon.stub(Math, 'random').returns(0.5);
    const calls = routes(() => json(items('same')));
    const snapshots = watch(url(), 30);
    await settle(clock);
    await clock.tickAsync(30_000);
    expect(calls).to.have.length(2);
    expect(snapshots.map((s) => s.status)).to.deep.equal(['loading', 'ready']);
  });

  it('shares one request among views of different report options; a view that cannot read the text does not slow the others', async () => {
    clearReportRefs();
    clock = fakeTimers();
    sinon.stub(Math, 'random').returns(0.5);
    let votes = 10;
    // A statistics file of the ECT report with two provinces; no reference files (the rows show ids).
    const calls = routes((_, requested) =>
      requested.includes('/stats_cons.json')
        ? json({
            turn_out: 1,
            result_province: ['AAA', 'BBB'].map((id, i) => ({
              prov_id: id,
              constituencies: [
                {
                  cons_id: `${id}_1`,
                  candidates: [{ mp_app_id: `${id}_1_1`, mp_app_vote: votes + i }],
                },
              ],
            })),
          })
        : new Response('', { status: 404 }),
    );
    const feedUrl = `${location.origin}/mock/ect-${unique++}/stats_cons.json`;
    const stats = () => calls.filter((call) => call.url === feedUrl);
    const view = (province: string) => {
      const snapshots: FeedSnapshot[] = [];
      const request = { url: feedUrl, format: 'ect-report' as const, refresh: 30 };
      subs.push(feed$({ ...request, report: { province } }).subscribe((s) => snapshots.push(s)));
      return snapshots;
    };
    const shown = (snapshots: FeedSnapshot[]) => {
      const race = (snapshots.at(-1)?.data as ResultsData | undefined)?.races[0] as Race;
      return race && `${race.candidates[0].name} ${race.candidates[0].votes}`;
    };
    const [a, b, missing] = [view('AAA'), view('BBB'), view('ZZZ')];
    await waitUntil(() => [a, b, missing].every((s) => s.at(-1)?.status !== 'loading'));
    expect(stats()).to.have.length(1);
    expect([shown(a), shown(b)]).to.deep.equal(['AAA_1_1 10', 'BBB_1_1 11']);
    expect(missing.at(-1)?.status).to.equal('error');
    expect(missing.at(-1)?.error?.message).to.contain('no province "ZZZ"');

    // No backoff retry for the view that failed (it would come within 2 s): the refresh period.
    votes = 20;
    await clock.tickAsync(29_000);
    await settle(clock);
    expect(stats()).to.have.length(1);
    await clock.tickAsync(1_000);
    await waitUntil(() => shown(b) === 'BBB_1_1 21');
    expect(stats()).to.have.length(2);
    expect(shown(a)).to.equal('AAA_1_1 20');
    expect(missing.at(-1)?.status).to.equal('error');
    clearReportRefs();
  });

  it('fetches at once on refreshFeed (the Retry button)', async () => {
    const calls = routes(() => new Response('', { status: 500 }));
    const feedUrl = url();
    const snapshots = watch(feedUrl, 0);
    await waitUntil(() => snapshots.some((s) => s.status === 'error'));
    routes(() => json(items('ok')));
    refreshFeed({ url: feedUrl });
    await waitUntil(() => snapshots.at(-1)?.status === 'ready');
    expect(calls).to.have.length(1);
  });
});
