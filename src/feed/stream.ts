/**
 * The shared, polled stream of a feed URL: one fetch loop per URL however many elements show
 * it, the cache of earlier visits beside the first request, backoff after failures, paused
 * while the page is hidden or offline. The loop fetches; its views parse: one view per set of
 * options that change the data (an ECT report's province and reference files), so elements
 * that show different provinces of one statistics file share its request, and elements that
 * show the same one share its parse too.
 */
import {
  NEVER,
  from,
  Observable,
  ReplaySubject,
  Subject,
  defer,
  distinctUntilChanged,
  expand,
  filter,
  finalize,
  fromEvent,
  map,
  merge,
  mergeMap,
  pairwise,
  race,
  share,
  startWith,
  switchMap,
  take,
  timer,
} from 'rxjs';
import { loadCachedFeed, writeCachedFeed } from './cache.js';
import { decodeFeedInTasks } from './decode.js';
import { fetchFeed } from './fetch.js';
import { nextTask } from './tasks.js';
import { parseFeed } from './parse/index.js';
import { FeedError, type FeedData, type FeedFormatOption, type ReportOptions } from './types.js';

export type FeedStatus = 'loading' | 'ready' | 'stale' | 'empty' | 'error';
export type FeedOrigin = 'network' | 'cache' | 'inline';

/** What an element shows at a moment: the last good data, where it came from, and why not newer. */
export interface FeedSnapshot {
  status: FeedStatus;
  data?: FeedData;
  source?: FeedOrigin;
  error?: FeedError;
  /** Goes up by one each time different data arrives; equal data keeps it. */
  version: number;
}

export interface FeedRequest {
  /** Absolute feed URL. */
  url: string;
  format?: FeedFormatOption;
  proxy?: string | null;
  /** Seconds between fetches after a success; 0 fetches once. */
  refresh: number;
  /**
   * `ect-report`: reference files and province. They change the data, not the request: part
   * of the view's key (`feedKey`, the cached copy's too), not of the fetch loop's.
   */
  report?: ReportOptions;
}

/** Retry timing; exported for tests and documentation. */
export const BACKOFF = {
  /** First retry after a failure waits up to this long (full jitter), doubling each time. */
  baseMs: 2_000,
  capMs: 5 * 60_000,
  /** Errors a retry will not fix soon (404, 403, 410…) wait at least this long. */
  clientErrorMs: 5 * 60_000,
  minMs: 500,
  /** `refresh` is clamped to this range: no hammering, and timers stay within setTimeout's range. */
  minRefreshMs: 5_000,
  maxRefreshMs: 86_400_000,
};

/**
 * The key of a feed's parsed data: its view, shared by the elements that show the same data,
 * and its cached copy. The fetch loop's key is the same without `report`.
 */
export function feedKey(
  request: Pick<FeedRequest, 'url' | 'format' | 'proxy'> & { report?: ReportOptions },
): string {
  const key = `${request.format ?? 'auto'} ${request.proxy ?? ''} ${request.url}`;
  const report = request.report;
  return report ? `${key} ${report.province ?? ''} ${report.refs ?? ''}` : key;
}

export function isEmptyData(data: FeedData): boolean {
  switch (data.kind) {
    case 'items':
      return data.items.length === 0;
    case 'events':
      return data.events.length === 0;
    case 'results':
      return data.races.every((race) => race.candidates.length === 0);
    case 'counter':
      return false;
  }
}

/** The page can poll: visible and online. */
function isActive(): boolean {
  return document.visibilityState !== 'hidden' && navigator.onLine !== false;
}

/** Whether the page can poll now (visible and online), then each change of it. */
export const active$: Observable<boolean> = defer(() =>
  merge(
    fromEvent(document, 'visibilitychange'),
    fromEvent(window, 'online'),
    fromEvent(window, 'offline'),
  ).pipe(map(isActive), startWith(isActive()), distinctUntilChanged()),
);

/** What one fetch of a loop gave: the decoded text, or why there is none. */
interface Fetched {
  text?: string;
  contentType?: string | null;
  /** The URL the body came from (after redirects). */
  url?: string;
  error?: FeedError;
  /**
   * Whether each view that read the text at once parsed it (a view still reading the fetch
   * before reads it later, uncounted): the loop waits for them before it plans the next
   * attempt. A text that views read and none could parse is a failed attempt (backoff), as a
   * failed fetch is; one that only some could not parse (a province the file lacks) keeps the
   * refresh period of the others.
   */
  parsed: Promise<boolean>[];
}

interface Entry {
  /** Refresh seconds asked for by each subscriber; the shortest positive one wins. */
  refreshes: Map<object, number>;
  retryNow$: Subject<void>;
  /** The loop's fetches; the last one is replayed to a view that joins. */
  fetched$: Observable<Fetched>;
}

/** Fetch loops, by URL, format and proxy. */
const registry = new Map<string, Entry>();
/** Views, by `feedKey`: what subscribers of `feed$` share. */
const views = new Map<string, Observable<FeedSnapshot>>();

