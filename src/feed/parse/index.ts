/**
 * `parseFeed`: feed text or bytes to normalized data. The format comes from the `format` option,
 * else the Content-Type, else the text itself. Every parser but JSON's loads on first use
 * (parsers.ts).
 */
import { decodeFeedInTasks } from '../decode.js';
import { withinDataLimits, withinLimits } from '../limits.js';
import { isPlainJsonData, parseJson, parseJsonValue, PLAIN_NUMBER } from './json.js';
import { looksLikeHtml } from './normalize.js';
import { loadParser, preload } from './parsers.js';
import { nextTask } from '../tasks.js';
import {
  FEED_FORMATS,
  FeedError,
  FORMAT_LABELS,
  type FeedData,
  type FeedFormat,
  type FeedFormatOption,
  type ReportOptions,
} from '../types.js';

export interface ParseOptions {
  /** `auto` (default) or the format to parse as. */
  format?: FeedFormatOption;
  /** The response's Content-Type, used for `auto` (and to decode bytes). */
  contentType?: string | null;
  /** The feed's URL: relative links in the feed resolve against it. */
  baseUrl?: string;
  /** `ect-report`: where its reference files are and which province to show. */
  report?: ReportOptions;
  /** The feed's proxy template, for the files it refers to (the ECT reference files). */
  proxy?: string | null;
}

const BY_TYPE: Record<string, FeedFormat> = {
  'application/rss+xml': 'rss',
  'application/rdf+xml': 'rss',
  'application/atom+xml': 'atom',
  'application/feed+json': 'jsonfeed',
  'text/calendar': 'ics',
  'text/csv': 'csv',
  'text/comma-separated-values': 'csv',
  'application/csv': 'csv',
};

const XML_PROLOG = /^(?:\s+|<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>[]*(?:\[[\s\S]*?\])?\s*>)*/i;

/** RSS, Atom or undefined, from the name of the XML document's root element. */
function sniffXml(text: string): FeedFormat | undefined {
  const root = /^<([A-Za-z_][\w.-]*:)?([A-Za-z_][\w.-]*)/.exec(text.replace(XML_PROLOG, ''));
  if (!root) return undefined;
  if (root[2] === 'rss' || root[2] === 'RDF') return 'rss';
  if (root[2] === 'feed') return 'atom';
  return undefined;
}

