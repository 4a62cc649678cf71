/**
 * Yielding the main thread: decoding, cutting and parsing a big feed is split into tasks, so a
 * long job never blocks input or rendering for long.
 */

/** Lets the browser run other tasks (input, rendering) before the next step of a long job. */
export function nextTask(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (scheduler?.yield) return scheduler.yield();
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}
