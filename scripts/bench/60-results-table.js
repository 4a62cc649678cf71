// <ect-results-table> against Tabulator (virtual rendering) and Grid.js on 5,000 rows × 7 columns,
// side by side in one headless Chromium page: first render, and a re-sort by votes (a header click).
// Grid.js shows 50 rows a page like ours: rendering all 5,000 rows takes it seconds per run
// (about a minute per render and re-sort on this machine), too long for a bench run in CI.
import { readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { ownCodeSize } from '../lib/bundle.js';

const ROWS = 5000;

export const title = `ect-results-table vs Tabulator and Grid.js: ${ROWS.toLocaleString('en')} rows × 7 columns`;
const RUNS = 11;
/**
 * Runs first, not counted in the medians: the libraries' code is compiled and optimized by then
 * (the very first, cold render is shown apart).
 */
const WARMUP = 2;
const MOUNT = '/cdn/ect-widgets@0/';
/** A run that has not finished by then fails its library. */
const TIMEOUT = 120_000;

const TITLES = ['นาย', 'นาง', 'นางสาว'];
const FIRST = ['สมชาย', 'ไพศาล', 'เกศินี', 'ขจร', 'มาลัย', 'ประเสริฐ', 'อรุณี', 'ธนพล', 'ใจดี', 'วันชัย'];
const LAST = ['ทองคำ', 'ศรีสุข', 'ใจงาม', 'รักถิ่น', 'มีสุข', 'แก้วมณี', 'เชียงแสน', 'บุญมา'];
const PARTIES = [
  ['กลุ่มเชียงรายพัฒนา', '#1f6feb'],
  ['พรรคเพื่อไทย', '#e11d48'],
  ['กลุ่มรักษ์แม่น้ำโขง', '#0e9f6e'],
  ['ผู้สมัครอิสระ', undefined],
];

/** Deterministic candidates, so every library gets the same rows in every run. */
function candidates() {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  return Array.from({ length: ROWS }, (_, i) => {
    const [party, color] = PARTIES[i % PARTIES.length];
    const name = `${TITLES[i % 3]}${FIRST[Math.floor(random() * FIRST.length)]} ${
      LAST[Math.floor(random() * LAST.length)]
    } ${i + 1}`;
    return {
      number: i + 1,
      name,
      party,
      color,
      votes: Math.floor(random() * 50000),
      elected: false,
    };
  });
}

/**
 * In the page: `window.run(library)` renders the table `runs` times and re-sorts it by votes,
 * returning the timings in ms. A step ends when the new rows are in the DOM and laid out.
 */
const harness = `
const data = JSON.parse(document.getElementById('data').textContent);
const total = data.reduce((sum, c) => sum + c.votes, 0);
const order = [...data].sort((a, b) => b.votes - a.votes);
const ranks = new Map(order.map((c, i) => [c, i + 1]));
// The peers get rank and share computed for them; ours computes them itself.
const rows = data.map((c) => ({ ...c, rank: ranks.get(c), share: ((100 * c.votes) / total).toFixed(1) }));
const lowest = String(Math.min(...data.map((c) => c.votes)));
const digits = (text) => (text ?? '').replace(/[^0-9]/g, '');
const layout = () => document.body.getBoundingClientRect();
const until = (test) =>
  new Promise((resolve) => {
    if (test()) return resolve();
    const observer = new MutationObserver(() => test() && (observer.disconnect(), resolve()));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });

const libraries = {
  async ours(box) {
    const el = document.createElement('ect-results-table');
    el.data = { title: 'bench', candidates: data };
    const loaded = new Promise((resolve, reject) => {
      el.addEventListener('ect-load', resolve, { once: true });
      el.addEventListener('ect-error', (e) => reject(new Error(e.detail.message)), { once: true });
    });
    box.append(el);
    await loaded;
    await el.updateComplete;
    const cell = () => el.shadowRoot.querySelector('tbody tr td:nth-child(5)');
    return {
      first: cell,
      async sort() {
        const button = [...el.shadowRoot.querySelectorAll('[part~="sort"]')][3];
        button.click();
        await el.updateComplete;
      },
    };
  },
  async tabulator(box) {
    const table = new Tabulator(box, {
      data: rows,
      height: 500,
      renderVertical: 'virtual',
      layout: 'fitColumns',
      columns: [
        { title: 'ลำดับ', field: 'rank', sorter: 'number' },
        { title: 'หมายเลข', field: 'number', sorter: 'number' },
        { title: 'ผู้สมัคร', field: 'name' },
        { title: 'พรรค', field: 'party' },
        { title: 'คะแนน', field: 'votes', sorter: 'number', headerSortStartingDir: 'asc' },
        { title: 'ร้อยละ', field: 'share', sorter: 'number' },
        { title: 'ผล', field: 'elected', formatter: 'tickCross' },
      ],
    });
    await new Promise((r) => table.on('tableBuilt', r));
    const cell = () => box.querySelector('.tabulator-row .tabulator-cell[tabulator-field="votes"]');
    await until(cell);
    return {
      first: cell,
      sort: () => box.querySelector('.tabulator-col[tabulator-field="votes"] .tabulator-col-title').click(),
      destroy: () => table.destroy(),
    };
  },
  async gridjs(box) {
    const grid = new gridjs.Grid({
      columns: ['ลำดับ', 'หมายเลข', 'ผู้สมัคร', 'พรรค', 'คะแนน', 'ร้อยละ', 'ผล'],
      data: rows.map((r) => [r.rank, r.number, r.name, r.party, r.votes, r.share, r.elected ? '✓' : '']),
      sort: true,
      pagination: { limit: 50 },
    });
    grid.render(box);
    // Its 'ready' event does not come every time: wait for the rows themselves.
    const cell = () => box.querySelector('tbody tr td:nth-child(5)');
    await until(cell);
    return {
      first: cell,
      sort: () => box.querySelectorAll('th button.gridjs-sort')[4].click(),
      destroy: () => grid.destroy?.(),
    };
  },
};

window.run = async (name, runs) => {
  const first = [];
  const sort = [];
  let rendered = 0;
  for (let i = 0; i < runs; i++) {
    const box = document.createElement('div');
    document.body.append(box);
    let start = performance.now();
    const table = await libraries[name](box);
    layout();
    first.push(performance.now() - start);
    rendered = box.querySelectorAll('tr, .tabulator-row').length ||
      box.firstElementChild?.shadowRoot?.querySelectorAll('tbody tr').length;
    start = performance.now();
    await table.sort();
    await until(() => digits(table.first()?.textContent) === lowest);
    layout();
    sort.push(performance.now() - start);
    table.destroy?.();
    box.remove();
    await new Promise((r) => setTimeout(r, 50));
  }
  return { first, sort, rendered };
};
`;

/** The element's modules (see ownCodeSize). */
function ownCode(root) {
  return ownCodeSize(root, 'src/results-table/results-table.ts', (id) =>
    id.includes(`${sep}src${sep}results-table${sep}`),
  );
}

const ms = (value) => `${value.toFixed(0)} ms`;

/** `promise`, or a rejection after `timeout` ms; the timer is cleared so Node can exit at once. */
async function withTimeout(promise, timeout) {
  let timer;
  try {
    return await Promise.race([
      promise,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timed out')), timeout);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

export async function run({ root, dist, table, target, ratio, line, browser, serve, median }) {
  const peers = join(root, 'bench', 'node_modules');
  const read = (path) => readFileSync(join(peers, path));
  const json = JSON.stringify(candidates()).replace(/</g, '\\u003c');
  // A Thai page's font, as on the offices' sites, for every library alike (the browser's default
  // font has no Thai: each text run would go through font fallback).
  const page = (head) => `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>
<style>body { font-family: Sarabun, 'TH Sarabun New', Loma, sans-serif; }</style>
${head}
<script type="application/json" id="data">${json}</script>
<script type="module">${harness}</script>`;
  const files = {
    '/peers/tabulator.js': {
      type: 'text/javascript',
      body: read('tabulator-tables/dist/js/tabulator.min.js'),
    },
    '/peers/tabulator.css': {
      type: 'text/css',
      body: read('tabulator-tables/dist/css/tabulator.min.css'),
    },
    '/peers/gridjs.js': { type: 'text/javascript', body: read('gridjs/dist/gridjs.umd.js') },
    '/peers/gridjs.css': { type: 'text/css', body: read('gridjs/dist/theme/mermaid.min.css') },
    // The three libraries in one page, taking turns on fresh containers: no tab switching, so
    // a page coming back to the front (style, layout and caches redone) weighs on none of them.
    '/all.html': {
      type: 'text/html; charset=utf-8',
      body: page(
        [
          `<script type="module" src="${MOUNT}ect-widgets.js"></script>`,
          '<link rel="stylesheet" href="/peers/tabulator.css"><script src="/peers/tabulator.js"></script>',
          '<link rel="stylesheet" href="/peers/gridjs.css"><script src="/peers/gridjs.js"></script>',
        ].join('\n'),
      ),
    },
  };
  const server = await serve({ root: dist, mount: MOUNT, files });
  const chromium = await browser();
  const libraries = ['ours', 'tabulator', 'gridjs'];
  const results = {};
  const tab = await chromium.newPage({ viewport: { width: 1280, height: 800 } });
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  try {
    await tab.goto(`${server.url}/all.html`);
    await tab.waitForFunction(() => customElements.get('ect-results-table'));
    await tab.waitForFunction(() => typeof window.run === 'function');
    for (const name of libraries) results[name] = { first: [], sort: [], done: 0 };
    // One run of each library in turn, so that a busy moment of the machine hits all alike.
    for (let run = 0; run < WARMUP + RUNS; run++) {
      // A different library first in each round, so none always follows the same one.
      const order = libraries.map((_, i) => libraries[(i + run) % libraries.length]);
      for (const name of order) {
        const result = results[name];
        if (result.error) continue;
        try {
          const once = await withTimeout(
            tab.evaluate((n) => window.run(n, 1), name),
            TIMEOUT,
          );
          result.cold ??= once.first[0];
          if (++result.done > WARMUP) {
            result.first.push(...once.first);
            result.sort.push(...once.sort);
          }
          result.rendered = once.rendered;
        } catch (error) {
          const message = errors[0] ?? String(error.message ?? error);
          result.error = message.split('\n')[0].replace(/^page\.evaluate: (?:Error: )?/, '');
        }
      }
    }
  } finally {
    await tab.close();
    await server.close();
  }
  const labels = {
    ours: 'ect-results-table (real <table>, 50 rows a page)',
    tabulator: 'Tabulator 6.5 (virtual rendering, <div>s)',
    gridjs: 'Grid.js 6.2 (<table>, 50 rows a page)',
  };
  const rows = [
    ['library', 'first render', 're-sort by votes', 'rows in DOM', 'runs', 'cold first render'],
  ];
  for (const [name, result] of Object.entries(results)) {
    rows.push(
      result.error
        ? [labels[name], 'failed', 'failed', '', '', '']
        : [
            labels[name],
            ms(median(result.first)),
            ms(median(result.sort)),
            String(result.rendered),
            String(result.first.length),
            ms(result.cold),
          ],
    );
  }
  table(rows);
  line(
    `  (medians after ${WARMUP} warm-up runs, the libraries taking turns; a step ends when the new` +
      ' rows are in the DOM and laid out; "cold" is the first render of each library in the page)',
  );
  for (const [name, result] of Object.entries(results)) {
    if (result.error) line(`  ${name} failed: ${result.error}`);
  }
  const own = await ownCode(root);
  line(
    `  own code (src/results-table minified, CSS not compacted, without the shared core): ${(own / 1024).toFixed(1)} KB gzip`,
  );
  const ours = results.ours;
  const tabulator = results.tabulator;
  const peerNames = { tabulator: 'Tabulator 6.5', gridjs: 'Grid.js 6.2' };
  for (const peer of ['tabulator', 'gridjs']) {
    for (const [step, key] of [
      ['first render', 'first'],
      ['re-sort', 'sort'],
    ]) {
      const failed = ours.error
        ? `ect-results-table: ${ours.error}`
        : results[peer].error && `${peerNames[peer]}: ${results[peer].error}`;
      ratio({
        label: `results table: ${step} of ${ROWS.toLocaleString('en')} rows vs ${peerNames[peer]}`,
        ours: ours.error ? undefined : median(ours[key]),
        peer: results[peer].error ? undefined : median(results[peer][key]),
        unit: 'ms',
        runs: RUNS,
        target: { ratio: 1 },
        failure: failed || undefined,
      });
    }
  }
  if (ours.error || tabulator.error) {
    target('ect-results-table first render and re-sort ≤ Tabulator', false, 'a page failed');
    return;
  }
  const [oursFirst, oursSort] = [median(ours.first), median(ours.sort)];
  const [tabFirst, tabSort] = [median(tabulator.first), median(tabulator.sort)];
  target(
    'ect-results-table first render and re-sort ≤ Tabulator',
    oursFirst <= tabFirst && oursSort <= tabSort,
    `${ms(oursFirst)} vs ${ms(tabFirst)}, ${ms(oursSort)} vs ${ms(tabSort)}`,
  );
}
