#!/usr/bin/env node
// Tests of the built bundle, loaded as a webmaster loads it (npm run test:dist):
//
// 1. Strict CSP, in Chromium and Firefox: a page served with the policy of docs/security.md
//    (no 'unsafe-inline', Trusted Types required) and `<script type="module"
//    src="ect-widgets.js">`, showing every element src/index.ts registers with each feed format
//    it reads (RSS with HTML, Atom, JSON Feed, JSON, iCalendar, CSV, the hostile feeds of HOSTILE_FEEDS) and with
//    inline data. Every element must reach `ready` and the browser must report no violation:
//    not as a `securitypolicyviolation` event, not in the console, not to the report endpoint
//    of an identical report-only policy. A canary page first proves each of those detectors
//    sees a violation in that browser.
//    Then a parser chunk that cannot be loaded: a calendar on an iCalendar feed, on a page whose
//    copy of dist/ answers 503 for chunks/parse-ics-*.js, must end in the `error` state saying
//    so (an `ect-error` with code `parser`, the sentence in the element's language), not stay
//    `loading`.
// 2. Heap, in Chromium: each element created, connected and removed 1,000 times, twice; the V8
//    heap and the DOM node and listener counts after a forced garbage collection, before and
//    after each round, through the DevTools protocol (exact figures; a page only has rounded
//    ones). A leak grows in both rounds; a cache filling up, only in the first.
//
// Builds first (npm run build) when dist/ is missing or older than the source.
// Usage: node scripts/test-dist.js [--no-build] [--csp-only | --heap-only]
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import * as puppeteer from 'puppeteer-core';
import { ensureBuilt } from './lib/build.js';
import { launchChromium } from './lib/chromium.js';
import { repoRoot } from './lib/paths.js';
import { FEEDS, HOSTILE_FEEDS, feedsOfKind, sampleFor } from '../test/hardening/samples.js';

/** The policy under test; docs/security.md quotes it. */
export const POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; " +
  "require-trusted-types-for 'script'; trusted-types lit-html dompurify ect-widgets";

const HEAP_CYCLES = 1000;
/** Growth per round after a forced GC that counts as a leak (noise is tens to hundreds of KB). */
const HEAP_LIMIT_KB = 1024;
const NODES_LIMIT = 200;
const LISTENERS_LIMIT = 50;

const args = process.argv.slice(2);
const dist = join(repoRoot, 'dist');
const fixtures = join(repoRoot, 'test', 'fixtures');
const failures = [];
const fail = (message) => {
  failures.push(message);
  console.log(`  FAIL ${message}`);
};

// ---------------------------------------------------------------------------------------------
// The build

/** Tags src/index.ts registers: its `export { X } from './dir/file.js'` lines, then `@defineElement('…')`. */
function registeredTags() {
  const index = readFileSync(join(repoRoot, 'src', 'index.ts'), 'utf8');
  const tags = [];
  for (const [, path] of index.matchAll(/^export\s*\{[^}]*\}\s*from\s*'\.\/([^']+)\.js'/gm)) {
    const file = join(repoRoot, 'src', `${path}.ts`);
    if (!existsSync(file)) continue;
    for (const [, tag] of readFileSync(file, 'utf8').matchAll(
      /@(?:customElement|defineElement)\('(ect-[a-z-]+)'\)/g,
    )) {
      tags.push(tag);
    }
  }
  return tags.sort();
}

// ---------------------------------------------------------------------------------------------
// The pages

const TYPES = {
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
};

const escapeHtml = (text) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** What a data block may hold: `</script` would end it early. */
const dataBlock = (text) => text.replace(/<\/(script)/gi, '<\\/$1');

