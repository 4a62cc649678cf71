/**
 * Arbitraries for feed documents of every format (valid-ish ones built from fields, and mutated
 * ones), and the checks every parse result must pass: a known kind of plain JSON data, links
 * only of the allowed schemes, inert HTML that a second sanitizing leaves as it is.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import {
  parseFeed,
  type FeedData,
  type FeedFormat as AnyFeedFormat,
} from '../../src/feed/index.js';

/**
 * The formats generated here: the general feed formats. The ECT report format (`ect-report`)
 * reads the ECT's own files and is tested on the real samples (test/results-table/).
 */
export type FeedFormat = Exclude<AnyFeedFormat, 'ect-report'>;

export const BASE = 'https://www.ect.go.th/chiangrai/feed.xml';

const THAI = [...'กขคงจฉชซญฎดตถทธนบปผพฟภมยรลวศษสหอฮะาำิีึืุูเแโใไๅๆ็่้๊๋์๐๑๒๓๔๕๖๗๘๙'];
const PUNCTUATION = [...' \t\n\r&<>"\';,:/\\#%=-_.()[]{}!?'];
const plainChar = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...THAI) },
  { weight: 2, arbitrary: fc.constantFrom(...'abcxyzABC0123456789') },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
);
/** NUL, no-break and zero-width spaces, a BOM, a lone surrogate, an emoji. */
const oddChar = fc.constantFrom('\u0000', '\u00a0', '\u200b', '\ufeff', '\ud800', '😀');
// Odd characters make most XML documents not well-formed: in one text in ten.
export const thaiText = fc.oneof(
  { weight: 9, arbitrary: fc.string({ unit: plainChar, maxLength: 40 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.oneof(plainChar, oddChar), maxLength: 40 }) },
);

export const hostileUrl = fc.constantFrom(
  'javascript:alert(1)',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'java\u00a0script:alert(1)',
  'jav&#x09;ascript:alert(1)',
  '&#106;avascript:alert(1)',
  'vbscript:msgbox(1)',
  'data:text/html,<script>alert(1)</script>',
  'data:image/svg+xml,<svg onload=alert(1)>',
  'file:///etc/passwd',
  'blob:https://evil.example/1',
  'about:blank',
  'ftp://ftp.example.org/a',
  'ws://evil.example/',
  'chrome://settings',
  '//evil.example/x',
  'http://[::1]:80/',
  'http://x y',
  'https://',
  ':',
  '',
);
export const safeishUrl = fc.oneof(
  fc.webUrl({ withQueryParameters: true, withFragments: true }),
  fc.constantFrom(
    'https://www.ect.go.th/ข่าว/1.html',
    'mailto:pr@ect.go.th',
    'tel:+6621234567',
    '/news/1.html',
    'news/2.html?x=1&y=2',
    '#top',
    '?page=2',
  ),
);
export const anyUrl = fc.oneof(safeishUrl, hostileUrl);

