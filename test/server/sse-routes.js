// Server-Sent Events routes of the loopback test server, for live feeds (the presence protocol).
// One URL answers both transports, as a presence endpoint does: an EventSource (Accept:
// text/event-stream) gets the stream, any other GET gets `body` as JSON.
//
//   /api/sse?events=[13,14]&every=50       the stream: each value of `events` as one message
//            &status=503                   the stream is refused with this status instead
//            &type=application/json        the stream is answered with this Content-Type
//            &silent=1                     the stream opens and never writes a message
//            &body={"online":9}            the answer to a polling fetch
//            &body-status=500              the polling fetch fails with this status
//            &id=key                       counts stream connections under `key`
//   /api/sse-stats?id=key                  -> {"connections": n, "open": n}
//
// Streams stay open after their last event until the client closes them.
const stats = new Map();

function statsOf(id) {
  if (!stats.has(id)) stats.set(id, { connections: 0, open: 0 });
  return stats.get(id);
}

export async function sseRoutes(ctx, next) {
  if (ctx.path === '/api/sse-stats') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(statsOf(String(ctx.query.id ?? '')));
    return;
  }
  if (ctx.path !== '/api/sse') return next();
  const q = ctx.query;
  ctx.set('Access-Control-Allow-Origin', '*');
  ctx.set('Cache-Control', 'no-store');
  if (!String(ctx.get('Accept')).includes('text/event-stream')) {
    ctx.status = Number(q['body-status'] ?? 200);
    ctx.type = 'application/json';
    ctx.body = String(q.body ?? '');
    return;
  }
  const counted = q.id ? statsOf(String(q.id)) : { connections: 0, open: 0 };
  counted.connections++;
  if (q.status) {
    ctx.status = Number(q.status);
    ctx.body = 'refused';
    return;
  }
  // Write to the socket directly: Koa would otherwise wait for a body to finish.
  ctx.respond = false;
  const res = ctx.res;
  res.writeHead(200, {
    'Content-Type': q.type ? String(q.type) : 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    'Access-Control-Allow-Origin': '*',
  });
  res.write(': open\n\n');
  counted.open++;
  const events = q.silent ? [] : JSON.parse(String(q.events ?? '[]'));
  const every = Number(q.every ?? 50);
  const timers = events.map((value, i) =>
    setTimeout(
      () => res.write(`data: ${typeof value === 'string' ? value : JSON.stringify(value)}\n\n`),
      i * every,
    ),
  );
  await new Promise((resolve) => res.on('close', resolve));
  timers.forEach(clearTimeout);
  counted.open--;
}
