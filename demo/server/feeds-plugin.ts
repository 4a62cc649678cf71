/**
 * Serves the demo's sample feeds like a real CMS would, in `vite` (dev) and `vite preview`.
 *
 *   /feeds/<file>       a file from demo/feeds/, with its feed Content-Type and charset,
 *                       `Cache-Control: no-cache` and an ETag (304 on If-None-Match), its dates
 *                       moved by whole weeks to the present (see ./feed-files.ts).
 *   /feeds/slow.rss     announcements.rss after 3 s (`?delay=ms` to change it): loading state.
 *   /feeds/broken.rss   500: error state, retries with backoff.
 *   /feeds/html-page    an HTML error page answered with 200, as broken CMSs do.
 *   /api/presence       the presence protocol of <ect-online-counter> (docs/online-counter.md):
 *                       POST a heartbeat; GET the figures as JSON, or as Server-Sent Events with
 *                       `Accept: text/event-stream`. The package's presence server answers it
 *                       (server/, docs/presence-server.md), with its memory store.
 *
 * More endpoints are added as `DemoRoute`s to `demoRoutes` or passed in
 * `feedsPlugin({ routes })`. `vite build` writes the feed files, dates moved as on the day of the
 * build, to `feeds/` of the output; the fault routes and endpoints only exist on a server.
 *
 * procurement.rss is stored as windows-874 bytes, like the e-GP feeds it imitates; edit it with
 * `iconv -f WINDOWS-874 -t UTF-8` and back (only ASCII and Thai U+0E01..U+0E5B survive).
 */
import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { Connect, Plugin } from 'vite';
import { contentTypeOf, shiftFeedBytes } from './feed-files.js';
import { createPresenceHandler } from '../../server/index.js';
import { electionNightRoutes } from './election-night.js';

export interface DemoContext {
  /** Absolute folder of the sample feeds. */
  feedsDir: string;
  /** The request URL (path and query), relative to the server root. */
  url: URL;
}

export interface DemoRoute {
  /** Exact path (`/feeds/slow.rss`) or a pattern tested against the path. */
  path: string | RegExp;
  /** Methods answered; default GET and HEAD, others get 405. */
  methods?: readonly string[];
  handle(req: IncomingMessage, res: ServerResponse, ctx: DemoContext): void | Promise<void>;
}

/** The feed's dates moved to the present, as a Buffer for Node's response. */
function shiftFeed(body: Buffer, now = new Date()): Buffer {
  const bytes = shiftFeedBytes(body, now);
  return bytes === body ? body : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function etagOf(body: Buffer): string {
  return `"${createHash('sha1').update(body).digest('base64url').slice(0, 22)}"`;
}

/** Weak comparison, as RFC 9110 asks for If-None-Match. */
function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}

/** Answers with a body, or 304 when the client's cached copy is current. */
export function sendCached(
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  contentType: string,
): void {
  const etag = etagOf(body);
  res.setHeader('Cache-Control', 'no-cache');
  res.setHeader('ETag', etag);
  res.setHeader('Vary', 'Accept-Encoding');
  if (matchesEtag(req.headers['if-none-match'], etag)) {
    res.statusCode = 304;
    res.end();
    return;
  }
  res.statusCode = 200;
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Length', body.length);
  res.end(req.method === 'HEAD' ? undefined : body);
}

/** Reads and serves one sample feed; 404 for anything that is not a plain file name in the folder. */
export async function serveFeedFile(
  req: IncomingMessage,
  res: ServerResponse,
  feedsDir: string,
  fileName: string,
): Promise<void> {
  let body: Buffer | undefined;
  const type = contentTypeOf(fileName, Buffer.alloc(0));
  if (type && fileName === path.basename(fileName) && !fileName.startsWith('.')) {
    body = await readFile(path.join(feedsDir, fileName)).catch(() => undefined);
  }
  if (!body) {
    res.statusCode = 404;
    res.setHeader('Content-Type', 'text/plain; charset=utf-8');
    res.end(`No feed ${fileName}\n`);
    return;
  }
  sendCached(req, res, shiftFeed(body), contentTypeOf(fileName, body)!);
}