/** The elements of the CSP page: per tag, one per feed format of its kind, one with inline data. */
function cspElements(tags) {
  const elements = [];
  for (const tag of tags) {
    const sample = sampleFor(tag);
    const attributes = Object.entries(sample.attributes)
      .map(([name, value]) => ` ${name}="${escapeHtml(value)}"`)
      .join('');
    const feeds = feedsOfKind(sample.kind).map((name) => FEEDS[name].file);
    if (sample.kind === 'items') feeds.push(...HOSTILE_FEEDS);
    for (const file of feeds) {
      elements.push(`<${tag}${attributes} refresh="0" src="/feeds/${file}"></${tag}>`);
    }
    const inline = FEEDS[sample.inline];
    const text = readFileSync(join(fixtures, inline.file), 'utf8');
    elements.push(
      `<${tag}${attributes}><script type="${inline.type}">${dataBlock(text)}</script></${tag}>`,
    );
  }
  return elements;
}

/** Collects violations from the moment it runs (a classic script, before any module). */
const LISTEN_JS = `window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(event.disposition + ' ' + event.effectiveDirective + ': ' +
    (event.blockedURI || '') + ' ' + (event.sample || '') + ' at ' + event.sourceFile + ':' + event.lineNumber);
});
window.__errors = [];
window.addEventListener('error', (event) => window.__errors.push(String(event.message)));
window.addEventListener('unhandledrejection', (event) => window.__errors.push(String(event.reason)));
document.addEventListener('ect-error', (event) => {
  event.target.dataset.error = event.detail.message;
  event.target.dataset.errorCode = event.detail.code;
});
`;

/** Waits for every element to settle, then reports (a module, after the bundle). */
const CHECK_JS = `import * as library from './dist/ect-widgets.js';
const expected = JSON.parse(document.getElementById('expected').textContent);
const registered = Object.values(library)
  .filter((value) => typeof value === 'function')
  .map((value) => customElements.getName(value))
  .filter((tag) => tag && tag.startsWith('ect-'))
  .sort();
const elements = [...document.querySelectorAll(expected.join(','))];
const settled = () => elements.every((el) => ['ready', 'empty', 'error'].includes(el.getAttribute('state')));
const start = performance.now();
while (!settled() && performance.now() - start < 20000) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
// Late violations (an image, a lazy chunk) have a moment to show.
await new Promise((resolve) => setTimeout(resolve, 500));
window.__result = {
  registered,
  defined: expected.filter((tag) => customElements.get(tag)),
  elements: elements.map((el) => ({
    tag: el.localName,
    feed: el.getAttribute('src') || 'inline data',
    state: el.getAttribute('state'),
    error: el.dataset.error,
    text: (el.shadowRoot?.textContent ?? '').replace(/\\s+/g, ' ').trim().slice(0, 60),
  })),
  violations: window.__violations,
  errors: window.__errors,
};
document.documentElement.dataset.done = '';
`;

/** Where the copy of dist/ whose iCalendar parser chunk cannot be fetched is served. */
const FAILING_DIST = '/failing-dist/';
const FAILING_CHUNK = /^chunks\/parse-ics-[\w-]+\.js$/;

/**
 * Waits for the calendar of the parser-failure page to settle, then reports. Its feed URL is
 * its own (a query added), so that no copy of the feed cached by the CSP page shows instead.
 */
const PARSER_FAILURE_JS = `import '.${FAILING_DIST}ect-widgets.js';
const el = document.querySelector('ect-calendar');
const start = performance.now();
while (!['ready', 'empty', 'error'].includes(el.getAttribute('state')) && performance.now() - start < 20000) {
  await new Promise((resolve) => setTimeout(resolve, 50));
}
await el.updateComplete;
window.__result = {
  state: el.getAttribute('state'),
  error: el.dataset.error,
  code: el.dataset.errorCode,
  shown: (el.shadowRoot?.querySelector('[part~="error"]')?.textContent ?? '').replace(/\\s+/g, ' ').trim(),
  violations: window.__violations,
  errors: window.__errors,
};
document.documentElement.dataset.done = '';
`;

