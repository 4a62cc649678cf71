import { expect } from '@open-wc/testing';
import { contentTypeOf, shiftFeedBytes } from '../../demo/server/feed-files.js';
import { eventsByDay, instantRange, monthGrid } from '../../src/calendar/month.js';
import { loadExpander } from '../../src/calendar/recurrence.js';
import { daysBetween, todayKey } from '../../src/format/index.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import type { EventsData } from '../../src/feed/types.js';

/**
 * The demo's sample calendar, as stored (what a webmaster copies) or as the demo server serves
 * it today (its dates moved to the present by whole weeks).
 */
async function demoCalendar(served = false): Promise<EventsData> {
  const name = 'calendar-activities.ics';
  const response = await fetch(new URL(`../../demo/feeds/${name}`, import.meta.url));
  const stored = new Uint8Array(await response.arrayBuffer());
  const bytes = served ? shiftFeedBytes(stored) : stored;
  const contentType = contentTypeOf(name, bytes);
  expect(contentType).to.equal('text/calendar; charset=utf-8');
  const data = await parseFeed(bytes, {
    contentType,
    baseUrl: new URL(`/feeds/${name}`, location.origin).href,
  });
  expect(data.kind).to.equal('events');
  return data as EventsData;
}

async function daysOf(data: EventsData, month: string) {
  const weeks = monthGrid(month, 0);
  const from = weeks[0][0];
  const to = weeks[weeks.length - 1][6];
  const expand = await loadExpander();
  const days = eventsByDay(
    expand(data.events, ...instantRange(from, to)).runToEnd().events,
    from,
    to,
  );
  return [...days].filter(([day]) => day.startsWith(month));
}

describe('demo calendar feed', () => {
  it('has the activity calendar of August 2565 with every kind of event', async () => {
    const data = await demoCalendar();
    expect(data.title).to.equal('ปฏิทินกิจกรรม สำนักงาน กกต.ประจำจังหวัดเชียงราย');
    const weekly = data.events.find((e) => e.rrule && e.exdates?.length)!;
    expect(weekly.timeZone).to.equal('Asia/Bangkok');
    expect(weekly.start).to.equal('2022-08-01T09:00:00+07:00');
    const multiDay = data.events.filter(
      (e) => e.allDay && e.end && daysBetween(e.start, e.end) > 1,
    );
    expect(multiDay.length).to.be.at.least(1);
    expect(data.events.some((e) => e.start.endsWith('Z'))).to.be.true;
    const categories = new Set(data.events.flatMap((e) => e.categories));
    expect([...categories].sort()).to.deep.equal(['กิจกรรม', 'ตารางปฏิบัติงาน']);
    for (const event of data.events) expect(event.title, event.id).to.match(/[ก-๙]/);

    const august = await daysOf(data, '2022-08');
    expect(august.length).to.be.at.least(12);
    // The weekly meeting is left out on the 15th (EXDATE), held on the other Mondays.
    const titles = new Map(august.map(([day, events]) => [day, events.map((e) => e.title)]));
    expect(titles.get('2022-08-08')).to.include(weekly.title);
    expect(titles.get('2022-08-15') ?? []).to.not.include(weekly.title);
    expect(titles.get('2022-08-22')).to.include(weekly.title);
  });

  it('is served with the story around today: the by-election this week, events this month', async () => {
    const data = await demoCalendar(true);
    const today = todayKey('Asia/Bangkok');
    const month = today.slice(0, 7);
    expect((await daysOf(data, month)).length).to.be.at.least(4);
    // The by-election falls on the Sunday after the story's day, which is in the last week.
    const election = data.events.find((e) => e.id.startsWith('election-day-2565'))!;
    const day = election.start.slice(0, 10);
    expect(new Date(`${day}T00:00:00Z`).getUTCDay(), 'a Sunday').to.equal(0);
    expect(daysBetween(today, day)).to.be.within(-1, 5);
  });
});
