// Sharing: 20 elements showing one feed URL on one page (10 <ect-announcement-list> and 10
// <ect-news-ticker>) with dist/ect-widgets.js. docs/contract.md wants one fetch per feed URL per
// page, however many elements show it, and each element kind's view chunk fetched once.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

export const title = 'Sharing: 20 elements on one feed URL (requests the server sees)';

const MOUNT = '/cdn/ect-widgets@0/';
const FEED = '/feeds/shared.rss';
const TIMEOUT = 30_000;
/** Seconds: the smallest refresh the elements accept (shorter ones are raised to it). */
const REFRESH = 5;
/**
 * A refresh comes at least this long after the first fetch (the period less its 10 % jitter):
 * requests before it belong to the first load, whenever the elements turn ready.
 */
const FIRST_LOAD_MS = REFRESH * 900;
/** After the first refresh request, requests within this window belong to that refresh. */
const BURST_MS = 1000;
const TAGS = ['ect-announcement-list', 'ect-news-ticker'];
const PER_TAG = 10;

const rss = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>สำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัดเชียงราย</title>
<link>https://www.ect.go.th/chiangrai/</link>
<description>ข่าวประชาสัมพันธ์</description>
${[1, 2, 3, 4, 5]
  .map(
    (n) => `<item>
  <title>ประกาศที่ ${n}/2565 เรื่องการรับสมัครเลือกตั้ง</title>
  <link>https://www.ect.go.th/chiangrai/announce/${n}</link>
  <guid>announce-${n}</guid>
  <pubDate>Thu, ${17 - n} Jun 2022 09:30:00 +0700</pubDate>
</item>`,
  )
  .join('\n')}
