/**
 * Lifecycle of every element src/index.ts registers: connected and disconnected a thousand
 * times it leaves nothing running (feed loops, timers, animation frames, listeners on the page,
 * observers); moved in the DOM it keeps one poll; its `src` changed quickly, only the last feed
 * is shown and the other requests are aborted.
 *
 * Heap growth is measured where it can be measured honestly, with a forced garbage collection
 * and exact heap figures: scripts/test-dist.js, through the DevTools protocol in Chromium.
 * `performance.memory` in a normal page is rounded and updated at random, so it is not used here.
 */
import { expect } from '@open-wc/testing';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { activeFeedCount } from '../../src/feed/stream.js';
import type { FeedData } from '../../src/feed/types.js';
import {
  fixtureText,
  nextTask,
  recordEvents,
  registeredTags,
  sampleElement,
  shownCount,
  sleep,
  untilState,
  type EctElement,
} from './page.js';
import { FEEDS, feedUrl, sampleFor } from './samples.js';
import { trackLeftovers } from './track.js';

const CYCLES = 1000;

let unique = 0;
const fresh = () => `${Date.now()}-${unique++}`;

interface Call {
  url: string;
  signal: AbortSignal;
  answer: (response: Response) => void;
}

/**
 * Feeds under /lifecycle/ answered by the test: each request waits until `answer` is called
 * (or fails on abort, as the browser's fetch does); other URLs go to the test server.
 */
function routeTable() {
  const calls: Call[] = [];
  setFeedFetch((url, init) => {
    if (!new URL(url, location.href).pathname.startsWith('/lifecycle/')) return fetch(url, init);
    return new Promise<Response>((resolve, reject) => {
      const signal = init.signal!;
      signal.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      calls.push({ url, signal, answer: resolve });
    });
  });
  return calls;
}

/** A feed of the element's kind with `n` entries (items, events, candidates; or `n` online). */
async function variant(kind: FeedData['kind'], n: number): Promise<Response> {
  if (kind === 'counter') {
    return new Response(JSON.stringify({ online: n }), {
      headers: { 'Content-Type': 'application/json' },
    });
  }
  const generate = { items: 'json', events: 'events', results: 'results' }[kind];
  const text = await (await fetch(`/api/feed?generate=${generate}&items=${n}`)).text();
  return new Response(text, { headers: { 'Content-Type': 'application/json' } });
}

