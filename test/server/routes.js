// Fault routes of the loopback test server (used by web-test-runner's dev server).
//
//   /api/feed?file=rss.xml&type=application/rss+xml&charset=utf-8
//            &status=200&delay=0&retry-after=5&encode=windows-874&id=counter-key
//   /api/hits?id=counter-key      -> {"hits": n}
//
// Hardening additions (test/hardening/):
//   generate=rss|atom|jsonfeed|json|events|ics|csv|results&items=n&size=bytes&html=1
//            a synthetic feed of n items (instead of `file`/`body`), each item padded so the
//            whole feed is about `size` bytes; `html=1` gives items HTML descriptions.
//   redirect=<url>   answers 302 to that URL; `redirect=self` to the same URL again (a loop).
//   cors=0           leaves out Access-Control-Allow-Origin.
//   /api/other-origin -> {"origin": "http://127.0.0.1:<port>"}: the same /api/ routes on
//            another origin (a second server, started on first use), for cross-origin tests.
//
// `file` is read from test/fixtures/. `encode=windows-874` transcodes the fixture's Thai
// text into the single-byte Thai code page, as legacy government feeds are served.
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
const hits = new Map();

/** Thai (U+0E01..U+0E5B) maps to 0xA1..0xFB in TIS-620 / windows-874; ASCII is itself. */
export function encodeWindows874(text) {
  const out = [];
  for (const ch of text) {
    const cp = ch.codePointAt(0);
    if (cp < 0x80) out.push(cp);
    else if (cp >= 0x0e01 && cp <= 0x0e5b) out.push(cp - 0x0e00 + 0xa0);
    else if (cp === 0x20ac) out.push(0x80);
    else out.push(0x3f);
  }
  return Buffer.from(out);
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export async function feedRoutes(ctx, next) {
  if (!ctx.path.startsWith('/api/')) return next();
  const q = ctx.query;
  if (ctx.path === '/api/hits') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ hits: hits.get(q.id) ?? 0 });
    return;
  }
  if (ctx.path === '/api/other-origin') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify({ origin: await otherOrigin() });
    return;
  }
  if (ctx.path !== '/api/feed') return next();
  if (q.id) hits.set(q.id, (hits.get(q.id) ?? 0) + 1);
  if (q.delay) await sleep(Number(q.delay));
  if (q.cors !== '0') ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cache-Control', 'no-store');
  if (q['retry-after']) ctx.set('Retry-After', String(q['retry-after']));
  if (q.redirect) {
    ctx.status = Number(q.status ?? 302);
    ctx.set('Location', q.redirect === 'self' ? ctx.url : String(q.redirect));
    return;
  }
  ctx.status = Number(q.status ?? 200);
  let body;
  let type = q.type ? String(q.type) : 'application/octet-stream';
  if (q.generate) {
    const generated = generateFeed(String(q.generate), {
      items: Number(q.items ?? 10),
      size: Number(q.size ?? 0),
      html: q.html === '1',
    });
    body = Buffer.from(generated.text);
    if (!q.type) type = generated.type;
  } else if (q.file) {
    const file = path.join(fixtures, path.basename(String(q.file)));
    body = await readFile(file);
  } else {
    body = Buffer.from(String(q.body ?? ''));
  }
  if (q.encode === 'windows-874') body = encodeWindows874(body.toString('utf8'));
  ctx.set('Content-Type', q.charset ? `${type}; charset=${q.charset}` : type);
  ctx.body = body;
}

let other;

/** Starts (once) a plain HTTP server on 127.0.0.1 with the /api/ routes; resolves to its origin. */
function otherOrigin() {
  other ??= new Promise((resolve) => {
    const server = createServer(async (req, res) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const headers = {};
      // The few parts of a Koa context the routes use.
      const ctx = {
        path: url.pathname,
        url: req.url,
        query: Object.fromEntries(url.searchParams),
        status: undefined,
        type: undefined,
        body: undefined,
        set: (name, value) => (headers[name] = value),
      };
      await feedRoutes(ctx, async () => {
        ctx.status = 404;
        ctx.body = 'not found';
      });
      if (ctx.type) headers['Content-Type'] ??= ctx.type;
      res.writeHead(ctx.status ?? (ctx.body === undefined ? 404 : 200), headers);
      res.end(ctx.body);
    });
    server.unref();
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
  return other;
}

const GENERATED_TYPES = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  jsonfeed: 'application/feed+json',
  json: 'application/json',
  events: 'application/json',
  results: 'application/json',
  ics: 'text/calendar',
  csv: 'text/csv',
};

const xmlEscape = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * A synthetic feed of `items` entries in one format, for the huge-feed tests: item i is dated
 * i hours before 2022-06-16 09:30 +07:00 (newest first) and padded with Thai text so that the
 * whole feed is about `size` bytes.
 */
