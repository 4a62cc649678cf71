import { expect } from '@open-wc/testing';
import {
  addMonths,
  categoriesOf,
  daySpan,
  eventsByDay,
  eventsWithin,
  indexByMonth,
  instantRange,
  monthGrid,
  moveDate,
  sameDayIn,
  shiftMonths,
  weekStart,
} from '../../src/calendar/month.js';
import { parseMonth } from '../../src/calendar/calendar.js';
import type { CalendarEvent } from '../../src/feed/types.js';

const event = (fields: Partial<CalendarEvent> & { start: string }): CalendarEvent => ({
  id: fields.title ?? fields.start,
  title: fields.start,
  allDay: /^\d{4}-\d{2}-\d{2}$/.test(fields.start),
  categories: [],
  ...fields,
});

describe('calendar month maths', () => {
  it('reads months and moves by months, clamping the day number', () => {
    expect(parseMonth(' 2022-08 ')).to.equal('2022-08');
    expect(parseMonth('2022-13')).to.be.undefined;
    expect(parseMonth('2565-8')).to.be.undefined;
    expect(addMonths('2022-12', 1)).to.equal('2023-01');
    expect(addMonths('2022-01', -1)).to.equal('2021-12');
    expect(addMonths('2022-08', -20)).to.equal('2020-12');
    expect(shiftMonths('2022-01-31', 1)).to.equal('2022-02-28');
    expect(shiftMonths('2024-03-31', -1)).to.equal('2024-02-29');
    expect(shiftMonths('2024-02-29', 12)).to.equal('2025-02-28');
    expect(sameDayIn('2022-08-31', '2022-11')).to.equal('2022-11-30');
    expect(sameDayIn('2022-08-15', '2021-02')).to.equal('2021-02-15');
    expect(weekStart('1')).to.equal(1);
    expect(weekStart(-1)).to.equal(6);
    expect(weekStart('x')).to.equal(0);
  });

  it('lays out August 2022 from Sunday and from Monday with leading and trailing days', () => {
    const sunday = monthGrid('2022-08', 0);
    expect(sunday).to.have.length(5);
    expect(sunday[0]).to.deep.equal([
      '2022-07-31',
      '2022-08-01',
      '2022-08-02',
      '2022-08-03',
      '2022-08-04',
      '2022-08-05',
      '2022-08-06',
    ]);
    expect(sunday[4][6]).to.equal('2022-09-03');
    const monday = monthGrid('2022-08', 1);
    expect(monday[0][0]).to.equal('2022-08-01');
    expect(monday[monday.length - 1][6]).to.equal('2022-09-04');
    // February 2015 starts on a Sunday and has exactly four weeks.
    expect(monthGrid('2015-02', 0)).to.have.length(4);
  });

  it('moves the focus as the WAI-ARIA date grid does', () => {
    const day = '2022-08-17'; // a Wednesday
    expect(moveDate('ArrowLeft', day, 0)).to.equal('2022-08-16');
    expect(moveDate('ArrowRight', '2022-08-31', 0)).to.equal('2022-09-01');
    expect(moveDate('ArrowUp', day, 0)).to.equal('2022-08-10');
    expect(moveDate('ArrowDown', '2022-08-28', 0)).to.equal('2022-09-04');
    expect(moveDate('Home', day, 0)).to.equal('2022-08-14');
    expect(moveDate('End', day, 0)).to.equal('2022-08-20');
    expect(moveDate('Home', day, 1)).to.equal('2022-08-15');
    expect(moveDate('End', day, 1)).to.equal('2022-08-21');
    expect(moveDate('PageUp', '2022-03-31', 0)).to.equal('2022-02-28');
    expect(moveDate('PageDown', day, 0)).to.equal('2022-09-17');
    expect(moveDate('PageUp', day, 0, true)).to.equal('2021-08-17');
    expect(moveDate('PageDown', '2024-02-29', 0, true)).to.equal('2025-02-28');
    expect(moveDate('a', day, 0)).to.be.undefined;
  });

  it('places events on the days of the display zone, not the viewer’s', () => {
    // 00:00 in Bangkok is still the previous day in New York, where the tests run.
    expect(daySpan(event({ start: '2022-08-10T00:00:00+07:00' }))).to.deep.equal({
      first: '2022-08-10',
      last: '2022-08-10',
    });
    expect(daySpan(event({ start: '2022-08-10T00:00:00+07:00' }), 'UTC')?.first).to.equal(
      '2022-08-09',
    );
    // An all-day end is exclusive; so is a timed end at midnight.
    expect(daySpan(event({ start: '2022-08-08', end: '2022-08-13' }))).to.deep.equal({
      first: '2022-08-08',
      last: '2022-08-12',
    });
    expect(
      daySpan(event({ start: '2022-08-15T22:00:00+07:00', end: '2022-08-16T00:00:00+07:00' })),
    ).to.deep.equal({ first: '2022-08-15', last: '2022-08-15' });
    expect(
      daySpan(event({ start: '2022-08-20T02:00:00Z', end: '2022-08-21T03:00:00Z' })),
    ).to.deep.equal({
      first: '2022-08-20',
      last: '2022-08-21',
    });
  });

  it('lists each day’s events, all-day first, and clips spans to the range', () => {
    const events = [
      event({ start: '2022-08-15T13:00:00+07:00', title: 'afternoon', categories: ['b'] }),
      event({ start: '2022-08-15T09:30:00+07:00', title: 'morning', categories: ['a'] }),
      event({ start: '2022-07-29', end: '2022-08-02', title: 'long', categories: ['a', 'b'] }),
      event({ start: '2022-08-15', title: 'holiday' }),
      event({ start: '2022-10-01', title: 'later' }),
    ];
    const days = eventsByDay(events, '2022-07-31', '2022-09-03');
    expect(days.get('2022-08-15')!.map((e) => e.title)).to.deep.equal([
      'holiday',
      'morning',
      'afternoon',
    ]);
    expect([...days.keys()].filter((d) => days.get(d)![0].title === 'long')).to.deep.equal([
      '2022-07-31',
      '2022-08-01',
    ]);
    expect(days.has('2022-10-01')).to.be.false;
    expect(categoriesOf(events)).to.deep.equal(['b', 'a']);
  });
});

