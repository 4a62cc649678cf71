import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/calendar/calendar.js';
import type { EctCalendar } from '../../src/calendar/calendar.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import type { CalendarEvent, EventsData } from '../../src/feed/types.js';
import { shadow, all, one, text, ready } from '../helpers/dom.js';

const icsFeed = (file: string) => `/api/feed?file=${file}&type=text/calendar`;

const day = (el: Element, date: string) => one(el, `[data-date="${date}"]`)!;
const parts = (node: Element) => (node.getAttribute('part') ?? '').split(' ');
const eventDays = (el: Element) =>
  all(el, '[part~="has-events"]').map((button) => button.dataset.date);
const focused = (el: Element) => (shadow(el).activeElement as HTMLElement | null)?.dataset.date;

/** What Intl itself says, so the tests do not paste its output. */
const intl = (locale: string, options: Intl.DateTimeFormatOptions) => (date: string) =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: 'UTC' }).format(
    Date.parse(`${date}T00:00:00Z`),
  );
const thFull = intl('th', { calendar: 'buddhist', dateStyle: 'full' });
const enFull = intl('en-GB', { calendar: 'gregory', dateStyle: 'full' });

function eventsResponse(events: object[], init: ResponseInit = {}) {
  return new Response(JSON.stringify({ events }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    ...init,
  });
}

async function calendarOf(events: object[], attributes = '') {
  const box = document.createElement('div');
  box.innerHTML = `<ect-calendar ${attributes}></ect-calendar>`;
  const el = box.firstElementChild as EctCalendar;
  el.data = { events };
  await fixture(box);
  return ready(el);
}

const august = ['ประชุมคณะกรรมการ', 'วันเลือกตั้ง', 'วันแม่แห่งชาติ', 'รับสมัครเลือกตั้ง', 'เที่ยงคืนที่กรุงเทพฯ'];
const augustEvents = [
  {
    id: 'm',
    title: august[0],
    start: '2022-08-15T09:30:00+07:00',
    end: '2022-08-15T12:00:00+07:00',
    location: 'ห้องประชุม',
    url: 'https://www.ect.go.th/chiangrai/m',
    category: 'ประชุม',
  },
  {
    id: 'e',
    title: august[1],
    start: '2022-08-28T08:00:00+07:00',
    end: '2022-08-28T17:00:00+07:00',
    category: 'เลือกตั้ง',
  },
  { id: 'h', title: august[2], start: '2022-08-12', allDay: true },
  {
    id: 'n',
    title: august[3],
    start: '2022-08-08',
    end: '2022-08-13',
    allDay: true,
    category: 'เลือกตั้ง',
  },
  { id: 'z', title: august[4], start: '2022-08-10T00:00:00+07:00', category: 'ประชุม' },
];

