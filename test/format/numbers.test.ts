import { expect } from '@open-wc/testing';
import { formatBytes, formatNumber, formatPercent } from '../../src/format/numbers.js';
import { toThaiDigits } from '../../src/format/digits.js';

const th = { lang: 'th' } as const;
const en = { lang: 'en' } as const;

describe('numbers', () => {
  it('groups thousands', () => {
    expect(formatNumber(12345, th)).to.equal('12,345');
    expect(formatNumber(-0, th)).to.equal('0');
    expect(formatPercent(-0, en)).to.equal('0.0%');
    expect(formatNumber(7694178, en)).to.equal('7,694,178');
    expect(formatNumber(1234.5678, { ...en, maximumFractionDigits: 1 })).to.equal('1,234.6');
    expect(formatNumber(3, { ...en, minimumFractionDigits: 5 })).to.equal('3.00000');
  });

  it('writes percentages from 0–100 with fixed digits', () => {
    expect(formatPercent(85.2, th)).to.equal('85.2%');
    expect(formatPercent(50, en)).to.equal('50.0%');
    expect(formatPercent(12.345, { ...en, digits: 2 })).to.equal('12.35%');
    expect(formatPercent(85.2, { ...th, numerals: 'thai' })).to.equal('๘๕.๒%');
  });

  it('writes file sizes', () => {
    expect(formatBytes(512, th)).to.equal('512 B');
    expect(formatBytes(245 * 1024, th)).to.equal('245 KB');
    expect(formatBytes(1.2 * 1024 * 1024, en)).to.equal('1.2 MB');
    expect(formatBytes(15.6 * 1024 * 1024, en)).to.equal('16 MB');
    expect(formatBytes(1024 * 1024 - 1, en)).to.equal('1 MB');
    expect(formatBytes(2048, { ...th, numerals: 'thai' })).to.equal('๒ KB');
    expect(formatBytes(-1, en)).to.equal('');
    expect(formatBytes(Number.NaN, en)).to.equal('');
  });

  it('converts digits to Thai', () => {
    expect(toThaiDigits('09.30 น. 2565')).to.equal('๐๙.๓๐ น. ๒๕๖๕');
  });
});
