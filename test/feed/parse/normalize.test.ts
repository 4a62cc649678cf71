import { expect } from '@open-wc/testing';
import { toNumber } from '../../../src/feed/parse/normalize.js';

describe('feed numbers', () => {
  it('reads grouped, float and Thai-digit numbers', () => {
    expect(toNumber('40,877')).to.equal(40877);
    expect(toNumber(' ๑๒,๓๔๕ ')).to.equal(12345);
    expect(toNumber(925349.0)).to.equal(925349);
    expect(toNumber('52.3%')).to.equal(52.3);
    for (const bad of ['abc', '', '1,2a', NaN, Infinity, null, true, []]) {
      expect(toNumber(bad), String(bad)).to.be.undefined;
    }
  });
});
