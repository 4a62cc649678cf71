/**
 * How many cases each property runs. `npm test` runs a few dozen per target with a random seed;
 * `npm run fuzz` (web-test-runner.fuzz.config.js) sets `window.__FUZZ__` before the tests load:
 * thousands of cases per target, a seed to replay (`FUZZ_SEED`) and a time cap per target.
 */
import fc from 'fast-check';

interface FuzzSettings {
  runs: number;
  seed?: number;
  timeCapMs: number;
  fuzzing: boolean;
}

const given = (globalThis as { __FUZZ__?: Partial<FuzzSettings> }).__FUZZ__;

export const FUZZ: FuzzSettings = {
  runs: given?.runs ?? 30,
  seed: given?.seed,
  timeCapMs: given?.timeCapMs ?? 20_000,
  fuzzing: !!given,
};

/** Cases for a target: `share` of the run count (the stream's cases cost more than a parse). */
export function casesFor(share = 1): number {
  return Math.max(1, Math.round(FUZZ.runs * share));
}

/** Mocha timeout for a property: its time cap, plus room to shrink a failure. */
export const PROPERTY_TIMEOUT = FUZZ.timeCapMs + 120_000;

/**
 * Runs an async property with the settings above; fails with fast-check's report (seed, path,
 * shrunk counterexample). In fuzz mode, prints the count, seed, time and why it stopped.
 */
export async function checkProperty<Ts>(
  name: string,
  property: fc.IAsyncPropertyWithHooks<Ts>,
  options: { share?: number; notes?: () => string } = {},
): Promise<void> {
  const numRuns = casesFor(options.share);
  const started = performance.now();
  const details = await fc.check(property, {
    numRuns,
    ...(FUZZ.seed !== undefined ? { seed: FUZZ.seed } : {}),
    interruptAfterTimeLimit: FUZZ.timeCapMs,
    markInterruptAsFailure: false,
  });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (FUZZ.fuzzing) {
    const stop = details.interrupted ? `time cap ${FUZZ.timeCapMs / 1000} s` : `${numRuns} cases`;
    // eslint-disable-next-line no-console
    console.log(
      `fuzz ${name}: ${details.numRuns} cases (${details.numSkips} skipped), seed ${details.seed}, ` +
        `${seconds} s, stopped by ${details.failed ? 'a failure' : stop}` +
        (options.notes ? `; ${options.notes()}` : ''),
    );
  }
  if (details.failed) {
    const error = details.errorInstance;
    const cause = error instanceof Error ? `${error.message}\n${error.stack}` : String(error);
    let report: string;
    try {
      report = fc.defaultReportMessage(details) ?? '';
    } catch {
      // A counterexample whose printing throws (a hostile getter) is replayed from its path.
      report = `{ seed: ${details.seed}, path: "${details.counterexamplePath}" } (counterexample cannot be printed)`;
    }
    throw new Error(`${name}: ${report}\nError: ${cause}`);
  }
}
