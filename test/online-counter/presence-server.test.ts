import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/online-counter/online-counter.js';
import type { EctOnlineCounter } from '../../src/online-counter/online-counter.js';
import { clearFeedCache } from '../../src/feed/cache.js';
import { one, text, ready as settled } from '../helpers/dom.js';

/**
 * The element against the package's presence server (server/, mounted by the test server at
 * /api/presence/<name> in test/server/presence-routes.js): its own heartbeat, streamed figures,
 * leave, and polling when the server takes no more streams.
 */
let unique = 0;
const endpoint = (query = '') =>
  `/api/presence/counter-${Date.now()}-${unique++}${query ? `?${query}` : ''}`;

const sentence = (el: Element) => text(one(el, '[part~="online"]'));
const thai = (n: number) => `ขณะนี้มีผู้ Online อยู่ ${n} คน`;

async function figures(url: string) {
  const response = await fetch(url, { cache: 'no-store' });
  expect(response.status).to.equal(200);
  return response.json();
}

describe('<ect-online-counter> with the presence server', () => {
  beforeEach(() => clearFeedCache());

  it('shows its own heartbeat live, and drops it when the element leaves', async () => {
    const url = endpoint('total=7694178');
    const el = await fixture<EctOnlineCounter>(
      html`<ect-online-counter live src=${url} ping=${url}></ect-online-counter>`,
    );
    await waitUntil(() => sentence(el).startsWith(thai(1)), 'never showed 1 online', {
      timeout: 5000,
    });
    expect(el.getAttribute('state')).to.equal('ready');
    expect(await figures(url)).to.deep.equal({ online: 1, total: 7694179 });
    el.remove();
    await waitUntil(async () => (await figures(url)).online === 0, 'the tab never left', {
      timeout: 5000,
    });
  });

  it('polls the figures when the server takes no more event streams', async () => {
    const url = endpoint('streams=0&total=42');
    const response = await fetch(url, { headers: { Accept: 'text/event-stream' } });
    expect(response.status).to.equal(503);
    const el = await settled(
      await fixture<EctOnlineCounter>(
        html`<ect-online-counter live src=${url} refresh="5"></ect-online-counter>`,
      ),
    );
    expect(sentence(el)).to.equal(thai(0));
    expect(text(one(el, '[part~="stats"]'))).to.contain('42');
  });
});