export function generateFeed(format, { items, size = 0, html = false }) {
  const type = GENERATED_TYPES[format];
  if (!type) throw new Error(`generate: unknown format ${format}`);
  const bare = feedText(format, items, html, '');
  // Share the missing bytes out over the items (Thai letters are 3 bytes in UTF-8).
  const missing = size - Buffer.byteLength(bare);
  if (missing <= 0 || items === 0) return { text: bare, type };
  const filler = 'ข่าวประชาสัมพันธ์ สำนักงาน กกต. ';
  const padChars = Math.ceil((missing / items) * (filler.length / Buffer.byteLength(filler)));
  const pad = filler.repeat(Math.ceil(padChars / filler.length)).slice(0, padChars);
  return { text: feedText(format, items, html, pad), type };
}

function feedText(format, items, html, pad) {
  const start = Date.parse('2022-06-16T09:30:00+07:00');
  const rows = Array.from({ length: items }, (_, i) => {
    const date = new Date(start - i * 3_600_000);
    const text = `รายละเอียดข่าวที่ ${i + 1} ${pad}`;
    return {
      i,
      id: `item-${i + 1}`,
      title: `ประกาศฉบับที่ ${i + 1}`,
      url: `https://example.org/news/${i + 1}`,
      iso: date.toISOString(),
      rfc: date.toUTCString(),
      ics: date
        .toISOString()
        .replace(/[-:]/g, '')
        .replace(/\.\d+Z$/, 'Z'),
      text,
      html: `<p><b>${i + 1}</b> ${text}</p>`,
    };
  });
  const body = (row) => (html ? row.html : row.text);
  switch (format) {
    case 'rss':
      return `<?xml version="1.0" encoding="UTF-8"?>\n<rss version="2.0"><channel><title>ข่าว</title>\n${rows
        .map(
          (r) =>
            `<item><title>${r.title}</title><link>${r.url}</link><guid>${r.id}</guid>` +
            `<pubDate>${r.rfc}</pubDate><description>${xmlEscape(body(r))}</description></item>\n`,
        )
        .join('')}</channel></rss>\n`;
    case 'atom':
      return `<?xml version="1.0" encoding="UTF-8"?>\n<feed xmlns="http://www.w3.org/2005/Atom"><title>ข่าว</title><id>urn:x</id><updated>${rows[0]?.iso ?? '2022-06-16T02:30:00Z'}</updated>\n${rows
        .map(
          (r) =>
            `<entry><title>${r.title}</title><link href="${r.url}"/><id>${r.id}</id>` +
            `<updated>${r.iso}</updated><summary type="${html ? 'html' : 'text'}">${xmlEscape(body(r))}</summary></entry>\n`,
        )
        .join('')}</feed>\n`;
    case 'jsonfeed':
      return JSON.stringify({
        version: 'https://jsonfeed.org/version/1.1',
        title: 'ข่าว',
        items: rows.map((r) => ({
          id: r.id,
          url: r.url,
          title: r.title,
          date_published: r.iso,
          ...(html ? { content_html: r.html } : { content_text: r.text }),
        })),
      });
    case 'json':
      return JSON.stringify({
        items: rows.map((r) => ({
          id: r.id,
          url: r.url,
          title: r.title,
          date: r.iso,
          ...(html ? { html: r.html } : { summary: r.text }),
        })),
      });
    case 'events':
      return JSON.stringify({
        events: rows.map((r) => ({ id: r.id, title: r.title, start: r.iso, description: r.text })),
      });
    case 'results':
      return JSON.stringify({
        races: Array.from({ length: Math.ceil(items / 10) }, (_, race) => ({
          id: `race-${race + 1}`,
          name: `เขต ${race + 1}`,
          candidates: rows.slice(race * 10, race * 10 + 10).map((r) => ({
            number: (r.i % 10) + 1,
            name: `ผู้สมัคร ${r.i + 1} ${pad}`,
            party: `พรรค ${r.i % 7}`,
            votes: 1000 + ((r.i * 7919) % 50000),
          })),
        })),
      });
    case 'ics':
      return `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//ect-widgets tests//EN\r\n${rows
        .map(
          (r) =>
            `BEGIN:VEVENT\r\nUID:${r.id}@example.org\r\nDTSTAMP:${r.ics}\r\nDTSTART:${r.ics}\r\n` +
            `SUMMARY:${r.title}\r\nDESCRIPTION:${r.text.replace(/[,;]/g, ' ')}\r\nEND:VEVENT\r\n`,
        )
        .join('')}END:VCALENDAR\r\n`;
    case 'csv':
      return `race,number,name,party,votes\r\n${rows
        .map(
          (r) =>
            `เขต ${Math.floor(r.i / 10) + 1},${(r.i % 10) + 1},"ผู้สมัคร ${r.i + 1} ${pad}",` +
            `พรรค ${r.i % 7},${1000 + ((r.i * 7919) % 50000)}\r\n`,
        )
        .join('')}`;
  }
  throw new Error(`generate: unknown format ${format}`);
}
