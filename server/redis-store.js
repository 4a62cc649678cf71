/**
 * The store for several processes (or several machines): the state lives in Redis (or Valkey),
 * every update is one Lua script (atomic), and the figures reach every process's event streams
 * through Redis pub/sub, so all processes stream the same figures.
 *
 * Keys, under `prefix` (default `ect-presence:`):
 *   tabs                sorted set: tab id -> time of its last heartbeat (ms)
 *   seen:<YYYY-MM-DD>   set of the ids that made a visit that Bangkok day (expires after 2 days)
 *   day:<YYYY-MM-DD>    visits that day (expires after 8 days)
 *   month:<YYYY-MM>     visits that month (expires after 400 days)
 *   total               all visits, starting from `baseTotal` (set once, when missing)
 *   since               when counting started (ms; set once, when missing)
 *   last                the counts last published, so a change is published once
 * Channel `<prefix>counts`: `online,today,month,total,day` whenever they change.
 *
 * When Redis cannot be reached, every call fails at once with a StoreUnavailableError (no queue
 * of commands that would answer late) and `available` is false; the client reconnects by itself
 * and the store emits `up` when Redis is back.
 *
 * Needs the `ioredis` package (an optional peer dependency of ect-widgets).
 */
import { EventEmitter } from 'node:events';
import { PRESENCE_WINDOW_MS, bangkokDay } from './protocol.js';
import { MAX_TABS, MAX_VISITS_PER_DAY } from './memory-store.js';

export const IOREDIS_VERSION = '6.1.0';

const DAY_S = 86_400;

/** A call that failed because the store cannot be reached. */
export class StoreUnavailableError extends Error {
  constructor(message = 'the presence store is unavailable') {
    super(message);
    this.name = 'StoreUnavailableError';
  }
}

// KEYS: tabs, seen:<day>, day:<day>, month:<month>, total, last
// ARGV: mode (beat | leave | read), id, now, window, mayAdd, maxTabs, maxVisits, day, channel
// Returns { result, counts } where result is 0 (not added), 1 (known tab), 2 (added).
const SCRIPT = `
local now = tonumber(ARGV[3])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - tonumber(ARGV[4]))
local result = 0
if ARGV[1] == 'leave' then
  redis.call('ZREM', KEYS[1], ARGV[2])
elseif ARGV[1] == 'beat' then
  if redis.call('ZSCORE', KEYS[1], ARGV[2]) then
    result = 1
  elseif ARGV[5] == '1' and redis.call('ZCARD', KEYS[1]) < tonumber(ARGV[6]) then
    result = 2
  end
  if result > 0 then
    redis.call('ZADD', KEYS[1], now, ARGV[2])
    if redis.call('SCARD', KEYS[2]) < tonumber(ARGV[7])
      and redis.call('SADD', KEYS[2], ARGV[2]) == 1 then
      redis.call('EXPIRE', KEYS[2], ${2 * DAY_S})
      redis.call('INCR', KEYS[3])
      redis.call('EXPIRE', KEYS[3], ${8 * DAY_S})
      redis.call('INCR', KEYS[4])
      redis.call('EXPIRE', KEYS[4], ${400 * DAY_S})
      redis.call('INCR', KEYS[5])
    end
  end
end
local counts = redis.call('ZCARD', KEYS[1]) .. ',' .. (redis.call('GET', KEYS[3]) or '0') ..
  ',' .. (redis.call('GET', KEYS[4]) or '0') .. ',' .. (redis.call('GET', KEYS[5]) or '0') ..
  ',' .. ARGV[8]
if redis.call('GET', KEYS[6]) ~= counts then
  redis.call('SET', KEYS[6], counts)
  redis.call('PUBLISH', ARGV[9], counts)
end
return { result, counts }
`;

/**
 * @param {string} text `online,today,month,total,day`
 * @returns {import('./protocol.js').Counts}
 */
function parseCounts(text) {
  const [online, today, month, total, day] = text.split(',');
  return {
    online: Number(online),
    today: Number(today),
    month: Number(month),
    total: Number(total),
    day,
  };
}

/**
 * @typedef {object} RedisStoreOptions
 * @property {string} [prefix] key prefix, so several sites can share one Redis
 * @property {number} [baseTotal] `total` when Redis has none yet, e.g. the old counter's
 * @property {number} [maxTabs]
 * @property {number} [maxVisitsPerDay]
 * @property {() => number} [now] the clock (ms), for `since` when Redis has none
 * @property {(message: string) => void} [log]
 * @property {number} [commandTimeout] ms before a command counts as failed (default 1000)
 */

/**
 * Connects to Redis at `url` (`redis://host:port/db`, `rediss://…` for TLS).
 * @param {string} url
 * @param {RedisStoreOptions} [options]
 */
export async function createRedisStore(url, options = {}) {
  let Redis;
  try {
    const ioredis = await import('ioredis');
    Redis = ioredis.Redis ?? ioredis.default;
  } catch (error) {
    throw new Error(
      `The Redis store needs the ioredis package: npm install ioredis@${IOREDIS_VERSION} ` +
        `(${error instanceof Error ? error.message : error})`,
      { cause: error },
    );
  }
  return new RedisStore(Redis, url, options);
}