describe('lifecycle', function () {
  this.timeout(180000);
  let stage: HTMLElement;

  beforeEach(() => {
    clearFeedCache();
    stage = document.createElement('section');
    stage.setAttribute('aria-label', 'stage');
    document.body.append(stage);
  });
  afterEach(() => {
    setFeedFetch();
    stage.remove();
    clearFeedCache();
  });

  it('covers every element src/index.ts registers (each needs a row in samples.js)', () => {
    expect(registeredTags, 'no element found in src/index.ts').not.to.be.empty;
    for (const tag of registeredTags) expect(() => sampleFor(tag), tag).not.to.throw();
  });

  it(`${CYCLES} connect/disconnect cycles leave no feed loop, timer, listener or observer`, async () => {
    const calls = routeTable();
    const elements: EctElement[] = [];
    const inside = (node: Node) =>
      elements.some((el) => {
        for (let at: Node | null = node; at;) {
          if (at === el) return true;
          const root = at.getRootNode();
          at = at.parentNode ?? (root instanceof ShadowRoot ? root.host : null);
        }
        return false;
      });
    // One cycle of each first: what a module sets up once (a shared media query listener, a
    // lazily loaded parser) is not what a cycle leaves behind.
    for (const tag of registeredTags) {
      const el = sampleElement(tag, { src: `/lifecycle/warm-${tag}-${fresh()}`, refresh: 60 });
      stage.append(el);
      await el.updateComplete;
      el.remove();
    }
    await sleep(50);
    const loopsBefore = activeFeedCount();
    const tracker = trackLeftovers(inside);
    try {
      for (const tag of registeredTags) {
        // Half the cycles end with the feed loaded and shown, half while it is loading.
        const text = await fixtureText(sampleFor(tag).feed);
        const type = FEEDS[sampleFor(tag).feed].type;
        const el = sampleElement(tag, { src: `/lifecycle/${tag}-${fresh()}`, refresh: 60 });
        elements.push(el);
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          stage.append(el);
          if (cycle % 2) {
            const call = calls.at(-1);
            if (call && !call.signal.aborted) {
              call.answer(new Response(text, { headers: { 'Content-Type': type } }));
            }
            await nextTask();
          }
          await el.updateComplete;
          el.remove();
          await nextTask();
        }
      }
      // Loops stop a microtask after their last subscriber; aborted requests settle in a task.
      await sleep(300);
    } finally {
      const leftovers = tracker.stop();
      const loops = activeFeedCount() - loopsBefore;
      expect(loops, 'feed loops still running').to.equal(0);
      expect(
        leftovers.timers.map((timer) => `${timer.kind}(${timer.delay ?? ''}) from ${timer.stack}`),
        'timers or animation frames still pending',
      ).to.deep.equal([]);
      expect(leftovers.listeners, 'listeners left on the page').to.deep.equal([]);
      expect(leftovers.observers, 'observers still watching the page').to.deep.equal([]);
    }
    expect(calls.length, 'requests made').to.be.at.least(registeredTags.length);
    const pending = calls.filter((call) => !call.signal.aborted);
    // Every request is answered or aborted; none is left waiting.
    for (const call of pending) call.answer(new Response(null, { status: 204 }));
  });

  it('an element moved in the DOM keeps one poll', async function () {
    // One refresh period (5 s, the shortest allowed; 10 % jitter) of every element at once.
    this.timeout(60000);
    const watched = registeredTags.map((tag) => {
      const key = `move-${tag}-${fresh()}`;
      const el = sampleElement(tag, { src: feedUrl(sampleFor(tag).feed, `id=${key}`), refresh: 5 });
      const entry = { tag, key, el, loadedAt: 0 };
      el.addEventListener('ect-load', () => (entry.loadedAt ||= performance.now()), { once: true });
      stage.append(el);
      return entry;
    });
    const hits = async (key: string): Promise<number> =>
      (await (await fetch(`/api/hits?id=${key}`)).json()).hits;
    for (const { el } of watched) await untilState(el, 'ready');
    const loops = activeFeedCount();
    const other = document.createElement('div');
    stage.append(other);
    const movedAt = performance.now();
    for (const { el } of watched) {
      // Moved within one task: the element keeps its loop and fetches nothing again.
      other.append(el);
      stage.append(el);
      other.append(el);
    }
    await sleep(50);
    expect(activeFeedCount(), 'feed loops after moving').to.equal(loops);
    for (const { tag, key, loadedAt } of watched) {
      // (Unless the machine was so slow that the next poll was due already.)
      if (movedAt < loadedAt + 4400) {
        expect(await hits(key), `<${tag}> requests right after moving`).to.equal(1);
      }
    }
    // Past the first refresh of every element, before the second of any: one request more each.
    const lastLoad = Math.max(...watched.map((entry) => entry.loadedAt));
    await sleep(Math.max(0, lastLoad + 5800 - performance.now()));
    for (const { tag, key, el } of watched) {
      expect(await hits(key), `<${tag}> requests after one refresh period`).to.equal(2);
      expect(el.getAttribute('state'), `<${tag}>`).to.equal('ready');
    }
    expect(activeFeedCount(), 'feed loops').to.equal(loops);
  });

  it('src changed five times shows only the last feed and aborts the other requests', async () => {
    for (const tag of registeredTags) {
      const calls = routeTable();
      const { kind } = sampleFor(tag);
      const el = sampleElement(tag, { src: `/lifecycle/src-1-${fresh()}`, refresh: 0 });
      const events = recordEvents(el);
      stage.append(el);
      for (let n = 2; n <= 5; n++) {
        await el.updateComplete;
        await nextTask();
        el.setAttribute('src', `/lifecycle/src-${n}-${fresh()}`);
      }
      await el.updateComplete;
      await nextTask();
      expect(calls.length, `<${tag}> requests`).to.equal(5);
      // The answers come back last first, so the stale ones arrive after the newest.
      for (let n = 5; n >= 1; n--) calls[n - 1].answer(await variant(kind, n));
      await untilState(el, 'ready');
      await sleep(200);
      expect(
        calls.map((call) => call.signal.aborted),
        `<${tag}> requests aborted`,
      ).to.deep.equal([true, true, true, true, false]);
      expect(events.loads.map(shownCount), `<${tag}> data shown`).to.deep.equal([5]);
      expect(el.getAttribute('state'), `<${tag}>`).to.equal('ready');
      el.remove();
    }
  });

  it('src changed five times in one task fetches only the last', async () => {
    for (const tag of registeredTags) {
      const calls = routeTable();
      const el = sampleElement(tag, { src: `/lifecycle/sync-1-${fresh()}`, refresh: 0 });
      const events = recordEvents(el);
      stage.append(el);
      for (let n = 2; n <= 5; n++) el.setAttribute('src', `/lifecycle/sync-${n}-${fresh()}`);
      await el.updateComplete;
      await nextTask();
      // The request made on connecting, aborted, and one for the last `src`.
      expect(calls.length, `<${tag}> requests`).to.equal(2);
      expect(calls[0].signal.aborted, `<${tag}> first request aborted`).to.equal(true);
      expect(calls[1].url, `<${tag}> request`).to.contain('/lifecycle/sync-5-');
      calls[1].answer(await variant(sampleFor(tag).kind, 5));
      await untilState(el, 'ready');
      expect(events.loads.map(shownCount), `<${tag}> data shown`).to.deep.equal([5]);
      el.remove();
    }
  });
});
