/**
 * `ect-widgets/feed`: the data layer as a library. Parse a feed into normalized data, or
 * subscribe to the shared, polled stream of a feed URL that the elements use.
 */
export * from './core/types.js';
export * from './core/format.js';
export * from './core/parse.js';
export * from './core/decode.js';
export * from './core/url.js';
export {
  feed$,
  refreshFeed,
  feedKey,
  type FeedSnapshot,
  type FeedRequest,
  type FeedStatus,
  type FeedOrigin,
} from './core/feed-stream.js';
export {
  fetchFeed,
  setFeedFetch,
  proxiedUrl,
  parseRetryAfter,
  type FetchLike,
  type FetchOptions,
  type FetchedFeed,
} from './core/fetch.js';
export { clearFeedCache } from './core/cache.js';
export {
  EctLoadEvent,
  EctErrorEvent,
  type EctLoadDetail,
  type EctErrorDetail,
} from './core/events.js';
export {
  FeedController,
  type FeedHost,
  type FeedControllerOptions,
} from './core/feed-controller.js';
