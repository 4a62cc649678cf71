import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/online-counter/online-counter.js';
import type { EctOnlineCounter } from '../../src/online-counter/online-counter.js';
import { clearFeedCache, writeCachedFeed } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { feedKey } from '../../src/feed/stream.js';
import { SSE_TIMEOUT } from '../../src/feed/sse.js';
import { shadow, one, all, text, ready as settled } from '../helpers/dom.js';

/** What a sighted reader sees: the sentence without the text for screen readers only. */
const visibleText = (node: Element | null) => {
  const copy = node?.cloneNode(true) as Element | undefined;
  copy?.querySelectorAll('.visually-hidden').forEach((hidden) => hidden.remove());
  return text(copy);
};
const sentence = (el: Element) => visibleText(one(el, '[part~="online"]'));
const stats = (el: Element) =>
  all(el, '[part~="stat"]').map((stat) => [
    text(stat.querySelector('dt')),
    text(stat.querySelector('dd')),
  ]);

const grouped = (n: number, locale = 'th') => new Intl.NumberFormat(locale).format(n);

function counterResponse(body: unknown, init: ResponseInit = {}) {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), {
    headers: { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' },
    ...init,
  });
}

let unique = 0;
function sseUrl(params: Record<string, unknown>): string {
  const query = new URLSearchParams({ id: `counter-${Date.now()}-${unique++}` });
  for (const [key, value] of Object.entries(params)) {
    query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return `/api/sse?${query}`;
}

/** No live region anywhere: a changing count must not be read out on every change. */
function expectNoLiveRegion(el: Element) {
  expect(all(el, '[aria-live], [role="status"], [role="alert"], [role="log"]')).to.have.length(0);
}

const savedTimeout = { ...SSE_TIMEOUT };

describe('<ect-online-counter>', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    setFeedFetch();
    sinon.restore();
    Object.assign(SSE_TIMEOUT, savedTimeout);
    document.documentElement.removeAttribute('lang');
  });

  it('shows the JSON figures in Thai, grouped, in tabular digits, with no live region', async () => {
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter
        src=${'/api/feed?file=counter.json&type=application/json&delay=1500'}
      ></ect-online-counter>`,
    );
    expect(el.getAttribute('state')).to.equal('loading');
    expect(one(el, '[part~="count"][part~="loading"]')).to.exist;
    await settled(el);
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ 13 คน');
    expect(stats(el)).to.deep.equal([
      ['วันนี้', '245'],
      ['เดือนนี้', grouped(5321)],
      ['ทั้งหมด', grouped(7694178)],
    ]);
    expect(stats(el)[2][1]).to.equal('7,694,178');
    const count = one(el, '[part~="online"] [part~="count"]')!;
    expect(getComputedStyle(count).fontVariantNumeric).to.equal('tabular-nums');
    expectNoLiveRegion(el);
    await expect(el).to.be.accessible();
  });

  it('speaks English and Thai digits when asked, and the singular for one person', async () => {
    setFeedFetch(async () => counterResponse({ online: 1, total: 1234567 }));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><ect-online-counter src="/mock/en"></ect-online-counter></div>`,
    );
    const el = await settled(wrapper.querySelector('ect-online-counter')!);
    expect(sentence(el)).to.equal('1 person online now');
    expect(stats(el)).to.deep.equal([['Total', grouped(1234567, 'en')]]);

    el.data = { online: 13 };
    await waitUntil(() => sentence(el) === '13 people online now');
    el.numerals = 'thai';
    wrapper.setAttribute('lang', 'th');
    await waitUntil(() => sentence(el) === 'ขณะนี้มีผู้ Online อยู่ ๑๓ คน');
  });

  it('reads a plain-text number', async () => {
    setFeedFetch(async () => counterResponse('42\n'));
    const el = await settled(
      await fixture<EctOnlineCounter>(
        html`<ect-online-counter src="/mock/text"></ect-online-counter>`,
      ),
    );
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ 42 คน');
    expect(all(el, '[part~="stat"]')).to.have.length(0);
  });

  it('shows — (never 0) when the source fails, with the reason on hover and an event', async () => {
    setFeedFetch(async () => new Response('', { status: 503 }));
    const el = document.createElement('ect-online-counter');
    el.src = '/mock/down';
    const errored = oneEvent(el, 'ect-error');
    document.body.append(el);
    try {
      expect((await errored).detail.message).to.contain('HTTP 503');
      await settled(el, 'error');
      expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ — คน');
      expect(text(one(el, '[part~="online"]'))).to.contain('ไม่ทราบจำนวน');
      expect(shadow(el).textContent).not.to.match(/\b0\b/);
      expect(one(el, '[part~="unavailable"]')!.title).to.contain('HTTP 503');
      expect(all(el, '[part~="stat"]')).to.have.length(0);
      expectNoLiveRegion(el);
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('answers a feed that is not a count with — too', async () => {
    setFeedFetch(async () => counterResponse({ items: [] }));
    const el = await settled(
      await fixture<EctOnlineCounter>(
        html`<ect-online-counter src="/mock/items"></ect-online-counter>`,
      ),
      'error',
    );
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ — คน');
    expect(one(el, '[part~="unavailable"]')!.title).to.equal(
      'ส่วนนี้แสดงจำนวนผู้เข้าชม แต่ข้อมูลเป็นรายการข่าว',
    );
  });

  it('keeps the last figures after a failed refresh, marked stale with their time', async () => {
    let answer = () => counterResponse({ online: 13, today: 245 });
    setFeedFetch(async () => answer());
    const el = await settled(
      await fixture<EctOnlineCounter>(
        html`<ect-online-counter src="/mock/stale" refresh="0"></ect-online-counter>`,
      ),
    );
    expect(one(el, '[part~="stale"]')).to.be.null;
    expect(one(el, '[part~="note"]')).to.be.null;

    answer = () => new Response('', { status: 500 });
    el.reload();
    await settled(el, 'stale');
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ 13 คน');
    expect(all(el, '[part~="count"][part~="stale"]')).to.have.length(2);
    const note = one(el, '[part~="note"]')!;
    expect(text(note)).to.match(/^\(ข้อมูล ณ \d{2}\.\d{2} น\.\)$/);
    expect(note.title).to.contain('HTTP 500');
    expectNoLiveRegion(el);
    await expect(el).to.be.accessible();

    answer = () => counterResponse({ online: 15, today: 250 });
    el.reload();
    await settled(el);
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ 15 คน');
    expect(one(el, '[part~="note"]')).to.be.null;
  });

  it('marks figures saved on an earlier visit as not current until the network answers', async () => {
    const url = new URL('/mock/cached', location.href).href;
    writeCachedFeed(feedKey({ url, format: 'auto', proxy: null }), { kind: 'counter', online: 8 });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    setFeedFetch(async () => {
      await gate;
      return counterResponse({ online: 11 });
    });
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter src="/mock/cached"></ect-online-counter>`,
    );
    await waitUntil(() => sentence(el) === 'ขณะนี้มีผู้ Online อยู่ 8 คน');
    expect(one(el, '[part~="count"][part~="stale"]')).to.exist;
    expect(text(one(el, '[part~="note"]'))).to.equal('(ตัวเลขที่บันทึกไว้)');
    release();
    await waitUntil(() => sentence(el) === 'ขณะนี้มีผู้ Online อยู่ 11 คน');
    expect(one(el, '[part~="stale"]')).to.be.null;
  });

  it('shows the fallback content until the first figures, and again beside — on failure', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    setFeedFetch(async (url) => {
      if (url.endsWith('/broken')) return new Response('', { status: 500 });
      await gate;
      return counterResponse({ online: 5 });
    });
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter src="/mock/fallback"
        ><a href="/stats">สถิติผู้เข้าชม</a></ect-online-counter
      >`,
    );
    const slot = () => one(el, 'slot') as HTMLSlotElement | null;
    expect(slot()?.assignedElements()).to.deep.equal([el.querySelector('a')]);
    expect(one(el, '[part~="online"]')).to.be.null;
    release();
    await settled(el);
    expect(slot()).to.be.null;
    el.src = '/mock/broken';
    await settled(el, 'error');
    expect(slot()?.assignedElements()).to.deep.equal([el.querySelector('a')]);
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ — คน');
  });

  it('animates a changed count once, not the first one and not on other re-renders', async () => {
    const el = await fixture<EctOnlineCounter>(html`<ect-online-counter></ect-online-counter>`);
    el.data = { online: 13, today: 245 };
    await settled(el);
    const first = one(el, '[part~="online"] [part~="count"]')!;
    expect(first.classList.contains('changed')).to.be.false;

    el.data = { online: 14, today: 245 };
    await waitUntil(() => sentence(el) === 'ขณะนี้มีผู้ Online อยู่ 14 คน');
    const changed = one(el, '[part~="online"] [part~="count"]')!;
    expect(changed).not.to.equal(first);
    expect(changed.classList.contains('changed')).to.be.true;
    expect(getComputedStyle(changed).animationName).to.equal('ect-count');
    const today = one(el, '[part~="stat"] [part~="count"]')!;
    expect(today.classList.contains('changed')).to.be.false;

    // A re-render for another reason does not replay it.
    el.numerals = 'latn';
    el.requestUpdate();
    await el.updateComplete;
    expect(changed.classList.contains('changed')).to.be.false;
  });

  it('keeps the change animation behind prefers-reduced-motion: no-preference', async () => {
    const el = await fixture<EctOnlineCounter>(html`<ect-online-counter></ect-online-counter>`);
    const animated = [
      ...shadow(el).adoptedStyleSheets,
      ...all(el, 'style').map((s) => (s as HTMLStyleElement).sheet!),
    ]
      .flatMap((sheet) => [...sheet.cssRules])
      .filter((rule) => /\banimation\b[^;]*ect-count/.test(rule.cssText));
    expect(animated).to.have.length(1);
    expect(animated[0]).to.be.instanceOf(CSSMediaRule);
    expect((animated[0] as CSSMediaRule).conditionText).to.equal(
      '(prefers-reduced-motion: no-preference)',
    );
  });

  it('does not animate under reduced motion (Chromium emulation)', async function () {
    if (!navigator.userAgent.includes('Chrome')) this.skip();
    const el = await fixture<EctOnlineCounter>(html`<ect-online-counter></ect-online-counter>`);
    el.data = { online: 13 };
    await settled(el);
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      el.data = { online: 15 };
      await waitUntil(() => sentence(el) === 'ขณะนี้มีผู้ Online อยู่ 15 คน');
      const count = one(el, '[part~="online"] [part~="count"]')!;
      expect(count.classList.contains('changed')).to.be.true;
      expect(getComputedStyle(count).animationName).to.equal('none');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('live: follows Server-Sent Events on src', async () => {
    const loads: number[] = [];
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter
        live
        src=${sseUrl({ events: [{ online: 13, today: 245 }, 14], every: 150 })}
        @ect-load=${(event: CustomEvent) => loads.push(event.detail.data.online)}
      ></ect-online-counter>`,
    );
    await waitUntil(() => sentence(el) === 'ขณะนี้มีผู้ Online อยู่ 13 คน', 'first message', {
      timeout: 5000,
    });
    expect(stats(el)).to.deep.equal([['วันนี้', '245']]);
    await waitUntil(() => sentence(el) === 'ขณะนี้มีผู้ Online อยู่ 14 คน', 'second message', {
      timeout: 5000,
    });
    expect(el.getAttribute('state')).to.equal('ready');
    expect(loads).to.deep.equal([13, 14]);
    expectNoLiveRegion(el);
  });

  it('live: falls back to polling src when the stream is refused', async () => {
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter
        live
        src=${sseUrl({ status: 502, body: { online: 9, month: 300 } })}
      ></ect-online-counter>`,
    );
    await settled(el);
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ 9 คน');
    expect(stats(el)).to.deep.equal([['เดือนนี้', '300']]);
  });

  it('live: falls back to polling when the stream stays silent', async () => {
    SSE_TIMEOUT.firstMs = 300;
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter live src=${sseUrl({ silent: 1, body: 6 })}></ect-online-counter>`,
    );
    await settled(el);
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ 6 คน');
  });

  it('live: shows — when both the stream and the polling fail', async () => {
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter
        live
        src=${sseUrl({ status: 503, 'body-status': 503 })}
      ></ect-online-counter>`,
    );
    await settled(el, 'error');
    expect(sentence(el)).to.equal('ขณะนี้มีผู้ Online อยู่ — คน');
  });
});
