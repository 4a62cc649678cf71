#!/usr/bin/env node
// Load for the presence server, from a process of its own (scripts/bench/56-presence-server.js
// starts it): simulated tabs beating, readers polling the figures, open event streams, all on
// loopback, bounded in count and time. The tabs and readers come from `addresses` loopback
// addresses (127.1.0.1, 127.1.0.2, …), like visitors behind that many networks, so the
// server's per-client limits stay on. Prints one JSON line with the results.
//
// Usage: node scripts/lib/presence-load.js '<json>'  with
//   { url, tabs, beatMs, readers, readMs, streams, durationMs, addresses }
import { randomUUID } from 'node:crypto';
import { Agent, request } from 'node:http';

const config = JSON.parse(process.argv[2] ?? '{}');
const { url, tabs, beatMs, readers, readMs, streams, durationMs, addresses } = config;
if (!/^http:\/\/127\.0\.0\.1:\d+\//.test(url ?? '')) {
  throw new Error(`presence-load: a loopback URL is required, got ${url}`);
}

const address = (i) => `127.1.0.${1 + (i % addresses)}`;
const agents = Array.from(
  { length: addresses },
  (_, i) => new Agent({ keepAlive: true, maxSockets: 4, localAddress: address(i) }),
);

const results = {
  beats: 0,
  beatErrors: {},
  reads: 0,
  readErrors: {},
  /** @type {number[]} */
  latencies: [],
  streamsOpen: 0,
  streamErrors: {},
  streamMessages: 0,
  /** The last figures each stream received. */
  lastStreamed: new Map(),
};
const count = (table, key) => (table[key] = (table[key] ?? 0) + 1);

function send(i, options, body) {
  return new Promise((resolve) => {
    const req = request(url, { agent: agents[i % addresses], ...options }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, text }));
      res.on('error', (error) => resolve({ status: error.code ?? 'error', text: '' }));
    });
    req.on('error', (error) => resolve({ status: error.code ?? 'error', text: '' }));
    req.end(body);
  });
}

const started = performance.now();
const end = started + durationMs;
const timers = new Set();
/** Runs `task` at `first` ms from the start, then every `every` ms until the end. */
function every(first, period, task) {
  const run = () => {
    timers.delete(timer);
    if (performance.now() >= end) return;
    task();
    timer = setTimeout(run, period);
    timers.add(timer);
  };
  let timer = setTimeout(run, first);
  timers.add(timer);
}

// Tabs: each its id, beating every beatMs from a random phase.
for (let i = 0; i < tabs; i++) {
  const body = JSON.stringify({ id: randomUUID() });
  every(Math.random() * beatMs, beatMs, async () => {
    const { status } = await send(
      i,
      { method: 'POST', headers: { 'Content-Type': 'text/plain;charset=UTF-8' } },
      body,
    );
    if (status === 204) results.beats++;
    else count(results.beatErrors, status);
  });
}

// Readers: the figures as JSON every readMs, timed.
for (let i = 0; i < readers; i++) {
  every(Math.random() * readMs, readMs, async () => {
    const t = performance.now();
    const { status, text } = await send(i, { method: 'GET' });
    if (status === 200 && text.startsWith('{"online":')) {
      results.reads++;
      results.latencies.push(performance.now() - t);
    } else count(results.readErrors, status);
  });
}

// Event streams, opened over the first second and held to the end.
const open = [];
for (let i = 0; i < streams; i++) {
  setTimeout(
    () => {
      const req = request(
        url,
        { headers: { Accept: 'text/event-stream' }, localAddress: address(i) },
        (res) => {
          if (res.statusCode !== 200) {
            count(results.streamErrors, res.statusCode);
            res.resume();
            return;
          }
          results.streamsOpen++;
          let buffer = '';
          res.setEncoding('utf8');
          res.on('data', (chunk) => {
            buffer += chunk;
            let cut;
            while ((cut = buffer.indexOf('\n\n')) >= 0) {
              const block = buffer.slice(0, cut);
              buffer = buffer.slice(cut + 2);
              if (block.startsWith('data: ')) {
                results.streamMessages++;
                results.lastStreamed.set(i, block.slice(6));
              }
            }
          });
          res.on('error', () => {});
        },
      );
      req.on('error', (error) => count(results.streamErrors, error.code ?? 'error'));
      req.end();
      open.push(req);
    },
    (i * 1000) / streams,
  );
}

await new Promise((resolve) => setTimeout(resolve, durationMs));
for (const timer of timers) clearTimeout(timer);
// Requests under way finish; then the figures the streams should all show.
await new Promise((resolve) => setTimeout(resolve, 1500));
const final = (await send(0, { method: 'GET' })).text;
const streamed = new Set(results.lastStreamed.values());
for (const req of open) req.destroy();
for (const agent of agents) agent.destroy();

const sorted = results.latencies.sort((a, b) => a - b);
const pct = (p) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
const seconds = durationMs / 1000;
process.stdout.write(
  `${JSON.stringify({
    beatsPerSecond: results.beats / seconds,
    beats: results.beats,
    beatErrors: results.beatErrors,
    reads: results.reads,
    readErrors: results.readErrors,
    p50: pct(50),
    p99: pct(99),
    max: sorted.at(-1),
    streamsOpen: results.streamsOpen,
    streamErrors: results.streamErrors,
    streamMessages: results.streamMessages,
    final,
    streamsAgree: streamed.size === 1 && streamed.has(final),
    streamedFigures: [...streamed].slice(0, 3),
  })}\n`,
);
