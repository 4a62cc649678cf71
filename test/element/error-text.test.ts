import { expect } from '@open-wc/testing';
import { errorText, noticeText } from '../../src/element/error-text.js';
import { inLang } from '../../src/element/localize.js';
import { templates as shared } from '../../src/generated/locales/th.js';
import { templates as errorTemplates } from '../../src/generated/locales/th/errors.js';
import type { FeedErrorCode, FeedErrorInfo, FeedKind } from '../../src/feed/types.js';
import { expectLanguage } from '../helpers/language.js';

/** A FeedError's details for every code, as the feed layer gives them (the type lists them all). */
const SAMPLES: Record<FeedErrorCode, FeedErrorInfo[]> = {
  timeout: [{ code: 'timeout', seconds: 20 }],
  offline: [{ code: 'offline' }],
  network: [{ code: 'network' }],
  http: [{ code: 'http', status: 503, retryAfter: 120 }],
  'too-large': [{ code: 'too-large', megabytes: 10 }],
  'html-page': [{ code: 'html-page' }, { code: 'html-page', format: 'csv' }],
  empty: [{ code: 'empty' }],
  'wrong-format': [{ code: 'wrong-format' }, { code: 'wrong-format', format: 'ect-report' }],
  'unknown-format': [{ code: 'unknown-format', value: 'xml' }],
  syntax: [
    { code: 'syntax', format: 'rss', line: 4 },
    { code: 'syntax', format: 'jsonfeed' },
    { code: 'syntax', format: 'ect-report' },
  ],
  entities: [{ code: 'entities', format: 'atom' }],
  'json-shape': [{ code: 'json-shape', format: 'json' }],
  columns: [{ code: 'columns', format: 'csv', field: 'number, votes' }],
  'bad-data': [
    { code: 'bad-data', field: 'votes', line: 12 },
    { code: 'bad-data', field: 'DTSTART' },
    { code: 'bad-data' },
  ],
  'too-many': [{ code: 'too-many', format: 'json' }],
  province: [{ code: 'province', value: 'BKK' }, { code: 'province' }],
  'kind-mismatch': [
    { code: 'kind-mismatch', kind: 'items' },
    { code: 'kind-mismatch', kind: 'events' },
    { code: 'kind-mismatch', kind: 'results' },
    { code: 'kind-mismatch', kind: 'counter' },
  ],
  'data-property': [{ code: 'data-property' }],
  unsupported: [{ code: 'unsupported' }],
  parser: [
    { code: 'parser', format: 'rss' },
    { code: 'parser', format: 'ect-report' },
  ],
  unknown: [{ code: 'unknown' }, {}],
};

const KINDS: FeedKind[] = ['items', 'events', 'results', 'counter'];

describe('errorText', () => {
  it('says every code in Thai and in English, for every kind of element', () => {
    for (const [code, samples] of Object.entries(SAMPLES)) {
      for (const info of samples) {
        for (const kind of KINDS) {
          const what = `${code} ${JSON.stringify(info)} (${kind})`;
          const th = inLang('th', () => errorText(info, kind));
          const en = inLang('en', () => errorText(info, kind));
          expectLanguage(th, 'th', what);
          expectLanguage(en, 'en', what);
        }
      }
    }
  });

  it('keeps the figures, names and line of the details', () => {
    const say = (info: FeedErrorInfo, kind: FeedKind = 'items') => [
      inLang('th', () => errorText(info, kind)),
      inLang('en', () => errorText(info, kind)),
    ];
    expect(say({ code: 'timeout', seconds: 20 })).to.deep.equal([
      'ไม่ได้รับคำตอบภายใน 20 วินาที',
      'No answer within 20 seconds',
    ]);
    expect(say({ code: 'http', status: 404 })).to.deep.equal([
      'เซิร์ฟเวอร์ตอบกลับ HTTP 404',
      'The server answered HTTP 404',
    ]);
    expect(say({ code: 'too-large', megabytes: 2 })).to.deep.equal([
      'ข้อมูลมีขนาดเกิน 2 MB',
      'The data is larger than 2 MB',
    ]);
    expect(say({ code: 'html-page' }, 'events')).to.deep.equal([
      'ต้องการไฟล์ iCalendar หรือ JSON แต่ได้รับหน้าเว็บ HTML',
      'Expected iCalendar or JSON, got a web page (HTML)',
    ]);
    expect(say({ code: 'syntax', format: 'atom', line: 7 })).to.deep.equal([
      'ไฟล์ Atom มีรูปแบบไม่ถูกต้อง (บรรทัดที่ 7)',
      'The Atom is not well-formed (line 7)',
    ]);
    expect(say({ code: 'bad-data', field: 'votes', line: 12 }, 'results')).to.deep.equal([
      'ค่าของ "votes" ไม่ถูกต้อง (บรรทัดที่ 12)',
      'The value of "votes" is not valid (line 12)',
    ]);
    expect(say({ code: 'parser', format: 'ics' }, 'events')).to.deep.equal([
      'โหลดส่วนที่อ่านไฟล์ iCalendar ไม่สำเร็จ (อาจไม่ได้เชื่อมต่ออินเทอร์เน็ต)',
      'Could not load what reads iCalendar (offline?)',
    ]);
    expect(say({ code: 'kind-mismatch', kind: 'results' }, 'counter')).to.deep.equal([
      'ส่วนนี้แสดงจำนวนผู้เข้าชม แต่ข้อมูลเป็นผลการเลือกตั้ง',
      'This element shows a visitor count; the feed has election results',
    ]);
  });

  it('says what went wrong in general when the details lack what a code needs', () => {
    const unknown = inLang('th', () => errorText({ code: 'unknown' }, 'items'));
    expect(inLang('th', () => errorText({ code: 'syntax' }, 'items'))).to.equal(unknown);
    expect(inLang('th', () => errorText({ code: 'parser' }, 'items'))).to.equal(unknown);
    expect(inLang('th', () => errorText({ code: 'kind-mismatch' }, 'items'))).to.equal(unknown);
    expect(inLang('th', () => errorText({}, 'items'))).to.equal(unknown);
  });

  it('says the notices of an ECT report in both languages', () => {
    const failed = {
      file: 'info_mp_candidate.json',
      error: { code: 'http' as const, status: 404 },
    };
    const lacking = { file: 'info_party_overview.json', ids: ['34', '35'], more: 3 };
    expect(inLang('th', () => [failed, lacking].map(noticeText))).to.deep.equal([
      'info_mp_candidate.json: เซิร์ฟเวอร์ตอบกลับ HTTP 404',
      'info_party_overview.json ไม่มีรายการ 34, 35 (+3)',
    ]);
    expect(inLang('en', () => [failed, lacking].map(noticeText))).to.deep.equal([
      'info_mp_candidate.json: The server answered HTTP 404',
      'info_party_overview.json has no entry for 34, 35 (+3)',
    ]);
  });

  it('is translated apart from the shared words in the bundle', () => {
    const ids = Object.keys(errorTemplates);
    expect(ids.length).to.be.above(30);
    expect(ids.every((id) => id.startsWith('error.'))).to.equal(true);
    expect(Object.keys(shared).filter((id) => id.startsWith('error.'))).to.deep.equal([]);
  });
});