describe('indexByMonth and eventsWithin', () => {
  // Events at the edges of months, in the zones furthest apart, and some that span months.
  const events = [
    event({ start: '2024-03-31T23:30:00-11:00', end: '2024-04-01T00:30:00-11:00' }),
    event({ start: '2024-04-01T00:30:00+14:00' }),
    event({ start: '2024-02-29T22:00:00Z', end: '2024-03-01T02:00:00Z' }),
    event({ start: '2024-04-30T23:00:00-12:00' }),
    event({ start: '2024-05-01T01:00:00+07:00' }),
    event({ start: '2024-04-15T09:00:00+07:00' }),
    event({ start: '2024-01-10T09:00:00+07:00', end: '2024-06-20T17:00:00+07:00' }),
    event({ start: '2024-03-31', end: '2024-04-02' }),
    event({ start: '2023-12-31', end: '2024-01-01' }),
    event({ start: '2020-01-01', end: '2029-01-01' }),
    event({ start: '2024-04-08T09:00:00+07:00', rrule: 'FREQ=WEEKLY' }),
    event({ start: '2024-04-10T09:00:00+07:00', rdates: ['2024-07-10T09:00:00+07:00'] }),
  ];
  const index = indexByMonth(events);

  for (const zone of [
    'Asia/Bangkok',
    'Pacific/Kiritimati',
    'Pacific/Pago_Pago',
    'America/New_York',
  ]) {
    it(`places each month's events as the whole feed does (${zone})`, () => {
      for (const month of [
        '2023-12',
        '2024-01',
        '2024-02',
        '2024-03',
        '2024-04',
        '2024-05',
        '2024-07',
      ]) {
        const weeks = monthGrid(month, 0);
        const from = weeks[0][0];
        const to = weeks[weeks.length - 1][6];
        const nearby = eventsWithin(index, ...instantRange(from, to));
        expect(eventsByDay(nearby, from, to, zone), `${month} in ${zone}`).to.deep.equal(
          eventsByDay(events, from, to, zone),
        );
      }
    });
  }

  it('looks at a month of its own events, the repeating and very long ones', () => {
    const weeks = monthGrid('2024-09', 0);
    const nearby = eventsWithin(index, ...instantRange(weeks[0][0], weeks[weeks.length - 1][6]));
    expect(nearby.map((e) => e.start)).to.deep.equal([
      '2020-01-01',
      '2024-04-08T09:00:00+07:00',
      '2024-04-10T09:00:00+07:00',
    ]);
  });
});
