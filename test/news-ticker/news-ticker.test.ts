import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/news-ticker/news-ticker.js';
import { setMotionQuery, type EctNewsTicker } from '../../src/news-ticker/news-ticker.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import type { ItemsData } from '../../src/feed/types.js';
import { hidePage, showPage } from '../helpers/page-activity.js';
import { shadow, one, all, text, ready } from '../helpers/dom.js';

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

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve(undefined)));

/** The headlines a user can reach: the original list, not the loop copies. */
const headlines = (el: Element) => all(el, '.list:not([aria-hidden]) [part~="title"]');
const copies = (el: Element) => all(el, '.list[aria-hidden="true"]');
const trackX = (el: Element) => one(el, '.list')!.getBoundingClientRect().left;

/** Whether the headlines move on screen over a short while. */
async function moving(el: Element, ms = 250): Promise<boolean> {
  // A pause or play takes effect on the next frame.
  await frame();
  await frame();
  const before = trackX(el);
  await sleep(ms);
  return Math.abs(trackX(el) - before) > 2;
}

/** The headline at the start of the viewport, and where it is. */
function headlineAtStart(el: Element) {
  const start = one(el, '[part~="viewport"]')!.getBoundingClientRect().left;
  const items = all(el, '.list:not([aria-hidden]) [part~="item"]');
  const item = items.findLast((li) => li.getBoundingClientRect().left <= start + 0.5)!;
  return {
    title: text(item.querySelector('[part~="title"]')),
    x: item.getBoundingClientRect().left,
  };
}

/** Ready and its animation set up (after the first size measurement). */
/** Resolves once the ticker scrolls: its animation started and the loop copies rendered. */
async function running(el: EctNewsTicker) {
  await ready(el);
  await waitUntil(
    () => one(el, '.track')?.getAnimations().length === 1 && copies(el).length > 0,
    'the animation never started',
  );
  await el.updateComplete;
  return el;
}

function itemsResponse(items: object[]) {
  return new Response(JSON.stringify({ items }), {
    headers: { 'Content-Type': 'application/json' },
  });
}

const sample = [
  {
    id: '1',
    title: 'ขอเชิญชวนประชาชนตรวจสอบรายชื่อผู้มีสิทธิเลือกตั้งผ่านแอปพลิเคชัน Smart Vote',
    url: 'https://example.org/n/1',
    date: '2022-08-16T09:30:00+07:00',
  },
  {
    id: '2',
    title: 'ประกาศรับสมัครเลือกตั้งนายกองค์การบริหารส่วนตำบลแม่ยาว',
    url: 'https://example.org/n/2',
    date: '2022-08-10T10:00:00+07:00',
    category: 'ด่วน',
  },
  {
    id: '3',
    title: 'กกต.เชียงรายจัดกิจกรรมส่งเสริมประชาธิปไตยในโรงเรียน',
    url: 'https://example.org/n/3',
    date: '2022-08-01T10:00:00+07:00',
  },
  {
    id: '4',
    title: 'สรุปผลการเลือกตั้งสมาชิกสภาเทศบาลนครเชียงราย',
    url: 'https://example.org/n/4',
    pinned: true,
  },
];

/** A stand-in for `matchMedia('(prefers-reduced-motion: reduce)')` the test can flip. */
class FakeMotionQuery extends EventTarget {
  constructor(public matches: boolean) {
    super();
  }
  set(matches: boolean) {
    this.matches = matches;
    this.dispatchEvent(new Event('change'));
  }
}

const isChromium = navigator.userAgent.includes('Chrome/');

