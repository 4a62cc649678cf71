// Which lazy chunks a page that uses only dist/ect-widgets.js makes the browser fetch: element
// pages (RSS), and pages that parse iCalendar and CSV with the bundle's parseFeed.
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

/** What each page should fetch besides the bundle (targets, checked with --check). */
const EXPECTED = {
  'plain RSS': [],
  // Our sanitizer with DOMPurify inside.
  'RSS with HTML descriptions': ['sanitize'],
  'iCalendar through parseFeed': ['parse-ics', 'ical'],
  'CSV through parseFeed': ['parse-csv', 'papaparse'],
  'broken CSV: a FeedError': ['parse-csv', 'papaparse'],
};

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

export async function run({ dist, table, target, browser, serve }) {
  const results = [];
  const files = {};
  const pages = Object.keys(FEEDS).map((name, i) => {
    files[`/feeds/${i}.rss`] = { type: 'application/rss+xml; charset=utf-8', body: FEEDS[name] };
    files[`/page-${i}.html`] = {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>
<script type="module" src="${MOUNT}ect-widgets.js"></script>
<ect-announcement-list src="/feeds/${i}.rss"></ect-announcement-list>`,
    };
    return { name, path: `/page-${i}.html`, state: elementState };
  });
  Object.entries(PARSED).forEach(([name, { feed, expect }], i) => {
    files[feed.path] = { type: feed.type, body: feed.body };
    files[`/parse-${i}.html`] = { type: 'text/html; charset=utf-8', body: parsePage(feed.path) };
    pages.push({ name, path: `/parse-${i}.html`, state: (page) => parsedState(page, expect) });
  });
  const server = await serve({ root: dist, mount: MOUNT, files });
  const chromium = await browser();
  const rows = [['page', 'state', 'ready after', 'chunks fetched', 'bundle loads']];
  try {
    for (const { name, path, state: check } of pages) {
      const page = await chromium.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      server.requests.length = 0;
      const started = Date.now();
      await page.goto(server.url + path);
      let state = 'timeout';
      try {
        state = await check(page);
      } catch {
        // Reported as the state "timeout".
      }
      const readyAfter = `${Date.now() - started} ms`;
      await page.waitForLoadState('networkidle');
      const scripts = server.requests.filter((p) => p.endsWith('.js'));
      const names = scripts
        .filter((p) => !p.endsWith('/ect-widgets.js'))
        .map((p) => p.slice(MOUNT.length));
      // A lazy chunk importing the bundle under another URL would load a second copy.
      const bundles = scripts.length - names.length;
      rows.push([name, state, readyAfter, names.join(', ') || 'none', String(bundles)]);
      const want = EXPECTED[name];
      const pass =
        state === 'ready' &&
        errors.length === 0 &&
        bundles === 1 &&
        names.length === want.length &&
        want.every((prefix) => names.some((n) => n.startsWith(`chunks/${prefix}-`)));
      results.push([
        `${name}: fetches ${want.length ? `the ${want.join(', ')} chunk${want.length > 1 ? 's' : ''} only` : 'no chunk'}`,
        pass,
        errors.length ? `uncaught: ${errors[0]}` : undefined,
      ]);
      await page.close();
    }
  } finally {
    await server.close();
  }
  table(rows);
  for (const result of results) target(...result);
}

/** The state the element reflects, once it is not `loading`. */
async function elementState(page) {
  const handle = await page.waitForFunction(
    () => {
      const value = document.querySelector('ect-announcement-list')?.getAttribute('state');
      return value && value !== 'loading' ? value : undefined;
    },
    undefined,
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
