import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/announcement-list/announcement-list.js';
import type { EctAnnouncementList } from '../../src/announcement-list/announcement-list.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { activeFeedCount } from '../../src/feed/stream.js';
import { shadow, all, text, ready } from '../helpers/dom.js';

const server = (query: string) => `/api/feed?${query}`;
const jsonFeed = (file: string, extra = '') =>
  server(`file=${file}&type=application/json${extra ? `&${extra}` : ''}`);

let unique = 0;
const id = (name: string) => `${name}-${Date.now()}-${unique++}`;

const thDate = (iso: string) =>
  new Intl.DateTimeFormat('th-TH-u-ca-buddhist', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(iso));
const enDate = (iso: string) =>
  new Intl.DateTimeFormat('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'Asia/Bangkok',
  }).format(new Date(iso));

function isoDaysAgo(days: number) {
  return new Date(Date.now() - days * 86_400_000).toISOString();
}

/** A JSON items feed as the route table answers it. */
function itemsResponse(items: object[], init: ResponseInit = {}) {
  return new Response(JSON.stringify({ items }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
    ...init,
  });
}

const sample = [
  {
    id: '1',
    title: 'ประกาศรับสมัครเลือกตั้ง',
    url: 'https://example.org/a/1',
    date: '2022-06-16T09:30:00+07:00',
    category: 'ข่าวประกาศ',
    attachments: [{ url: 'https://example.org/a/1.pdf', type: 'application/pdf', size: 250880 }],
  },
  {
    id: '2',
    title: 'ข่าวประชาสัมพันธ์ กกต.',
    url: 'https://example.org/a/2',
    date: '2022-06-10T10:00:00+07:00',
    category: 'ข่าวสาร/ประชาสัมพันธ์',
  },
  {
    id: '3',
    title: 'เรื่องอื่น ๆ',
    url: 'https://example.org/a/3',
    date: '2022-06-01T10:00:00+07:00',
    category: 'อื่นๆ',
  },
];

