import { expect } from '@open-wc/testing';
import {
  EVENT_MS,
  Expansion,
  MAX_OCCURRENCES,
  expandEvent,
  loadExpander,
} from '../../src/calendar/recurrence.js';
import { loadIcal } from '../../src/feed/parse/load-ical.js';
import { instantRange } from '../../src/calendar/month.js';
import type { CalendarEvent } from '../../src/feed/types.js';

const base = (fields: Partial<CalendarEvent>): CalendarEvent => ({
  id: 'r',
  title: 'ประชุมประจำสัปดาห์',
  start: '2022-08-01T08:30:00+07:00',
  end: '2022-08-01T09:30:00+07:00',
  allDay: false,
  categories: [],
  timeZone: 'Asia/Bangkok',
  ...fields,
});

const august = instantRange('2022-07-31', '2022-09-03');

describe('calendar recurrence', () => {
  let ical: Awaited<ReturnType<typeof loadIcal>>;
  before(async () => {
    ical = await loadIcal();
  });

  it('expands a weekly rule with COUNT and EXDATE over the visible range only', () => {
    const event = base({
      rrule: 'FREQ=WEEKLY;BYDAY=MO;COUNT=8',
      exdates: ['2022-08-15T08:30:00+07:00', '2022-08-29T01:30:00Z'],
    });
    const out = expandEvent(ical, event, ...august);
    expect(out.map((e) => e.start)).to.deep.equal([
      '2022-08-01T08:30:00+07:00',
      '2022-08-08T08:30:00+07:00',
      '2022-08-22T08:30:00+07:00',
    ]);
    expect(out[1].end).to.equal('2022-08-08T02:30:00Z');
    expect(out[1].id).to.equal('r/2022-08-08T08:30:00+07:00');
    expect(out[1]).to.not.have.property('rrule');
    expect(out[1]).to.not.have.property('exdates');
    const september = instantRange('2022-08-28', '2022-10-08');
    expect(expandEvent(ical, event, ...september).map((e) => e.start.slice(0, 10))).to.deep.equal([
      '2022-09-05',
      '2022-09-12',
      '2022-09-19',
    ]);
    expect(expandEvent(ical, event, ...instantRange('2022-10-30', '2022-12-03'))).to.deep.equal([]);
  });

  it('keeps the wall-clock time of a zone with daylight saving and honours a UTC UNTIL', () => {
    const event = base({
      start: '2022-10-24T10:00:00+02:00',
      end: '2022-10-24T11:00:00+02:00',
      timeZone: 'Europe/Berlin',
      // 09:00Z on 7 November is 10:00 in Berlin (+01:00): that day is the last.
      rrule: 'FREQ=WEEKLY;UNTIL=20221107T090000Z',
    });
    const out = expandEvent(ical, event, ...instantRange('2022-10-01', '2022-12-31'));
    expect(out.map((e) => e.start)).to.deep.equal([
      '2022-10-24T10:00:00+02:00',
      '2022-10-31T10:00:00+01:00',
      '2022-11-07T10:00:00+01:00',
    ]);
    expect(out[1].end).to.equal('2022-10-31T10:00:00Z');
  });

  it('expands all-day and UTC events and drops date-only exclusions', () => {
    const holiday = base({
      start: '2022-08-12',
      end: '2022-08-13',
      allDay: true,
      rrule: 'FREQ=YEARLY',
      exdates: ['2024-08-12'],
    });
    const years = expandEvent(ical, holiday, ...instantRange('2022-01-01', '2026-12-31'));
    expect(years.map((e) => `${e.start}/${e.end}`)).to.deep.equal([
      '2022-08-12/2022-08-13',
      '2023-08-12/2023-08-13',
      '2025-08-12/2025-08-13',
      '2026-08-12/2026-08-13',
    ]);
    const utc = base({
      start: '2022-08-01T17:00:00Z',
      end: undefined,
      timeZone: undefined,
      rrule: 'FREQ=DAILY;INTERVAL=10',
    });
    expect(
      expandEvent(ical, utc, ...instantRange('2022-08-01', '2022-08-31')).map((e) => e.start),
    ).to.deep.equal([
      '2022-08-01T17:00:00Z',
      '2022-08-11T17:00:00Z',
      '2022-08-21T17:00:00Z',
      '2022-08-31T17:00:00Z',
    ]);
  });

  it('includes an occurrence that began before the range and still runs', () => {
    const camp = base({
      start: '2022-07-29',
      end: '2022-08-03',
      allDay: true,
      rrule: 'FREQ=MONTHLY;COUNT=2',
    });
    const out = expandEvent(ical, camp, ...instantRange('2022-08-07', '2022-08-20'));
    expect(out.map((e) => `${e.start}/${e.end}`)).to.deep.equal([]);
    const early = expandEvent(ical, camp, ...instantRange('2022-08-02', '2022-08-20'));
    expect(early.map((e) => `${e.start}/${e.end}`)).to.deep.equal(['2022-07-29/2022-08-03']);
  });

  it('leaves unreadable rules and plain events as they are', () => {
    const broken = base({ rrule: 'FREQ=SOMETIMES' });
    expect(expandEvent(ical, broken, ...august)).to.deep.equal([broken]);
  });

  it('expands a feed’s recurring events and passes the others through', async () => {
    const expand = await loadExpander();
    const plain = base({ rrule: undefined, id: 'p' });
    const daily = base({ rrule: 'FREQ=DAILY;COUNT=3' });
    expect(
      expand([plain, daily], ...august)
        .runToEnd()
        .events.map((e) => e.id),
    ).to.deep.equal([
      'p',
      'r/2022-08-01T08:30:00+07:00',
      'r/2022-08-02T08:30:00+07:00',
      'r/2022-08-03T08:30:00+07:00',
    ]);
  });

  describe('time, not only count, bounds the work', () => {
    /** Runs `expansion` a slice at a time; the longest slice and the wall time in all. */
    function timed(expansion: Expansion) {
      const began = performance.now();
      let longest = 0;
      for (let done = false; !done;) {
        const slice = performance.now();
        done = expansion.run();
        longest = Math.max(longest, performance.now() - slice);
        expect(performance.now() - began, 'wall time').to.be.below(10_000);
      }
      return { longest, total: performance.now() - began };
    }

    it('stops a rule that loops inside one step of ical.js (30 February) and says so', () => {
      for (const rrule of [
        'FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30',
        'FREQ=SECONDLY;BYMONTH=2;BYMONTHDAY=29',
        'FREQ=YEARLY;BYMONTH=4;BYDAY=1MO;BYMONTHDAY=15,16,17,18,19,20,21',
      ]) {
        const expansion = new Expansion(ical, [base({ rrule })], ...august);
        const { longest, total } = timed(expansion);
        expect(longest, `${rrule}: longest slice`).to.be.below(200);
        expect(total, `${rrule}: in all`).to.be.below(EVENT_MS + 200);
        expect(expansion.incomplete, rrule).to.equal(true);
        // The first occurrence (DTSTART) is all that is known of it.
        expect(expansion.events.length, rrule).to.be.at.most(1);
      }
    });

    it('drops an event whose rule ical.js rejects while expanding, keeping the others', () => {
      const plain = base({ id: 'p', rrule: undefined });
      const rejected = base({ id: 'x', rrule: 'FREQ=MONTHLY;BYDAY=MO;BYMONTHDAY=31;BYMONTH=2' });
      const weekly = base({ id: 'w', rrule: 'FREQ=WEEKLY;COUNT=2' });
      const expansion = new Expansion(ical, [plain, rejected, weekly], ...august).runToEnd();
      expect(expansion.events.map((e) => e.id)).to.deep.equal([
        'p',
        'w/2022-08-01T08:30:00+07:00',
        'w/2022-08-08T08:30:00+07:00',
      ]);
      expect(expansion.incomplete).to.equal(true);
    });

    it('caps the occurrences of one event and the time of a range of hostile events', () => {
      const minutely = new Expansion(ical, [base({ rrule: 'FREQ=MINUTELY' })], ...august);
      timed(minutely);
      expect(minutely.events.length).to.equal(MAX_OCCURRENCES);
      expect(minutely.incomplete).to.equal(true);

      const many = Array.from({ length: 200 }, (_, i) =>
        base({ id: `s${i}`, rrule: 'FREQ=SECONDLY;COUNT=1000000000' }),
      );
      const expansion = new Expansion(ical, many, ...august);
      const { longest, total } = timed(expansion);
      expect(longest, 'longest slice').to.be.below(200);
      expect(total, 'in all').to.be.below(5_000);
      expect(expansion.incomplete).to.equal(true);
    });

    it('a series without COUNT costs what the range shown needs, not what its age would', () => {
      // Starts far enough back for the skip to matter, near enough for the COUNT reference.
      const rules = [
        ['2016-01-04T08:30:00+07:00', 'FREQ=DAILY'],
        ['2016-01-04T08:30:00+07:00', 'FREQ=DAILY;INTERVAL=3;BYDAY=MO,TU,WE'],
        ['2010-01-04T08:30:00+07:00', 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,TH'],
        ['1995-01-31T08:30:00+07:00', 'FREQ=MONTHLY'],
        ['1995-03-31T08:30:00+07:00', 'FREQ=MONTHLY;INTERVAL=7'],
        ['1995-01-27T08:30:00+07:00', 'FREQ=MONTHLY;BYDAY=-1FR'],
        ['1996-02-29T08:30:00+07:00', 'FREQ=YEARLY'],
        ['1995-08-12T08:30:00+07:00', 'FREQ=YEARLY;INTERVAL=3;BYMONTH=8;BYDAY=2SA'],
        ['2021-06-05T08:30:00+07:00', 'FREQ=HOURLY;INTERVAL=7;BYDAY=SA'],
        ['2022-06-01T08:30:17+07:00', 'FREQ=MINUTELY;INTERVAL=97;BYHOUR=9,10'],
      ];
      const ranges = [
        instantRange('2022-07-31', '2022-09-03'),
        instantRange('2024-01-28', '2024-03-02'),
      ];
      for (const [start, rrule] of rules) {
        const event = base({ start, end: undefined, rrule });
        let shown = 0;
        for (const range of ranges) {
          const began = performance.now();
          const skipped = expandEvent(ical, event, ...range);
          const cost = performance.now() - began;
          // With COUNT the iteration runs from DTSTART: the reference.
          const counted = new Expansion(
            ical,
            [{ ...event, rrule: `${rrule};COUNT=900000` }],
            ...range,
            { eventMs: 60_000, rangeMs: 60_000 },
          ).runToEnd().events;
          expect(
            skipped.map((e) => e.start),
            rrule,
          ).to.deep.equal(counted.map((e) => e.start));
          expect(cost, `${rrule}: ms`).to.be.below(100);
          shown += skipped.length;
        }
        expect(shown, rrule).to.be.above(0);
      }
      // Far beyond what counting from 1995 could reach in time.
      const daily = base({
        start: '1995-01-02T08:30:00+07:00',
        end: undefined,
        rrule: 'FREQ=DAILY',
      });
      expect(
        expandEvent(ical, daily, ...instantRange('2600-01-01', '2600-01-03')).map((e) => e.start),
      ).to.deep.equal([
        // The range runs a day either side of the dates given (instantRange).
        '2599-12-31T08:30:00+07:00',
        '2600-01-01T08:30:00+07:00',
        '2600-01-02T08:30:00+07:00',
        '2600-01-03T08:30:00+07:00',
        '2600-01-04T08:30:00+07:00',
      ]);
    });
  });
});
