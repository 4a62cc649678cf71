#!/usr/bin/env node
// Opens every story of the static Storybook build (storybook-static/) in headless chromium and
// fails on a render error, a console error, an uncaught exception, a failed play function or
// the a11y add-on's verdict.
//
// The verdict is the add-on's own: @storybook/addon-a11y runs axe in its `afterEach` hook and
// adds a report `{ type: 'a11y', status, result }` to the story's reporting, `status` being
// 'failed' on violations when `parameters.a11y.test` is 'error' (.storybook/preview.ts sets it
// for every story), 'warning' for 'todo', none for 'off'. Outside vitest that report reaches the
// page only in Storybook's STORY_FINISHED channel event (`{ status, reporters }`), which this
// script catches. A story without an a11y report fails unless it opted out with 'off'.
// Usage: npm run build-storybook && npm run test:stories   [-- --jobs 2] [-- <id substring>]
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './lib/chromium.js';
import { repoRoot } from './lib/paths.js';
import { serve } from './lib/serve.js';

const STORY_TIMEOUT = 60_000;
const args = process.argv.slice(2);
const jobsAt = args.indexOf('--jobs');
const jobs = jobsAt >= 0 ? Number(args.splice(jobsAt, 2)[1]) : 2;
const filter = args[0];

const staticDir = join(repoRoot, 'storybook-static');
const indexFile = join(staticDir, 'index.json');
if (!existsSync(indexFile)) {
  console.error('storybook-static/index.json is missing: run npm run build-storybook first');
  process.exit(1);
}
const entries = Object.values(JSON.parse(readFileSync(indexFile, 'utf8')).entries ?? {});
const stories = entries.filter((e) => e.type === 'story' && (!filter || e.id.includes(filter)));
if (stories.length === 0) {
  console.error('No stories in storybook-static/index.json: nothing was tested');
  process.exit(1);
}

const server = await serve({ root: staticDir });
const browser = await launchChromium();
let passed = 0;
let failed = 0;
try {
  const queue = [...stories];
  const worker = async () => {
    for (let story = queue.shift(); story; story = queue.shift()) {
      const started = Date.now();
      const { problems, warnings } = await check(story);
      const ms = `${Date.now() - started} ms`;
      if (problems.length === 0) {
        passed += 1;
        console.log(`ok    ${story.id} (${ms})`);
        for (const warning of warnings)
          console.log(`  warn  ${warning.replace(/\n/g, '\n        ')}`);
      } else {
        failed += 1;
        console.log(`FAIL  ${story.id} (${ms})`);
        for (const problem of problems)
          console.log(`        ${problem.replace(/\n/g, '\n        ')}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, worker));
} finally {
  await browser.close();
  await server.close();
}
console.log(`${passed} passed, ${failed} failed`);
process.exitCode = failed > 0 ? 1 : 0;

/** Renders one story in its own page; returns what went wrong and the a11y 'todo' findings. */
async function check(story) {
  const problems = [];
  const warnings = [];
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const { url } = message.location();
    problems.push(`console error: ${message.text()}${url ? ` (${url})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.stack ?? error.message}`));
  // Storybook reports the end of a story (play function and afterEach, where the a11y add-on
  // runs axe) on its channel only; catch the channel as the preview creates it, and keep a
  // plain copy of the verdict (an axe result with its passes is large and not all data).
  await page.addInitScript(() => {
    let channel;
    let a11y;
    const describe = (report) => ({
      type: report.type,
      status: report.status,
      error: report.result?.error ? String(report.result.error.message ?? report.result.error) : '',
      violations: (report.result?.violations ?? []).map((violation) => ({
        id: violation.id,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({
          target: node.target.flat(Infinity).join(' '),
          message: node.any?.[0]?.message ?? node.failureSummary ?? '',
        })),
      })),
    });
    Object.defineProperty(globalThis, '__STORYBOOK_ADDONS_CHANNEL__', {
      configurable: true,
      get: () => channel,
      set: (next) => {
        channel = next;
        next.on('storyPrepared', (event) => (a11y = event.parameters?.a11y));
        next.on('storyFinished', (event) => {
          globalThis.__ectStoryFinished = {
            status: event.status,
            a11yOff: a11y?.test === 'off' || a11y?.disable === true,
            reports: (event.reporters ?? []).map(describe),
          };
        });
      },
    });
  });
  try {
    // The body class below tells when the story is shown; on a loaded machine the page's load
    // event alone can take longer than Playwright's default 30 s.
    await page.goto(`${server.url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, {
      waitUntil: 'domcontentloaded',
      timeout: STORY_TIMEOUT,
    });
    const shown = await page.waitForFunction(
      () =>
        ['sb-show-main', 'sb-show-errordisplay'].find((c) => document.body.classList.contains(c)),
      undefined,
      { timeout: STORY_TIMEOUT },
    );
    if ((await shown.jsonValue()) === 'sb-show-errordisplay') {
      const text = await page.locator('#error-message, #error-stack').allInnerTexts();
      problems.push(`error display: ${text.join('\n').trim() || '(no message)'}`);
    } else {
      const finished = await page.waitForFunction(() => globalThis.__ectStoryFinished, undefined, {
        timeout: STORY_TIMEOUT,
      });
      const { status, a11yOff, reports } = await finished.jsonValue();
      for (const report of reports) {
        if (report.status === 'passed') continue;
        const what = report.violations.length
          ? report.violations.map(describeViolation).join('\n')
          : report.error || '(no details)';
        if (report.status === 'failed') problems.push(`${report.type}: ${what}`);
        else warnings.push(`${report.type} ${report.status}: ${what}`);
      }
      if (!a11yOff && !reports.some((report) => report.type === 'a11y')) {
        problems.push('no a11y report: the a11y add-on did not check this story');
      }
      if (status === 'error' && problems.length === 0) problems.push('story finished with errors');
    }
  } catch (error) {
    problems.push(`${error.message.split('\n')[0]}`);
  } finally {
    await page.close();
  }
  return { problems, warnings };
}

/** `color-contrast: Elements must meet … at ect-x li > .facts (contrast of 3.42 …)` */
function describeViolation(violation) {
  const nodes = violation.nodes
    .slice(0, 3)
    .map(({ target, message }) => `\n    at ${target}${message ? `: ${message}` : ''}`);
  const more = violation.nodes.length > 3 ? `\n    …and ${violation.nodes.length - 3} more` : '';
  return `${violation.id}: ${violation.help}${nodes.join('')}${more}`;
}