describe('<ect-announcement-list>', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    setFeedFetch();
    sinon.restore();
    document.documentElement.removeAttribute('lang');
  });

  it('renders a feed from the server as a dated list, Thai by default', async () => {
    // The feed is held back so the first render (after the view module loads) shows `loading`.
    const el = await fixture<EctAnnouncementList>(
      html`<ect-announcement-list
        src=${jsonFeed('pr-news.json', 'delay=2000')}
      ></ect-announcement-list>`,
    );
    expect(el.getAttribute('state')).to.equal('loading');
    await ready(el);
    const titles = all(el, '[part~="title"]').map(text);
    expect(titles[0]).to.equal(
      'สำนักงานคณะกรรมการการเลือกตั้ง บูรณาการความร่วมมือกับกระทรวงมหาดไทย สร้างพลเมืองคุณภาพ',
    );
    const date = all(el, '[part~="date"]')[0];
    expect(text(date)).to.equal('16 มิ.ย. 2565');
    expect(text(date)).to.equal(thDate('2022-06-16T09:30:00+07:00'));
    expect(date.getAttribute('datetime')).to.match(/^2022-06-16T02:30:00/);
    expect(all(el, '[part~="title"]')[0].getAttribute('href')).to.equal(
      'https://www.ect.go.th/chiangrai/pr/2565-06-16',
    );
    await expect(el).to.be.accessible();
  });

  it('shows English when lang="en" and follows a runtime language change', async () => {
    setFeedFetch(async () => itemsResponse(sample));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><ect-announcement-list src="/mock/en"></ect-announcement-list></div>`,
    );
    const el = wrapper.querySelector('ect-announcement-list')!;
    await ready(el);
    expect(text(all(el, '[part~="tab"]')[0])).to.equal('All');
    expect(text(all(el, '[part~="date"]')[0])).to.equal(enDate(sample[0].date));
    wrapper.setAttribute('lang', 'th');
    await waitUntil(() => text(all(el, '[part~="tab"]')[0]) === 'ทั้งหมด');
    expect(text(all(el, '[part~="date"]')[0])).to.equal('16 มิ.ย. 2565');
  });

  it('turns several categories into ARIA tabs that work by keyboard', async () => {
    setFeedFetch(async () => itemsResponse(sample));
    const el = await ready(
      await fixture<EctAnnouncementList>(
        html`<ect-announcement-list src="/mock/tabs"></ect-announcement-list>`,
      ),
    );
    const tabs = () => all(el, '[role="tab"]');
    expect(tabs().map(text)).to.deep.equal(['ทั้งหมด', 'ข่าวประกาศ', 'ข่าวสาร/ประชาสัมพันธ์', 'อื่นๆ']);
    expect(tabs()[0].getAttribute('aria-selected')).to.equal('true');
    expect(tabs().map((t) => t.tabIndex)).to.deep.equal([0, -1, -1, -1]);
    tabs()[0].focus();
    tabs()[0].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    await el.updateComplete;
    expect(tabs()[1].getAttribute('aria-selected')).to.equal('true');
    expect(shadow(el).activeElement).to.equal(tabs()[1]);
    expect(all(el, '[part~="title"]').map(text)).to.deep.equal(['ประกาศรับสมัครเลือกตั้ง']);
    const panel = shadow(el).querySelector('[role="tabpanel"]')!;
    expect(panel.getAttribute('aria-labelledby')).to.equal(tabs()[1].id);
    tabs()[1].dispatchEvent(new KeyboardEvent('keydown', { key: 'End', bubbles: true }));
    await el.updateComplete;
    await el.updateComplete;
    expect(tabs()[3].getAttribute('aria-selected')).to.equal('true');
    expect(all(el, '[part~="title"]').map(text)).to.deep.equal(['เรื่องอื่น ๆ']);
    tabs()[3].dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await el.updateComplete;
    expect(tabs()[0].getAttribute('aria-selected')).to.equal('true');
    tabs()[2].click();
    await el.updateComplete;
    expect(all(el, '[part~="title"]').map(text)).to.deep.equal(['ข่าวประชาสัมพันธ์ กกต.']);
    await expect(el).to.be.accessible();
  });

  it('applies limit, category, new-days and more-href', async () => {
    const recent = { id: 'n', title: 'ประกาศใหม่', date: isoDaysAgo(1), category: 'ข่าวประกาศ' };
    setFeedFetch(async () => itemsResponse([...sample, recent]));
    const el = await ready(
      await fixture<EctAnnouncementList>(
        html`<ect-announcement-list
          src="/mock/options"
          category="ข่าวประกาศ"
          limit="1"
          more-href="/announcements"
        ></ect-announcement-list>`,
      ),
    );
    expect(all(el, '[role="tab"]')).to.have.length(0);
    const titles = all(el, '[part~="title"]');
    expect(titles.map(text)).to.deep.equal(['ประกาศใหม่']);
    expect(text(shadow(el).querySelector('[part~="badge"]'))).to.equal('ใหม่');
    const more = shadow(el).querySelector('[part~="more"]')!;
    expect(text(more)).to.equal('ดูทั้งหมด');
    expect(more.getAttribute('href')).to.equal(new URL('/announcements', location.href).href);

    el.limit = 0;
    el.newDays = 0;
    el.moreHref = 'javascript:alert(1)';
    await el.updateComplete;
    expect(all(el, '[part~="title"]')).to.have.length(2);
    expect(shadow(el).querySelector('[part~="badge"]')).to.be.null;
    expect(shadow(el).querySelector('[part~="more"]')).to.be.null;
  });

  it('lists attachments with their type and size', async () => {
    setFeedFetch(async () => itemsResponse([sample[0]]));
    const el = await ready(
      await fixture<EctAnnouncementList>(
        html`<ect-announcement-list src="/mock/files"></ect-announcement-list>`,
      ),
    );
    const link = shadow(el).querySelector('[part~="attachment"]')!;
    expect(link.getAttribute('href')).to.equal('https://example.org/a/1.pdf');
    expect(text(link)).to.contain('(PDF, 245 KB)');
    // Its accessible name tells which announcement the file belongs to.
    expect(text(link)).to.contain('ประกาศรับสมัครเลือกตั้ง');
  });

  it('shows thumbnails and word-safe excerpts in layout="news"', async () => {
    const long = 'การเลือกตั้งสมาชิกสภาท้องถิ่นและผู้บริหารท้องถิ่น'.repeat(12);
    setFeedFetch(async () =>
      itemsResponse([
        { ...sample[0], image: 'https://example.org/img/1.png', summary: long },
        { ...sample[1], image: 'javascript:alert(1)' },
      ]),
    );
    const el = await ready(
      await fixture<EctAnnouncementList>(
        html`<ect-announcement-list layout="news" src="/mock/news"></ect-announcement-list>`,
      ),
    );
    const images = all(el, 'img[part~="thumbnail"]');
    expect(images).to.have.length(1);
    expect(images[0].getAttribute('src')).to.equal('https://example.org/img/1.png');
    expect(images[0].getAttribute('alt')).to.equal('');
    const excerpt = text(shadow(el).querySelector('[part~="excerpt"]'));
    expect(excerpt.endsWith('…')).to.be.true;
    expect(excerpt.length).to.be.at.most(161);
    const words = [...new Intl.Segmenter('th', { granularity: 'word' }).segment(long)];
    const cut = excerpt.slice(0, -1);
    expect(words.some((w) => w.index === cut.length)).to.be.true;
    await expect(el).to.be.accessible();

    // On a phone (a 320 px column) the picture stays small, beside its story.
    el.style.width = '320px';
    await new Promise(requestAnimationFrame);
    const item = images[0].closest('[part~="item"]')!;
    const title = item.querySelector('a')!;
    const picture = images[0].getBoundingClientRect();
    expect(picture.width).to.be.within(70, 100);
    expect(picture.height).to.be.below(80);
    expect(title.getBoundingClientRect().left).to.be.at.least(picture.right);
  });

  it('goes through loading, error (with retry), ready, stale and empty, with events', async () => {
    let answer: () => Response | Promise<Response> = () => new Response('', { status: 500 });
    setFeedFetch(async () => answer());
    const el = document.createElement('ect-announcement-list');
    el.src = '/mock/states';
    el.refresh = 0;
    const errored = oneEvent(el, 'ect-error');
    document.body.append(el);
    try {
      const { detail } = await errored;
      expect(detail.message).to.contain('HTTP 500');
      await ready(el, 'error');
      const alert = shadow(el).querySelector('[part~="error"]')!;
      expect(alert.getAttribute('role')).to.equal('alert');
      expect(text(alert)).to.contain('โหลดข้อมูลไม่สำเร็จ');
      await expect(el).to.be.accessible();

      answer = () => itemsResponse(sample);
      const loaded = oneEvent(el, 'ect-load');
      shadow(el).querySelector<HTMLButtonElement>('[part~="retry"]')!.click();
      const load = await loaded;
      expect(load.detail.source).to.equal('network');
      expect(load.detail.data.kind).to.equal('items');
      await ready(el);

      answer = () => new Response('', { status: 503 });
      el.reload();
      await ready(el, 'stale');
      expect(all(el, '[part~="title"]')).to.have.length(3);
      expect(text(shadow(el).querySelector('[part~="stale"]'))).to.contain('แสดงข้อมูลที่บันทึกไว้');
      await expect(el).to.be.accessible();

      answer = () => itemsResponse([]);
      el.reload();
      await ready(el, 'empty');
      expect(text(shadow(el).querySelector('[part~="empty"]'))).to.equal('ยังไม่มีข้อมูล');
    } finally {
      el.remove();
    }
  });

  it('shows the light-DOM fallback until data arrives, and again on a first-load error', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    setFeedFetch(async (url) => {
      if (url.includes('broken')) return new Response('', { status: 500 });
      await gate;
      return itemsResponse(sample);
    });
    const el = await fixture<EctAnnouncementList>(
      html`<ect-announcement-list src="/mock/fallback"
        ><a href="/old-announcements">ประกาศทั้งหมด</a></ect-announcement-list
      >`,
    );
    const fallback = el.querySelector('a')!;
    const slot = () => shadow(el).querySelector('slot');
    expect(slot()?.assignedElements()).to.deep.equal([fallback]);
    expect(fallback.getClientRects().length).to.be.greaterThan(0);
    release();
    await ready(el);
    expect(slot()).to.be.null;
    expect(fallback.getClientRects().length).to.equal(0);

    el.src = '/mock/broken';
    await ready(el, 'error');
    expect(slot()?.assignedElements()).to.deep.equal([fallback]);
  });

  it('reads inline data and the data property', async () => {
    const el = await fixture<EctAnnouncementList>(
      html`<ect-announcement-list>
        <script type="application/json">
          { "items": [{ "id": "i", "title": "จากข้อมูลในหน้า", "date": "2022-06-16" }] }
        </script>
      </ect-announcement-list>`,
    );
    await ready(el);
    expect(all(el, '[part~="title"]').map(text)).to.deep.equal(['จากข้อมูลในหน้า']);

    const loaded = oneEvent(el, 'ect-load');
    el.data = { items: [{ id: 'p', title: 'ตั้งจากสคริปต์' }] };
    expect((await loaded).detail.source).to.equal('inline');
    await el.updateComplete;
    expect(all(el, '[part~="title"]').map(text)).to.deep.equal(['ตั้งจากสคริปต์']);
  });

  it('renders hostile feed content inert', async () => {
    setFeedFetch(async () =>
      itemsResponse([
        {
          id: 'x',
          title: '<img src=x onerror="window.__pwned=1">&lt;b&gt;',
          url: ' JaVaScRiPt:window.__pwned=1',
          attachments: [{ url: 'data:text/html,<script>window.__pwned=1</script>' }],
        },
        { id: 'y', title: 'ok', url: 'java\tscript:window.__pwned=1' },
      ]),
    );
    const el = await ready(
      await fixture<EctAnnouncementList>(
        html`<ect-announcement-list src="/mock/hostile"></ect-announcement-list>`,
      ),
    );
    const titles = all(el, '[part~="title"]');
    expect(titles.map((t) => t.localName)).to.deep.equal(['span', 'span']);
    expect(text(titles[0])).to.contain('<img src=x onerror=');
    expect(shadow(el).querySelector('img')).to.be.null;
    expect(shadow(el).querySelector('[part~="attachment"]')).to.be.null;
    expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('decodes a windows-874 RSS feed end to end', async () => {
    const el = await ready(
      await fixture<EctAnnouncementList>(
        html`<ect-announcement-list
          src=${server('file=procurement-874.xml&encode=windows-874&type=application/rss%2Bxml&charset=windows-874')}
        ></ect-announcement-list>`,
      ),
    );
    expect(text(all(el, '[part~="title"]')[0])).to.equal(
      'ประกาศประกวดราคาจ้างก่อสร้างอาคารสำนักงาน ด้วยวิธีประกวดราคาอิเล็กทรอนิกส์ (e-bidding)',
    );
  });

  it('makes one request for many elements on one URL and stops polling when removed', async () => {
    const key = id('many');
    const src = jsonFeed('pr-news.json', `id=${key}`);
    const box = await fixture<HTMLDivElement>(
      html`<div>
        ${Array.from({ length: 5 }, () => html`<ect-announcement-list src=${src}></ect-announcement-list>`)}
      </div>`,
    );
    const lists = [...box.querySelectorAll('ect-announcement-list')];
    await Promise.all(lists.map((el) => ready(el)));
    const { hits } = await (await fetch(`/api/hits?id=${key}`)).json();
    expect(hits).to.equal(1);
    const before = activeFeedCount();
    box.remove();
    await Promise.resolve();
    expect(activeFeedCount()).to.equal(before - 1);
  });

  it('aborts the old request when src changes and never shows its late answer', async () => {
    const signals: Record<string, AbortSignal> = {};
    let releaseSlow!: () => void;
    const slowGate = new Promise<void>((r) => (releaseSlow = r));
    setFeedFetch(async (url, init) => {
      signals[url] = init.signal!;
      if (url.endsWith('/slow')) {
        await slowGate;
        return itemsResponse([{ id: 's', title: 'คำตอบที่มาช้า' }]);
      }
      return itemsResponse([{ id: 'f', title: 'คำตอบล่าสุด' }]);
    });
    const el = await fixture<EctAnnouncementList>(
      html`<ect-announcement-list src="/mock/slow"></ect-announcement-list>`,
    );
    await waitUntil(() => Object.keys(signals).length === 1);
    el.src = '/mock/fast';
    await ready(el);
    expect(signals[new URL('/mock/slow', location.href).href].aborted).to.be.true;
    releaseSlow();
    await new Promise((r) => setTimeout(r, 50));
    expect(all(el, '[part~="title"]').map(text)).to.deep.equal(['คำตอบล่าสุด']);
  });

  it('fails alone: a broken feed does not disturb another list on the page', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <ect-announcement-list
          src=${server('file=pr-news.json&type=application/json')}
        ></ect-announcement-list>
        <ect-announcement-list
          src=${server('body=%3Chtml%3E%3Cbody%3EError%3C/body%3E%3C/html%3E&type=text/html')}
        ></ect-announcement-list>
      </div>`,
    );
    const [good, broken] = box.querySelectorAll('ect-announcement-list');
    await ready(good);
    await ready(broken, 'error');
    expect(all(good, '[part~="title"]')).to.have.length(2);
    expect(text(shadow(broken).querySelector('[part~="error"]'))).to.contain('แต่ได้รับหน้าเว็บ HTML');
  });

  it('explains a feed of the wrong kind', async () => {
    setFeedFetch(
      async () =>
        new Response(JSON.stringify({ online: 13 }), {
          headers: { 'Content-Type': 'application/json' },
        }),
    );
    const el = await ready(
      await fixture<EctAnnouncementList>(
        html`<ect-announcement-list src="/mock/counter"></ect-announcement-list>`,
      ),
      'error',
    );
    expect(text(shadow(el).querySelector('[part~="error"]'))).to.contain(
      'ส่วนนี้แสดงรายการข่าว แต่ข้อมูลเป็นจำนวนผู้เข้าชม',
    );
  });
});
