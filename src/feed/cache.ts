import { parseFeedData } from './parse/index.js';
import { isObject } from './parse/normalize.js';
import type { FeedData, FeedKind } from './types.js';

/**
 * The last good data of each feed, kept in localStorage so a returning visitor sees it at
 * once while the feed revalidates. Bounded in entries, size and age; every access is
 * guarded because storage may be disabled, full or blocked by the page's policy.
 *
 * What storage holds is untrusted input like a feed: any script of the origin can write it. An
 * entry is read for its shape only (`readCachedFeed`), then normalized and sanitized exactly as
 * a JSON feed is (`loadCachedFeed`, through `parseFeedData`); an entry that fails either is
 * removed, so it cannot trouble a later visit.
 */
const PREFIX = 'ect-widgets:feed:';
const INDEX = 'ect-widgets:feeds';
const MAX_ENTRIES = 20;
const MAX_CHARS = 250_000;
const MAX_AGE = 30 * 24 * 3600 * 1000;
/** A clock set a little wrong is tolerated; an entry saved further in the future never expires. */
const MAX_AHEAD = 24 * 3600 * 1000;
const KINDS = new Set<unknown>(['items', 'events', 'results', 'counter'] satisfies FeedKind[]);

/** A stored entry as read: its data has the shape of a kind, nothing more is known of it yet. */
export interface CachedEntry {
  savedAt: number;
  data: Record<string, unknown> & { kind: FeedKind };
}

function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

function readIndex(store: Storage): Record<string, number> {
  try {
    const value: unknown = JSON.parse(store.getItem(INDEX) ?? '{}');
    return isObject(value) ? (value as Record<string, number>) : {};
  } catch {
    return {};
  }
}

/** The entry's shape, or undefined: an object with a plausible `savedAt` and data of a known kind. */
function entryOf(value: unknown, now: number): CachedEntry | undefined {
  if (!isObject(value)) return undefined;
  const { savedAt, data } = value;
  if (typeof savedAt !== 'number' || !Number.isFinite(savedAt)) return undefined;
  if (now - savedAt > MAX_AGE || savedAt - now > MAX_AHEAD) return undefined;
  if (!isObject(data) || !KINDS.has(data.kind)) return undefined;
  return { savedAt, data: data as CachedEntry['data'] };
}

/**
 * The stored entry of a feed when it has the shape of one; anything else (garbage, too old, an
 * unknown kind) is removed. Its data is raw: `loadCachedFeed` is what a feed is shown from.
 */
export function readCachedFeed(key: string, now = Date.now()): CachedEntry | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const raw = store.getItem(PREFIX + key);
    if (!raw) return undefined;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      // Not JSON: removed below like any other entry of the wrong shape.
    }
    const entry = entryOf(value, now);
    if (!entry) dropCachedFeed(key);
    return entry;
  } catch {
    return undefined;
  }
}

/**
 * The cached data of a feed, normalized and sanitized as a JSON feed is (the same limits too),
 * with links resolved against `baseUrl`; undefined when there is none. An entry that fails, or
 * whose data turns out to be of another kind than it says, is removed.
 */
export async function loadCachedFeed(
  key: string,
  baseUrl?: string,
  now = Date.now(),
): Promise<FeedData | undefined> {
  const entry = readCachedFeed(key, now);
  if (!entry) return undefined;
  try {
    const data = await parseFeedData(entry.data, baseUrl);
    if (data.kind === entry.data.kind) return data;
  } catch {
    // Removed below.
  }
  dropCachedFeed(key);
  return undefined;
}

/** The events, result rows or items of `data`. */
function entriesOf(data: FeedData): number {
  switch (data.kind) {
    case 'events':
      return data.events.length;
    case 'results':
      return data.races.reduce((sum, race) => sum + race.candidates.length, 0);
    case 'items':
      return data.items.length;
    default:
      return 0;
  }
}

export function writeCachedFeed(key: string, data: FeedData, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  // Data of more entries than MAX_CHARS could hold (each takes well over 50 characters) is not
  // even serialized: a big calendar's JSON takes tens of milliseconds only to be dropped.
  if (entriesOf(data) > MAX_CHARS / 50) return;
  try {
    const raw = JSON.stringify({ savedAt: now, data });
    if (raw.length > MAX_CHARS) return;
    const index = readIndex(store);
    index[key] = now;
    const keys = Object.keys(index).sort((a, b) => index[b] - index[a]);
    for (const old of keys.slice(MAX_ENTRIES)) {
      store.removeItem(PREFIX + old);
      delete index[old];
    }
    store.setItem(PREFIX + key, raw);
    store.setItem(INDEX, JSON.stringify(index));
  } catch {
    // Quota exceeded or storage blocked: caching is an optimisation only.
  }
}

/**
 * Removes the cached data of one feed: an entry that failed to load, or that an element could
 * not show, is not offered to the next visit.
 */
export function dropCachedFeed(key: string): void {
  const store = storage();
  if (!store) return;
  try {
    store.removeItem(PREFIX + key);
    const index = readIndex(store);
    if (Object.prototype.hasOwnProperty.call(index, key)) {
      delete index[key];
      store.setItem(INDEX, JSON.stringify(index));
    }
  } catch {
    // Storage blocked: nothing to remove either.
  }
}

/** Removes every cached feed (tests, and pages that want a clean start). */
export function clearFeedCache(): void {
  const store = storage();
  if (!store) return;
  try {
    for (const key of Object.keys(readIndex(store))) store.removeItem(PREFIX + key);
    store.removeItem(INDEX);
  } catch {
    // Storage blocked: nothing was cached either.
  }
}
