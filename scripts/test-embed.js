#!/usr/bin/env node
// The snippet builder's default snippet, pasted as a webmaster pastes it (npm run test:embed):
//
// 1. The demo server (vite, as `npm start`) serves demo/builder.html; headless Chromium reads
//    its default code: the script tag must be self-hosted (this version is not on npm, so the
//    CDN cannot serve it; ECT_DEMO_PUBLISHED=0 makes that so whatever the registry says), carry
//    the SRI hash of the current dist/ect-widgets.js, and the element tag no `month`.
// 2. The path of ect-widgets.js is set in the builder, as the webmaster does, to where a second
//    loopback server serves dist/ (another origin, with CORS, as a CDN or a static host).
// 3. The script tag and the element tag are pasted into a plain page served from a third port,
//    beside a copy of the sample feed the tag names (demo/feeds/, as stored). In Chromium and
//    Firefox the element must reach state="ready", its script carrying the `integrity` the
//    builder showed; the same page with one character of the hash changed must not run.
//
// The demo server builds dist/ first when it is missing or older than the source.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as puppeteer from 'puppeteer-core';
import { createServer } from 'vite';
import { launchChromium } from './lib/chromium.js';
import { repoRoot } from './lib/paths.js';
import { serve } from './lib/serve.js';

const READY_TIMEOUT = 20_000;
const failures = [];
const fail = (message) => {
  failures.push(message);
  console.log(`  FAIL ${message}`);
};
const ok = (message) => console.log(`  ok   ${message}`);

process.env.ECT_DEMO_PUBLISHED ??= '0';

/** The builder's code boxes once it has filled them. */
async function readSnippet(page) {
  await page.waitForFunction(() => document.getElementById('code-tag')?.textContent?.trim());
  return page.evaluate(() => ({
    script: document.getElementById('code-script').textContent,
    tag: document.getElementById('code-tag').textContent,
    source: document.querySelector('input[name="source"]:checked')?.value,
    note: document.getElementById('sri-note').textContent,
  }));
}

const attribute = (markup, name) => new RegExp(`\\s${name}="([^"]*)"`).exec(markup)?.[1];

// ---------------------------------------------------------------------------------------------
// 1 and 2: the builder

const demo = await createServer({
  configFile: join(repoRoot, 'vite.demo.config.ts'),
  logLevel: 'warn',
  server: { host: '127.0.0.1', port: 0, hmr: false },
});
await demo.listen();
const demoUrl = demo.resolvedUrls.local[0];
const distServer = await serve({
  root: join(repoRoot, 'dist'),
  mount: '/js/ect-widgets/',
  headers: { 'access-control-allow-origin': '*' },
});

let snippet;
let pasted;
const chromium = await launchChromium();
try {
  console.log(
    `Builder: ${demoUrl}builder.html (ECT_DEMO_PUBLISHED=${process.env.ECT_DEMO_PUBLISHED})`,
  );
  const page = await chromium.newPage();
  page.on('pageerror', (error) => fail(`builder: uncaught ${error.message}`));
  // The first load may wait for `npm run build`.
  await page.goto(`${demoUrl}builder.html`, { timeout: 120_000 });
  snippet = await readSnippet(page);
  console.log(
    `  default script: ${snippet.script}\n  default tag:    ${snippet.tag.replace(/\s*\n\s*/g, ' ')}`,
  );
  const expected = `sha384-${createHash('sha384')
    .update(readFileSync(join(repoRoot, 'dist', 'ect-widgets.js')))
    .digest('base64')}`;
  if (snippet.source === 'self') ok('self-hosted by default');
  else fail(`the default source is ${snippet.source}, not self-hosted`);
  if (attribute(snippet.script, 'integrity') === expected) ok(`integrity ${expected}`);
  else
    fail(
      `integrity is ${attribute(snippet.script, 'integrity')}, dist/ect-widgets.js is ${expected}`,
    );
  if (attribute(snippet.script, 'crossorigin') === 'anonymous') ok('crossorigin="anonymous"');
  else fail('no crossorigin="anonymous" beside the integrity');
  if (/\smonth=/.test(snippet.tag)) fail(`the default tag pre-fills a month: ${snippet.tag}`);
  else ok('no month pre-filled');

  // Where the webmaster put dist/: the other origin.
  const selfPath = new URL(attribute(snippet.script, 'src'), distServer.url).href;
  await page.fill('#self-path', selfPath);
  pasted = await readSnippet(page);
  if (attribute(pasted.script, 'src') !== selfPath) fail(`the path is not used: ${pasted.script}`);
  if (attribute(pasted.script, 'integrity') !== expected)
    fail('the integrity changed with the path');
  await page.close();
} finally {
  await chromium.close();
  await demo.close();
}