describe('<ect-calendar>', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    setFeedFetch();
    sinon.restore();
    document.documentElement.removeAttribute('lang');
  });

  it('shows an iCalendar month in Thai with its events on the right days', async () => {
    const el = await ready(
      await fixture<EctCalendar>(
        html`<ect-calendar src=${icsFeed('calendar-2565.ics')} month="2022-08"></ect-calendar>`,
      ),
    );
    expect(text(one(el, '[part~="heading"]'))).to.equal('สิงหาคม 2565');
    expect(text(one(el, '[part~="heading"]'))).to.equal(
      intl('th', { calendar: 'buddhist', month: 'long', year: 'numeric' })('2022-08-01'),
    );
    const headers = all(el, '[part~="weekday"]');
    expect(headers.map((th) => text(th.querySelector('[aria-hidden]')))).to.deep.equal([
      'อา.',
      'จ.',
      'อ.',
      'พ.',
      'พฤ.',
      'ศ.',
      'ส.',
    ]);
    expect(text(headers[0].querySelector('.visually-hidden'))).to.equal(
      intl('th', { weekday: 'long' })('2023-01-01'),
    );
    const days = all(el, '[part~="day"]');
    expect(days).to.have.length(35);
    expect(days[0].dataset.date).to.equal('2022-07-31');
    expect(parts(days[0])).to.include('outside');
    expect(text(days[1].querySelector('.number'))).to.equal('1');
    expect(one(el, '[role="grid"]')!.getAttribute('aria-labelledby')).to.equal('heading');

    // TZID (15th), UTC (20th), floating (22nd), all-day (12th), all-day from the 8th with an
    // exclusive DTEND on the 13th, a weekly RRULE with EXDATEs on the 15th and 29th and a moved
    // occurrence on the 22nd, a Europe/Berlin event running on from the 25th, a cancelled one.
    expect(eventDays(el)).to.deep.equal([
      '2022-08-01',
      '2022-08-08',
      '2022-08-09',
      '2022-08-10',
      '2022-08-11',
      '2022-08-12',
      '2022-08-15',
      '2022-08-20',
      '2022-08-22',
      '2022-08-25',
      '2022-08-26',
      '2022-08-27',
      '2022-08-28',
      '2022-08-29',
      '2022-08-30',
      '2022-08-31',
      '2022-09-01',
      '2022-09-02',
      '2022-09-03',
    ]);
    expect(day(el, '2022-08-15').getAttribute('aria-label')).to.equal(
      `${thFull('2022-08-15')}, 1 กิจกรรม`,
    );
    expect(day(el, '2022-08-22').getAttribute('aria-label')).to.equal(
      `${thFull('2022-08-22')}, 2 กิจกรรม`,
    );
    expect(day(el, '2022-08-14').getAttribute('aria-label')).to.equal(thFull('2022-08-14'));
    await expect(el).to.be.accessible();
  });

  it('lists the chosen day’s events with Thai times and fires ect-select', async () => {
    const el = await ready(
      await fixture<EctCalendar>(
        html`<ect-calendar src=${icsFeed('calendar-2565.ics')} month="2022-08"></ect-calendar>`,
      ),
    );
    expect(one(el, '[part~="events"]')).to.be.null;
    const selected = oneEvent(el, 'ect-select');
    day(el, '2022-08-15').click();
    const { detail } = await selected;
    expect(detail.date).to.equal('2022-08-15');
    expect(detail.events.map((e: CalendarEvent) => e.title)).to.deep.equal([
      'ประชุมคณะกรรมการ, ครั้งที่ 8/2565',
    ]);
    await el.updateComplete;
    expect(parts(day(el, '2022-08-15'))).to.include('selected');
    expect(day(el, '2022-08-15').parentElement!.getAttribute('aria-selected')).to.equal('true');
    expect(text(one(el, '[part~="events"] [part~="date"]'))).to.equal(thFull('2022-08-15'));
    expect(text(one(el, '[part~="time"]'))).to.equal('09.30 น. – 12.00 น.');
    const title = one(el, '[part~="title"]')!;
    expect(title.localName).to.equal('a');
    expect(title.getAttribute('href')).to.equal(
      new URL('/chiangrai/meetings/8-2565.html', location.href).href,
    );
    expect(text(one(el, '[part~="location"]'))).to.equal('ห้องประชุม สำนักงาน กกต. ประจำจังหวัดเชียงราย');

    day(el, '2022-08-12').click();
    await el.updateComplete;
    const times = all(el, '[part~="event"] [part~="time"]').map(text);
    expect(times).to.deep.equal([`8 ส.ค. 2565 – 12 ส.ค. 2565`, 'ทั้งวัน']);
    expect(parts(all(el, '[part~="time"]')[1])).to.include('all-day');
    expect(all(el, '[part~="event"] [part~="title"]').map(text)).to.deep.equal([
      'รับสมัครเลือกตั้งสมาชิกสภาเทศบาล',
      'วันแม่แห่งชาติ',
    ]);

    // UTC 02:00 is 09:00 in Bangkok; DURATION gives the end.
    day(el, '2022-08-20').click();
    await el.updateComplete;
    expect(text(one(el, '[part~="time"]'))).to.equal('09.00 น. – 11.30 น.');
    // The moved occurrence of the weekly meeting and a floating-time training.
    day(el, '2022-08-22').click();
    await el.updateComplete;
    expect(
      all(el, '[part~="event"]').map((li) => text(li.querySelector('[part~="time"]'))),
    ).to.deep.equal(['13.00 น. – 16.00 น.', '13.30 น. – 14.30 น.']);
    day(el, '2022-08-13').click();
    await el.updateComplete;
    expect(text(one(el, '[part~="events"] [part~="empty"]'))).to.equal('ไม่มีกิจกรรมในวันนี้');
    await expect(el).to.be.accessible();
  });

  it('puts an event at 00:00 Bangkok time on its Bangkok day, and follows time-zone', async () => {
    const el = await calendarOf(augustEvents, 'month="2022-08"');
    // The 8th–12th also have a five-day event.
    expect(day(el, '2022-08-10').getAttribute('aria-label')).to.contain('2 กิจกรรม');
    expect(day(el, '2022-08-09').getAttribute('aria-label')).to.contain('1 กิจกรรม');
    day(el, '2022-08-10').click();
    await el.updateComplete;
    expect(all(el, '[part~="event"] [part~="title"]').map(text)).to.include(august[4]);
    expect(all(el, '[part~="event"] [part~="time"]').map(text)).to.include('00.00 น.');

    el.timeZone = 'UTC';
    await el.updateComplete;
    expect(day(el, '2022-08-10').getAttribute('aria-label')).to.contain('1 กิจกรรม');
    expect(day(el, '2022-08-09').getAttribute('aria-label')).to.contain('2 กิจกรรม');
    day(el, '2022-08-09').click();
    await el.updateComplete;
    expect(all(el, '[part~="event"] [part~="title"]').map(text)).to.include(august[4]);
    expect(all(el, '[part~="event"] [part~="time"]').map(text)).to.include('17.00 น.');
  });

  it('reads English, Gregorian years, Thai digits and another first day', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><ect-calendar month="2022-08"></ect-calendar></div>`,
    );
    const el = wrapper.querySelector('ect-calendar')!;
    el.data = { events: augustEvents };
    await ready(el);
    expect(text(one(el, '[part~="heading"]'))).to.equal('August 2022');
    const enShort = intl('en-GB', { weekday: 'short' });
    expect(all(el, '[part~="weekday"] [aria-hidden]').map((span) => text(span))).to.deep.equal(
      [
        '2023-01-01',
        '2023-01-02',
        '2023-01-03',
        '2023-01-04',
        '2023-01-05',
        '2023-01-06',
        '2023-01-07',
      ].map(enShort),
    );
    expect(day(el, '2022-08-15').getAttribute('aria-label')).to.equal(
      `${enFull('2022-08-15')}, 1 event`,
    );
    expect(day(el, '2022-08-12').getAttribute('aria-label')).to.equal(
      `${enFull('2022-08-12')}, 2 events`,
    );
    day(el, '2022-08-15').click();
    await el.updateComplete;
    expect(text(one(el, '[part~="time"]'))).to.equal('9:30 AM – 12:00 PM');
    expect(text(one(el, '[part~="add"]'))).to.contain('Add to my calendar');

    wrapper.setAttribute('lang', 'th');
    el.calendar = 'gregory';
    await waitUntil(() => text(one(el, '[part~="heading"]')) === 'สิงหาคม 2022');
    el.calendar = null;
    el.numerals = 'thai';
    el.firstDay = 1;
    await el.updateComplete;
    expect(text(one(el, '[part~="heading"]'))).to.equal('สิงหาคม ๒๕๖๕');
    expect(text(day(el, '2022-08-15').querySelector('.number'))).to.equal('๑๕');
    expect(text(one(el, '[part~="time"]'))).to.equal('๐๙.๓๐ น. – ๑๒.๐๐ น.');
    expect(all(el, '[part~="weekday"] [aria-hidden]').map(text)).to.deep.equal([
      'จ.',
      'อ.',
      'พ.',
      'พฤ.',
      'ศ.',
      'ส.',
      'อา.',
    ]);
    expect(all(el, '[part~="day"]')[0].dataset.date).to.equal('2022-08-01');
    await expect(el).to.be.accessible();
  });

  it('marks today and opens on the current month in Bangkok', async () => {
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
    const el = await calendarOf([{ id: 't', title: 'วันนี้', start: today }]);
    const button = one(el, '[aria-current="date"]')!;
    expect(button.dataset.date).to.equal(today);
    expect(parts(button)).to.include.members(['today', 'has-events']);
    expect(button.tabIndex).to.equal(0);
    expect(all(el, '[part~="day"]').filter((b) => b.tabIndex === 0)).to.have.length(1);
  });

  it('moves by day, week, month and year from the keyboard, and selects with Enter and Space', async () => {
    const el = await calendarOf(augustEvents, 'month="2022-08"');
    const months: string[] = [];
    el.addEventListener('ect-month-change', (event) => months.push(event.detail.month));
    const press = async (key: string) => {
      await sendKeys({ press: key });
      await el.updateComplete;
    };
    // The tab stop is the 1st of a month without today or a chosen day.
    all(el, '[part~="day"]')
      .find((button) => button.tabIndex === 0)!
      .focus();
    expect(focused(el)).to.equal('2022-08-01');
    // With Control (or Alt, Meta) the keys are left to the browser and screen reader.
    await sendKeys({ down: 'Control' });
    await press('ArrowRight');
    await sendKeys({ up: 'Control' });
    expect(focused(el)).to.equal('2022-08-01');
    await press('ArrowRight');
    expect(focused(el)).to.equal('2022-08-02');
    await press('ArrowDown');
    expect(focused(el)).to.equal('2022-08-09');
    await press('ArrowLeft');
    expect(focused(el)).to.equal('2022-08-08');
    await press('ArrowUp');
    expect(focused(el)).to.equal('2022-08-01');
    await press('End');
    expect(focused(el)).to.equal('2022-08-06');
    await press('Home');
    expect(focused(el)).to.equal('2022-07-31');
    // A day of July: the grid turned to July.
    expect(months).to.deep.equal(['2022-07']);
    expect(text(one(el, '[part~="heading"]'))).to.equal('กรกฎาคม 2565');
    await press('PageDown');
    expect(focused(el)).to.equal('2022-08-31');
    await press('PageDown');
    expect(focused(el)).to.equal('2022-09-30');
    await press('PageUp');
    expect(focused(el)).to.equal('2022-08-30');
    await sendKeys({ down: 'Shift' });
    await press('PageDown');
    expect(focused(el)).to.equal('2023-08-30');
    await press('PageUp');
    await sendKeys({ up: 'Shift' });
    expect(focused(el)).to.equal('2022-08-30');
    expect(months).to.deep.equal([
      '2022-07',
      '2022-08',
      '2022-09',
      '2022-08',
      '2023-08',
      '2022-08',
    ]);
    expect(el.month).to.equal('2022-08');
    expect(
      all(el, '[part~="day"]')
        .filter((b) => b.tabIndex === 0)
        .map((b) => b.dataset.date),
    ).to.deep.equal(['2022-08-30']);

    await press('ArrowLeft');
    await press('ArrowLeft');
    let selected = oneEvent(el, 'ect-select');
    await press('Enter');
    expect((await selected).detail.date).to.equal('2022-08-28');
    await el.updateComplete;
    expect(all(el, '[part~="event"] [part~="title"]').map(text)).to.deep.equal([august[1]]);
    await press('ArrowUp');
    selected = oneEvent(el, 'ect-select');
    await press(' ');
    const { detail } = await selected;
    expect(detail.date).to.equal('2022-08-21');
    expect(detail.events).to.deep.equal([]);
    expect(focused(el)).to.equal('2022-08-21');
  });

  it('keeps the day number when the month buttons turn the page', async () => {
    const el = await calendarOf(augustEvents, 'month="2022-08"');
    day(el, '2022-08-31').click();
    await el.updateComplete;
    const next = one(el, '[part~="next"]')!;
    expect(next.getAttribute('aria-label')).to.equal('เดือนถัดไป');
    const changed = oneEvent(el, 'ect-month-change');
    next.click();
    expect((await changed).detail).to.deep.equal({ month: '2022-09' });
    await el.updateComplete;
    expect(text(one(el, '[part~="heading"]'))).to.equal('กันยายน 2565');
    // The 31st does not exist in September: the tab stop is the 30th; the choice is cleared.
    expect(all(el, '[part~="day"]').find((b) => b.tabIndex === 0)!.dataset.date).to.equal(
      '2022-09-30',
    );
    expect(one(el, '[part~="events"]')).to.be.null;
    one(el, '[part~="previous"]')!.click();
    one(el, '[part~="previous"]')!.click();
    await el.updateComplete;
    expect(el.month).to.equal('2022-07');
    expect(all(el, '[part~="day"]').find((b) => b.tabIndex === 0)!.dataset.date).to.equal(
      '2022-07-30',
    );
    // A day of the next month in the trailing row turns the page and chooses it.
    const turned = oneEvent(el, 'ect-month-change');
    day(el, '2022-08-01').click();
    expect((await turned).detail.month).to.equal('2022-08');
    await el.updateComplete;
    expect(parts(day(el, '2022-08-01'))).to.include('selected');
    expect(parts(day(el, '2022-08-01'))).to.not.include('outside');
  });

  it('expands RRULE with EXDATE over the month shown, loading ical.js for a JSON feed', async () => {
    const el = await calendarOf(
      [
        {
          id: 'w',
          title: 'ประชุมประจำสัปดาห์',
          start: '2022-08-01T08:30:00+07:00',
          end: '2022-08-01T09:30:00+07:00',
          rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8',
          exdates: ['2022-08-15T08:30:00+07:00'],
        },
      ],
      'month="2022-08"',
    );
    expect(eventDays(el)).to.deep.equal(['2022-08-01', '2022-08-08', '2022-08-22', '2022-08-29']);
    const selected = oneEvent(el, 'ect-select');
    day(el, '2022-08-22').click();
    const [occurrence] = (await selected).detail.events;
    expect(occurrence.start).to.equal('2022-08-22T08:30:00+07:00');
    expect(occurrence.id).to.equal('w/2022-08-22T08:30:00+07:00');
    one(el, '[part~="next"]')!.click();
    await el.updateComplete;
    // COUNT=8 ends on 19 September; the trailing days show nothing after it.
    expect(eventDays(el)).to.deep.equal(['2022-08-29', '2022-09-05', '2022-09-12', '2022-09-19']);
  });

  it('turns categories into a filter and shows one category with `category`', async () => {
    const el = await calendarOf(augustEvents, 'month="2022-08"');
    const choices = all(el, '[part~="category"]');
    expect(choices.map(text)).to.deep.equal(['ทั้งหมด', 'ประชุม', 'เลือกตั้ง']);
    expect(one(el, '[role="radiogroup"]')!.getAttribute('aria-label')).to.equal('หมวดหมู่');
    choices[2].click();
    await el.updateComplete;
    expect(parts(all(el, '[part~="category"]')[2])).to.include('selected');
    expect(eventDays(el)).to.deep.equal([
      '2022-08-08',
      '2022-08-09',
      '2022-08-10',
      '2022-08-11',
      '2022-08-12',
      '2022-08-28',
    ]);
    const selected = oneEvent(el, 'ect-select');
    day(el, '2022-08-12').click();
    expect((await selected).detail.events.map((e: CalendarEvent) => e.title)).to.deep.equal([
      august[3],
    ]);
    await expect(el).to.be.accessible();

    el.category = 'ประชุม';
    await el.updateComplete;
    expect(one(el, '[part~="categories"]')).to.be.null;
    expect(eventDays(el)).to.deep.equal(['2022-08-10', '2022-08-15']);
  });

  it('shows the month as a dated list with view="list"', async () => {
    const el = await calendarOf(augustEvents, 'month="2022-08" view="list"');
    expect(one(el, '[role="grid"]')).to.be.null;
    const dates = all(el, 'ol[part~="events"] > li > [part~="date"]').map(text);
    expect(dates).to.deep.equal(
      ['2022-08-08', '2022-08-10', '2022-08-12', '2022-08-15', '2022-08-28'].map(thFull),
    );
    // The event of five days is listed once, under its first day.
    expect(all(el, '[part~="event"] [part~="title"]').map(text)).to.deep.equal([
      august[3],
      august[4],
      august[2],
      august[0],
      august[1],
    ]);
    one(el, '[part~="next"]')!.click();
    await el.updateComplete;
    expect(text(one(el, '[part~="empty"]'))).to.equal('ไม่มีกิจกรรมในเดือนนี้');
    await expect(el).to.be.accessible();
  });

  it('fits a 250 px sidebar with dots and a full page with titles in the days', async () => {
    const el = await calendarOf(augustEvents, 'month="2022-08"');
    const box = el.parentElement!;
    const visible = (node: Element | null) =>
      node !== null &&
      getComputedStyle(node).display !== 'none' &&
      node.getClientRects().length > 0;
    const within = () => {
      const host = el.getBoundingClientRect();
      const grid = one(el, '[role="grid"]')!.getBoundingClientRect();
      return grid.left >= host.left - 0.5 && grid.right <= host.right + 0.5;
    };

    box.style.width = '250px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(within(), 'the month grid stays inside 250 px').to.be.true;
    expect(el.scrollWidth).to.be.at.most(250);
    const day15 = day(el, '2022-08-15');
    expect(visible(day15.querySelector('[part~="marker"]')), 'a dot marks a day with events').to.be
      .true;
    expect(visible(day15.parentElement!.querySelector('[part~="titles"]'))).to.be.false;
    // Every day of the week stays wide enough to hit: WCAG 2.5.8 asks for 24 px.
    for (const button of all(el, '[part~="day"]')) {
      const { width, height } = button.getBoundingClientRect();
      expect(Math.min(width, height)).to.be.at.least(24);
    }

    box.style.width = '960px';
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(within()).to.be.true;
    const titles = day15.parentElement!.querySelector('[part~="titles"]');
    expect(visible(titles), 'titles show in the days on a full page').to.be.true;
    expect(text(titles)).to.equal(august[0]);
    expect(visible(day15.querySelector('[part~="marker"]'))).to.be.false;
    expect(day15.getBoundingClientRect().height).to.be.greaterThan(60);
  });

  it('downloads an event as a one-event .ics through a blob: link', async () => {
    const el = await calendarOf(augustEvents, 'month="2022-08"');
    day(el, '2022-08-15').click();
    await el.updateComplete;
    const blobs: Blob[] = [];
    const create = sinon.stub(URL, 'createObjectURL').callsFake((blob) => {
      blobs.push(blob as Blob);
      return 'blob:test/1';
    });
    sinon.stub(URL, 'revokeObjectURL');
    const clicked: HTMLAnchorElement[] = [];
    sinon.stub(HTMLAnchorElement.prototype, 'click').callsFake(function (this: HTMLAnchorElement) {
      clicked.push(this);
    });
    const add = one(el, '[part~="add"]')!;
    expect(add.localName).to.equal('button');
    expect(text(add)).to.equal(`เพิ่มลงในปฏิทินของฉัน – ${august[0]}`);
    add.click();
    await waitUntil(() => clicked.length > 0);
    expect(create.calledOnce).to.be.true;
    expect(clicked).to.have.length(1);
    expect(clicked[0].getAttribute('href')).to.equal('blob:test/1');
    expect(clicked[0].download).to.equal(`2022-08-15-${august[0]}.ics`);
    expect(clicked[0].isConnected).to.be.false;
    expect(blobs[0].type).to.equal('text/calendar;charset=utf-8');
    const ics = await blobs[0].text();
    expect(ics).to.contain('\r\nSUMMARY:ประชุมคณะกรรมการ\r\n');
    expect(ics).to.contain('\r\nDTSTART:20220815T023000Z\r\n');
    const back = (await parseFeed(ics)) as EventsData;
    expect(back.events[0].title).to.equal(august[0]);
  });

  it('goes through loading, error (with retry), ready, stale and empty, with events', async () => {
    // The first answer waits, so the loading state outlasts the loading of the templates.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let answer: () => Response | Promise<Response> = async () => {
      await held;
      return new Response('', { status: 500 });
    };
    setFeedFetch(async () => answer());
    const el = document.createElement('ect-calendar');
    el.src = '/mock/states';
    el.refresh = 0;
    el.month = '2022-08';
    const errored = oneEvent(el, 'ect-error');
    document.body.append(el);
    try {
      await el.updateComplete;
      expect(el.getAttribute('state')).to.equal('loading');
      expect(one(el, '[part~="loading"]')).to.exist;
      release();
      expect((await errored).detail.message).to.contain('HTTP 500');
      await ready(el, 'error');
      expect(text(one(el, '[part~="error"]'))).to.contain('โหลดข้อมูลไม่สำเร็จ');

      answer = () => eventsResponse(augustEvents);
      const loaded = oneEvent(el, 'ect-load');
      one(el, '[part~="retry"]')!.click();
      expect((await loaded).detail.data.kind).to.equal('events');
      await ready(el);
      expect(eventDays(el)).to.include('2022-08-15');

      answer = () => new Response('', { status: 503 });
      el.reload();
      await ready(el, 'stale');
      expect(one(el, '[part~="stale"]')).to.exist;
      expect(eventDays(el)).to.include('2022-08-15');
      await expect(el).to.be.accessible();

      answer = () => eventsResponse([]);
      el.reload();
      await ready(el, 'empty');
      // An empty feed still shows the month.
      expect(all(el, '[part~="day"]')).to.have.length(35);
      expect(eventDays(el)).to.deep.equal([]);
    } finally {
      el.remove();
    }
  });

  it('shows the fallback while loading, reads indented inline iCalendar, links "see full calendar"', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    setFeedFetch(async () => {
      await gate;
      return eventsResponse(augustEvents);
    });
    const el = await fixture<EctCalendar>(
      html`<ect-calendar src="/mock/slow" month="2022-08" see-all-href="/calendar"
        ><a href="/calendar">ปฏิทินกิจกรรมทั้งหมด</a></ect-calendar
      >`,
    );
    expect(one(el, 'slot')).to.exist;
    release();
    await ready(el);
    expect(one(el, 'slot')).to.be.null;
    const more = one(el, '[part~="more"]')!;
    expect(text(more)).to.equal('ดูปฏิทินทั้งหมด');
    expect(more.getAttribute('href')).to.equal(new URL('/calendar', location.href).href);
    el.seeAllHref = 'javascript:alert(1)';
    await el.updateComplete;
    expect(one(el, '[part~="more"]')).to.be.null;

    const inline = await fixture<EctCalendar>(
      html`<ect-calendar month="2022-08">
        <script type="text/calendar">
          BEGIN:VCALENDAR
          VERSION:2.0
          BEGIN:VEVENT
          UID:inline
          DTSTART;VALUE=DATE:20220812
          SUMMARY:วันแม่แห่งชาติ
          END:VEVENT
          END:VCALENDAR
        </script>
      </ect-calendar>`,
    );
    await ready(inline);
    expect(eventDays(inline)).to.deep.equal(['2022-08-12']);
  });

  it('renders hostile event text inert', async () => {
    const el = await calendarOf(
      [
        {
          id: 'x',
          title: '<img src=x onerror="window.__pwned=1">',
          start: '2022-08-15',
          url: 'javascript:window.__pwned=1',
          location: '<script>window.__pwned=1</script>',
        },
      ],
      'month="2022-08"',
    );
    day(el, '2022-08-15').click();
    await el.updateComplete;
    const title = one(el, '[part~="event"] [part~="title"]')!;
    expect(title.localName).to.equal('span');
    expect(text(title)).to.contain('<img');
    expect(one(el, 'img')).to.be.null;
    expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
  });
});
