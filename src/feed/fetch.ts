/**
 * Fetching a feed: timeouts, a size cap, proxy URLs and `Retry-After`; the body is read in
 * tasks (tasks.ts) so a big feed does not block the page.
 */
import { SLICE } from './limits.js';
import { nextTask } from './tasks.js';
import { FeedError } from './types.js';

/** The `fetch` signature the feed layer needs; tests and stories swap in a route table. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

let fetchImpl: FetchLike | undefined;

/**
 * Replaces the function the feed layer fetches with (a route table of `Response`s in tests
 * and stories). Call without an argument to restore the browser's `fetch`.
 */
export function setFeedFetch(impl?: FetchLike): void {
  fetchImpl = impl;
}

export interface FetchOptions {
  signal?: AbortSignal;
  /** Milliseconds before the request is abandoned. */
  timeout?: number;
  /** URL template with `{url}`, for feeds served without CORS headers. */
  proxy?: string | null;
  /** Larger bodies are refused rather than parsed. */
  maxBytes?: number;
}

export interface FetchedFeed {
  bytes: Uint8Array;
  contentType: string | null;
  /** The URL the body came from (after redirects); links in the feed resolve against it. */
  url: string;
}

export const DEFAULT_TIMEOUT = 20_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

/** `{url}` in the template becomes the encoded feed URL; a template without it gets it appended. */
export function proxiedUrl(url: string, proxy?: string | null): string {
  if (!proxy) return url;
  const encoded = encodeURIComponent(url);
  return proxy.includes('{url}') ? proxy.split('{url}').join(encoded) : proxy + encoded;
}

/** `Retry-After` as seconds (delta or HTTP date), clamped to one hour; undefined when absent. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  let seconds: number;
  if (/^\d+$/.test(trimmed)) seconds = Number(trimmed);
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return undefined;
    seconds = Math.ceil((at - now) / 1000);
  }
  return Math.min(Math.max(seconds, 0), 3600);
}

/**
 * One request for a feed: no cookies, revalidated through the HTTP cache (ETag /
 * Last-Modified), abortable, with a timeout. Failures are `FeedError`s that say what went
 * wrong in words a webmaster can act on.
 */
export async function fetchFeed(url: string, options: FetchOptions = {}): Promise<FetchedFeed> {
  const { signal, timeout = DEFAULT_TIMEOUT, proxy, maxBytes = DEFAULT_MAX_BYTES } = options;
  const controller = new AbortController();
  const abort = () => controller.abort(signal?.reason);
  if (signal?.aborted) abort();
  signal?.addEventListener('abort', abort);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeout);
  const requestUrl = proxiedUrl(url, proxy);
  try {
    let response: Response;
    try {
      response = await (fetchImpl ?? ((u, i) => fetch(u, i)))(requestUrl, {
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-cache',
        redirect: 'follow',
      });
    } catch (cause) {
      if (timedOut) {
        const seconds = Math.round(timeout / 1000);
        throw new FeedError(`The feed did not answer within ${seconds} s`, {
          code: 'timeout',
          seconds,
          url,
          cause,
        });
      }
      if (signal?.aborted) throw cause;
      if (globalThis.navigator?.onLine === false) {
        throw new FeedError('Could not reach the feed: the device is offline', {
          code: 'offline',
          url,
          cause,
        });
      }
      throw new FeedError(
        'Could not reach the feed (offline, blocked, or the server does not allow cross-origin requests: see the proxy attribute)',
        { code: 'network', url, cause },
      );
    }
    if (!response.ok) {
      throw new FeedError(`The feed server answered HTTP ${response.status}`, {
        code: 'http',
        url,
        status: response.status,
        retryAfter: parseRetryAfter(response.headers.get('Retry-After')),
      });
    }
    const length = Number(response.headers.get('Content-Length'));
    if (length > maxBytes) throw tooLarge(url, maxBytes);
    const bytes = await readBody(response, maxBytes, url);
    return {
      bytes,
      contentType: response.headers.get('Content-Type'),
      url: proxy ? url : response.url || url,
    };
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
  }
}

/**
 * The body, read as it arrives: a body without a Content-Length is cut off (the request
 * aborted) once past `maxBytes` instead of read whole, and no one task copies all of it.
 */
async function readBody(response: Response, maxBytes: number, url: string): Promise<Uint8Array> {
  if (!response.body) return new Uint8Array(await response.arrayBuffer());
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let length = 0;
  for (let read = await reader.read(); !read.done; read = await reader.read()) {
    length += read.value.byteLength;
    if (length > maxBytes) {
      void reader.cancel();
      throw tooLarge(url, maxBytes);
    }
    chunks.push(read.value);
  }
  if (chunks.length === 1) return chunks[0];
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const chunk of chunks) {
    // Copying megabytes takes a while too: a slice per task.
    if (Math.floor((offset + chunk.byteLength) / SLICE) > Math.floor(offset / SLICE)) {
      await nextTask();
    }
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

function tooLarge(url: string, maxBytes: number) {
  const megabytes = Math.round(maxBytes / 1048576);
  return new FeedError(`The feed is larger than ${megabytes} MB`, {
    code: 'too-large',
    megabytes,
    url,
  });
}
