/**
 * ect-widgets/presence-server: the server side of <ect-online-counter>'s presence protocol
 * (docs/presence-server.md). Node >= 20, no build step; the Redis store needs `ioredis`.
 */
export { createPresenceHandler, MAX_BODY_BYTES, MAX_STREAMS } from './handler.js';
export { createPresenceServer, openStore } from './server.js';
export { MemoryStore, MAX_TABS, MAX_VISITS_PER_DAY } from './memory-store.js';
export { createRedisStore, StoreUnavailableError } from './redis-store.js';
export { ClientLimits, BEATS_PER_MINUTE, NEW_IDS_PER_MINUTE } from './limits.js';
export { PRESENCE_WINDOW_MS, bangkokDay, figuresOf, parseBeat } from './protocol.js';
