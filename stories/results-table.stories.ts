import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { nothing } from 'lit';
import { html } from 'lit/static-html.js';
import '../src/results-table/results-table.js';
import { inline, json, mockFeeds } from './mock-feeds.js';
import { SIMULATED, simulate } from '../demo/server/election-night-stages.js';
import infoConstituency from '../test/fixtures/ect-report-2569/CRI/info_constituency.json';
import infoMpCandidate from '../test/fixtures/ect-report-2569/CRI/info_mp_candidate.json';
import infoPartyOverview from '../test/fixtures/ect-report-2569/CRI/info_party_overview.json';
import infoProvince from '../test/fixtures/ect-report-2569/CRI/info_province.json';
import infoReferendum from '../test/fixtures/ect-report-2569/CRI/info_referendum.json';
import statsReferendum from '../test/fixtures/ect-report-2569/CRI/stats_referendum.json';
import snapshot1 from '../test/fixtures/ect-report-2569/CRI/snapshots/stats_cons.2026-02-08T185936_426Z.basputtipong-15e3c99.json';
import snapshot2 from '../test/fixtures/ect-report-2569/CRI/snapshots/stats_cons.2026-02-08T195938_588Z.basputtipong-9d0f9fd.json';
import snapshot3 from '../test/fixtures/ect-report-2569/CRI/snapshots/stats_cons.2026-02-08T205737_883Z.basputtipong-798d35c.json';
import snapshot4 from '../test/fixtures/ect-report-2569/CRI/snapshots/stats_cons.2026-02-09T015345_984Z.basputtipong-65999b5.json';
import snapshot5 from '../test/fixtures/ect-report-2569/CRI/snapshots/stats_cons.2026-02-09T085134_984Z.basputtipong-a130f2b.json';
import snapshot6 from '../test/fixtures/ect-report-2569/CRI/snapshots/stats_cons.2026-02-10T104550_294Z.wiztechth-88ed3bd.json';

/** Today at a Bangkok wall-clock time, so the update reads `21.30 น.` whenever this runs. */
const todayAt = (time: string) =>
  `${new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Bangkok' }).format(new Date())}T${time}:00+07:00`;

const groups = [
  { party: 'กลุ่มเชียงรายพัฒนา', color: '#1d4f91' },
  { party: 'กลุ่มพลังล้านนา', color: '#c2410c' },
  { party: 'กลุ่มรักษ์แม่น้ำโขง', color: '#0e7490' },
  { party: 'ผู้สมัครอิสระ' },
];

const chief = {
  title: 'ผลการนับคะแนนเลือกตั้งนายกองค์การบริหารส่วนจังหวัดเชียงราย',
  updated: todayAt('21:30'),
  counted: 85.2,
  official: false,
  eligible: 925349,
  turnout: 615870,
  invalid: 20112,
  noVote: 11245,
  candidates: [
    { number: 1, name: 'นายสมบัติ ใจเย็น', ...groups[0], votes: 240877 },
    { number: 2, name: 'นางสาวพิมพ์ชนก แสงทอง', ...groups[1], votes: 231964 },
    { number: 3, name: 'นายเกียรติศักดิ์ วงศ์ล้านนา', ...groups[2], votes: 45120 },
    { number: 4, name: 'นางอำไพ ศรีเวียง', ...groups[3], votes: 9211 },
  ],
};

const council = {
  title: 'ผลการนับคะแนนเลือกตั้งสมาชิกสภาองค์การบริหารส่วนจังหวัดเชียงราย',
  updated: todayAt('21:30'),
  races: [
    {
      id: 'CRI-01',
      name: 'อ.เมืองเชียงราย เขต 1',
      counted: 100,
      official: true,
      eligible: 58214,
      turnout: 38776,
      invalid: 1205,
      noVote: 761,
      candidates: [
        { number: 1, name: 'นายประเสริฐ ทองคำ', ...groups[0], votes: 15201, elected: true },
        { number: 2, name: 'นางสาวมาลัย ศรีสุข', ...groups[1], votes: 13893 },
        { number: 3, name: 'นายไพโรจน์ อินต๊ะ', ...groups[3], votes: 7716 },
      ],
    },
    {
      id: 'CRI-09',
      name: 'อ.แม่สาย เขต 1',
      counted: 78.5,
      official: false,
      eligible: 49875,
      turnout: 31920,
      candidates: [
        { number: 1, name: 'นางจันทร์เพ็ญ ปัญญาดี', ...groups[2], votes: 9120 },
        { number: 2, name: 'นายอุดม ชัยมงคล', ...groups[0], votes: 10388 },
        { number: 3, name: 'นายธนากร เชียงแสน', ...groups[1], votes: 4350 },
      ],
    },
  ],
};