const hostileHtml = fc.constantFrom(
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript><table><tr><td>ก</td></tr><p>ข</p></table>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<img src="javascript:alert(1)">',
  '<a href="javascript:alert(1)">คลิก</a>',
  '<a href="  JAVASCRIPT:alert(1)" onclick="x()">ลิงก์</a>',
  '<svg onload=alert(1)><circle/></svg>',
  '<iframe src="https://evil.example"></iframe>',
  '<object data="x.swf"></object>',
  '<p style="background:url(javascript:alert(1))" class="x" id="y">ย่อหน้า</p>',
  '<form action="https://evil.example"><input name=a><button>ส่ง</button></form>',
  '<math><mi><mglyph><style><img src=x onerror=alert(1)></style></mglyph></mi></math>',
  '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>',
  '<table><tr><td>ก</td></tr><p>ข</p></table>',
  '<p><div>ค</div></p>',
  '<a href="/a"><a href="/b">ซ้อน</a></a>',
  '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<template><script>alert(1)</script></template>',
  '<style>*{display:none}</style>',
  '<a href="https://ect.go.th" target="_top">บน</a>',
  '<a href="https://ect.go.th" target="_blank">ใหม่</a>',
  '<img src="data:image/png;base64,iVBORw0KGgo=">',
  '<img src="/logo.png" alt="ตรา">',
  '&lt;script&gt;alert(1)&lt;/script&gt;',
  '&amp;lt;b&amp;gt;',
  '&nbsp;&copy;&#3585;&#x0E01;',
  '<!-- <script>alert(1)</script> -->',
  '<![CDATA[<script>alert(1)</script>]]>',
  '<b>หนา</b><i>เอียง</i><u>ขีด</u>',
  '<ul><li>หนึ่ง<li>สอง</ul>',
  '<h1>หัวข้อ</h1><hr><section>ส่วน</section>',
  '<x-widget onmouseover="alert(1)">x</x-widget>',
  '<a href="&#106;avascript:alert(1)">เอนทิตี</a>',
  '<img srcset="javascript:alert(1) 1x" src="https://ect.go.th/a.png">',
  '<a href="https://ect.go.th" onfocus=alert(1) autofocus>โฟกัส</a>',
);
const anchor = fc
  .tuple(anyUrl, thaiText)
  .map(([url, text]) => `<a href="${url.replace(/"/g, '&quot;')}">${text}</a>`);
const image = fc.tuple(anyUrl).map(([url]) => `<img src="${url.replace(/"/g, '&quot;')}">`);
export const html = fc
  .array(fc.oneof(thaiText, hostileHtml, anchor, image), { maxLength: 6 })
  .map((parts) => parts.join(''));

export const date = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .chain((d) =>
      fc.constantFrom(
        d.toISOString(),
        d.toUTCString(),
        d.toISOString().slice(0, 10),
        d.toUTCString().replace('GMT', '+0700'),
        `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear() + 543}`,
        String(d.getTime()),
      ),
    ),
  fc.constantFrom(
    '16 ส.ค. 2565',
    '๑๖ สิงหาคม ๒๕๖๕',
    '2022-02-30',
    '9999-99-99T99:99:99Z',
    '0000-00-00',
    '-000001-01-01T00:00:00Z',
    '+275760-09-13T00:00:00.000Z',
    'Tue, 16 Aug 2022 09:30:00 XYZ',
    'yesterday',
    '',
  ),
);

// ---------------------------------------------------------------------------------------------
// Documents: fields are inserted escaped, in CDATA or raw (which may break the document)

type Encoding = 'escaped' | 'cdata' | 'raw';
// Raw fields break most documents: now and then only, so most documents parse.
const encoding = fc.oneof(
  { weight: 12, arbitrary: fc.constantFrom<Encoding>('escaped', 'cdata') },
  { weight: 1, arbitrary: fc.constant<Encoding>('raw') },
);
const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const encode = (s: string, how: Encoding) =>
  how === 'escaped'
    ? escapeXml(s)
    : how === 'cdata'
      ? `<![CDATA[${s.replace(/]]>/g, ']]]]><![CDATA[>')}]]>`
      : s;

const entry = fc.record({
  title: thaiText,
  titleHtml: fc.oneof(thaiText, html),
  url: anyUrl,
  body: html,
  date,
  id: fc.oneof(thaiText, anyUrl),
  category: thaiText,
  enclosure: anyUrl,
  image: anyUrl,
  size: fc.oneof(fc.integer(), fc.constantFrom('', 'abc', '1e3', '-1', '1e400')),
  enc: encoding,
});
type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

