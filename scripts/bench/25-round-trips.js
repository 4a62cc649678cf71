// Round trips before a calendar on an iCalendar feed, and a results table on a CSV feed, show
// their data, with every answer of the server held back (a distant server). A page needs the
// HTML, then dist/ect-widgets.js; the element then asks for its view, its feed and, when the
// feed's URL or `format` says iCalendar or CSV, for the parser and its library, all at once.
export const title = 'Round trips to first data, every answer 200 ms late (dist/ect-widgets.js)';

const MOUNT = '/cdn/ect-widgets@0/';
/** Milliseconds each answer of the server waits. */
const DELAY = 200;
/** Loads per page after one warm-up, taking turns. */
const RUNS = 5;
const TIMEOUT = 20_000;
/** HTML, bundle, then the view, the feed and its parser side by side. */
const TARGET = 3;

const ICS = `BEGIN:VCALENDAR\r
VERSION:2.0\r
PRODID:-//ECT Chiang Rai//bench//TH\r
BEGIN:VEVENT\r
UID:weekly@ect.go.th\r
DTSTAMP:20220601T000000Z\r
DTSTART;TZID=Asia/Bangkok:20220801T093000\r
DTEND;TZID=Asia/Bangkok:20220801T103000\r
RRULE:FREQ=WEEKLY;COUNT=4\r
EXDATE;TZID=Asia/Bangkok:20220815T093000\r
SUMMARY:ประชุมประจำสัปดาห์\r
END:VEVENT\r
BEGIN:VEVENT\r
UID:election@ect.go.th\r
DTSTAMP:20220601T000000Z\r
DTSTART;VALUE=DATE:20220828\r
SUMMARY:วันเลือกตั้ง\r
END:VEVENT\r
END:VCALENDAR\r
`;

const CSV =
  '\ufeffหมายเลข,ชื่อ,พรรค,คะแนน\r\n1,นายสมชาย ใจดี,พรรค ก,"40,877"\r\n2,นางสาวสมศรี มีสุข,พรรค ข,35104\r\n';

const page = (tag, attributes) => `<!doctype html><html lang="th"><meta charset="utf-8">
<title>bench</title>
<script type="module" src="${MOUNT}ect-widgets.js"></script>
<${tag} ${attributes}></${tag}>`;

// The weekly meeting on the 1st, 8th and 22nd (the 15th excepted), the election day.
const CALENDAR_CHECK = `[...el.shadowRoot.querySelectorAll('[part~="has-events"]')]
  .map((d) => d.dataset.date).join() === '2022-08-01,2022-08-08,2022-08-22,2022-08-28'`;

const PAGES = [
  {
    name: '<ect-calendar> on an .ics feed with RRULE',
    path: '/calendar.html',
    tag: 'ect-calendar',
    check: CALENDAR_CHECK,
    target: TARGET,
  },
  {
    name: '<ect-results-table> on a .csv feed',
    path: '/results.html',
    tag: 'ect-results-table',
    check: `el.shadowRoot.querySelector('tbody')?.textContent.includes('40,877')`,
    target: TARGET,
  },
  {
    // Nothing but the Content-Type says iCalendar: the parser and ical.js load once the feed
    // is in (side by side), the recurrence expander after them. No target: shown for scale.
    name: '<ect-calendar> on a feed URL that does not say iCalendar',
    path: '/calendar-sniffed.html',
    tag: 'ect-calendar',
    check: CALENDAR_CHECK,
    target: undefined,
  },
];

/** Loads `path` in a new tab; milliseconds until its element shows the expected data. */
async function timeToData(chromium, url, { tag, check }) {
  const tab = await chromium.newPage();
  try {
    const started = Date.now();
    await tab.goto(url, { waitUntil: 'commit' });
    await tab.waitForFunction(
      `(() => { const el = document.querySelector('${tag}');
        return el?.getAttribute('state') === 'ready' && el.shadowRoot && (${check}); })()`,
      undefined,
      { timeout: TIMEOUT, polling: 10 },
    );
    return Date.now() - started;
  } finally {
    await tab.close();
  }
}

export async function run({ dist, table, target, ratio, browser, serve, median }) {
  const files = {
    '/feeds/activities.ics': { type: 'text/calendar; charset=utf-8', body: ICS },
    '/feeds/results.csv': { type: 'text/csv; charset=utf-8', body: CSV },
    '/calendar.html': {
      type: 'text/html; charset=utf-8',
      body: page('ect-calendar', 'src="/feeds/activities.ics" month="2022-08" refresh="0"'),
    },
    '/feeds/activities': { type: 'text/calendar; charset=utf-8', body: ICS },
    '/calendar-sniffed.html': {
      type: 'text/html; charset=utf-8',
      body: page('ect-calendar', 'src="/feeds/activities" month="2022-08" refresh="0"'),
    },
    '/results.html': {
      type: 'text/html; charset=utf-8',
      body: page('ect-results-table', 'src="/feeds/results.csv" refresh="0"'),
    },
  };
  // The same pages from a server that answers at once: the difference in time to data, in
  // delays, is the number of round trips one after the other (the browser's own work, the same
  // on both, drops out).
  const near = await serve({ root: dist, mount: MOUNT, files });
  const far = await serve({ root: dist, mount: MOUNT, files, delay: DELAY });
  const chromium = await browser();
  const times = PAGES.map(() => ({ near: [], far: [] }));
  const failures = PAGES.map(() => undefined);
  try {
    for (let run = 0; run <= RUNS; run++) {
      for (const [i, item] of PAGES.entries()) {
        for (const [name, server] of [
          ['near', near],
          ['far', far],
        ]) {
          try {
            const time = await timeToData(chromium, server.url + item.path, item);
            if (run > 0) times[i][name].push(time);
          } catch (error) {
            failures[i] ??= String(error?.message ?? error).split('\n')[0];
          }
        }
      }
    }
  } finally {
    await near.close();
    await far.close();
  }
  const rows = [
    ['page', `data shown after (median of ${RUNS}): at once`, `${DELAY} ms late`, 'round trips'],
  ];
  for (const [i, { name, target: most }] of PAGES.entries()) {
    const ok = !failures[i] && times[i].near.length && times[i].far.length;
    const near = ok ? median(times[i].near) : undefined;
    const far = ok ? median(times[i].far) : undefined;
    const trips = ok ? Math.round((far - near) / DELAY) : undefined;
    rows.push([
      name,
      ok ? `${near} ms` : '-',
      ok ? `${far} ms` : '-',
      ok ? `${trips} (${((far - near) / DELAY).toFixed(1)})` : '-',
    ]);
    if (most !== undefined) {
      target(
        `${name}: data after ≤ ${most} round trips`,
        Boolean(ok) && trips <= most,
        failures[i] ?? `${trips} round trips`,
      );
    }
    ratio({
      label: `round trips to data: ${name}`,
      ours: trips,
      unit: 'round trips',
      runs: RUNS,
      target: most === undefined ? {} : { max: most },
      failure: failures[i],
    });
  }
  table(rows);
}
