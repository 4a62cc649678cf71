/**
 * Hostile and broken feeds, in every format and in every element src/index.ts registers: each
 * must end in a clear state with a clear message, cost the page no long task, run nothing from
 * the feed, and leave the page and the other elements on it unharmed.
 *
 * Mixed content (an `http:` image or feed in an `https:` page) cannot be produced here: the test
 * server is plain HTTP on loopback, which browsers treat as a secure context, and the browser,
 * not the library, upgrades or blocks mixed content. What the library decides is tested instead:
 * `http:` links and images stay allowed (docs/contract.md); every other scheme is dropped.
 */
import { expect } from '@open-wc/testing';
import { clearFeedCache } from '../../src/feed/cache.js';
import { setFeedFetch } from '../../src/feed/fetch.js';
import { LIMITS } from '../../src/feed/limits.js';
import { parseFeed } from '../../src/feed/parse/index.js';
import { FeedError, type FeedData, type FeedKind, type ItemsData } from '../../src/feed/types.js';
import {
  fixtureText,
  nextTask,
  longTasksSupported,
  recordEvents,
  registeredTags,
  sampleElement,
  shownCount,
  shownMessage,
  shownText,
  sleep,
  untilState,
  watchLongTasks,
  watchUncaught,
  type EctElement,
} from './page.js';
import { FEEDS, feedsOfKind, feedUrl, sampleFor, type FeedName } from './samples.js';
import { expectLanguage } from '../helpers/language.js';

/** The longest main-thread task a feed may cause (Chromium measures them; see page.ts). */
const LONG_TASK_MS = 200;
const TEN_MB = 10 * 1024 * 1024;

let unique = 0;
const fresh = () => `n=${Date.now()}-${unique++}`;

// ---------------------------------------------------------------------------------------------
// Feeds the tests make up, answered by a route table in front of the real test server

const made = new Map<string, () => Response>();

/**
 * A URL under /hostile/ that answers `body` with `type` (none: no Content-Type), streamed in
 * 64 KB chunks as a network response arrives.
 */
function serve(body: string | Uint8Array, type?: string): string {
  const path = `/hostile/${unique++}`;
  const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
  made.set(path, () => {
    let offset = 0;
    const stream = new ReadableStream<Uint8Array>({
      // A chunk per task, as a network response arrives.
      async pull(controller) {
        await nextTask();
        if (offset >= bytes.byteLength) return controller.close();
        controller.enqueue(bytes.subarray(offset, (offset += 65_536)));
      },
    });
    return new Response(stream, { headers: type ? { 'Content-Type': type } : {} });
  });
  return path;
}

/** Deterministic pseudo-random bytes (mulberry32), so a failure can be replayed. */
function randomBytes(seed: number, length: number): Uint8Array {
  let state = seed >>> 0;
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    bytes[i] = ((t ^ (t >>> 14)) >>> 0) & 0xff;
  }
  return bytes;
}

/** A fixture cut short where it hurts: inside a quoted value for CSV, at 60 % otherwise. */
function truncated(name: FeedName, text: string): string {
  if (name === 'csv') {
    const quote = text.indexOf(',"', Math.floor(text.length / 2));
    return text.slice(0, quote + 4);
  }
  return text.slice(0, Math.floor(text.length * 0.6));
}

/** What each format says about a truncated feed. */
const TRUNCATED: Record<FeedName, RegExp> = {
  rss: /^RSS: not well-formed XML \(line \d+\)$/,
  atom: /^Atom: not well-formed XML \(line \d+\)$/,
  jsonfeed: /^JSON Feed: line \d+, column \d+: /,
  items: /^JSON: line \d+, column \d+: /,
  events: /^JSON: line \d+, column \d+: /,
  results: /^JSON: line \d+, column \d+: /,
  counter: /^JSON: line \d+, column \d+: /,
  ics: /^iCalendar: .*(did not end|line \d+)/,
  csv: /^CSV: line \d+: a quoted value is never closed$/,
};

/** What any feed failure reads like: the format, or what was expected, first; short; printable. */
const CLEAR_MESSAGE = /^(RSS|Atom|JSON|JSON Feed|iCalendar|CSV): .+|^(unrecognized|expected) .+/;
function expectClear(message: string | undefined, what: string) {
  expect(message, `${what}: message`).to.be.a('string').and.match(CLEAR_MESSAGE);
  expect(message!.length, `${what}: message length`).to.be.below(300);
  expect(message, `${what}: message has control characters`).not.to.match(/[\u0000-\u001f]/);
}