/** Top-level fields of the ECT's statistics files, which come before their long arrays. */
const ECT_REPORT = /^\{\s*"(?:turn_out|counted_vote_stations|referendum_turn_out)"\s*:/;

function sniffJson(text: string): FeedFormat {
  if (ECT_REPORT.test(text)) return 'ect-report';
  // A cheap look at the text; parseJson checks the parsed `version` again.
  return /"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//.test(text) ? 'jsonfeed' : 'json';
}

/**
 * The format of feed text: by Content-Type where it is specific, else by the text (JSON,
 * RSS/RDF/Atom root element, `BEGIN:VCALENDAR`, a comma-separated header line).
 * Throws a FeedError for an HTML page or text that is no feed.
 */
export function detectFormat(text: string, contentType?: string | null): FeedFormat {
  const type = contentType?.split(';')[0].trim().toLowerCase() ?? '';
  const source = text.replace(/^\ufeff/, '').trimStart();
  const byType = BY_TYPE[type];
  if (byType) return byType;
  const json = type === 'application/json' || type === 'text/json' || type.endsWith('+json');
  if (json) return sniffJson(source);
  if (looksLikeHtml(source)) {
    throw new FeedError('expected a feed, got an HTML page', { code: 'html-page' });
  }
  if (!source) throw new FeedError('the feed is empty', { code: 'empty' });
  if (/^[[{]/.test(source) || PLAIN_NUMBER.test(source)) {
    return sniffJson(source);
  }
  if (source.startsWith('<')) {
    const xml = sniffXml(source);
    if (xml) return xml;
    throw new FeedError('expected RSS or Atom, got another kind of XML document', {
      code: 'wrong-format',
    });
  }
  if (/^BEGIN:VCALENDAR\b/i.test(source)) return 'ics';
  const header = source.split(/\r?\n/, 1)[0];
  if (/[,;\t]/.test(header) && !/[<>{}]/.test(header)) return 'csv';
  throw new FeedError('unrecognized feed: expected RSS, Atom, JSON, iCalendar or CSV', {
    code: 'wrong-format',
  });
}

function formatOption(format: unknown): FeedFormat | undefined {
  if (format === undefined || format === null || format === '') return undefined;
  const name = String(format).trim().toLowerCase();
  if (name === 'auto') return undefined;
  if ((FEED_FORMATS as readonly string[]).includes(name)) return name as FeedFormat;
  throw new FeedError(`unknown format "${String(format)}": use auto, ${FEED_FORMATS.join(', ')}`, {
    code: 'unknown-format',
    value: String(format),
  });
}

/**
 * Starts loading the parser of `format` and the library it uses (ical.js, papaparse) side by
 * side, while the feed itself is still on its way; otherwise each waits for the one before it,
 * a round trip each once the feed has arrived. A failed load here is left to `parseFeed`, which
 * loads again and says what failed.
 */
export function preloadParser(format: FeedFormat): void {
  if (format === 'rss' || format === 'atom') preload('xml');
  else if (format === 'jsonfeed') preload('json-items');
  else if (format === 'ics') preload('ics', 'ical.js');
  else if (format === 'csv') preload('csv', 'papaparse');
  else if (format === 'ect-report') preload('ect-report');
}

/** The format a feed URL's file name says (`.ics`, `.csv`), if it says one. */
export function formatOfUrl(url: string): FeedFormat | undefined {
  const path = /^[^?#]*/.exec(url)![0].toLowerCase();
  if (/\.(?:ics|ical|ifb)$/.test(path)) return 'ics';
  if (/\.csv$/.test(path)) return 'csv';
  return undefined;
}

/** `<script type>` values that carry inline feed data, and the format each means. */
export const INLINE_TYPES: Readonly<Record<string, FeedFormatOption>> = {
  'application/json': 'auto',
  'application/feed+json': 'jsonfeed',
  'text/calendar': 'ics',
  'application/rss+xml': 'rss',
  'application/atom+xml': 'atom',
  'text/csv': 'csv',
};

/**
 * Parses a feed into normalized data. Bytes are decoded first (charset from the Content-Type,
 * the XML prolog, else UTF-8). Every failure is a FeedError whose message names the format
 * and the problem.
 */
export async function parseFeed(
  input: string | ArrayBuffer | Uint8Array,
  options: ParseOptions = {},
): Promise<FeedData> {
  const { contentType, baseUrl } = options;
  const raw = typeof input === 'string' ? input : await decodeFeedInTasks(input, contentType);
  const text = raw.replace(/^\ufeff/, '');
  const format = formatOption(options.format) ?? detectFormat(text, contentType);
  // The parser and its library load while the text is checked against the limits.
  preloadParser(format);
  try {
    switch (format) {
      case 'rss':
      case 'atom': {
        // The walk that cuts the items past the limits comes with the parser.
        const { cutXml, parseXmlFeed } = await loadParser('xml', format);
        const source = await withinLimits(text, format, cutXml);
        return await withinDataLimits(await parseXmlFeed(source, format, baseUrl), format);
      }
      case 'json':
      case 'jsonfeed': {
        const source = await withinLimits(text, format);
        return await withinDataLimits(await parseJson(source, format, baseUrl), format);
      }
      case 'ics': {
        const source = await withinLimits(text, format);
        const { parseIcs } = await loadParser('ics', format);
        return await withinDataLimits(await parseIcs(source, baseUrl), format);
      }
      case 'csv': {
        const source = await withinLimits(text, format);
        const { parseCsv } = await loadParser('csv', format);
        return await withinDataLimits(await parseCsv(source), format);
      }
      case 'ect-report': {
        const source = await withinLimits(text, format);
        const { parseEctReport } = await loadParser('ect-report', format);
        const report = { ...options.report, proxy: options.proxy };
        return await withinDataLimits(await parseEctReport(source, baseUrl, report), format);
      }
    }
  } catch (error) {
    if (error instanceof FeedError) throw error;
    // Anything else (a library that failed to load, say) still reads as a feed failure.
    const message = error instanceof Error ? error.message : String(error);
    throw new FeedError(`${FORMAT_LABELS[format]}: ${message}`, {
      code: globalThis.navigator?.onLine === false ? 'offline' : 'unknown',
      format,
      cause: error,
    });
  }
}

/**
 * An element's `data` property, untrusted like a feed: normalized and sanitized exactly as a
 * JSON feed would be. Plain data is read as it is; anything else (a Date inside, a class
 * instance) as the JSON text `JSON.stringify` makes of it.
 */
export async function parseFeedData(value: unknown, baseUrl?: string): Promise<FeedData> {
  let plain: boolean;
  let text: string | undefined;
  try {
    plain = isPlainJsonData(value);
    if (!plain) text = JSON.stringify(value);
  } catch {
    // A getter or a Proxy that throws, a cycle, a BigInt: said below.
    plain = false;
    text = undefined;
  }
  if (plain) {
    try {
      const data = await parseJsonValue(value, 'json', baseUrl);
      // Trimming a big calendar (a date read per event) in a task of its own.
      await nextTask();
      return await withinDataLimits(data, 'json');
    } catch (error) {
      if (error instanceof FeedError) throw error;
      throw new FeedError('The data property could not be read as JSON data', {
        code: 'data-property',
        cause: error,
      });
    }
  }
  if (text === undefined) {
    throw new FeedError('The data property is not JSON data (circular or a function?)', {
      code: 'data-property',
    });
  }
  return parseFeed(text, { format: 'json', baseUrl });
}
