// The Redis store across processes and through an outage: two `ect-presence` processes on one
// redis-server agree on every figure and stream each other's heartbeats; with Redis gone the
// figures answer 503 at once and nothing crashes; when it returns, so do correct figures,
// without a restart of the server.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { createPresenceServer, createRedisStore } from '../../server/index.js';
import { beat, figures, newId, openStream, request } from './http.js';
import { startRedis } from '../../scripts/lib/redis-server.js';

const CLI = fileURLToPath(new URL('../../server/cli.js', import.meta.url));

/** Starts `ect-presence` in a process of its own; resolves when it listens. */
function startCli(args) {
  const child = spawn(process.execPath, [CLI, '--port', '0', ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /listening on (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, child, stop: () => stop(child) });
    });
    child.once('exit', (code) => reject(new Error(`ect-presence exited (${code}): ${output}`)));
  });
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  return exited;
}

async function until(read, ms = 10_000) {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`not within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let redis;
before(async () => {
  redis = await startRedis();
});
after(() => redis.close());

describe('two processes on one Redis', () => {
  it('agree on every figure, and each streams the heartbeats the other receives', async () => {
    const args = ['--redis', redis.url, '--redis-prefix', 'two:', '--total', '500', '--quiet'];
    const [a, b] = await Promise.all([startCli(args), startCli(args)]);
    try {
      const stream = await openStream(b.url);
      assert.deepEqual(await stream.next(), { online: 0, total: 500 });
      const ids = Array.from({ length: 30 }, newId);
      for (const [i, id] of ids.entries()) await beat(i % 2 ? a.url : b.url, id);
      // A second beat of the same tabs, to the other process: no new visits.
      for (const [i, id] of ids.entries()) await beat(i % 2 ? b.url : a.url, id);
      const [fromA, fromB] = await Promise.all([figures(a.url), figures(b.url)]);
      assert.deepEqual(fromA, { online: 30, total: 530 });
      assert.deepEqual(fromB, fromA);
      // B's stream shows what A was told, within its minimum interval of a second.
      await stream.next((message) => message.online === 30, 3000);
      await beat(a.url, newId());
      assert.deepEqual(await stream.next(undefined, 2000), { online: 31, total: 531 });
      await beat(a.url, ids[0], { leave: true });
      assert.deepEqual(await stream.next(undefined, 2000), { online: 30, total: 531 });
      assert.deepEqual(await figures(b.url), { online: 30, total: 531 });
      assert.deepEqual(await figures(a.url), { online: 30, total: 531 });
      stream.close();
    } finally {
      await Promise.all([a.stop(), b.stop()]);
    }
  });
});

describe('Redis stopped and started again', () => {
  it('answers 503 quickly, drops heartbeats, ends streams, then recovers by itself', async () => {
    const logs = [];
    const store = await createRedisStore(redis.url, {
      prefix: 'outage:',
      baseTotal: 100,
      log: (message) => logs.push(message),
    });
    const s = await createPresenceServer({ port: 0, store, streamCheckMs: 100 });
    try {
      await beat(s.url, newId());
      assert.deepEqual(await figures(s.url), { online: 1, total: 101 });
      const stream = await openStream(s.url);
      await stream.next();

      await redis.stop();
      const started = Date.now();
      const down = await until(async () => {
        const res = await request(s.url);
        return res.status === 503 && res;
      });
      assert.ok(Date.now() - started < 2000, `503 after ${Date.now() - started} ms`);
      assert.equal(down.headers['retry-after'], '5');
      // Each answer is quick, not a wait for a timeout.
      for (let i = 0; i < 5; i++) {
        const t = Date.now();
        assert.equal((await request(s.url)).status, 503);
        assert.ok(Date.now() - t < 200, `503 took ${Date.now() - t} ms`);
      }
      assert.equal((await beat(s.url, newId())).status, 503);
      assert.equal((await openStream(s.url)).status, 503);
      await stream.closed();
      const health = await request(new URL('/healthz', s.url).href);
      assert.equal(health.status, 503);

      await redis.start();
      // This Redis keeps nothing on disk: it comes back empty, and the total starts again from
      // the base (production Redis keeps its data: docs/presence-server.md).
      assert.deepEqual(await until(() => figures(s.url)), { online: 0, total: 100 });
      await beat(s.url, newId());
      await beat(s.url, newId());
      assert.deepEqual(await figures(s.url), { online: 2, total: 102 });
      const again = await openStream(s.url);
      assert.deepEqual(await again.next(), { online: 2, total: 102 });
      await beat(s.url, newId());
      assert.deepEqual(await again.next(), { online: 3, total: 103 });
      again.close();
      assert.equal((await request(new URL('/healthz', s.url).href)).status, 200);
      assert.deepEqual(
        logs.map((line) => line.replace(/:.*;/, ';')),
        ['redis unavailable; figures answer 503 until it is back', 'redis is back'],
      );
    } finally {
      await s.close();
    }
  });

  it('starts while Redis is down, answering 503 until it is up', async () => {
    await redis.stop();
    const store = await createRedisStore(redis.url, { prefix: 'late:' });
    const s = await createPresenceServer({ port: 0, store });
    try {
      assert.equal((await request(s.url)).status, 503);
      await redis.start();
      assert.deepEqual(await until(() => figures(s.url)), { online: 0, total: 0 });
    } finally {
      await s.close();
    }
  });
});

describe('ect-presence command line', () => {
  it('refuses bad options with what was wrong, exit code 2', async () => {
    for (const [args, message] of [
      [['--port', 'abc'], '--port: expected a whole number, got "abc"'],
      [['--redis', 'localhost:6379'], '--redis: expected a redis:// or rediss:// URL'],
      [
        ['--origin', 'https://www.ect.go.th/news'],
        'is not an origin (write it as https://www.ect.go.th)',
      ],
      [['--path', 'presence'], '--path: must start with /'],
      [['--no-such-option'], "Unknown option '--no-such-option'"],
    ]) {
      const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk) => (err += chunk));
      const code = await new Promise((resolve) => child.once('exit', resolve));
      assert.equal(code, 2, args.join(' '));
      assert.ok(err.includes(message), `${args.join(' ')}: ${err}`);
    }
  });

  it('reads its options from the environment, flags first', async () => {
    const child = spawn(process.execPath, [CLI, '--total', '7'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORT: '0', PRESENCE_TOTAL: '99', PRESENCE_PATH: '/presence' },
    });
    try {
      let out = '';
      child.stdout.on('data', (chunk) => (out += chunk));
      const url = await until(async () => /listening on (\S+)/.exec(out)?.[1]);
      assert.match(url, /\/presence$/);
      assert.deepEqual(await figures(url), { online: 0, total: 7 });
      assert.equal((await request(new URL('/other', url).href)).status, 404);
    } finally {
      await stop(child);
    }
  });
});
