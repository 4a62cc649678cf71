/**
 * Calendars as Outlook, Google and long-running offices write them, expanded as the calendar
 * shows them and read as Bangkok days, in a browser whose own zone is far from Bangkok
 * (web-test-runner.config.js). Fixtures: test/fixtures/calendars/.
 */
import { expect, fixture } from '@open-wc/testing';
import '../../src/calendar/calendar.js';
import type { EctCalendar } from '../../src/calendar/calendar.js';
import { instantRange } from '../../src/calendar/month.js';
import { Expansion } from '../../src/calendar/recurrence.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import { loadIcal } from '../../src/feed/parse/load-ical.js';
import type { CalendarEvent, EventsData } from '../../src/feed/types.js';
import { all, one, ready, text } from '../helpers/dom.js';
import { fixtureText } from '../helpers/fixtures.js';

const bangkok = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Bangkok',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});
/** `YYYY-MM-DD HH:MM` in Bangkok of an event's start. */
const inBangkok = (event: CalendarEvent) =>
  event.allDay ? event.start : bangkok.format(new Date(event.start)).replace(', ', ' ');

async function calendar(name: string): Promise<EventsData> {
  return (await parseFeed(await fixtureText(`calendars/${name}`), { format: 'ics' })) as EventsData;
}

/** The occurrences of the events titled `title` from `from` to `to` (dates), as Bangkok times. */
async function shown(data: EventsData, title: RegExp, from: string, to: string) {
  const expansion = new Expansion(await loadIcal(), data.events, ...instantRange(from, to));
  return expansion
    .runToEnd()
    .events.filter((event) => title.test(event.title))
    .map(inBangkok)
    .sort();
}

describe('calendar: real-world calendars', () => {
  it('an Outlook export: Windows zone names through CLDR, one zone rule per event across DST', async () => {
    const data = await calendar('outlook-central.ics');
    const call = data.events.find(
      (event) => event.title === 'Weekly call with the Chicago office',
    )!;
    expect(call.timeZone).to.equal('America/Chicago');
    expect(call.start).to.equal('2024-02-27T11:30:00-06:00');
    // 11:30 in Chicago is 00:30 the next day in Bangkok before 10 March, 23:30 the same day
    // after it (daylight saving): the EXDATE (12 March) matches, the moved 19 March shows once.
    expect(await shown(data, /Chicago office/, '2024-02-20', '2024-04-10')).to.deep.equal([
      '2024-02-28 00:30',
      '2024-03-06 00:30',
      '2024-03-20 01:00',
      '2024-03-26 23:30',
      '2024-04-02 23:30',
    ]);
    const paris = data.events.find((event) => event.title === 'Paris briefing')!;
    expect(paris.timeZone).to.equal('Europe/Paris');
    // 18:00 in Paris: 00:00 next day in Bangkok in winter, 23:00 once Paris is on summer time.
    expect(await shown(data, /Paris/, '2024-03-10', '2024-04-10')).to.deep.equal([
      '2024-03-20 00:00',
      '2024-03-27 00:00',
      '2024-04-02 23:00',
    ]);
  });

  it('RDATE (dates and periods), EXDATE, several RRULEs and a THISANDFUTURE change', async () => {
    const data = await calendar('rdate-thisandfuture.ics');
    // Weekly on Mondays at 09:00, ten times; from 5 February on at 14:00 (what is left of the
    // COUNT), and 19 February of the new series cancelled.
    expect(await shown(data, /ประชุมคณะกรรมการ/, '2023-12-25', '2024-03-31')).to.deep.equal([
      '2024-01-01 09:00',
      '2024-01-08 09:00',
      '2024-01-15 09:00',
      '2024-01-22 09:00',
      '2024-01-29 09:00',
      '2024-02-05 14:00',
      '2024-02-12 14:00',
      '2024-02-26 14:00',
      '2024-03-04 14:00',
    ]);
    // Monthly from 1 March, three times, 1 April excluded; 5 and 20 March added.
    expect(await shown(data, /อบรม/, '2024-02-25', '2024-06-08')).to.deep.equal([
      '2024-03-01',
      '2024-03-05',
      '2024-03-20',
      '2024-05-01',
    ]);
    // A period keeps its own length; an RDATE that is also an EXDATE does not show.
    const visits = new Expansion(
      await loadIcal(),
      data.events.filter((event) => event.title === 'ตรวจเยี่ยมหน่วย'),
      ...instantRange('2024-03-01', '2024-03-31'),
    ).runToEnd().events;
    expect(visits.map((event) => [inBangkok(event), event.end])).to.deep.equal([
      ['2024-03-15 13:00', '2024-03-15T17:00:00+07:00'],
      ['2024-03-04 09:00', '2024-03-04T10:00:00+07:00'],
    ]);
    // Two RRULEs: Mondays and Fridays, twice each, the start (a Monday) given once. The Friday
    // rule counts Fridays: DTSTART is not one (RFC 5545 leaves that case open; ical.js and
    // libical, behind Thunderbird and Evolution, count this way).
    expect(await shown(data, /เวรประจำ/, '2024-03-01', '2024-03-31')).to.deep.equal([
      '2024-03-04 08:30',
      '2024-03-08 08:30',
      '2024-03-11 08:30',
      '2024-03-15 08:30',
    ]);
  });

  it('a zone known only from its VTIMEZONE is expanded with those rules', async () => {
    const data = await calendar('rdate-thisandfuture.ics');
    const custom = data.events.find((event) => event.title === 'Call in a customized zone')!;
    expect(custom.timeZone).to.equal(undefined);
    expect(custom.timeZoneRules).to.match(/^BEGIN:VTIMEZONE/);
    // Chicago's rules under another name: 11:30 is 00:30 next day in Bangkok, then 23:30.
    expect(await shown(data, /customized zone/, '2024-03-01', '2024-03-31')).to.deep.equal([
      '2024-03-06 00:30',
      '2024-03-12 23:30',
      '2024-03-19 23:30',
    ]);
  });

  it('an unknown zone without VTIMEZONE is read as Thai time, and the event says so', async () => {
    const data = await calendar('rdate-thisandfuture.ics');
    const unknown = data.events.find((event) => event.title === 'งานที่ไม่รู้เขตเวลา')!;
    expect(unknown.start).to.equal('2024-03-06T10:00:00+07:00');
    expect(unknown.unknownTimeZone).to.equal('Mars/Olympus Mons');
    clearFeedCache();
    const box = document.createElement('div');
    box.innerHTML = '<ect-calendar month="2024-03" lang="th"></ect-calendar>';
    const el = box.firstElementChild as EctCalendar;
    const feed = await fixtureText('calendars/rdate-thisandfuture.ics');
    setFeedFetch(() =>
      Promise.resolve(new Response(feed, { headers: { 'Content-Type': 'text/calendar' } })),
    );
    el.src = '/calendars/unknown-zone.ics';
    await fixture(box);
    await ready(el);
    setFeedFetch();
    one(el, '[data-date="2024-03-06"]')!.click();
    await el.updateComplete;
    const note = all(el, '[part~="event"] [part~="zone"]').map(text);
    expect(note).to.deep.equal(['เวลาประเทศไทย (ไม่รู้จักเขตเวลา “Mars/Olympus Mons”)']);
  });
});
