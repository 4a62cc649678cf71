/**
 * Big calendars (docs/calendar.md, "Limits: big calendars"): five years of a busy office, and a
 * 5 MB file of 20,000 events, show like any other calendar; past the events kept, the feed is
 * trimmed to those nearest to today (repeating events always kept) and the calendar says so.
 * The page stays responsive throughout (a probe task answers within 200 ms) and the calendar is
 * ready within 5 s, in iCalendar and JSON, in a browser zone far from Bangkok.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/calendar/calendar.js';
import type { EctCalendar } from '../../src/calendar/calendar.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import type { EctLoadEvent } from '../../src/feed/events.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { LIMITS } from '../../src/feed/limits.js';
import type { EventsData } from '../../src/feed/types.js';
import { all, one, ready, text } from '../helpers/dom.js';
import { probeResponsiveness } from '../helpers/probe.js';
import { longTasksSupported, watchLongTasks } from '../hardening/page.js';

const DAY = 86_400_000;
const utc = (day: string) => Date.parse(`${day}T00:00:00Z`);
const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (day: string, days: number) => dayKey(utc(day) + days * DAY);
const addMonths = (month: string, months: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
};
const pad2 = (n: number) => String(n).padStart(2, '0');

/** This month in Bangkok, where the calendar's days are. */
const thisMonth = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' })
  .format(new Date())
  .slice(0, 7);
/** Five years of events, centred on this month. */
const firstMonth = addMonths(thisMonth, -30);

interface Generated {
  uid: string;
  title: string;
  /** Bangkok day of the start; all-day events last `days` days. */
  day: string;
  hour: number;
  allDay: boolean;
  days: number;
  location?: string;
}

/**
 * `count` events spread evenly over the five years, 08:00–17:30 Bangkok time; every 40th is an
 * all-day event of two days. Plus a weekly Monday meeting from the first week on.
 */
function officeEvents(count: number): Generated[] {
  const first = `${firstMonth}-01`;
  const span = (utc(`${addMonths(firstMonth, 60)}-01`) - utc(first)) / DAY;
  return Array.from({ length: count }, (_, i) => ({
    uid: `e${i}`,
    title: `กิจกรรมที่ ${i + 1}`,
    day: addDays(first, Math.floor((i * span) / count)),
    hour: 8 + (i % 10),
    allDay: i % 40 === 0,
    days: i % 40 === 0 ? 2 : 1,
    location: i % 5 === 0 ? 'ห้องประชุม 1' : undefined,
  }));
}

/** The first Monday of the five years: the weekly meeting's first date. */
const firstMonday = (() => {
  let day = `${firstMonth}-01`;
  while (new Date(utc(day)).getUTCDay() !== 1) day = addDays(day, 1);
  return day;
})();

const filler = 'รายละเอียดกิจกรรมของสำนักงานคณะกรรมการการเลือกตั้งประจำจังหวัด ';
/** Thai text of `bytes` UTF-8 bytes, about (Thai letters are 3 bytes). */
const thaiText = (bytes: number) =>
  filler
    .repeat(Math.ceil(bytes / 3 / filler.length) + 1)
    .slice(0, Math.max(0, Math.round(bytes / 3)));

const stamp = (day: string, hour = 0, minute = 0) =>
  `${day.replace(/-/g, '')}T${pad2(hour)}${pad2(minute)}00`;

