// Which lazy chunks a page that uses only dist/ect-widgets.js makes the browser fetch: element
// pages (RSS), and pages that parse iCalendar and CSV with the bundle's parseFeed. Element views
// (`chunks/<element>.view-*.js`) load for the elements on the page only; parsers, ical.js,
// papaparse and the sanitizer only when a feed needs them.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const title = 'Lazy chunks fetched by a page using dist/ect-widgets.js';

const TIMEOUT = 15_000;
// dist/ served from a folder of its own, as from a CDN: chunks must load relative to the bundle.
const MOUNT = '/cdn/ect-widgets@0/';

const rss = (descriptions) => `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย</title>
<link>https://www.ect.go.th/chiangrai/</link>
<description>ข่าวประกาศ</description>
${descriptions
  .map(
    (description, i) => `<item>
  <title>ประกาศที่ ${i + 1}/2565 เรื่องการรับสมัครเลือกตั้ง</title>
  <link>https://www.ect.go.th/chiangrai/announce/${i + 1}</link>
  <guid>announce-${i + 1}</guid>
  <pubDate>Thu, ${16 - i} Jun 2022 09:30:00 +0700</pubDate>
  <category>ข่าวประกาศ</category>
  <description>${description}</description>
</item>`,
  )
  .join('\n')}
</channel></rss>`;

const FEEDS = {
  'plain RSS': rss([
    'ผู้สมัครยื่นใบสมัครได้ที่ศาลากลางจังหวัด',
    'ตรวจสอบรายชื่อผู้มีสิทธิเลือกตั้งได้ที่สำนักทะเบียน',
    'Plain text &amp; an entity, no markup',
  ]),
  'RSS with HTML descriptions': rss([
    '<![CDATA[<p>ผู้สมัครยื่นใบสมัครได้ที่<b>ศาลากลางจังหวัด</b></p>]]>',
    '&lt;p&gt;ตรวจสอบรายชื่อ &lt;a href="https://www.ect.go.th/"&gt;ที่นี่&lt;/a&gt;&lt;/p&gt;',
    '<![CDATA[<p onclick="alert(1)">Markup with a handler</p>]]>',
  ]),
};

const ICS = `BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//ECT Chiang Rai//bench//TH\r
BEGIN:VEVENT\r
UID:bench-1@ect.go.th\r
DTSTAMP:20220601T000000Z\r
DTSTART;TZID=Asia/Bangkok:20220616T093000\r
DTEND;TZID=Asia/Bangkok:20220616T120000\r
SUMMARY:รับสมัครเลือกตั้ง\r
END:VEVENT\r
END:VCALENDAR\r
`;

const CSV =
  '\ufeffหมายเลข,ชื่อ,พรรค,คะแนน\r\n1,นายสมชาย ใจดี,พรรค ก,"40,877"\r\n2,นางสาวสมศรี มีสุข,พรรค ข,35104\r\n';

/**
 * Pages that parse a feed with the bundle's own `parseFeed` (no element shows events or results
 * yet): what they report, and that a parse failure in a lazy chunk is the bundle's FeedError.
 */
const PARSED = {
  'iCalendar through parseFeed': {
    feed: { path: '/feeds/events.ics', type: 'text/calendar; charset=utf-8', body: ICS },
    expect: (data) =>
      data.kind === 'events' && data.events[0]?.start === '2022-06-16T09:30:00+07:00',
  },
  'CSV through parseFeed': {
    feed: { path: '/feeds/results.csv', type: 'text/csv; charset=utf-8', body: CSV },
    expect: (data) => data.kind === 'results' && data.races[0]?.candidates[0]?.votes === 40877,
  },
  'broken CSV: a FeedError': {
    feed: { path: '/feeds/broken.csv', type: 'text/csv', body: 'name,party\r\nก,ข\r\n' },
    expect: (data) => data.error === 'FeedError' && /^CSV: missing column/.test(data.message),
  },
};

/**
 * The feature chunks each page should fetch besides the bundle and element views (targets,
 * checked with --check). Views: each element on a page fetches its own view chunk
 * (`chunks/<element>.view-<hash>.js`, where the build has one), and no other element's.
 */
const EXPECTED = {
  'plain RSS': [],
  // Our sanitizer with DOMPurify inside.
  'RSS with HTML descriptions': ['sanitize'],
  'list and ticker, plain RSS': [],
  'iCalendar through parseFeed': ['parse-ics', 'ical'],
  'CSV through parseFeed': ['parse-csv', 'papaparse'],
  'broken CSV: a FeedError': ['parse-csv', 'papaparse'],
};

