/**
 * Yielding the main thread: decoding, cutting and parsing a big feed is split into tasks, so a
 * long job never blocks input or rendering for long.
 */

/** Longest run of a job's steps before every other waiting task (timers too) gets its turn. */
const FAIR_MS = 50;
let lastFull = 0;

/**
 * Lets the browser run other tasks (input, rendering) before the next step of a long job.
 * `scheduler.yield()` lets in input and rendering but keeps the job ahead of every other
 * waiting task: a job of many steps would hold timers back until it ends (seconds for a
 * 5 MB calendar). So at least every `FAIR_MS` the next step is a task of its own, queued
 * behind what is already waiting.
 */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  const now = performance.now();
  if (scheduler?.yield && now - lastFull < FAIR_MS) return scheduler.yield();
  lastFull = now;
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/**
 * For a loop of many short steps (the events of a big calendar): `await pause()` after each
 * step yields (`nextTask`) once the steps since the last yield have taken `ms`, and otherwise
 * goes straight on. Counting steps instead would take as long per task as the steps do.
 */
export function pauseEvery(ms = 10): () => Promise<void> | undefined {
  let began = performance.now();
  return () => {
    if (performance.now() - began < ms) return undefined;
    return nextTask().then(() => {
      began = performance.now();
    });
  };
}