const loopKey = (request: Pick<FeedRequest, 'url' | 'format' | 'proxy'>) =>
  feedKey({ ...request, report: undefined });

/**
 * The shared, polled stream of one feed. Every subscriber of the same URL, format and proxy
 * shares one request loop; it starts with the first subscriber and stops (aborting any
 * request in flight) a microtask after the last one unsubscribes. Subscribers with the same
 * `report` options too share the parsed data. The first snapshot, `loading`, comes at once;
 * the cached data of an earlier visit follows as soon as it is checked, unless the network was
 * quicker.
 */
export function feed$(request: FeedRequest): Observable<FeedSnapshot> {
  return new Observable<FeedSnapshot>((subscriber) => {
    const key = loopKey(request);
    let entry = registry.get(key);
    if (!entry) {
      entry = createEntry(key, request);
      registry.set(key, entry);
    }
    const viewKey = feedKey(request);
    let view$ = views.get(viewKey);
    if (!view$) {
      view$ = createView(viewKey, request, entry);
      views.set(viewKey, view$);
    }
    const token = {};
    entry.refreshes.set(token, request.refresh);
    const subscription = view$.subscribe(subscriber);
    const current = entry;
    return () => {
      current.refreshes.delete(token);
      subscription.unsubscribe();
    };
  });
}

/** Fetch now instead of waiting for the next scheduled attempt (the Retry button). */
export function refreshFeed(
  request: Pick<FeedRequest, 'url' | 'format' | 'proxy' | 'report'>,
): void {
  registry.get(loopKey(request))?.retryNow$.next();
}

/** How many feed loops are running: a lifecycle check for tests. */
export function activeFeedCount(): number {
  return registry.size;
}

function createEntry(key: string, request: FeedRequest): Entry {
  const entry: Entry = {
    refreshes: new Map(),
    retryNow$: new Subject<void>(),
    fetched$: NEVER,
  };
  // Only views subscribe to the loop, and a view stops a microtask after its last subscriber
  // leaves (createView): the loop stops with its last view.
  entry.fetched$ = poll(request, entry).pipe(
    finalize(() => {
      if (registry.get(key) === entry) registry.delete(key);
    }),
    share({ connector: () => new ReplaySubject<Fetched>(1) }),
  );
  return entry;
}

function shortestRefresh(entry: Entry): number {
  const positive = [...entry.refreshes.values()].filter((seconds) => seconds > 0);
  return positive.length ? Math.min(...positive) : 0;
}

type Outcome =
  { ok: true; text: string; data?: FeedData; json?: string } | { ok: false; error: FeedError };

function feedError(error: unknown, url: string): FeedError {
  return error instanceof FeedError
    ? error
    : new FeedError(error instanceof Error ? error.message : String(error), {
        code: 'unknown',
        url,
        cause: error,
      });
}

function attempt(request: FeedRequest): Observable<Fetched> {
  return new Observable<Fetched>((subscriber) => {
    const controller = new AbortController();
    (async (): Promise<Fetched> => {
      try {
        const fetched = await fetchFeed(request.url, {
          signal: controller.signal,
          proxy: request.proxy,
        });
        const text = await decodeFeedInTasks(fetched.bytes, fetched.contentType);
        return { text, contentType: fetched.contentType, url: fetched.url, parsed: [] };
      } catch (error) {
        return { error: feedError(error, request.url), parsed: [] };
      }
    })().then((fetched) => {
      if (controller.signal.aborted) return;
      subscriber.next(fetched);
      subscriber.complete();
    });
    return () => controller.abort();
  });
}

function jitter(ms: number): number {
  return ms * (0.9 + 0.2 * Math.random());
}

/** Milliseconds until the next attempt; Infinity when only a manual refresh should fetch. */
export function nextDelay(failures: number, error: FeedError | undefined, refresh: number): number {
  const refreshMs = Math.min(Math.max(refresh * 1000, BACKOFF.minRefreshMs), BACKOFF.maxRefreshMs);
  if (!failures) return refresh > 0 ? jitter(refreshMs) : Infinity;
  const status = error?.details.status;
  if (status && status >= 400 && status < 500 && status !== 408 && status !== 429) {
    return jitter(Math.max(refreshMs, BACKOFF.clientErrorMs));
  }
  const ceiling = Math.min(BACKOFF.capMs, BACKOFF.baseMs * 2 ** (failures - 1));
  const delay = Math.max(BACKOFF.minMs, Math.random() * ceiling);
  const retryAfter = error?.details.retryAfter;
  return retryAfter !== undefined ? Math.max(delay, retryAfter * 1000) : delay;
}

