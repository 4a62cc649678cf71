/**
 * Every error an element can show, in Thai and in English (issue 16, item 5): each way a feed
 * fails (the network, the server, the format, the data, the element) is rendered by an element
 * with `lang="th"` and with `lang="en"`, and the sentence read back from its shadow DOM. The Thai
 * must hold no Latin-script sentence (URLs, numbers, file, field and format names aside), the
 * English no Thai, and each must say the thing that went wrong. The `ect-error` event names the
 * same failure by its `code`.
 */
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/announcement-list/announcement-list.js';
import '../../src/calendar/calendar.js';
import '../../src/news-ticker/news-ticker.js';
import '../../src/online-counter/online-counter.js';
import '../../src/results-table/results-table.js';
import { FeedElement, feedOptions } from '../../src/element/feed-element.js';
import { LazyView } from '../../src/element/lazy-view.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { DEFAULT_TIMEOUT, setFeedFetch } from '../../src/feed/fetch.js';
import { clearReportRefs } from '../../src/feed/report-refs.js';
import { setOnline } from '../helpers/page-activity.js';
import { all, one, text } from '../helpers/dom.js';
import { expectLanguage, latinSentence } from '../helpers/language.js';

type Lang = 'th' | 'en';
type Tag =
  | 'ect-announcement-list'
  | 'ect-news-ticker'
  | 'ect-calendar'
  | 'ect-results-table'
  | 'ect-online-counter';
type Answer = (init: RequestInit) => Response | Promise<Response>;
type Element = HTMLElement & { updateComplete: Promise<boolean>; data?: unknown };

const TAGS: Tag[] = [
  'ect-announcement-list',
  'ect-news-ticker',
  'ect-calendar',
  'ect-results-table',
  'ect-online-counter',
];

/** What each element reads, as its error sentences name it. */
const FORMATS: Record<Tag, Record<Lang, RegExp>> = {
  'ect-announcement-list': { th: /RSS, Atom หรือ JSON/, en: /RSS, Atom or JSON/ },
  'ect-news-ticker': { th: /RSS, Atom หรือ JSON/, en: /RSS, Atom or JSON/ },
  'ect-calendar': { th: /iCalendar หรือ JSON/, en: /iCalendar or JSON/ },
  'ect-results-table': {
    th: /CSV, JSON หรือรายงานผลของ กกต\./,
    en: /CSV, JSON or an ECT report/,
  },
  'ect-online-counter': { th: /JSON หรือตัวเลข/, en: /JSON or a number/ },
};

const HEADING: Record<Lang, string> = { th: 'โหลดข้อมูลไม่สำเร็จ', en: 'Could not load the feed' };

/** The fake network: the answer of each path a case serves; other paths go to the test server. */
const answers = new Map<string, Answer>();
let unique = 0;

function serve(answer: Answer): string {
  const path = `/mock/error-messages/${unique++}`;
  answers.set(path, answer);
  return path;
}

const body =
  (text: string, type: string, init: ResponseInit = {}): Answer =>
  () =>
    new Response(text, { ...init, headers: { 'Content-Type': type, ...init.headers } });
const status =
  (code: number, headers: Record<string, string> = {}): Answer =>
  () =>
    new Response('', { status: code, headers });
/** A fetch that fails as browsers fail one: the request never reached a server. */
const unreachable: Answer = () => Promise.reject(new TypeError('Failed to fetch'));
/** A fetch that never answers; it rejects when aborted (the timeout). */
const silent: Answer = (init) =>
  new Promise((_, reject) =>
    init.signal?.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
  );

const HTML_PAGE =
  '<!DOCTYPE html>\n<html lang="th"><head><title>หน้าแรก</title></head><body><p>สวัสดี</p></body></html>';
const ENTITY_BOMB = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE rss [',
  '<!ENTITY a "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa">',
  '<!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">',
  '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">',
  '<!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">',
  '<!ENTITY e "&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;">',
  ']>',
  '<rss version="2.0"><channel><title>&e;</title></channel></rss>',
].join('\n');
const ICS_HEAD = 'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//TH\r\n';

