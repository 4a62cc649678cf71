/**
 * Server-Sent Events as a feed transport: what `live` on `<ect-online-counter>` uses.
 *
 * `sse$(request)` is the shared stream of one event-stream URL (with its format and proxy): one
 * `EventSource` for the whole page however many elements listen, open while the page is
 * visible and online (closed while it is hidden or offline, reopened when it returns), closed
 * when the last subscriber leaves. Each message's `data` goes through `parseFeed`, so a message
 * is JSON (`{"online": 13, …}`) or a bare number, like a polled feed. A message that does not
 * parse is passed on as a FeedError value; the stream keeps going.
 *
 * The stream fails (an error notification) when the browser gives the stream up (`onerror` with
 * `readyState` CLOSED: an HTTP error, a wrong Content-Type, a CORS refusal) or when no message
 * arrives within `SSE_TIMEOUT` (a proxy buffering the stream, a server that holds the
 * connection without writing). Network drops are not failures: EventSource reconnects by itself.
 *
 * `live$(request)` turns the stream into the FeedSnapshots an element shows and, when the stream
 * fails, hands over to the polled `feed$` of the same URL, keeping the last figure meanwhile.
 */
import {
  NEVER,
  Observable,
  ReplaySubject,
  catchError,
  defer,
  filter,
  finalize,
  map,
  share,
  startWith,
  switchMap,
} from 'rxjs';
import {
  active$,
  feed$,
  feedKey,
  isEmptyData,
  type FeedRequest,
  type FeedSnapshot,
} from './stream.js';
import { proxiedUrl } from './fetch.js';
import { parseFeed } from './parse/index.js';
import { FeedError, type FeedData, type FeedErrorInfo } from './types.js';

/** Silence allowed before the stream counts as failed; exported for tests and documentation. */
export const SSE_TIMEOUT = {
  /** From opening the stream to its first message (servers send the current value at once). */
  firstMs: 15_000,
  /** Between messages (servers repeat the value at least every 30 s). */
  silenceMs: 75_000,
};

/** A message: its parsed data, or the FeedError of a message that did not parse. */
export type SseMessage = FeedData | FeedError;

const streams = new Map<string, Observable<SseMessage>>();

/** The shared event stream of a URL (see the module comment). */
export function sse$(request: Omit<FeedRequest, 'refresh'>): Observable<SseMessage> {
  const key = feedKey(request);
  let stream = streams.get(key);
  if (!stream) {
    const created: Observable<SseMessage> = active$.pipe(
      switchMap((active) => (active ? connect(request) : NEVER)),
      finalize(() => {
        if (streams.get(key) === created) streams.delete(key);
      }),
      share({
        connector: () => new ReplaySubject<SseMessage>(1),
        resetOnRefCountZero: true,
        resetOnError: true,
      }),
    );
    streams.set(key, created);
    stream = created;
  }
  return stream;
}

/** How many event streams are open or waiting for the page to return: a check for tests. */
export function activeStreamCount(): number {
  return streams.size;
}

function connect(request: Omit<FeedRequest, 'refresh'>): Observable<SseMessage> {
  return new Observable<SseMessage>((subscriber) => {
    const fail = (message: string, details: FeedErrorInfo) =>
      subscriber.error(new FeedError(message, { ...details, url: request.url }));
    if (typeof EventSource !== 'function') {
      fail('This browser has no EventSource', { code: 'unsupported' });
      return;
    }
    const source = new EventSource(proxiedUrl(request.url, request.proxy));
    let timer: ReturnType<typeof setTimeout> | undefined;
    let received = false;
    // Parsing is asynchronous: chained, so that messages are passed on in their order.
    let parsed = Promise.resolve();
    const watch = () => {
      clearTimeout(timer);
      const ms = received ? SSE_TIMEOUT.silenceMs : SSE_TIMEOUT.firstMs;
      const seconds = Math.round(ms / 1000);
      timer = setTimeout(
        () => fail(`The live stream sent nothing for ${seconds} s`, { code: 'timeout', seconds }),
        ms,
      );
    };
    source.onmessage = (event: MessageEvent) => {
      received = true;
      watch();
      const text = String(event.data);
      parsed = parsed
        .then(() => parseFeed(text, { format: request.format ?? 'auto', baseUrl: request.url }))
        .then(
          (data) => subscriber.next(data),
          (error: unknown) =>
            subscriber.next(
              error instanceof FeedError
                ? error
                : new FeedError(String(error), { code: 'unknown', cause: error }),
            ),
        );
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) {
        fail('The live stream was refused (HTTP error, not text/event-stream, or no CORS)', {
          code: 'network',
        });
      }
    };
    watch();
    return () => {
      clearTimeout(timer);
      source.close();
    };
  });
}

/**
 * The snapshots of a live feed: `loading`, then each new message as `ready` data (a message
 * that does not parse marks the last data `stale`); when the stream fails, the polled feed of
 * the same URL (`refresh` seconds apart) takes over, the streamed data shown until it answers.
 */
export function live$(request: FeedRequest): Observable<FeedSnapshot> {
  return defer(() => {
    let snapshot: FeedSnapshot = { status: 'loading', version: 0 };
    let lastJson: string | undefined;
    const set = (next: FeedSnapshot): FeedSnapshot | null => {
      const changed =
        next.data !== snapshot.data ||
        next.status !== snapshot.status ||
        next.error !== snapshot.error;
      snapshot = next;
      return changed ? next : null;
    };

    const streamed = sse$(request).pipe(
      map((message) => {
        if (message instanceof FeedError) {
          return set({ ...snapshot, status: snapshot.data ? 'stale' : 'error', error: message });
        }
        const json = JSON.stringify(message);
        const data = json === lastJson && snapshot.data ? snapshot.data : message;
        lastJson = json;
        return set({
          status: isEmptyData(data) ? 'empty' : 'ready',
          data,
          source: 'network',
          version: data === snapshot.data ? snapshot.version : snapshot.version + 1,
        });
      }),
    );

    const polled = feed$(request).pipe(
      map((next) => {
        // Until the first poll answers (or when it fails) the streamed figure stays.
        if (!next.data && snapshot.data) {
          return set({
            ...snapshot,
            status: next.status === 'error' ? 'stale' : snapshot.status,
            error: next.error,
          });
        }
        return set({
          ...next,
          version: next.data === snapshot.data ? snapshot.version : snapshot.version + 1,
        });
      }),
    );

    return streamed.pipe(
      catchError(() => polled),
      filter((next): next is FeedSnapshot => next !== null),
      startWith(snapshot),
    );
  });
}