// ---------------------------------------------------------------------------------------------
// 3: the plain page

const tagName = /^<([a-z0-9-]+)/.exec(snippet.tag)[1];
const plainPage = (script) => `<!doctype html>
<html lang="th">
  <head>
    <meta charset="utf-8" />
    <title>หน้าเว็บของหน่วยงาน</title>
    ${script}
  </head>
  <body>
    ${pasted.tag}
  </body>
</html>
`;
const tampered = pasted.script.replace(
  /integrity="sha384-(.)/,
  (_, c) => `integrity="sha384-${c === 'A' ? 'B' : 'A'}`,
);
const site = await serve({
  root: join(repoRoot, 'demo', 'feeds'),
  mount: '/feeds/',
  files: {
    '/': { type: 'text/html; charset=utf-8', body: plainPage(pasted.script) },
    '/tampered.html': { type: 'text/html; charset=utf-8', body: plainPage(tampered) },
  },
});
console.log(`Plain page ${site.url}/, dist/ at ${distServer.url}/js/ect-widgets/`);

async function openFirefox() {
  return puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
  });
}

for (const [name, open] of [
  ['Chromium', launchChromium],
  ['Firefox', openFirefox],
]) {
  console.log(`\n${name}`);
  const browser = await open();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    // `load` waits for module scripts: the element is defined by then, or never.
    await page.goto(`${site.url}/`);
    const definedAtLoad = await page.evaluate((tag) => Boolean(customElements.get(tag)), tagName);
    const state = await page
      .waitForSelector(`${tagName}[state="ready"]`, { timeout: READY_TIMEOUT })
      .then(
        () => 'ready',
        () => page.evaluate((tag) => document.querySelector(tag)?.getAttribute('state'), tagName),
      );
    const seen = await page.evaluate(
      (tag) => ({
        integrity: document.querySelector('script[type="module"]')?.getAttribute('integrity'),
        items: document.querySelector(tag)?.shadowRoot?.querySelectorAll('[part~="item"]').length,
      }),
      tagName,
    );
    if (!definedAtLoad) fail(`${name}: <${tagName}> was not defined when the page had loaded`);
    if (state === 'ready') ok(`<${tagName}> ready, ${seen.items} items`);
    else fail(`${name}: <${tagName}> is ${state ?? 'not upgraded'}, not ready`);
    if (seen.integrity === attribute(pasted.script, 'integrity'))
      ok('integrity present and matching');
    else fail(`${name}: the script's integrity is ${seen.integrity}`);
    for (const error of errors) fail(`${name}: ${error}`);
    await page.close();

    // The canary: a wrong hash must stop the script, or the check above proves nothing.
    const canary = await browser.newPage();
    await canary.goto(`${site.url}/tampered.html`);
    const defined = await canary.evaluate((tag) => Boolean(customElements.get(tag)), tagName);
    if (defined) fail(`${name}: a wrong integrity hash did not stop the script`);
    else ok('a wrong hash stops the script');
    await canary.close();
  } finally {
    await browser.close();
  }
}
await site.close();
await distServer.close();

console.log(failures.length ? `\n${failures.length} failure(s).` : '\nThe default snippet works.');
process.exitCode = failures.length ? 1 : 0;
