import { expect } from '@open-wc/testing';
import {
  addDays,
  daysBetween,
  formatBytes,
  formatDate,
  formatMonthYear,
  formatNumber,
  formatPercent,
  formatTime,
  toThaiDigits,
  truncateText,
  weekdayLabels,
  zonedDateKey,
  todayKey,
} from '../../src/format/format.js';

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

describe('numbers', () => {
  it('groups thousands', () => {
    expect(formatNumber(12345, th)).to.equal('12,345');
    expect(formatNumber(7694178, en)).to.equal('7,694,178');
    expect(formatNumber(1234.5678, { ...en, maximumFractionDigits: 1 })).to.equal('1,234.6');
    expect(formatNumber(3, { ...en, minimumFractionDigits: 5 })).to.equal('3.00000');
  });

  it('writes percentages from 0–100 with fixed digits', () => {
    expect(formatPercent(85.2, th)).to.equal('85.2%');
    expect(formatPercent(50, en)).to.equal('50.0%');
    expect(formatPercent(12.345, { ...en, digits: 2 })).to.equal('12.35%');
    expect(formatPercent(85.2, { ...th, numerals: 'thai' })).to.equal('๘๕.๒%');
  });

  it('writes file sizes', () => {
    expect(formatBytes(512, th)).to.equal('512 B');
    expect(formatBytes(245 * 1024, th)).to.equal('245 KB');
    expect(formatBytes(1.2 * 1024 * 1024, en)).to.equal('1.2 MB');
    expect(formatBytes(15.6 * 1024 * 1024, en)).to.equal('16 MB');
    expect(formatBytes(1024 * 1024 - 1, en)).to.equal('1 MB');
    expect(formatBytes(2048, { ...th, numerals: 'thai' })).to.equal('๒ KB');
    expect(formatBytes(-1, en)).to.equal('');
    expect(formatBytes(Number.NaN, en)).to.equal('');
  });

  it('converts digits to Thai', () => {
    expect(toThaiDigits('09.30 น. 2565')).to.equal('๐๙.๓๐ น. ๒๕๖๕');
  });
});

describe('truncateText', () => {
  const sentence = 'ประกาศคณะกรรมการการเลือกตั้งเรื่องการรับสมัครรับเลือกตั้งสมาชิกสภาผู้แทนราษฎร';

  it('cuts long Thai without spaces at a word boundary the segmenter reports', () => {
    const boundaries = new Set<number>();
    for (const s of new Intl.Segmenter('th', { granularity: 'word' }).segment(sentence)) {
      boundaries.add(s.index);
    }
    for (const max of [10, 20, 31, 45]) {
      const out = truncateText(sentence, max, 'th');
      expect(out.endsWith('…'), out).to.be.true;
      expect(out.length).to.be.at.most(max);
      const kept = out.slice(0, -1);
      expect(kept.length).to.be.greaterThan(0);
      expect(sentence.startsWith(kept)).to.be.true;
      expect(boundaries.has(kept.length), `${max}: ${kept}`).to.be.true;
    }
  });

  it('leaves short text alone apart from collapsing whitespace', () => {
    expect(truncateText('ประกาศ  ผลการ\n เลือกตั้ง', 100, 'th')).to.equal('ประกาศ ผลการ เลือกตั้ง');
    expect(truncateText('Short', 5, 'en')).to.equal('Short');
  });

  it('cuts English between words without a trailing space', () => {
    expect(truncateText('The quick brown fox jumps', 16, 'en')).to.equal('The quick brown…');
  });

  it('cuts a single over-long word between graphemes, never inside one', () => {
    const word = 'e\u0301'.repeat(8);
    expect(truncateText(word, 6, 'en')).to.equal('e\u0301e\u0301…');
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
