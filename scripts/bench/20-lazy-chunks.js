// Which lazy chunks a page that uses only dist/ect-widgets.js makes the browser fetch.
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

/** What each page should fetch besides the bundle (targets, checked with --check). */
const EXPECTED = { 'plain RSS': [], 'RSS with HTML descriptions': ['dompurify'] };

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
    return { name, path: `/page-${i}.html` };
  });
  const server = await serve({ root: dist, mount: MOUNT, files });
  const chromium = await browser();
  const rows = [['page', 'state', 'ready after', 'chunks fetched']];
  try {
    for (const { name, path } of pages) {
      const page = await chromium.newPage();
      const errors = [];
      page.on('pageerror', (error) => errors.push(error.message));
      server.requests.length = 0;
      const started = Date.now();
      await page.goto(server.url + path);
      let state = 'timeout';
      try {
        const handle = await page.waitForFunction(
          () => {
            const value = document.querySelector('ect-announcement-list')?.getAttribute('state');
            return value && value !== 'loading' ? value : undefined;
          },
          undefined,
          { timeout: TIMEOUT },
        );
        state = await handle.jsonValue();
      } catch {
        // Reported as the state "timeout".
      }
      const readyAfter = `${Date.now() - started} ms`;
      await page.waitForLoadState('networkidle');
      const scripts = server.requests.filter((p) => p.endsWith('.js'));
      const names = scripts
        .filter((p) => !p.endsWith('/ect-widgets.js'))
        .map((p) => p.slice(MOUNT.length));
      rows.push([name, state, readyAfter, names.join(', ') || 'none']);
      const want = EXPECTED[name];
      const pass =
        state === 'ready' &&
        errors.length === 0 &&
        names.length === want.length &&
        want.every((prefix) => names.some((n) => n.startsWith(`chunks/${prefix}-`)));
      results.push([
        `${name}: fetches ${want.length ? `the ${want.join(', ')} chunk only` : 'no chunk'}`,
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
