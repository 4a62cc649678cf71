import { expect } from '@open-wc/testing';
import { escapeText, eventIcs, icsFileName } from '../../src/calendar/ics-export.js';
import { parseIcs } from '../../src/feed/parse/ics.js';
import type { CalendarEvent } from '../../src/feed/types.js';

const meeting: CalendarEvent = {
  id: 'meeting-8-2565@chiangrai.ect.go.th',
  title: 'ประชุมคณะกรรมการ, ครั้งที่ 8/2565; วาระพิเศษ',
  start: '2022-08-15T09:30:00+07:00',
  end: '2022-08-15T12:00:00+07:00',
  allDay: false,
  location: 'ห้องประชุม สำนักงาน กกต. ประจำจังหวัดเชียงราย',
  description: 'วาระที่ 1\nวาระที่ 2 \\ ฉบับแก้ไข',
  url: 'https://www.ect.go.th/chiangrai/meetings/8-2565.html',
  categories: ['ประชุม', 'ภายใน,ลับ'],
};

describe('calendar one-event .ics', () => {
  it('escapes TEXT values as RFC 5545 asks', () => {
    expect(escapeText('a\\b;c,d\ne\r\nf')).to.equal('a\\\\b\\;c\\,d\\ne\\nf');
  });

  it('writes a valid file that reads back to the same event', async () => {
    const text = eventIcs(meeting, new Date(Date.UTC(2026, 10, 26, 3, 4, 5)));
    expect(text.endsWith('\r\n')).to.be.true;
    expect(text).to.not.match(/[^\r]\n/);
    const lines = text.split('\r\n');
    expect(lines).to.include('DTSTART:20220815T023000Z');
    expect(lines).to.include('DTEND:20220815T050000Z');
    expect(lines).to.include('DTSTAMP:20261126T030405Z');
    // Folded at 75 octets without splitting a Thai character.
    const encoder = new TextEncoder();
    for (const line of lines) expect(encoder.encode(line).length).to.be.at.most(75);

    const { events } = await parseIcs(text);
    expect(events).to.have.length(1);
    const [back] = events;
    expect(back.title).to.equal(meeting.title);
    expect(back.location).to.equal(meeting.location);
    expect(back.description).to.equal(meeting.description);
    expect(back.categories).to.deep.equal(meeting.categories);
    expect(back.url).to.equal(meeting.url);
    expect(Date.parse(back.start)).to.equal(Date.parse(meeting.start));
    expect(Date.parse(back.end!)).to.equal(Date.parse(meeting.end!));
  });

  it('writes all-day events as dates and leaves unsafe links out', async () => {
    const text = eventIcs({
      id: 'n',
      title: 'รับสมัคร',
      start: '2022-08-08',
      end: '2022-08-13',
      allDay: true,
      url: 'javascript:alert(1)',
      categories: [],
    });
    expect(text).to.contain('\r\nDTSTART;VALUE=DATE:20220808\r\n');
    expect(text).to.contain('\r\nDTEND;VALUE=DATE:20220813\r\n');
    expect(text).to.not.contain('URL');
    expect(text).to.not.contain('CATEGORIES');
    const { events } = await parseIcs(text);
    expect(events[0]).to.include({ start: '2022-08-08', end: '2022-08-13', allDay: true });
  });

  it('names the file by date and title', () => {
    expect(icsFileName(meeting)).to.equal('2022-08-15-ประชุมคณะกรรมการ,-ครั้งที่-8-2565;-วาระพิเศษ.ics');
    expect(icsFileName({ ...meeting, title: ' / ' })).to.equal('2022-08-15.ics');
  });
});