describe('<ect-news-ticker>', () => {
  beforeEach(() => {
    clearFeedCache();
    setFeedFetch(async () => itemsResponse(sample));
  });
  afterEach(() => {
    setFeedFetch();
    setMotionQuery();
    showPage();
    sinon.restore();
  });

  it('shows each headline as a link with its date, pinned and urgent ones first', async () => {
    // The feed is held back so the first render (after the view module loads) shows `loading`.
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    setFeedFetch(async () => {
      await gate;
      return itemsResponse(sample);
    });
    const el = await fixture<EctNewsTicker>(
      html`<ect-news-ticker src="/mock/news"></ect-news-ticker>`,
    );
    expect(el.getAttribute('state')).to.equal('loading');
    expect(one(el, '[part~="loading"]')).to.exist;
    release();
    await running(el);
    expect(text(one(el, '[part~="label"]'))).to.equal('ข่าวล่าสุด');
    const links = headlines(el);
    expect(links.map(text)).to.deep.equal([
      sample[1].title,
      sample[3].title,
      sample[0].title,
      sample[2].title,
    ]);
    expect(links.map((a) => a.getAttribute('href'))).to.deep.equal([
      'https://example.org/n/2',
      'https://example.org/n/4',
      'https://example.org/n/1',
      'https://example.org/n/3',
    ]);
    const items = all(el, '.list:not([aria-hidden]) [part~="item"]');
    expect(items.map((li) => li.getAttribute('part'))).to.deep.equal([
      'item pinned',
      'item pinned',
      'item',
      'item',
    ]);
    expect(text(items[0].querySelector('[part~="badge"]'))).to.equal('ด่วน');
    const date = items[2].querySelector('[part~="date"]')!;
    expect(text(date)).to.equal('16 ส.ค. 2565');
    expect(text(date)).to.equal(thDate(sample[0].date!));
    expect(one(el, 'section')!.getAttribute('aria-labelledby')).to.equal('label');
    await expect(el).to.be.accessible();
  });

  it('scrolls continuously with a transform animation only', async () => {
    const el = await running(
      await fixture<EctNewsTicker>(
        html`<ect-news-ticker src="/mock/news" speed="200"></ect-news-ticker>`,
      ),
    );
    const before = trackX(el);
    await sleep(300);
    const moved = before - trackX(el);
    // 200 px/s for 300 ms: about 60 px to the left (frames on a busy machine come late).
    expect(moved).to.be.within(5, 200);
    const [animation] = one(el, '.track')!.getAnimations() as CSSAnimation[];
    const keyframes = (animation.effect as KeyframeEffect).getKeyframes();
    expect(
      keyframes.map((k) =>
        Object.keys(k).filter(
          (p) => !['offset', 'easing', 'composite', 'computedOffset'].includes(p),
        ),
      ),
    ).to.deep.equal([['transform'], ['transform']]);
    // One period is the width of one list: then the first copy stands where the list began.
    const period = one(el, '.list')!.getBoundingClientRect().width;
    const distance = /^translateX\((-[\d.]+)px\)$/.exec(String(keyframes[1].transform))?.[1];
    expect(Number(distance)).to.be.closeTo(-period, 0.01);
    expect(copies(el).length).to.be.at.least(1);
    expect(text(copies(el)[0])).to.equal(text(one(el, '.list')));
  });

  it('has a labelled pause button that stops and restarts it', async () => {
    const el = await running(
      await fixture<EctNewsTicker>(
        html`<ect-news-ticker src="/mock/news" speed="200"></ect-news-ticker>`,
      ),
    );
    const button = one(el, 'button[part~="pause"]')!;
    const icon = () => button.querySelector('svg path')!.getAttribute('d');
    expect(text(button)).to.equal('หยุดชั่วคราว');
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    const pauseIcon = icon();
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('true');
    // Paused, it offers to resume: ▶ and "เล่นต่อ".
    expect(text(button)).to.equal('เล่นต่อ');
    expect(icon()).to.not.equal(pauseIcon);
    expect(el.paused).to.be.true;
    expect(el.hasAttribute('paused')).to.be.true;
    expect(await moving(el)).to.be.false;
    button.click();
    await el.updateComplete;
    expect(button.getAttribute('aria-pressed')).to.equal('false');
    expect(text(button)).to.equal('หยุดชั่วคราว');
    expect(icon()).to.equal(pauseIcon);
    expect(await moving(el)).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('starts paused with the paused attribute', async () => {
    const el = await running(
      await fixture<EctNewsTicker>(
        html`<ect-news-ticker src="/mock/news" speed="200" paused></ect-news-ticker>`,
      ),
    );
    expect(one(el, '[part~="pause"]')!.getAttribute('aria-pressed')).to.equal('true');
    expect(await moving(el)).to.be.false;
  });

  it('pauses while the pointer is over the headlines', async () => {
    const el = await running(
      await fixture<EctNewsTicker>(
        html`<ect-news-ticker src="/mock/news" speed="200"></ect-news-ticker>`,
      ),
    );
    const viewport = one(el, '[part~="viewport"]')!;
    viewport.dispatchEvent(new PointerEvent('pointerenter'));
    expect(await moving(el)).to.be.false;
    viewport.dispatchEvent(new PointerEvent('pointerleave'));
    expect(await moving(el)).to.be.true;
    // Hover never presses the button: only the user's choice shows there.
    expect(one(el, '[part~="pause"]')!.getAttribute('aria-pressed')).to.equal('false');
  });

  it('pauses on keyboard focus and brings the focused headline into view', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <button type="button">ก่อน</button>
        <ect-news-ticker src="/mock/news" speed="200"></ect-news-ticker>
      </div>`,
    );
    const el = await running(box.querySelector('ect-news-ticker')!);
    const viewport = one(el, '[part~="viewport"]')!;
    box.querySelector('button')!.focus();
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const focused = shadow(el).activeElement as HTMLElement;
    expect(text(focused)).to.equal(sample[3].title);
    expect(await moving(el)).to.be.false;
    const item = focused.closest('li')!;
    expect(item.getBoundingClientRect().left).to.be.closeTo(
      viewport.getBoundingClientRect().left,
      1,
    );
    expect(viewport.scrollLeft).to.equal(0);
    // Focus on the pause button is outside the headlines: it moves again.
    box.querySelector('button')!.focus();
    expect(await moving(el)).to.be.true;
  });

  it('exposes each headline once to assistive technology and the tab order', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div>
        <button type="button">ก่อน</button>
        <ect-news-ticker src="/mock/news"></ect-news-ticker>
        <button type="button">หลัง</button>
      </div>`,
    );
    const el = await running(box.querySelector('ect-news-ticker')!);
    for (const copy of copies(el)) {
      expect(copy.getAttribute('aria-hidden')).to.equal('true');
      expect(copy.inert).to.be.true;
    }
    // A link inside a copy cannot take focus at all.
    const copied = copies(el)[0].querySelector('a')!;
    copied.focus();
    expect(shadow(el).activeElement).to.be.null;

    box.querySelector('button')!.focus();
    const stops: string[] = [];
    for (let i = 0; i < 10; i++) {
      await sendKeys({ press: 'Tab' });
      if (document.activeElement !== el) break;
      stops.push(text(shadow(el).activeElement));
    }
    expect(stops).to.deep.equal([...headlines(el).map(text), 'หยุดชั่วคราว']);
    expect(text(document.activeElement)).to.equal('หลัง');
  });

  it('stands still off screen and while the page is hidden', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div style="position: fixed; left: 0; top: 0; width: 40rem">
        <ect-news-ticker src="/mock/news" speed="200"></ect-news-ticker>
      </div>`,
    );
    const el = await running(box.querySelector('ect-news-ticker')!);
    expect(await moving(el)).to.be.true;
    hidePage();
    expect(await moving(el)).to.be.false;
    showPage();
    expect(await moving(el)).to.be.true;
    box.style.top = '300vh';
    await sleep(100);
    expect(await moving(el)).to.be.false;
    box.style.top = '0';
    await sleep(100);
    expect(await moving(el)).to.be.true;
  });

  it('keeps the headline in view when a refresh adds new ones', async () => {
    let items: object[] = sample;
    setFeedFetch(async () => itemsResponse(items));
    const el = await running(
      await fixture<EctNewsTicker>(
        html`<ect-news-ticker src="/mock/refresh" speed="400" refresh="0"></ect-news-ticker>`,
      ),
    );
    // Somewhere past the first headline, so that a jump back to the start would show.
    await waitUntil(() => headlineAtStart(el).title !== text(headlines(el)[0]), '', {
      timeout: 5000,
    });
    el.paused = true;
    await el.updateComplete;
    await one(el, '.track')!.getAnimations()[0].ready;
    await frame();
    await frame();
    const before = headlineAtStart(el);

    items = [
      {
        id: 'new',
        title: 'ข่าวใหม่ล่าสุดที่เพิ่งเข้ามาในฟีด',
        url: 'https://example.org/n/new',
        pinned: true,
      },
      ...sample,
    ];
    const loaded = oneEvent(el, 'ect-load');
    el.reload();
    await loaded;
    await el.updateComplete;
    await frame();
    expect(text(headlines(el)[0])).to.equal('ข่าวใหม่ล่าสุดที่เพิ่งเข้ามาในฟีด');
    const after = headlineAtStart(el);
    expect(after.title).to.equal(before.title);
    expect(after.x).to.be.closeTo(before.x, 1);
  });

  describe('with reduced motion', () => {
    it('shows one headline at a time, without movement, with working previous and next', async () => {
      const query = new FakeMotionQuery(true);
      setMotionQuery(query);
      const el = await ready(
        await fixture<EctNewsTicker>(html`<ect-news-ticker src="/mock/news"></ect-news-ticker>`),
      );
      await frame();
      await frame();
      expect(one(el, '.track')!.getAnimations()).to.have.length(0);
      expect(copies(el)).to.have.length(0);
      expect(one(el, '[part~="pause"]')).to.be.null;
      const visible = () =>
        headlines(el)
          .filter((a) => a.getClientRects().length > 0)
          .map(text);
      expect(visible()).to.deep.equal([sample[1].title]);
      expect(text(one(el, '[part~="position"]'))).to.equal('1 / 4');
      expect(await moving(el)).to.be.false;

      const next = one(el, 'button[part~="next"]')!;
      const previous = one(el, 'button[part~="previous"]')!;
      expect(text(next)).to.equal('ถัดไป');
      expect(text(previous)).to.equal('ก่อนหน้า');
      next.click();
      await el.updateComplete;
      expect(visible()).to.deep.equal([sample[3].title]);
      expect(text(one(el, '[part~="position"]'))).to.equal('2 / 4');
      previous.click();
      previous.click();
      await el.updateComplete;
      expect(visible()).to.deep.equal([sample[2].title]);
      expect(text(one(el, '[part~="position"]'))).to.equal('4 / 4');
      expect(one(el, '[part~="viewport"]')!.getAttribute('aria-live')).to.equal('polite');
      await expect(el).to.be.accessible();

      // The preference is followed live: scrolling resumes from the headline shown.
      query.set(false);
      await running(el);
      expect(headlineAtStart(el).title).to.equal(sample[2].title);
      expect(await moving(el)).to.be.true;
      query.set(true);
      await el.updateComplete;
      expect(one(el, '.track')!.getAnimations()).to.have.length(0);
    });

    it('keeps the shown headline across a refresh', async () => {
      setMotionQuery(new FakeMotionQuery(true));
      let items: object[] = sample;
      setFeedFetch(async () => itemsResponse(items));
      const el = await ready(
        await fixture<EctNewsTicker>(
          html`<ect-news-ticker src="/mock/reduced-refresh" refresh="0"></ect-news-ticker>`,
        ),
      );
      one(el, 'button[part~="next"]')!.click();
      one(el, 'button[part~="next"]')!.click();
      await el.updateComplete;
      items = [{ id: 'new', title: 'ข่าวใหม่', pinned: true }, ...sample];
      const loaded = oneEvent(el, 'ect-load');
      el.reload();
      await loaded;
      await el.updateComplete;
      const current = all(el, '[part~="current"] [part~="title"]').map(text);
      expect(current).to.deep.equal([sample[0].title]);
      expect(text(one(el, '[part~="position"]'))).to.equal('4 / 5');
    });

    it('never scrolls with motion="reduce"', async () => {
      const el = await ready(
        await fixture<EctNewsTicker>(
          html`<ect-news-ticker src="/mock/news" motion="reduce"></ect-news-ticker>`,
        ),
      );
      await frame();
      expect(one(el, '.track')!.getAnimations()).to.have.length(0);
      expect(one(el, '[part~="next"]')).to.exist;
    });

    it('follows the real prefers-reduced-motion media feature (Chromium emulation)', async function () {
      if (!isChromium) this.skip();
      await emulateMedia({ reducedMotion: 'reduce' });
      try {
        const el = await ready(
          await fixture<EctNewsTicker>(html`<ect-news-ticker src="/mock/news"></ect-news-ticker>`),
        );
        expect(one(el, '[part~="next"]')).to.exist;
        await emulateMedia({ reducedMotion: 'no-preference' });
        await running(el);
        expect(one(el, '[part~="next"]')).to.be.null;
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  });

  it('prints as a static list of every headline (Chromium emulation)', async function () {
    if (!isChromium) this.skip();
    const el = await running(
      await fixture<EctNewsTicker>(html`<ect-news-ticker src="/mock/news"></ect-news-ticker>`),
    );
    await emulateMedia({ media: 'print' });
    try {
      const titles = headlines(el);
      expect(titles.every((a) => a.getClientRects().length > 0)).to.be.true;
      const tops = titles.map((a) => a.getBoundingClientRect().top);
      expect(new Set(tops).size).to.equal(titles.length);
      expect(getComputedStyle(one(el, '.track')!).transform).to.equal('none');
      expect(copies(el).every((copy) => copy.getClientRects().length === 0)).to.be.true;
      expect(one(el, '[part~="pause"]')!.getClientRects().length).to.equal(0);
    } finally {
      await emulateMedia({ media: 'screen' });
    }
  });

  it('speaks English with lang="en", applies limit and a slotted label', async () => {
    const box = await fixture<HTMLDivElement>(
      html`<div lang="en">
        <ect-news-ticker src="/mock/news" limit="2"></ect-news-ticker>
        <ect-news-ticker src="/mock/news" limit="0"
          ><span slot="label">line news</span></ect-news-ticker
        >
      </div>`,
    );
    const [el, labelled] = box.querySelectorAll('ect-news-ticker');
    await running(el);
    await running(labelled);
    expect(text(one(el, '[part~="label"]'))).to.equal('Latest news');
    expect(headlines(el).map(text)).to.deep.equal([sample[1].title, sample[3].title]);
    expect(text(one(el, '[part~="badge"]'))).to.equal('Urgent');
    expect(text(one(el, '[part~="pause"]'))).to.equal('Pause');
    expect(headlines(labelled)).to.have.length(4);
    expect(text(all(labelled, '[part~="date"]')[0])).to.equal(enDate(sample[1].date!));
    const slot = one(labelled, 'slot[name="label"]') as HTMLSlotElement;
    expect(slot.assignedElements().map(text)).to.deep.equal(['line news']);
    await expect(labelled).to.be.accessible();
  });

  it('goes through error (with retry), ready, stale and empty, with events', async () => {
    let answer: () => Response = () => new Response('', { status: 500 });
    setFeedFetch(async () => answer());
    const el = document.createElement('ect-news-ticker');
    el.src = '/mock/states';
    el.refresh = 0;
    const errored = oneEvent(el, 'ect-error');
    document.body.append(el);
    try {
      expect((await errored).detail.message).to.contain('HTTP 500');
      await ready(el, 'error');
      expect(one(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      await expect(el).to.be.accessible();

      answer = () => itemsResponse(sample);
      const loaded = oneEvent(el, 'ect-load');
      one(el, '[part~="retry"]')!.click();
      expect((await loaded).detail.source).to.equal('network');
      await running(el);

      answer = () => new Response('', { status: 503 });
      el.reload();
      await ready(el, 'stale');
      expect(headlines(el)).to.have.length(4);
      expect(one(el, '[part~="stale"]')).to.exist;

      answer = () => itemsResponse([]);
      el.reload();
      await ready(el, 'empty');
      expect(text(one(el, '[part~="empty"]'))).to.equal('ยังไม่มีข้อมูล');
      expect(one(el, '.track')).to.be.null;
    } finally {
      el.remove();
    }
  });

  it('shows the light-DOM fallback until data arrives', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    setFeedFetch(async () => {
      await gate;
      return itemsResponse(sample);
    });
    const el = await fixture<EctNewsTicker>(
      html`<ect-news-ticker src="/mock/fallback"><a href="/news">ข่าวทั้งหมด</a></ect-news-ticker>`,
    );
    const fallback = el.querySelector('a')!;
    expect(fallback.getClientRects().length).to.be.greaterThan(0);
    release();
    await running(el);
    expect(fallback.getClientRects().length).to.equal(0);
  });

  it('shows the loading skeleton beside a slotted label (the label is no fallback)', async () => {
    setFeedFetch(() => new Promise<Response>(() => {}));
    const el = await fixture<EctNewsTicker>(
      html`<ect-news-ticker src="/mock/never"
        ><span slot="label">line news</span></ect-news-ticker
      >`,
    );
    await el.updateComplete;
    expect(one(el, '[part~="loading"]')).to.exist;
    expect(one(el, 'slot:not([name])')).to.be.null;
  });

  it('reads inline data and renders hostile content inert', async () => {
    const el = await fixture<EctNewsTicker>(
      html`<ect-news-ticker>
        <script type="application/json">
          {
            "items": [
              { "id": "x", "title": "<img src=x onerror=alert(1)>", "url": "javascript:alert(1)" },
              { "id": "y", "title": "ปกติ", "url": "https://example.org/y" }
            ]
          }
        </script>
      </ect-news-ticker>`,
    );
    await running(el);
    const titles = headlines(el);
    expect(titles.map((t) => t.localName)).to.deep.equal(['span', 'a']);
    expect(text(titles[0])).to.equal('<img src=x onerror=alert(1)>');
    expect(one(el, 'img')).to.be.null;
  });

  it('the demo feed parses with Thai headlines and an urgent item', async () => {
    const body = await (
      await fetch(new URL('../../demo/feeds/news-ticker.rss', import.meta.url))
    ).text();
    const data = (await parseFeed(body, { contentType: 'application/rss+xml' })) as ItemsData;
    expect(data.items.length).to.be.within(6, 15);
    expect(data.items.filter((item) => item.pinned)).to.have.length.at.least(1);
    for (const item of data.items) {
      expect(item.title).to.match(/[\u0E00-\u0E7F]/);
      expect(item.url).to.match(/^https:\/\//);
    }
  });
});