/** Breaks the policy on purpose: an inline style attribute, and HTML through innerHTML. */
const CANARY_JS = `document.getElementById('styled').setAttribute('style', 'color: red');
let trustedTypes = false;
try {
  document.getElementById('styled').innerHTML = '<b>not trusted</b>';
} catch (error) {
  trustedTypes = error instanceof TypeError;
}
setTimeout(() => {
  window.__result = { violations: window.__violations, trustedTypes };
  document.documentElement.dataset.done = '';
}, 500);
`;

/** Creates, connects and removes elements for the heap figures (no policy on this page). */
const HEAP_JS = `import * as library from './dist/ect-widgets.js';
const samples = JSON.parse(document.getElementById('samples').textContent);
const stage = document.getElementById('stage');
const task = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => { channel.port1.close(); resolve(); };
  channel.port2.postMessage(null);
});
// Feeds answered from memory: the figures are about the elements, not about the network.
library.setFeedFetch(async (url) => {
  const sample = samples.find((s) => url.endsWith(s.src));
  return new Response(sample.text, { headers: { 'Content-Type': sample.type } });
});
const kept = [];
window.cycle = async (tag, times, leak = false) => {
  const sample = samples.find((s) => s.tag === tag);
  for (let i = 0; i < times; i++) {
    const el = document.createElement(tag);
    for (const [name, value] of Object.entries(sample.attributes)) el.setAttribute(name, value);
    el.setAttribute('src', sample.src);
    stage.append(el);
    // Every fourth element is shown with its data; the others leave while loading.
    if (i % 4 === 0) {
      const start = performance.now();
      while (el.getAttribute('state') === 'loading' && performance.now() - start < 5000) await task();
    }
    await el.updateComplete;
    el.remove();
    // The canary: a page that keeps every element it removed.
    if (leak) kept.push(el);
    await task();
  }
  await new Promise((resolve) => setTimeout(resolve, 200));
  return { state: 'done' };
};
window.ready = true;
`;

