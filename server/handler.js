/**
 * The presence endpoint as a plain `(req, res)` handler, for node:http, Express, Fastify (on
 * `reply.raw`) or the server of ./server.js. One URL: POST a heartbeat or a leave; GET the
 * figures as JSON, or as Server-Sent Events with `Accept: text/event-stream`.
 */
import { ClientLimits, clientKey } from './limits.js';
import { MemoryStore } from './memory-store.js';
import { figuresOf, parseBeat } from './protocol.js';

export const MAX_BODY_BYTES = 1024;
export const MAX_STREAMS = 1000;
/** How often the streams' figures are checked for tabs that went quiet. */
export const STREAM_CHECK_MS = 5_000;
/** The figures are sent at least this often, so a client can tell a live stream from a dead one. */
export const STREAM_REPEAT_MS = 25_000;
/** At most one message per this many ms to each stream, however fast the figures change. */
export const STREAM_MIN_INTERVAL_MS = 1_000;
/** A stream whose reader has not taken this much yet is cut off rather than buffered. */
const STREAM_BACKLOG_BYTES = 64 * 1024;
const RETRY_AFTER_S = 5;

/**
 * @typedef {import('./protocol.js').Counts} Counts
 * @typedef {import('node:http').IncomingMessage & { body?: unknown }} Request
 * @typedef {import('node:http').ServerResponse} Response
 */

/**
 * @param {import('./index.js').PresenceHandlerOptions} [options]
 * @returns {import('./index.js').PresenceHandler}
 */
