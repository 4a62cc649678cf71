// <ect-online-counter>: its own code size, and in headless Chromium with dist/ect-widgets.js the
// time to the first figure when polling, when live (Server-Sent Events) and when the stream is
// refused and the element falls back to polling; plus what one presence heartbeat sends.
import { sep } from 'node:path';
import { ownCodeSize } from '../lib/bundle.js';

export const title = 'ect-online-counter: own code, first figure (poll, live, fallback), heartbeat';

const MOUNT = '/cdn/ect-widgets@0/';
const TIMEOUT = 15_000;
/** Fresh loads per scenario, the scenarios in turns, after WARMUP rounds left out. */
const RUNS = 5;
const WARMUP = 1;
const OWN_BUDGET = 3 * 1024;
const FIGURES = { online: 13, today: 245, month: 5321, total: 7694178 };

/** The element's modules (see ownCodeSize). */
function ownCode(root) {
  return ownCodeSize(
    root,
    'src/online-counter/online-counter.ts',
    (id) =>
      id.includes(`${sep}src${sep}online-counter${sep}`) || id.endsWith(`${sep}core${sep}sse.ts`),
  );
}

const page = (attributes) => ({
  type: 'text/html; charset=utf-8',
  body: `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>
<script type="module" src="${MOUNT}ect-widgets.js"></script>
<ect-online-counter ${attributes}></ect-online-counter>`,
});

const SCENARIOS = [
  ['poll (JSON)', 'src="/figures.json"'],
  ['live (event stream)', 'live src="/stream"'],
  ['live refused, falls back to polling', 'live src="/figures.json"'],
];

export async function run({ root, dist, table, target, browser, serve, line, median }) {
  const own = await ownCode(root);
  line(
    `Own code (src/online-counter + src/feed/sse.ts, minified): ${(own / 1024).toFixed(1)} KB gzip`,
  );
  target('own code ≤ 3 KB gzip', own <= OWN_BUDGET, `${own.toLocaleString('en')} bytes`);

  const files = {
    '/figures.json': { type: 'application/json', body: JSON.stringify(FIGURES) },
    // The server ends the response after one message; enough for the first figure.
    '/stream': { type: 'text/event-stream', body: `data: ${JSON.stringify(FIGURES)}\n\n` },
    '/ping': { type: 'text/plain', body: '' },
    '/ping.html': page('ping="/ping"'),
  };
  SCENARIOS.forEach(([, attributes], i) => (files[`/page-${i}.html`] = page(attributes)));
  const server = await serve({ root: dist, mount: MOUNT, files });
  const chromium = await browser();
  const rows = [['scenario', 'shows', `first figure (median of ${RUNS}, after ${WARMUP} warm-up)`]];
  const times = SCENARIOS.map(() => []);
  const shown = SCENARIOS.map(() => []);
  try {
    for (let run = 0; run < WARMUP + RUNS; run++) {
      for (const i of SCENARIOS.keys()) {
        const tab = await chromium.newPage();
        const started = Date.now();
        await tab.goto(`${server.url}/page-${i}.html`);
        try {
          await tab.waitForFunction(
            () => document.querySelector('ect-online-counter')?.getAttribute('state') === 'ready',
            undefined,
            { timeout: TIMEOUT },
          );
          if (run >= WARMUP) times[i].push(Date.now() - started);
          shown[i].push(
            await tab.evaluate(() =>
              document
                .querySelector('ect-online-counter')
                .shadowRoot.querySelector('[part~="online"]')
                .textContent.replace(/\s+/g, ' ')
                .trim(),
            ),
          );
        } catch {
          shown[i].push('timeout');
        }
        await tab.close();
      }
    }
    for (const [i, [name]] of SCENARIOS.entries()) {
      const wrong = shown[i].find((text) => text !== 'ขณะนี้มีผู้ Online อยู่ 13 คน');
      rows.push([name, wrong ?? shown[i][0], times[i].length ? `${median(times[i])} ms` : '-']);
      target(`${name}: shows the figure`, !wrong && times[i].length === RUNS, wrong ?? shown[i][0]);
    }

    const tab = await chromium.newPage();
    const beats = [];
    tab.on('request', (request) => {
      if (request.url().endsWith('/ping')) beats.push(request);
    });
    await tab.goto(`${server.url}/ping.html`);
    await tab.waitForTimeout(1000);
    const body = beats[0]?.postData() ?? '';
    const headers = beats[0] ? await beats[0].allHeaders() : {};
    rows.push(['heartbeat (first second)', `${beats.length} beacon, body ${body.length} B`, body]);
    target(
      'heartbeat: one beacon at load, only a random id, no cookie',
      beats.length === 1 && /^\{"id":"[0-9a-f-]{32,36}"\}$/.test(body) && !headers.cookie,
      `${beats.length} beacon(s), ${headers['content-type'] ?? ''}`,
    );
    await tab.close();
  } finally {
    await server.close();
  }
  table(rows);
  line('Per visitor and hour at the defaults: 120 heartbeats of ~50 B, plus 120 polls of the');
  line('figures, or one open event stream with `live`.');
}