function page({ title, head, body }) {
  return `<!doctype html>
<html lang="th">
<head>
<meta charset="utf-8">
<title>${title}</title>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

async function startServer(tags) {
  const reports = [];
  const refused = [];
  const cspPage = page({
    title: 'ect-widgets under a strict CSP',
    head: [
      '<script src="/listen.js"></script>',
      '<script type="module" src="/dist/ect-widgets.js"></script>',
      '<script type="module" src="/check.js"></script>',
    ].join('\n'),
    body: [
      `<script type="application/json" id="expected">${JSON.stringify(tags)}</script>`,
      '<main>',
      ...cspElements(tags),
      '</main>',
    ].join('\n'),
  });
  const canaryPage = page({
    title: 'CSP canary',
    head: '<script src="/listen.js"></script>\n<script type="module" src="/canary.js"></script>',
    body: '<p id="styled">canary</p>',
  });
  const heapPage = page({
    title: 'ect-widgets heap',
    head: '<script type="module" src="/heap.js"></script>',
    body: [
      `<script type="application/json" id="samples">${dataBlock(
        JSON.stringify(
          tags.map((tag) => {
            const sample = sampleFor(tag);
            const feed = FEEDS[sample.feed];
            return {
              tag,
              attributes: sample.attributes,
              src: `/memory/${feed.file}`,
              type: feed.type,
              text: readFileSync(join(fixtures, feed.file), 'utf8'),
            };
          }),
        ),
      )}</script>`,
      '<div id="stage"></div>',
    ].join('\n'),
  });
  const parserFailurePage = page({
    title: 'ect-widgets without its iCalendar parser',
    head: '<script src="/listen.js"></script>\n<script type="module" src="/parser-failure.js"></script>',
    body: `<ect-calendar lang="en" month="2022-08" refresh="0" src="/feeds/${FEEDS.ics.file}?no-parser"></ect-calendar>`,
  });
  const policyHeaders = {
    'Content-Security-Policy': POLICY,
    'Content-Security-Policy-Report-Only': `${POLICY}; report-uri /csp-report`,
  };
  const fixed = {
    '/': { type: 'text/html; charset=utf-8', body: cspPage, headers: policyHeaders },
    '/canary.html': { type: 'text/html; charset=utf-8', body: canaryPage, headers: policyHeaders },
    '/parser-failure.html': {
      type: 'text/html; charset=utf-8',
      body: parserFailurePage,
      headers: policyHeaders,
    },
    '/heap.html': { type: 'text/html; charset=utf-8', body: heapPage },
    '/listen.js': { type: TYPES['.js'], body: LISTEN_JS },
    '/check.js': { type: TYPES['.js'], body: CHECK_JS },
    '/canary.js': { type: TYPES['.js'], body: CANARY_JS },
    '/parser-failure.js': { type: TYPES['.js'], body: PARSER_FAILURE_JS },
    '/heap.js': { type: TYPES['.js'], body: HEAP_JS },
  };
  const feedTypes = Object.fromEntries(Object.values(FEEDS).map((feed) => [feed.file, feed.type]));
  for (const file of HOSTILE_FEEDS) {
    feedTypes[file] ??= file.startsWith('atom') ? FEEDS.atom.type : FEEDS.rss.type;
  }
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    const headers = { 'Cache-Control': 'no-store' };
    if (path === '/csp-report') {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        reports.push(body);
        res.writeHead(204).end();
      });
      return;
    }
    const answer = fixed[path];
    if (answer) {
      res.writeHead(200, { ...headers, ...answer.headers, 'Content-Type': answer.type });
      res.end(answer.body);
      return;
    }
    if (path.startsWith(FAILING_DIST) && FAILING_CHUNK.test(path.slice(FAILING_DIST.length))) {
      refused.push(path);
      res.writeHead(503, headers).end();
      return;
    }
    const file = path.startsWith('/dist/')
      ? inside(dist, path.slice('/dist/'.length))
      : path.startsWith(FAILING_DIST)
        ? inside(dist, path.slice(FAILING_DIST.length))
        : path.startsWith('/feeds/')
          ? inside(fixtures, path.slice('/feeds/'.length))
          : undefined;
    if (!file) {
      res.writeHead(path === '/favicon.ico' ? 204 : 404, headers).end();
      return;
    }
    const name = file.split(sep).pop();
    const type = TYPES[extname(file)] ?? feedTypes[name] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'Content-Type': type });
    res.end(readFileSync(file));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    reports,
    refused,
    close: () => new Promise((resolve) => server.close(resolve)),
  };
}

/** A file under `root`, never outside it. */
function inside(root, path) {
  const file = normalize(join(root, path));
  if (!file.startsWith(root + sep) || !existsSync(file) || !statSync(file).isFile())
    return undefined;
  return file;
}

// ---------------------------------------------------------------------------------------------
// The browsers

const CSP_CONSOLE = /Content[- ]Security[- ]Policy|Trusted Type|TrustedHTML|TrustedScript/i;

async function openChromium() {
  const browser = await launchChromium();
  return driver('Chromium', browser);
}

async function openFirefox() {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
    headless: true,
    // Firefox ESR 140 has Trusted Types behind this preference (on by default from a later
    // release); without it the canary below would prove nothing there.
    extraPrefsFirefox: { 'dom.security.trusted_types.enabled': true },
  });
  return driver('Firefox', browser);
}

/**
 * Opens test pages in `browser` (Playwright's or Puppeteer's: the calls used are the same):
 * each page's result, once it marks itself done, and its console messages and uncaught errors.
 */
function driver(name, browser) {
  return {
    name,
    close: () => browser.close(),
    async open(url) {
      const page = await browser.newPage();
      const console_ = [];
      page.on('console', (message) => console_.push(`${message.type()}: ${message.text()}`));
      page.on('pageerror', (error) => console_.push(`pageerror: ${error.message}`));
      await page.goto(url);
      await page.waitForSelector('html[data-done]', { timeout: 60000 });
      return { result: await page.evaluate(() => window.__result), console: console_, page };
    },
  };
}

async function checkCsp(browser, server, tags) {
  console.log(`\n${browser.name}: strict CSP`);
  // The canary: each detector must see the violations it causes.
  const before = server.reports.length;
  const canary = await browser.open(`${server.url}/canary.html`);
  await canary.page.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const canaryReports = server.reports.length - before;
  const seen = canary.result.violations.length;
  console.log(
    `  canary: ${seen} violation event(s), ${canaryReports} report(s), ` +
      `${canary.console.filter((line) => CSP_CONSOLE.test(line)).length} console message(s); ` +
      `Trusted Types ${canary.result.trustedTypes ? 'enforced' : 'NOT enforced'}`,
  );
  if (!seen)
    fail(`${browser.name}: the canary's violations raised no securitypolicyviolation event`);
  if (!canaryReports) fail(`${browser.name}: the canary's violations reached no report endpoint`);
  if (!canary.result.trustedTypes) {
    fail(`${browser.name}: Trusted Types are not enforced, so the check would prove nothing`);
  }

  const reportsBefore = server.reports.length;
  const { result, console: messages, page } = await browser.open(`${server.url}/`);
  await page.close();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const reports = server.reports.slice(reportsBefore);
  const missing = tags.filter((tag) => !result.defined.includes(tag));
  if (missing.length)
    fail(`${browser.name}: dist/ect-widgets.js does not define ${missing.join(', ')}`);
  const extra = result.registered.filter((tag) => !tags.includes(tag));
  if (extra.length)
    fail(`${browser.name}: the bundle registers ${extra.join(', ')}, which src/index.ts does not`);
  for (const el of result.elements) {
    const line = `<${el.tag}> ${el.feed}: ${el.state}${el.error ? ` (${el.error})` : ''}`;
    if (el.state === 'ready') console.log(`  ok   ${line} — ${el.text}`);
    else fail(`${browser.name}: ${line}`);
  }
  for (const violation of result.violations) fail(`${browser.name}: violation ${violation}`);
  for (const report of reports) fail(`${browser.name}: report ${report.slice(0, 300)}`);
  for (const message of messages.filter(
    (line) => CSP_CONSOLE.test(line) || /^(error|pageerror)/.test(line),
  )) {
    fail(`${browser.name}: console ${message}`);
  }
  for (const error of result.errors) fail(`${browser.name}: uncaught ${error}`);
  console.log(
    `  ${result.elements.length} elements, ${result.violations.length} violation events, ` +
      `${reports.length} reports, ${messages.filter((line) => CSP_CONSOLE.test(line)).length} CSP console messages`,
  );
}

