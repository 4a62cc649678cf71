/**
 * A standalone presence server: node:http around the handler of ./handler.js, with the memory
 * store, or the Redis store when given a Redis URL; `/healthz` for load balancers and systemd
 * checks; timeouts that keep slow clients from holding connections.
 */
import { createServer } from 'node:http';
import { createPresenceHandler } from './handler.js';
import { MemoryStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';

/**
 * The store the options ask for: Redis with `redis`, else memory.
 * @param {import('./index.js').PresenceServerOptions} options
 */
export async function openStore(options) {
  const { redis, baseTotal, maxTabs, maxVisitsPerDay } = options;
  if (!redis) return new MemoryStore({ baseTotal, maxTabs, maxVisitsPerDay });
  return createRedisStore(redis, {
    prefix: options.redisPrefix,
    baseTotal,
    maxTabs,
    maxVisitsPerDay,
    now: options.now,
    log: options.log,
  });
}

/**
 * Starts a presence server; resolves once it listens.
 * @param {import('./index.js').PresenceServerOptions} [options]
 */
export async function createPresenceServer(options = {}) {
  const store = options.store ?? (await openStore(options));
  const presence = createPresenceHandler({ ...options, store });
  const path = options.path;
  const server = createServer((req, res) => {
    const pathname = (req.url ?? '/').split('?')[0];
    if (pathname === '/healthz') {
      const up = store.available;
      res.writeHead(up ? 200 : 503, {
        'Content-Type': 'application/json; charset=utf-8',
        'Cache-Control': 'no-store',
      });
      res.end(JSON.stringify({ store: store.kind, available: up, streams: presence.streams }));
      return;
    }
    if (path && pathname !== path) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      res.end('not found\n');
      return;
    }
    void presence(req, res);
  });
  // Slow clients must not hold a connection: headers and body within 10 s.
  server.headersTimeout = 10_000;
  server.requestTimeout = 10_000;
  await presence.ready;
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, options.host ?? '127.0.0.1', () => resolve(undefined));
  });
  const address = /** @type {import('node:net').AddressInfo} */ (server.address());
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    server,
    handler: presence,
    store,
    url: `http://${host}:${address.port}${path ?? '/'}`,
    async close() {
      await presence.close();
      await new Promise((resolve) => {
        server.close(() => resolve(undefined));
        server.closeAllConnections();
      });
    },
  };
}