/** As Excel saves it: BOM, Thai headers, quoted grouped numbers, CRLF. */
const csv =
  '\ufeffเขต,หมายเลข,ชื่อ,พรรค,คะแนน,สี,ได้รับเลือก\r\n' +
  'เขต 1,1,นายสมศักดิ์ ปัญญาวงศ์,ทีมเวียงชัยก้าวหน้า,"1,016",#15803d,ได้รับเลือก\r\n' +
  'เขต 1,2,นางศรีนวล ใจดี,ทีมพัฒนาเวียงชัย,911,#b91c1c,\r\n' +
  'เขต 1,3,"นายทองดี ""หนุ่ม"" ศรีวิชัย","ผู้สมัครอิสระ, ไม่สังกัดกลุ่ม",573,,\r\n' +
  'เขต 2,1,นายประยูร ศรีจันทร์,ทีมเวียงชัยก้าวหน้า,"1,506",#15803d,ได้รับเลือก\r\n' +
  'เขต 2,2,นางพรทิพย์ วงค์ไชย,ทีมพัฒนาเวียงชัย,719,#b91c1c,\r\n';

/**
 * The live count: each poll (every 5 s) counts 5% more ballots, until 100%; the first two
 * candidates trade the lead on the way.
 */
let step = 0;
function liveCount() {
  step = Math.min(step + 1, 20);
  const counted = step * 5;
  const votes = [
    Math.round(counted * 2400 + (step % 4 < 2 ? 900 : 0)),
    Math.round(counted * 2350 + (step % 4 < 2 ? 0 : 1500)),
    Math.round(counted * 480),
    Math.round(counted * 95),
  ];
  const minutes = 20 * 60 + 30 + step * 3;
  return {
    ...chief,
    updated: todayAt(`${Math.floor(minutes / 60)}:${String(minutes % 60).padStart(2, '0')}`),
    counted,
    candidates: chief.candidates.map((c, i) => ({
      ...c,
      votes: votes[i],
      elected: counted === 100 && i === votes.indexOf(Math.max(...votes)),
    })),
  };
}

/** Mocked feeds: a route table of real Responses under `/story-feeds/results-table/`. */
const mocked: Record<string, () => Promise<Response>> = {
  council: async () => json(council),
  live: async () => json(liveCount()),
  csv: async () => new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } }),
  loading: () => new Promise<Response>(() => {}),
  error: async () => new Response('', { status: 503 }),
  'wrong-shape': async () =>
    json({ candidates: [{ number: 1, name: 'นายสมบัติ ใจเย็น', votes: 'ยังไม่นับ' }] }),
  empty: async () => json({ races: [] }),
};

mockFeeds(
  Object.fromEntries(
    Object.entries(mocked).map(([name, route]) => [`/story-feeds/results-table/${name}`, route]),
  ),
);

const withSrc = (name: string, refresh = 0, fallback?: string) =>
  html`<ect-results-table src="/story-feeds/results-table/${name}" refresh=${refresh}
    >${fallback ? html`<a href="#results">${fallback}</a>` : nothing}</ect-results-table
  >`;

interface Args {
  numerals: 'latn' | 'thai';
  pageSize: number;
}

const meta: Meta<Args> = {
  title: 'Elements/ect-results-table',
  component: 'ect-results-table',
  args: { numerals: 'latn', pageSize: 50 },
  argTypes: { numerals: { control: 'inline-radio', options: ['latn', 'thai'] } },
  render: ({ numerals, pageSize }) =>
    html`<ect-results-table numerals=${numerals} page-size=${pageSize}
      >${inline(chief)}</ect-results-table
    >`,
};
export default meta;

type Story = StoryObj<Args>;

/** One race during the count: unofficial badge, counted share, the leader marked. */
export const OneRace: Story = {};

/** The page around it is in English: headers, figures and marks follow. */
export const English: Story = { globals: { lang: 'en' } };

/** `numerals="thai"`: Thai digits everywhere. */
export const ThaiDigits: Story = { args: { numerals: 'thai' } };

