// A redis-server of its own (Debian's package) for the presence server's tests and bench, on a
// free loopback port, without persistence, in a temporary folder; stopped by its owner, and in
// any case when the process exits. A missing redis-server is an error: .ci/run installs it.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REDIS_SERVER = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once something accepts connections on the port (rejects after `ms`). */
function waitForPort(port, ms) {
  const deadline = Date.now() + ms;
  return new Promise((resolve, reject) => {
    const attempt = () => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve();
      });
      socket.once('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`redis-server did not open port ${port}`));
        else setTimeout(attempt, 25);
      });
    };
    attempt();
  });
}

const running = new Set();
const killAll = () => {
  for (const child of running) child.kill('SIGKILL');
};
process.on('exit', killAll);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => {
    killAll();
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

/**
 * Starts redis-server; `stop()` ends it (its data is gone: no persistence), `start()` starts it
 * again on the same port, `close()` stops it for good and removes its folder.
 */
export async function startRedis() {
  if (!existsSync(REDIS_SERVER)) {
    throw new Error(
      `${REDIS_SERVER} not found: the presence server tests need Debian's redis-server ` +
        '(apt-get install redis-server; .ci/run installs it)',
    );
  }
  const dir = mkdtempSync(join(tmpdir(), 'ect-presence-redis-'));
  const port = await freePort();
  let child;
  let log = '';
  const redis = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      log = '';
      child = spawn(
        REDIS_SERVER,
        [
          '--port',
          String(port),
          '--bind',
          '127.0.0.1',
          '--save',
          '',
          '--appendonly',
          'no',
          '--dir',
          dir,
        ],
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      running.add(child);
      child.stdout.on('data', (chunk) => (log += chunk));
      child.stderr.on('data', (chunk) => (log += chunk));
      const exited = new Promise((resolve) => child.once('exit', resolve));
      await Promise.race([
        waitForPort(port, 10_000),
        exited.then((code) => {
          throw new Error(`redis-server exited (${code}): ${log.slice(-500)}`);
        }),
      ]);
    },
    async stop() {
      if (!child || child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      running.delete(child);
    },
    async close() {
      await redis.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
  await redis.start();
  return redis;
}
