/**
 * Property (d): the cache reader on hostile stored entries. Another script on the page, an old
 * version of the library or a person with the developer tools can leave anything under the
 * cache's keys in localStorage (`ect-widgets:feed:` + the feed key, and the `ect-widgets:feeds`
 * index; see src/feed/cache.ts): text that is no JSON, wrong shapes, prototype keys, huge
 * strings, HTML and links in fields, wrong kinds. loadCachedFeed never throws and returns a
 * well-formed entry or nothing, with no HTML the sanitizer would change; writing and clearing
 * the cache beside such entries never throw either.
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { clearFeedCache, type ItemsData } from '../../src/feed/index.js';
import { loadCachedFeed, readCachedFeed, writeCachedFeed } from '../../src/feed/cache.js';
import { anyUrl, expectIdempotent, expectWellFormed, html, thaiText } from './feeds.js';
import { PROPERTY_TIMEOUT, checkProperty } from './settings.js';

const PREFIX = 'ect-widgets:feed:';
const INDEX = 'ect-widgets:feeds';
const NOW = Date.UTC(2026, 0, 1);

const goodItem = (title: string) => ({ id: '1', title, categories: [], attachments: [] });
const good = (title: string): ItemsData => ({ kind: 'items', items: [goodItem(title)] });
const entryText = (data: unknown, savedAt: unknown = NOW - 1000) =>
  JSON.stringify({ savedAt, data });

/** Stored text of each kind of hostile entry. */
const CORRUPTIONS: Record<string, fc.Arbitrary<string>> = {
  'not JSON': fc.oneof(
    fc.string(),
    fc.constantFrom('{', '{"savedAt":1,"data":{"kind":"items"', 'undefined', 'NaN', '\u0000'),
  ),
  'cut JSON': fc
    .tuple(thaiText, fc.double({ min: 0, max: 1, noNaN: true }))
    .map(([title, at]) => entryText(good(title)).slice(0, Math.floor(at * 40))),
  'wrong top shape': fc
    .constantFrom(null, [], 1, 'x', true, {}, { savedAt: '1' }, { data: good('x') }, [
      NOW,
      good('x'),
    ])
    .map((v) => JSON.stringify(v)),
  savedAt: fc
    .constantFrom<unknown>('1', -1, 0, NOW - 31 * 86_400_000, 1e300, -1e300, null, [], {}, true)
    .map((savedAt) => entryText(good('x'), savedAt)),
  'wrong kind': fc
    .constantFrom<unknown>(
      'evil',
      '__proto__',
      'toString',
      'constructor',
      'hasOwnProperty',
      5,
      null,
      ['items'],
      'ITEMS',
      '',
    )
    .map((kind) => entryText({ ...good('x'), kind })),
  'prototype keys': fc.constantFrom(
    '{"savedAt":1767225599000,"data":{"__proto__":{"kind":"items","items":[]}}}',
    '{"__proto__":{"savedAt":1767225599000},"data":{"kind":"items","items":[]}}',
    '{"savedAt":1767225599000,"data":{"kind":"items","items":[],"constructor":{"prototype":{"polluted":1}}}}',
    '{"savedAt":1767225599000,"data":{"kind":"counter","online":1,"__proto__":{"kind":"evil"}}}',
  ),
  'huge strings': fc
    .constantFrom(1_000, 100_000, 1_000_000)
    .map((n) => entryText(good('ก'.repeat(n)))),
  'wrong shape': fc
    .constantFrom<unknown>(
      { kind: 'items' },
      { kind: 'items', items: 'x' },
      { kind: 'items', items: [null] },
      { kind: 'items', items: [{ title: 5 }] },
      { kind: 'events', events: [{ title: 'x' }] },
      { kind: 'results', races: [{ candidates: 'x' }] },
      { kind: 'counter' },
      { kind: 'counter', online: 'many' },
    )
    .map((data) => entryText(data)),
  'HTML in fields': html.map((h) =>
    entryText({ kind: 'items', items: [{ ...goodItem('x'), html: h }] }),
  ),
  'links in fields': anyUrl.map((url) =>
    entryText({ kind: 'items', link: url, items: [{ ...goodItem('x'), url, image: url }] }),
  ),
};
/** Kinds that fail today: each has a pending regression test below, and is left out meanwhile. */

const hostileIndex = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom('{', '[]', 'null', '"x"', '{"__proto__":{"x":1}}', '{"a":"b","constructor":1}'),
);

describe('property: the cache reader on hostile stored entries', function () {
  this.timeout(PROPERTY_TIMEOUT);
  afterEach(() => {
    localStorage.clear();
  });

  it('returns a well-formed entry or nothing, never throws, never returns HTML the sanitizer would change', async () => {
    const kinds = Object.keys(CORRUPTIONS);
    await checkProperty(
      'loadCachedFeed',
      fc.asyncProperty(
        fc.constantFrom(...kinds).chain((kind) => CORRUPTIONS[kind]),
        thaiText,
        hostileIndex,
        async (stored, key, index) => {
          localStorage.clear();
          localStorage.setItem(PREFIX + key, stored);
          if (index !== undefined) localStorage.setItem(INDEX, index);
          // What the stream shows: the entry read for its shape, then normalized and sanitized.
          const data = await loadCachedFeed(key, undefined, NOW);
          if (data !== undefined) await expectIdempotent(expectWellFormed(data));
          expect(() => writeCachedFeed(key, good('ใหม่'), NOW)).not.to.throw();
          expect(readCachedFeed(key, NOW)?.data).to.deep.equal(good('ใหม่'));
          expect(() => clearFeedCache()).not.to.throw();
          expect(({} as Record<string, unknown>).polluted, 'Object.prototype untouched').to.be
            .undefined;
        },
      ),
    );
  });

  // Shrunk counterexamples of the property above (key "" and NOW as in it), from before the
  // cache was read as untrusted input.
  const regression = async (stored: string, index?: string) => {
    localStorage.setItem(PREFIX, stored);
    if (index !== undefined) localStorage.setItem(INDEX, index);
    const data = await loadCachedFeed('', undefined, NOW);
    if (data) await expectIdempotent(expectWellFormed(data));
  };

  it('regression (issue 17): a stored entry of the wrong shape is not shown: {"savedAt":1767225599000,"data":{"kind":"items"}}', async () => {
    await regression('{"savedAt":1767225599000,"data":{"kind":"items"}}');
  });

  it('regression (issue 17): stored HTML is sanitized: {"savedAt":1767225599000,"data":{"kind":"items","items":[{"id":"1","title":"x","categories":[],"attachments":[],"html":"<a href=\\"javascript:alert(1)\\"></a>"}]}}', async () => {
    await regression(
      '{"savedAt":1767225599000,"data":{"kind":"items","items":[{"id":"1","title":"x","categories":[],"attachments":[],"html":"<a href=\\"javascript:alert(1)\\"></a>"}]}}',
    );
  });

  it('regression (issue 17): stored links are checked: {"savedAt":1767225599000,"data":{"kind":"items","link":"javascript:alert(1)","items":[{"id":"1","title":"x","categories":[],"attachments":[],"url":"javascript:alert(1)","image":"javascript:alert(1)"}]}} (index "{")', async () => {
    await regression(
      '{"savedAt":1767225599000,"data":{"kind":"items","link":"javascript:alert(1)","items":[{"id":"1","title":"x","categories":[],"attachments":[],"url":"javascript:alert(1)","image":"javascript:alert(1)"}]}}',
      '{',
    );
  });
});
