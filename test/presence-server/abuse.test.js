// Limits against scripts and hostile input, through HTTP, for both stores: heartbeats per
// client per minute, new ids per client per minute, body size and id format, the origin
// allow-list, no cookies, a bounded number of event streams.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import {
  BEATS_PER_MINUTE,
  ClientLimits,
  NEW_IDS_PER_MINUTE,
  createPresenceServer,
  createRedisStore,
} from '../../server/index.js';
import { clientKey } from '../../server/limits.js';
import { beat, figures, flood, newId, openStream, request } from './http.js';
import { startRedis } from '../../scripts/lib/redis-server.js';

const START = Date.parse('2026-11-26T10:00:20+07:00');

let redis;
before(async () => {
  redis = await startRedis();
});
after(() => redis.close());

let prefixes = 0;
const STORES = {
  memory: () => undefined,
  redis: (now) => createRedisStore(redis.url, { prefix: `abuse-${prefixes++}:`, now }),
};

async function server(kind, options = {}) {
  const clock = { t: START };
  const now = () => clock.t;
  const running = await createPresenceServer({
    port: 0,
    now,
    store: await STORES[kind](now),
    ...options,
  });
  return { ...running, clock };
}

const post = (url, body, headers = {}) =>
  request(url, { method: 'POST', body, headers: { 'Content-Type': 'text/plain', ...headers } });

