import { expect } from '@open-wc/testing';
import { toEventTime, toIsoDate } from '../../../src/feed/parse/dates.js';

describe('feed dates', () => {
  it('parses RFC 822 and ISO dates, Buddhist-era years and Thai time', () => {
    expect(toIsoDate('Thu, 16 Jun 2022 09:30:00 +0700')).to.equal('2022-06-16T02:30:00.000Z');
    expect(toIsoDate('16 Jun 2565 09:30 ICT')).to.equal('2022-06-16T02:30:00.000Z');
    expect(toIsoDate('Thu, 16 Jun 22 02:30:00 GMT')).to.equal('2022-06-16T02:30:00.000Z');
    expect(toIsoDate('2565-06-16T09:30:00')).to.equal('2022-06-16T02:30:00.000Z');
    expect(toIsoDate('2022-06-16T02:30:00.123Z')).to.equal('2022-06-16T02:30:00.000Z');
    for (const bad of [
      '2022-02-30',
      '32 Jun 2022 10:00',
      'Mon, 16 Foo 2022 10:00:00',
      '',
      null,
      5,
      {},
    ]) {
      expect(toIsoDate(bad), String(bad)).to.be.undefined;
    }
  });

  it('keeps calendar times in their own offset', () => {
    expect(toEventTime('2565-08-14')).to.equal('2022-08-14');
    expect(toEventTime('2022-08-14T08:00:00+0700')).to.equal('2022-08-14T08:00:00+07:00');
    expect(toEventTime('2022-08-14T08:00:00+07:00', true)).to.equal('2022-08-14');
  });
});
