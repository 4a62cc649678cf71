/**
 * A responsiveness probe: a task every few ms records how long the page waited between two of
 * them, in every browser (the long-task API is Chromium's only). The worst gap is how long the
 * main thread was unavailable to a person's click or key.
 */
export function probeResponsiveness() {
  let last = performance.now();
  let worst = 0;
  let timer = 0;
  const tick = () => {
    const now = performance.now();
    worst = Math.max(worst, now - last);
    last = now;
    timer = window.setTimeout(tick, 4);
  };
  timer = window.setTimeout(tick, 4);
  return {
    /** Stops the probe; the longest wait seen, in ms. */
    stop(): number {
      clearTimeout(timer);
      return Math.max(worst, performance.now() - last);
    },
  };
}