for (const kind of Object.keys(STORES)) {
  describe(`${kind} store`, () => {
    it(`lets one client add at most ${NEW_IDS_PER_MINUTE} tabs a minute, however many ids it sends`, async () => {
      // The heartbeat limit off, so only the cap on new ids stands between the flood and "online".
      const s = await server(kind, { beatsPerMinute: 0 });
      try {
        const known = newId();
        await beat(s.url, known);
        const before = (await figures(s.url)).online;
        const statuses = await flood(10_000, 50, () => beat(s.url, randomUUID()));
        const online = (await figures(s.url)).online;
        assert.ok(online - before <= NEW_IDS_PER_MINUTE, `online moved by ${online - before}`);
        // The one known tab took one new id of the minute.
        assert.equal(online - before, NEW_IDS_PER_MINUTE - 1);
        assert.equal(statuses.filter((status) => status === 204).length, NEW_IDS_PER_MINUTE - 1);
        assert.equal(statuses.filter((status) => status === 429).length, 10_000 - 59);
        // A tab that is already online still beats.
        assert.equal((await beat(s.url, known)).status, 204);
        // Another client (behind a trusted proxy it would be another address) is not affected:
        // the cap is per client. The next minute, this client may add tabs again.
        s.clock.t += 60_000;
        assert.equal((await beat(s.url, randomUUID())).status, 204);
      } finally {
        await s.close();
      }
    });

    it(`answers 429 after ${BEATS_PER_MINUTE} heartbeats of one client in a minute`, async () => {
      const s = await server(kind);
      try {
        const ids = Array.from({ length: 10 }, newId);
        const statuses = await flood(BEATS_PER_MINUTE + 50, 20, (i) =>
          request(s.url, {
            method: 'POST',
            body: JSON.stringify({ id: ids[i % ids.length] }),
            fresh: true,
          }),
        );
        assert.equal(statuses.filter((status) => status === 204).length, BEATS_PER_MINUTE);
        assert.equal(statuses.filter((status) => status === 429).length, 50);
        const limited = await request(s.url, {
          method: 'POST',
          body: JSON.stringify({ id: ids[0] }),
          fresh: true,
        });
        assert.equal(limited.status, 429);
        assert.equal(limited.headers['retry-after'], '40');
        assert.equal((await figures(s.url)).online, 10);
        s.clock.t += 40_000;
        assert.equal((await beat(s.url, ids[0])).status, 204);
      } finally {
        await s.close();
      }
    });

    it('takes the client from X-Forwarded-For only behind a trusted proxy', async () => {
      const direct = await server(kind, { newIdsPerMinute: 2 });
      const proxied = await server(kind, { newIdsPerMinute: 2, trustProxy: true });
      try {
        // Made-up forwarding headers do not make a direct client several.
        for (let i = 0; i < 5; i++) {
          await beat(direct.url, newId(), { headers: { 'X-Forwarded-For': `10.0.0.${i}` } });
        }
        assert.equal((await figures(direct.url)).online, 2);
        // Behind the proxy, its last entry is the client.
        for (let i = 0; i < 5; i++) {
          await beat(proxied.url, newId(), {
            headers: { 'X-Forwarded-For': `203.0.113.9, 10.0.0.${i}` },
          });
        }
        assert.equal((await figures(proxied.url)).online, 5);
      } finally {
        await direct.close();
        await proxied.close();
      }
    });

    it('refuses bodies over 1 KB and ids outside 8 to 64 of A-Z a-z 0-9 - _', async () => {
      const s = await server(kind);
      try {
        const big = JSON.stringify({ id: newId(), pad: 'x'.repeat(1100) });
        assert.equal((await post(s.url, big)).status, 413);
        // Also without a Content-Length (chunked).
        const chunked = await request(s.url, {
          method: 'POST',
          body: big,
          headers: { 'Transfer-Encoding': 'chunked' },
          fresh: true,
        });
        assert.equal(chunked.status, 413);
        for (const body of [
          '',
          'null',
          '42',
          'not json',
          '{"id":7}',
          '{"id":"short"}',
          '{"id":"a b c d e f g h"}',
          JSON.stringify({ id: 'x'.repeat(65) }),
          JSON.stringify({ id: 'ขณะนี้มีผู้ออนไลน์' }),
        ]) {
          const res = await post(s.url, body);
          assert.equal(res.status, 400, body);
          assert.match(res.body, /expected \{"id"/);
        }
        assert.equal((await post(s.url, JSON.stringify({ id: 'x'.repeat(64) }))).status, 204);
        assert.equal((await figures(s.url)).online, 1);
      } finally {
        await s.close();
      }
    });

    it('sends CORS headers only to allowed origins, takes heartbeats only from them and its own, and never a cookie', async () => {
      const s = await server(kind, { origins: ['https://www.ect.go.th'] });
      const any = await server(kind, { origins: '*' });
      try {
        const allowed = await request(s.url, { headers: { Origin: 'https://www.ect.go.th' } });
        assert.equal(allowed.headers['access-control-allow-origin'], 'https://www.ect.go.th');
        assert.equal(allowed.headers.vary, 'Origin, Accept');
        const other = await request(s.url, { headers: { Origin: 'https://evil.example' } });
        assert.equal(other.status, 200);
        assert.equal(other.headers['access-control-allow-origin'], undefined);
        const preflight = await request(s.url, {
          method: 'OPTIONS',
          headers: { Origin: 'https://www.ect.go.th', 'Access-Control-Request-Method': 'POST' },
        });
        assert.equal(preflight.headers['access-control-allow-methods'], 'GET, HEAD, POST');

        const host = new URL(s.url).host;
        const fromEvil = await beat(s.url, newId(), {
          headers: { Origin: 'https://evil.example' },
        });
        assert.equal(fromEvil.status, 403);
        const fromAllowed = await beat(s.url, newId(), {
          headers: { Origin: 'https://www.ect.go.th', Cookie: 'PHPSESSID=secret' },
        });
        assert.equal(fromAllowed.status, 204);
        const fromItself = await beat(s.url, newId(), { headers: { Origin: `http://${host}` } });
        assert.equal(fromItself.status, 204);
        assert.equal((await figures(s.url)).online, 2);

        const star = await request(any.url, { headers: { Origin: 'https://a.example' } });
        assert.equal(star.headers['access-control-allow-origin'], '*');
        for (const res of [allowed, other, preflight, fromAllowed, star]) {
          assert.equal(res.headers['set-cookie'], undefined);
          assert.equal(res.headers['access-control-allow-credentials'], undefined);
        }
      } finally {
        await s.close();
        await any.close();
      }
    });

    it('answers 503 to event streams beyond its maximum, and takes new ones when some close', async () => {
      const s = await server(kind, { maxStreams: 2 });
      try {
        const one = await openStream(s.url);
        const two = await openStream(s.url);
        assert.deepEqual([one.status, two.status], [200, 200]);
        const three = await openStream(s.url);
        assert.equal(three.status, 503);
        assert.equal(three.headers['retry-after'], '30');
        // Polling still works.
        assert.equal((await request(s.url)).status, 200);
        one.close();
        await waitFor(() => s.handler.streams === 1);
        const four = await openStream(s.url);
        assert.equal(four.status, 200);
        two.close();
        four.close();
      } finally {
        await s.close();
      }
    });
  });
}

async function waitFor(condition, ms = 2000) {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('client limits', () => {
  it('counts IPv6 clients by their /64 and IPv4-mapped ones as IPv4', () => {
    assert.equal(clientKey('2001:db8:1:2:aaaa::1'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'), '2001:db8:1:2::/64');
    assert.equal(clientKey('2001:db8::1'), '2001:db8:0:0::/64');
    assert.equal(clientKey('::ffff:127.0.0.1'), '127.0.0.1');
    assert.equal(clientKey('192.0.2.7'), '192.0.2.7');
  });

  it('keeps at most maxClients addresses, and forgets them all after the minute', () => {
    const limits = new ClientLimits({ maxClients: 3, newIdsPerMinute: 1 });
    for (let i = 0; i < 10; i++) limits.beat(`192.0.2.${i}`, START);
    assert.equal(limits.size, 4); // three and the shared overflow entry
    assert.equal(limits.takeNewId('192.0.2.8', START), true);
    // Past the table, clients share one allowance.
    assert.equal(limits.takeNewId('192.0.2.9', START), false);
    limits.beat('192.0.2.1', START + 60_000);
    assert.equal(limits.size, 1);
  });
});

describe('inside another server', () => {
  it('reads a body that a framework read before it, within the same 1 KB', async () => {
    const { createServer } = await import('node:http');
    const { createPresenceHandler } = await import('../../server/index.js');
    const presence = createPresenceHandler();
    // As Express's text() parser leaves it: the stream consumed, the text in req.body.
    const server = createServer((req, res) => {
      let body = '';
      req.setEncoding('utf8');
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        req.body = body;
        presence(req, res);
      });
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${server.address().port}/`;
    try {
      assert.equal((await beat(url, newId())).status, 204);
      assert.equal(
        (await post(url, JSON.stringify({ id: newId(), pad: 'x'.repeat(1100) }))).status,
        413,
      );
      assert.equal((await figures(url)).online, 1);
    } finally {
      await presence.close();
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
  });
});
