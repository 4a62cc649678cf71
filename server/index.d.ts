// Types of ect-widgets/presence-server (the modules beside this file are plain JavaScript).
import type { EventEmitter } from 'node:events';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/** What a store counts; the handler decides which of these a client sees (`figuresOf`). */
export interface Counts {
  online: number;
  today: number;
  month: number;
  total: number;
  /** The Bangkok day (`YYYY-MM-DD`) the counts are of. */
  day: string;
}

/** The figures of the protocol: `today` and `month` only once a whole one has been counted. */
export interface Figures {
  online: number;
  today?: number;
  month?: number;
  total: number;
}

/**
 * A place to keep the counts. Emits `counts` (Counts) when they change, and, for stores that
 * can become unreachable, `down` and `up`.
 */
export interface PresenceStore extends EventEmitter {
  readonly kind: string;
  /** False while the store cannot be reached; calls then reject at once. */
  readonly available: boolean;
  /** When counting started (ms since the epoch), known after `open`. */
  readonly since: number | undefined;
  open(now: number): Promise<void>;
  /** A heartbeat; a tab not online yet is added only when `mayAdd` and the store has room. */
  beat(id: string, now: number, mayAdd?: boolean): Promise<{ added: boolean; known: boolean }>;
  leave(id: string, now: number): Promise<void>;
  counts(now: number): Promise<Counts>;
  close(): Promise<void>;
}

export interface StoreLimits {
  /** `total` to start from, e.g. the site's old counter. Default 0. */
  baseTotal?: number;
  /** Most tabs online at once; new tabs beyond it are refused. Default 100,000. */
  maxTabs?: number;
  /** Most ids remembered for the day's visit count. Default 500,000. */
  maxVisitsPerDay?: number;
}

export declare const MAX_TABS: number;
export declare const MAX_VISITS_PER_DAY: number;
export declare class MemoryStore extends EventEmitter implements PresenceStore {
  constructor(options?: StoreLimits);
  readonly kind: 'memory';
  readonly available: boolean;
  readonly since: number | undefined;
  open(now: number): Promise<void>;
  beat(id: string, now: number, mayAdd?: boolean): Promise<{ added: boolean; known: boolean }>;
  leave(id: string, now: number): Promise<void>;
  counts(now: number): Promise<Counts>;
  close(): Promise<void>;
}

export interface RedisStoreOptions extends StoreLimits {
  /** Key prefix, so several sites share one Redis. Default `ect-presence:`. */
  prefix?: string;
  /** The clock (ms since the epoch). Default `Date.now`. */
  now?: () => number;
  log?: (message: string) => void;
  /** Milliseconds before a Redis command counts as failed. Default 1000. */
  commandTimeout?: number;
}

/** Connects to Redis or Valkey at `url` (`redis://host:port/db`); needs the `ioredis` package. */
export declare function createRedisStore(
  url: string,
  options?: RedisStoreOptions,
): Promise<PresenceStore>;
export declare class StoreUnavailableError extends Error {}

export interface PresenceHandlerOptions extends StoreLimits {
  /** Default: a new MemoryStore. The handler's `close()` closes it. */
  store?: PresenceStore;
  /** The clock (ms since the epoch); tests pass a fake one. Default `Date.now`. */
  now?: () => number;
  /** Origins whose pages may read the figures (CORS) and send heartbeats, or `'*'` for any. Default: the server's own origin only. */
  origins?: string[] | '*';
  /** Take the client address from the last X-Forwarded-For entry (behind a proxy). Default false. */
  trustProxy?: boolean;
  /** Heartbeat requests per client per minute; 0 for no limit. Default 600. */
  beatsPerMinute?: number;
  /** Tabs a client may add per minute; 0 for no limit. Default 60. */
  newIdsPerMinute?: number;
  /** Client addresses tracked per minute. Default 100,000. */
  maxClients?: number;
  /** Open event streams per process; more are answered 503. Default 1000. */
  maxStreams?: number;
  /** Milliseconds between checks for tabs that went quiet while streams are open. Default 5000. */
  streamCheckMs?: number;
  /** The figures are repeated to streams at least this often (ms). Default 25000. */
  streamRepeatMs?: number;
  /** At most one message per stream per this many ms. Default 1000. */
  streamMinIntervalMs?: number;
  log?: (message: string) => void;
}

export interface PresenceHandler {
  (req: IncomingMessage, res: ServerResponse): Promise<void>;
  readonly store: PresenceStore;
  /** Settles once the store has opened (or failed to). */
  readonly ready: Promise<unknown>;
  /** Open event streams. */
  readonly streams: number;
  /** Ends the streams and timers and closes the store. */
  close(): Promise<void>;
}

export declare function createPresenceHandler(options?: PresenceHandlerOptions): PresenceHandler;

export interface PresenceServerOptions extends PresenceHandlerOptions {
  /** Default 8787; 0 for a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Answer only this path (others 404); default any path. `/healthz` is always the health check. */
  path?: string;
  /** Redis URL: use the Redis store instead of memory. */
  redis?: string;
  /** Key prefix in Redis. Default `ect-presence:`. */
  redisPrefix?: string;
}

export interface PresenceServer {
  server: Server;
  handler: PresenceHandler;
  store: PresenceStore;
  /** `http://host:port/path` */
  url: string;
  close(): Promise<void>;
}

export declare function createPresenceServer(
  options?: PresenceServerOptions,
): Promise<PresenceServer>;
export declare function openStore(options: PresenceServerOptions): Promise<PresenceStore>;

export declare const MAX_BODY_BYTES: number;
export declare const MAX_STREAMS: number;
export declare const BEATS_PER_MINUTE: number;
export declare const NEW_IDS_PER_MINUTE: number;
export declare const PRESENCE_WINDOW_MS: number;
export declare class ClientLimits {
  constructor(options?: { beatsPerMinute?: number; newIdsPerMinute?: number; maxClients?: number });
  beat(client: string, now: number): { allowed: boolean; retryAfter: number };
  takeNewId(client: string, now: number): boolean;
  refund(client: string, now: number): void;
  readonly size: number;
}
export declare function bangkokDay(now: number): string;
export declare function figuresOf(counts: Counts, since: number | undefined): Figures;
export declare function parseBeat(body: string): { id: string; leave: boolean } | undefined;
