import { expect } from '@open-wc/testing';
import { parseFeed } from '../../src/feed/parse/index.js';
import type { FeedItem, ItemsData } from '../../src/feed/types.js';
import {
  contentTypeOf,
  daysAgo,
  expandFeedBytes,
  expandPlaceholders,
  formatIso,
  formatRfc822,
} from '../../demo/server/feed-files.js';

/**
 * Every sample feed of the demo parses as the demo server serves it: same bytes (dates
 * expanded), same Content-Type, and the feed URL the page uses as base for relative links.
 */
const DAY = 86_400_000;
const now = new Date();

interface Served {
  contentType: string;
  data: ItemsData;
}

async function serve(name: string): Promise<Served> {
  const response = await fetch(new URL(`../../demo/feeds/${name}`, import.meta.url));
  expect(response.ok, `${name} is readable`).to.be.true;
  const raw = new Uint8Array(await response.arrayBuffer());
  const contentType = contentTypeOf(name, raw)!;
  const bytes = expandFeedBytes(name, raw, now);
  const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const data = await parseFeed(body as ArrayBuffer, {
    contentType,
    baseUrl: new URL(`/feeds/${name}`, location.origin).href,
  });
  expect(data.kind, `${name} is an item feed`).to.equal('items');
  return { contentType, data: data as ItemsData };
}

function time(item: FeedItem): number {
  return Date.parse(item.date ?? '');
}

/** What every sample feed must give the demo: 6–15 dated items, a few recent, most from 2022. */
function expectDemoItems(name: string, items: FeedItem[]): void {
  expect(items.length, `${name} item count`).to.be.within(6, 15);
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
  const in2022 = items.filter((item) => new Date(time(item)).getUTCFullYear() === 2022);
  expect(in2022.length, `${name}: items from 2565`).to.be.greaterThan(items.length / 2);
  expect(new Set(items.map((item) => item.id)).size, `${name}: unique ids`).to.equal(items.length);
}

describe('demo sample feeds', () => {
  it('announcements.rss: RSS with the three category tabs and PDF attachments', async () => {
    const { contentType, data } = await serve('announcements.rss');
    expect(contentType).to.equal('application/rss+xml; charset=utf-8');
    expectDemoItems('announcements.rss', data.items);
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
    const { contentType, data } = await serve('election-announcements.atom');
    expect(contentType).to.equal('application/atom+xml; charset=utf-8');
    expectDemoItems('election-announcements.atom', data.items);
    const titles = data.items.map((item) => item.title);
    expect(titles).to.include(
      'ประกาศผู้อำนวยการการเลือกตั้งประจำองค์การบริหารส่วนตำบลแม่ยาว เรื่อง กำหนดหน่วยเลือกตั้ง & ที่เลือกตั้ง',
    );
    expect(titles.join(' ')).to.not.include('&amp;');
    for (const item of data.items) expect(item.url).to.match(/\.pdf$/);
  });

  it('results-announcements.json: plain JSON items with titled attachments', async () => {
    const { contentType, data } = await serve('results-announcements.json');
    expect(contentType).to.equal('application/json; charset=utf-8');
    expectDemoItems('results-announcements.json', data.items);
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
    const { contentType, data } = await serve('procurement.rss');
    expect(contentType).to.equal('application/rss+xml; charset=windows-874');
    expectDemoItems('procurement.rss', data.items);
    const titles = data.items.map((item) => item.title);
    expect(
      titles.filter((title) => title.endsWith('ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)')),
    ).to.have.length.at.least(2);
    expect(titles.some((title) => title.startsWith('ประกาศผู้ชนะการเสนอราคา'))).to.be.true;
  });

  it('pr-news.json: JSON Feed with the 16 มิ.ย. 2565 article, its text and image', async () => {
    const { contentType, data } = await serve('pr-news.json');
    expect(contentType).to.equal('application/feed+json; charset=utf-8');
    expectDemoItems('pr-news.json', data.items);
    const article = data.items.find(
      (item) =>
        item.title ===
        'สำนักงานคณะกรรมการการเลือกตั้ง บูรณาการความร่วมมือกับกระทรวงมหาดไทย สร้างพลเมืองคุณภาพ',
    );
    expect(article, 'the seed article').to.exist;
    expect(time(article!)).to.equal(Date.parse('2022-06-16T09:30:00+07:00'));
    expect(article!.image).to.equal(new URL('/images/pr-moi-mou.svg', location.origin).href);
    const body = document.createElement('div');
    body.innerHTML = article!.html ?? '';
    expect(body.querySelectorAll('p').length).to.be.at.least(3);
    expect(body.textContent).to.include('ศูนย์ส่งเสริมพัฒนาประชาธิปไตย (ศส.ปชต.)');
    expect(body.textContent).to.include('นายอิทธิพร บุญประคอง ประธานกรรมการการเลือกตั้ง');
  });

  it('activities.rss: every item has a thumbnail (media:thumbnail or image enclosure)', async () => {
    const { data } = await serve('activities.rss');
    expectDemoItems('activities.rss', data.items);
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

describe('demo date placeholders', () => {
  const at = new Date('2026-03-10T02:00:00Z'); // 09:00 in Bangkok

  it('writes RFC 822 for RSS and ISO 8601 for Atom and JSON, in Bangkok time', () => {
    expect(expandPlaceholders('<pubDate>{{days-ago:1 14:30}}</pubDate>', 'rfc822', at)).to.equal(
      '<pubDate>Mon, 09 Mar 2026 14:30:00 +0700</pubDate>',
    );
    expect(expandPlaceholders('"{{days-ago:3}}"', 'iso', at)).to.equal(
      '"2026-03-07T09:00:00+07:00"',
    );
  });

  it('never dates an item after the moment it is served', () => {
    const later = expandPlaceholders('{{days-ago:0 16:00}}', 'iso', at);
    expect(Date.parse(later)).to.be.below(at.getTime());
    expect(daysAgo(0, at, [16, 0]).getTime()).to.be.below(at.getTime());
  });

  it('counts days on the Bangkok calendar, not UTC', () => {
    // 23:30 UTC on the 9th is already the 10th in Bangkok.
    const lateUtc = new Date('2026-03-09T23:30:00Z');
    expect(formatIso(daysAgo(1, lateUtc, [8, 0]))).to.equal('2026-03-09T08:00:00+07:00');
  });

  it('formats dates that browsers parse back to the same instant', () => {
    const date = new Date('2022-06-16T02:30:00Z');
    expect(formatRfc822(date)).to.equal('Thu, 16 Jun 2022 09:30:00 +0700');
    expect(Date.parse(formatRfc822(date))).to.equal(date.getTime());
    expect(Date.parse(formatIso(date))).to.equal(date.getTime());
  });

  it('expands windows-874 bytes without touching the Thai bytes around them', () => {
    const bytes = Uint8Array.from([
      0xa1,
      0x3c,
      ...new TextEncoder().encode('{{days-ago:2}}'),
      0xfb,
    ]);
    const out = expandFeedBytes('x.rss', bytes, at);
    expect(out[0]).to.equal(0xa1);
    expect(out[out.length - 1]).to.equal(0xfb);
    expect(new TextDecoder('windows-874').decode(out)).to.equal(
      'ก<Sun, 08 Mar 2026 09:00:00 +0700๛',
    );
  });
});
