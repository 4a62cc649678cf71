// `npm run fuzz`: the property tests of test/properties/ in Chromium with many cases each.
// FUZZ_RUNS cases per target (10,000), FUZZ_SEED to replay a run, FUZZ_TIME_CAP seconds per
// target (150); the test page gets them as `window.__FUZZ__` before the tests load.
import base from './web-test-runner.config.js';

const runs = Number(process.env.FUZZ_RUNS ?? 10_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : (Math.random() * 2 ** 31) | 0;
const timeCapMs = Number(process.env.FUZZ_TIME_CAP ?? 150) * 1000;
const settings = JSON.stringify({ runs, seed, timeCapMs });

console.log(
  `fuzz: ${runs} cases per target, seed ${seed} (FUZZ_SEED=${seed} replays it), cap ${timeCapMs / 1000} s`,
);

export default {
  ...base,
  files: ['test/properties/**/*.test.ts'],
  browsers: base.browsers.slice(0, 1),
  testFramework: { config: { timeout: timeCapMs + 300_000 } },
  testsFinishTimeout: 3 * 3600_000,
  testRunnerHtml: (testFramework) =>
    `<html><body><script>window.__FUZZ__ = ${settings};</script>` +
    `<script type="module" src="${testFramework}"></script></body></html>`,
};
