import { expect } from '@open-wc/testing';
import { expandEvent, loadExpander } from '../../src/calendar/recurrence.js';
import { loadIcal } from '../../src/core/ical.js';
import { instantRange } from '../../src/calendar/month.js';
import type { CalendarEvent } from '../../src/core/types.js';

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
    expect(expand([plain, daily], ...august).map((e) => e.id)).to.deep.equal([
      'p',
      'r/2022-08-01T08:30:00+07:00',
      'r/2022-08-02T08:30:00+07:00',
      'r/2022-08-03T08:30:00+07:00',
    ]);
  });
});