const rssItem = (e: Entry) =>
  `<item><title>${encode(e.titleHtml, e.enc)}</title><link>${encode(e.url, e.enc)}</link>` +
  `<description>${encode(e.body, e.enc)}</description>` +
  `<content:encoded>${encode(e.body, 'cdata')}</content:encoded><pubDate>${escapeXml(e.date)}</pubDate>` +
  `<guid isPermaLink="false">${escapeXml(e.id)}</guid><category>${encode(e.category, e.enc)}</category>` +
  `<enclosure url="${escapeXml(e.enclosure)}" type="application/pdf" length="${e.size}"/>` +
  `<media:thumbnail url="${escapeXml(e.image)}"/></item>`;
const rss = (title: string, link: string, entries: Entry[]) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">` +
  `<channel><title>${escapeXml(title)}</title><link>${escapeXml(link)}</link>` +
  `${entries.map(rssItem).join('\n')}</channel></rss>`;

const atomEntry = (e: Entry) =>
  `<entry><title type="html">${encode(e.titleHtml, e.enc)}</title><link href="${escapeXml(e.url)}"/>` +
  `<id>${escapeXml(e.id)}</id><updated>${escapeXml(e.date)}</updated>` +
  `<summary type="text">${encode(e.title, e.enc)}</summary>` +
  (e.enc === 'raw'
    ? `<content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">${e.body}</div></content>`
    : `<content type="html">${encode(e.body, e.enc)}</content>`) +
  `<category term="${escapeXml(e.category)}"/><link rel="enclosure" href="${escapeXml(e.enclosure)}" length="${e.size}"/>` +
  `<author><name>${encode(e.title, e.enc)}</name></author></entry>`;
const atom = (title: string, link: string, entries: Entry[]) =>
  `<?xml version="1.0" encoding="utf-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom">` +
  `<title>${escapeXml(title)}</title><link href="${escapeXml(link)}"/>` +
  `${entries.map(atomEntry).join('\n')}</feed>`;

const jsonFeed = (title: string, link: string, entries: Entry[]) =>
  JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title,
    home_page_url: link,
    items: entries.map((e) => ({
      id: e.id,
      url: e.url,
      title: e.titleHtml,
      content_html: e.body,
      summary: e.enc === 'raw' ? undefined : e.title,
      image: e.image,
      date_published: e.date,
      tags: [e.category, 'ด่วน'],
      attachments: [{ url: e.enclosure, mime_type: 'application/pdf', size_in_bytes: e.size }],
    })),
  });

const json = (title: string, link: string, entries: Entry[], shape: number) => {
  switch (shape % 5) {
    case 0:
      return JSON.stringify({
        title,
        link,
        items: entries.map((e) => ({
          title: e.titleHtml,
          link: e.url,
          html: e.body,
          date: e.date,
          category: e.category,
        })),
      });
    case 1:
      return JSON.stringify({
        events: entries.map((e) => ({
          title: e.title,
          start: e.date,
          end: e.date,
          url: e.url,
          description: e.body,
          location: e.category,
          rrule: e.id,
        })),
      });
    case 2:
      return JSON.stringify({
        races: entries.map((e, i) => ({
          id: e.id,
          name: e.title,
          candidates: [
            { number: i, name: e.titleHtml, party: e.category, votes: e.size, color: e.url },
          ],
        })),
      });
    case 3:
      return JSON.stringify({ online: entries.length ? entries[0].size : title, today: title });
    default:
      return JSON.stringify(
        entries.map((e) => ({ title: e.title, url: e.url, content_html: e.body })),
      );
  }
};

const icsText = (s: string) =>
  s
    .replace(/\\/g, '\\\\')
    .replace(/[,;]/g, (c) => `\\${c}`)
    .replace(/\r?\n/g, '\\n');
