/**
 * `<ect-results-table>` on the ECT's own election report files: the real Chiang Rai samples in
 * test/fixtures/ect-report-2569/ (see its README), served as files by the test server. Cases the
 * samples do not hold (ties, a candidate without a party, a paused constituency, a missing id)
 * are derived from them in the test, each change written where it is made.
 */
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/results-table/results-table.js';
import type { EctResultsTable } from '../../src/results-table/results-table.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { clearReportRefs } from '../../src/feed/report-refs.js';
import { detectFormat } from '../../src/feed/parse/index.js';
import { formatNumber, formatPercent } from '../../src/format/index.js';
import { shadow, all, one, text, ready } from '../helpers/dom.js';

const DIR = '/test/fixtures/ect-report-2569/CRI/';
const STATS = `${DIR}stats_cons.json`;

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const files = new Map<string, Json>();
async function load(name: string): Promise<Json> {
  if (!files.has(name)) files.set(name, await (await fetch(DIR + name)).json());
  return structuredClone(files.get(name)!);
}

/** Each body row's cells as text: rank, number, candidate, party, votes, share, result. */
const rows = (el: Element) =>
  all(el, 'tbody tr[part~="row"]').map((tr) => [...tr.children].map((cell) => text(cell)));
const colors = (el: Element) =>
  all(el, 'tbody tr[part~="row"]').map((tr) => tr.style.getPropertyValue('--c').trim());
/** The summary as { term: value }. */
const summary = (el: Element) =>
  Object.fromEntries(
    all(el, '[part~="summary"] div').map((div) => [
      text(div.querySelector('dt')),
      text(div.querySelector('dd')),
    ]),
  );

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } });

/**
 * Serves `changed` files (by name) instead of the fixtures; everything else as it is. Returns
 * the number of requests of each file name so far.
 */
function serve(changed: Record<string, () => unknown>) {
  const requests = new Map<string, number>();
  setFeedFetch(async (url, init) => {
    const name = new URL(url).pathname.split('/').pop()!;
    requests.set(name, (requests.get(name) ?? 0) + 1);
    return changed[name] ? json(await changed[name]()) : fetch(url, init);
  });
  return requests;
}

const cri = (stats: Json) => stats.result_province.find((p: Json) => p.prov_id === 'CRI');
const consOf = (stats: Json, id: string) =>
  cri(stats).constituencies.find((c: Json) => c.cons_id === id);

/** The element once it shows data from the network (not a copy cached by an earlier test). */
async function table(
  markup = html`<ect-results-table src=${`${STATS}?case=1`}></ect-results-table>`,
) {
  const el = await fixture<EctResultsTable>(markup);
  await waitUntil(() => el.feed.snapshot.source === 'network', 'no data from the network', {
    timeout: 5000,
  });
  return ready(el);
}

/** Chiang Rai's JSON with every `CRI` id turned into `code`: another province, derived. */
const recode = (value: unknown, code: string) =>
  JSON.parse(JSON.stringify(value).replace(/"CRI(?=[_"])/g, `"${code}`));

/**
 * The files of a statistics file with two provinces, derived from the samples: Chiang Rai as
 * it is and a copy of it as Chiang Mai (CMI, เชียงใหม่) with 1,000 more votes for each candidate
 * and party; `round()` more votes for everyone in both (what a refresh brings).
 */
