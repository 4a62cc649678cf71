// HTTP on loopback for the presence server tests: plain requests and an event-stream reader.
import { Agent, request as httpRequest } from 'node:http';

const agent = new Agent({ keepAlive: true, maxSockets: 32 });

/**
 * @param {string} url
 * @param {{ method?: string, body?: string, headers?: Record<string, string>, fresh?: boolean }} [options]
 * `fresh`: a connection of its own (no keep-alive), for requests the server may close.
 * @returns {Promise<{ status: number, headers: import('node:http').IncomingHttpHeaders, body: string }>}
 */
export function request(url, { method = 'GET', body, headers = {}, fresh = false } = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { method, headers, agent: fresh ? false : agent }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** POSTs a heartbeat (or a leave) the way sendBeacon does. */
export function beat(url, id, { leave = false, headers = {} } = {}) {
  return request(url, {
    method: 'POST',
    body: JSON.stringify(leave ? { id, leave: true } : { id }),
    headers: { 'Content-Type': 'text/plain;charset=UTF-8', ...headers },
  });
}

/** The figures as JSON (throws on anything but 200). */
export async function figures(url) {
  const res = await request(url);
  if (res.status !== 200) throw new Error(`GET ${url}: ${res.status} ${res.body}`);
  return JSON.parse(res.body);
}

/** A tab id of the protocol's shape, different each call. */
let serial = 0;
export const newId = () => `tab-${process.pid}-${Date.now().toString(36)}-${serial++}`;

/**
 * Opens an event stream. `next(match)` resolves with the first message (parsed JSON) that
 * `match` accepts, including messages already received and not yet taken.
 */
export function openStream(url, headers = {}) {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      url,
      { headers: { Accept: 'text/event-stream', ...headers }, agent: false },
      (res) => {
        const messages = [];
        const waiting = new Set();
        let buffer = '';
        let ended = false;
        const deliver = () => {
          for (const waiter of waiting) {
            const index = messages.findIndex(waiter.match);
            if (index >= 0) {
              waiting.delete(waiter);
              waiter.resolve(messages.splice(0, index + 1).at(-1));
            } else if (ended) {
              waiting.delete(waiter);
              waiter.reject(new Error(`stream ended; received ${JSON.stringify(messages)}`));
            }
          }
        };
        res.setEncoding('utf8');
        res.on('data', (chunk) => {
          buffer += chunk;
          let end;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = block
              .split('\n')
              .filter((line) => line.startsWith('data: '))
              .map((line) => line.slice(6))
              .join('\n');
            if (data) messages.push(JSON.parse(data));
          }
          deliver();
        });
        res.on('close', () => {
          ended = true;
          deliver();
        });
        resolve({
          status: res.statusCode,
          headers: res.headers,
          get ended() {
            return ended;
          },
          received: messages,
          next(match = () => true, ms = 5000) {
            return new Promise((resolveNext, rejectNext) => {
              const waiter = { match, resolve: resolveNext, reject: rejectNext };
              const timer = setTimeout(() => {
                waiting.delete(waiter);
                rejectNext(
                  new Error(`no matching message in ${ms} ms: ${JSON.stringify(messages)}`),
                );
              }, ms);
              waiter.resolve = (value) => {
                clearTimeout(timer);
                resolveNext(value);
              };
              waiter.reject = (error) => {
                clearTimeout(timer);
                rejectNext(error);
              };
              waiting.add(waiter);
              deliver();
            });
          },
          /** Resolves when the server has ended the stream. */
          closed: () =>
            ended ? Promise.resolve() : new Promise((done) => res.once('close', done)),
          close: () => req.destroy(),
        });
      },
    );
    req.on('error', reject);
    req.end();
  });
}

/** Sends `count` requests made by `make(i)`, `concurrency` at a time; resolves to the statuses. */
export async function flood(count, concurrency, make) {
  const statuses = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const i = next++;
      statuses.push((await make(i)).status);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return statuses;
}