const icsTime = fc.oneof(
  fc
    .date({ min: new Date('1900-01-01'), max: new Date('2200-01-01'), noInvalidDate: true })
    .chain((d) => {
      const s = d.toISOString().replace(/[-:]/g, '').slice(0, 15);
      return fc.constantFrom(
        `:${s}Z`,
        `;VALUE=DATE:${s.slice(0, 8)}`,
        `;TZID=Asia/Bangkok:${s}`,
        `;TZID=SE Asia Standard Time:${s}`,
        `;TZID=Mars/Olympus:${s}`,
        `:${s}`,
      );
    }),
  fc.constantFrom(
    ':',
    ':garbage',
    ';VALUE=DATE:20220230',
    ':99999999T999999',
    ';TZID=:20220101T000000',
  ),
);
// An unknown FREQ fails the whole calendar (ical.js): now and then only.
const rrule = fc.oneof(
  {
    weight: 15,
    arbitrary: fc.constantFrom(
      '',
      'FREQ=DAILY;COUNT=5',
      'FREQ=WEEKLY;BYDAY=MO,WE',
      'FREQ=MONTHLY;BYMONTHDAY=31',
      'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30',
      'FREQ=SECONDLY',
      'FREQ=DAILY;UNTIL=19000101',
    ),
  },
  { weight: 1, arbitrary: fc.constant('FREQ=NONSENSE;COUNT=-1') },
);
const icsEvent = fc
  .record({ e: entry, start: icsTime, end: icsTime, rrule })
  .map(({ e, start, end, rrule: rule }) =>
    [
      'BEGIN:VEVENT',
      `UID:${icsText(e.id)}`,
      `DTSTART${start}`,
      `DTEND${end}`,
      `SUMMARY:${icsText(e.title)}`,
      `DESCRIPTION:${icsText(e.body)}`,
      `LOCATION:${icsText(e.category)}`,
      `URL:${e.url}`,
      rule ? `RRULE:${rule}` : '',
      rule ? `EXDATE${start}` : '',
      'END:VEVENT',
    ]
      .filter(Boolean)
      .join('\r\n'),
  );
/** Lines longer than 75 octets are folded, as RFC 5545 says (here by characters). */
const fold = (line: string) => line.replace(/(.{60})(?=.)/gu, '$1\r\n ');
const ics = (title: string, events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//ECT//Fuzz//TH',
    `X-WR-CALNAME:${icsText(title)}`,
    ...events,
    'END:VCALENDAR',
  ]
    .map(fold)
    .join('\r\n');

const CSV_HEADERS = [
  ['race', 'number', 'name', 'party', 'votes', 'color', 'elected', 'share'],
  ['เขต', 'หมายเลข', 'ชื่อ', 'พรรค', 'คะแนน', 'สี', 'ได้รับเลือก', 'ร้อยละ'],
  ['No.', 'ชื่อผู้สมัคร', 'สังกัดพรรค', 'คะแนนเสียง'],
  ['a', 'b', 'c'],
];
const csvCell = (s: string, quote: boolean) =>
  quote || /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
const csvValue = fc.oneof(
  thaiText,
  html,
  anyUrl,
  fc.integer().map(String),
  fc.constantFrom(
    '40,877',
    '1e9',
    '-5',
    'NaN',
    '1e308',
    '1e400',
    '#1f6feb',
    'url(x)',
    'true',
    'ได้รับเลือก',
    '',
  ),
);
/** A row of the first two headers' columns: race, number, name, party, votes, color, elected, share. */
const csvRow = fc
  .tuple(
    fc.oneof(thaiText, fc.constantFrom('เขต 1', 'เขต 2')),
    fc.oneof(fc.nat(99).map(String), csvValue),
    fc.oneof(thaiText, html),
    thaiText,
    fc.oneof(
      { weight: 5, arbitrary: fc.nat(10_000_000).map((n) => n.toLocaleString('en')) },
      csvValue,
    ),
    fc.oneof(fc.constantFrom('#1F6FEB', '#e11', ''), csvValue),
    fc.constantFrom('', 'ได้รับเลือก', 'true', 'x'),
    fc.oneof(fc.double({ min: 0, max: 100, noNaN: true }).map(String), csvValue),
  )
  .map((row) => row as string[]);