/**
 * Runs `scenario` (it shows a feed and waits until it settles) while Chromium reports long
 * tasks; fails, with the figures, when a task took over LONG_TASK_MS in each of three attempts.
 * The durations are wall-clock time, which on a busy machine includes time the system gave
 * other processes: one attempt without a long task is proof enough.
 */
async function withoutLongTasks(what: string, scenario: () => Promise<void>): Promise<void> {
  const attempts: number[][] = [];
  for (let attempt = 0; attempt < 3; attempt++) {
    await sleep(50);
    const tasks = watchLongTasks();
    await scenario();
    const durations = await tasks.stop();
    if (durations.every((ms) => ms <= LONG_TASK_MS)) return;
    attempts.push(durations);
  }
  expect.fail(
    `${what}: a main-thread task over ${LONG_TASK_MS} ms in each of 3 attempts ` +
      `(long tasks: ${attempts.map((durations) => `${durations.join(', ')} ms`).join('; ')})`,
  );
}

/**
 * A generated feed (test/server/routes.js), fetched ahead and then served from memory: under
 * the test runner's DevTools connection, Chromium decodes every network response on the main
 * thread for the inspector (about 150 ms of CPU for 5 MB), which is not the library's work.
 */
const generatedBodies = new Map<string, Promise<{ bytes: Uint8Array; type: string }>>();
function generated(query: string): Promise<{ bytes: Uint8Array; type: string }> {
  if (!generatedBodies.has(query)) {
    generatedBodies.set(
      query,
      fetch(`/api/feed?${query}`).then(async (response) => ({
        bytes: new Uint8Array(await response.arrayBuffer()),
        type: response.headers.get('Content-Type') ?? '',
      })),
    );
  }
  return generatedBodies.get(query)!;
}

// ---------------------------------------------------------------------------------------------
// The page: healthy neighbours that must stay unharmed, and a stage for the hostile elements

const neighbours: { el: EctElement; text: string }[] = [];
let stage: HTMLElement;
let uncaught: ReturnType<typeof watchUncaught>;
const pageTitle = document.title;
const prototypeKeys = Object.getOwnPropertyNames(Object.prototype).sort().join();

type Pwned = Window & { __ectPwned?: unknown };

/** Tags registered by src/index.ts that show data of `kind`. */
const tagsOf = (kind: FeedKind) => registeredTags.filter((tag) => sampleFor(tag).kind === kind);

/** Shows `src` in a new `tag` element on the stage; resolves with it once it settles. */
async function show(tag: string, src: string, states: ('ready' | 'error' | 'empty')[]) {
  const el = sampleElement(tag, { src, refresh: 0 });
  const events = recordEvents(el);
  stage.append(el);
  const state = await untilState(el, states, 15000);
  return { el, events, state };
}

/**
 * `tag` showing `src` ends in `error`, with a message matching `pattern`, and shows the error
 * in the page's language (Thai).
 */
async function expectError(tag: string, src: string, pattern: RegExp, what: string) {
  const { el, events } = await show(tag, src, ['error', 'ready', 'empty']);
  try {
    expect(el.getAttribute('state'), `${what}: state of <${tag}>`).to.equal('error');
    const message = events.errors.at(-1);
    expect(message, `${what}: ect-error of <${tag}>`).to.match(pattern);
    const shown = shownMessage(el);
    if (shown !== undefined) {
      expect(shown, `${what}: shown by <${tag}>`).to.match(/^โหลดข้อมูลไม่สำเร็จ: \S/);
      expectLanguage(shown, 'th', `${what}: shown by <${tag}>`);
    }
    expect(events.loads, `${what}: <${tag}> showed data`).to.have.length(0);
    return message!;
  } finally {
    el.remove();
  }
}

