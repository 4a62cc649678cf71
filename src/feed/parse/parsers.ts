/**
 * The parsers that load on first use: RSS and Atom (xml.ts), the news items, calendar events and
 * election results of JSON feeds (json-items.ts, json-events.ts, json-results.ts), iCalendar
 * with ical.js, CSV with papaparse, the ECT report. Only JSON itself and visitor counts
 * (json.ts) are read without one, so an element imported on its own (`ect-widgets/online-counter`)
 * carries no parser it does not use. `dist/ect-widgets.js` has the RSS, Atom and JSON ones inside
 * (src/index.ts imports them), so there they load at once.
 *
 * An element starts loading the parser its feed needs when it asks for the feed, beside its view:
 * the one of the format its feed's name, `format` or inline type says (`preloadParser` in
 * index.ts), else those of the kinds of data it shows (`preloadParsersFor`). They are in before
 * the feed arrives.
 */
import { loadIcal } from './load-ical.js';
import { FeedError, FORMAT_LABELS, type FeedFormat, type FeedKind } from '../types.js';

const PARSERS = {
  xml: () => import('./xml.js'),
  'json-items': () => import('./json-items.js'),
  'json-events': () => import('./json-events.js'),
  'json-results': () => import('./json-results.js'),
  ics: () => import('./ics.js'),
  csv: () => import('./csv.js'),
  'ect-report': () => import('./ect-report.js'),
};

type Parsers = typeof PARSERS;
export type ParserName = keyof Parsers;

/**
 * The parser module `name`, for a feed of `format`. A module that cannot be loaded (offline, a
 * deploy in between) is a FeedError that says so, and the next call tries again.
 */
export async function loadParser<N extends ParserName>(
  name: N,
  format: FeedFormat,
): Promise<Awaited<ReturnType<Parsers[N]>>> {
  try {
    return (await PARSERS[name]()) as Awaited<ReturnType<Parsers[N]>>;
  } catch (error) {
    throw new FeedError(`${FORMAT_LABELS[format]}: the parser could not be loaded (offline?)`, {
      code: 'parser',
      format,
      cause: error,
    });
  }
}

const preloaded = new Set<string>();

/**
 * Starts loading parser modules and libraries (`ical.js`, `papaparse`) side by side, once per
 * page. A failed load here is left to `loadParser`, which loads again and says what failed.
 */
export function preload(...names: (ParserName | 'ical.js' | 'papaparse')[]): void {
  for (const name of names) {
    if (preloaded.has(name)) continue;
    preloaded.add(name);
    const loading =
      name === 'ical.js'
        ? loadIcal()
        : name === 'papaparse'
          ? import('papaparse')
          : PARSERS[name]();
    void loading.catch(() => preloaded.delete(name));
  }
}

/** The parsers a feed of each kind may need when nothing says its format (RSS or JSON items…). */
const BY_KIND: Readonly<Record<FeedKind, readonly ParserName[]>> = {
  items: ['xml', 'json-items'],
  events: ['json-events'],
  results: ['json-results'],
  counter: [],
};

/** Starts loading the parsers of the kinds of data an element shows. */
export function preloadParsersFor(kinds: readonly FeedKind[]): void {
  for (const kind of kinds) preload(...BY_KIND[kind]);
}