const ECT = '/test/fixtures/ect-report-2569/CRI/';

interface Case {
  what: string;
  tag: Tag;
  /** The `code` of the `ect-error` event. */
  code: string;
  /** The feed: what the fake network answers, or a path on the test server. */
  answer?: Answer;
  src?: string;
  attributes?: Record<string, string>;
  /** The `data` property instead of a feed. */
  data?: () => unknown;
  /** What the sentence must say, besides being in its language. */
  th: RegExp;
  en: RegExp;
  /** Runs once the element is on the page, until the error shows (a timeout's clock, say). */
  during?: () => Promise<void>;
  setup?: () => void;
  teardown?: () => void;
}

const circular: Record<string, unknown> = { title: 'วนกลับ' };
circular.self = circular;

let clock: sinon.SinonFakeTimers | undefined;

const CASES: Case[] = [
  // The network and the server
  {
    what: 'HTTP 404',
    tag: 'ect-announcement-list',
    code: 'http',
    answer: status(404),
    th: /เซิร์ฟเวอร์ตอบกลับ HTTP 404/,
    en: /server answered HTTP 404/,
  },
  {
    what: 'HTTP 500',
    tag: 'ect-news-ticker',
    code: 'http',
    answer: status(500),
    th: /เซิร์ฟเวอร์ตอบกลับ HTTP 500/,
    en: /server answered HTTP 500/,
  },
  {
    what: 'HTTP 429 with Retry-After',
    tag: 'ect-results-table',
    code: 'http',
    answer: status(429, { 'Retry-After': '120' }),
    th: /HTTP 429/,
    en: /HTTP 429/,
  },
  {
    what: 'no answer before the timeout',
    tag: 'ect-calendar',
    code: 'timeout',
    answer: silent,
    setup: () => {
      clock = sinon.useFakeTimers({
        toFake: ['setTimeout', 'clearTimeout'],
        shouldAdvanceTime: true,
      });
    },
    during: async () => {
      await waitUntil(() => calls > 0, 'the feed was never requested');
      await clock!.tickAsync(DEFAULT_TIMEOUT);
    },
    teardown: () => {
      clock?.restore();
      clock = undefined;
    },
    th: new RegExp(`ไม่ได้รับคำตอบภายใน ${DEFAULT_TIMEOUT / 1000} วินาที`),
    en: new RegExp(`No answer within ${DEFAULT_TIMEOUT / 1000} seconds`),
  },
  {
    what: 'a feed larger than the limit',
    tag: 'ect-online-counter',
    code: 'too-large',
    answer: body('1', 'application/json', { headers: { 'Content-Length': '20000000' } }),
    th: /ข้อมูลมีขนาดเกิน 10 MB/,
    en: /larger than 10 MB/,
  },
  {
    what: 'offline',
    tag: 'ect-announcement-list',
    code: 'offline',
    answer: unreachable,
    setup: () => setOnline(false),
    teardown: () => setOnline(true),
    th: /อุปกรณ์ไม่ได้เชื่อมต่ออินเทอร์เน็ต/,
    en: /not connected to the internet/,
  },
  {
    what: 'a network failure (blocked, no CORS)',
    tag: 'ect-news-ticker',
    code: 'network',
    answer: unreachable,
    th: /ติดต่อเซิร์ฟเวอร์ไม่ได้.*proxy/,
    en: /Could not reach the server.*proxy/,
  },
  // Not a feed, or not one of the formats the element reads
  ...TAGS.map((tag): Case => ({
    what: 'an HTML page',
    tag,
    code: 'html-page',
    answer: body(HTML_PAGE, 'text/html; charset=utf-8'),
    th: new RegExp(`ต้องการไฟล์ ${FORMATS[tag].th.source} แต่ได้รับหน้าเว็บ HTML`),
    en: new RegExp(`Expected ${FORMATS[tag].en.source}, got a web page`),
  })),
  ...TAGS.map((tag): Case => ({
    what: 'text that is no feed',
    tag,
    code: 'wrong-format',
    answer: body('Hello world\n', 'text/plain'),
    th: new RegExp(`ต้องการไฟล์ ${FORMATS[tag].th.source} แต่ได้รับไฟล์รูปแบบอื่น`),
    en: new RegExp(`Expected ${FORMATS[tag].en.source}, got another kind of file`),
  })),
  {
    what: 'an XML document that is no feed',
    tag: 'ect-news-ticker',
    code: 'wrong-format',
    answer: body('<?xml version="1.0"?><note><to>กกต.</to></note>', 'application/xml'),
    th: /ต้องการไฟล์ RSS, Atom หรือ JSON แต่ได้รับไฟล์รูปแบบอื่น/,
    en: /Expected RSS, Atom or JSON, got another kind of file/,
  },
  {
    what: 'an empty feed',
    tag: 'ect-calendar',
    code: 'empty',
    answer: body('', 'text/plain'),
    th: /ไฟล์ไม่มีข้อมูล/,
    en: /empty/,
  },
  {
    what: 'an unknown format attribute',
    tag: 'ect-news-ticker',
    code: 'unknown-format',
    answer: body('<rss version="2.0"><channel></channel></rss>', 'application/rss+xml'),
    attributes: { format: 'xml' },
    th: /ไม่รู้จักรูปแบบ "xml"/,
    en: /Unknown format "xml"/,
  },
  {
    what: 'data of another kind than the element shows',
    tag: 'ect-calendar',
    code: 'kind-mismatch',
    src: '/api/feed?file=rss-news.xml&type=application/rss+xml',
    th: /ส่วนนี้แสดงกิจกรรมในปฏิทิน แต่ข้อมูลเป็นรายการข่าว/,
    en: /shows calendar events; the feed has news items/,
  },
  {
    what: 'data of another kind than the element shows',
    tag: 'ect-online-counter',
    code: 'kind-mismatch',
    answer: body('{"items": []}', 'application/json'),
    th: /ส่วนนี้แสดงจำนวนผู้เข้าชม แต่ข้อมูลเป็นรายการข่าว/,
    en: /shows a visitor count; the feed has news items/,
  },
  // Broken feeds
  {
    what: 'XML that is not well-formed',
    tag: 'ect-announcement-list',
    code: 'syntax',
    src: '/api/feed?file=rss-broken.xml&type=application/rss+xml',
    th: /ไฟล์ RSS มีรูปแบบไม่ถูกต้อง \(บรรทัดที่ 4\)/,
    en: /The RSS is not well-formed \(line 4\)/,
  },
  {
    what: 'XML entities that expand without bound',
    tag: 'ect-news-ticker',
    code: 'entities',
    answer: body(ENTITY_BOMB, 'application/rss+xml'),
    th: /entity/,
    en: /entities/,
  },
  {
    what: 'JSON with a syntax error',
    tag: 'ect-calendar',
    code: 'syntax',
    answer: body('{\n  "events": [\n    { "title": "ประชุม", },\n  ]\n}', 'application/json'),
    th: /ไฟล์ JSON มีรูปแบบไม่ถูกต้อง \(บรรทัดที่ 3\)/,
    en: /The JSON is not well-formed \(line 3\)/,
  },
  {
    what: 'JSON without the fields of the element',
    tag: 'ect-online-counter',
    code: 'json-shape',
    answer: body('{"visitors": 12}', 'application/json'),
    th: /ไฟล์ JSON ไม่มีช่อง "online"/,
    en: /The JSON has no "online" field/,
  },
  {
    what: 'JSON nested too deep',
    tag: 'ect-announcement-list',
    code: 'too-many',
    answer: body(`${'['.repeat(80)}${']'.repeat(80)}`, 'application/json'),
    th: /ข้อมูลมีจำนวนมากเกินกว่าที่แสดงได้/,
    en: /more than this element can show/,
  },
  {
    what: 'an implausible figure in JSON',
    tag: 'ect-results-table',
    code: 'bad-data',
    answer: body('{"candidates": [{"name": "ก", "votes": 1e15}]}', 'application/json'),
    th: /ค่าของ "votes" ไม่ถูกต้อง/,
    en: /The value of "votes" is not valid/,
  },
  {
    what: 'CSV with an unclosed quote',
    tag: 'ect-results-table',
    code: 'syntax',
    answer: body('number,name,party,votes\n1,"นายก,พรรค ก,5\n', 'text/csv'),
    th: /ไฟล์ CSV มีรูปแบบไม่ถูกต้อง \(บรรทัดที่ 2\)/,
    en: /The CSV is not well-formed \(line 2\)/,
  },
  {
    what: 'CSV without the columns',
    tag: 'ect-results-table',
    code: 'columns',
    answer: body('ลำดับ,ผู้สมัคร,คะแนน\n1,นายก,5\n', 'text/csv'),
    th: /แถวหัวตารางของ CSV ไม่มีคอลัมน์ "number, name"/,
    en: /The CSV header row has no "number, name" column/,
  },
  {
    what: 'CSV with votes that are no number',
    tag: 'ect-results-table',
    code: 'bad-data',
    answer: body('number,name,party,votes\n1,นายก,พรรค ก,มาก\n', 'text/csv'),
    th: /ค่าของ "votes" ไม่ถูกต้อง \(บรรทัดที่ 2\)/,
    en: /The value of "votes" is not valid \(line 2\)/,
  },
  {
    what: 'iCalendar with an event that does not end',
    tag: 'ect-calendar',
    code: 'syntax',
    answer: body(`${ICS_HEAD}BEGIN:VEVENT\r\nSUMMARY:ประชุม\r\nEND:VCALENDAR\r\n`, 'text/calendar'),
    th: /ไฟล์ iCalendar มีรูปแบบไม่ถูกต้อง \(บรรทัดที่ 4\)/,
    en: /The iCalendar is not well-formed \(line 4\)/,
  },
  {
    what: 'iCalendar with a start that is no date',
    tag: 'ect-calendar',
    code: 'bad-data',
    answer: body(
      `${ICS_HEAD}BEGIN:VEVENT\r\nUID:x\r\nDTSTART;VALUE=TEXT:เร็ว ๆ นี้\r\nSUMMARY:ประชุม\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`,
      'text/calendar',
    ),
    th: /ค่าของ "DTSTART" ไม่ถูกต้อง/,
    en: /The value of "DTSTART" is not valid/,
  },
  {
    what: 'iCalendar that does not begin with BEGIN:VCALENDAR',
    tag: 'ect-calendar',
    code: 'wrong-format',
    answer: body('BEGIN:VEVENT\r\nEND:VEVENT\r\n', 'text/calendar'),
    th: /ต้องการไฟล์ iCalendar หรือ JSON แต่ได้รับไฟล์รูปแบบอื่น/,
    en: /Expected iCalendar or JSON, got another kind of file/,
  },
  // The ECT's election report
  {
    what: 'a JSON file that is not an ECT statistics file',
    tag: 'ect-results-table',
    code: 'wrong-format',
    src: '/api/feed?file=results.json&type=application/json',
    attributes: { format: 'ect-report' },
    th: /ต้องการไฟล์ CSV, JSON หรือรายงานผลของ กกต\. แต่ได้รับไฟล์รูปแบบอื่น/,
    en: /Expected CSV, JSON or an ECT report, got another kind of file/,
  },
  {
    what: 'an ECT report without the province asked for',
    tag: 'ect-results-table',
    code: 'province',
    src: `${ECT}stats_cons.json?case=errors`,
    attributes: { province: 'BKK' },
    th: /ไม่พบจังหวัด "BKK" ในไฟล์/,
    en: /no province "BKK"/,
  },
  // Data set from script
  {
    what: 'a data property that is not JSON data',
    tag: 'ect-announcement-list',
    code: 'data-property',
    data: () => circular,
    th: /data/,
    en: /data property/,
  },
];

