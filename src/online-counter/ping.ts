/**
 * The client side of the presence protocol (docs/online-counter.md): while the page is
 * visible, a heartbeat `navigator.sendBeacon(ping, '{"id":"<tab id>"}')` at once and every
 * `PING.intervalMs`; when the page is hidden or the last element using the URL leaves, one
 * `{"id":"…","leave":true}`. The id is random per tab and kept in `sessionStorage`: no
 * cookies, nothing about the visitor, nothing that outlives the tab.
 */
import {
  NEVER,
  Observable,
  defer,
  distinctUntilChanged,
  fromEvent,
  map,
  share,
  startWith,
  switchMap,
  timer,
} from 'rxjs';

/** Heartbeat period; the server counts a tab for 60 s after its last beat, so one may be lost. */
export const PING = { intervalMs: 30_000 };

const ID_KEY = 'ect-widgets:presence-id';
let pageId: string | undefined;

function randomId(): string {
  // randomUUID exists only in secure contexts; getRandomValues everywhere.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** This tab's presence id: the same for every beat of the tab, new in another tab. */
export function tabId(): string {
  try {
    let id = sessionStorage.getItem(ID_KEY);
    if (!id) {
      id = randomId();
      sessionStorage.setItem(ID_KEY, id);
    }
    return id;
  } catch {
    // Storage blocked: an id for this page view only.
    return (pageId ??= randomId());
  }
}

function beacon(url: string, leave: boolean): void {
  const body = JSON.stringify(leave ? { id: tabId(), leave: true } : { id: tabId() });
  try {
    navigator.sendBeacon?.(url, body);
  } catch {
    // Refused by the page's policy or the browser: presence is best effort.
  }
}

const visible$ = defer(() =>
  fromEvent(document, 'visibilitychange').pipe(
    startWith(null),
    map(() => document.visibilityState !== 'hidden'),
    distinctUntilChanged(),
  ),
);

const pings = new Map<string, Observable<never>>();

/** The heartbeat to one URL, shared by every subscriber on the page; runs while subscribed. */
export function ping$(url: string): Observable<never> {
  let stream = pings.get(url);
  if (!stream) {
    const created = new Observable<never>(() => {
      let beating = false;
      const subscription = visible$
        .pipe(
          switchMap((visible) => {
            if (visible) {
              beating = true;
              return timer(0, PING.intervalMs);
            }
            if (beating) beacon(url, true);
            beating = false;
            return NEVER;
          }),
        )
        .subscribe(() => beacon(url, false));
      return () => {
        subscription.unsubscribe();
        if (beating) beacon(url, true);
        if (pings.get(url) === created) pings.delete(url);
      };
    }).pipe(share());
    pings.set(url, created);
    stream = created;
  }
  return stream;
}
