// <ect-news-ticker> while it scrolls: main-thread work and frames, from Chromium's own counters.
// - busy: the CDP Performance domain's TaskDuration (wall time of every main-thread task), with
//   its script and style + layout parts. Wall time counts waiting for a CPU too, so on a loaded
//   machine it varies from run to run (the load average is printed).
// - CPU: the thread time of the renderer main thread's tasks, from a trace (`toplevel`): the work
//   itself, steady under load. The target is checked on it.
// - frames: the compositor's frame reporter in the same trace (PipelineReporter: presented or
//   dropped).
// Two other pages give the figures a scale: an idle page, and the usual hand-written ticker that
// moves its track from requestAnimationFrame. Each page is loaded RUNS times, the pages in turns,
// and every figure is the median of its runs.
import { loadavg } from 'node:os';

export const title = 'News ticker: main-thread work while it scrolls (headless Chromium)';

const MOUNT = '/cdn/ect-widgets@0/';
/** Fresh loads per page, the pages in turns; each measured for SECONDS after WARM_UP ms. */
const RUNS = 5;
const SECONDS = 2;
const WARM_UP = 500;
const BUDGET_MS_PER_S = 2;
const SPEED = 60;

const items = [
  'เลือกตั้งสมาชิกสภาองค์การบริหารส่วนตำบลแม่ยาว (แทนตำแหน่งที่ว่าง) วันอาทิตย์ที่ 28 สิงหาคม 2565',
  'ตรวจสอบรายชื่อผู้มีสิทธิเลือกตั้งและหน่วยเลือกตั้งของท่านได้ทางแอปพลิเคชัน Smart Vote',
  'พบเห็นการซื้อสิทธิขายเสียง แจ้งเบาะแสได้ทางแอปพลิเคชัน "ตาสับปะรด" หรือโทร 1444',
  'ผู้ไม่ได้ไปใช้สิทธิเลือกตั้ง แจ้งเหตุอันสมควรได้ภายใน 7 วันก่อนหรือหลังวันเลือกตั้ง',
  'สำนักงาน กกต.ประจำจังหวัดเชียงราย เปิดให้บริการวันจันทร์ - ศุกร์ เวลา 08.30 - 16.30 น.',
  'ขอเชิญร่วมเรียนรู้หลักสูตร "พลเมืองคุณภาพ" ผ่านระบบ ECT e-Learning ฟรี พร้อมรับเกียรติบัตร',
  'ประกาศเจตนารมณ์ไม่รับของขวัญทุกชนิดจากการปฏิบัติหน้าที่ (No Gift Policy)',
  'ร่วมตอบแบบสำรวจความพึงพอใจต่อการให้บริการของสำนักงาน ประจำปี 2565',
].map((title, i) => ({
  id: `line-${i}`,
  title,
  url: `https://www.ect.go.th/chiangrai/news/${i}`,
  date: `2022-08-${String(20 - i).padStart(2, '0')}T09:30:00+07:00`,
}));

const head = (body) =>
  `<!doctype html><html lang="th"><meta charset="utf-8"><title>bench</title>` +
  `<meta name="viewport" content="width=device-width"><body style="margin:0">${body}`;

const PAGES = {
  'idle page (no motion)': {
    body: head('<p>ข่าวประชาสัมพันธ์</p>'),
    started: 'true',
  },
  '<ect-news-ticker>': {
    body: head(
      `<script type="module" src="${MOUNT}ect-widgets.js"></script>` +
        `<ect-news-ticker speed="${SPEED}"><script type="application/json">` +
        `${JSON.stringify({ items }).replace(/</g, '\\u003c')}</script></ect-news-ticker>`,
    ),
    started: `!!document.querySelector('ect-news-ticker')?.shadowRoot
      ?.getAnimations().some((a) => a.playState === 'running')`,
  },
  'requestAnimationFrame ticker (comparison)': {
    body: head(
      `<div style="overflow:hidden;white-space:nowrap"><div id="track" style="display:inline-block">` +
        items.map((item) => `<a href="${item.url}">${item.title}</a>`).join(' • ') +
        `</div></div><script>
const track = document.getElementById('track');
const width = track.offsetWidth;
requestAnimationFrame(function step(time) {
  track.style.transform = 'translateX(' + -((time * ${SPEED}) / 1000 % width) + 'px)';
  requestAnimationFrame(step);
});
</script>`,
    ),
    started: 'true',
  },
};

const perSecond = (seconds) => ((seconds * 1000) / SECONDS).toFixed(2);