let calls = 0;

/** An element whose view never loads, as when the page went offline before its first use. */
class TestUnloadedView extends FeedElement<'items'> {
  static override readonly lazyView: LazyView<TestUnloadedView> = new LazyView(() =>
    Promise.reject(new TypeError('Failed to fetch dynamically imported module')),
  );
  static override readonly feedOptions = feedOptions('items', 0);
}
customElements.define('test-unloaded-view', TestUnloadedView);

/** The error sentence an element shows: the counter's is the title of its `—`. */
function shownError(el: Element): string {
  if (el.localName === 'ect-online-counter') return one(el, '[part~="unavailable"]')?.title ?? '';
  return text(one(el, '[part~="error"] [part~="message"]'));
}

/** The element on the page in `lang`, once it is in `state`; its `ect-error` codes recorded. */
async function show(
  tag: Tag,
  lang: Lang,
  source: { src?: string; data?: unknown; attributes?: Record<string, string> },
  state: string,
  during?: () => Promise<void>,
) {
  const el = document.createElement(tag) as Element;
  el.setAttribute('lang', lang);
  el.setAttribute('refresh', '0');
  for (const [name, value] of Object.entries(source.attributes ?? {})) {
    el.setAttribute(name, value);
  }
  if (source.src) el.setAttribute('src', source.src);
  if (source.data) el.data = source.data;
  const codes: string[] = [];
  el.addEventListener('ect-error', (event) => codes.push(event.detail.code));
  document.body.append(el);
  await during?.();
  await waitUntil(() => el.getAttribute('state') === state, `<${tag}> never became ${state}`, {
    timeout: 5000,
  });
  await el.updateComplete;
  return { el, codes };
}

