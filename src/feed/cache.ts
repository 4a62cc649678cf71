import type { FeedData } from './types.js';

/**
 * The last good data of each feed, kept in localStorage so a returning visitor sees it at
 * once while the feed revalidates. Bounded in entries, size and age; every access is
 * guarded because storage may be disabled, full or blocked by the page's policy.
 */
const PREFIX = 'ect-widgets:feed:';
const INDEX = 'ect-widgets:feeds';
const MAX_ENTRIES = 20;
const MAX_CHARS = 250_000;
const MAX_AGE = 30 * 24 * 3600 * 1000;
const KINDS = new Set(['items', 'events', 'results', 'counter']);

interface Entry {
  savedAt: number;
  data: FeedData;
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
    const value = JSON.parse(store.getItem(INDEX) ?? '{}');
    return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
  } catch {
    return {};
  }
}

export function readCachedFeed(key: string, now = Date.now()): Entry | undefined {
  const store = storage();
  if (!store) return undefined;
  try {
    const raw = store.getItem(PREFIX + key);
    if (!raw) return undefined;
    const entry = JSON.parse(raw) as Entry;
    if (
      typeof entry?.savedAt !== 'number' ||
      now - entry.savedAt > MAX_AGE ||
      !KINDS.has(entry.data?.kind)
    ) {
      store.removeItem(PREFIX + key);
      return undefined;
    }
    return entry;
  } catch {
    return undefined;
  }
}

export function writeCachedFeed(key: string, data: FeedData, now = Date.now()): void {
  const store = storage();
  if (!store) return;
  try {
    const raw = JSON.stringify({ savedAt: now, data } satisfies Entry);
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
