// Fault routes of the loopback test server (used by web-test-runner's dev server).
//
//   /api/feed?file=rss.xml&type=application/rss+xml&charset=utf-8
//            &status=200&delay=0&retry-after=5&encode=windows-874&id=counter-key
//   /api/hits?id=counter-key      -> {"hits": n}
//
// `file` is read from test/fixtures/. `encode=windows-874` transcodes the fixture's Thai
// text into the single-byte Thai code page, as legacy government feeds are served.
import { readFile } from 'node:fs/promises';
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
  if (ctx.path !== '/api/feed') return next();
  if (q.id) hits.set(q.id, (hits.get(q.id) ?? 0) + 1);
  if (q.delay) await sleep(Number(q.delay));
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cache-Control', 'no-store');
  if (q['retry-after']) ctx.set('Retry-After', String(q['retry-after']));
  ctx.status = Number(q.status ?? 200);
  let body;
  if (q.file) {
    const file = path.join(fixtures, path.basename(String(q.file)));
    body = await readFile(file);
  } else {
    body = Buffer.from(String(q.body ?? ''));
  }
  if (q.encode === 'windows-874') body = encodeWindows874(body.toString('utf8'));
  const type = q.type ? String(q.type) : 'application/octet-stream';
  ctx.set('Content-Type', q.charset ? `${type}; charset=${q.charset}` : type);
  ctx.body = body;
}
