import { expect } from '@open-wc/testing';
import {
  addDays,
  daysBetween,
  formatDate,
  formatMonthYear,
  formatTime,
  weekdayLabels,
  zonedDateKey,
  todayKey,
} from '../../src/format/dates.js';
import { formatNumber } from '../../src/format/numbers.js';

const th = { lang: 'th' } as const;
const en = { lang: 'en' } as const;

describe('formatDate', () => {
  it('writes Thai dates in the Buddhist era', () => {
    expect(formatDate('2022-06-16', th)).to.equal('16 มิ.ย. 2565');
    expect(formatDate('2022-06-16', { ...th, style: 'long' })).to.equal('16 มิถุนายน 2565');
    expect(formatDate('2022-06-16', { ...th, style: 'full' })).to.equal(
      'วันพฤหัสบดีที่ 16 มิถุนายน พ.ศ. 2565',
    );
  });

  it('writes Thai with Gregorian years when asked', () => {
    expect(formatDate('2022-06-16', { ...th, calendar: 'gregory' })).to.equal('16 มิ.ย. 2022');
    expect(formatDate('2022-06-16', { ...th, calendar: 'gregory', style: 'long' })).to.equal(
      '16 มิถุนายน 2022',
    );
  });

  it('writes Thai digits everywhere when numerals is thai', () => {
    expect(formatDate('2022-06-16', { ...th, numerals: 'thai' })).to.equal('๑๖ มิ.ย. ๒๕๖๕');
    expect(formatTime('2022-06-16T09:30:00+07:00', { ...th, numerals: 'thai' })).to.equal(
      '๐๙.๓๐ น.',
    );
    expect(formatNumber(12345, { ...th, numerals: 'thai' })).to.equal('๑๒,๓๔๕');
  });

  it('writes English day-month-year', () => {
    const d = new Date(Date.UTC(2022, 5, 16));
    const expected = (month: 'short' | 'long') =>
      new Intl.DateTimeFormat('en-GB', {
        day: 'numeric',
        month,
        year: 'numeric',
        timeZone: 'UTC',
      }).format(d);
    expect(formatDate('2022-06-16', en)).to.equal(expected('short'));
    expect(formatDate('2022-06-16', { ...en, style: 'long' })).to.equal(expected('long'));
    // The strings of docs/contract.md themselves, so a locale change cannot slip through.
    expect(expected('short')).to.equal('16 Jun 2022');
    expect(expected('long')).to.equal('16 June 2022');
    expect(formatDate('2022-06-16', { ...en, style: 'full' })).to.equal('Thursday, 16 June 2022');
  });

  it('keeps a calendar date on its day whatever the zone', () => {
    expect(formatDate('2022-06-16', { ...en, timeZone: 'America/Los_Angeles' })).to.equal(
      '16 Jun 2022',
    );
    expect(formatDate('2022-06-16', { ...en, timeZone: 'local' })).to.equal('16 Jun 2022');
  });

  it('shows an instant near midnight on its Bangkok date', () => {
    // 23:30 on 15 June UTC is 06:30 on 16 June in Bangkok.
    expect(formatDate('2022-06-15T23:30:00Z', th)).to.equal('16 มิ.ย. 2565');
    expect(formatDate(new Date('2022-06-15T23:30:00Z'), th)).to.equal('16 มิ.ย. 2565');
    expect(formatDate('2022-06-15T23:30:00Z', { ...en, timeZone: 'UTC' })).to.equal('15 Jun 2022');
    // 16:59Z is 23:59 in Bangkok, still the same day.
    expect(formatDate('2022-06-16T16:59:00Z', th)).to.equal('16 มิ.ย. 2565');
    expect(formatDate('2022-06-16T17:00:00Z', th)).to.equal('17 มิ.ย. 2565');
  });

  it('shows a date-time without zone as written', () => {
    expect(formatDate('2022-06-16T23:30', { ...th, timeZone: 'America/New_York' })).to.equal(
      '16 มิ.ย. 2565',
    );
    expect(formatTime('2022-06-16T23:30', { ...th, timeZone: 'America/New_York' })).to.equal(
      '23.30 น.',
    );
  });

  it('gives an empty string for an unreadable date and falls back on an unknown zone', () => {
    expect(formatDate('not a date', th)).to.equal('');
    expect(formatTime('', th)).to.equal('');
    expect(formatDate('2022-06-15T23:30:00Z', { ...th, timeZone: 'Mars/Olympus' })).to.equal(
      '16 มิ.ย. 2565',
    );
  });
});

