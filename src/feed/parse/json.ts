/**
 * JSON feeds (the shapes in docs/contract.md, and JSON Feed 1.0/1.1) to normalized data. A
 * visitor count is read here; news items, calendar events and election results by the module of
 * their kind (json-items.ts, json-events.ts, json-results.ts), loaded when a feed has them
 * (parsers.ts). The shared normalizers are in normalize.ts; the line and column of a syntax
 * error in json-error.ts.
 */
import {
  FeedError,
  FORMAT_LABELS,
  type CounterData,
  type FeedData,
  type FeedErrorInfo,
} from '../types.js';
import { LIMITS } from '../limits.js';
import { loadParser } from './parsers.js';
import {
  counts,
  isObject,
  looksLikeHtml,
  ownField,
  toFigure,
  withOptional,
  type JsonObject,
} from './normalize.js';

// ---------------------------------------------------------------------------------------------
// Counter

function counterData(object: JsonObject): CounterData {
  const online = toFigure(ownField(object, 'online'), 'online', 'JSON');
  if (online === undefined) {
    throw new FeedError(`JSON: "online" is not a number`, {
      code: 'bad-data',
      format: 'json',
      field: 'online',
    });
  }
  return withOptional<CounterData>(
    { kind: 'counter', online },
    counts(object, ['today', 'month', 'total'], 'JSON'),
  );
}

// ---------------------------------------------------------------------------------------------
// Syntax errors

/**
 * "line N, column M: reason" and the line for JSON that JSON.parse refused (json-error.ts,
 * loaded on the first syntax error), else the browser's own message.
 */
async function syntaxError(
  source: string,
  error: unknown,
): Promise<{ text: string; line?: number }> {
  try {
    const located = (await import('./json-error.js')).locateJsonError(source);
    if (located) {
      const { line, column, reason } = located;
      return { text: `line ${line}, column ${column}: ${reason}`, line };
    }
  } catch {
    // Not loaded (offline, say): the browser's message will do.
  }
  const text = error instanceof Error ? error.message : String(error);
  return { text: text.replace(/^JSON\.parse:\s*/, '') };
}

// ---------------------------------------------------------------------------------------------
// Entry

/** JSON Feed by its `version` URL. */
export function isJsonFeed(value: unknown): boolean {
  const version = isObject(value) ? ownField(value, 'version') : undefined;
  return typeof version === 'string' && /^https?:\/\/jsonfeed\.org\/version\//.test(version);
}

/** A bare number, the simplest visitor-count feed (`1234`, `๑,๒๓๔`). */
export const PLAIN_NUMBER = /^\s*[+-]?[0-9๐-๙][0-9๐-๙,]*(?:\.[0-9๐-๙]+)?\s*$/;

/**
 * Parses JSON text as a docs/contract.md shape (`items` / bare array, `events`, `candidates`,
 * `races`, `online` / bare number) or as JSON Feed (by its `version`, or when `format` says so).
 */
export async function parseJson(
  source: string,
  format: 'json' | 'jsonfeed' = 'json',
  baseUrl?: string,
): Promise<FeedData> {
  const label = FORMAT_LABELS[format];
  const feedError = (message: string, details: FeedErrorInfo & { cause?: unknown }) =>
    new FeedError(`${label}: ${message}`, { ...details, format });
  if (looksLikeHtml(source)) {
    throw feedError('expected JSON, got an HTML page', { code: 'html-page' });
  }
  if (!source.trim()) throw feedError('the feed is empty', { code: 'empty' });
  if (format === 'json' && PLAIN_NUMBER.test(source)) {
    // A bare number: a counter, through parseJsonValue so that its errors name the format.
    return parseJsonValue(source.trim(), format, baseUrl);
  }
  let value: unknown;
  try {
    value = JSON.parse(source);
  } catch (error) {
    const { text, line } = await syntaxError(source, error);
    throw feedError(text, { code: 'syntax', line, cause: error });
  }
  return parseJsonValue(value, format, baseUrl);
}