/** A parser chunk that cannot be fetched ends in the error state, saying so. */
async function checkParserFailure(browser, server) {
  const refusedBefore = server.refused.length;
  const { result, page } = await browser.open(`${server.url}/parser-failure.html`);
  await page.close();
  const line = `<ect-calendar> without its iCalendar parser chunk: ${result.state}${result.error ? ` (${result.error})` : ''}`;
  // The ect-error's message for developers, its code, and the sentence the element shows (in
  // its language, English here: src/element/error-text.ts).
  const expected = 'iCalendar: the parser could not be loaded (offline?)';
  const sentence = 'Could not load what reads iCalendar (offline?)';
  if (server.refused.length === refusedBefore) {
    fail(`${browser.name}: the page never asked for chunks/parse-ics-*.js`);
  } else if (
    result.state !== 'error' ||
    result.error !== expected ||
    result.code !== 'parser' ||
    !result.shown.includes(sentence)
  ) {
    fail(`${browser.name}: ${line}, shown: ${result.shown || 'nothing'}`);
  } else console.log(`  ok   ${line}`);
  for (const violation of result.violations) fail(`${browser.name}: violation ${violation}`);
  for (const error of result.errors) fail(`${browser.name}: uncaught ${error}`);
}

async function checkHeap(server, tags) {
  console.log(
    `\nChromium: heap over two rounds of ${HEAP_CYCLES} connect/disconnect cycles per element (after a forced GC)`,
  );
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.goto(`${server.url}/heap.html`);
    await page.waitForFunction(() => window.ready === true);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const measure = async () => {
      for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
      const { usedSize } = await cdp.send('Runtime.getHeapUsage');
      const counters = await cdp.send('Memory.getDOMCounters');
      return { heap: usedSize, nodes: counters.nodes, listeners: counters.jsEventListeners };
    };
    const signed = (n, unit = '') => `${n >= 0 ? '+' : ''}${n.toFixed(0)}${unit}`;
    const rows = [
      ['element', 'heap at start', 'growth 1st', 'growth 2nd', 'DOM nodes', 'listeners'],
    ];
    for (const tag of tags) {
      // Warm up (lazy chunks, template caches, formatters), then two rounds: a leak grows in
      // both, a cache filling up only in the first.
      await page.evaluate(([t]) => window.cycle(t, 50), [tag]);
      const start = await measure();
      await page.evaluate(([t, n]) => window.cycle(t, n), [tag, HEAP_CYCLES]);
      const middle = await measure();
      await page.evaluate(([t, n]) => window.cycle(t, n), [tag, HEAP_CYCLES]);
      const end = await measure();
      const first = (middle.heap - start.heap) / 1024;
      const second = (end.heap - middle.heap) / 1024;
      const nodes = end.nodes - start.nodes;
      const listeners = end.listeners - start.listeners;
      rows.push([
        `<${tag}>`,
        `${(start.heap / 1048576).toFixed(2)} MB`,
        signed(first, ' KB'),
        signed(second, ' KB'),
        signed(nodes),
        signed(listeners),
      ]);
      const growth = Math.min(first, second);
      if (growth > HEAP_LIMIT_KB) {
        fail(`<${tag}>: heap grew ${growth.toFixed(0)} KB in each round of ${HEAP_CYCLES} cycles`);
      }
      if (nodes > NODES_LIMIT)
        fail(`<${tag}>: ${nodes} more DOM nodes after ${2 * HEAP_CYCLES} cycles`);
      if (listeners > LISTENERS_LIMIT) {
        fail(`<${tag}>: ${listeners} more listeners after ${2 * HEAP_CYCLES} cycles`);
      }
    }
    const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => row[i].length)));
    for (const row of rows) {
      console.log(
        `  ${row.map((cell, i) => (i ? cell.padStart(widths[i]) : cell.padEnd(widths[i]))).join('  ')}`,
      );
    }
    // The canary: a page keeping 200 removed elements must show.
    const before = await measure();
    await page.evaluate(([t]) => window.cycle(t, 200, true), [tags[0]]);
    const after = await measure();
    const kept = `${signed((after.heap - before.heap) / 1024, ' KB')}, ${signed(after.nodes - before.nodes)} DOM nodes`;
    console.log(`  canary: a page keeping 200 removed <${tags[0]}>: ${kept}`);
    if (after.nodes - before.nodes <= NODES_LIMIT) {
      fail(`the heap check does not see 200 kept elements (${kept})`);
    }
    for (const error of errors) fail(`heap page: uncaught ${error}`);
  } finally {
    await browser.close();
  }
}

// ---------------------------------------------------------------------------------------------

ensureBuilt({ noBuild: args.includes('--no-build') });
const tags = registeredTags();
if (!tags.length) {
  console.error('src/index.ts registers no element');
  process.exit(1);
}
for (const tag of tags) sampleFor(tag); // Throws, naming samples.js, for a tag without a row.
console.log(`Elements registered by src/index.ts: ${tags.join(', ')}`);
console.log(`Policy: ${POLICY}`);

const server = await startServer(tags);
try {
  if (!args.includes('--heap-only')) {
    for (const open of [openChromium, openFirefox]) {
      const browser = await open();
      try {
        await checkCsp(browser, server, tags);
        await checkParserFailure(browser, server);
      } finally {
        await browser.close();
      }
    }
  }
  if (!args.includes('--csp-only')) await checkHeap(server, tags);
} finally {
  await server.close();
}

console.log(failures.length ? `\n${failures.length} failure(s).` : '\nAll dist checks passed.');
process.exitCode = failures.length ? 1 : 0;
