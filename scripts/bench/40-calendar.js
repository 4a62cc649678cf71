// <ect-calendar> against FullCalendar 6 dayGridMonth, side by side in one headless Chromium page:
// rendering a month of 200 and of 2,000 events, and the bytes each needs for an iCalendar feed.
import { join } from 'node:path';
import { build } from 'vite';
import { bundleAlone, gzipSize } from '../lib/bundle.js';

export const title = 'ect-calendar vs FullCalendar 6 (dayGridMonth): render and bytes';

const SIZES = [200, 2000];
/** Renders per library and size (after one warm-up), interleaved so drift hits both alike. */
const RUNS = 11;
const MOUNT = '/cdn/ect-widgets@0/';
const VIRTUAL_ENTRY = 'ect-bench-virtual-entry';
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${value.toFixed(1)} ms`;

const KINDS = [
  'ประชุมคณะกรรมการ',
  'อบรมกรรมการประจำหน่วยเลือกตั้ง',
  'ลงพื้นที่ตรวจเยี่ยม',
  'กิจกรรมส่งเสริมประชาธิปไตย',
];
const PLACES = ['ห้องประชุมสำนักงาน', 'หอประชุมอำเภอเมืองเชียงราย', 'ที่ว่าการอำเภอแม่สาย'];
const CATEGORIES = ['กิจกรรม', 'ตารางปฏิบัติงาน', 'การเลือกตั้ง'];

/** Deterministic events in August 2022: timed, all-day (one in ten) and a few of several days. */
function events(count) {
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const pad = (n) => String(n).padStart(2, '0');
  return Array.from({ length: count }, (_, i) => {
    const day = 1 + Math.floor(random() * 31);
    const base = {
      id: `e${i}`,
      title: `${KINDS[i % KINDS.length]} ครั้งที่ ${i + 1}`,
      location: PLACES[i % PLACES.length],
      category: CATEGORIES[i % CATEGORIES.length],
    };
    if (i % 10 === 0) {
      const days = i % 30 === 0 ? 2 + Math.floor(random() * 3) : 1;
      const end = new Date(Date.UTC(2022, 7, day + days)).toISOString().slice(0, 10);
      return { ...base, start: `2022-08-${pad(day)}`, end, allDay: true };
    }
    const hour = 8 + Math.floor(random() * 9);
    return {
      ...base,
      start: `2022-08-${pad(day)}T${pad(hour)}:00:00+07:00`,
      end: `2022-08-${pad(day)}T${pad(hour + 1)}:30:00+07:00`,
    };
  });
}

/**
 * In the page: `window.render(library, events)` renders the month once and returns the time (ms)
 * until its days and event titles are in the DOM and laid out. One task boundary (a
 * MessageChannel message) is included for both, so deferred work of either is counted.
 */
const harness = `
import { Calendar, dayGridPlugin } from '/peers/fullcalendar.js';
const stage = document.getElementById('stage');
const task = () => new Promise((resolve) => {
  const channel = new MessageChannel();
  channel.port1.onmessage = resolve;
  channel.port2.postMessage(0);
});
const libraries = {
  async ours(events) {
    const el = document.createElement('ect-calendar');
    el.month = '2022-08';
    el.data = { events };
    stage.append(el);
    const deadline = performance.now() + 30000;
    await task();
    while (!/^(ready|error|empty)$/.test(el.getAttribute('state')) && performance.now() < deadline) {
      await task();
    }
    await el.updateComplete;
    if (el.getAttribute('state') !== 'ready') {
      const message = el.shadowRoot.querySelector('[part~="message"]')?.textContent;
      el.remove();
      throw new Error(\`ect-calendar did not show the events (\${el.getAttribute('state')}: \${message?.trim()})\`);
    }
    stage.getBoundingClientRect();
    const root = el.shadowRoot;
    return {
      days: root.querySelectorAll('[part~="day"]').length,
      titles: root.querySelectorAll('.title').length,
      destroy: () => el.remove(),
    };
  },
  async fullcalendar(events) {
    const box = document.createElement('div');
    stage.append(box);
    const calendar = new Calendar(box, {
      plugins: [dayGridPlugin],
      initialView: 'dayGridMonth',
      initialDate: '2022-08-01',
      timeZone: 'Asia/Bangkok',
      // Like ours: at most three titles a day, then "+n more".
      dayMaxEvents: 3,
      events,
    });
    calendar.render();
    await task();
    stage.getBoundingClientRect();
    return {
      days: box.querySelectorAll('.fc-daygrid-day').length,
      titles: box.querySelectorAll('.fc-event-title').length,
      destroy: () => {
        calendar.destroy();
        box.remove();
      },
    };
  },
};
window.render = async (name, events) => {
  const start = performance.now();
  const view = await libraries[name](events);
  const time = performance.now() - start;
  view.destroy();
  await new Promise((r) => setTimeout(r, 20));
  return { time, days: view.days, titles: view.titles };
};
window.ready = true;
`;

/**
 * One module given as source, bundled and minified as an app would ship it into one file.
 * @param {string} dir where its imports resolve from
 * @param {string} source the module's code
 */
async function bundleSource(dir, source) {
  const result = await build({
    configFile: false,
    root: dir,
    logLevel: 'silent',
    define: { 'process.env.NODE_ENV': JSON.stringify('production') },
    plugins: [
      {
        name: 'ect-bench-entry',
        resolveId: (id) => (id.endsWith(VIRTUAL_ENTRY) ? `\0${VIRTUAL_ENTRY}` : null),
        load: (id) => (id === `\0${VIRTUAL_ENTRY}` ? source : null),
      },
    ],
    build: {
      write: false,
      outDir: join(dir, 'node_modules', '.cache', 'ect-bench-entry'),
      lib: { entry: VIRTUAL_ENTRY, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { output: { minify: true, comments: false, codeSplitting: false } },
    },
  });
  const output = (Array.isArray(result) ? result[0] : result).output;
  const chunks = output.filter((file) => file.type === 'chunk');
  if (chunks.length !== 1) throw new Error('the bench entry did not bundle into one file');
  return chunks[0].code;
}

/** FullCalendar core + dayGrid + iCalendar plugin + ical.js (bench/ has them installed). */
const bundlePeer = (root) =>
  bundleSource(
    join(root, 'bench'),
    `export { Calendar } from '@fullcalendar/core';
export { default as dayGridPlugin } from '@fullcalendar/daygrid';
export { default as iCalendarPlugin } from '@fullcalendar/icalendar';`,
  );

/**
 * The least any calendar on this stack loads for an iCalendar feed: an empty Lit element and
 * ical.js 2, nothing else. It shows how much of the byte budget the two take before any code
 * of the calendar.
 */
const bundleFloor = (root) =>
  bundleSource(
    root,
    `import { LitElement, html, css } from 'lit';
import ICAL from 'ical.js';
class Empty extends LitElement {
  static styles = css\`:host { display: block; }\`;
  render() { return html\`<p>\${typeof ICAL.parse}</p>\`; }
}
customElements.define('bench-empty', Empty);`,
  );

export async function run({ root, dist, table, target, ratio, line, browser, serve, median }) {
  // Bytes: what a page showing an iCalendar feed with recurring events loads. Ours: the
  // calendar entry bundled alone, plus the lazy chunks such a page pulls in (the calendar's
  // view, the iCalendar parser, the recurrence expander and ical.js) with what they import.
  const ours = await bundleAlone(root, join(dist, 'lib', 'calendar', 'calendar.js'));
  const lazyByName = new Map(ours.lazy.map((chunk) => [chunk.fileName, chunk]));
  const icsChunks = new Set();
  const add = (chunk) => {
    if (!chunk || icsChunks.has(chunk)) return;
    icsChunks.add(chunk);
    for (const name of chunk.imports) add(lazyByName.get(name));
  };
  for (const chunk of ours.lazy) {
    const ids = Object.keys(chunk.modules);
    if (ids.some((id) => /\/ical\.js\/|\/(?:parse\/ics|recurrence|calendar\.view)\.js$/.test(id))) {
      add(chunk);
    }
  }
  const oursInitial = gzipSize(ours.initial);
  const oursLazy = [...icsChunks].reduce((sum, chunk) => sum + gzipSize(chunk.code), 0);
  const peer = await bundlePeer(root);
  const peerBytes = gzipSize(peer);
  const floorBytes = gzipSize(await bundleFloor(root));
  table([
    ['bytes for an iCalendar feed (gzip)', 'up front', 'lazy', 'total'],
    [
      'ect-calendar entry + view + parser + recurrence + ical.js 2',
      kb(oursInitial),
      kb(oursLazy),
      kb(oursInitial + oursLazy),
    ],
    ['FullCalendar 6 core + daygrid + icalendar + ical.js 1', kb(peerBytes), '-', kb(peerBytes)],
    ['floor: an empty Lit 3 element + ical.js 2', kb(floorBytes), '-', kb(floorBytes)],
  ]);
  line(
    `A third of FullCalendar's bytes is ${kb(peerBytes / 3)}; an empty Lit element with ical.js ` +
      `alone is ${kb(floorBytes)} (ratio ${(floorBytes / peerBytes).toFixed(3)}), before any ` +
      `code of a calendar.`,
  );
  const byteRatio = (oursInitial + oursLazy) / peerBytes;

  const files = {
    '/peers/fullcalendar.js': { type: 'text/javascript; charset=utf-8', body: peer },
    '/calendar.html': {
      type: 'text/html; charset=utf-8',
      body: `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>
<style>body { margin: 0; font: 16px sans-serif; } #stage { width: 1000px; }</style>
<script type="module" src="${MOUNT}ect-widgets.js"></script>
<div id="stage"></div>
<script type="module">${harness}</script>`,
    },
  };
  const server = await serve({ root: dist, mount: MOUNT, files });
  const chromium = await browser();
  const page = await chromium.newPage({ viewport: { width: 1100, height: 900 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const rows = [
    [
      `render a month (median of ${RUNS}, after 1 warm-up)`,
      'ect-calendar',
      'FullCalendar 6',
      'ratio',
    ],
  ];
  const results = [];
  try {
    await page.goto(`${server.url}/calendar.html`);
    await page.waitForFunction(() => window.ready && customElements.get('ect-calendar'));
    for (const size of SIZES) {
      const data = events(size);
      const times = { ours: [], fullcalendar: [] };
      const shown = {};
      let failure;
      for (let i = 0; i <= RUNS && !failure; i++) {
        // Each first in every other round, so neither always runs on a just-tidied page.
        for (const name of i % 2 ? ['fullcalendar', 'ours'] : ['ours', 'fullcalendar']) {
          try {
            const result = await page.evaluate(([n, e]) => window.render(n, e), [name, data]);
            // The first round warms up both libraries and the page.
            if (i > 0) times[name].push(result.time);
            shown[name] = result;
          } catch (error) {
            failure = error.message.split('\n')[0].replace(/^page\.evaluate: Error: /, '');
            break;
          }
        }
      }
      if (failure) {
        rows.push([`${size} events`, '-', '-', '-']);
        results.push({ size, failure });
        continue;
      }
      const a = median(times.ours);
      const b = median(times.fullcalendar);
      rows.push([`${size} events`, ms(a), ms(b), (a / b).toFixed(3)]);
      results.push({ size, ratio: a / b, shown, ours: a, peer: b });
    }
  } finally {
    await page.close();
    await server.close();
  }
  table(rows);
  for (const { size, shown, failure } of results) {
    if (failure) {
      line(`  ${size} events: ${failure}`);
      continue;
    }
    line(
      `  ${size} events, days / titles in the DOM: ect-calendar ${shown.ours.days} / ${shown.ours.titles}, ` +
        `FullCalendar ${shown.fullcalendar.days} / ${shown.fullcalendar.titles}`,
    );
  }
  if (errors.length) line(`  page errors: ${errors.join('; ')}`);
  for (const result of results) {
    const { size, shown, failure } = result;
    const rendered =
      !failure && shown.ours.days >= 35 && shown.fullcalendar.days >= 35 && !errors.length;
    target(
      `calendar: render of ${size} events ≤ 1/4 of FullCalendar's`,
      rendered && result.ratio <= 0.25,
      failure ?? `ratio ${result.ratio.toFixed(3)}`,
    );
    ratio({
      label: `calendar: render ${size.toLocaleString('en')} events vs FullCalendar 6`,
      ours: result.ours,
      peer: result.peer,
      unit: 'ms',
      runs: RUNS,
      target: { ratio: 0.25 },
      failure: failure ?? (rendered ? undefined : 'a calendar showed no month grid'),
    });
  }
  target(
    'calendar: bytes (entry + ical.js) ≤ 1/3 of FullCalendar + iCalendar plugin + ical.js',
    byteRatio <= 1 / 3,
    `ratio ${byteRatio.toFixed(3)}`,
  );
  ratio({
    label: 'calendar: bytes for an iCalendar feed (gzip) vs FullCalendar 6',
    ours: (oursInitial + oursLazy) / 1024,
    peer: peerBytes / 1024,
    unit: 'KB',
    target: { ratio: 1 / 3 },
  });
}
