import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse/index.js';
import type { FeedItem, ItemsData } from '../../src/feed/types.js';
import {
  STORY_TODAY,
  contentTypeOf,
  demoShiftDays,
  formatIso,
  formatRfc822,
  shiftDates,
  shiftFeedBytes,
} from '../../demo/server/feed-files.js';

/**
 * Every sample feed of the demo, as a webmaster copies it (real dates, all from the story's
 * weeks of 2565) and as the demo server serves it (same bytes with the dates moved to the
 * present, same Content-Type, and the feed URL the page uses as base for relative links).
 */
const DAY = 86_400_000;
const now = new Date();
const storyEnd = Date.parse(`${STORY_TODAY}T23:59:59+07:00`);

interface Served {
  contentType: string;
  data: ItemsData;
  /** The file as stored, parsed without moving its dates. */
  stored: ItemsData;
}

async function parse(name: string, bytes: Uint8Array, contentType: string): Promise<ItemsData> {
  const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const data = await parseFeed(body as ArrayBuffer, {
    contentType,
    baseUrl: new URL(`/feeds/${name}`, location.origin).href,
  });
  expect(data.kind, `${name} is an item feed`).to.equal('items');
  return data as ItemsData;
}

async function serve(name: string): Promise<Served> {
  const response = await fetch(new URL(`../../demo/feeds/${name}`, import.meta.url));
  expect(response.ok, `${name} is readable`).to.be.true;
  const raw = new Uint8Array(await response.arrayBuffer());
  const contentType = contentTypeOf(name, raw)!;
  return {
    contentType,
    data: await parse(name, shiftFeedBytes(raw, now), contentType),
    stored: await parse(name, raw, contentType),
  };
}

function time(item: FeedItem): number {
  return Date.parse(item.date ?? '');
}

/**
 * What every sample feed must give: as stored, 6–15 items dated in 2022 up to the story's day,
 * a few in its last week; as served, the same items moved by whole weeks (never after now), so
 * that those few get the "ใหม่" badge.
 */
