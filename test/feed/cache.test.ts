import { expect } from '@open-wc/testing';
import sinon from 'sinon';
import { clearFeedCache, readCachedFeed, writeCachedFeed } from '../../src/feed/cache.js';
import type { ItemsData } from '../../src/feed/types.js';

const data = (title: string): ItemsData => ({
  kind: 'items',
  items: [{ id: '1', title, categories: [], attachments: [] }],
});

describe('feed cache (localStorage)', () => {
  beforeEach(() => clearFeedCache());
  afterEach(() => {
    sinon.restore();
    clearFeedCache();
  });

  it('keeps the last good data of a feed', () => {
    writeCachedFeed('a', data('ประกาศ'));
    expect(readCachedFeed('a')?.data).to.deep.equal(data('ประกาศ'));
    expect(readCachedFeed('b')).to.be.undefined;
  });

  it('keeps at most 20 feeds, dropping the oldest', () => {
    for (let i = 0; i < 22; i++) writeCachedFeed(`feed-${i}`, data(String(i)), 1_000 + i);
    const now = 2_000;
    expect(readCachedFeed('feed-0', now)).to.be.undefined;
    expect(readCachedFeed('feed-1', now)).to.be.undefined;
    expect(readCachedFeed('feed-2', now)?.data).to.deep.equal(data('2'));
    expect(readCachedFeed('feed-21', now)?.data).to.deep.equal(data('21'));
  });

  it('skips data too large to keep, and forgets entries older than 30 days', () => {
    writeCachedFeed('big', data('x'.repeat(300_000)));
    expect(readCachedFeed('big')).to.be.undefined;
    writeCachedFeed('old', data('old'), 0);
    expect(readCachedFeed('old', 31 * 24 * 3600 * 1000)).to.be.undefined;
  });

  it('ignores garbage and keeps working when storage is unavailable', () => {
    localStorage.setItem('ect-widgets:feed:bad', '{"savedAt": 1, "data": {"kind": "evil"}}');
    expect(readCachedFeed('bad')).to.be.undefined;
    localStorage.setItem('ect-widgets:feed:broken', '{not json');
    expect(readCachedFeed('broken')).to.be.undefined;
    sinon.stub(Storage.prototype, 'setItem').throws(new DOMException('full', 'QuotaExceededError'));
    expect(() => writeCachedFeed('a', data('a'))).not.to.throw();
    sinon.restore();
    sinon.stub(window, 'localStorage').get(() => {
      throw new DOMException('blocked', 'SecurityError');
    });
    expect(() => writeCachedFeed('a', data('a'))).not.to.throw();
    expect(readCachedFeed('a')).to.be.undefined;
  });
});
