// The presence server of the package (server/) on the loopback test server, so the element's
// tests run against the real thing. Each name gets a server of its own, made on first use:
//
//   /api/presence/<name>              heartbeats (POST) and figures (GET, JSON or event stream)
//   /api/presence/<name>?total=N      starts `total` at N
//   /api/presence/<name>?streams=N    takes at most N event streams (then 503)
//
// Names are per test (a time stamp in them), so tests and browsers never share counts.
import { createPresenceHandler } from '../../server/index.js';

const handlers = new Map();

export async function presenceRoutes(ctx, next) {
  const name = /^\/api\/presence\/([\w-]+)$/.exec(ctx.path)?.[1];
  if (!name) return next();
  let handler = handlers.get(name);
  if (!handler) {
    handler = createPresenceHandler({
      baseTotal: Number(ctx.query.total ?? 0),
      maxStreams: ctx.query.streams === undefined ? undefined : Number(ctx.query.streams),
    });
    handlers.set(name, handler);
  }
  // The handler writes the response itself.
  ctx.respond = false;
  await handler(ctx.req, ctx.res);
  if (!ctx.res.writableEnded) await new Promise((resolve) => ctx.res.once('close', resolve));
}
