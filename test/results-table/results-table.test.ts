import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { emulateMedia } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../../src/results-table/results-table.js';
import type { EctResultsTable } from '../../src/results-table/results-table.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import type { ResultsData } from '../../src/feed/types.js';
import { contentTypeOf, shiftFeedBytes } from '../../demo/server/feed-files.js';
import { shadow, all, text, ready } from '../helpers/dom.js';

const server = (query: string) => `/api/feed?${query}`;

const $ = <T extends Element = HTMLElement>(el: Element, selector: string) =>
  shadow(el).querySelector<T>(selector);

/** Each body row's cells as text: rank, number, candidate, party, votes, share, result. */
const rows = (el: Element) =>
  all(el, 'tbody tr[part~="row"]').map((tr) => [...tr.children].map((cell) => text(cell)));
const column = (el: Element, index: number) => rows(el).map((row) => row[index]);
/** The party colour each row got (`''` for none). */
const colors = (el: Element) =>
  all(el, 'tbody tr').map((tr) => tr.style.getPropertyValue('--c').trim());
const sortButton = (el: Element, name: string) =>
  all(el, '[part~="sort"]').find((button) => text(button) === name)!;
const ariaSorts = (el: Element) => all(el, 'thead th').map((th) => th.getAttribute('aria-sort'));

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });
}

/** Today at a Bangkok wall-clock time, as a feed writes it. */
function todayAt(time: string) {
  const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date());
  return `${day}T${time}:00+07:00`;
}

