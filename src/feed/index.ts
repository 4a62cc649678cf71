/**
 * # The feed layer: `ect-widgets/feed`
 *
 * Everything between a feed URL and normalized data, with no Lit and no DOM of an element:
 * fetching with timeouts, retries and `Retry-After` (fetch.ts), charset decoding (decode.ts),
 * size and count limits (limits.ts), long jobs split into tasks (tasks.ts), the cache of earlier
 * visits (cache.ts), the shared, polled stream of a feed URL (stream.ts) and its Server-Sent
 * Events variant (sse.ts), URL allow-lists (url.ts), HTML sanitizing (sanitize.ts, lazily
 * loaded), and in parse/ one parser per format, loaded on first use but JSON's (parsers.ts),
 * over the shared normalizers (normalize.ts, text.ts, feed-item.ts, candidate.ts) and date
 * readers (dates.ts).
 * This folder alone is the `ect-widgets/feed` entry: parse a feed into normalized data, or
 * subscribe to the stream the elements use. It imports only src/format/ besides itself;
 * src/element/ and the elements build on it (docs/architecture.md).
 */
export * from './types.js';
export * from '../format/index.js';
export * from './parse/index.js';
export * from './decode.js';
export * from './url.js';
export {
  feed$,
  refreshFeed,
  feedKey,
  type FeedSnapshot,
  type FeedRequest,
  type FeedStatus,
  type FeedOrigin,
} from './stream.js';
export {
  fetchFeed,
  setFeedFetch,
  proxiedUrl,
  parseRetryAfter,
  type FetchLike,
  type FetchOptions,
  type FetchedFeed,
} from './fetch.js';
export { clearFeedCache } from './cache.js';
export {
  EctLoadEvent,
  EctErrorEvent,
  type EctLoadDetail,
  type EctErrorDetail,
  type EctErrorCode,
} from './events.js';
