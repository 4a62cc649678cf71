#!/usr/bin/env node
// ect-presence: runs the presence server of <ect-online-counter> (docs/presence-server.md).
// Every option also reads an environment variable; a flag wins over its variable.
import { parseArgs } from 'node:util';
import { createPresenceServer } from './server.js';

const HELP = `Usage: ect-presence [options]

  --port N                 PORT                         listen port (default 8787; 0: any free)
  --host ADDR              PRESENCE_HOST                listen address (default 127.0.0.1)
  --path /PATH             PRESENCE_PATH                answer only this path (default: any)
  --redis URL              REDIS_URL                    share the counts in Redis or Valkey
  --redis-prefix P         PRESENCE_REDIS_PREFIX        key prefix (default ect-presence:)
  --origin LIST            PRESENCE_ORIGINS             origins allowed to read and beat from
                                                        other sites, comma-separated, or *
  --total N                PRESENCE_TOTAL               total visits to start from
  --trust-proxy            PRESENCE_TRUST_PROXY=1       client address from X-Forwarded-For
  --max-streams N          PRESENCE_MAX_STREAMS         open event streams (default 1000)
  --beats-per-minute N     PRESENCE_BEATS_PER_MINUTE    per client (default 600; 0: no limit)
  --new-ids-per-minute N   PRESENCE_NEW_IDS_PER_MINUTE  per client (default 60; 0: no limit)
  --max-tabs N             PRESENCE_MAX_TABS            tabs online at once (default 100000)
  --quiet                                               no log lines but errors
  --help

  Test only: --test-clock-step MS moves the server's clock MS forward on each SIGUSR2 and
  prints the counts and the process's memory before and after as a JSON line (for benchmarks
  of tab expiry; run node with --expose-gc for figures after a garbage collection).
`;

const flags = {
  port: ['PORT', 'int'],
  host: ['PRESENCE_HOST', 'string'],
  path: ['PRESENCE_PATH', 'string'],
  redis: ['REDIS_URL', 'string'],
  'redis-prefix': ['PRESENCE_REDIS_PREFIX', 'string'],
  origin: ['PRESENCE_ORIGINS', 'string'],
  total: ['PRESENCE_TOTAL', 'int'],
  'trust-proxy': ['PRESENCE_TRUST_PROXY', 'boolean'],
  'max-streams': ['PRESENCE_MAX_STREAMS', 'int'],
  'beats-per-minute': ['PRESENCE_BEATS_PER_MINUTE', 'int'],
  'new-ids-per-minute': ['PRESENCE_NEW_IDS_PER_MINUTE', 'int'],
  'max-tabs': ['PRESENCE_MAX_TABS', 'int'],
  quiet: [undefined, 'boolean'],
  help: [undefined, 'boolean'],
  'test-clock-step': [undefined, 'int'],
};

function fail(message) {
  process.stderr.write(`ect-presence: ${message}\nTry ect-presence --help\n`);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    options: Object.fromEntries(
      Object.entries(flags).map(([name, [, type]]) => [
        name,
        { type: type === 'boolean' ? 'boolean' : 'string' },
      ]),
    ),
  }).values;
} catch (error) {
  fail(error.message);
}
if (parsed.help) {
  process.stdout.write(HELP);
  process.exit(0);
}

/** The value of a flag, else of its environment variable, checked against its type. */
function option(name) {
  const [env, type] = flags[name];
  const fromFlag = parsed[name];
  const raw = fromFlag ?? (env ? process.env[env] : undefined);
  const source = fromFlag !== undefined ? `--${name}` : env;
  if (raw === undefined || raw === '') return undefined;
  if (type === 'boolean') return raw === true || /^(1|true|yes)$/i.test(String(raw));
  if (type === 'int') {
    if (!/^\d+$/.test(raw)) fail(`${source}: expected a whole number, got "${raw}"`);
    return Number(raw);
  }
  return raw;
}

const port = option('port') ?? 8787;
if (port > 65535) fail(`--port: ${port} is not a port number`);
const path = option('path');
if (path !== undefined && !path.startsWith('/')) fail(`--path: must start with /, got "${path}"`);
const redis = option('redis');
if (redis !== undefined && !/^rediss?:\/\//.test(redis)) {
  fail(`--redis: expected a redis:// or rediss:// URL, got "${redis}"`);
}
const originList = option('origin');
let origins = [];
if (originList === '*') origins = '*';
else if (originList) {
  origins = originList.split(',').map((origin) => origin.trim());
  for (const origin of origins) {
    let parsedOrigin;
    try {
      parsedOrigin = new URL(origin);
    } catch {
      fail(`--origin: "${origin}" is not an origin such as https://www.example.go.th`);
    }
    if (parsedOrigin.origin !== origin) {
      fail(`--origin: "${origin}" is not an origin (write it as ${parsedOrigin.origin})`);
    }
  }
}

const quiet = option('quiet');
const log = (message) => {
  if (!quiet) process.stderr.write(`ect-presence: ${message}\n`);
};

const clockStep = option('test-clock-step');
let clockOffset = 0;
const now = clockStep ? () => Date.now() + clockOffset : Date.now;

let running;
try {
  running = await createPresenceServer({
    port,
    host: option('host'),
    path,
    redis,
    redisPrefix: option('redis-prefix'),
    origins,
    baseTotal: option('total'),
    trustProxy: option('trust-proxy'),
    maxStreams: option('max-streams'),
    beatsPerMinute: option('beats-per-minute'),
    newIdsPerMinute: option('new-ids-per-minute'),
    maxTabs: option('max-tabs'),
    now,
    log,
  });
} catch (error) {
  fail(error.message);
}
process.stdout.write(
  `ect-presence listening on ${running.url} (${running.store.kind} store` +
    `${running.store.available ? '' : ', not reachable yet'})\n`,
);

if (clockStep) {
  const measure = async () => {
    // Reading the figures drops the tabs that expired.
    const counts = await running.store.counts(now()).catch(() => undefined);
    globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    return { counts, rss, heapUsed };
  };
  process.on('SIGUSR2', async () => {
    const before = await measure();
    clockOffset += clockStep;
    const after = await measure();
    process.stdout.write(`${JSON.stringify({ clock: clockOffset, before, after })}\n`);
  });
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    await running.close();
    process.exit(0);
  });
}
