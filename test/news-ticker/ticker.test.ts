import { expect } from '@open-wc/testing';
import type { FeedItem } from '../../src/feed/types.js';
import {
  DEFAULT_SPEED,
  MAX_COPIES,
  anchorAt,
  copiesNeeded,
  offsetAt,
  tickerItems,
  tickerSpeed,
  timeAt,
} from '../../src/news-ticker/ticker.js';

const item = (id: string, pinned = false): FeedItem => ({
  id,
  title: id,
  categories: [],
  attachments: [],
  ...(pinned ? { pinned } : {}),
});

describe('news ticker maths', () => {
  it('puts pinned items first and keeps the feed order otherwise, then applies the limit', () => {
    const items = [item('a'), item('b', true), item('c'), item('d', true)];
    expect(tickerItems(items, 0).map((i) => i.id)).to.deep.equal(['b', 'd', 'a', 'c']);
    expect(tickerItems(items, 3).map((i) => i.id)).to.deep.equal(['b', 'd', 'a']);
  });

  it('falls back to the default speed for missing or nonsense values', () => {
    expect(tickerSpeed(120)).to.equal(120);
    for (const bad of [0, -5, NaN, Infinity, null, undefined]) {
      expect(tickerSpeed(bad)).to.equal(DEFAULT_SPEED);
    }
  });

  it('renders enough copies to keep the viewport full over one period', () => {
    expect(copiesNeeded(800, 2000)).to.equal(1);
    expect(copiesNeeded(800, 300)).to.equal(3);
    expect(copiesNeeded(900, 300)).to.equal(3);
    expect(copiesNeeded(5000, 1)).to.equal(MAX_COPIES);
    expect(copiesNeeded(800, 0)).to.equal(0);
  });

  it('converts between animation time and scroll offset, wrapping at the period', () => {
    expect(offsetAt(1000, 60, 500)).to.equal(60);
    expect(offsetAt(10_000, 60, 500)).to.equal(100);
    expect(offsetAt(-1000, 60, 500)).to.equal(440);
    expect(offsetAt(NaN, 60, 500)).to.equal(0);
    expect(timeAt(60, 60)).to.equal(1000);
    expect(offsetAt(timeAt(123, 75), 75, 500)).to.be.closeTo(123, 1e-9);
  });

  it('finds the headline at an offset and how far into it the view is', () => {
    const spans = [
      { id: 'a', start: 0 },
      { id: 'b', start: 100 },
      { id: 'c', start: 250 },
    ];
    expect(anchorAt(spans, 0)).to.deep.equal({ id: 'a', delta: 0 });
    expect(anchorAt(spans, 120)).to.deep.equal({ id: 'b', delta: 20 });
    expect(anchorAt(spans, 400)).to.deep.equal({ id: 'c', delta: 150 });
    expect(anchorAt([], 10)).to.be.undefined;
  });
});
