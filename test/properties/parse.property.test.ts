/**
 * Property (b): parseFeed on generated and mutated documents of each format resolves to
 * well-formed data of a known kind or rejects with a FeedError, nothing else; its links are of
 * the allowed schemes, its HTML inert and unchanged by a second sanitizing; and a document twice
 * as long does not take more than about four times as long (over 50 ms).
 */
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { FEED_FORMATS, FeedError, parseFeed, type FeedFormat } from '../../src/feed/index.js';
import { BASE, expectIdempotent, expectWellFormed, feedInput } from './feeds.js';
import { PROPERTY_TIMEOUT, checkProperty } from './settings.js';

const CONTENT_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml',
  jsonfeed: 'application/feed+json',
  json: 'application/json',
  ics: 'text/calendar; charset=utf-8',
  csv: 'text/csv',
};

/** Parses as the stream would; a rejection must be a FeedError, and is returned as such. */
async function parse(text: string, format: FeedFormat, how: { auto: boolean; bytes: boolean }) {
  const input = how.bytes ? new TextEncoder().encode(text) : text;
  try {
    return await parseFeed(input, {
      format: how.auto ? 'auto' : format,
      contentType: how.auto ? null : CONTENT_TYPES[format],
      baseUrl: BASE,
    });
  } catch (error) {
    if (!(error instanceof FeedError)) {
      throw new Error(`rejected with ${Object.prototype.toString.call(error)}: ${String(error)}`);
    }
    expect(error.message, 'FeedError message').to.be.a('string').and.not.be.empty;
    return error;
  }
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await run();
  return performance.now() - start;
}

/** Doubling the input more than ~4× the time, and over 50 ms: measured again before it counts. */
async function expectLinearTime(
  text: string,
  doubled: string,
  run: (t: string) => Promise<unknown>,
) {
  let single = await timed(() => run(text));
  let double = await timed(() => run(doubled));
  for (let again = 0; again < 2 && double > 50 && double > 4 * single; again++) {
    single = Math.min(single, await timed(() => run(text)));
    double = Math.min(double, await timed(() => run(doubled)));
  }
  if (double > 50 && double > 4 * single) {
    expect.fail(
      `${text.length} chars: ${single.toFixed(1)} ms; twice as long: ${double.toFixed(1)} ms`,
    );
  }
}

describe('property: parseFeed on generated and mutated documents', function () {
  this.timeout(PROPERTY_TIMEOUT);

  for (const format of FEED_FORMATS) {
    const outcomes = { data: 0, FeedError: 0, longest: 0 };
    it(`${format}: data of a known kind or a FeedError, safe links, inert idempotent HTML, linear time`, async () => {
      await checkProperty(
        `parseFeed ${format}`,
        fc.asyncProperty(
          feedInput(format),
          fc.record({ auto: fc.boolean(), bytes: fc.boolean() }),
          fc.boolean(),
          async (doc, how, measure) => {
            const result = await parse(doc.text, format, how);
            outcomes[result instanceof FeedError ? 'FeedError' : 'data']++;
            outcomes.longest = Math.max(outcomes.longest, doc.doubled.length);
            if (!(result instanceof FeedError)) await expectIdempotent(expectWellFormed(result));
            if (measure)
              await expectLinearTime(doc.text, doc.doubled, (t) => parse(t, format, how));
          },
        ),
        {
          notes: () =>
            `${outcomes.data} parsed, ${outcomes.FeedError} FeedErrors, ` +
            `longest doubled input ${outcomes.longest} chars`,
        },
      );
    });
  }
});
