import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/online-counter/online-counter.js';
import type { EctOnlineCounter } from '../../src/online-counter/online-counter.js';
import { PING } from '../../src/online-counter/ping.js';
import { nextTask } from '../../src/feed/tasks.js';
import { hidePage, showPage } from '../helpers/page-activity.js';

/**
 * The presence heartbeat of `ping`: beacons counted through a stub of navigator.sendBeacon,
 * time through fake timers.
 */
describe('<ect-online-counter ping>: the presence heartbeat', () => {
  let clock: sinon.SinonFakeTimers;
  let beacon: sinon.SinonStub;
  const added: Element[] = [];

  const sent = () =>
    beacon.getCalls().map((call) => ({
      url: call.args[0] as string,
      body: JSON.parse(call.args[1] as string) as { id: string; leave?: boolean },
    }));

  async function counter(ping: string) {
    const el = document.createElement('ect-online-counter') as EctOnlineCounter;
    el.ping = ping;
    document.body.append(el);
    added.push(el);
    await el.updateComplete;
    await clock.tickAsync(0);
    await beats(1);
    return el;
  }

  /** The heartbeat code is loaded on use: waits (in real tasks) until `count` beats were sent. */
  async function beats(count: number) {
    for (let task = 0; task < 1000 && beacon.callCount < count; task++) {
      await nextTask();
      await clock.tickAsync(0);
    }
  }

  beforeEach(() => {
    sessionStorage.removeItem('ect-widgets:presence-id');
    beacon = sinon.stub(navigator, 'sendBeacon').returns(true);
    clock = sinon.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'],
    });
  });
  afterEach(() => {
    added.splice(0).forEach((el) => el.remove());
    clock.restore();
    sinon.restore();
    showPage();
  });

  it('beats at once and every 30 s while visible, with one random id per tab and no cookie', async () => {
    const cookies = document.cookie;
    await counter('/presence-a');
    expect(sent()).to.have.length(1);
    const [{ url, body }] = sent();
    expect(url).to.equal(new URL('/presence-a', location.href).href);
    expect(body.id).to.match(/^[0-9a-f-]{32,36}$/);
    expect(body.leave).to.be.undefined;
    expect(sessionStorage.getItem('ect-widgets:presence-id')).to.equal(body.id);

    await clock.tickAsync(PING.intervalMs - 1);
    expect(sent()).to.have.length(1);
    await clock.tickAsync(1);
    expect(sent()).to.have.length(2);
    await clock.tickAsync(PING.intervalMs);
    expect(sent()).to.have.length(3);
    expect(new Set(sent().map((beat) => beat.body.id)).size).to.equal(1);
    expect(document.cookie).to.equal(cookies);
  });

  it('says leave when the page is hidden, stays silent while hidden, and resumes when shown', async () => {
    await counter('/presence-b');
    expect(sent()).to.have.length(1);
    hidePage();
    expect(sent()).to.have.length(2);
    expect(sent()[1].body.leave).to.be.true;
    await clock.tickAsync(5 * PING.intervalMs);
    expect(sent()).to.have.length(2);
    showPage();
    await clock.tickAsync(0);
    expect(sent()).to.have.length(3);
    expect(sent()[2].body).to.deep.equal({ id: sent()[0].body.id });
    await clock.tickAsync(PING.intervalMs);
    expect(sent()).to.have.length(4);
  });

  it('beats once per URL for several counters, and stops when the last one leaves', async () => {
    const first = await counter('/presence-c');
    const second = await counter('/presence-c');
    expect(sent()).to.have.length(1);
    await clock.tickAsync(PING.intervalMs);
    expect(sent()).to.have.length(2);
    first.remove();
    await clock.tickAsync(PING.intervalMs);
    expect(sent()).to.have.length(3);
    second.remove();
    expect(sent().at(-1)!.body.leave).to.be.true;
    const count = sent().length;
    await clock.tickAsync(3 * PING.intervalMs);
    expect(sent()).to.have.length(count);
  });

  it('keeps the id across counters of the tab and pings nothing without an http(s) URL', async () => {
    const el = await counter('/presence-d');
    const id = sent()[0].body.id;
    el.ping = 'javascript:alert(1)';
    await el.updateComplete;
    await clock.tickAsync(0);
    // Switching away from the old URL says leave there; the bad URL gets nothing.
    expect(sent().map((beat) => [beat.url.split('/').pop(), beat.body.leave])).to.deep.equal([
      ['presence-d', undefined],
      ['presence-d', true],
    ]);
    await clock.tickAsync(2 * PING.intervalMs);
    expect(sent()).to.have.length(2);
    el.ping = '/presence-e';
    await el.updateComplete;
    await beats(3);
    expect(sent()[2]).to.deep.equal({
      url: new URL('/presence-e', location.href).href,
      body: { id },
    });
  });
});