function search(el: Element, value: string) {
  const input = $<HTMLInputElement>(el, '[part~="search"]')!;
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

const live = (votes: number[], counted: number, time = '21.30') => ({
  title: 'ผลการนับคะแนนเลือกตั้งนายก อบจ.เชียงราย',
  updated: todayAt(time.replace('.', ':')),
  counted,
  official: false,
  candidates: [
    { number: 1, name: 'นายขจร ใจดี', party: 'พรรค ก', votes: votes[0] },
    { number: 2, name: 'นางเกศินี มีสุข', party: 'กลุ่มรักเชียงราย', votes: votes[1] },
    { number: 3, name: 'นายไพศาล ทองดี', party: 'พรรค ก', votes: votes[2] },
  ],
});

describe('<ect-results-table>', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    setFeedFetch();
    sinon.restore();
    document.documentElement.removeAttribute('lang');
  });

  it('shows one JSON race: summary, grouped votes, derived shares, marks, Thai by default', async () => {
    // The test server's answer is held until the loading state was seen: the first render
    // waits for the view module, which may take longer than any fixed delay on a busy machine.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    setFeedFetch(async (url, init) => {
      await held;
      return fetch(url, init);
    });
    const el = await fixture<EctResultsTable>(
      html`<ect-results-table
        src=${server('file=results.json&type=application/json')}
      ></ect-results-table>`,
    );
    expect(el.getAttribute('state')).to.equal('loading');
    release();
    await ready(el);
    expect(el.shadowRoot!.querySelectorAll('table')).to.have.length(1);
    expect(text($(el, 'caption'))).to.equal(
      'ผลการเลือกตั้งนายกองค์การบริหารส่วนจังหวัดเชียงราย (อย่างไม่เป็นทางการ)',
    );
    expect(all(el, 'thead th').map(text)).to.deep.equal([
      'ลำดับ',
      'หมายเลข',
      'ผู้สมัคร',
      'พรรค/กลุ่ม',
      'คะแนน',
      'ร้อยละ',
      'ผล',
    ]);
    const total = 240877 + 231964 + 925;
    const pct = (v: number) => `${(Math.round((1000 * v) / total) / 10).toFixed(1)}%`;
    expect(rows(el)).to.deep.equal([
      ['1', '1', 'นายอทิตาธร วันไชยธนวงศ์', 'กลุ่มเชียงรายพัฒนา', '240,877', pct(240877), 'ได้รับเลือกตั้ง'],
      ['2', '2', 'นายวันชัย จงสุทธานามณี', 'พรรคเพื่อไทย', '231,964', pct(231964), ''],
      ['3', '3', 'นางสาวตัวอย่าง ทดสอบ', '', '925', '0.2%', ''],
    ]);
    expect(all(el, 'tbody th[scope="row"]')).to.have.length(3);
    expect(ariaSorts(el)).to.deep.equal([null, null, null, null, 'descending', null, null]);
    // Only the plain colour survives ("red" is not #rgb / #rrggbb).
    expect(colors(el)).to.deep.equal(['#1f6feb', '', '']);
    expect(all(el, '[part~="swatch"]')).to.have.length(1);
    const row = all(el, 'tbody tr')[0];
    expect(getComputedStyle(row.querySelector('[part~="swatch"]')!).backgroundColor).to.equal(
      'rgb(31, 111, 235)',
    );
    expect(row.style.getPropertyValue('--s')).to.match(/^50\.\d+%$/);
    expect(getComputedStyle(row.querySelector('[part~="bar"]')!).backgroundImage).to.contain(
      'rgb(31, 111, 235)',
    );
    expect(all(el, '[part~="row"]')[0].getAttribute('part')).to.equal('row elected');

    expect(text($(el, '[part~="badge"]'))).to.equal('ผลอย่างไม่เป็นทางการ');
    const updated = $(el, '[part~="updated"]')!;
    expect(text(updated)).to.equal('อัปเดต 20 ธ.ค. 2563 21.30 น.');
    expect(updated.getAttribute('datetime')).to.equal('2020-12-20T14:30:00.000Z');
    const summary = all(el, '[part~="summary"] > div').map((div) => [
      text(div.querySelector('dt')),
      text(div.querySelector('dd')),
    ]);
    expect(summary).to.deep.equal([
      ['นับคะแนนแล้ว', '85.2%'],
      ['ผู้มีสิทธิเลือกตั้ง', '925,349'],
      ['ผู้มาใช้สิทธิ', `615,870 (${((100 * 615870) / 925349).toFixed(1)}%)`],
      ['บัตรเสีย', '20,112'],
    ]);
    expect($<HTMLProgressElement>(el, 'progress')!.value).to.equal(85.2);
    expect($(el, '[part~="race-select"]'), 'no selector for one race').to.be.null;
    expect($(el, '[part~="pager"]')).to.be.null;
    expect($(el, 'table')!.hasAttribute('aria-rowcount')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('marks the leader of an undecided race and speaks English with lang="en"', async () => {
    setFeedFetch(async () => json(live([300, 500, 200], 40)));
    const wrapper = await fixture<HTMLDivElement>(
      html`<div lang="en"><ect-results-table src="/mock/en"></ect-results-table></div>`,
    );
    const el = wrapper.querySelector('ect-results-table')!;
    await ready(el);
    expect(all(el, 'thead th').map(text)).to.deep.equal([
      'Rank',
      'No.',
      'Candidate',
      'Party',
      'Votes',
      'Share',
      'Result',
    ]);
    expect(rows(el)[0]).to.deep.equal([
      '1',
      '2',
      'นางเกศินี มีสุข',
      'กลุ่มรักเชียงราย',
      '500',
      '50.0%',
      'Leading',
    ]);
    expect(all(el, '[part~="row"]')[0].getAttribute('part')).to.equal('row leading');
    const time = new Intl.DateTimeFormat('en-US', {
      hour: 'numeric',
      minute: '2-digit',
      timeZone: 'Asia/Bangkok',
    })
      .format(new Date(todayAt('21:30')))
      .replace(/\s/g, ' ');
    expect(text($(el, '[part~="updated"]'))).to.equal(`Updated ${time}`);
    expect(text($(el, '[part~="badge"]'))).to.equal('Unofficial result');
    wrapper.setAttribute('lang', 'th');
    await waitUntil(() => rows(el)[0][6] === 'คะแนนนำ');
    expect(text($(el, '[part~="updated"]'))).to.equal('อัปเดต 21.30 น.');
  });

  it('switches between several races with the selector and the race attribute', async () => {
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table
          src=${server('file=results-races.json&type=application/json')}
        ></ect-results-table>`,
      ),
    );
    const select = $<HTMLSelectElement>(el, '[part~="race-select"]')!;
    expect([...select.options].map((o) => [o.value, text(o)])).to.deep.equal([
      ['CRI_1', 'เขต 1'],
      ['2', 'เขต 2'],
    ]);
    expect(text(select.closest('label'))).to.contain('เขตเลือกตั้ง');
    expect(text($(el, 'caption'))).to.equal(
      'ผลการเลือกตั้งสมาชิกสภาผู้แทนราษฎร จังหวัดเชียงราย 2566 – เขต 1',
    );
    expect(column(el, 4)).to.deep.equal(['40,877', '35,104']);
    expect($(el, '[part~="badge"]'), 'official result: no badge').to.be.null;

    select.value = '2';
    select.dispatchEvent(new Event('change'));
    await el.updateComplete;
    expect(el.race).to.equal('2');
    expect(text($(el, 'caption'))).to.contain('– เขต 2');
    // Thai digits in the feed, no figures and no party: nothing made up.
    expect(rows(el)).to.deep.equal([['1', '1', 'ผู้สมัคร ค', '', '12,345', '100.0%', 'คะแนนนำ']]);
    expect($(el, '[part~="summary"]')).to.be.null;
    expect($(el, '[part~="badge"]')).to.be.null;
    // The update time of the whole feed applies to each race.
    expect(text($(el, '[part~="updated"]'))).to.equal('อัปเดต 14 พ.ค. 2566 21.30 น.');

    el.race = 'CRI_1';
    await el.updateComplete;
    expect(column(el, 2)).to.deep.equal(['ผู้สมัคร ก', 'ผู้สมัคร ข']);
    expect($<HTMLSelectElement>(el, '[part~="race-select"]')!.value).to.equal('CRI_1');
    await expect(el).to.be.accessible();
  });

  it('reads an Excel CSV: BOM, Thai headers, quoted "40,877", quoted commas and quotes', async () => {
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table
          race="เขต 1"
          src=${server('file=results-th.csv&type=text/csv&charset=utf-8')}
        ></ect-results-table>`,
      ),
    );
    expect([...$<HTMLSelectElement>(el, 'select')!.options].map(text)).to.deep.equal([
      'เขต 1',
      'เขต 2',
    ]);
    expect(rows(el).map((row) => row.slice(1, 5))).to.deep.equal([
      ['1', 'นายสมชาย ใจดี', 'พรรค ก', '40,877'],
      ['2', 'นางสาวสมศรี "แก้ว" มีสุข', 'พรรค ข', '35,104'],
      ['3', 'นายทดสอบ ระบบ', 'พรรค ค, ใหม่', '925'],
    ]);
    expect(colors(el)).to.deep.equal(['#1f6feb', '#e11', '']);
    expect(all(el, '[part~="swatch"]')).to.have.length(2);
    expect(column(el, 6)).to.deep.equal(['ได้รับเลือกตั้ง', '', '']);
  });

  for (const charset of ['windows-874', '']) {
    it(`reads a windows-874 CSV ${charset ? 'declared as such' : 'with no charset'}`, async () => {
      const query = `file=results-table-874.csv&encode=windows-874&type=text/csv${
        charset ? `&charset=${charset}` : ''
      }`;
      const el = await ready(
        await fixture<EctResultsTable>(
          html`<ect-results-table src=${server(query)}></ect-results-table>`,
        ),
      );
      expect(rows(el)).to.deep.equal([
        ['1', '2', 'นางสาวมาลัย ศรีสุข', 'พรรคเพื่อไทย', '15,001', '54.9%', 'ได้รับเลือกตั้ง'],
        ['2', '1', 'นายประเสริฐ ทองคำ', 'กลุ่มพลังเชียงราย', '12,345', '45.1%', ''],
      ]);
      expect(text($(el, 'caption'))).to.equal('เขต 3');
    });
  }

  it('reads inline CSV and the data property, with numbers like 925349.0 and string ids', async () => {
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table
          ><script type="text/csv">
            number,name,party,votes
            "07",นายหนึ่ง,พรรค ก,925349.0
            ก1,นายสอง,,"1,000"
          </script></ect-results-table
        >`,
      ),
    );
    expect(column(el, 1)).to.deep.equal(['7', 'ก1']);
    expect(column(el, 4)).to.deep.equal(['925,349', '1,000']);

    const loaded = oneEvent(el, 'ect-load');
    el.data = {
      races: [{ id: 7, name: 'เขต 7', candidates: [{ number: '3', name: 'ก', votes: '12.0' }] }],
    };
    expect((await loaded).detail.source).to.equal('inline');
    await el.updateComplete;
    expect(rows(el)).to.deep.equal([['1', '3', 'ก', '', '12', '100.0%', 'คะแนนนำ']]);
  });

  it('names the field (and line) of a wrong shape; the English message the race and row', async () => {
    setFeedFetch(async (url) =>
      url.endsWith('/json')
        ? json({
            races: [
              {
                name: 'เขต 3',
                candidates: [
                  { name: 'ก', votes: 1 },
                  { name: 'ข', votes: 'abc' },
                ],
              },
            ],
          })
        : new Response('number,name,party,votes\n1,ก,พรรค ก,100\n2,ข,พรรค ข,\n', {
            headers: { 'Content-Type': 'text/csv' },
          }),
    );
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table src="/mock/json"></ect-results-table>`,
      ),
      'error',
    );
    expect(text($(el, '[part~="error"]'))).to.contain('ค่าของ "votes" ไม่ถูกต้อง');
    expect(el.feed.error?.message).to.equal(
      'JSON: race "เขต 3", candidate 2: votes "abc" is not a number',
    );
    el.src = '/mock/csv';
    await waitUntil(() =>
      text($(el, '[part~="error"]')).includes('ค่าของ "votes" ไม่ถูกต้อง (บรรทัดที่ 3)'),
    );
    expect(el.feed.error?.message).to.equal('CSV: line 3: votes is missing');
    await expect(el).to.be.accessible();
  });

  it('sorts by clickable header buttons with aria-sort, names in Thai order', async () => {
    setFeedFetch(async () => json(live([300, 500, 200], 40)));
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table src="/mock/sort"></ect-results-table>`,
      ),
    );
    expect(column(el, 4)).to.deep.equal(['500', '300', '200']);
    const name = sortButton(el, 'ผู้สมัคร');
    expect(name.localName).to.equal('button');
    expect(name.getAttribute('type')).to.equal('button');
    name.click();
    await el.updateComplete;
    // นายขจร, นางเกศินี, นายไพศาล: the title "นาง" < "นาย", then ข < ไพ (ไ skipped).
    expect(column(el, 2)).to.deep.equal(['นางเกศินี มีสุข', 'นายขจร ใจดี', 'นายไพศาล ทองดี']);
    expect(ariaSorts(el)).to.deep.equal([null, null, 'ascending', null, null, null, null]);
    name.click();
    await el.updateComplete;
    expect(column(el, 2)).to.deep.equal(['นายไพศาล ทองดี', 'นายขจร ใจดี', 'นางเกศินี มีสุข']);
    expect(ariaSorts(el)[2]).to.equal('descending');
    sortButton(el, 'หมายเลข').click();
    await el.updateComplete;
    expect(column(el, 1)).to.deep.equal(['1', '2', '3']);
    expect(ariaSorts(el)).to.deep.equal([null, 'ascending', null, null, null, null, null]);
    sortButton(el, 'คะแนน').click();
    await el.updateComplete;
    expect(ariaSorts(el)[4]).to.equal('descending');
    sortButton(el, 'คะแนน').click();
    await el.updateComplete;
    expect(column(el, 4)).to.deep.equal(['200', '300', '500']);
    expect(ariaSorts(el)[4]).to.equal('ascending');
    // The rank stays the rank by votes whatever the order.
    expect(column(el, 0)).to.deep.equal(['3', '2', '1']);
    await expect(el).to.be.accessible();
  });

  it('filters candidates and parties with the search box', async () => {
    setFeedFetch(async () => json(live([300, 500, 200], 40)));
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table src="/mock/filter"></ect-results-table>`,
      ),
    );
    const input = $<HTMLInputElement>(el, '[part~="search"]')!;
    expect(input.type).to.equal('search');
    expect(text(input.closest('label'))).to.equal('ค้นหาผู้สมัครหรือพรรค');
    search(el, 'พรรค ก');
    await el.updateComplete;
    expect(column(el, 2)).to.deep.equal(['นายขจร ใจดี', 'นายไพศาล ทองดี']);
    search(el, 'เกศินี');
    await el.updateComplete;
    expect(column(el, 2)).to.deep.equal(['นางเกศินี มีสุข']);
    search(el, 'ไม่มีผู้สมัครนี้');
    await el.updateComplete;
    expect(rows(el)).to.deep.equal([]);
    expect(text($(el, 'tbody'))).to.equal('ไม่พบผู้สมัครที่ค้นหา');
    search(el, '');
    await el.updateComplete;
    expect(rows(el)).to.have.length(3);
  });

  it('keeps sort, search, focus and the DOM on a live refresh; highlights and announces changes', async () => {
    let body = live([300, 500, 200], 85.2);
    setFeedFetch(async () => json(body));
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table src="/mock/live"></ect-results-table>`,
      ),
    );
    const region = $(el, '[role="status"].visually-hidden')!;
    expect(text(region), 'the first load is not announced').to.equal('');
    sortButton(el, 'ผู้สมัคร').click();
    search(el, 'พรรค ก');
    await el.updateComplete;
    const button = sortButton(el, 'ผู้สมัคร');
    button.focus();
    const table = $(el, 'table');
    const firstRow = all(el, 'tbody tr')[0];
    expect(column(el, 2)).to.deep.equal(['นายขจร ใจดี', 'นายไพศาล ทองดี']);

    body = live([300, 520, 260], 90, '21.45');
    const loaded = oneEvent(el, 'ect-load');
    el.reload();
    await loaded;
    await el.updateComplete;
    expect(column(el, 2)).to.deep.equal(['นายขจร ใจดี', 'นายไพศาล ทองดี']);
    expect(column(el, 4)).to.deep.equal(['300', '260']);
    expect(ariaSorts(el)[2]).to.equal('ascending');
    expect($<HTMLInputElement>(el, '[part~="search"]')!.value).to.equal('พรรค ก');
    expect(shadow(el).activeElement).to.equal(button);
    expect($(el, 'table')).to.equal(table);
    expect(all(el, 'tbody tr')[0]).to.equal(firstRow);
    expect(all(el, '[part~="row"]').map((tr) => tr.getAttribute('part'))).to.deep.equal([
      'row',
      'row changed',
    ]);
    await waitUntil(() => text(region) !== '', 'no announcement', { timeout: 2000 });
    expect(text(region)).to.equal('อัปเดต 21.45 น. นับแล้ว 90.0%');
    expect(all(el, '[role="status"]').filter((n) => n.getAttribute('aria-live') === 'assertive')).to
      .be.empty;
    await waitUntil(() => !$(el, '[part~="changed"]'), 'the highlight stays', { timeout: 5000 });
  });

  it('throttles announcements to one a minute, saying the latest', async () => {
    const clock = sinon.useFakeTimers({
      now: Date.parse(todayAt('21:30')),
      toFake: ['setTimeout', 'clearTimeout', 'Date'],
      shouldClearNativeTimers: true,
    });
    const el = document.createElement('ect-results-table');
    const set = async (data: unknown) => {
      const loaded = oneEvent(el, 'ect-load');
      el.data = data;
      await loaded;
      await el.updateComplete;
    };
    const loaded = oneEvent(el, 'ect-load');
    el.data = live([1, 2, 3], 10, '21.30');
    document.body.append(el);
    try {
      await loaded;
      await el.updateComplete;
      const region = () => text($(el, '[role="status"].visually-hidden'));
      await set(live([2, 2, 3], 20, '21.31'));
      await clock.tickAsync(0);
      expect(region()).to.equal('อัปเดต 21.31 น. นับแล้ว 20.0%');
      await set(live([3, 2, 3], 30, '21.32'));
      await clock.tickAsync(30_000);
      await set(live([4, 2, 3], 40, '21.33'));
      await clock.tickAsync(20_000);
      expect(region(), 'within the minute').to.equal('อัปเดต 21.31 น. นับแล้ว 20.0%');
      await clock.tickAsync(10_000);
      expect(region()).to.equal('อัปเดต 21.33 น. นับแล้ว 40.0%');
    } finally {
      el.remove();
      clock.restore();
    }
  });

  it('pauses automatic updates with a visible button and resumes with the latest data', async () => {
    let body = live([300, 500, 200], 50);
    setFeedFetch(async () => json(body));
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table src="/mock/pause"></ect-results-table>`,
      ),
    );
    const pause = $<HTMLButtonElement>(el, '[part~="pause"]')!;
    expect(text(pause)).to.equal('หยุดอัปเดตอัตโนมัติ');
    expect(pause.getClientRects().length).to.be.greaterThan(0);
    pause.click();
    await el.updateComplete;
    expect(text(pause)).to.equal('อัปเดตอัตโนมัติต่อ');

    body = live([300, 700, 200], 60);
    const loaded = oneEvent(el, 'ect-load');
    el.reload();
    await loaded;
    await el.updateComplete;
    expect(column(el, 4)).to.deep.equal(['500', '300', '200']);
    expect(text($(el, '[part~="summary"] dd'))).to.equal('50.0%');

    pause.click();
    await el.updateComplete;
    expect(text(pause)).to.equal('หยุดอัปเดตอัตโนมัติ');
    expect(column(el, 4)).to.deep.equal(['700', '300', '200']);
    expect($(el, '[part~="changed"]')).to.exist;

    const once = await fixture<EctResultsTable>(
      html`<ect-results-table src="/mock/once" refresh="0"></ect-results-table>`,
    );
    await ready(once);
    expect($(once, '[part~="pause"]'), 'nothing to pause').to.be.null;
  });

  it('flashes changed rows, and only colours them under reduced motion', async function () {
    const el = await fixture<EctResultsTable>(
      html`<ect-results-table .data=${live([300, 500, 200], 40)}></ect-results-table>`,
    );
    await ready(el);
    const update = async (votes: number[]) => {
      const loaded = oneEvent(el, 'ect-load');
      el.data = live(votes, 50);
      await loaded;
      await el.updateComplete;
      return $(el, '[part~="changed"]')!;
    };
    const flashing = await update([300, 510, 200]);
    expect(getComputedStyle(flashing).animationName).to.equal('ect-flash');
    // Only Chromium can emulate the media feature here.
    if (!navigator.userAgent.includes('Chrome')) return;
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const still = await update([300, 520, 200]);
      expect(getComputedStyle(still).animationName).to.equal('none');
      expect(getComputedStyle(still).backgroundColor).to.not.equal('rgba(0, 0, 0, 0)');
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('downloads the shown rows as a UTF-8 CSV with BOM, formulas defused', async () => {
    const body = live([300, 500, 200], 50);
    body.candidates[0].name = '=HYPERLINK("http://evil.example","คลิก")';
    setFeedFetch(async () => json(body));
    const el = await ready(
      await fixture<EctResultsTable>(html`<ect-results-table src="/mock/csv"></ect-results-table>`),
    );
    search(el, 'พรรค ก');
    await el.updateComplete;
    let blob: Blob | undefined;
    const create = sinon.stub(URL, 'createObjectURL').callsFake((b) => {
      blob = b as Blob;
      return 'blob:results';
    });
    sinon.stub(URL, 'revokeObjectURL');
    const click = sinon.stub(HTMLAnchorElement.prototype, 'click');
    $<HTMLButtonElement>(el, '[part~="download"]')!.click();
    expect(create.calledOnce).to.be.true;
    const link = click.firstCall.thisValue as HTMLAnchorElement;
    expect(link.href).to.equal('blob:results');
    expect(link.download).to.match(/\.csv$/);
    expect(blob!.type).to.equal('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blob!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const csv = new TextDecoder().decode(bytes.slice(3));
    expect(csv.split('\r\n')).to.deep.equal([
      'เขตเลือกตั้ง,ลำดับ,หมายเลข,ผู้สมัคร,พรรค/กลุ่ม,คะแนน,ร้อยละ,ผล',
      `ผลการนับคะแนนเลือกตั้งนายก อบจ.เชียงราย,2,1,"'=HYPERLINK(""http://evil.example"",""คลิก"")",พรรค ก,300,30,`,
      'ผลการนับคะแนนเลือกตั้งนายก อบจ.เชียงราย,3,3,นายไพศาล ทองดี,พรรค ก,200,20,',
      '',
    ]);
  });

  it('pages long tables with aria-rowcount and aria-rowindex', async () => {
    const candidates = Array.from({ length: 120 }, (_, i) => ({
      number: i + 1,
      name: `ผู้สมัคร ${i + 1}`,
      votes: 1000 - i,
    }));
    const el = await fixture<EctResultsTable>(
      html`<ect-results-table .data=${{ candidates }}></ect-results-table>`,
    );
    await ready(el);
    const table = $(el, 'table')!;
    expect(all(el, 'tbody tr')).to.have.length(50);
    expect(table.getAttribute('aria-rowcount')).to.equal('121');
    expect($(el, 'thead tr')!.getAttribute('aria-rowindex')).to.equal('1');
    expect(all(el, 'tbody tr')[0].getAttribute('aria-rowindex')).to.equal('2');
    const pager = $(el, '[part~="pager"]')!;
    const [previous, next] = [...pager.querySelectorAll('button')];
    expect(text(pager)).to.equal('ก่อนหน้า 1–50 จาก 120 ถัดไป');
    expect(previous.getAttribute('aria-disabled')).to.equal('true');
    previous.click();
    next.click();
    await el.updateComplete;
    expect(text(pager.querySelector('span'))).to.equal('51–100 จาก 120');
    expect(all(el, 'tbody tr')[0].getAttribute('aria-rowindex')).to.equal('52');
    expect(column(el, 2)[0]).to.equal('ผู้สมัคร 51');
    next.click();
    await el.updateComplete;
    expect(all(el, 'tbody tr')).to.have.length(20);
    expect(next.getAttribute('aria-disabled')).to.equal('true');
    next.focus();
    next.click();
    await el.updateComplete;
    expect(shadow(el).activeElement).to.equal(next);
    expect(text(pager.querySelector('span'))).to.equal('101–120 จาก 120');
    // Sorting starts again at the first page.
    sortButton(el, 'หมายเลข').click();
    await el.updateComplete;
    expect(text(pager.querySelector('span'))).to.equal('1–50 จาก 120');
    // A search that leaves one page drops the pager; page-size="0" shows everything.
    search(el, 'ผู้สมัคร 1');
    await el.updateComplete;
    expect(all(el, 'tbody tr')).to.have.length(32);
    expect(table.hasAttribute('aria-rowcount')).to.be.false;
    expect($(el, '[part~="pager"]')).to.be.null;
    search(el, '');
    el.pageSize = 0;
    await el.updateComplete;
    expect(all(el, 'tbody tr')).to.have.length(120);
    expect($(el, '[part~="pager"]')).to.be.null;
  });

  it('renders hostile names and colours inert', async () => {
    setFeedFetch(async () =>
      json({
        title: '<img src=x onerror="window.__pwned=1">',
        candidates: [
          {
            number: '<b>1</b>',
            name: '<img src=x onerror="window.__pwned=1">',
            party: '<script>window.__pwned=1</script>',
            color: 'red;background:url(javascript:window.__pwned=1)',
            votes: 10,
          },
          { number: 2, name: 'ข', party: 'x', color: '#fff" onload="window.__pwned=1', votes: 5 },
          { number: 3, name: 'ค', color: 'url(#x)', votes: 4 },
          { number: 4, name: 'ง', color: ' #ABC ', votes: 1 },
        ],
      }),
    );
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table src="/mock/hostile"></ect-results-table>`,
      ),
    );
    expect(shadow(el).querySelector('img, script, b')).to.be.null;
    expect(rows(el)[0].slice(1, 4)).to.deep.equal([
      '<b>1</b>',
      '<img src=x onerror="window.__pwned=1">',
      '<script>window.__pwned=1</script>',
    ]);
    expect(text($(el, 'caption'))).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(colors(el)).to.deep.equal(['', '', '', '#abc']);
    expect(all(el, '[part~="swatch"]')).to.have.length(1);
    // The only style is what the element sets through the CSSOM: a colour and a share per row.
    for (const node of all(el, '[style]')) {
      expect(node.matches('tbody tr')).to.be.true;
      expect(node.getAttribute('style')).to.match(/^(--c: #abc; )?--s: [\d.]+%;$/);
    }
    expect((window as unknown as { __pwned?: number }).__pwned).to.be.undefined;
  });

  it('uses Thai digits with numerals="thai"', async () => {
    const el = await fixture<EctResultsTable>(
      html`<ect-results-table
        numerals="thai"
        .data=${{ counted: 85.2, candidates: [{ number: 12, name: 'ก', votes: 40877 }] }}
      ></ect-results-table>`,
    );
    await ready(el);
    expect(rows(el)[0].slice(0, 2)).to.deep.equal(['๑', '๑๒']);
    expect(rows(el)[0][4]).to.equal('๔๐,๘๗๗');
    expect(text($(el, '[part~="summary"] dd'))).to.equal('๘๕.๒%');
  });

  it('shows each row as a card in a narrow container', async () => {
    setFeedFetch(async () => json(live([300, 500, 200], 40)));
    const box = await fixture<HTMLDivElement>(
      html`<div style="width: 320px">
        <ect-results-table src="/mock/narrow"></ect-results-table>
      </div>`,
    );
    const el = box.querySelector('ect-results-table')!;
    await ready(el);
    const row = all(el, 'tbody tr')[0];
    expect(getComputedStyle(row).display).to.equal('block');
    const votes = row.children[4];
    expect(votes.getAttribute('data-label')).to.equal('คะแนน');
    // Chromium resolves attr() in computed styles, Firefox gives it as written.
    expect(['"คะแนน"', 'attr(data-label)']).to.include(getComputedStyle(votes, '::before').content);
    // The sort buttons stay usable; the headers without one are hidden.
    expect(sortButton(el, 'คะแนน').getClientRects().length).to.be.greaterThan(0);
    expect(all(el, 'thead th.plain').every((th) => th.getClientRects().length === 0)).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('goes through loading, error (with retry), ready, stale and empty, with events', async () => {
    let answer: () => Response = () => new Response('', { status: 500 });
    setFeedFetch(async () => answer());
    const el = document.createElement('ect-results-table');
    el.src = '/mock/states';
    el.refresh = 0;
    const errored = oneEvent(el, 'ect-error');
    document.body.append(el);
    try {
      expect((await errored).detail.message).to.contain('HTTP 500');
      await ready(el, 'error');
      expect($(el, '[part~="error"]')!.getAttribute('role')).to.equal('alert');
      answer = () => json(live([1, 2, 3], 10));
      const loaded = oneEvent(el, 'ect-load');
      $<HTMLButtonElement>(el, '[part~="retry"]')!.click();
      expect((await loaded).detail.data.kind).to.equal('results');
      await ready(el);
      answer = () => new Response('', { status: 503 });
      el.reload();
      await ready(el, 'stale');
      expect(rows(el)).to.have.length(3);
      expect(text($(el, '[part~="stale"]'))).to.contain('แสดงข้อมูลที่บันทึกไว้');
      await expect(el).to.be.accessible();
      answer = () => json({ races: [] });
      el.reload();
      await ready(el, 'empty');
      expect(text($(el, '[part~="empty"]'))).to.equal('ยังไม่มีข้อมูล');
      answer = () => json({ items: [{ title: 'ข่าว' }] });
      el.reload();
      await ready(el, 'error');
      expect(text($(el, '[part~="error"]'))).to.contain('ส่วนนี้แสดงผลการเลือกตั้ง แต่ข้อมูลเป็นรายการข่าว');
    } finally {
      el.remove();
    }
  });

  it('reads the demo sample feeds as the demo server serves them', async () => {
    const served = async (name: string) => {
      const response = await fetch(new URL(`../../demo/feeds/${name}`, import.meta.url));
      const bytes = shiftFeedBytes(new Uint8Array(await response.arrayBuffer()));
      const body = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
      return (await parseFeed(body as ArrayBuffer, {
        contentType: contentTypeOf(name, bytes),
      })) as ResultsData;
    };
    const pao = await served('results-table-pao.json');
    expect(pao.kind).to.equal('results');
    expect(pao.races).to.have.length(5);
    // Dated in the story's last week, moved by the demo server into the last two weeks.
    expect(Date.now() - Date.parse(pao.updated!)).to.be.within(0, 14 * 86_400_000);
    for (const race of pao.races) {
      expect(race.name).to.match(/^อ\..+ เขต \d$/);
      expect(race.candidates.length).to.be.within(3, 5);
      const valid = race.candidates.reduce((sum, c) => sum + c.votes, 0);
      // Counted ballots: the valid votes plus the invalid and no-vote ones.
      expect(valid + race.invalid! + race.noVote!).to.be.at.most(race.turnout!);
      expect(race.turnout!).to.be.below(race.eligible!);
      expect(race.candidates.filter((c) => c.elected)).to.have.length(race.counted === 100 ? 1 : 0);
    }
    const csv = await served('results-table-wiangchai.csv');
    expect(csv.races.map((race) => [race.name, race.candidates.length])).to.deep.equal([
      ['เขต 1', 9],
      ['เขต 2', 8],
    ]);
    for (const race of csv.races) {
      expect(race.candidates.filter((c) => c.elected)).to.have.length(6);
    }
  });
});