describe('hostile input', function () {
  this.timeout(120000);

  before(async () => {
    clearFeedCache();
    setFeedFetch((url, init) => {
      const answer = made.get(new URL(url, location.href).pathname);
      return answer ? Promise.resolve(answer()) : fetch(url, init);
    });
    uncaught = watchUncaught();
    const section = document.createElement('section');
    section.setAttribute('aria-label', 'neighbours');
    stage = document.createElement('section');
    stage.setAttribute('aria-label', 'stage');
    document.body.append(section, stage);
    for (const tag of registeredTags) {
      const el = sampleElement(tag);
      section.append(el);
      neighbours.push({ el, text: '' });
    }
    for (const neighbour of neighbours) {
      await untilState(neighbour.el, 'ready', 15000);
      neighbour.text = shownText(neighbour.el);
    }
  });

  after(() => {
    setFeedFetch();
    uncaught.stop();
    for (const { el } of neighbours) el.parentElement?.remove();
    stage.remove();
    clearFeedCache();
  });

  afterEach(function () {
    const what = this.currentTest?.title ?? '';
    expect(uncaught.seen, `${what}: uncaught errors`).to.deep.equal([]);
    expect((window as Pwned).__ectPwned, `${what}: feed code ran`).to.equal(undefined);
    expect(document.title, `${what}: page title`).to.equal(pageTitle);
    expect(Object.getOwnPropertyNames(Object.prototype).sort().join(), 'Object.prototype').to.equal(
      prototypeKeys,
    );
    expect(({} as Record<string, unknown>).polluted, `${what}: prototype polluted`).to.equal(
      undefined,
    );
    for (const { el, text } of neighbours) {
      expect(
        el.isConnected && el.getAttribute('state'),
        `${what}: neighbour <${el.localName}>`,
      ).to.equal('ready');
      expect(shownText(el).slice(0, 60), `${what}: text of neighbour <${el.localName}>`).to.equal(
        text.slice(0, 60),
      );
    }
  });

  it('covers every element src/index.ts registers (each needs a row in samples.js)', () => {
    expect(registeredTags, 'no element found in src/index.ts').not.to.be.empty;
    const missing = registeredTags.filter((tag) => {
      try {
        sampleFor(tag);
        return false;
      } catch {
        return true;
      }
    });
    expect(
      missing,
      missing.map((tag) => `<${tag}>`).join(', ') +
        ' lack a row in test/hardening/samples.js SAMPLES',
    ).to.deep.equal([]);
  });

  describe('random bytes', () => {
    it('fail with a clear message in every format (parser)', async () => {
      for (const [seed, name] of Object.keys(FEEDS).entries()) {
        const bytes = randomBytes(seed + 1, 4096);
        for (const contentType of [FEEDS[name as FeedName].type, null]) {
          const what = `${name} (${contentType ?? 'no Content-Type'})`;
          let error: unknown;
          try {
            await parseFeed(bytes, { contentType });
          } catch (caught) {
            error = caught;
          }
          expect(error, what).to.be.instanceOf(FeedError);
          expectClear((error as FeedError).message, what);
        }
      }
    });

    it('put every element in the error state with the message', async () => {
      for (const tag of registeredTags) {
        for (const [index, name] of feedsOfKind(sampleFor(tag).kind).entries()) {
          const src = serve(randomBytes(100 + index, 4096), FEEDS[name].type);
          const message = await expectError(tag, src, CLEAR_MESSAGE, `random bytes as ${name}`);
          expectClear(message, `<${tag}> random bytes as ${name}`);
        }
        await expectError(tag, serve(randomBytes(7, 4096)), CLEAR_MESSAGE, 'random bytes');
      }
    });
  });

  describe('truncated feeds', () => {
    it('say where the feed breaks, in every format (parser)', async () => {
      for (const name of Object.keys(FEEDS) as FeedName[]) {
        const text = truncated(name, await fixtureText(name));
        let error: unknown;
        try {
          await parseFeed(text, { contentType: FEEDS[name].type });
        } catch (caught) {
          error = caught;
        }
        expect(error, name).to.be.instanceOf(FeedError);
        expect((error as FeedError).message, name).to.match(TRUNCATED[name]);
      }
    });

    it('put every element in the error state with that message', async () => {
      for (const tag of registeredTags) {
        for (const name of feedsOfKind(sampleFor(tag).kind)) {
          const src = serve(truncated(name, await fixtureText(name)), FEEDS[name].type);
          await expectError(tag, src, TRUNCATED[name], `truncated ${name}`);
        }
      }
    });
  });

  describe('huge feeds', () => {
    // Per format: the generated feed's outcome once cut to the limits (calendars keep the
    // events nearest to now, docs/calendar.md).
    const expectations = (name: FeedName) =>
      FEEDS[name].kind === 'items'
        ? { state: 'ready' as const, max: LIMITS.items }
        : FEEDS[name].kind === 'events'
          ? { state: 'ready' as const, max: LIMITS.events }
          : { state: 'error' as const, message: /more than this widget shows at once$/ };
    const formats = (Object.keys(FEEDS) as FeedName[]).filter((name) => FEEDS[name].generate);

    for (const [label, query] of [
      ['20,000 items', 'items=20000'],
      ['9.9 MB', 'items=500&size=9900000'],
    ] as const) {
      it(`${label}: cut to the limits, kept or refused, with no long task (parser)`, async () => {
        for (const name of formats) {
          const what = `${label} of ${name}`;
          const { bytes, type } = await generated(`generate=${FEEDS[name].generate}&${query}`);
          let data: FeedData | undefined;
          let error: unknown;
          await withoutLongTasks(what, async () => {
            data = undefined;
            error = undefined;
            try {
              data = await parseFeed(bytes, { contentType: type });
            } catch (caught) {
              error = caught;
            }
          });
          const expected = expectations(name);
          if (expected.state === 'ready') {
            expect(error, what).to.equal(undefined);
            expect(shownCount(data!), what).to.be.within(1, expected.max);
          } else {
            expect(error, what).to.be.instanceOf(FeedError);
            expect((error as FeedError).message, what).to.match(expected.message);
          }
        }
      });
    }

    it('2,000 result rows of 1 MB, 20,000 events of 9 MB: within the limits, parsed with no long task', async () => {
      const kept = formats.filter((name) => FEEDS[name].kind !== 'items');
      expect(kept).to.include.members(['ics', 'events', 'csv', 'results']);
      for (const name of kept) {
        const events = FEEDS[name].kind === 'events';
        const entries = events ? LIMITS.events : 2_000;
        const what = `${entries} entries of ${name}`;
        // Mostly Thai text: results about 980,000 characters, under LIMITS.dataChars; events
        // about 4 million, under LIMITS.eventsChars (as close as a body under 10 MB gets).
        const { bytes, type } = await generated(
          `generate=${FEEDS[name].generate}&items=${entries}&size=${events ? 9_000_000 : 2_250_000}`,
        );
        let data: FeedData | undefined;
        await withoutLongTasks(what, async () => {
          data = await parseFeed(bytes, { contentType: type });
        });
        const budget = events ? LIMITS.eventsChars : LIMITS.dataChars;
        expect(new TextDecoder().decode(bytes).length, what).to.be.within(
          budget * (events ? 0.6 : 0.8),
          budget,
        );
        expect(shownCount(data!), what).to.equal(entries);
      }
    });

    /** `tag` showing a generated feed served from memory, watched for long tasks. */
    async function showHuge(tag: string, name: FeedName, query: string) {
      const what = `<${tag}> with ${query} of ${name}`;
      const { bytes, type } = await generated(`generate=${FEEDS[name].generate}&${query}`);
      let shown!: Awaited<ReturnType<typeof show>>;
      await withoutLongTasks(what, async () => {
        shown = await show(tag, serve(bytes, type), ['ready', 'error']);
        await sleep(100);
        shown.el.remove();
      });
      const expected = expectations(name);
      expect(shown.state, what).to.equal(expected.state);
      if (expected.state === 'ready') {
        expect(shownCount(shown.events.loads[0]), what).to.be.within(1, expected.max);
      } else {
        expect(shown.events.errors[0], what).to.match(expected.message);
      }
      return shown;
    }

    it('20,000 items: every element shows the first ones, all 20,000 events, or refuses, with no long task', async () => {
      for (const tag of registeredTags) {
        for (const name of feedsOfKind(sampleFor(tag).kind).filter((n) => FEEDS[n].generate)) {
          const { events } = await showHuge(tag, name, 'items=20000');
          const expected = expectations(name);
          if (expected.state === 'ready')
            expect(shownCount(events.loads[0])).to.equal(expected.max);
        }
      }
    });

    it('over 10 MB: refused before it is read, in every element', async () => {
      for (const tag of registeredTags) {
        const name = sampleFor(tag).feed;
        const generator = FEEDS[name].generate ?? 'json';
        const src = `/api/feed?generate=${generator}&items=100&size=${TEN_MB + 1000}&${fresh()}`;
        await expectError(tag, src, /^The feed is larger than 10 MB$/, 'a feed over 10 MB');
      }
    });

    it('over 10 MB without a Content-Length: cut off while it arrives', async () => {
      const chunk = new Uint8Array(65_536).fill(0x20);
      let sent = 0;
      const path = `/hostile/endless-${fresh()}`;
      made.set(path, () => {
        // 20 MB of spaces, a chunk per task, if anyone reads that far.
        const stream = new ReadableStream<Uint8Array>({
          async pull(controller) {
            await nextTask();
            if (sent >= 20 * 1024 * 1024) return controller.close();
            sent += chunk.byteLength;
            controller.enqueue(chunk);
          },
        });
        return new Response(stream, { headers: { 'Content-Type': 'application/json' } });
      });
      await expectError(
        registeredTags[0],
        path,
        /^The feed is larger than 10 MB$/,
        'an endless feed',
      );
      expect(sent, 'bytes sent before the request was dropped').to.be.below(
        TEN_MB + 4 * chunk.byteLength,
      );
    });

    it('9.9 MB: every element shows it cut down or refuses it, with no long task', async () => {
      for (const tag of registeredTags) {
        const name = sampleFor(tag).feed;
        if (FEEDS[name].generate) await showHuge(tag, name, 'items=500&size=9900000');
      }
    });
  });

  describe('XML entities', () => {
    const laughs = (levels: number) => {
      const entities = [`<!ENTITY l0 "lollollollollollollollollollol">`];
      for (let i = 1; i <= levels; i++) {
        entities.push(`<!ENTITY l${i} "${`&l${i - 1};`.repeat(10)}">`);
      }
      return `<?xml version="1.0"?>\n<!DOCTYPE rss [\n${entities.join('\n')}\n]>\n<rss version="2.0"><channel><title>laughs</title><item><title>&l${levels};</title><description>&l${levels};</description></item></channel></rss>`;
    };

    it('a billion laughs is not expanded into the page, with no long task', async () => {
      for (const tag of tagsOf('items')) {
        const what = `<${tag}> with a billion laughs`;
        let shown!: Awaited<ReturnType<typeof show>>;
        await withoutLongTasks(what, async () => {
          shown = await show(tag, serve(laughs(9), 'application/rss+xml'), [
            'ready',
            'error',
            'empty',
          ]);
          shown.el.remove();
        });
        const { events, state } = shown;
        if (state === 'ready') {
          const { items } = events.loads[0] as ItemsData;
          expect(items[0].title.length, `${what}: title length`).to.be.below(1000);
          expect((items[0].summary ?? '').length, `${what}: summary length`).to.be.below(1000);
        } else {
          expectClear(events.errors[0], what);
        }
      }
    });

    it('external entities and DTDs are never fetched', async () => {
      const key = `xxe-${fresh()}`;
      const secret = `/api/feed?id=${key}&body=SECRET&type=text/plain`;
      const feed = `<?xml version="1.0"?>\n<!DOCTYPE rss SYSTEM "${secret}&dtd" [<!ENTITY secret SYSTEM "${secret}">]>\n<rss version="2.0"><channel><title>x</title><item><title>a&secret;b</title></item></channel></rss>`;
      for (const tag of tagsOf('items')) {
        const { el, events, state } = await show(tag, serve(feed, 'application/rss+xml'), [
          'ready',
          'error',
        ]);
        el.remove();
        if (state === 'ready') {
          expect(JSON.stringify(events.loads[0]), `<${tag}>`).not.to.contain('SECRET');
        }
      }
      const { hits } = await (await fetch(`/api/hits?id=${key}`)).json();
      expect(hits, 'requests for the external entity or DTD').to.equal(0);
    });
  });

  describe('deeply nested JSON', () => {
    const deepArray = '['.repeat(100_000) + ']'.repeat(100_000);
    const deepTitle = `{"items":[{"id":"x","title":${'{"a":'.repeat(50_000)}1${'}'.repeat(50_000)}}]}`;

    it('is refused quickly by every element, with no long task', async () => {
      for (const tag of registeredTags) {
        for (const [label, text] of [
          ['nested arrays', deepArray],
          ['a nested title', deepTitle],
        ]) {
          const what = `<${tag}> with ${label}`;
          await withoutLongTasks(what, async () => {
            await expectError(
              tag,
              serve(text, 'application/json'),
              new RegExp(`^JSON: nested more than ${LIMITS.depth} levels deep$`),
              what,
            );
          });
        }
      }
    });

    it('set as the data property: circular or too deep data shows an error', async () => {
      const circular: Record<string, unknown> = { items: [] };
      circular.self = circular;
      let deep: unknown = { online: 1 };
      for (let i = 0; i < 100_000; i++) deep = { a: deep };
      for (const tag of registeredTags) {
        for (const [label, value, pattern] of [
          ['circular data', circular, /^The data property is not JSON data/],
          ['deep data', deep, /^The data property is not JSON data|^JSON: nested more than/],
        ] as const) {
          const el = document.createElement(tag) as EctElement;
          const events = recordEvents(el);
          el.data = value;
          stage.append(el);
          await untilState(el, ['error', 'ready', 'empty']);
          el.remove();
          expect(el.getAttribute('state'), `<${tag}> ${label}`).to.equal('error');
          expect(events.errors[0], `<${tag}> ${label}`).to.match(pattern);
        }
      }
    });
  });

  describe('__proto__ and constructor keys', () => {
    const poison = '{"polluted":"yes"}';
    const feeds: Record<FeedKind, [FeedName, string][]> = {
      items: [
        [
          'items',
          `{"__proto__":${poison},"items":[{"__proto__":${poison},"constructor":{"prototype":${poison}},"id":"p1","title":"Prototype test","url":"https://example.org/p"}]}`,
        ],
      ],
      events: [
        [
          'events',
          `{"__proto__":${poison},"events":[{"__proto__":${poison},"constructor":{"prototype":${poison}},"id":"p1","title":"Prototype test","start":"2022-08-10"}]}`,
        ],
        [
          'ics',
          'BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:x\r\nX-PROTO;__proto__=polluted:yes\r\nBEGIN:VEVENT\r\nUID:p1\r\nDTSTAMP:20220801T000000Z\r\nDTSTART;VALUE=DATE:20220810\r\nSUMMARY:Prototype test\r\nX-CONSTRUCTOR;constructor=x:y\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n',
        ],
      ],
      results: [
        [
          'results',
          `{"__proto__":${poison},"candidates":[{"__proto__":${poison},"constructor":{"prototype":${poison}},"number":1,"name":"Prototype test","votes":5}]}`,
        ],
        [
          'csv',
          '__proto__,number,name,party,votes,constructor,toString\r\nyes,1,Prototype test,x,5,yes,yes\r\n',
        ],
      ],
      counter: [['counter', `{"__proto__":{"online":99},"constructor":${poison},"online":3}`]],
    };

    it('are read as plain data: nothing polluted, the element shows the feed', async () => {
      for (const tag of registeredTags) {
        for (const [name, text] of feeds[sampleFor(tag).kind]) {
          const { el, events, state } = await show(tag, serve(text, FEEDS[name].type), [
            'ready',
            'error',
            'empty',
          ]);
          el.remove();
          const what = `<${tag}> with __proto__ keys in ${name}`;
          expect(state, `${what}: ${events.errors[0]}`).to.equal('ready');
          const data = JSON.stringify(events.loads[0]);
          if (name === 'counter') expect(data, what).to.contain('"online":3');
          else expect(data, what).to.contain('Prototype test');
        }
      }
    });
  });

  describe('DOM clobbering and script in content', () => {
    const NAMES = [
      'attributes',
      'getElementById',
      'location',
      'cookie',
      'nodeName',
      'defaultView',
      'body',
      'ect-pwned',
    ];
    const markup =
      '<form id="attributes" name="attributes"><input name="nodeName"><img name="getElementById" id="body" src="https://example.org/a.png"></form>' +
      '<a id="location" name="cookie" href="https://example.org/">x</a><iframe name="defaultView" src="javascript:parent.__ectPwned=1"></iframe>' +
      '<embed name="ect-pwned"><img src="x" onerror="window.__ectPwned=1"><svg><script>window.__ectPwned=1</script></svg>' +
      '<style>*{display:none}</style><p style="position:fixed">text</p>';
    const escaped = markup.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const json = JSON.stringify(markup);
    const feeds: Record<FeedKind, [FeedName, string][]> = {
      items: [
        [
          'rss',
          `<?xml version="1.0"?><rss version="2.0"><channel><title>t</title><item><title>${escaped}</title><link>https://example.org/1</link><description>${escaped}</description></item></channel></rss>`,
        ],
        ['items', `{"items":[{"id":"1","title":${json},"html":${json},"summary":${json}}]}`],
      ],
      events: [
        [
          'events',
          `{"events":[{"id":"1","title":${json},"description":${json},"location":${json},"start":"2022-08-10"}]}`,
        ],
      ],
      results: [
        [
          'results',
          `{"title":${json},"candidates":[{"number":1,"name":${json},"party":${json},"votes":5}]}`,
        ],
      ],
      counter: [],
    };

    /** Every element in the document and the shadow roots under it. */
    function allElements(root: Document | ShadowRoot = document): Element[] {
      const found = [...root.querySelectorAll('*')];
      return found.concat(...found.map((el) => (el.shadowRoot ? allElements(el.shadowRoot) : [])));
    }

    it('parsed HTML keeps no id, name, handler, script or style (parser)', async () => {
      const data = (await parseFeed(feeds.items[0][1], { format: 'rss' })) as ItemsData;
      const html = data.items[0].html ?? '';
      expect(html).to.contain('text');
      expect(html).not.to.match(
        /\s(id|name|on\w+|style)=|<(script|style|form|iframe|embed|svg|input)/i,
      );
    });

    it('names from a feed clobber nothing and nothing from it runs, in every element', async () => {
      for (const tag of registeredTags) {
        for (const [name, text] of feeds[sampleFor(tag).kind]) {
          const { el, state } = await show(tag, serve(text, FEEDS[name].type), ['ready', 'error']);
          const what = `<${tag}> with clobbering names in ${name}`;
          // Let an image error handler or a frame run, were there any.
          await sleep(100);
          expect(state, what).to.equal('ready');
          const clobbered = allElements().filter((node) =>
            NAMES.some((n) => node.getAttribute('id') === n || node.getAttribute('name') === n),
          );
          expect(
            clobbered.map((node) => node.outerHTML.slice(0, 80)),
            what,
          ).to.deep.equal([]);
          expect(typeof document.getElementById, what).to.equal('function');
          expect(document.body, what).to.be.instanceOf(HTMLBodyElement);
          expect((document as unknown as Record<string, unknown>).attributes, what).to.equal(
            undefined,
          );
          expect(typeof document.cookie, what).to.equal('string');
          const foreign = el.shadowRoot!.querySelectorAll(
            'script, iframe, embed, object, form, svg script, [onerror], [style*="fixed"]',
          );
          expect(
            [...foreign].map((node) => node.outerHTML.slice(0, 80)),
            `${what}: feed markup`,
          ).to.deep.equal([]);
          el.remove();
        }
      }
    });
  });

  describe('an HTML error page served as 200', () => {
    const page =
      '<!DOCTYPE html><html><head><title>Runtime Error</title></head><body><h1>Server Error in \'/\' Application.</h1><script>window.__ectPwned=1</script><img src="x" onerror="window.__ectPwned=1"></body></html>';

    it('is named as such by every element, whatever the Content-Type', async () => {
      for (const tag of registeredTags) {
        const types = feedsOfKind(sampleFor(tag).kind).map((name) => FEEDS[name].type);
        for (const type of [...new Set(types), 'text/html']) {
          const src = `/api/feed?body=${encodeURIComponent(page)}&type=${encodeURIComponent(type)}&${fresh()}`;
          await expectError(tag, src, /HTML/, `an HTML page served as ${type}`);
        }
      }
    });
  });

  describe('redirects to another origin', () => {
    // A second test server on 127.0.0.1 and a port of its own: another origin.
    let other = '';
    const redirect = (target: string) =>
      `/api/feed?redirect=${encodeURIComponent(target)}&${fresh()}`;

    before(async () => {
      ({ origin: other } = await (await fetch('/api/other-origin')).json());
      expect(other).not.to.equal(location.origin);
    });

    it('with CORS: the feed is shown, its links resolved against the final URL', async () => {
      for (const tag of registeredTags) {
        const sample = sampleFor(tag);
        const { el, events, state } = await show(
          tag,
          redirect(`${other}${feedUrl(sample.feed, fresh())}`),
          ['ready', 'error'],
        );
        el.remove();
        expect(state, `<${tag}>: ${events.errors[0]}`).to.equal('ready');
        if (sample.feed === 'rss') {
          // The first item of rss-news.xml links to "../news/16062565.html".
          expect((events.loads[0] as ItemsData).items[0].url).to.equal(
            `${other}/news/16062565.html`,
          );
        }
      }
    });

    it('without CORS, in a loop, or to data: and javascript: URLs: a clear error', async () => {
      for (const tag of registeredTags) {
        const sample = sampleFor(tag);
        const cases = [
          ['without CORS', redirect(`${other}${feedUrl(sample.feed, `cors=0&${fresh()}`)}`)],
          ['to data:', redirect('data:application/json,{"online":1,"items":[]}')],
          ['to javascript:', redirect('javascript:window.__ectPwned=1')],
          ['in a loop', `/api/feed?redirect=self&${fresh()}`],
        ];
        for (const [label, src] of cases) {
          await expectError(tag, src, /^Could not reach the feed/, `a redirect ${label}`);
        }
      }
    });
  });

  describe('link schemes (mixed content is up to the browser; see the top of this file)', () => {
    const links = {
      allowed: [
        'http://example.org/plain',
        'https://example.org/secure',
        'mailto:pr@example.org',
        'tel:+6621234567',
      ],
      refused: [
        'javascript:window.__ectPwned=1',
        'data:text/html,<script>1</script>',
        'vbscript:x',
        'file:///etc/passwd',
        'ftp://example.org/x',
        ' java\tscript:window.__ectPwned=1',
      ],
      images: {
        allowed: ['http://example.org/i.png', 'https://example.org/i.png'],
        refused: ['data:image/png;base64,iVBORw0KGgo=', 'javascript:1', 'file:///i.png'],
      },
    };
    const feeds: Partial<Record<FeedKind, string>> = {
      items: JSON.stringify({
        items: [...links.allowed, ...links.refused].map((url, i) => ({
          id: `l${i}`,
          title: `link ${i}`,
          url,
          image: [...links.images.allowed, ...links.images.refused][i % 5],
          attachments: [{ url, type: 'application/pdf' }],
          html: `<a href="${url}">a</a><img src="${[...links.images.allowed, ...links.images.refused][i % 5]}" alt="">`,
        })),
      }),
      events: JSON.stringify({
        events: [...links.allowed, ...links.refused].map((url, i) => ({
          id: `l${i}`,
          title: `link ${i}`,
          start: `2022-08-${String(10 + i).padStart(2, '0')}`,
          url,
        })),
      }),
    };

    it('http: links and images stay (docs/contract.md allow-list), every other scheme is dropped (parser)', async () => {
      const data = (await parseFeed(feeds.items!, { format: 'json' })) as ItemsData;
      const urls = data.items.map((item) => item.url).filter(Boolean);
      expect(urls).to.deep.equal(links.allowed.map((url) => new URL(url).href));
      const images = data.items.map((item) => item.image).filter(Boolean);
      expect(
        images.every((src) => /^https?:/.test(src!)),
        images.join(),
      ).to.be.true;
      expect(images).to.include('http://example.org/i.png');
      const files = data.items.flatMap((item) => item.attachments.map((file) => file.url));
      expect(files).to.deep.equal(links.allowed.map((url) => new URL(url).href));
      for (const item of data.items) {
        expect(item.html ?? '').not.to.match(/javascript:|data:|vbscript:|file:|ftp:/i);
      }
    });

    it('every element links and loads only allowed schemes', async () => {
      const allowed = links.allowed.map((url) => new URL(url).href);
      for (const tag of registeredTags) {
        const feed = feeds[sampleFor(tag).kind];
        if (!feed) continue;
        const { el, events, state } = await show(tag, serve(feed, 'application/json'), [
          'ready',
          'error',
        ]);
        expect(state, `<${tag}>`).to.equal('ready');
        const data = events.loads[0];
        const urls =
          data.kind === 'items'
            ? data.items.map((item) => item.url)
            : data.kind === 'events'
              ? data.events.map((event) => event.url)
              : [];
        expect(urls.filter(Boolean), `<${tag}> links in its data`).to.deep.equal(allowed);
        const root = el.shadowRoot!;
        const hrefs = [...root.querySelectorAll('[href]')].map((node) =>
          node.getAttribute('href')!,
        );
        const sources = [...root.querySelectorAll('[src]')].map((node) =>
          node.getAttribute('src')!,
        );
        el.remove();
        // Links the element makes itself (a same-page "#", a blob: download) are its own.
        const foreign = hrefs.filter((href) => !/^(https?:|mailto:|tel:|#|blob:)/.test(href));
        expect(foreign, `<${tag}> hrefs`).to.deep.equal([]);
        expect(
          sources.filter((src) => !/^https?:/.test(src)),
          `<${tag}> srcs`,
        ).to.deep.equal([]);
      }
    });
  });

  it('Chromium measures long tasks (the limit is checked there only)', function () {
    if (!navigator.userAgent.includes('Chrome')) this.skip();
    expect(longTasksSupported).to.equal(true);
  });
});
