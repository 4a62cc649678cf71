/**
 * `ect-widgets/feed`: the data layer as a library. Parse a feed into normalized data, or
 * subscribe to the shared, polled stream of a feed URL that the elements use.
 */
export * from './core/types.js';
export * from './core/format.js';
export * from './core/parse.js';
export * from './core/decode.js';
export * from './core/url.js';
