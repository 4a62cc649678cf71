import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { fetchFeed, parseRetryAfter, proxiedUrl, setFeedFetch } from '../../src/feed/fetch.js';
import { FeedError } from '../../src/feed/types.js';
import { setOnline } from '../helpers/page-activity.js';

const bytesOf = (text: string) => new TextEncoder().encode(text);

describe('fetchFeed', () => {
  afterEach(() => {
    setFeedFetch();
    sinon.restore();
  });

  it('asks without cookies and revalidates through the HTTP cache', async () => {
    let seen: RequestInit | undefined;
    setFeedFetch(async (_url, init) => {
      seen = init;
      return new Response('{"online":1}', { headers: { 'Content-Type': 'application/json' } });
    });
    const fetched = await fetchFeed('https://example.org/feed.json');
    expect(seen).to.include({ credentials: 'omit', cache: 'no-cache' });
    expect(seen?.signal).to.be.instanceOf(AbortSignal);
    expect(fetched.contentType).to.equal('application/json');
    expect([...fetched.bytes]).to.deep.equal([...bytesOf('{"online":1}')]);
  });

  it('reads a real feed from the loopback server, with its charset', async () => {
    const fetched = await fetchFeed(
      new URL('/api/feed?body=abc&type=text/plain&charset=windows-874', location.href).href,
    );
    expect(fetched.contentType).to.equal('text/plain; charset=windows-874');
    expect(new TextDecoder().decode(fetched.bytes)).to.equal('abc');
  });

  it('sends the request through the proxy template, keeping the feed URL for links', async () => {
    const requested: string[] = [];
    setFeedFetch(async (url) => {
      requested.push(url);
      return new Response('x');
    });
    const fetched = await fetchFeed('https://ect.example/feed?a=1&b=ไทย', {
      proxy: '/proxy?url={url}',
    });
    expect(requested).to.deep.equal([
      `/proxy?url=${encodeURIComponent('https://ect.example/feed?a=1&b=ไทย')}`,
    ]);
    expect(fetched.url).to.equal('https://ect.example/feed?a=1&b=ไทย');
  });

  it('turns HTTP errors into FeedErrors with the status and Retry-After', async () => {
    setFeedFetch(
      async () => new Response('busy', { status: 503, headers: { 'Retry-After': '120' } }),
    );
    const error = await fetchFeed('https://example.org/f').catch((e: unknown) => e);
    expect(error).to.be.instanceOf(FeedError);
    expect((error as FeedError).message).to.equal('The feed server answered HTTP 503');
    expect((error as FeedError).details).to.include({ code: 'http', status: 503, retryAfter: 120 });
  });

  it('gives up after the timeout with a message that says so', async () => {
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    setFeedFetch(
      (_url, init) =>
        new Promise((_, reject) =>
          init.signal!.addEventListener('abort', () => reject(new DOMException('', 'AbortError'))),
        ),
    );
    const pending = fetchFeed('https://example.org/slow', { timeout: 5000 }).catch((e) => e);
    await clock.tickAsync(5000);
    const error = await pending;
    clock.restore();
    expect((error as FeedError).message).to.equal('The feed did not answer within 5 s');
    expect((error as FeedError).details).to.include({ code: 'timeout', seconds: 5 });
  });

  it('explains a network failure (offline, CORS)', async () => {
    setFeedFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    const error = (await fetchFeed('https://example.org/f').catch((e) => e)) as FeedError;
    expect(error.message).to.contain('proxy attribute');
    expect(error.details.code).to.equal('network');
  });

  it('says so when the device is offline', async () => {
    setFeedFetch(async () => {
      throw new TypeError('Failed to fetch');
    });
    setOnline(false);
    try {
      const error = (await fetchFeed('https://example.org/f').catch((e) => e)) as FeedError;
      expect(error.message).to.equal('Could not reach the feed: the device is offline');
      expect(error.details.code).to.equal('offline');
    } finally {
      setOnline(true);
    }
  });

  it('refuses a feed larger than the limit', async () => {
    setFeedFetch(async () => new Response('x'.repeat(2000)));
    const error = (await fetchFeed('https://example.org/f', { maxBytes: 1000 }).catch(
      (e) => e,
    )) as FeedError;
    expect(error).to.be.instanceOf(FeedError);
    expect(error.message).to.contain('larger than');
    expect(error.details).to.include({ code: 'too-large', megabytes: 0 });
  });

  it('parses Retry-After as seconds or an HTTP date, clamped to an hour', () => {
    const now = Date.parse('2022-06-16T00:00:00Z');
    expect(parseRetryAfter('30', now)).to.equal(30);
    expect(parseRetryAfter('Thu, 16 Jun 2022 00:02:00 GMT', now)).to.equal(120);
    expect(parseRetryAfter('Wed, 15 Jun 2022 00:00:00 GMT', now)).to.equal(0);
    expect(parseRetryAfter('86400', now)).to.equal(3600);
    expect(parseRetryAfter('soon', now)).to.be.undefined;
    expect(parseRetryAfter(null, now)).to.be.undefined;
  });

  it('fills or appends the proxy template', () => {
    expect(proxiedUrl('https://a.example/x?y=1', 'https://p.example/?u={url}')).to.equal(
      'https://p.example/?u=https%3A%2F%2Fa.example%2Fx%3Fy%3D1',
    );
    expect(proxiedUrl('https://a.example/', 'https://p.example/raw/')).to.equal(
      'https://p.example/raw/https%3A%2F%2Fa.example%2F',
    );
    expect(proxiedUrl('https://a.example/', null)).to.equal('https://a.example/');
  });
});