/** Element pages: the feed and the tags they show. */
const ELEMENT_PAGES = {
  'plain RSS': { feed: 'plain RSS', tags: ['ect-announcement-list'] },
  'RSS with HTML descriptions': {
    feed: 'RSS with HTML descriptions',
    tags: ['ect-announcement-list'],
  },
  'list and ticker, plain RSS': {
    feed: 'plain RSS',
    tags: ['ect-announcement-list', 'ect-news-ticker'],
  },
};

/** Loads per page for the "ready after" median, after one warm-up load (the checked one). */
const RUNS = 3;

/** The page script: parses one feed and publishes the result (or the error) for the bench. */
const parsePage = (
  feedPath,
) => `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>
<script type="module">
import { parseFeed, FeedError } from '${MOUNT}ect-widgets.js';
const response = await fetch('${feedPath}');
window.benchResult = parseFeed(await response.arrayBuffer(), {
  contentType: response.headers.get('content-type'),
}).then(
  (data) => data,
  (error) => ({ error: error instanceof FeedError ? 'FeedError' : String(error), message: error.message }),
);
</script>`;

export async function run({ dist, table, target, line, browser, serve, median }) {
  const results = [];
  const files = {};
  const chunks = chunkGraph(dist);
  const feedIndex = Object.keys(FEEDS);
  feedIndex.forEach((name, i) => {
    files[`/feeds/${i}.rss`] = { type: 'application/rss+xml; charset=utf-8', body: FEEDS[name] };
  });
  const pages = Object.entries(ELEMENT_PAGES).map(([name, { feed, tags }], i) => {
    const src = `/feeds/${feedIndex.indexOf(feed)}.rss`;
    files[`/page-${i}.html`] = {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>
<script type="module" src="${MOUNT}ect-widgets.js"></script>
${tags.map((tag) => `<${tag} src="${src}"></${tag}>`).join('\n')}`,
    };
    return { name, path: `/page-${i}.html`, tags, state: (page) => elementState(page, tags) };
  });
  Object.entries(PARSED).forEach(([name, { feed, expect }], i) => {
    files[feed.path] = { type: feed.type, body: feed.body };
    files[`/parse-${i}.html`] = { type: 'text/html; charset=utf-8', body: parsePage(feed.path) };
    pages.push({
      name,
      path: `/parse-${i}.html`,
      tags: [],
      state: (page) => parsedState(page, expect),
    });
  });
  for (const page of pages) page.want = expectedChunks(chunks, EXPECTED[page.name], page.tags);
  const server = await serve({ root: dist, mount: MOUNT, files });
  const chromium = await browser();
  const loads = pages.map(() => ({ times: [], failures: [] }));
  try {
    // The first round is the checked one (it waits for the network to go quiet, so a chunk
    // fetched late shows too) and a warm-up; the pages take turns in every round.
    for (let run = 0; run <= RUNS; run++) {
      for (const [i, page] of pages.entries()) {
        const load = await loadPage(chromium, server, page, run === 0);
        if (run === 0) loads[i].first = load;
        else loads[i].times.push(load.readyAfter);
        if (load.failure) loads[i].failures.push(load.failure);
      }
    }
  } finally {
    await server.close();
  }
  const views = Object.keys(chunks.views);
  const rows = [
    ['page', 'state', `ready after (median of ${RUNS})`, 'chunks fetched', 'bundle loads'],
  ];
  for (const [i, page] of pages.entries()) {
    const { first, times, failures } = loads[i];
    rows.push([
      page.name,
      first.state,
      times.length ? `${median(times)} ms` : '-',
      first.names.map((n) => n.replace(/^chunks\//, '')).join(', ') || 'none',
      String(first.bundles),
    ]);
    const features = EXPECTED[page.name];
    const pageViews = page.tags.map((tag) => tag.slice(4)).filter((name) => chunks.views[name]);
    const wanted = [
      ...(features.length
        ? [`the ${features.join(', ')} chunk${features.length > 1 ? 's' : ''}`]
        : []),
      ...(pageViews.length
        ? [`the ${pageViews.join(', ')} view${pageViews.length > 1 ? 's' : ''}`]
        : []),
    ];
    results.push([
      `${page.name}: fetches ${wanted.length ? `${wanted.join(' and ')} only` : 'no chunk'}`,
      failures.length === 0,
      failures[0],
    ]);
  }
  table(rows);
  // Which elements the build has views for decides what the pages above should fetch.
  line(`  (views in dist/chunks: ${views.length ? views.join(', ') : 'none'})`);
  for (const result of results) target(...result);
}

/**
 * Loads one page and compares the chunks it fetched with `page.want`. `settle`: also wait for
 * the network to go quiet (slower; catches a chunk fetched after the page is ready).
 */
async function loadPage(chromium, server, page, settle) {
  const tab = await chromium.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  try {
    server.requests.length = 0;
    const started = Date.now();
    await tab.goto(server.url + page.path);
    let state = 'timeout';
    try {
      state = await page.state(tab);
    } catch {
      // Reported as the state "timeout".
    }
    const readyAfter = Date.now() - started;
    if (settle) await tab.waitForLoadState('networkidle');
    const scripts = server.requests.filter((p) => p.endsWith('.js'));
    const names = scripts
      .filter((p) => !p.endsWith('/ect-widgets.js'))
      .map((p) => p.slice(MOUNT.length));
    // A lazy chunk importing the bundle under another URL would load a second copy.
    const bundles = scripts.length - names.length;
    const missing = page.want.filter((name) => !names.includes(name));
    const extra = names.filter((name) => !page.want.includes(name));
    const twice = names.filter((name, i) => names.indexOf(name) !== i);
    let failure;
    if (state !== 'ready') failure = `state ${state}`;
    else if (errors.length) failure = `uncaught: ${errors[0]}`;
    else if (bundles !== 1) failure = `the bundle loaded ${bundles} times`;
    else if (missing.length) failure = `not fetched: ${missing.join(', ')}`;
    else if (extra.length) failure = `also fetched: ${extra.join(', ')}`;
    else if (twice.length) failure = `fetched twice: ${twice.join(', ')}`;
    return { state, readyAfter, names, bundles, failure };
  } finally {
    await tab.close();
  }
}

/**
 * The lazy chunks in dist/chunks: element views by element name (`announcement-list`, …) and
 * the chunks each one imports statically (a chunk shared by several lazy ones comes with them).
 */
function chunkGraph(dist) {
  const dir = join(dist, 'chunks');
  const names = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.js')) : [];
  const imports = {};
  const views = {};
  for (const name of names) {
    const code = readFileSync(join(dir, name), 'utf8');
    // Minified static imports of a sibling chunk: `from"./x-hash.js"` or `import"./x-hash.js"`.
    imports[`chunks/${name}`] = [...code.matchAll(/(?:from|import)\s*["'`]\.\/([^"'`]+\.js)["'`]/g)]
      .map((match) => `chunks/${match[1]}`)
      .filter((path) => names.includes(path.slice('chunks/'.length)));
    const view = /^(.+)\.view-[\w-]+\.js$/.exec(name);
    if (view) views[view[1]] = `chunks/${name}`;
  }
  return { names: names.map((name) => `chunks/${name}`), imports, views };
}

/** The chunk paths a page should fetch: its feature chunks, its elements' views, their imports. */
function expectedChunks(chunks, features, tags) {
  const want = new Set();
  const add = (path) => {
    if (want.has(path)) return;
    want.add(path);
    for (const imported of chunks.imports[path] ?? []) add(imported);
  };
  for (const prefix of features) {
    for (const path of chunks.names) if (path.startsWith(`chunks/${prefix}-`)) add(path);
  }
  for (const tag of tags) {
    const view = chunks.views[tag.slice('ect-'.length)];
    if (view) add(view);
  }
  return [...want];
}

/** The state the page's elements reflect, once none is `loading` (`ready` when all are). */
async function elementState(page, tags) {
  const handle = await page.waitForFunction(
    (names) => {
      const states = names.map((tag) => document.querySelector(tag)?.getAttribute('state'));
      if (states.some((value) => !value || value === 'loading')) return undefined;
      return states.find((value) => value !== 'ready') ?? 'ready';
    },
    tags,
    { timeout: TIMEOUT },
  );
  return handle.jsonValue();
}

/** `ready` when the page's parse result is what `expect` wants, else what it got. */
async function parsedState(page, expect) {
  await page.waitForFunction(() => window.benchResult, undefined, { timeout: TIMEOUT });
  const result = await page.evaluate(() => window.benchResult);
  return expect(result) ? 'ready' : JSON.stringify(result).slice(0, 80);
}