</channel></rss>`;

const page = `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>
<script type="module" src="${MOUNT}ect-widgets.js"></script>
${TAGS.flatMap((tag) =>
  Array.from({ length: PER_TAG }, () => `<${tag} src="${FEED}" refresh="${REFRESH}"></${tag}>`),
).join('\n')}`;

export async function run({ dist, table, target, ratio, line, browser, serve }) {
  const server = await serve({
    root: dist,
    mount: MOUNT,
    files: {
      [FEED]: { type: 'application/rss+xml; charset=utf-8', body: rss },
      '/page.html': { type: 'text/html; charset=utf-8', body: page },
    },
  });
  const chromium = await browser();
  const tab = await chromium.newPage();
  const errors = [];
  tab.on('pageerror', (error) => errors.push(error.message));
  // When the server saw each feed request (polled: serve() records paths only).
  const feedTimes = [];
  const poll = setInterval(() => {
    const seen = server.requests.filter((path) => path === FEED).length;
    while (feedTimes.length < seen) feedTimes.push(Date.now());
  }, 20);
  const until = async (test, timeout) => {
    const deadline = Date.now() + timeout;
    while (!test() && Date.now() < deadline) await tab.waitForTimeout(50);
  };
  let states = 'timeout';
  let first;
  let afterRefresh;
  let scripts;
  try {
    await tab.goto(`${server.url}/page.html`);
    try {
      const handle = await tab.waitForFunction(
        (tags) => {
          const all = tags.flatMap((tag) => [...document.querySelectorAll(tag)]);
          const values = all.map((el) => el.getAttribute('state'));
          if (values.some((value) => !value || value === 'loading')) return undefined;
          const counts = {};
          for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
          return Object.entries(counts)
            .map(([value, n]) => `${n} ${value}`)
            .join(', ');
        },
        TAGS,
        { timeout: TIMEOUT },
      );
      states = await handle.jsonValue();
    } catch {
      // Reported as the state "timeout".
    }
    await tab.waitForLoadState('networkidle');
    scripts = server.requests.filter((path) => path.endsWith('.js'));
    if (feedTimes.length) {
      const start = feedTimes[0];
      await until(() => Date.now() >= start + FIRST_LOAD_MS, FIRST_LOAD_MS);
      first = feedTimes.filter((time) => time < start + FIRST_LOAD_MS).length;
      // The first refresh: wait for it (the period and its jitter, with room for a loaded
      // machine), then for any request that would come with it.
      await until(() => feedTimes.length > first, 3 * REFRESH * 1000);
      if (feedTimes.length > first) {
        const refreshed = feedTimes[first];
        await until(() => Date.now() >= refreshed + BURST_MS, BURST_MS);
        afterRefresh = feedTimes.filter((time) => time < refreshed + BURST_MS).length;
      }
    }
  } finally {
    clearInterval(poll);
    await tab.close();
    await server.close();
  }

  const count = (paths) => {
    const counts = new Map();
    for (const path of paths) counts.set(path, (counts.get(path) ?? 0) + 1);
    return counts;
  };
  const bundles = scripts.filter((path) => path.endsWith('/ect-widgets.js')).length;
  const views = count(scripts.filter((path) => /\/chunks\/[^/]+\.view-[^/]+\.js$/.test(path)));
  const others = count(
    scripts.filter((path) => !path.endsWith('/ect-widgets.js') && !/\.view-/.test(path)),
  );
  const name = (path) => path.slice(MOUNT.length);
  const viewRequests = [...views.values()].reduce((sum, n) => sum + n, 0);
  const ok = states === `${TAGS.length * PER_TAG} ready` && errors.length === 0;
  table([
    ['what the server saw', 'requests'],
    [`elements (${PER_TAG} of each: ${TAGS.join(', ')})`, states],
    [`feed ${FEED}, first load`, String(first ?? '-')],
    [
      `feed ${FEED}, in all after the first refresh (refresh=${REFRESH})`,
      String(afterRefresh ?? '-'),
    ],
    ['dist/ect-widgets.js', String(bundles)],
    ...[...views].map(([path, n]) => [`${name(path)} (view)`, String(n)]),
    ...[...others].map(([path, n]) => [name(path), String(n)]),
  ]);
  if (!views.size) line('  (no element view chunk fetched: the build has none for these elements)');
  if (errors.length) line(`  page errors: ${errors.join('; ')}`);

  const failure = ok ? undefined : errors.length ? `uncaught: ${errors[0]}` : `elements: ${states}`;
  target(
    `sharing: one feed request for ${TAGS.length * PER_TAG} elements on one URL`,
    ok && first === 1,
    failure ?? `${first} request(s)`,
  );
  target(
    `sharing: one more feed request after one refresh period`,
    ok && afterRefresh === 2,
    failure ?? `${afterRefresh} request(s) in all`,
  );
  // The views the build has for these elements; each should be fetched exactly once.
  const chunkDir = join(dist, 'chunks');
  const built = existsSync(chunkDir) ? readdirSync(chunkDir) : [];
  const expected = TAGS.map((tag) =>
    built.find((file) => file.startsWith(`${tag.slice('ect-'.length)}.view-`)),
  ).filter(Boolean);
  const fetched = [...views.keys()].map((path) => path.slice(path.lastIndexOf('/') + 1));
  const missing = expected.filter((file) => !fetched.includes(file));
  // Views import shared chunks (messages, status…): those too should come once.
  const twice = [...views, ...others].filter(([, n]) => n > 1).map(([path]) => name(path));
  const viewFailure = missing.length
    ? `not fetched: ${missing.join(', ')}`
    : twice.length
      ? `more than once: ${twice.join(', ')}`
      : undefined;
  target(
    'sharing: the bundle and each chunk fetched once',
    ok && bundles === 1 && !viewFailure,
    viewFailure ?? `${bundles} bundle, ${views.size} of ${expected.length} view chunk(s)`,
  );
  const rows = `${TAGS.length * PER_TAG} elements on one URL`;
  ratio({
    label: `sharing: feed requests, ${rows}`,
    ours: first,
    unit: 'requests',
    target: { max: 1 },
    failure,
  });
  ratio({
    label: `sharing: feed requests after one refresh (${REFRESH} s), ${rows}`,
    ours: afterRefresh,
    unit: 'requests',
    target: { max: 2 },
    failure,
  });
  ratio({
    label: `sharing: view chunk requests, ${rows} of ${TAGS.length} kinds`,
    ours: viewRequests,
    unit: 'requests',
    target: { max: expected.length },
    failure: failure ?? viewFailure,
  });
}
