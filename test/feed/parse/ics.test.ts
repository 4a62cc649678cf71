import { expect } from '@open-wc/testing';
import { failure, fixtureText as fixture } from '../../helpers/fixtures.js';
import { ICS_SLICE, parseIcs } from '../../../src/feed/parse/ics.js';
import type { CalendarEvent } from '../../../src/feed/types.js';

const FEED = 'https://www.ect.go.th/chiangrai/calendar.ics';

describe('parseIcs', () => {
  let events: CalendarEvent[];
  let title: string | undefined;
  const byId = (id: string) => events.find((event) => event.id === id)!;

  before(async () => {
    const data = await parseIcs(await fixture('calendar-2565.ics'), FEED);
    expect(data.kind).to.equal('events');
    events = data.events;
    title = data.title;
  });

  it('reads the calendar name', () => {
    expect(title).to.equal('ปฏิทินกิจกรรม สำนักงาน กกต. ประจำจังหวัดเชียงราย');
  });

  it('reads a timed event in a VTIMEZONE zone, with unescaped text', () => {
    expect(byId('meeting-8-2565@chiangrai.ect.go.th')).to.deep.equal({
      id: 'meeting-8-2565@chiangrai.ect.go.th',
      title: 'ประชุมคณะกรรมการ, ครั้งที่ 8/2565',
      start: '2022-08-15T09:30:00+07:00',
      end: '2022-08-15T12:00:00+07:00',
      allDay: false,
      timeZone: 'Asia/Bangkok',
      location: 'ห้องประชุม สำนักงาน กกต. ประจำจังหวัดเชียงราย',
      description: 'วาระที่ 1 เรื่องแจ้งเพื่อทราบ\nวาระที่ 2; รับรองรายงานการประชุม\\ฉบับแก้ไข',
      url: 'https://www.ect.go.th/chiangrai/meetings/8-2565.html',
      categories: ['ประชุม', 'ภายใน'],
    });
  });

  it('keeps UTC times in Z and ends a DURATION event after its length', () => {
    const briefing = byId('briefing@chiangrai.ect.go.th');
    expect(briefing.start).to.equal('2022-08-20T02:00:00Z');
    expect(briefing.end).to.equal('2022-08-20T04:30:00Z');
    expect(briefing.timeZone).to.be.undefined;
  });

  it('takes floating times as Thai time', () => {
    const training = byId('training@chiangrai.ect.go.th');
    expect(training.start).to.equal('2022-08-22T13:00:00+07:00');
    expect(training.end).to.equal('2022-08-22T16:00:00+07:00');
  });

  it('gives all-day events dates with an exclusive end', () => {
    const mothersDay = byId('mothers-day@chiangrai.ect.go.th');
    expect([mothersDay.start, mothersDay.end, mothersDay.allDay]).to.deep.equal([
      '2022-08-12',
      '2022-08-13',
      true,
    ]);
    const nomination = byId('nomination@chiangrai.ect.go.th');
    expect([nomination.start, nomination.end, nomination.allDay]).to.deep.equal([
      '2022-08-08',
      '2022-08-13',
      true,
    ]);
    expect(nomination.categories).to.deep.equal(['การเลือกตั้ง']);
  });

  it('keeps RRULE unexpanded with its EXDATEs and moved occurrences', () => {
    const weekly = byId('weekly@chiangrai.ect.go.th');
    expect(weekly.start).to.equal('2022-08-01T08:30:00+07:00');
    expect(weekly.rrule!.split(';').sort()).to.deep.equal(['BYDAY=MO', 'COUNT=8', 'FREQ=WEEKLY']);
    expect(weekly.exdates).to.deep.equal([
      '2022-08-15T08:30:00+07:00',
      '2022-08-29T08:30:00+07:00',
      '2022-08-22T08:30:00+07:00',
    ]);
    const moved = byId('weekly@chiangrai.ect.go.th/2022-08-22T08:30:00+07:00');
    expect(moved.start).to.equal('2022-08-22T13:30:00+07:00');
    expect(moved.rrule).to.be.undefined;
  });

  it('computes the offset of an IANA TZID without VTIMEZONE, daylight saving included', () => {
    const berlin = byId('berlin@chiangrai.ect.go.th');
    expect(berlin.start).to.equal('2022-08-25T10:00:00+02:00');
    expect(berlin.end).to.equal('2022-12-25T10:00:00+01:00');
    expect(berlin.timeZone).to.equal('Europe/Berlin');
  });

  it('maps a Windows zone name to its IANA zone', () => {
    const outlook = byId('outlook@chiangrai.ect.go.th');
    expect(outlook.start).to.equal('2022-08-26T09:00:00+07:00');
    expect(outlook.timeZone).to.equal('Asia/Bangkok');
  });

  it('leaves cancelled events out', () => {
    expect(events.find((event) => event.id === 'cancelled@chiangrai.ect.go.th')).to.be.undefined;
    expect(events).to.have.length(9);
  });

  it('drops links that are not http(s), mailto or tel', async () => {
    const data = await parseIcs(
      'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\nDTSTART:20220801T000000Z\r\nURL:javascript:alert(1)\r\nSUMMARY:<b>ก</b>\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
    );
    expect(data.events[0].url).to.be.undefined;
    expect(data.events[0].title).to.equal('<b>ก</b>');
  });

  it('reports malformed calendars as iCalendar errors', async () => {
    const notIcs = await failure(parseIcs('หมายเลข,ชื่อ\n1,ก'));
    expect(notIcs.message).to.equal('iCalendar: expected "BEGIN:VCALENDAR" on the first line');
    const html = await failure(parseIcs('<!DOCTYPE html><html></html>'));
    expect(html.message).to.equal('iCalendar: expected iCalendar, got an HTML page');
    const badLine = await failure(
      parseIcs('BEGIN:VCALENDAR\r\nVERSION:2.0\r\nTHIS LINE IS BROKEN\r\nEND:VCALENDAR\r\n'),
    );
    expect(badLine.message).to.match(/^iCalendar: line 3: /);
    expect(badLine.details.format).to.equal('ics');
    const badDate = await failure(
      parseIcs(
        'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\nDTSTART:2022-08\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
      ),
    );
    expect(badDate.message).to.match(/^iCalendar: (event 1 \(UID u1\): )?.+/);
    const unclosed = await failure(parseIcs('BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:u1\r\n'));
    expect(unclosed.message).to.match(/^iCalendar: /);
  });
  describe('a long calendar (read a slice of events per task)', () => {
    // A zone of the file's own, defined AFTER the events: every slice must still know it.
    const zone = [
      'BEGIN:VTIMEZONE',
      'TZID:Office Time',
      'BEGIN:STANDARD',
      'DTSTART:19700101T000000',
      'TZOFFSETFROM:+0700',
      'TZOFFSETTO:+0700',
      'END:STANDARD',
      'END:VTIMEZONE',
    ];
    const pad = (n: number) => String(n).padStart(2, '0');
    const vevent = (i: number, extra: string[] = []) => [
      'BEGIN:VEVENT',
      `UID:e${i}@chiangrai.ect.go.th`,
      `DTSTART;TZID=Office Time:202208${pad(1 + (i % 31))}T09${pad(i % 60)}00`,
      `SUMMARY:ประชุมคณะทำงาน ครั้งที่ ${i}`,
      'DESCRIPTION:ประชุมเตรียมความพร้อมการเลือกตั้งสมาชิกสภาองค์การบริหารส่วนจังหวัดเชียงราย',
      ...extra,
      'END:VEVENT',
    ];
    const count = 1500;
    const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'X-WR-CALNAME:ตารางปฏิบัติงาน'];
    for (let i = 0; i < count; i++) {
      lines.push(...vevent(i, i === 0 ? ['RRULE:FREQ=WEEKLY;COUNT=4'] : []));
    }
    // The moved occurrence of the first event's series comes last, in another slice.
    lines.push(
      'BEGIN:VEVENT',
      'UID:e0@chiangrai.ect.go.th',
      'RECURRENCE-ID;TZID=Office Time:20220808T090000',
      'DTSTART;TZID=Office Time:20220808T140000',
      'SUMMARY:ประชุมคณะทำงาน (เลื่อน)',
      'END:VEVENT',
      ...zone,
      'END:VCALENDAR',
    );
    const text = lines.join('\r\n');

    it('gives every event, in order, in the zone defined after them', async () => {
      expect(text.length).to.be.above(ICS_SLICE * 4);
      const data = await parseIcs(text);
      expect(data.title).to.equal('ตารางปฏิบัติงาน');
      expect(data.events).to.have.length(count + 1);
      expect(data.events[1].start).to.equal('2022-08-02T09:01:00+07:00');
      expect(data.events[count - 1].id).to.equal(`e${count - 1}@chiangrai.ect.go.th`);
      expect(data.events[count - 1].start).to.equal(
        `2022-08-${pad(1 + ((count - 1) % 31))}T09:${pad((count - 1) % 60)}:00+07:00`,
      );
      expect(data.events[0].exdates).to.deep.equal(['2022-08-08T09:00:00+07:00']);
      expect(data.events[count].start).to.equal('2022-08-08T14:00:00+07:00');
    });

    it('numbers a broken event by its place in the whole file', async () => {
      const broken = text.replace(
        'DTSTART;TZID=Office Time:20220809T092100',
        'DTSTART;TZID=Office Time:2022-08-09',
      );
      expect(broken).to.not.equal(text);
      const error = await failure(parseIcs(broken));
      expect(error.message).to.match(
        /^iCalendar: event 1342 \(UID e1341@chiangrai\.ect\.go\.th\): /,
      );
    });
  });
});
