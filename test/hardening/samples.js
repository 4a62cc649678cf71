// The feeds the hardening checks show in each element: one table for the browser tests
// (test/hardening/*.test.ts) and for the built-bundle checks (scripts/test-dist.js).
//
// Every element that src/index.ts registers must have a row in SAMPLES: the checks find the
// elements by themselves and fail, naming this file, for one without a row.

/**
 * Fixtures of test/fixtures/ by format, the Content-Type a server sends each with, the kind of
 * data it holds, and the `generate` format of test/server/routes.js that makes a big one.
 */
export const FEEDS = {
  rss: { file: 'rss-news.xml', type: 'application/rss+xml', kind: 'items', generate: 'rss' },
  atom: {
    file: 'atom-announcements.xml',
    type: 'application/atom+xml',
    kind: 'items',
    generate: 'atom',
  },
  jsonfeed: {
    file: 'jsonfeed-news.json',
    type: 'application/feed+json',
    kind: 'items',
    generate: 'jsonfeed',
  },
  items: { file: 'items.json', type: 'application/json', kind: 'items', generate: 'json' },
  ics: { file: 'calendar-2565.ics', type: 'text/calendar', kind: 'events', generate: 'ics' },
  events: { file: 'events.json', type: 'application/json', kind: 'events', generate: 'events' },
  csv: { file: 'results-th.csv', type: 'text/csv', kind: 'results', generate: 'csv' },
  results: {
    file: 'results.json',
    type: 'application/json',
    kind: 'results',
    generate: 'results',
  },
  counter: { file: 'counter.json', type: 'application/json', kind: 'counter' },
};

/**
 * Hostile fixtures of test/fixtures/ that every element showing news items is also shown with
 * under the strict policy (scripts/test-dist.js): each must end `ready` with no CSP report.
 */
export const HOSTILE_FEEDS = [
  // Scripts, handlers, `style` and `javascript:` links in HTML descriptions.
  'rss-hostile.xml',
  // An unclosed `<script>` (the rest of the description is its text).
  'rss-hostile-script.xml',
  // `<style>` elements, also inside SVG and MathML.
  'rss-hostile-style.xml',
  // Handlers and `style` after an attribute value holding `>`.
  'rss-hostile-quoted.xml',
  // Atom XHTML content: handlers and `style` on XHTML and SVG elements of the feed document.
  'atom-hostile-xhtml.xml',
];

/**
 * Per element: the feed it shows (`feed`, a key of FEEDS), the inline `<script>` data it is
 * also shown with (`inline`), and attributes it needs to show them (`attributes`).
 */
export const SAMPLES = {
  'ect-announcement-list': { feed: 'rss', inline: 'items' },
  'ect-news-ticker': { feed: 'atom', inline: 'jsonfeed' },
  'ect-calendar': { feed: 'ics', inline: 'events', attributes: { month: '2022-08' } },
  'ect-results-table': { feed: 'csv', inline: 'results' },
  'ect-online-counter': { feed: 'counter', inline: 'counter' },
};

/** The sample of a tag; throws, saying what to do, when the tag has none. */
export function sampleFor(tag) {
  const sample = SAMPLES[tag];
  if (!sample) {
    throw new Error(
      `<${tag}> is registered by src/index.ts but has no row in SAMPLES of ` +
        `test/hardening/samples.js: add one (its feed, inline data and attributes) so that ` +
        `the CSP, hostile-input and lifecycle checks cover it`,
    );
  }
  return { ...sample, attributes: sample.attributes ?? {}, kind: FEEDS[sample.feed].kind };
}

/** Keys of FEEDS holding data of `kind` (the formats an element of that kind accepts). */
export function feedsOfKind(kind) {
  return Object.keys(FEEDS).filter((name) => FEEDS[name].kind === kind);
}

/** The test server URL of a fixture feed (test/server/routes.js), with extra query parameters. */
export function feedUrl(name, extra = '') {
  const { file, type } = FEEDS[name];
  return `/api/feed?file=${file}&type=${encodeURIComponent(type)}${extra ? `&${extra}` : ''}`;
}