function icsText(events: Generated[], description: string): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ect-widgets tests//big calendar//TH',
    'X-WR-CALNAME:ปฏิทินกิจกรรม',
    'BEGIN:VEVENT',
    'UID:weekly@example.org',
    'DTSTAMP:20240101T000000Z',
    `DTSTART;TZID=Asia/Bangkok:${stamp(firstMonday, 9)}`,
    `DTEND;TZID=Asia/Bangkok:${stamp(firstMonday, 10)}`,
    'RRULE:FREQ=WEEKLY;BYDAY=MO',
    'SUMMARY:ประชุมประจำสัปดาห์',
    'END:VEVENT',
  ];
  for (const e of events) {
    lines.push('BEGIN:VEVENT', `UID:${e.uid}@example.org`, 'DTSTAMP:20240101T000000Z');
    if (e.allDay) {
      lines.push(
        `DTSTART;VALUE=DATE:${e.day.replace(/-/g, '')}`,
        `DTEND;VALUE=DATE:${addDays(e.day, e.days).replace(/-/g, '')}`,
      );
    } else {
      lines.push(
        `DTSTART;TZID=Asia/Bangkok:${stamp(e.day, e.hour, 30)}`,
        `DTEND;TZID=Asia/Bangkok:${stamp(e.day, e.hour + 1)}`,
      );
    }
    lines.push(`SUMMARY:${e.title}`);
    if (e.location) lines.push(`LOCATION:${e.location}`);
    if (description) lines.push(`DESCRIPTION:${description}`);
    lines.push('END:VEVENT');
  }
  lines.push('END:VCALENDAR');
  return lines.join('\r\n');
}

function jsonText(events: Generated[], description: string): string {
  return JSON.stringify({
    title: 'ปฏิทินกิจกรรม',
    events: [
      {
        id: 'weekly',
        title: 'ประชุมประจำสัปดาห์',
        start: `${firstMonday}T09:00:00+07:00`,
        end: `${firstMonday}T10:00:00+07:00`,
        rrule: 'FREQ=WEEKLY;BYDAY=MO',
      },
      ...events.map((e) => ({
        id: e.uid,
        title: e.title,
        start: e.allDay ? e.day : `${e.day}T${pad2(e.hour)}:30:00+07:00`,
        end: e.allDay ? addDays(e.day, e.days) : `${e.day}T${pad2(e.hour + 1)}:00:00+07:00`,
        allDay: e.allDay || undefined,
        location: e.location,
        description: description || undefined,
      })),
    ],
  });
}

type Format = 'ics' | 'json';

/** The feed text of `events` in `format`, padded to about `bytes` bytes (0: no padding). */
function feedOf(format: Format, events: Generated[], bytes = 0): string {
  const write = format === 'ics' ? icsText : jsonText;
  if (!bytes) return write(events, '');
  const bare = new TextEncoder().encode(write(events, 'x')).byteLength;
  return write(events, thaiText((bytes - bare) / events.length));
}

/** How many events each day shows (Bangkok days), the weekly meeting included. */
function expectedCounts(events: Generated[], kept = (_: Generated) => true) {
  const counts = new Map<string, number>();
  const add = (day: string) => counts.set(day, (counts.get(day) ?? 0) + 1);
  for (const e of events) {
    if (!kept(e)) continue;
    for (let d = 0; d < e.days; d++) add(addDays(e.day, d));
  }
  return (day: string) =>
    (counts.get(day) ?? 0) + (day >= firstMonday && new Date(utc(day)).getUTCDay() === 1 ? 1 : 0);
}

/** What each day of the grid says: its date key and the number of events it reads out. */
const shownCounts = (el: EctCalendar) =>
  all(el, '[part~="day"]').map((button) => {
    const count = /, (\d+) events?$/.exec(button.getAttribute('aria-label') ?? '');
    return [button.dataset.date!, count ? Number(count[1]) : 0] as const;
  });

function expectMonth(el: EctCalendar, month: string, count: (day: string) => number) {
  const shown = shownCounts(el);
  expect(
    shown.some(([day]) => day === `${month}-15`),
    `${month} shown`,
  ).to.equal(true);
  expect(shown, `the events of each day around ${month}`).to.deep.equal(
    shown.map(([day]) => [day, count(day)]),
  );
}