describe('formatTime', () => {
  it('writes the official Thai 24-hour style with a dot', () => {
    expect(formatTime('2022-06-16T09:30:00+07:00', th)).to.equal('09.30 น.');
    expect(formatTime('2022-06-16T02:30:00Z', th)).to.equal('09.30 น.');
    expect(formatTime('2022-06-16T17:05:00Z', th)).to.equal('00.05 น.');
    expect(formatTime('2022-06-16T08:45:00Z', th)).to.equal('15.45 น.');
  });

  it('writes English 12-hour time with plain spaces', () => {
    expect(formatTime('2022-06-16T02:30:00Z', en)).to.equal('9:30 AM');
    expect(formatTime('2022-06-16T08:45:00Z', en)).to.equal('3:45 PM');
  });

  it('follows the time zone option', () => {
    expect(formatTime('2022-06-16T02:30:00Z', { ...th, timeZone: 'UTC' })).to.equal('02.30 น.');
    expect(formatTime('2022-06-16T02:30:00Z', { ...en, timeZone: 'Asia/Tokyo' })).to.equal(
      '11:30 AM',
    );
  });
});

describe('formatMonthYear', () => {
  it('writes the month heading', () => {
    expect(formatMonthYear('2022-08', th)).to.equal('สิงหาคม 2565');
    expect(formatMonthYear('2022-08', { ...th, calendar: 'gregory' })).to.equal('สิงหาคม 2022');
    expect(formatMonthYear('2022-08', { ...th, numerals: 'thai' })).to.equal('สิงหาคม ๒๕๖๕');
    expect(formatMonthYear('2022-08', en)).to.equal('August 2022');
    expect(formatMonthYear('2022-1', en)).to.equal('');
  });
});

describe('weekdayLabels', () => {
  it('gives Thai abbreviations with the dot, Sunday first', () => {
    expect(weekdayLabels(th).join(' ')).to.equal('อา. จ. อ. พ. พฤ. ศ. ส.');
  });

  it('rotates for another first day', () => {
    expect(weekdayLabels({ ...th, firstDay: 1 }).join(' ')).to.equal('จ. อ. พ. พฤ. ศ. ส. อา.');
    expect(weekdayLabels({ ...en, firstDay: 6 })[0]).to.equal('Sat');
  });

  it('gives long Thai names and English from Intl', () => {
    const long = weekdayLabels({ ...th, style: 'long' });
    expect(long[0]).to.equal('วันอาทิตย์');
    expect(long[4]).to.equal('วันพฤหัสบดี');
    const expected = [0, 1, 2, 3, 4, 5, 6].map((i) =>
      new Intl.DateTimeFormat('en', { weekday: 'short', timeZone: 'UTC' }).format(
        Date.UTC(2023, 0, 1 + i),
      ),
    );
    expect(weekdayLabels(en)).to.deep.equal(expected);
    expect(weekdayLabels(en)[0]).to.equal('Sun');
  });
});

describe('date keys', () => {
  it('gives the Bangkok day of an instant', () => {
    expect(zonedDateKey('2022-06-15T23:30:00Z')).to.equal('2022-06-16');
    expect(zonedDateKey(new Date('2022-06-15T16:59:00Z'))).to.equal('2022-06-15');
    expect(zonedDateKey('2022-06-15T23:30:00Z', 'UTC')).to.equal('2022-06-15');
    expect(zonedDateKey('2022-06-15T23:30:00Z', 'America/Los_Angeles')).to.equal('2022-06-15');
    expect(zonedDateKey('2022-06-16')).to.equal('2022-06-16');
  });

  it('gives today in the zone', () => {
    const expected = new Intl.DateTimeFormat('en-CA', {
      timeZone: 'Asia/Bangkok',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    }).format(new Date());
    expect(todayKey()).to.equal(expected);
  });

  it('adds days across months, leap days and daylight-saving changes', () => {
    expect(addDays('2022-12-31', 1)).to.equal('2023-01-01');
    expect(addDays('2024-02-28', 1)).to.equal('2024-02-29');
    expect(addDays('2022-03-01', -1)).to.equal('2022-02-28');
    expect(addDays('2022-03-26', 2)).to.equal('2022-03-28');
    expect(() => addDays('2022-3-1', 1)).to.throw(RangeError);
  });

  it('counts whole days between keys', () => {
    expect(daysBetween('2022-06-16', '2022-06-23')).to.equal(7);
    expect(daysBetween('2022-06-23', '2022-06-16')).to.equal(-7);
    expect(daysBetween('2024-02-01', '2024-03-01')).to.equal(29);
  });
});