const csv = fc
  .record({
    header: fc.constantFrom(...CSV_HEADERS),
    rows: fc.array(
      fc.oneof(
        { weight: 1, arbitrary: fc.array(csvValue, { maxLength: 9 }) },
        { weight: 6, arbitrary: csvRow },
      ),
      { maxLength: 8 },
    ),
    quote: fc.boolean(),
    eol: fc.constantFrom('\n', '\r\n', '\r'),
    bom: fc.boolean(),
    separator: fc.constantFrom(',', ',', ';', '\t'),
  })
  .map(({ header, rows, quote, eol, bom, separator }) => (double: boolean) => {
    // The short Thai header has number, name, party and votes only.
    const fit = (row: string[]) =>
      header.length === 4 && row.length === 8 ? row.slice(1, 5) : row;
    const body = (double ? [...rows, ...rows] : rows).map(fit);
    return (
      (bom ? '\ufeff' : '') +
      [header, ...body].map((row) => row.map((c) => csvCell(c, quote)).join(separator)).join(eol)
    );
  });

/** A document of `format` and the same document with its entries twice (for the time check). */
export interface Doc {
  text: string;
  doubled: string;
}

/** Usually a handful of entries; now and then many (the time check needs some size). */
const entriesOf = <T>(arbitrary: fc.Arbitrary<T>) =>
  fc
    .tuple(
      fc.array(arbitrary, { maxLength: 6 }),
      fc.oneof({ weight: 29, arbitrary: fc.constant(1) }, fc.integer({ min: 2, max: 30 })),
    )
    .map(([list, times]) => Array.from({ length: times }, () => list).flat());

export function documentOf(format: FeedFormat): fc.Arbitrary<Doc> {
  const make = (build: (entries: Entry[], title: string, link: string) => string) =>
    fc
      .record({ entries: entriesOf(entry), title: thaiText, link: anyUrl })
      .map(({ entries, title, link }) => ({
        text: build(entries, title, link),
        doubled: build([...entries, ...entries], title, link),
      }));
  switch (format) {
    case 'rss':
      return make((entries, title, link) => rss(title, link, entries));
    case 'atom':
      return make((entries, title, link) => atom(title, link, entries));
    case 'jsonfeed':
      return make((entries, title, link) => jsonFeed(title, link, entries));
    case 'json':
      return fc
        .nat(4)
        .chain((shape) => make((entries, title, link) => json(title, link, entries, shape)));
    case 'ics':
      return fc
        .record({ events: entriesOf(icsEvent), title: thaiText })
        .map(({ events, title }) => ({
          text: ics(title, events),
          doubled: ics(title, [...events, ...events]),
        }));
    case 'csv':
      return csv.map((build) => ({ text: build(false), doubled: build(true) }));
  }
}

// ---------------------------------------------------------------------------------------------
// Mutations: positions are fractions of the length, so a mutation applies to the doubled document too