export class RedisStore extends EventEmitter {
  kind = 'redis';
  available = false;
  /** @type {number | undefined} */
  since;

  #client;
  #subscriber;
  #prefix;
  #channel;
  #baseTotal;
  #maxTabs;
  #maxVisits;
  #now;
  #log;
  #closed = false;
  /** @type {Promise<void>} */
  #firstReady;

  /**
   * @param {any} Redis the ioredis class
   * @param {string} url
   * @param {RedisStoreOptions} options
   */
  constructor(Redis, url, options) {
    super();
    this.#prefix = options.prefix ?? 'ect-presence:';
    this.#channel = `${this.#prefix}counts`;
    this.#baseTotal = options.baseTotal ?? 0;
    this.#maxTabs = options.maxTabs ?? MAX_TABS;
    this.#maxVisits = options.maxVisitsPerDay ?? MAX_VISITS_PER_DAY;
    this.#now = options.now ?? Date.now;
    this.#log = options.log ?? (() => {});
    const common = {
      // Keep trying, at most every 2 s: the server recovers by itself when Redis returns.
      retryStrategy: (/** @type {number} */ times) => Math.min(times * 100, 2000),
      connectTimeout: 2000,
      lazyConnect: true,
    };
    this.#client = new Redis(url, {
      ...common,
      // While Redis is away, fail at once rather than queue: figures answer 503 quickly.
      enableOfflineQueue: false,
      maxRetriesPerRequest: 0,
      commandTimeout: options.commandTimeout ?? 1000,
    });
    this.#client.defineCommand('presence', { numberOfKeys: 6, lua: SCRIPT });
    this.#subscriber = new Redis(url, { ...common, maxRetriesPerRequest: null });

    let down = false;
    const onDown = (/** @type {unknown} */ error) => {
      if (this.available) this.emit('down');
      this.available = false;
      if (!down && !this.#closed) {
        down = true;
        const reason = error instanceof Error ? `: ${error.message}` : '';
        this.#log(`redis unavailable${reason}; figures answer 503 until it is back`);
      }
    };
    this.#client.on('error', onDown);
    this.#client.on('close', () => onDown(undefined));
    this.#subscriber.on('error', () => {});
    this.#client.on('ready', () => {
      this.#init()
        .then(() => {
          if (down) this.#log('redis is back');
          down = false;
          this.available = true;
          this.emit('up');
        })
        .catch(onDown);
    });
    this.#subscriber.on('message', (/** @type {string} */ _channel, /** @type {string} */ text) =>
      this.emit('counts', parseCounts(text)),
    );
    this.#firstReady = new Promise((resolve) => {
      this.once('up', resolve);
      // A server starts even when Redis is not there yet (it answers 503 until it is).
      setTimeout(resolve, 3000).unref();
    });
  }

  /** Connects; resolves when Redis answers, or after a few seconds when it does not. */
  async open() {
    this.#client.connect().catch(() => {});
    this.#subscriber.connect().catch(() => {});
    this.#subscriber.subscribe(this.#channel).catch(() => {});
    await this.#firstReady;
  }

  /** Sets `total` and `since` where Redis has none (a new or emptied Redis), reads `since`. */
  async #init() {
    const p = this.#prefix;
    const [, , [, since]] = await this.#client
      .multi()
      .set(`${p}total`, String(this.#baseTotal), 'NX')
      .set(`${p}since`, String(this.#now()), 'NX')
      .get(`${p}since`)
      .exec();
    this.since = Number(since);
  }

  /**
   * @param {'beat' | 'leave' | 'read'} mode
   * @param {string} id
   * @param {number} now
   * @param {boolean} mayAdd
   */
  async #run(mode, id, now, mayAdd) {
    if (!this.available) throw new StoreUnavailableError();
    const day = bangkokDay(now);
    const p = this.#prefix;
    let reply;
    try {
      reply = await this.#client.presence(
        `${p}tabs`,
        `${p}seen:${day}`,
        `${p}day:${day}`,
        `${p}month:${day.slice(0, 7)}`,
        `${p}total`,
        `${p}last`,
        mode,
        id,
        now,
        PRESENCE_WINDOW_MS,
        mayAdd ? 1 : 0,
        this.#maxTabs,
        this.#maxVisits,
        day,
        this.#channel,
      );
    } catch (error) {
      throw new StoreUnavailableError(
        `redis: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return { result: Number(reply[0]), counts: parseCounts(String(reply[1])) };
  }

  /**
   * @param {string} id
   * @param {number} now
   * @param {boolean} [mayAdd]
   */
  async beat(id, now, mayAdd = true) {
    const { result } = await this.#run('beat', id, now, mayAdd);
    return { added: result === 2, known: result === 1 };
  }

  /**
   * @param {string} id
   * @param {number} now
   */
  async leave(id, now) {
    await this.#run('leave', id, now, false);
  }

  /** @param {number} now */
  async counts(now) {
    return (await this.#run('read', '', now, false)).counts;
  }

  async close() {
    this.#closed = true;
    this.available = false;
    this.#client.disconnect();
    this.#subscriber.disconnect();
  }
}
