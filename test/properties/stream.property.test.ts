/**
 * Property (a): the shared feed stream under random schedules. A route table of real Responses
 * answers each request with a generated answer (200 with one of three feeds, 304, 4xx, 5xx, 429
 * with Retry-After, no answer until the timeout, a network error, a page that is no feed), after
 * a generated delay, while subscribers join and leave with their refresh values and the page is
 * hidden, shown, offline and online, under fake timers. After every step the stream must keep:
 * one request in flight per URL; no timed request before its backoff or refresh floor, and none
 * missing once it is due; the last good data in every snapshot after it; the cached data of the
 * last visit on the next one; nothing at all after the last subscriber leaves.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import type { Subscription } from 'rxjs';
import {
  clearFeedCache,
  feed$,
  refreshFeed,
  parseRetryAfter,
  setFeedFetch,
  type FeedSnapshot,
} from '../../src/feed/index.js';
import { loadParser } from '../../src/feed/parse/parsers.js';
import { BACKOFF, activeFeedCount } from '../../src/feed/stream.js';
import { hidePage, setOnline, showPage } from '../helpers/page-activity.js';
import { FUZZ, PROPERTY_TIMEOUT, checkProperty } from './settings.js';

type Answer =
  | { kind: 'ok'; variant: 0 | 1 | 2; delay: number }
  | { kind: 'status'; status: number; delay: number }
  | { kind: 'retry-after'; status: 429 | 503; retryAfter: string; delay: number }
  | { kind: 'hang' }
  | { kind: 'network'; delay: number }
  | { kind: 'not-a-feed'; delay: number };

type Action =
  | { t: 'advance'; ms: number }
  | { t: 'hide' | 'show' | 'offline' | 'online' | 'refresh' }
  | { t: 'join'; refresh: number }
  | { t: 'leave' | 'move'; index: number };

const TIMEOUT_MS = 20_000;
/** The fake clock starts in 2026, so Retry-After dates read as they would today. */
const START = Date.UTC(2026, 0, 1);
const delay = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.integer({ min: 1, max: 3_000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 3_000, max: 25_000 }) },
);
const answer: fc.Arbitrary<Answer> = fc.oneof(
  fc.record({
    kind: fc.constant('ok' as const),
    variant: fc.constantFrom(0, 1, 2 as const),
    delay,
  }),
  fc.record({
    kind: fc.constant('status' as const),
    status: fc.constantFrom(304, 400, 403, 404, 408, 410, 418, 500, 502, 503, 504),
    delay,
  }),
  fc.record({
    kind: fc.constant('retry-after' as const),
    status: fc.constantFrom(429 as const, 503 as const),
    retryAfter: fc.oneof(
      fc.integer({ min: 0, max: 7_200 }).map(String),
      fc.constantFrom('', 'soon', '-5', '1.5', 'date:30', 'date:-30', 'date:900'),
    ),
    delay,
  }),
  fc.constant({ kind: 'hang' as const }),
  fc.record({ kind: fc.constant('network' as const), delay }),
  fc.record({ kind: fc.constant('not-a-feed' as const), delay }),
);
const refresh = fc.oneof(
  fc.constantFrom(0, 1, 5, 30, 60, 300, -1, 0.001, Number.NaN, 1e12),
  fc.integer({ min: 1, max: 900 }),
);
const action: fc.Arbitrary<Action> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      t: fc.constant('advance' as const),
      ms: fc.oneof(
        fc.integer({ min: 0, max: 2_000 }),
        fc.integer({ min: 2_000, max: 60_000 }),
        // Past the longest backoff (5 min) and the client-error wait, but not hours of polling.
        fc.integer({ min: 60_000, max: 900_000 }),
      ),
    }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      t: fc.constantFrom('hide' as const, 'show' as const, 'offline' as const, 'online' as const),
    }),
  },
  { weight: 1, arbitrary: fc.record({ t: fc.constant('refresh' as const) }) },
  { weight: 2, arbitrary: fc.record({ t: fc.constant('join' as const), refresh }) },
  {
    weight: 2,
    arbitrary: fc.record({
      t: fc.constantFrom('leave' as const, 'move' as const),
      index: fc.nat(4),
    }),
  },
);

const TITLES = ['ประกาศ กกต. ฉบับที่ 1', 'ข่าว &amp; กิจกรรม', ''];
const bodyOf = (variant: number) =>
  JSON.stringify({
    items: variant === 2 ? [] : [{ id: `v${variant}`, title: TITLES[variant] }],
  });
const titleOf = (data: FeedSnapshot['data']) =>
  data?.kind === 'items' ? (data.items[0]?.title ?? '(none)') : undefined;