function poll(request: FeedRequest, entry: Entry): Observable<Fetched> {
  return defer(() => {
    let failures = 0;

    const wait = (fetched: Fetched): Observable<unknown> =>
      // `expand` passes each fetch on (to the views, which start parsing it) before it asks
      // for the wait after it.
      from(Promise.all(fetched.parsed)).pipe(
        switchMap((parsed) => {
          const failed = fetched.error || (parsed.includes(false) && !parsed.includes(true));
          failures = failed ? failures + 1 : 0;
          const delay = nextDelay(failures, fetched.error, shortestRefresh(entry));
          const due$ =
            delay === Infinity
              ? NEVER
              : timer(delay).pipe(switchMap(() => active$.pipe(filter(Boolean), take(1))));
          // After a failure, coming back online or visible retries at once.
          const returned$ = failures
            ? active$.pipe(
                pairwise(),
                filter(([before, now]) => !before && now),
              )
            : NEVER;
          return race(due$, returned$, entry.retryNow$).pipe(take(1));
        }),
      );

    return attempt(request).pipe(
      expand((fetched) => wait(fetched).pipe(switchMap(() => attempt(request)))),
    );
  });
}

/** Whether `data` was read without a reference file that failed to load (ECT report). */
function refsFailed(data: FeedData | undefined): boolean {
  return data?.kind === 'results' && !!data.notices?.some((notice) => notice.error);
}

/** The snapshots of one view: its loop's fetches parsed with its options, and its cached copy. */
function createView(key: string, request: FeedRequest, entry: Entry): Observable<FeedSnapshot> {
  const view$: Observable<FeedSnapshot> = defer(() => {
    const first: FeedSnapshot = { status: 'loading', version: 0 };
    let snapshot = first;
    let lastText: string | undefined;
    let lastJson: string | undefined;

    const apply = (outcome: Outcome): FeedSnapshot | null => {
      const previous = snapshot;
      if (outcome.ok) {
        // A text read without one of its reference files (src/feed/report-refs.ts) is read
        // again at the next refresh even when it has not changed: the file is asked again.
        lastText = refsFailed(outcome.data) ? undefined : outcome.text;
        if (outcome.data && outcome.json !== lastJson) {
          lastJson = outcome.json;
          // A task of its own: serializing and storing a big feed takes a while.
          const data = outcome.data;
          void nextTask().then(() => writeCachedFeed(key, data));
          snapshot = {
            status: isEmptyData(outcome.data) ? 'empty' : 'ready',
            data: outcome.data,
            source: 'network',
            version: snapshot.version + 1,
          };
        } else if (snapshot.data) {
          snapshot = {
            ...snapshot,
            status: isEmptyData(snapshot.data) ? 'empty' : 'ready',
            error: undefined,
          };
        }
      } else {
        snapshot = {
          ...snapshot,
          status: snapshot.data ? 'stale' : 'error',
          error: outcome.error,
        };
      }
      const changed =
        snapshot.version !== previous.version ||
        snapshot.status !== previous.status ||
        snapshot.error !== previous.error;
      return changed ? snapshot : null;
    };

    /** A fetch's text parsed with the view's options, unless the view has read it already. */
    const parse = async ({ text, error, contentType, url }: Fetched): Promise<Outcome> => {
      if (text === undefined) return { ok: false, error: error! };
      if (text === lastText) return { ok: true, text };
      try {
        const data = await parseFeed(text, {
          format: request.format,
          contentType,
          baseUrl: url,
          report: request.report,
          proxy: request.proxy,
        });
        // Its JSON (to tell changed data from the same) in a task of its own: a big calendar's
        // takes tens of milliseconds, the parser's last task as much again; and so is what
        // comes of the data (the elements' first render of it).
        await nextTask();
        const json = JSON.stringify(data);
        await nextTask();
        return { ok: true, text, data, json };
      } catch (error) {
        return { ok: false, error: feedError(error, request.url) };
      }
    };

    // One fetch at a time, each read from the state the one before left.
    const read = async (fetched: Fetched): Promise<FeedSnapshot | null> => {
      const outcome = parse(fetched);
      if (fetched.text !== undefined) fetched.parsed.push(outcome.then(({ ok }) => ok));
      return apply(await outcome);
    };

    // The copy of an earlier visit is untrusted input: loadCachedFeed normalizes and sanitizes
    // it as the network's data is. It is read beside the first request, never before it (the
    // request is already out when this is subscribed), and shown only while the network has
    // given no data: after a failure as `stale`, keeping the error.
    const cached$ = defer(async () => {
      await nextTask();
      return loadCachedFeed(key, request.url);
    }).pipe(
      map((data): FeedSnapshot | null => {
        if (!data || snapshot.data) return null;
        lastJson = JSON.stringify(data);
        snapshot = {
          ...snapshot,
          status: snapshot.error ? 'stale' : isEmptyData(data) ? 'empty' : 'ready',
          data,
          source: 'cache',
          version: snapshot.version + 1,
        };
        return snapshot;
      }),
    );

    return merge(entry.fetched$.pipe(mergeMap(read, 1)), cached$).pipe(
      filter((value): value is FeedSnapshot => value !== null),
      startWith(first),
    );
  }).pipe(
    finalize(() => {
      if (views.get(key) === view$) views.delete(key);
    }),
    share({
      connector: () => new ReplaySubject<FeedSnapshot>(1),
      // Stop a microtask after the last subscriber leaves, so an element moved in the DOM
      // (disconnected and connected again in one task) keeps its view and loop instead of
      // refetching.
      resetOnRefCountZero: () => from(Promise.resolve()),
    }),
  );
  return view$;
}
