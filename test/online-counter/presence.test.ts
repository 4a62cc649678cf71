import { expect } from '@open-wc/testing';
import {
  MAX_TABS,
  PRESENCE_WINDOW_MS,
  Presence,
  PresenceStream,
  STREAM_REPEAT_MS,
  eventMessage,
  parseBeat,
} from '../../demo/server/presence.js';

/** The demo server's presence logic (demo/server/presence.ts), with the clock passed in. */
const at = (iso: string) => Date.parse(iso);
const tab = (n: number) => ({ id: `tab-${String(n).padStart(8, '0')}`, leave: false });
const SECOND = 1000;

describe('demo presence counter', () => {
  it('counts a tab for 60 s after its last heartbeat, then lets it expire', () => {
    const presence = new Presence();
    const start = at('2026-11-26T10:00:00+07:00');
    expect(presence.counts(start).online).to.equal(0);
    presence.beat(tab(1), start);
    presence.beat(tab(2), start + 10 * SECOND);
    expect(presence.counts(start + 10 * SECOND).online).to.equal(2);
    // Heartbeats every 30 s keep a tab in.
    presence.beat(tab(1), start + 30 * SECOND);
    expect(presence.counts(start + 69 * SECOND).online).to.equal(2);
    expect(presence.counts(start + 70 * SECOND).online).to.equal(1);
    expect(presence.counts(start + 30 * SECOND + PRESENCE_WINDOW_MS).online).to.equal(0);
  });

  it('drops a tab at once when it says leave, and counts it again when it returns', () => {
    const presence = new Presence();
    const start = at('2026-11-26T10:00:00+07:00');
    presence.beat(tab(1), start);
    presence.beat(tab(2), start);
    presence.beat({ ...tab(1), leave: true }, start + SECOND);
    expect(presence.counts(start + SECOND)).to.include({ online: 1, today: 2 });
    presence.beat(tab(1), start + 2 * SECOND);
    expect(presence.counts(start + 2 * SECOND)).to.include({ online: 2, today: 2 });
  });

  it('counts visits today, this month and in total, by the Bangkok calendar', () => {
    const presence = new Presence(1000);
    const morning = at('2026-11-26T09:00:00+07:00');
    presence.beat(tab(1), morning);
    presence.beat(tab(1), morning + 30 * SECOND);
    presence.beat(tab(2), morning + 60 * SECOND);
    expect(presence.counts(morning + 60 * SECOND)).to.deep.equal({
      online: 2,
      today: 2,
      month: 2,
      total: 1002,
    });
    // 23:59 in Bangkok is 16:59 UTC: still today. 00:00 is a new day, in the same month.
    presence.beat(tab(3), at('2026-11-26T23:59:30+07:00'));
    expect(presence.counts(at('2026-11-26T23:59:30+07:00'))).to.include({ today: 3, month: 3 });
    presence.beat(tab(1), at('2026-11-27T00:00:10+07:00'));
    expect(presence.counts(at('2026-11-27T00:00:10+07:00'))).to.deep.equal({
      online: 2,
      today: 1,
      month: 4,
      total: 1004,
    });
    // A new month starts the month over; the total carries on.
    presence.beat(tab(4), at('2026-12-01T08:00:00+07:00'));
    expect(presence.counts(at('2026-12-01T08:00:00+07:00'))).to.deep.equal({
      online: 1,
      today: 1,
      month: 1,
      total: 1005,
    });
  });

  it('accepts only heartbeats with a plausible id', () => {
    expect(parseBeat('{"id":"3f1c0a52-9b7e-4c1d-8a2b-5e6f7a8b9c0d"}')).to.deep.equal({
      id: '3f1c0a52-9b7e-4c1d-8a2b-5e6f7a8b9c0d',
      leave: false,
    });
    expect(parseBeat('{"id":"abcdef0123456789","leave":true}')).to.deep.equal({
      id: 'abcdef0123456789',
      leave: true,
    });
    for (const body of [
      '',
      'null',
      '42',
      '{"id":7}',
      '{"id":"short"}',
      '{"id":"a b c d e f g h"}',
    ]) {
      expect(parseBeat(body), body).to.be.undefined;
    }
    expect(parseBeat(JSON.stringify({ id: 'x'.repeat(65) }))).to.be.undefined;
  });

  it('stops counting new tabs at MAX_TABS instead of growing without bound', function () {
    // A hundred thousand heartbeats: seconds on a busy machine.
    this.timeout(60_000);
    const presence = new Presence();
    const now = at('2026-11-26T10:00:00+07:00');
    for (let i = 0; i < MAX_TABS + 10; i++) presence.beat(tab(i), now);
    expect(presence.counts(now)).to.include({ online: MAX_TABS, today: MAX_TABS });
    // Known tabs still beat.
    presence.beat(tab(0), now + 30 * SECOND);
    expect(presence.counts(now + 70 * SECOND).online).to.equal(1);
  });

  it('streams the figures on joining, on every change, on expiry and at least every 25 s', () => {
    const stream = new PresenceStream(new Presence(50));
    const start = at('2026-11-26T10:00:00+07:00');
    const received: string[] = [];
    expect(stream.listening).to.be.false;
    const stop = stream.listen((message) => received.push(message), start);
    expect(stream.listening).to.be.true;
    expect(received).to.deep.equal([eventMessage({ online: 0, today: 0, month: 0, total: 50 })]);
    expect(received[0]).to.equal('data: {"online":0,"today":0,"month":0,"total":50}\n\n');

    stream.beat(tab(1), start + SECOND);
    expect(received.at(-1)).to.equal(eventMessage({ online: 1, today: 1, month: 1, total: 51 }));
    // The same tab again changes nothing: no message until the repeat is due.
    stream.beat(tab(1), start + 2 * SECOND);
    stream.check(start + 5 * SECOND);
    expect(received).to.have.length(2);
    stream.check(start + SECOND + STREAM_REPEAT_MS);
    expect(received).to.have.length(3);
    expect(received[2]).to.equal(received[1]);

    // The tab goes quiet: the next check after the window sends online 0.
    stream.check(start + 2 * SECOND + PRESENCE_WINDOW_MS);
    expect(JSON.parse(received.at(-1)!.slice('data: '.length))).to.include({ online: 0 });

    stop();
    expect(stream.listening).to.be.false;
    const count = received.length;
    stream.beat(tab(2), start + 100 * SECOND);
    expect(received).to.have.length(count);
  });
});
