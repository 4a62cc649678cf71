// Counting, through HTTP, with a fake clock, for both stores (Redis: a redis-server of the
// test's own): tabs expire 60 s after their last heartbeat, visits roll over at Bangkok
// midnight, the event stream follows, the figures and streams have the protocol's shape.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createPresenceServer, createRedisStore } from '../../server/index.js';
import { beat, figures, newId, openStream, request } from './http.js';
import { startRedis } from '../../scripts/lib/redis-server.js';

const at = (iso) => Date.parse(iso);
const SECOND = 1000;

let redis;
before(async () => {
  redis = await startRedis();
});
after(() => redis.close());

let prefixes = 0;
const STORES = {
  memory: () => undefined,
  redis: (now, { maxTabs }) =>
    createRedisStore(redis.url, {
      prefix: `counting-${prefixes++}:`,
      now,
      baseTotal: 1000,
      maxTabs,
    }),
};

/** A server whose clock is `clock.t`, started at `start`. */
async function server(kind, start, options = {}) {
  const clock = { t: start };
  const now = () => clock.t;
  const store = await STORES[kind](now, options);
  const running = await createPresenceServer({
    port: 0,
    now,
    store,
    baseTotal: 1000,
    ...options,
  });
  return { ...running, clock };
}

for (const kind of Object.keys(STORES)) {
  describe(`${kind} store`, () => {
    it('counts a tab for 60 s after its last heartbeat, then lets it expire', async () => {
      const s = await server(kind, at('2026-11-26T10:00:00+07:00'));
      try {
        const start = s.clock.t;
        const [a, b] = [newId(), newId()];
        assert.equal((await figures(s.url)).online, 0);
        assert.equal((await beat(s.url, a)).status, 204);
        s.clock.t = start + 10 * SECOND;
        await beat(s.url, b);
        assert.equal((await figures(s.url)).online, 2);
        // Heartbeats every 30 s keep a tab in.
        s.clock.t = start + 30 * SECOND;
        await beat(s.url, a);
        s.clock.t = start + 69 * SECOND;
        assert.equal((await figures(s.url)).online, 2);
        s.clock.t = start + 70 * SECOND;
        assert.equal((await figures(s.url)).online, 1);
        s.clock.t = start + 89 * SECOND;
        assert.equal((await figures(s.url)).online, 1);
        s.clock.t = start + 90 * SECOND;
        assert.equal((await figures(s.url)).online, 0);
      } finally {
        await s.close();
      }
    });

    it('drops a tab at once when it says leave, and counts it again when it returns', async () => {
      const s = await server(kind, at('2026-11-26T10:00:00+07:00'));
      try {
        const [a, b] = [newId(), newId()];
        await beat(s.url, a);
        await beat(s.url, b);
        assert.equal((await beat(s.url, a, { leave: true })).status, 204);
        assert.deepEqual(await figures(s.url), { online: 1, total: 1002 });
        await beat(s.url, a);
        // Back on the same day: online again, not a new visit.
        assert.deepEqual(await figures(s.url), { online: 2, total: 1002 });
      } finally {
        await s.close();
      }
    });

    it('counts visits today and this month by the Bangkok calendar, rolling over at its midnight', async () => {
      // Counting since October: November and its days are counted whole.
      const s = await server(kind, at('2026-10-20T12:00:00+07:00'));
      try {
        const [a, b, c, d] = [newId(), newId(), newId(), newId()];
        s.clock.t = at('2026-11-30T09:00:00+07:00');
        await beat(s.url, a);
        s.clock.t += 30 * SECOND;
        await beat(s.url, a);
        await beat(s.url, b);
        assert.deepEqual(await figures(s.url), { online: 2, today: 2, month: 2, total: 1002 });
        // 23:59:59 in Bangkok is 16:59:59 UTC: still the 30th.
        s.clock.t = at('2026-11-30T16:59:59.000Z');
        await beat(s.url, c);
        assert.deepEqual(await figures(s.url), { online: 1, today: 3, month: 3, total: 1003 });
        // Midnight in Bangkok (17:00 UTC, still the 30th in UTC): a new day and a new month.
        s.clock.t = at('2026-11-30T17:00:10.000Z');
        await beat(s.url, c);
        assert.deepEqual(await figures(s.url), { online: 1, today: 1, month: 1, total: 1004 });
        s.clock.t = at('2026-12-01T08:00:00+07:00');
        await beat(s.url, d);
        await beat(s.url, c);
        assert.deepEqual(await figures(s.url), { online: 2, today: 2, month: 2, total: 1005 });
        // The next day: today starts over, the month goes on.
        s.clock.t = at('2026-12-02T00:00:00+07:00');
        await beat(s.url, a);
        assert.deepEqual(await figures(s.url), { online: 1, today: 1, month: 3, total: 1006 });
      } finally {
        await s.close();
      }
    });

    it('leaves out today and this month until it has counted a whole one', async () => {
      const s = await server(kind, at('2026-11-26T15:00:00+07:00'));
      try {
        await beat(s.url, newId());
        assert.deepEqual(await figures(s.url), { online: 1, total: 1001 });
        s.clock.t = at('2026-11-27T00:00:00+07:00');
        await beat(s.url, newId());
        assert.deepEqual(await figures(s.url), { online: 1, today: 1, total: 1002 });
        s.clock.t = at('2026-12-01T00:00:00+07:00');
        await beat(s.url, newId());
        assert.deepEqual(await figures(s.url), { online: 1, today: 1, month: 1, total: 1003 });
      } finally {
        await s.close();
      }
    });

    it('streams the figures at once, on every change and when tabs expire', async () => {
      const s = await server(kind, at('2026-11-26T10:00:00+07:00'), {
        streamCheckMs: 50,
        streamMinIntervalMs: 20,
      });
      try {
        const stream = await openStream(s.url);
        assert.equal(stream.status, 200);
        assert.match(stream.headers['content-type'], /^text\/event-stream/);
        assert.equal(stream.headers['cache-control'], 'no-store');
        assert.equal(stream.headers['x-accel-buffering'], 'no');
        assert.deepEqual(await stream.next(), { online: 0, total: 1000 });
        const id = newId();
        await beat(s.url, id);
        assert.deepEqual(await stream.next(), { online: 1, total: 1001 });
        // No heartbeat, only time: the check notices the tab went quiet.
        s.clock.t += 60 * SECOND;
        assert.deepEqual(await stream.next(), { online: 0, total: 1001 });
        stream.close();
      } finally {
        await s.close();
      }
    });

    it('refuses new tabs beyond maxTabs with 503, and keeps beating the ones it has', async () => {
      const s = await server(kind, at('2026-11-26T10:00:00+07:00'), {
        maxTabs: 5,
        newIdsPerMinute: 0,
      });
      try {
        const ids = Array.from({ length: 5 }, newId);
        for (const id of ids) assert.equal((await beat(s.url, id)).status, 204);
        const refused = await beat(s.url, newId());
        assert.equal(refused.status, 503);
        assert.equal(refused.headers['retry-after'], '60');
        assert.equal((await beat(s.url, ids[0])).status, 204);
        assert.equal((await figures(s.url)).online, 5);
        // Room again once tabs leave or expire.
        await beat(s.url, ids[1], { leave: true });
        assert.equal((await beat(s.url, newId())).status, 204);
        s.clock.t += 60_000;
        assert.equal((await beat(s.url, newId())).status, 204);
        assert.equal((await figures(s.url)).online, 1);
      } finally {
        await s.close();
      }
    });

    it('answers the figures as JSON, not cached, with HEAD and OPTIONS, and refuses other methods', async () => {
      const s = await server(kind, at('2026-11-26T10:00:00+07:00'));
      try {
        const res = await request(s.url);
        assert.equal(res.status, 200);
        assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
        assert.equal(res.headers['cache-control'], 'no-store');
        assert.equal(res.headers.vary, 'Accept');
        assert.equal(res.headers['set-cookie'], undefined);
        const head = await request(s.url, { method: 'HEAD' });
        assert.equal(head.status, 200);
        assert.equal(head.body, '');
        const put = await request(s.url, { method: 'PUT', body: '{}' });
        assert.equal(put.status, 405);
        assert.equal(put.headers.allow, 'GET, HEAD, POST, OPTIONS');
        assert.equal((await request(s.url, { method: 'OPTIONS' })).status, 204);
      } finally {
        await s.close();
      }
    });
  });
}