export function createPresenceHandler(options = {}) {
  const now = options.now ?? Date.now;
  const store = options.store ?? new MemoryStore({ baseTotal: options.baseTotal });
  const log = options.log ?? (() => {});
  const maxStreams = options.maxStreams ?? MAX_STREAMS;
  const origins = options.origins ?? [];
  const trustProxy = options.trustProxy ?? false;
  const limits = new ClientLimits(options);
  const checkMs = options.streamCheckMs ?? STREAM_CHECK_MS;
  const repeatMs = options.streamRepeatMs ?? STREAM_REPEAT_MS;
  const minIntervalMs = options.streamMinIntervalMs ?? STREAM_MIN_INTERVAL_MS;

  /** The open streams, each with the message it got last and when. */
  /** @type {Map<Response, { message: string, at: number }>} */
  const streams = new Map();
  let sentAt = 0;
  /** @type {Counts | undefined} */
  let pending;
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let flushTimer;
  /** @type {ReturnType<typeof setInterval> | undefined} */
  let checkTimer;
  let closed = false;

  const ready = store.open(now()).catch((error) => log(`store: ${error?.message ?? error}`));

  // ---- the event streams -------------------------------------------------------------------

  /**
   * @param {Response} res
   * @param {string} message
   * @param {number} time
   */
  function send(res, message, time) {
    if (res.writableLength > STREAM_BACKLOG_BYTES) {
      res.destroy();
      return;
    }
    res.write(message);
    streams.set(res, { message, at: time });
  }

  /**
   * Sends the pending figures to each stream whose last message differs, or is due for a
   * repeat.
   */
  function flush() {
    flushTimer = undefined;
    if (!pending) return;
    const message = `data: ${JSON.stringify(figuresOf(pending, store.since))}\n\n`;
    pending = undefined;
    const time = Date.now();
    sentAt = time;
    for (const [res, last] of streams) {
      if (last.message !== message || time - last.at >= repeatMs) send(res, message, time);
    }
  }

  /** New counts for the streams: sent at once, or after the rest of the minimum interval. */
  function offer(/** @type {Counts} */ counts) {
    if (!streams.size) return;
    pending = counts;
    if (flushTimer) return;
    const wait = sentAt + minIntervalMs - Date.now();
    if (wait <= 0) flush();
    else flushTimer = setTimeout(flush, wait);
  }

  async function check() {
    try {
      offer(await store.counts(now()));
    } catch {
      // The store is away: `down` ends the streams.
    }
  }

  function endStreams() {
    for (const res of streams.keys()) res.end();
  }

  store.on('counts', offer);
  store.on('down', endStreams);

  // ---- requests ------------------------------------------------------------------------------

  /** @param {Request} req */
  function clientOf(req) {
    let address = req.socket?.remoteAddress ?? '';
    if (trustProxy) {
      const forwarded = String(req.headers['x-forwarded-for'] ?? '')
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean);
      address = forwarded.at(-1) ?? address;
    }
    return clientKey(address);
  }

  /**
   * The value of Access-Control-Allow-Origin for this request, if any; `same` for a request from
   * the server's own origin (which needs none).
   * @param {Request} req
   */
  function allowedOrigin(req) {
    const origin = req.headers.origin;
    if (!origin) return undefined;
    if (origins === '*') return '*';
    if (origins.includes(origin)) return origin;
    const host = (trustProxy && req.headers['x-forwarded-host']) || req.headers.host;
    try {
      if (host && new URL(origin).host === String(host).split(',')[0].trim()) return 'same';
    } catch {
      // Origin "null" or garbage: not allowed.
    }
    return undefined;
  }

  /**
   * @param {Response} res
   * @param {number} status
   * @param {Record<string, string | number>} [headers]
   * @param {string} [body]
   */
  function answer(res, status, headers = {}, body) {
    res.writeHead(status, {
      ...(body !== undefined && { 'Content-Type': 'text/plain; charset=utf-8' }),
      ...headers,
    });
    res.end(body);
  }

  /**
   * The body as text: `undefined` when over `MAX_BODY_BYTES`.
   * @param {Request} req
   * @returns {Promise<string | undefined>}
   */
  function readBody(req) {
    // Frameworks that read the body before us (Express's text(), Fastify) leave it here.
    if (typeof req.body === 'string' || Buffer.isBuffer(req.body)) {
      const text = String(req.body);
      return Promise.resolve(Buffer.byteLength(text) <= MAX_BODY_BYTES ? text : undefined);
    }
    return new Promise((resolve, reject) => {
      /** @type {Buffer[]} */
      const chunks = [];
      let size = 0;
      req.on('data', (/** @type {Buffer} */ chunk) => {
        size += chunk.length;
        if (size <= MAX_BODY_BYTES) chunks.push(chunk);
        else {
          resolve(undefined);
          req.pause();
        }
      });
      req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      req.on('error', reject);
    });
  }

  /**
   * @param {Request} req
   * @param {Response} res
   * @param {Record<string, string>} headers
   */
  async function post(req, res, headers) {
    const time = now();
    const client = clientOf(req);
    const rate = limits.beat(client, time);
    const tooMany = { ...headers, 'Retry-After': String(rate.retryAfter) };
    if (!rate.allowed) return answer(res, 429, { ...tooMany, Connection: 'close' });
    if (req.headers.origin && !allowedOrigin(req)) {
      return answer(res, 403, headers, 'origin not allowed\n');
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) {
      return answer(res, 413, { ...headers, Connection: 'close' });
    }
    const body = await readBody(req);
    if (body === undefined) return answer(res, 413, { ...headers, Connection: 'close' });
    const beat = parseBeat(body);
    if (!beat) {
      return answer(res, 400, headers, 'expected {"id":"<8 to 64 of A-Z a-z 0-9 - _>"}\n');
    }
    try {
      if (beat.leave) {
        await store.leave(beat.id, time);
        return answer(res, 204, headers);
      }
      const mayAdd = limits.takeNewId(client, time);
      const { added, known } = await store.beat(beat.id, time, mayAdd);
      if (mayAdd && !added) limits.refund(client, time);
      if (added || known) return answer(res, 204, headers);
      // Not counted: this client's new ids are used up, or the store is full.
      return mayAdd
        ? answer(res, 503, { ...headers, 'Retry-After': '60' }, 'too many tabs\n')
        : answer(res, 429, tooMany);
    } catch {
      return answer(res, 503, { ...headers, 'Retry-After': String(RETRY_AFTER_S) });
    }
  }

  /**
   * @param {Request} req
   * @param {Response} res
   * @param {Record<string, string>} headers
   */
  async function figures(req, res, headers) {
    let counts;
    try {
      counts = await store.counts(now());
    } catch {
      return answer(
        res,
        503,
        { ...headers, 'Retry-After': String(RETRY_AFTER_S) },
        'figures unavailable\n',
      );
    }
    const body = JSON.stringify(figuresOf(counts, store.since));
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  }

  /**
   * @param {Request} _req
   * @param {Response} res
   * @param {Record<string, string>} headers
   */
  async function stream(_req, res, headers) {
    if (streams.size >= maxStreams) {
      return answer(res, 503, { ...headers, 'Retry-After': '30' }, 'too many streams\n');
    }
    let counts;
    try {
      counts = await store.counts(now());
    } catch {
      return answer(res, 503, { ...headers, 'Retry-After': String(RETRY_AFTER_S) });
    }
    if (res.destroyed || closed) return;
    res.writeHead(200, {
      ...headers,
      'Content-Type': 'text/event-stream; charset=utf-8',
      // Tells nginx not to buffer the stream.
      'X-Accel-Buffering': 'no',
    });
    res.write('retry: 5000\n\n');
    send(res, `data: ${JSON.stringify(figuresOf(counts, store.since))}\n\n`, Date.now());
    checkTimer ??= setInterval(check, checkMs);
    checkTimer.unref?.();
    res.on('close', () => {
      streams.delete(res);
      if (!streams.size && checkTimer) {
        clearInterval(checkTimer);
        checkTimer = undefined;
      }
    });
  }

  /**
   * @param {Request} req
   * @param {Response} res
   */
  async function handler(req, res) {
    /** @type {Record<string, string>} */
    const headers = { 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
    const origin = allowedOrigin(req);
    if (origin && origin !== 'same') headers['Access-Control-Allow-Origin'] = origin;
    if (origins !== '*' && origins.length) headers.Vary = 'Origin';
    try {
      switch (req.method) {
        case 'POST':
          return await post(req, res, headers);
        case 'GET':
        case 'HEAD':
          headers.Vary = headers.Vary ? `${headers.Vary}, Accept` : 'Accept';
          if (req.method === 'GET' && /text\/event-stream/.test(req.headers.accept ?? '')) {
            return await stream(req, res, headers);
          }
          return await figures(req, res, headers);
        case 'OPTIONS':
          return answer(res, 204, {
            ...headers,
            ...(origin && {
              'Access-Control-Allow-Methods': 'GET, HEAD, POST',
              'Access-Control-Allow-Headers': 'Content-Type',
              'Access-Control-Max-Age': '86400',
            }),
          });
        default:
          return answer(res, 405, { ...headers, Allow: 'GET, HEAD, POST, OPTIONS' });
      }
    } catch (error) {
      log(`request failed: ${error instanceof Error ? error.message : error}`);
      if (!res.headersSent) answer(res, 500, headers);
      else res.destroy();
    }
  }

  // defineProperties, not Object.assign, which would copy the getter's value once.
  return Object.defineProperties(handler, {
    store: { value: store },
    ready: { value: ready },
    /** Open event streams of this process. */
    streams: { get: () => streams.size },
    close: {
      async value() {
        closed = true;
        clearTimeout(flushTimer);
        clearInterval(checkTimer);
        checkTimer = undefined;
        store.off('counts', offer);
        store.off('down', endStreams);
        endStreams();
        await store.close();
      },
    },
  });
}