const heading = (month: string) =>
  new Intl.DateTimeFormat('en', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${month}-01T12:00:00Z`),
  );

/**
 * A calendar on this month showing `body` as a feed, with the probe's verdict, the long tasks
 * Chromium saw, the time to `ready` and the `ect-load` data.
 */
async function show(format: Format, body: string, month = thisMonth) {
  const type = format === 'ics' ? 'text/calendar' : 'application/json';
  const bytes = new TextEncoder().encode(body);
  setFeedFetch(() => {
    let offset = 0;
    // 64 KB a task, as a network response arrives.
    const stream = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve));
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.subarray(offset, (offset += 65_536)));
      },
    });
    return Promise.resolve(new Response(stream, { headers: { 'Content-Type': type } }));
  });
  const box = document.createElement('div');
  box.innerHTML = `<ect-calendar month="${month}" lang="en" refresh="0"></ect-calendar>`;
  const el = box.firstElementChild as EctCalendar;
  const loads: EventsData[] = [];
  el.addEventListener('ect-load', (event) =>
    loads.push((event as EctLoadEvent).detail.data as EventsData),
  );
  el.src = `/big-${format}-${Math.random()}`;
  // Making the feed up is the test's work, not the calendar's: its task ends before the watch.
  await new Promise((resolve) => setTimeout(resolve, 100));
  const probe = probeResponsiveness();
  const tasks = watchLongTasks();
  const began = performance.now();
  await fixture(box);
  await ready(el, undefined);
  const settled = performance.now() - began;
  return {
    el,
    loads,
    settled,
    /** Stops the probe (after what the test did meanwhile): the longest wait and long tasks. */
    async finish() {
      const worst = probe.stop();
      const durations = await tasks.stop();
      return { worst, longest: Math.max(0, ...durations) };
    },
  };
}

/** Clicks « or » `times` times, a task each as a person's clicks are. */
async function go(el: EctCalendar, part: 'next' | 'previous', times = 1) {
  for (let i = 0; i < times; i++) {
    await new Promise((resolve) => setTimeout(resolve));
    one(el, `[part~="${part}"]`)!.click();
    await el.updateComplete;
  }
}

describe('calendar: big calendars', function () {
  this.timeout(60_000);

  // The first calendar of the page loads its view and ical.js: that is not the feed's work.
  before(async () => {
    const shown = await show('ics', feedOf('ics', officeEvents(10)));
    await shown.finish();
  });
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    setFeedFetch();
    clearFeedCache();
  });

  for (const format of ['ics', 'json'] as Format[]) {
    it(`20,000 events in 5 MB (${format}): responsive, ready within 5 s, each month right`, async () => {
      // With the weekly meeting, 20,000 events: all kept.
      const events = officeEvents(19_999);
      const body = feedOf(format, events, 5_000_000);
      const bytes = new TextEncoder().encode(body).byteLength;
      expect(bytes, 'bytes of the feed').to.be.within(4_900_000, 5_100_000);
      const count = expectedCounts(events);
      const { el, loads, settled, finish } = await show(format, body);
      expectMonth(el, thisMonth, count);
      // A day's events, listed when it is chosen.
      const day = `${thisMonth}-15`;
      one(el, `[data-date="${day}"]`)!.click();
      await el.updateComplete;
      expect(all(el, '[part~="events"] [part~="event"]')).to.have.length(count(day));
      // Months before and after, as far as the feed goes.
      await go(el, 'next');
      expect(text(one(el, '[part~="heading"]'))).to.equal(heading(addMonths(thisMonth, 1)));
      expectMonth(el, addMonths(thisMonth, 1), count);
      await go(el, 'previous', 25);
      expectMonth(el, addMonths(thisMonth, -24), count);
      const { worst, longest } = await finish();
      const figures = `${format}, ${bytes} bytes: ready in ${Math.round(settled)} ms, probe ${Math.round(worst)} ms, longest task ${longest} ms`;
      expect(el.state).to.equal('ready');
      expect(loads[0].events).to.have.length(20_000);
      expect(loads[0].trimmed, 'trimmed').to.equal(undefined);
      expect(one(el, '[part~="trimmed"]'), 'trimmed note').to.equal(null);
      expect(settled, figures).to.be.below(5_000);
      expect(worst, figures).to.be.below(200);
    });
  }

  // The long-task API is Chromium's: Firefox's check is the probe's above.
  for (const format of ['ics', 'json'] as Format[]) {
    it(`20,000 events in 5 MB (${format}): no task over 50 ms from the first byte to the month shown (Chromium)`, async function () {
      if (!longTasksSupported) this.skip();
      const body = feedOf(format, officeEvents(19_999), 5_000_000);
      // Up to three attempts, keeping the one with the shortest longest task: another process
      // on a shared machine can lengthen a task of one attempt, a task the calendar makes
      // long is long in every attempt.
      const attempts: number[] = [];
      for (let attempt = 0; attempt < 3 && !(Math.min(...attempts) <= 50); attempt++) {
        clearFeedCache();
        const { el, finish } = await show(format, body);
        const { longest } = await finish();
        expect(el.state).to.equal('ready');
        attempts.push(longest);
        el.remove();
      }
      expect(
        Math.min(...attempts),
        `longest task of each attempt (ms): ${attempts.join(', ')}`,
      ).to.be.at.most(50);
    });
  }

  for (const source of ['data', 'inline'] as const) {
    it(`30,000 events as ${source === 'data' ? 'the data property' : 'inline JSON'}: no task over 50 ms to the month shown (Chromium)`, async function () {
      if (!longTasksSupported) this.skip();
      // Past the events kept: trimmed to those nearest to today, as a feed is.
      const events = officeEvents(30_000);
      const json = feedOf('json', events);
      const attempts: number[] = [];
      for (let attempt = 0; attempt < 3 && !(Math.min(...attempts) <= 50); attempt++) {
        const box = document.createElement('div');
        box.innerHTML = `<ect-calendar month="${thisMonth}" lang="en"></ect-calendar>`;
        const el = box.firstElementChild as EctCalendar;
        if (source === 'data') {
          el.data = JSON.parse(json) as unknown;
        } else {
          const script = document.createElement('script');
          script.type = 'application/json';
          script.textContent = json;
          el.append(script);
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
        const tasks = watchLongTasks();
        await fixture(box);
        await ready(el, undefined);
        attempts.push(Math.max(0, ...(await tasks.stop())));
        expectMonth(el, thisMonth, expectedCounts(events));
        el.remove();
      }
      expect(
        Math.min(...attempts),
        `longest task of each attempt (ms): ${attempts.join(', ')}`,
      ).to.be.at.most(50);
    });
  }

  for (const format of ['ics', 'json'] as Format[]) {
    it(`30,000 events (${format}): those nearest today kept, with a note and in ect-load`, async () => {
      const events = officeEvents(30_000);
      const body = feedOf(format, events);
      const { el, loads, settled, finish } = await show(format, body);
      const { worst, longest } = await finish();
      const figures = `${format}, ${body.length} characters: ready in ${Math.round(settled)} ms, probe ${Math.round(worst)} ms, longest task ${longest} ms`;
      expect(settled, figures).to.be.below(5_000);
      expect(worst, figures).to.be.below(200);
      expect(loads[0].trimmed).to.deep.equal({ kept: LIMITS.events, total: 30_001 });
      expect(loads[0].events).to.have.length(LIMITS.events);
      expect(loads[0].events.some((event) => event.rrule)).to.equal(true);
      expect(text(one(el, '[part~="status"][part~="trimmed"]'))).to.equal(
        'This calendar is long: only the 20,000 events nearest to today are shown (of 30,001).',
      );
      // Today's month is whole.
      expectMonth(el, thisMonth, expectedCounts(events));
      // Two and a half years back only the weekly meeting is left (repeating events are kept).
      await go(el, 'previous', 29);
      const far = addMonths(thisMonth, -29);
      expectMonth(
        el,
        far,
        expectedCounts(events, () => false),
      );
    });
  }

  it('five years of a busy office (3,264 events): shown, not refused, with no note', async () => {
    const events = officeEvents(3_263);
    const body = feedOf('ics', events, 3_264 * 400);
    const { el, loads, finish } = await show('ics', body);
    await finish();
    expect(loads[0].events).to.have.length(3_264);
    expect(loads[0].trimmed).to.equal(undefined);
    expect(one(el, '[part~="trimmed"]')).to.equal(null);
    expectMonth(el, thisMonth, expectedCounts(events));
    await go(el, 'next', 12);
    expectMonth(el, addMonths(thisMonth, 12), expectedCounts(events));
    await expect(el).to.be.accessible();
  });
});
