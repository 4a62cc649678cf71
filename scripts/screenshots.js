#!/usr/bin/env node
// Screenshots of the demo for review: each page in Thai and English, 1280 px and 360 px wide,
// full length, in headless chromium, once every ect-* element on it is `ready` or `empty`.
// Writes screenshots/<page>-<lang>-<width>.png (gitignored) and prints the list; exits 1 when an
// element did not get there or the page logged an error (the pictures are still written).
// Usage: npm run screenshots                      the dev demo (vite on a free 127.0.0.1 port)
//        npm run screenshots -- --built           demo-dist/ through vite preview (build:demo first)
//        npm run screenshots -- builder.html ...  other pages of demo/
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { join } from 'node:path';
import { createServer, preview } from 'vite';
import { launchChromium } from './lib/chromium.js';
import { repoRoot } from './lib/paths.js';

const READY_TIMEOUT = 30_000;
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 360, height: 740 },
];
const LANGS = ['th', 'en'];
// lang-switch.js keeps the visitor's choice here; set before the page loads, the page starts in it.
const LANG_KEY = 'ect-demo-lang';

const args = process.argv.slice(2);
const built = args.includes('--built');
const pages = args.filter((arg) => !arg.startsWith('--'));
if (pages.length === 0) pages.push('index.html');

const outDir = join(repoRoot, 'screenshots');
mkdirSync(outDir, { recursive: true });

/** A port nobody listens on now, for a server that wants one up front. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function startDemo() {
  const configFile = join(repoRoot, 'vite.demo.config.ts');
  const port = await freePort();
  const options = { host: '127.0.0.1', port, strictPort: true };
  if (built) {
    if (!existsSync(join(repoRoot, 'demo-dist', 'index.html'))) {
      console.error('demo-dist/ is missing: run npm run build:demo first');
      process.exit(1);
    }
    // vite preview, not a plain file server: it serves the feeds with their charsets.
    const server = await preview({ configFile, logLevel: 'warn', preview: options });
    return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
  }
  // No HMR: an edit elsewhere in the tree must not reload a page halfway through its picture.
  const server = await createServer({
    configFile,
    logLevel: 'warn',
    server: { ...options, hmr: false },
  });
  await server.listen();
  return { url: `http://127.0.0.1:${port}/`, close: () => server.close() };
}

/** Every ect-* element of the page with its state, e.g. `ect-calendar: loading`. */
function elementStates() {
  return [...document.querySelectorAll('*')]
    .filter((el) => el.localName.startsWith('ect-'))
    .map((el) =>
      customElements.get(el.localName)
        ? `${el.localName}: ${el.getAttribute('state') ?? 'no state'}`
        : `${el.localName}: not defined`,
    );
}

function allSettled() {
  const elements = [...document.querySelectorAll('*')].filter((el) =>
    el.localName.startsWith('ect-'),
  );
  return (
    elements.length > 0 &&
    elements.every((el) => ['ready', 'empty'].includes(el.getAttribute('state') ?? ''))
  );
}

/** Scrolls through the page so lazy images load, then waits for every image and the fonts. */
async function settleImages() {
  const images = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.localName === 'img') images.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  for (let y = 0; y < document.documentElement.scrollHeight; y += innerHeight) {
    scrollTo(0, y);
    await new Promise((done) => setTimeout(done, 50));
  }
  scrollTo(0, 0);
  walk(document);
  await Promise.all(
    images.map(
      (img) =>
        img.complete ||
        new Promise((done) => {
          img.addEventListener('load', done, { once: true });
          img.addEventListener('error', done, { once: true });
        }),
    ),
  );
  await document.fonts.ready;
}

const demo = await startDemo();
const browser = await launchChromium();
const written = [];
const problems = [];
try {
  for (const pageName of pages) {
    for (const lang of LANGS) {
      for (const viewport of VIEWPORTS) {
        const label = `${pageName} ${lang} ${viewport.width}px`;
        const context = await browser.newContext({
          viewport,
          locale: lang === 'th' ? 'th-TH' : 'en-GB',
          timezoneId: 'Asia/Bangkok',
        });
        await context.addInitScript(
          ([key, value]) => localStorage.setItem(key, value),
          [LANG_KEY, lang],
        );
        const page = await context.newPage();
        page.on('console', (message) => {
          if (message.type() === 'error') problems.push(`${label}: console: ${message.text()}`);
        });
        page.on('pageerror', (error) => problems.push(`${label}: uncaught: ${error.message}`));
        await page.goto(new URL(pageName, demo.url).href, { waitUntil: 'load' });
        const settled = await page
          .waitForFunction(allSettled, null, { timeout: READY_TIMEOUT, polling: 200 })
          .then(
            () => true,
            () => false,
          );
        if (!settled) {
          const states = await page.evaluate(elementStates);
          problems.push(
            `${label}: not every element ready or empty after ${READY_TIMEOUT / 1000} s: ` +
              (states.length ? states.join(', ') : 'no ect-* element on the page'),
          );
        }
        await page.evaluate(settleImages);
        const file = join(
          outDir,
          `${pageName.replace(/\.html$/, '')}-${lang}-${viewport.width}.png`,
        );
        // Animations stopped at their start: the ticker is in the same place in every picture.
        await page.screenshot({
          path: file,
          fullPage: true,
          animations: 'disabled',
          timeout: 60_000,
        });
        written.push(file);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await demo.close();
}

for (const file of written) {
  console.log(`${file.slice(repoRoot.length + 1)}  (${Math.round(statSync(file).size / 1024)} KB)`);
}
for (const problem of problems) console.error(`problem: ${problem}`);
process.exitCode = problems.length ? 1 : 0;