const expectedTitle = (variant: number) => (variant === 2 ? '(none)' : TITLES[variant]);

/** The Retry-After header of an answer given at `now` (`date:N`: an HTTP date N s later). */
function retryAfterHeader(value: string, now: number): string {
  if (!value.startsWith('date:')) return value;
  return new Date(now + Number(value.slice(5)) * 1000).toUTCString();
}

interface Call {
  at: number;
  signal: AbortSignal;
  answer: Answer;
  settledAt?: number;
  /** Aborted because the last subscriber left: no outcome. */
  dropped?: boolean;
  /** Seconds of the answer's Retry-After, as the fetch layer reads it. */
  retryAfter?: number;
  /** The shortest positive refresh of the subscribers when the answer came. */
  refresh?: number;
}

/** The loop stops a few microtasks after the last subscriber leaves, in the same task. */
async function microtasks() {
  for (let i = 0; i < 10; i++) await Promise.resolve();
}

/** When the first fake timer is due; sinon keeps its timers in a `timers` map of `callAt`s. */
function nextTimerAt(clock: sinon.SinonFakeTimers): number | undefined {
  const timers = (clock as unknown as { timers?: Map<number, { callAt: number }> }).timers;
  let first: number | undefined;
  for (const timer of timers?.values() ?? []) {
    if (first === undefined || timer.callAt < first) first = timer.callAt;
  }
  return first;
}

// Real tasks (reading a Response, writing the cache) run between fake-timer steps.
const channel = new MessageChannel();
const realTask = () =>
  new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(null);
  });

