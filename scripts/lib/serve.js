import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.xml': 'application/xml; charset=utf-8',
  '.rss': 'application/rss+xml; charset=utf-8',
  '.ics': 'text/calendar; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * A static file server on 127.0.0.1 (a free port) for `root`, served under the URL path `mount`,
 * plus fixed responses in `files` (`{ '/feed.rss': { type, body } }`, which win over the
 * directory). Every request path is recorded in `requests`, in order. `delay`: milliseconds
 * each answer waits, as a round trip to a distant server would. `headers`: added to every
 * answer (e.g. CORS headers).
 * @param {{ root?: string, mount?: string, delay?: number, headers?: Record<string, string>,
 *   files?: Record<string, { type: string, body: string | Buffer }> }} options
 */
export async function serve({
  root,
  mount = '/',
  files = {},
  delay = 0,
  headers: extra = {},
} = {}) {
  const requests = [];
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    requests.push(path);
    if (delay > 0) setTimeout(() => answer(path, res), delay);
    else answer(path, res);
  });
  const answer = (path, res) => {
    const headers = { 'cache-control': 'no-store', ...extra };
    const fixed = files[path];
    if (fixed) {
      res.writeHead(200, { ...headers, 'content-type': fixed.type });
      res.end(fixed.body);
      return;
    }
    const file =
      root && path.startsWith(mount) && resolveFile(root, `/${path.slice(mount.length)}`);
    // Browsers ask for it on their own; a 404 would show as a console error.
    if (!file && path === '/favicon.ico') {
      res.writeHead(204, headers);
      res.end();
      return;
    }
    if (!file) {
      res.writeHead(404, { ...headers, 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const type = TYPES[extname(file)] ?? 'application/octet-stream';
    res.writeHead(200, { ...headers, 'content-type': type });
    createReadStream(file).pipe(res);
  };
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((done) => {
        server.close(done);
        server.closeAllConnections();
      }),
  };
}

/** The file under `root` for a URL path (index.html for folders); never outside `root`. */
function resolveFile(root, path) {
  const file = normalize(join(root, path));
  if (file !== root && !file.startsWith(root.endsWith(sep) ? root : root + sep)) return undefined;
  try {
    const stat = statSync(file);
    if (stat.isFile()) return file;
    if (stat.isDirectory()) return resolveFile(root, join(path, 'index.html'));
  } catch {
    return undefined;
  }
  return undefined;
}