const TOKENS = [
  '<!--',
  '-->',
  '<![CDATA[',
  ']]>',
  'BEGIN:VEVENT\r\n',
  'END:VEVENT\r\n',
  'BEGIN:VCALENDAR\r\n',
  'END:VCALENDAR',
  '"',
  "'",
  '<',
  '>',
  '&',
  '&#0;',
  '&#xD800;',
  '&nbsp;',
  '&undefined;',
  '\u0000',
  '\r',
  '\n ',
  '{',
  '}',
  '[',
  ']',
  ',',
  '\\',
  '\ufeff',
  '<script>alert(1)</script>',
  '<item>',
  '</item>',
  '<entry>',
  '<!DOCTYPE rss [<!ENTITY a "ก"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]>',
  '&b;',
  '<?xml version="1.0" encoding="tis-620"?>',
  'javascript:alert(1)',
];
const mutation = fc.oneof(
  fc.record({ op: fc.constant('cut' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({
    op: fc.constant('cut-start' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    op: fc.constant('delete' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat(40),
  }),
  fc.record({
    op: fc.constant('duplicate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    length: fc.nat(200),
  }),
  fc.record({
    op: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    char: fc.integer({ min: 0, max: 0xffff }),
  }),
  fc.record({
    op: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    token: fc.constantFrom(...TOKENS),
  }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(text: string, mutations: Mutation[]): string {
  for (const m of mutations) {
    const at = Math.floor(m.at * text.length);
    switch (m.op) {
      case 'cut':
        text = text.slice(0, at);
        break;
      case 'cut-start':
        text = text.slice(at);
        break;
      case 'delete':
        text = text.slice(0, at) + text.slice(at + m.length);
        break;
      case 'duplicate':
        text = text.slice(0, at + m.length) + text.slice(at);
        break;
      case 'flip':
        text = text.slice(0, at) + String.fromCharCode(m.char) + text.slice(at + 1);
        break;
      case 'insert':
        text = text.slice(0, at) + m.token + text.slice(at);
        break;
    }
  }
  return text;
}

/** Documents of `format`: as built, or mutated one to three times. */
export function feedInput(format: FeedFormat): fc.Arbitrary<Doc> {
  return fc.oneof(
    documentOf(format),
    fc
      .tuple(documentOf(format), fc.array(mutation, { minLength: 1, maxLength: 3 }))
      .map(([doc, mutations]) => ({
        text: mutate(doc.text, mutations),
        doubled: mutate(doc.doubled, mutations),
      })),
  );
}

// ---------------------------------------------------------------------------------------------
// Checks

const LINK = /^(?:https?:\/\/[^\s]|mailto:|tel:)/i;
const IMAGE = /^https?:\/\/[^\s]/i;
const DANGEROUS_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'SVG',
  'MATH',
  'FORM',
  'INPUT',
  'BUTTON',
  'BASE',
  'META',
  'LINK',
  'TEMPLATE',
  'NOSCRIPT',
  'FRAME',
  'FRAMESET',
]);

const isString = (v: unknown) => typeof v === 'string';
const optional = (v: unknown, test: (v: unknown) => boolean) => v === undefined || test(v);
const isLink = (v: unknown) => isString(v) && LINK.test(v as string);
const isImage = (v: unknown) => isString(v) && IMAGE.test(v as string);
const isFiniteNumber = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
const isStringList = (v: unknown) => Array.isArray(v) && v.every(isString);

/** Sanitized HTML must be inert: nothing that runs, no handlers, only allowed link schemes. */
export function expectInertHtml(value: string, where: string): void {
  expect(value, where).to.be.a('string');
  expect(/<script/i.test(value), `${where}: <script`).to.be.false;
  const template = document.createElement('template');
  template.innerHTML = value;
  for (const element of template.content.querySelectorAll('*')) {
    expect(DANGEROUS_TAGS.has(element.tagName.toUpperCase()), `${where}: <${element.tagName}>`).to
      .be.false;
    for (const attribute of element.attributes) {
      const name = attribute.name.toLowerCase();
      expect(/^on/.test(name), `${where}: ${name}= on <${element.tagName}>`).to.be.false;
      expect(name, `${where}: style`).to.not.equal('style');
      if (name === 'href')
        expect(isLink(attribute.value), `${where}: href ${attribute.value}`).to.be.true;
      if (name === 'src')
        expect(isImage(attribute.value), `${where}: src ${attribute.value}`).to.be.true;
      expect(/javascript:/i.test(attribute.value), `${where}: javascript: in ${name}`).to.be.false;
    }
  }
}

/** The path of the first value JSON would not keep as it is (Infinity, undefined in a list…). */
function notPlainJson(value: unknown, path: string): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? undefined : `${path} = ${value}`;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const odd = notPlainJson(value[i], `${path}[${i}]`);
      if (odd) return odd;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, child] of Object.entries(value)) {
      if (child === undefined) continue;
      const odd = notPlainJson(child, `${path}.${key}`);
      if (odd) return odd;
    }
    return undefined;
  }
  return `${path} is ${typeof value}`;
}

/** Whether `data` is well-formed normalized data; throws (an assertion) saying what is wrong. */
export function expectWellFormed(data: FeedData): string[] {
  const htmls: string[] = [];
  expect(data, 'data').to.be.an('object');
  const odd = notPlainJson(data, 'data');
  if (odd) expect.fail(`plain JSON values only: ${odd}`);
  switch (data.kind) {
    case 'items':
      expect(
        optional(data.title, isString) && optional(data.link, isLink),
        `feed title/link ${data.link}`,
      ).to.be.true;
      expect(data.items).to.be.an('array');
      for (const item of data.items) {
        expect(isString(item.id) && isString(item.title), 'item id and title').to.be.true;
        expect(isStringList(item.categories), 'item categories').to.be.true;
        expect(optional(item.url, isLink), `item url ${item.url}`).to.be.true;
        expect(optional(item.image, isImage), `item image ${item.image}`).to.be.true;
        for (const key of ['date', 'updated', 'summary', 'author'] as const) {
          expect(optional(item[key], isString), `item ${key}`).to.be.true;
        }
        expect(item.attachments).to.be.an('array');
        for (const attachment of item.attachments) {
          expect(isLink(attachment.url), `attachment url ${attachment.url}`).to.be.true;
          expect(optional(attachment.size, isFiniteNumber), 'attachment size').to.be.true;
        }
        if (item.html !== undefined) {
          expectInertHtml(item.html, 'item html');
          htmls.push(item.html);
        }
      }
      break;
    case 'events':
      expect(data.events).to.be.an('array');
      for (const event of data.events) {
        expect(
          isString(event.id) && isString(event.title) && isString(event.start),
          'event id, title, start',
        ).to.be.true;
        expect(typeof event.allDay, 'event allDay').to.equal('boolean');
        expect(isStringList(event.categories), 'event categories').to.be.true;
        expect(optional(event.url, isLink), `event url ${event.url}`).to.be.true;
        expect(optional(event.exdates, isStringList), 'event exdates').to.be.true;
        for (const key of ['end', 'location', 'description', 'timeZone', 'rrule'] as const) {
          expect(optional(event[key], isString), `event ${key}`).to.be.true;
        }
      }
      break;
    case 'results':
      expect(data.races).to.be.an('array');
      for (const race of data.races) {
        expect(isString(race.id), 'race id').to.be.true;
        expect(race.candidates).to.be.an('array');
        for (const candidate of race.candidates) {
          expect(
            isString(candidate.name) && isFiniteNumber(candidate.votes),
            'candidate name and votes',
          ).to.be.true;
          expect(isString(candidate.number) || isFiniteNumber(candidate.number), 'candidate number')
            .to.be.true;
          expect(
            optional(candidate.color, (c) => /^#[0-9a-f]{3}(?:[0-9a-f]{3})?$/.test(c as string)),
            `color ${candidate.color}`,
          ).to.be.true;
        }
      }
      break;
    case 'counter':
      expect(isFiniteNumber(data.online), 'online count').to.be.true;
      for (const key of ['today', 'month', 'total'] as const)
        expect(optional(data[key], isFiniteNumber), key).to.be.true;
      break;
    default:
      expect.fail(`unknown kind ${(data as { kind: unknown }).kind}`);
  }
  return htmls;
}

/** Sanitizing is idempotent: the sanitized HTML, as a JSON item, comes back unchanged. */
export async function expectIdempotent(htmls: string[]): Promise<void> {
  if (!htmls.length) return;
  const again = await parseFeed(
    JSON.stringify({ items: htmls.map((h, i) => ({ id: String(i), title: 'x', html: h })) }),
    {
      format: 'json',
      baseUrl: BASE,
    },
  );
  const items = again.kind === 'items' ? again.items : [];
  htmls.forEach((h, i) => {
    // Text without markup or entities stays text (no html field): unchanged too.
    expect(items[i]?.html ?? h, 'sanitized html sanitized again').to.equal(h);
  });
}