/**
 * Data set from script (an element's `data` property) that is plain JSON data already:
 * objects with no prototype but Object's, arrays, strings, finite numbers, booleans and null,
 * nested at most `LIMITS.depth` deep, with at most `PLAIN_NODES` values in all and no list of
 * news items longer than `LIMITS.items`. Such data is normalized as it is, which spares
 * serializing and parsing it again (thousands of result rows); anything else takes the JSON
 * text path (and its limits) after `JSON.stringify`. Normalizing never changes its input and
 * keeps none of its objects.
 */
export function isPlainJsonData(value: unknown): boolean {
  let nodes = 0;
  const plain = (node: unknown, depth: number, items: boolean): boolean => {
    if (++nodes > PLAIN_NODES) return false;
    if (node === null || typeof node === 'string' || typeof node === 'boolean') return true;
    if (typeof node === 'number') return Number.isFinite(node);
    if (typeof node !== 'object' || depth >= LIMITS.depth) return false;
    if (Array.isArray(node)) {
      if (items && node.length > LIMITS.items) return false;
      for (let i = 0; i < node.length; i++) if (!plain(node[i], depth + 1, false)) return false;
      return true;
    }
    const prototype = Object.getPrototypeOf(node) as unknown;
    if (prototype !== Object.prototype && prototype !== null) return false;
    if ('toJSON' in node) return false;
    for (const key of Object.keys(node)) {
      const child = (node as JsonObject)[key];
      if (child !== undefined && !plain(child, depth + 1, depth === 0 && key === 'items')) {
        return false;
      }
    }
    return true;
  };
  return plain(value, 0, true);
}

/** Values (objects, arrays and scalars) plain data may have for the direct path. */
const PLAIN_NODES = 200_000;

/**
 * Parsed JSON, or plain data set from script (see isPlainJsonData), normalized as a JSON feed;
 * every failure is a FeedError of the format.
 */
export async function parseJsonValue(
  value: unknown,
  format: 'json' | 'jsonfeed' = 'json',
  baseUrl?: string,
): Promise<FeedData> {
  const label = FORMAT_LABELS[format];
  try {
    return await normalizeJson(value, format, baseUrl, label);
  } catch (error) {
    if (error instanceof FeedError) {
      throw new FeedError(error.message, { ...error.details, format });
    }
    const message = error instanceof Error ? error.message : String(error);
    throw new FeedError(`${label}: ${message}`, { code: 'unknown', format, cause: error });
  }
}

async function normalizeJson(
  value: unknown,
  format: 'json' | 'jsonfeed',
  base: string | undefined,
  label: string,
): Promise<FeedData> {
  const items = async (object: JsonObject, list: unknown[]) =>
    (await loadParser('json-items', format)).itemsData(object, list, base);
  if (Array.isArray(value)) return items({}, value);
  if (typeof value === 'number' || typeof value === 'string') return counterData({ online: value });
  if (!isObject(value)) {
    throw new FeedError(`${label}: expected an object or a list`, { code: 'json-shape' });
  }
  const list = ownField(value, 'items');
  if (format === 'jsonfeed' || isJsonFeed(value)) {
    if (!Array.isArray(list)) {
      throw new FeedError(`JSON Feed: "items" is not a list`, { code: 'bad-data', field: 'items' });
    }
    return items(value, list);
  }
  if (Array.isArray(list)) return items(value, list);
  const events = ownField(value, 'events');
  if (Array.isArray(events)) {
    return (await loadParser('json-events', format)).eventsData(value, events, base);
  }
  const races = ownField(value, 'races');
  if (Array.isArray(races)) {
    return (await loadParser('json-results', format)).resultsData(
      value,
      races.map((race) => (isObject(race) ? race : {})),
      label,
    );
  }
  if (ownField(value, 'candidates') !== undefined) {
    return (await loadParser('json-results', format)).resultsData(value, [value], label);
  }
  if (ownField(value, 'online') !== undefined) return counterData(value);
  throw new FeedError(
    `${label}: expected "items", "events", "candidates", "races" or "online" in the object`,
    { code: 'json-shape' },
  );
}