function expectDemoItems(name: string, { data, stored }: Served): void {
  const items = data.items;
  expect(items.length, `${name} item count`).to.be.within(6, 15);
  expect(stored.items.map((item) => item.id)).to.deep.equal(items.map((item) => item.id));
  for (const item of stored.items) {
    expect(new Date(time(item)).getUTCFullYear(), `${name}: "${item.title}" is from 2565`).to.equal(
      2022,
    );
    expect(time(item), `${name}: "${item.title}" is not after ${STORY_TODAY}`).to.be.at.most(
      storyEnd,
    );
  }
  const storyRecent = stored.items.filter((item) => storyEnd - time(item) < 7 * DAY);
  expect(storyRecent.length, `${name}: items of the story's last week`).to.be.at.least(1);
  const shift = demoShiftDays(now) * DAY;
  items.forEach((item, i) => {
    const moved = time(stored.items[i]) + shift;
    if (moved < now.getTime() - 60_000) expect(time(item), item.title).to.equal(moved);
  });
  for (const item of items) {
    expect(item.title.trim(), `${name}: title`).to.not.equal('');
    expect(item.title, `${name}: placeholder left`).to.not.include('{{');
    expect(item.title, `${name}: decoding`).to.not.include('\uFFFD');
    expect(item.id, `${name}: id`).to.not.equal('');
    expect(time(item), `${name}: date of "${item.title}"`).to.not.be.NaN;
    expect(time(item), `${name}: "${item.title}" is not in the future`).to.be.at.most(
      now.getTime(),
    );
    expect(item.url, `${name}: link`).to.match(/^https?:\/\//);
  }
  const recent = items.filter((item) => now.getTime() - time(item) < 7 * DAY);
  expect(recent.length, `${name}: items for the "ใหม่" badge`).to.be.at.least(1);
  expect(new Set(items.map((item) => item.id)).size, `${name}: unique ids`).to.equal(items.length);
}

describe('demo sample feeds', () => {
  it('announcements.rss: RSS with the three category tabs and PDF attachments', async () => {
    const served = await serve('announcements.rss');
    const { contentType, data } = served;
    expect(contentType).to.equal('application/rss+xml; charset=utf-8');
    expectDemoItems('announcements.rss', served);
    const categories = new Set(data.items.flatMap((item) => item.categories));
    expect([...categories].sort()).to.deep.equal(['ข่าวประกาศ', 'ข่าวสาร/ประชาสัมพันธ์', 'อื่นๆ'].sort());
    const files = data.items.flatMap((item) => item.attachments);
    expect(files.length).to.be.at.least(5);
    for (const file of files) {
      expect(file.type).to.equal('application/pdf');
      expect(file.size).to.be.greaterThan(0);
      expect(file.url).to.match(/^https:\/\/www\.ect\.go\.th\/.+\.pdf$/);
    }
    expect(data.items.map((item) => item.id)).to.include('ect-chiangrai-news-1679');
  });

  it('election-announcements.atom: Atom whose html title decodes &amp; once', async () => {
    const served = await serve('election-announcements.atom');
    const { contentType, data } = served;
    expect(contentType).to.equal('application/atom+xml; charset=utf-8');
    expectDemoItems('election-announcements.atom', served);
    const titles = data.items.map((item) => item.title);
    expect(titles).to.include(
      'ประกาศผู้อำนวยการการเลือกตั้งประจำองค์การบริหารส่วนตำบลแม่ยาว เรื่อง กำหนดหน่วยเลือกตั้ง & ที่เลือกตั้ง',
    );
    expect(titles.join(' ')).to.not.include('&amp;');
    for (const item of data.items) expect(item.url).to.match(/\.pdf$/);
  });

  it('results-announcements.json: plain JSON items with titled attachments', async () => {
    const served = await serve('results-announcements.json');
    const { contentType, data } = served;
    expect(contentType).to.equal('application/json; charset=utf-8');
    expectDemoItems('results-announcements.json', served);
    for (const item of data.items) {
      expect(item.categories).to.deep.equal(['ประกาศผลการเลือกตั้ง']);
      expect(item.attachments.length).to.be.at.least(1);
      for (const file of item.attachments) {
        expect(file.title).to.be.a('string').and.not.equal('');
        expect(file.size).to.be.greaterThan(0);
      }
    }
    expect(Math.max(...data.items.map((item) => item.attachments.length))).to.equal(2);
  });

  it('procurement.rss: windows-874 bytes decode to the e-GP notices', async () => {
    const raw = new Uint8Array(
      await (
        await fetch(new URL('../../demo/feeds/procurement.rss', import.meta.url))
      ).arrayBuffer(),
    );
    // Stored as the Thai single-byte code page, which is not valid UTF-8.
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(raw)).to.throw();
    expect(new TextDecoder('windows-874').decode(raw)).to.include(
      'ประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
    );
    const served = await serve('procurement.rss');
    const { contentType, data } = served;
    expect(contentType).to.equal('application/rss+xml; charset=windows-874');
    expectDemoItems('procurement.rss', served);
    const titles = data.items.map((item) => item.title);
    expect(
      titles.filter((title) => title.endsWith('ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)')),
    ).to.have.length.at.least(2);
    expect(titles.some((title) => title.startsWith('ประกาศผู้ชนะการเสนอราคา'))).to.be.true;
  });

  it('pr-news.json: JSON Feed with the 16 มิ.ย. 2565 article, its text and image', async () => {
    const served = await serve('pr-news.json');
    const { contentType, data, stored } = served;
    expect(contentType).to.equal('application/feed+json; charset=utf-8');
    expectDemoItems('pr-news.json', served);
    const article = data.items.find(
      (item) =>
        item.title ===
        'สำนักงานคณะกรรมการการเลือกตั้ง บูรณาการความร่วมมือกับกระทรวงมหาดไทย สร้างพลเมืองคุณภาพ',
    );
    expect(article, 'the seed article').to.exist;
    const original = stored.items.find((item) => item.id === article!.id)!;
    expect(time(original)).to.equal(Date.parse('2022-06-16T09:30:00+07:00'));
    expect(time(article!)).to.equal(time(original) + demoShiftDays(now) * DAY);
    expect(article!.image).to.equal(new URL('/images/pr-moi-mou.svg', location.origin).href);
    const body = document.createElement('div');
    body.innerHTML = article!.html ?? '';
    expect(body.querySelectorAll('p').length).to.be.at.least(3);
    expect(body.textContent).to.include('ศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.)');
    expect(body.textContent).to.include('นายอิทธิพร บุญประคอง ประธานกรรมการการเลือกตั้ง');
  });

  it('activities.rss: every item has a thumbnail (media:thumbnail or image enclosure)', async () => {
    const served = await serve('activities.rss');
    const { data } = served;
    expectDemoItems('activities.rss', served);
    for (const item of data.items) {
      expect(item.image, item.title).to.match(/^http:\/\/.+\/images\/[a-z-]+\.svg$/);
      expect(item.summary, item.title).to.be.a('string').and.not.include('<');
    }
  });

  it('every thumbnail a feed names exists in demo/public', async () => {
    const images = new Set<string>();
    for (const name of ['activities.rss', 'pr-news.json']) {
      const { data } = await serve(name);
      for (const item of data.items) if (item.image) images.add(new URL(item.image).pathname);
    }
    expect(images.size).to.be.at.least(8);
    for (const path of images) {
      const response = await fetch(new URL(`../../demo/public${path}`, import.meta.url));
      expect(response.status, path).to.equal(200);
      expect(await response.text(), path).to.match(/^<svg /);
    }
  });
});