function twoProvinces(round: () => number): Record<string, () => Promise<unknown>> {
  return {
    'stats_cons.json': async () => {
      const stats = await load('stats_cons.json');
      const cmi = recode(cri(stats), 'CMI');
      const more = (province: Json, votes: number) => {
        for (const cons of province.constituencies as Json[]) {
          for (const c of cons.candidates as Json[]) c.mp_app_vote += votes;
          for (const p of cons.result_party as Json[]) p.party_list_vote += votes;
        }
      };
      more(cri(stats), round());
      more(cmi, 1000 + round());
      stats.result_province.push(cmi);
      return stats;
    },
    'info_province.json': async () => {
      const info = await load('info_province.json');
      info.province.push({ ...recode(info.province[0], 'CMI'), province: 'เชียงใหม่' });
      return info;
    },
    'info_constituency.json': async () => {
      const list = (await load('info_constituency.json')) as unknown as Json[];
      return [...list, ...recode(list, 'CMI')];
    },
    'info_mp_candidate.json': async () => {
      const list = (await load('info_mp_candidate.json')) as unknown as Json[];
      return [...list, ...recode(list, 'CMI')];
    },
  };
}

async function choose(el: EctResultsTable, value: string) {
  const select = one<HTMLSelectElement>(el, '[part~="race-select"]')!;
  select.value = value;
  select.dispatchEvent(new Event('change'));
  await el.updateComplete;
}