async function runSchedule(answers: Answer[], actions: Action[], clock: sinon.SinonFakeTimers) {
  const url = `${location.origin}/fuzz/stream-${Date.now()}-${Math.random()}.json`;
  const calls: Call[] = [];
  let inFlight = 0;
  setFeedFetch((requested, init) => {
    expect(requested).to.equal(url);
    inFlight++;
    expect(inFlight, 'requests in flight for one URL').to.equal(1);
    const call: Call = {
      at: Date.now(),
      signal: init.signal!,
      answer: answers[calls.length % answers.length],
    };
    calls.push(call);
    return new Promise<Response>((resolve, reject) => {
      const settle = () => {
        if (call.settledAt === undefined) {
          call.settledAt = Date.now();
          call.refresh = shortestRefresh();
          inFlight--;
        }
      };
      init.signal!.addEventListener('abort', () => {
        settle();
        reject(new DOMException('aborted', 'AbortError'));
      });
      const a = call.answer;
      if (a.kind === 'hang') return;
      setTimeout(() => {
        if (init.signal!.aborted) return;
        settle();
        if (a.kind === 'network') return reject(new TypeError('Failed to fetch'));
        if (a.kind === 'ok') {
          return resolve(
            new Response(bodyOf(a.variant), { headers: { 'Content-Type': 'application/json' } }),
          );
        }
        if (a.kind === 'not-a-feed') {
          return resolve(
            new Response('<!doctype html><title>404</title>', {
              headers: { 'Content-Type': 'text/html' },
            }),
          );
        }
        if (a.kind === 'retry-after') {
          const header = retryAfterHeader(a.retryAfter, Date.now());
          call.retryAfter = parseRetryAfter(header);
          return resolve(
            new Response('', { status: a.status, headers: { 'Retry-After': header } }),
          );
        }
        resolve(new Response(a.status === 304 ? null : '', { status: a.status }));
      }, a.delay);
    });
  });

  interface Sub {
    refresh: number;
    subscription: Subscription;
    snapshots: FeedSnapshot[];
  }
  let subs: Sub[] = [];
  let visible = true;
  let online = true;
  let activeSince = Date.now();
  /** Settled calls of the current loop, and what the loop must show. */
  let loopCalls: Call[] = [];
  let lastGood: string | undefined;
  let everGood = false;

  const shortestRefresh = () => {
    const positive = subs.map((s) => s.refresh).filter((r) => r > 0);
    return positive.length ? Math.min(...positive) : 0;
  };
  const refreshMs = (refresh: number) =>
    Math.min(Math.max(refresh * 1000, BACKOFF.minRefreshMs), BACKOFF.maxRefreshMs);

  /** The earliest and latest a timed request may follow the settled call `index` of the loop. */
  const bounds = (index: number, refreshAtSettle: number): [number, number] => {
    let failures = 0;
    for (let i = index; i >= 0 && !isOk(loopCalls[i].answer); i--) failures++;
    const answer = loopCalls[index].answer;
    // An answer due when the request times out loses to the timeout (its timer was set first).
    const last: Answer =
      'delay' in answer && answer.delay >= TIMEOUT_MS ? { kind: 'hang' } : answer;
    const ms = refreshMs(refreshAtSettle);
    if (!failures) return refreshAtSettle > 0 ? [ms * 0.9, ms * 1.1] : [Infinity, Infinity];
    if (last.kind === 'status' && last.status >= 400 && last.status < 500 && last.status !== 408) {
      const floor = Math.max(ms, BACKOFF.clientErrorMs);
      return [floor * 0.9, floor * 1.1];
    }
    const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** (failures - 1));
    const seconds = loopCalls[index].retryAfter;
    const wait = seconds === undefined ? 0 : seconds * 1000;
    return [Math.max(BACKOFF.minMs, wait - 1000), Math.max(BACKOFF.minMs, ceiling, wait + 1000)];
  };
  const isOk = (a: Answer) => a.kind === 'ok' && a.delay < TIMEOUT_MS;

  /** Runs what is due now, then the microtasks and real tasks it starts, a few rounds. */
  const flush = async () => {
    for (let i = 0; i < 4; i++) {
      clock.tick(0);
      await realTask();
    }
  };

  /**
   * Moves the clock on timer by timer, with real tasks after each: a Response body is read in
   * real tasks (Firefox), and the stream must see an answer at the fake time it came.
   */
  const advance = async (ms: number, until?: () => boolean) => {
    const target = clock.now + ms;
    // Polling every 5 s with a few timers per request: more than this is a runaway.
    const limit = 1_000 + ms / 100;
    for (let timers = 0; ; timers++) {
      const next = nextTimerAt(clock);
      if (next === undefined || next > target || until?.()) break;
      if (timers > limit) expect.fail(`a runaway timer: ${timers} timers in ${ms} ms`);
      clock.tick(next - clock.now);
      await flush();
    }
    if (!until?.()) clock.tick(target - clock.now);
    await flush();
  };

  const join = (r: number, moved = false) => {
    const snapshots: FeedSnapshot[] = [];
    const wasEmpty = subs.length === 0 && !moved;
    const subscription = feed$({ url, refresh: r }).subscribe((s) => snapshots.push(s));
    subs.push({ refresh: r, subscription, snapshots });
    expect(snapshots.length, 'a first snapshot at once').to.be.greaterThan(0);
    if (wasEmpty) {
      // A new visit: loading at once, while the request goes out; the cached data of the last
      // visit follows a task later (unless the network answered first), checked in `check`.
      expect(snapshots[0].status).to.equal('loading');
      if (everGood) cachedVisits.push({ snapshots, title: lastGood });
    }
  };
  /** New visits after good data: their subscribers see the last good data (cache or network). */
  const cachedVisits: { snapshots: FeedSnapshot[]; title: string | undefined }[] = [];

  const check = () => {
    const active = visible && online;
    for (const visit of cachedVisits) {
      const shown = visit.snapshots.find((s) => s.data);
      if (!shown) continue; // not yet: the cache is read a task later
      if (shown.source === 'cache') {
        expect(titleOf(shown.data), 'cached data on a new visit').to.equal(visit.title);
      } else expect(shown.source, 'data on a new visit').to.equal('network');
    }
    // Snapshots: the last good data is never dropped, and every subscriber sees the same one.
    for (const sub of subs) {
      let seenData = false;
      for (const s of sub.snapshots) {
        if (s.data) seenData = true;
        else expect(seenData, 'data dropped after it was shown').to.be.false;
        if (s.status === 'stale') expect(s.error && s.data, 'stale has data and an error').to.be.ok;
        if (s.status === 'error')
          expect(!s.data && s.error, 'error has an error, no data').to.be.ok;
      }
    }
    const latest = subs.map((s) => s.snapshots.at(-1));
    for (const s of latest) expect(s).to.equal(latest[0]);
    // Once the last settled answer is in, the snapshot shows it.
    const settled = loopCalls.filter((c) => c.settledAt !== undefined && !c.dropped);
    const last = settled.at(-1);
    if (subs.length && last && inFlight === 0 && calls.at(-1) === last) {
      const shown = latest[0]!;
      if (isOk(last.answer)) {
        expect(shown.status).to.equal(
          last.answer.kind === 'ok' && last.answer.variant === 2 ? 'empty' : 'ready',
        );
        expect(shown.error).to.be.undefined;
      } else {
        expect(shown.status).to.equal(shown.data ? 'stale' : 'error');
        expect(shown.error?.name).to.equal('FeedError');
      }
      if (lastGood !== undefined)
        expect(titleOf(shown.data), 'last good data kept').to.equal(lastGood);
      // Due: a request must have started once the backoff or refresh elapsed on an active page.
      const [, latestAt] = bounds(settled.length - 1, last.refresh!);
      const due = Math.max(last.settledAt! + latestAt, activeSince);
      if (active && Date.now() > due + 2) {
        expect.fail(
          `no request ${Date.now() - last.settledAt!} ms after an answer, due after ${latestAt} ms`,
        );
      }
    }
  };

  try {
    await runActions();
  } finally {
    for (const sub of subs) sub.subscription.unsubscribe();
    await microtasks();
  }
  expect(activeFeedCount(), 'no loop after the last subscriber left').to.equal(0);

  async function runActions() {
    for (const a of actions) {
      const before = calls.length;
      switch (a.t) {
        case 'advance':
          await advance(a.ms);
          break;
        case 'hide':
          visible = false;
          hidePage();
          break;
        case 'show':
          if (!visible && online) activeSince = Date.now();
          visible = true;
          showPage();
          break;
        case 'offline':
          online = false;
          setOnline(false);
          break;
        case 'online':
          if (!online && visible) activeSince = Date.now();
          online = true;
          setOnline(true);
          break;
        case 'refresh':
          refreshFeed({ url });
          break;
        case 'join':
          join(a.refresh);
          break;
        case 'move': {
          // An element moved in the DOM: it leaves and joins again in one task; the loop stays.
          const sub = subs[a.index % Math.max(subs.length, 1)];
          if (!sub) break;
          sub.subscription.unsubscribe();
          subs = subs.filter((s) => s !== sub);
          join(sub.refresh, true);
          await flush();
          expect(calls.length, 'a moved subscriber makes no request').to.equal(before);
          break;
        }
        case 'leave': {
          const sub = subs[a.index % Math.max(subs.length, 1)];
          if (!sub) break;
          sub.subscription.unsubscribe();
          subs = subs.filter((s) => s !== sub);
          if (subs.length) break;
          for (const call of calls) if (call.settledAt === undefined) call.dropped = true;
          await microtasks();
          expect(activeFeedCount(), 'no loop after the last subscriber left').to.equal(0);
          for (const call of calls)
            expect(call.signal.aborted || call.settledAt !== undefined).to.be.true;
          const count = sub.snapshots.length;
          await advance(2 * 86_400_000, () => calls.length > before);
          await flush();
          expect(calls.length, 'no request after the last subscriber left').to.equal(before);
          expect(sub.snapshots.length, 'no snapshot after unsubscribing').to.equal(count);
          loopCalls = [];
          break;
        }
      }
      await flush();
      // Calls that started in this step: only the first of a loop, or one a timer started.
      for (const call of calls.slice(before)) {
        if (a.t === 'join' && loopCalls.length === 0) {
          loopCalls.push(call);
          continue;
        }
        const previous = loopCalls.at(-1);
        expect(previous, 'a request in a loop that had none').to.exist;
        expect(previous!.settledAt, 'a request before the previous one was answered').to.not.be
          .undefined;
        const timed = a.t === 'advance' || a.t === 'join' || a.t === 'leave' || a.t === 'move';
        if (timed) {
          const [earliest] = bounds(loopCalls.length - 1, previous!.refresh!);
          const gap = call.at - previous!.settledAt!;
          if (gap < earliest - 1)
            expect.fail(`a request ${gap} ms after the previous answer, floor ${earliest} ms`);
        }
        loopCalls.push(call);
      }
      for (const call of loopCalls) {
        if (call.settledAt !== undefined && isOk(call.answer) && !call.dropped) {
          lastGood = expectedTitle((call.answer as { variant: number }).variant);
          everGood = true;
        }
      }
      check();
    }
  }
}

describe('property: the feed stream under random schedules', function () {
  this.timeout(PROPERTY_TIMEOUT);

  // The reader of the feeds' JSON items loads on first use (as an element showing items loads
  // it when it is created): in before the fake clock runs, whose steps wait for no module.
  before(() => loadParser('json-items', 'json'));

  afterEach(() => {
    setFeedFetch();
    showPage();
    setOnline(true);
    clearFeedCache();
  });

  it('keeps its invariants (one request per URL, backoff and refresh bounds, last good data, nothing after the last unsubscribe)', async () => {
    await checkProperty(
      'stream schedule',
      fc.asyncProperty(
        fc.array(answer, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 0, max: 900 }),
        fc.array(action, { minLength: 1, maxLength: 14 }),
        async (answers, firstRefresh, actions) => {
          const clock = sinon.useFakeTimers({
            now: START,
            toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
          });
          try {
            await runSchedule(answers, [{ t: 'join', refresh: firstRefresh }, ...actions], clock);
          } finally {
            clock.restore();
            setFeedFetch();
            showPage();
            setOnline(true);
            clearFeedCache();
          }
        },
      ),
      { share: FUZZ.fuzzing ? 1 : 2 },
    );
  });
});
