import { expect } from '@open-wc/testing';
import { truncateText } from '../../src/format/text.js';

describe('truncateText', () => {
  const sentence = 'ประกาศคณะกรรมการการเลือกตั้งเรื่องการรับสมัครรับเลือกตั้งสมาชิกสภาผู้แทนราษฎร';

  it('cuts long Thai without spaces at a word boundary the segmenter reports', () => {
    const boundaries = new Set<number>();
    for (const s of new Intl.Segmenter('th', { granularity: 'word' }).segment(sentence)) {
      boundaries.add(s.index);
    }
    for (const max of [10, 20, 31, 45]) {
      const out = truncateText(sentence, max, 'th');
      expect(out.endsWith('…'), out).to.be.true;
      expect(out.length).to.be.at.most(max);
      const kept = out.slice(0, -1);
      expect(kept.length).to.be.greaterThan(0);
      expect(sentence.startsWith(kept)).to.be.true;
      expect(boundaries.has(kept.length), `${max}: ${kept}`).to.be.true;
    }
  });

  it('leaves short text alone apart from collapsing whitespace', () => {
    expect(truncateText('ประกาศ  ผลการ\n เลือกตั้ง', 100, 'th')).to.equal('ประกาศ ผลการ เลือกตั้ง');
    expect(truncateText('Short', 5, 'en')).to.equal('Short');
  });

  it('cuts English between words without a trailing space', () => {
    expect(truncateText('The quick brown fox jumps', 16, 'en')).to.equal('The quick brown…');
  });

  it('cuts a single over-long word between graphemes, never inside one', () => {
    const word = 'e\u0301'.repeat(8);
    expect(truncateText(word, 6, 'en')).to.equal('e\u0301e\u0301…');
  });
});