const ERROR_PAGE = `<!DOCTYPE html>
<html lang="th">
<head><meta charset="utf-8"><title>ระบบขัดข้องชั่วคราว</title></head>
<body>
<h1>ขออภัย ระบบขัดข้องชั่วคราว</h1>
<p>ไม่สามารถแสดงข้อมูลได้ในขณะนี้ กรุณาลองใหม่อีกครั้งภายหลัง</p>
<p><a href="https://www.ect.go.th/chiangrai/">กลับหน้าหลัก</a></p>
</body>
</html>
`;

// The old counter of the office site counted 7,694,178 visits; the demo carries on from there.
// Today's and this month's visits show once the server has counted a whole day or month.
const presence = createPresenceHandler({ baseTotal: 7_694_178, origins: '*' });

/** The presence endpoint: heartbeats in, figures out as JSON or as an event stream. */
export const presenceRoute: DemoRoute = {
  path: '/api/presence',
  methods: ['GET', 'HEAD', 'POST', 'OPTIONS'],
  handle: (req, res) => presence(req, res),
};

/** The demo's fault routes and endpoints; later issues append theirs here. */
export const demoRoutes: DemoRoute[] = [
  {
    path: '/feeds/slow.rss',
    handle(req, res, { feedsDir, url }) {
      const delay = Math.min(Number(url.searchParams.get('delay') ?? 3000) || 0, 60_000);
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          serveFeedFile(req, res, feedsDir, 'announcements.rss').then(resolve, resolve);
        }, delay);
        // A reader that gave up (aborted fetch, closed tab) needs no answer.
        res.on('close', () => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
  },
  {
    path: '/feeds/broken.rss',
    handle(_req, res) {
      res.statusCode = 500;
      res.setHeader('Content-Type', 'text/plain; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end('Internal Server Error\n');
    },
  },
  {
    path: '/feeds/html-page',
    handle(_req, res) {
      res.statusCode = 200;
      res.setHeader('Content-Type', 'text/html; charset=utf-8');
      res.setHeader('Cache-Control', 'no-store');
      res.end(ERROR_PAGE);
    },
  },
  presenceRoute,
];

function matches(route: DemoRoute, pathname: string): boolean {
  return typeof route.path === 'string' ? route.path === pathname : route.path.test(pathname);
}

// Election night (issue 13): the ECT report files replayed for demo/election-night.html.
demoRoutes.push(...electionNightRoutes);

/** Connect middleware: the routes first, then any file under /feeds/. */
export function demoMiddleware(
  feedsDir: string,
  routes: DemoRoute[] = demoRoutes,
): Connect.NextHandleFunction {
  return (req, res, next) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    let pathname: string;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      next();
      return;
    }
    const route = routes.find((r) => matches(r, pathname));
    if (!route && !pathname.startsWith('/feeds/')) {
      next();
      return;
    }
    // Partner sites on other origins may embed the demo feeds too.
    res.setHeader('Access-Control-Allow-Origin', '*');
    res.setHeader('Access-Control-Expose-Headers', 'ETag, Retry-After');
    const methods = route?.methods ?? ['GET', 'HEAD'];
    if (!methods.includes(req.method ?? 'GET')) {
      res.statusCode = 405;
      res.setHeader('Allow', methods.join(', '));
      res.end();
      return;
    }
    const done = route
      ? route.handle(req, res, { feedsDir, url })
      : serveFeedFile(req, res, feedsDir, pathname.slice('/feeds/'.length));
    Promise.resolve(done).catch(next);
  };
}

export interface FeedsPluginOptions {
  /** Folder of the sample feeds; default `feeds/` under Vite's root. */
  dir?: string;
  /** Routes answered before the files; default `demoRoutes`. */
  routes?: DemoRoute[];
}

export function feedsPlugin(options: FeedsPluginOptions = {}): Plugin {
  let feedsDir = '';
  return {
    name: 'ect-demo-feeds',
    configResolved(config) {
      feedsDir = path.resolve(config.root, options.dir ?? 'feeds');
    },
    configureServer(server) {
      server.middlewares.use(demoMiddleware(feedsDir, options.routes));
    },
    configurePreviewServer(server) {
      server.middlewares.use(demoMiddleware(feedsDir, options.routes));
    },
    async generateBundle() {
      const now = new Date();
      for (const name of await readdir(feedsDir)) {
        const body = await readFile(path.join(feedsDir, name));
        if (!contentTypeOf(name, body)) continue;
        this.emitFile({
          type: 'asset',
          fileName: `feeds/${name}`,
          source: shiftFeed(body, now),
        });
      }
    },
  };
}