describe('demo date shift', () => {
  const at = new Date('2026-03-12T02:00:00Z'); // Thursday, 09:00 in Bangkok

  it('moves the story by whole weeks so that its day falls in the last seven days', () => {
    const days = demoShiftDays(at);
    expect(days % 7).to.equal(0);
    const story = Date.parse(`${STORY_TODAY}T00:00:00Z`) + days * DAY;
    // STORY_TODAY (a Tuesday) lands on Tuesday 10 March 2026.
    expect(new Date(story).toISOString().slice(0, 10)).to.equal('2026-03-10');
    expect(demoShiftDays(new Date('2026-03-09T16:59:00Z'))).to.equal(days - 7);
    expect(demoShiftDays(new Date('2026-03-09T17:00:00Z'))).to.equal(days);
  });

  it('moves RFC 822 and ISO 8601 dates, keeping the weekday and the Bangkok time', () => {
    expect(shiftDates('<pubDate>Tue, 16 Aug 2022 14:30:00 +0700</pubDate>', 7, at)).to.equal(
      '<pubDate>Tue, 23 Aug 2022 14:30:00 +0700</pubDate>',
    );
    expect(shiftDates('{ "date": "2022-08-16T09:30:00+07:00" }', 14, at)).to.equal(
      '{ "date": "2022-08-30T09:30:00+07:00" }',
    );
    expect(shiftDates('{ "start": "2022-08-28", "id": "a-2022-08-28-b" }', 7, at)).to.equal(
      '{ "start": "2022-09-04", "id": "a-2022-08-28-b" }',
    );
  });

  it('never dates an item after the moment it is served', () => {
    const later = shiftDates('<updated>2026-03-05T16:00:00+07:00</updated>', 7, at);
    expect(later).to.equal(`<updated>${formatIso(new Date(at.getTime() - 60_000))}</updated>`);
  });

  it('moves the events of an iCalendar file, not its time zone', () => {
    const ics = [
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'DTSTART:19700101T000000',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Asia/Bangkok:20220801T090000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20220829T020000Z',
      'EXDATE;TZID=Asia/Bangkok:20220815T090000,20220822T090000',
      'DTSTART;VALUE=DATE:20220828',
      'DTEND:20220827T013000Z',
      'SUMMARY:20220801',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    expect(shiftDates(ics, 21, new Date('2022-01-01')).split('\r\n')).to.deep.equal([
      'BEGIN:VCALENDAR',
      'BEGIN:VTIMEZONE',
      'DTSTART:19700101T000000',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'DTSTART;TZID=Asia/Bangkok:20220822T090000',
      'RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20220919T020000Z',
      'EXDATE;TZID=Asia/Bangkok:20220905T090000,20220912T090000',
      'DTSTART;VALUE=DATE:20220918',
      'DTEND:20220917T013000Z',
      'SUMMARY:20220801',
      'END:VEVENT',
      'END:VCALENDAR',
    ]);
  });

  it('formats dates that browsers parse back to the same instant', () => {
    const date = new Date('2022-06-16T02:30:00Z');
    expect(formatRfc822(date)).to.equal('Thu, 16 Jun 2022 09:30:00 +0700');
    expect(Date.parse(formatRfc822(date))).to.equal(date.getTime());
    expect(Date.parse(formatIso(date))).to.equal(date.getTime());
  });

  it('moves the dates of windows-874 bytes without touching the Thai bytes around them', () => {
    const date = new TextEncoder().encode('<pubDate>Tue, 16 Aug 2022 09:00:00 +0700</pubDate>');
    const bytes = Uint8Array.from([0xa1, ...date, 0xfb]);
    const out = shiftFeedBytes(bytes, at);
    expect(out[0]).to.equal(0xa1);
    expect(out[out.length - 1]).to.equal(0xfb);
    const moved = formatRfc822(
      new Date(Date.parse('2022-08-16T09:00:00+07:00') + demoShiftDays(at) * DAY),
    );
    expect(new TextDecoder('windows-874').decode(out)).to.equal(`ก<pubDate>${moved}</pubDate>๛`);
  });
});