describe('<ect-results-table> on the ECT election report', () => {
  beforeEach(() => {
    clearFeedCache();
    clearReportRefs();
  });
  afterEach(() => {
    setFeedFetch();
    document.documentElement.removeAttribute('lang');
  });

  it('is recognised by its fields', async () => {
    const text = await (await fetch(STATS)).text();
    expect(detectFormat(text, 'application/json')).to.equal('ect-report');
    const referendum = await (await fetch(`${DIR}stats_referendum.json`)).text();
    expect(detectFormat(referendum)).to.equal('ect-report');
  });

  it('shows every constituency of the province: names, parties, colours, votes, ranks and the figures of the file', async () => {
    const [stats, mps, parties, info] = await Promise.all([
      load('stats_cons.json'),
      load('info_mp_candidate.json'),
      load('info_party_overview.json'),
      load('info_constituency.json'),
    ]);
    const el = await table();
    const select = one<HTMLSelectElement>(el, '[part~="race-select"]')!;
    const options = [...select.options].map((o) => text(o));
    expect(options).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((n) => `เขตเลือกตั้งที่ ${n}`));
    expect(text(one(el, 'caption'))).to.equal('เชียงราย – เขตเลือกตั้งที่ 1');

    for (const cons of cri(stats).constituencies as Json[]) {
      await choose(el, cons.cons_id);
      const ref = info.find((c: Json) => c.cons_id === cons.cons_id);
      expect(text(one(el, '[part~="areas"]'))).to.equal(ref.zone.join(', '));
      const expected = [...cons.candidates]
        .sort((a: Json, b: Json) => b.mp_app_vote - a.mp_app_vote)
        .map((c: Json) => {
          const mp = mps.find((m: Json) => m.mp_app_id === c.mp_app_id);
          const party = parties.find((p: Json) => Number(p.id) === c.party_id);
          return {
            row: [
              String(c.mp_app_rank),
              String(mp.mp_app_no),
              mp.mp_app_name,
              party.name,
              formatNumber(c.mp_app_vote, { lang: 'th' }),
              formatPercent(c.mp_app_vote_percent, { lang: 'th' }),
              c.mp_app_rank === 1 ? 'คะแนนนำ' : '',
            ],
            color: party.color,
          };
        });
      expect(rows(el), cons.cons_id).to.deep.equal(expected.map((e) => e.row));
      expect(colors(el), cons.cons_id).to.deep.equal(expected.map((e) => e.color.toLowerCase()));

      const n = (value: number) => formatNumber(value, { lang: 'th' });
      const stations = Math.round((100 * cons.counted_vote_stations) / cons.percent_count);
      expect(summary(el), cons.cons_id).to.deep.equal({
        นับคะแนนแล้ว: formatPercent(cons.percent_count, { lang: 'th' }),
        ผู้มีสิทธิเลือกตั้ง: n(ref.registered_vote),
        ผู้มาใช้สิทธิ: `${n(cons.turn_out)} (${formatPercent((100 * cons.turn_out) / ref.registered_vote, { lang: 'th' })})`,
        บัตรดี: n(cons.valid_votes),
        บัตรเสีย: n(cons.invalid_votes),
        ไม่ประสงค์ลงคะแนน: n(cons.blank_votes),
        หน่วยเลือกตั้งที่นับแล้ว: `${n(cons.counted_vote_stations)} จาก ${n(stations)}`,
      });
    }
    expect(text(one(el, '[part~="badge"]'))).to.equal('ผลอย่างไม่เป็นทางการ');
    expect(one(el, '[part~="paused"]')).to.equal(null);
  });

  it('keeps tied ranks (9, 9, 11 style) and a candidate without a party', async () => {
    serve({
      // Derived: CRI_1's 8th takes the 7th's votes and rank (7, 7, 9); CRI_1_9 loses its party.
      'stats_cons.json': async () => {
        const stats = await load('stats_cons.json');
        const cons = consOf(stats, 'CRI_1');
        const byRank = (r: number) => cons.candidates.find((c: Json) => c.mp_app_rank === r);
        byRank(8).mp_app_vote = byRank(7).mp_app_vote;
        byRank(8).mp_app_rank = 7;
        cons.candidates.find((c: Json) => c.mp_app_id === 'CRI_1_9').party_id = null;
        return stats;
      },
      'info_mp_candidate.json': async () => {
        const mps = await load('info_mp_candidate.json');
        mps.find((m: Json) => m.mp_app_id === 'CRI_1_9').mp_app_party_id = null;
        return mps;
      },
    });
    const el = await table(
      html`<ect-results-table src=${`${STATS}?case=2`} constituency="1"></ect-results-table>`,
    );
    expect(one(el, '[part~="race-select"]'), 'one constituency: no selector').to.equal(null);
    expect(rows(el).map((r) => r[0])).to.deep.equal(['1', '2', '3', '4', '5', '6', '7', '7', '9']);
    const index = rows(el).findIndex((r) => r[1] === '9');
    expect(rows(el)[index][3]).to.equal('');
    expect(colors(el)[index]).to.equal('');
  });

  it('shows "reporting paused" when the file says so', async () => {
    serve({
      'stats_cons.json': async () => {
        const stats = await load('stats_cons.json');
        Object.assign(consOf(stats, 'CRI_2'), { pause_report: true, percent_count: 95 });
        return stats;
      },
    });
    const el = await table(
      html`<ect-results-table src=${`${STATS}?case=3`} constituency="CRI_2"></ect-results-table>`,
    );
    expect(text(one(el, '[part~="paused"]'))).to.equal('หยุดรายงานผลชั่วคราว');
    expect(summary(el)['นับคะแนนแล้ว']).to.equal(formatPercent(95, { lang: 'th' }));
  });

  it('shows the party-list votes of the province and of one constituency', async () => {
    const [stats, parties] = await Promise.all([
      load('stats_cons.json'),
      load('info_party_overview.json'),
    ]);
    const expected = (list: Json[]) =>
      [...list]
        .sort((a, b) => b.party_list_vote - a.party_list_vote)
        .slice(0, 5)
        .map((p) => {
          const party = parties.find((q: Json) => Number(q.id) === p.party_id);
          return [
            party.party_no,
            party.name,
            party.abbr ?? '',
            formatNumber(p.party_list_vote, { lang: 'th' }),
            formatPercent(p.party_list_vote_percent, { lang: 'th' }),
          ];
        });
    const el = await table(
      html`<ect-results-table
        src=${`${STATS}?case=4`}
        view="party-list"
        page-size="0"
      ></ect-results-table>`,
    );
    expect(text(one(el, 'caption'))).to.equal('เชียงราย');
    expect(all(el, 'thead th').map((th) => text(th))).to.deep.equal([
      'ลำดับ',
      'หมายเลข',
      'พรรค/กลุ่ม',
      'ชื่อย่อ',
      'คะแนน',
      'ร้อยละ',
      'ผล',
    ]);
    expect(rows(el)).to.have.length(cri(stats).result_party.length);
    expect(
      rows(el)
        .slice(0, 5)
        .map((r) => r.slice(1, 6)),
    ).to.deep.equal(expected(cri(stats).result_party));
    await choose(el, 'party-list:CRI_3');
    expect(text(one(el, 'caption'))).to.equal('เชียงราย – เขตเลือกตั้งที่ 3');
    expect(
      rows(el)
        .slice(0, 5)
        .map((r) => r.slice(1, 6)),
    ).to.deep.equal(expected(consOf(stats, 'CRI_3').result_party));
    expect(summary(el)['บัตรดี']).to.equal(
      formatNumber(consOf(stats, 'CRI_3').party_list_valid_votes, { lang: 'th' }),
    );
  });

  it('shows the referendum: the question, yes / no / abstained with shares and bars, turnout and counted', async () => {
    const [stats, info] = await Promise.all([
      load('stats_referendum.json'),
      load('info_referendum.json'),
    ]);
    const el = await table(
      html`<ect-results-table
        src=${`${DIR}stats_referendum.json`}
        view="referendum"
      ></ect-results-table>`,
    );
    const question = info.questions_info[0].questions[0];
    expect(text(one(el, '[part~="question"]'))).to.contain(question.question);
    const result = cri(stats).referendum_results[question.referendum_id];
    const p = (n: number) => formatPercent(n, { lang: 'th' });
    const n = (v: number) => formatNumber(v, { lang: 'th' });
    expect(rows(el)).to.deep.equal([
      ['เห็นชอบ', n(result.yes), p(result.percent_yes)],
      ['ไม่เห็นชอบ', n(result.no), p(result.percent_no)],
      ['ไม่แสดงความคิดเห็น', n(result.abstained), p(result.percent_abstained)],
    ]);
    expect(all(el, '[part~="bar"]')).to.have.length(3);
    expect(summary(el)['ผู้มาใช้สิทธิ']).to.contain(n(cri(stats).referendum_turn_out));
    expect(summary(el)['นับคะแนนแล้ว']).to.equal(p(cri(stats).referendum_percent_count));
    await choose(el, 'referendum:CRI_7');
    const cons = cri(stats).constituencies.find((c: Json) => c.cons_id === 'CRI_7');
    expect(rows(el)[0][1]).to.equal(n(cons.referendum_results[question.referendum_id].yes));
  });

  it('replays the real snapshots in order, in place, keeping sort and focus', async () => {
    const names = [
      'stats_cons.2026-02-08T185936_426Z.basputtipong-15e3c99.json',
      'stats_cons.2026-02-09T085134_984Z.basputtipong-a130f2b.json',
      'stats_cons.2026-02-10T104550_294Z.wiztechth-88ed3bd.json',
    ];
    let at = 0;
    serve({
      'stats_cons.json': async () =>
        (await fetch(`${DIR}snapshots/${names[at]}`)).json() as Promise<Json>,
    });
    const el = await table(
      html`<ect-results-table src=${`${STATS}?case=5`} constituency="CRI_4"></ect-results-table>`,
    );
    const sort = all(el, '[part~="sort"]').find((b) => text(b) === 'ผู้สมัคร')!;
    sort.click();
    await el.updateComplete;
    sort.focus();
    const order = rows(el).map((r) => r[2]);
    const tbody = one(el, 'tbody');
    for (at = 1; at < names.length; at++) {
      const snapshot = await (await fetch(`${DIR}snapshots/${names[at]}`)).json();
      const cons = consOf(snapshot, 'CRI_4');
      const loaded = oneEvent(el, 'ect-load');
      el.reload();
      await loaded;
      await el.updateComplete;
      expect(
        rows(el).map((r) => r[2]),
        'the name sort stays',
      ).to.deep.equal(order);
      expect(shadow(el).activeElement).to.equal(sort);
      expect(one(el, 'tbody')).to.equal(tbody);
      const total = cons.candidates.reduce((s: number, c: Json) => s + c.mp_app_vote, 0);
      const shown = rows(el).reduce((s, r) => s + Number(r[4].replace(/,/g, '')), 0);
      expect(shown, names[at]).to.equal(total);
      expect(summary(el)['นับคะแนนแล้ว']).to.equal(formatPercent(cons.percent_count, { lang: 'th' }));
    }
  });

  it('shows the ids, with a notice, when a reference file fails or lacks an id', async () => {
    const stats = await load('stats_cons.json');
    serve({
      'info_mp_candidate.json': async () => {
        // Derived: the candidate file without CRI_1_7.
        const mps = await load('info_mp_candidate.json');
        return mps.filter((m: Json) => m.mp_app_id !== 'CRI_1_7');
      },
    });
    const el = await table(
      html`<ect-results-table src=${`${STATS}?case=6`} constituency="1"></ect-results-table>`,
    );
    const leader = rows(el)[0];
    expect(leader.slice(1, 4)).to.deep.equal(['7', 'CRI_1_7', 'เพื่อไทย']);
    expect(rows(el)[1][2]).to.not.match(/^CRI_/);
    expect(text(one(el, '[part~="notice"]'))).to.contain('CRI_1_7');

    clearFeedCache();
    clearReportRefs();
    setFeedFetch(async (url, init) =>
      url.includes('info_mp_candidate') ? new Response('gone', { status: 404 }) : fetch(url, init),
    );
    const failed = await table(
      html`<ect-results-table
        src=${`${STATS}?case=404`}
        refresh="0"
        constituency="1"
      ></ect-results-table>`,
    );
    const ids = consOf(stats, 'CRI_1').candidates.map((c: Json) => c.mp_app_id);
    expect(
      rows(failed)
        .map((r) => r[2])
        .sort(),
    ).to.deep.equal([...ids].sort());
    expect(rows(failed)[0][3], 'parties still come from their own file').to.equal('เพื่อไทย');
    expect(text(one(failed, '[part~="notice"]'))).to.contain('info_mp_candidate.json');
    expect(text(one(failed, '[part~="notice"]'))).to.contain('404');

    // The file is back: the next refresh asks for it again, although the statistics have not
    // changed, and the names take the ids' place.
    setFeedFetch();
    const loaded = oneEvent(failed, 'ect-load');
    failed.reload();
    await loaded;
    await failed.updateComplete;
    expect(
      rows(failed)
        .map((r) => r[2])
        .filter((name) => /^CRI_/.test(name)),
    ).to.deep.equal([]);
    expect(one(failed, '[part~="notice"]')).to.equal(null);
  });

  it('gives a clear error for a statistics file of another shape, and for a missing province', async () => {
    const el = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table
          src=${'/api/feed?file=results.json&type=application/json'}
          format="ect-report"
        ></ect-results-table>`,
      ),
      'error',
    );
    expect(text(one(el, '[part~="message"]'))).to.contain(
      'ต้องการไฟล์ CSV, JSON หรือรายงานผลของ กกต. แต่ได้รับไฟล์รูปแบบอื่น',
    );
    expect(el.feed.error?.message).to.match(/^ECT report: .*stats_cons\.json/);
    const other = await ready(
      await fixture<EctResultsTable>(
        html`<ect-results-table src=${`${STATS}?case=7`} province="BKK"></ect-results-table>`,
      ),
      'error',
    );
    expect(text(one(other, '[part~="message"]'))).to.contain('ไม่พบจังหวัด "BKK" ในไฟล์');
    expect(other.feed.error?.message).to.contain('no province "BKK"');
  });

  it('fetches a statistics file once for elements showing different provinces and views of it, each showing its own, on every refresh', async function () {
    // Two loads and a refresh 5 s (the shortest period) after the first.
    this.timeout(30_000);
    let round = 0;
    const requests = serve(twoProvinces(() => round));
    const src = `${STATS}?case=provinces`;
    const container = await fixture<HTMLElement>(html`
      <div>
        <ect-results-table
          src=${src}
          format="ect-report"
          refresh="5"
          province="CRI"
          constituency="1"
        ></ect-results-table>
        <ect-results-table
          src=${src}
          format="ect-report"
          refresh="5"
          province="CMI"
          constituency="1"
        ></ect-results-table>
        <ect-results-table
          src=${src}
          format="ect-report"
          refresh="5"
          province="CMI"
          view="party-list"
          constituency="2"
        ></ect-results-table>
      </div>
    `);
    const els = [...container.querySelectorAll<EctResultsTable>('ect-results-table')];
    const [chiangRai, chiangMai, partyList] = els;
    const votes = (el: EctResultsTable) => rows(el).map((r) => r[4]);
    const thai = (n: number) => formatNumber(n, { lang: 'th' });
    /** What each element must show after `round`: its province's votes, highest first. */
    const expected = async () => {
      const stats = (await twoProvinces(() => round)['stats_cons.json']()) as Json;
      const province = (id: string) => stats.result_province.find((p: Json) => p.prov_id === id);
      const cons = (id: string, consId: string) =>
        province(id).constituencies.find((c: Json) => c.cons_id === consId);
      const sorted = (list: number[]) => list.sort((a, b) => b - a).map(thai);
      return [
        sorted(cons('CRI', 'CRI_1').candidates.map((c: Json) => c.mp_app_vote)),
        sorted(cons('CMI', 'CMI_1').candidates.map((c: Json) => c.mp_app_vote)),
        sorted(cons('CMI', 'CMI_2').result_party.map((p: Json) => p.party_list_vote)),
      ];
    };
    const shown = async () => {
      await waitUntil(
        () => els.every((el) => el.feed.snapshot.source === 'network'),
        'not every element has data from the network',
        { timeout: 5000 },
      );
      await Promise.all(els.map((el) => el.updateComplete));
      for (const el of els) {
        expect(el.feed.status, el.getAttribute('province')!).to.equal('ready');
        el.pageSize = 0;
      }
      await Promise.all(els.map((el) => el.updateComplete));
    };

    await shown();
    expect(requests.get('stats_cons.json'), 'requests of the statistics file').to.equal(1);
    expect(text(one(chiangRai, 'caption'))).to.equal('เชียงราย – เขตเลือกตั้งที่ 1');
    expect(text(one(chiangMai, 'caption'))).to.equal('เชียงใหม่ – เขตเลือกตั้งที่ 1');
    expect(text(one(partyList, 'caption'))).to.equal('เชียงใหม่ – เขตเลือกตั้งที่ 2');
    expect(els.map(votes)).to.deep.equal(await expected());
    expect(partyList.feed.data, 'one province, one view: the same data').to.equal(
      chiangMai.feed.data,
    );

    round = 1;
    const loads = await Promise.all(els.map((el) => oneEvent(el, 'ect-load')));
    expect(
      loads.map((event) => event.detail.data.title),
      'ect-load: the data of the element',
    ).to.deep.equal(['เชียงราย', 'เชียงใหม่', 'เชียงใหม่']);
    await shown();
    expect(requests.get('stats_cons.json'), 'requests after a refresh').to.equal(2);
    expect(els.map(votes)).to.deep.equal(await expected());
  });

  it('reads English and the province attribute', async () => {
    const el = await table(
      html`<ect-results-table
        src=${`${STATS}?case=8`}
        province="cri"
        lang="en"
      ></ect-results-table>`,
    );
    expect(text(one(el, 'caption'))).to.equal('เชียงราย – Constituency 1');
    expect(Object.keys(summary(el))).to.include('Polling stations counted');
  });
});