/** Runs one page for SECONDS and reads Chromium's counters over that window. */
async function measure(chromium, url, started) {
  const page = await chromium.newPage({ viewport: { width: 1280, height: 720 } });
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.goto(url);
    await page.waitForFunction(started, undefined, { timeout: 15_000 });
    // Not measured: the first frames after the start (layout of the track, animation set-up).
    await page.waitForTimeout(WARM_UP);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const events = [];
    cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
    const traced = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
    await cdp.send('Tracing.start', {
      transferMode: 'ReportEvents',
      // Task boundaries and the compositor's frame reports only: a few events per frame.
      traceConfig: {
        includedCategories: ['toplevel', 'benchmark', '__metadata'],
        excludedCategories: ['*'],
      },
    });
    const metrics = async () =>
      Object.fromEntries(
        (await cdp.send('Performance.getMetrics')).metrics.map(({ name, value }) => [name, value]),
      );
    const before = await metrics();
    await new Promise((resolve) => setTimeout(resolve, SECONDS * 1000));
    const after = await metrics();
    await cdp.send('Tracing.end');
    await traced;
    const delta = (name) => (after[name] ?? 0) - (before[name] ?? 0);
    const threads = new Map();
    for (const event of events) {
      if (event.name === 'thread_name') threads.set(`${event.pid}:${event.tid}`, event.args.name);
    }
    let cpu = 0;
    let presented = 0;
    let dropped = 0;
    for (const event of events) {
      if (
        event.name === 'ThreadControllerImpl::RunTask' &&
        threads.get(`${event.pid}:${event.tid}`) === 'CrRendererMain'
      ) {
        cpu += (event.tdur ?? 0) / 1e6;
      }
      if (event.name !== 'PipelineReporter' || event.ph !== 'b') continue;
      const state = event.args?.frame_reporter?.state ?? event.args?.chrome_frame_reporter?.state;
      if (state === 'STATE_DROPPED') dropped += 1;
      else if (state?.startsWith('STATE_PRESENTED')) presented += 1;
    }
    return {
      busy: delta('TaskDuration'),
      cpu,
      script: delta('ScriptDuration'),
      styleLayout: delta('RecalcStyleDuration') + delta('LayoutDuration'),
      presented,
      dropped,
      errors,
    };
  } finally {
    await page.close();
  }
}

export async function run({ dist, table, target, ratio, line, browser, serve, median }) {
  const files = {};
  const names = Object.keys(PAGES);
  names.forEach((name, i) => {
    files[`/page-${i}.html`] = { type: 'text/html; charset=utf-8', body: PAGES[name].body };
  });
  const server = await serve({ root: dist, mount: MOUNT, files });
  const chromium = await browser();
  const rows = [
    [
      `page, 1280 px wide (median of ${RUNS})`,
      'busy ms/s',
      'script',
      'style+layout',
      'CPU ms/s',
      'frames',
      'dropped',
    ],
  ];
  const runs = names.map(() => []);
  try {
    for (let run = 0; run < RUNS; run++) {
      for (const [i, name] of names.entries()) {
        const url = `${server.url}/page-${i}.html`;
        runs[i].push(await measure(chromium, url, PAGES[name].started));
      }
    }
  } finally {
    await server.close();
  }
  /** The median of one figure over a page's runs, and the errors of all of them. */
  const summary = (results) => {
    const of = (key) => median(results.map((result) => result[key]));
    return {
      busy: of('busy'),
      cpu: of('cpu'),
      script: of('script'),
      styleLayout: of('styleLayout'),
      presented: of('presented'),
      dropped: of('dropped'),
      errors: results.flatMap((result) => result.errors),
    };
  };
  const medians = runs.map(summary);
  for (const [i, name] of names.entries()) {
    const result = medians[i];
    rows.push([
      name,
      perSecond(result.busy),
      perSecond(result.script),
      perSecond(result.styleLayout),
      perSecond(result.cpu),
      String(result.presented),
      String(result.dropped),
    ]);
  }
  table(rows);
  line(
    `(${SECONDS} s per load after ${WARM_UP} ms of warm-up, ${RUNS} loads per page in turns; ms of` +
      ` main-thread time per second; load average ${loadavg()[0].toFixed(1)}. The ticker's` +
      " main-thread tasks are Chromium's own per-frame presentation feedback: no script, style or" +
      ' layout runs while it scrolls.)',
  );
  const ticker = medians[names.indexOf('<ect-news-ticker>')];
  const raf = medians[names.indexOf('requestAnimationFrame ticker (comparison)')];
  const cpu = (ticker.cpu * 1000) / SECONDS;
  target(
    `ect-news-ticker main-thread work < ${BUDGET_MS_PER_S} ms/s while scrolling`,
    ticker.errors.length === 0 && cpu < BUDGET_MS_PER_S,
    ticker.errors.length
      ? `uncaught: ${ticker.errors[0]}`
      : `CPU ${cpu.toFixed(2)} ms/s, busy ${perSecond(ticker.busy)} ms/s, script ` +
          `${perSecond(ticker.script)} ms/s; ${ticker.dropped} of ` +
          `${ticker.presented + ticker.dropped} frames dropped`,
  );
  ratio({
    label: 'news ticker: main-thread CPU while scrolling vs a rAF ticker',
    ours: cpu,
    peer: (raf.cpu * 1000) / SECONDS,
    unit: 'ms/s',
    runs: RUNS,
    target: { below: BUDGET_MS_PER_S },
    failure: ticker.errors.length ? `uncaught: ${ticker.errors[0]}` : undefined,
  });
}
