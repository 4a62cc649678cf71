import { expect } from '@open-wc/testing';
import type { Subscription } from 'rxjs';
import { clearFeedCache } from '../../src/feed/cache.js';
import type { FeedSnapshot } from '../../src/feed/stream.js';
import {
  SSE_TIMEOUT,
  activeStreamCount,
  live$,
  sse$,
  type SseMessage,
} from '../../src/feed/sse.js';
import { FeedError } from '../../src/feed/types.js';
import { hidePage, showPage } from '../helpers/page-activity.js';

/**
 * Against the SSE routes of the test server (test/server/sse-routes.js): one URL streams to an
 * EventSource and answers a polling fetch with `body`.
 */
let unique = 0;
function sseUrl(params: Record<string, unknown>): { url: string; id: string } {
  const id = `sse-${Date.now()}-${unique++}`;
  const query = new URLSearchParams({ id });
  for (const [key, value] of Object.entries(params)) {
    query.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  }
  return { url: `${location.origin}/api/sse?${query}`, id };
}

async function stats(id: string): Promise<{ connections: number; open: number }> {
  return (await fetch(`/api/sse-stats?id=${id}`)).json();
}

async function waitFor(predicate: () => boolean | Promise<boolean>, timeout = 4000) {
  const start = performance.now();
  while (!(await predicate())) {
    if (performance.now() - start > timeout) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const saved = { ...SSE_TIMEOUT };

describe('sse$ and live$: Server-Sent Events as a feed', () => {
  let subs: Subscription[] = [];
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    subs.forEach((sub) => sub.unsubscribe());
    subs = [];
    Object.assign(SSE_TIMEOUT, saved);
    showPage();
  });

  function listen(url: string) {
    const messages: SseMessage[] = [];
    const failure: { error?: unknown } = {};
    subs.push(
      sse$({ url }).subscribe({
        next: (m) => messages.push(m),
        error: (e) => (failure.error = e),
      }),
    );
    return { messages, failure };
  }

  function watch(url: string, refresh = 30) {
    const snapshots: FeedSnapshot[] = [];
    subs.push(live$({ url, refresh }).subscribe((s) => snapshots.push(s)));
    return snapshots;
  }

  it('parses each message (a number or JSON) in order; a bad one is an error value', async () => {
    const { url } = sseUrl({ events: [13, { online: 14, today: 245 }, 'not a number', 15] });
    const { messages, failure } = listen(url);
    await waitFor(() => messages.length === 4);
    expect(messages[0]).to.deep.equal({ kind: 'counter', online: 13 });
    expect(messages[1]).to.deep.equal({ kind: 'counter', online: 14, today: 245 });
    expect(messages[2]).to.be.instanceOf(FeedError);
    expect(messages[3]).to.deep.equal({ kind: 'counter', online: 15 });
    expect(failure.error).to.be.undefined;
  });

  it('opens one stream per URL for the page and closes it when the last listener leaves', async () => {
    const { url, id } = sseUrl({ events: [7] });
    const first = listen(url);
    await waitFor(() => first.messages.length === 1);
    const second = listen(url);
    // A late listener gets the last message at once, from the same stream.
    expect(second.messages).to.deep.equal([{ kind: 'counter', online: 7 }]);
    expect(activeStreamCount()).to.be.greaterThan(0);
    expect(await stats(id)).to.deep.equal({ connections: 1, open: 1 });
    subs.forEach((sub) => sub.unsubscribe());
    await waitFor(async () => (await stats(id)).open === 0);
    expect((await stats(id)).connections).to.equal(1);
  });

  it('closes the stream while the page is hidden and reopens it when it returns', async () => {
    const { url, id } = sseUrl({ events: [3] });
    const { messages } = listen(url);
    await waitFor(() => messages.length === 1);
    hidePage();
    await waitFor(async () => (await stats(id)).open === 0);
    showPage();
    await waitFor(() => messages.length === 2);
    expect(await stats(id)).to.deep.equal({ connections: 2, open: 1 });
  });

  it('fails when the server refuses the stream', async () => {
    const { url } = sseUrl({ status: 503 });
    const { failure } = listen(url);
    await waitFor(() => failure.error !== undefined);
    expect(failure.error).to.be.instanceOf(FeedError);
    expect((failure.error as FeedError).message).to.contain('refused');
    expect((failure.error as FeedError).details.code).to.equal('network');
  });

  it('fails when the answer is not an event stream', async () => {
    const { url } = sseUrl({ type: 'application/json', events: [1] });
    const { failure } = listen(url);
    await waitFor(() => failure.error !== undefined);
    expect(failure.error).to.be.instanceOf(FeedError);
  });

  it('fails when no message arrives in time', async () => {
    SSE_TIMEOUT.firstMs = 300;
    const { url, id } = sseUrl({ silent: 1 });
    const { failure } = listen(url);
    await waitFor(async () => (await stats(id)).open === 1);
    expect(failure.error).to.be.undefined;
    await waitFor(() => failure.error !== undefined);
    expect((failure.error as FeedError).message).to.contain('sent nothing');
    expect((failure.error as FeedError).details.code).to.equal('timeout');
    await waitFor(async () => (await stats(id)).open === 0);
  });

  it('live$: loading, then each streamed figure; a bad message marks the last one stale', async () => {
    const { url } = sseUrl({ events: [13, 14, '{"oops"'], every: 80 });
    const snapshots = watch(url);
    expect(snapshots[0].status).to.equal('loading');
    await waitFor(() => snapshots.some((s) => s.status === 'stale'));
    const figures = snapshots.filter((s) => s.status === 'ready').map((s) => s.data);
    expect(figures).to.deep.equal([
      { kind: 'counter', online: 13 },
      { kind: 'counter', online: 14 },
    ]);
    const stale = snapshots.at(-1)!;
    expect(stale.data).to.deep.equal({ kind: 'counter', online: 14 });
    expect(stale.error).to.be.instanceOf(FeedError);
  });

  it('live$: a refused stream falls back to polling the same URL', async () => {
    const { url } = sseUrl({ status: 503, body: { online: 9, total: 120 } });
    const snapshots = watch(url);
    await waitFor(() => snapshots.some((s) => s.status === 'ready'));
    const ready = snapshots.find((s) => s.status === 'ready')!;
    expect(ready.data).to.deep.equal({ kind: 'counter', online: 9, total: 120 });
    expect(ready.source).to.equal('network');
  });

  it('live$: a stream gone silent hands over to polling; a failed poll keeps the figure, stale', async () => {
    SSE_TIMEOUT.silenceMs = 300;
    const { url } = sseUrl({ events: [21], 'body-status': 500 });
    const snapshots = watch(url);
    await waitFor(() => snapshots.some((s) => s.status === 'ready'));
    await waitFor(() => snapshots.at(-1)!.status === 'stale');
    const last = snapshots.at(-1)!;
    expect(last.data).to.deep.equal({ kind: 'counter', online: 21 });
    expect(last.error?.message).to.contain('HTTP 500');
    expect(
      snapshots.some((s) => s.status === 'loading' && s.data === undefined && s !== snapshots[0]),
    ).to.be.false;
  });
});