describe('error messages in Thai and English', function () {
  this.timeout(20000);

  beforeEach(() => {
    clearFeedCache();
    clearReportRefs();
    calls = 0;
    setFeedFetch((url, init) => {
      calls++;
      const answer = answers.get(new URL(url, location.href).pathname);
      return answer ? Promise.resolve(answer(init)) : fetch(url, init);
    });
  });
  afterEach(() => {
    setFeedFetch();
    for (const el of document.querySelectorAll(TAGS.join(','))) el.remove();
  });

  it('finds a Latin-script sentence, and only that', () => {
    expect(latinSentence('โหลดข้อมูลไม่สำเร็จ: The feed server answered HTTP 500')).to.equal(
      'The feed server answered',
    );
    expect(latinSentence('ต้องการไฟล์ RSS, Atom หรือ JSON แต่ได้รับหน้าเว็บ HTML')).to.equal(undefined);
    expect(latinSentence('expected RSS or Atom')).to.match(/^expected\s+or$/);
    expect(latinSentence('ค่าของ "votes" ไม่ถูกต้อง (บรรทัดที่ 2) ที่ info_mp_candidate.json')).to.equal(
      undefined,
    );
    expect(latinSentence('ดูแอตทริบิวต์ proxy')).to.equal(undefined);
    expect(latinSentence('line 4, column 2: trailing comma')).to.contain('trailing comma');
  });

  for (const item of CASES) {
    for (const lang of ['th', 'en'] as const) {
      it(`${item.what}: <${item.tag} lang="${lang}">`, async () => {
        item.setup?.();
        try {
          const src = item.answer ? serve(item.answer) : item.src;
          const { el, codes } = await show(
            item.tag,
            lang,
            { src, data: item.data?.(), attributes: item.attributes },
            'error',
            item.during,
          );
          const sentence = shownError(el);
          if (item.tag !== 'ect-online-counter') {
            expect(sentence.startsWith(`${HEADING[lang]}: `), sentence).to.equal(true);
          }
          expectLanguage(sentence, lang, item.what);
          expect(sentence).to.match(item[lang]);
          // A retry may have failed again by now: every ect-error has the code.
          expect(codes, 'the code of ect-error').to.include(item.code);
          expect(new Set(codes).size, `codes ${codes.join(', ')}`).to.equal(1);
        } finally {
          item.teardown?.();
        }
      });
    }
  }

  for (const lang of ['th', 'en'] as const) {
    it(`says that the view did not load (lang="${lang}")`, async () => {
      const el = document.createElement('test-unloaded-view') as TestUnloadedView;
      el.setAttribute('lang', lang);
      const codes: string[] = [];
      el.addEventListener('ect-error', (event) => codes.push(event.detail.code));
      document.body.append(el);
      try {
        await waitUntil(() => codes.length > 0, 'no ect-error');
        await el.updateComplete;
        const alert = one(el, 'slot > [part~="error"]');
        expect(alert?.getAttribute('role')).to.equal('alert');
        expectLanguage(text(alert), lang, 'view');
        expect(text(alert)).to.equal(
          lang === 'th' ? 'โหลดส่วนนี้ของหน้าเว็บไม่สำเร็จ' : 'Could not load this part of the page',
        );
        expect(codes[0]).to.equal('view');
      } finally {
        el.remove();
      }
    });

    it(`says why saved data is shown, in the stale notice of every element (lang="${lang}")`, async () => {
      const feeds: Record<Tag, [string, string]> = {
        'ect-announcement-list': ['{"items": [{"title": "ประกาศ"}]}', 'application/json'],
        'ect-news-ticker': ['{"items": [{"title": "ข่าว"}]}', 'application/json'],
        'ect-calendar': [
          '{"events": [{"title": "ประชุม", "start": "2022-08-01"}]}',
          'application/json',
        ],
        'ect-results-table': [
          '{"candidates": [{"number": 1, "name": "นายก", "votes": 5}]}',
          'application/json',
        ],
        'ect-online-counter': ['{"online": 3}', 'application/json'],
      };
      for (const tag of TAGS) {
        let failing = false;
        const good = body(...feeds[tag]);
        const src = serve((init) => (failing ? status(503)(init) : good(init)));
        const { el } = await show(tag, lang, { src, attributes: { month: '2022-08' } }, 'ready');
        failing = true;
        (el as Element & { reload(): void }).reload();
        await waitUntil(() => el.getAttribute('state') === 'stale', `<${tag}> never stale`);
        await el.updateComplete;
        const note =
          tag === 'ect-online-counter'
            ? one(el, '[part~="note"]')!.title
            : one(el, '[part~="stale"] [part~="message"]')!.title;
        expectLanguage(note, lang, `${tag} stale`);
        expect(note).to.match(lang === 'th' ? /HTTP 503/ : /server answered HTTP 503/);
        el.remove();
      }
    });

    it(`names the reference files an ECT report lacks (lang="${lang}")`, async () => {
      // The candidate file fails; the party file is there but empty: every party id is missing.
      setFeedFetch((url, init) =>
        Promise.resolve(
          url.includes('info_mp_candidate')
            ? new Response('gone', { status: 404 })
            : url.includes('info_party_overview')
              ? new Response('[]', { headers: { 'Content-Type': 'application/json' } })
              : fetch(url, init),
        ),
      );
      const { el } = await show(
        'ect-results-table',
        lang,
        { src: `${ECT}stats_cons.json?case=notices-${lang}`, attributes: { constituency: '1' } },
        'ready',
      );
      const notices = all(el, '[part~="notice"] li').map(text);
      expect(notices).to.have.length.above(0);
      for (const notice of notices) expectLanguage(notice, lang, 'notice');
      expect(notices.join(' ')).to.match(
        lang === 'th'
          ? /info_mp_candidate\.json: เซิร์ฟเวอร์ตอบกลับ HTTP 404/
          : /info_mp_candidate\.json: The server answered HTTP 404/,
      );
      expect(notices.join(' ')).to.match(
        lang === 'th'
          ? /info_party_overview\.json ไม่มีรายการ \d+/
          : /info_party_overview\.json has no entry for \d+/,
      );
      expectLanguage(text(one(el, '[part~="notice"] p')), lang, 'notice heading');
    });
  }
});