/** Several constituency races: a race selector; an official race shows the elected mark. */
export const ManyRaces: Story = { render: () => withSrc('council') };

/**
 * Live counting: the feed changes every 5 seconds (5% more ballots each time). Changed rows
 * flash, screen readers hear at most one update a minute, and the pause button freezes it.
 */
export const LiveCounting: Story = { render: () => withSrc('live', 5) };

/** An Excel CSV (BOM, Thai headers, "1,016", quoted commas and quotes) with two races. */
export const Csv: Story = { render: () => withSrc('csv') };

/** A narrow column: every candidate becomes a card; the sort buttons stay on top. */
export const Narrow: Story = {
  render: () => html`<div style="max-width: 20rem">${withSrc('council')}</div>`,
};

/** 250 candidates: 50 rows a page with previous/next, `aria-rowcount` on the table. */
export const Paged: Story = {
  render: () =>
    html`<ect-results-table
      .data=${{
        title: 'ตารางยาว',
        candidates: Array.from({ length: 250 }, (_, i) => ({
          number: i + 1,
          name: `ผู้สมัครหมายเลข ${i + 1}`,
          ...groups[i % 4],
          votes: 30000 - i * 97,
        })),
      }}
    ></ect-results-table>`,
};

/** While the feed loads, the webmaster's own fallback content shows. */
export const Loading: Story = {
  render: () => withSrc('loading', 0, 'ผลการเลือกตั้งทั้งหมดบนเว็บไซต์สำนักงาน'),
};

/** The server answers 503: the reason and a retry button. */
export const ServerError: Story = { render: () => withSrc('error') };

/** A vote that is not a number: the message names the race, the row and the field. */
export const WrongShape: Story = { render: () => withSrc('wrong-shape') };

/** The feed has no races yet. */
export const Empty: Story = { render: () => withSrc('empty') };

// Election night on the ECT's own report files: the real Chiang Rai snapshots
// (test/fixtures/ect-report-2569/, see its README) in order, after the simulated stages that
// demo/server/election-night-stages.ts derives from the first one (0 %, 20 %, 45 % with a paused
// constituency, 70 %). Each fetch of the statistics file gets the next stage.
const ectStages = [
  ...SIMULATED.map((f, i) => simulate(snapshot1, f, i)),
  snapshot1,
  snapshot2,
  snapshot3,
  snapshot4,
  snapshot5,
  snapshot6,
];
let ectStage = 0;
const ectRefs = { infoProvince, infoConstituency, infoPartyOverview, infoMpCandidate };
mockFeeds({
  '/story-feeds/ect69/stats_cons.json': async () => json(ectStages[ectStage++ % ectStages.length]),
  '/story-feeds/ect69/stats_referendum.json': async () => json(statsReferendum),
  '/story-feeds/ect69/info_province.json': async () => json(ectRefs.infoProvince),
  '/story-feeds/ect69/info_constituency.json': async () => json(ectRefs.infoConstituency),
  '/story-feeds/ect69/info_party_overview.json': async () => json(ectRefs.infoPartyOverview),
  '/story-feeds/ect69/info_mp_candidate.json': async () => json(ectRefs.infoMpCandidate),
  '/story-feeds/ect69/info_referendum.json': async () => json(infoReferendum),
});

/**
 * Election night (ECT report): the constituencies of Chiang Rai from the ECT's `stats_cons.json`,
 * refreshed every 5 s through simulated stages (labelled so in this description), then the real
 * snapshots in order.
 */
export const ElectionNight: Story = {
  render: () =>
    html`<ect-results-table
      src="/story-feeds/ect69/stats_cons.json"
      province="CRI"
      refresh="5"
    ></ect-results-table>`,
};

/** ECT report: the party-list votes of the province (and of each constituency, in the selector). */
export const EctPartyList: Story = {
  render: () =>
    html`<ect-results-table
      src="/story-feeds/ect69/stats_cons.json"
      province="CRI"
      view="party-list"
      page-size="10"
      refresh="0"
    ></ect-results-table>`,
};

/** ECT report: the referendum, from `stats_referendum.json`. */
export const EctReferendum: Story = {
  render: () =>
    html`<ect-results-table
      src="/story-feeds/ect69/stats_referendum.json"
      province="CRI"
      view="referendum"
      refresh="0"
    ></ect-results-table>`,
};
