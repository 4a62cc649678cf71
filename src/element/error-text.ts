/**
 * The sentence an element shows for a failed feed, in the element's language: made from the
 * FeedError's `code` and details (`FeedErrorInfo`, src/feed/types.ts), never from its English
 * `message`, which is for developers. Call inside `LangController.render()` like any `msg()`.
 *
 * The sentences come with the views (status.ts, which every view imports, imports this module;
 * LazyView loads it beside the first view), not in `dist/ect-widgets.js`, whose size budget
 * they would not fit in two languages. They are translated in xliff/th.xlf like every other
 * message (ids `error.…`); `npm run localize:build` writes their Thai to
 * src/generated/locales/th/errors.ts, not to the shared words of th.ts
 * (scripts/split-locales.js), and this module adds it to the Thai templates.
 */
import { msg, str } from '@lit/localize';
import './translations.js';
import { templates } from '../generated/locales/th/errors.js';
import { thaiTemplates } from './localize.js';
import {
  FORMAT_LABELS,
  type FeedErrorInfo,
  type FeedFormat,
  type FeedKind,
  type ReportNotice,
} from '../feed/types.js';

Object.assign(thaiTemplates, templates);

/** The formats an element showing `kind` reads, as its sentences name them. */
function formatsOf(kind: FeedKind): string {
  switch (kind) {
    case 'items':
      return msg('RSS, Atom or JSON', { id: 'error.formats-items' });
    case 'events':
      return msg('iCalendar or JSON', { id: 'error.formats-events' });
    case 'results':
      return msg('CSV, JSON or an ECT report', { id: 'error.formats-results' });
    case 'counter':
      return msg('JSON or a number', { id: 'error.formats-counter' });
  }
}

/** What data of `kind` is, as the sentences name it. */
function kindName(kind: FeedKind): string {
  switch (kind) {
    case 'items':
      return msg('news items', { id: 'error.kind-items' });
    case 'events':
      return msg('calendar events', { id: 'error.kind-events' });
    case 'results':
      return msg('election results', { id: 'error.kind-results' });
    case 'counter':
      return msg('a visitor count', { id: 'error.kind-counter' });
  }
}

/** The JSON field an element showing `kind` reads first (docs/feeds.md). */
const FIELDS: Record<FeedKind, string> = {
  items: '"items"',
  events: '"events"',
  results: '"candidates"',
  counter: '"online"',
};

function formatName(format: FeedFormat): string {
  return format === 'ect-report'
    ? msg('ECT report', { id: 'error.ect-report' })
    : FORMAT_LABELS[format];
}

/**
 * The sentence for a failed feed (`info`: a FeedError's details) shown by an element that shows
 * `kind` of data: what was expected is what that element reads. Without the heading.
 */
export function errorText(info: FeedErrorInfo, kind: FeedKind): string {
  const { status, seconds, megabytes, line, field, value, format } = info;
  const at = line ? msg(str` (line ${line})`, { id: 'error.line' }) : '';
  switch (info.code) {
    case 'timeout':
      return msg(str`No answer within ${seconds} seconds`, { id: 'error.timeout' });
    case 'offline':
      return msg('This device is not connected to the internet', { id: 'error.offline' });
    case 'network':
      return msg(
        'Could not reach the server (blocked, or it does not allow CORS: see the proxy attribute)',
        { id: 'error.network' },
      );
    case 'http':
      return msg(str`The server answered HTTP ${status}`, { id: 'error.http' });
    case 'too-large':
      return msg(str`The data is larger than ${megabytes} MB`, { id: 'error.too-large' });
    case 'html-page':
      return msg(str`Expected ${formatsOf(kind)}, got a web page (HTML)`, {
        id: 'error.html-page',
      });
    case 'empty':
      return msg('The feed is empty', { id: 'error.empty' });
    case 'wrong-format':
      return msg(str`Expected ${formatsOf(kind)}, got another kind of file`, {
        id: 'error.wrong-format',
      });
    case 'unknown-format':
      return msg(str`Unknown format "${value}" in the format attribute`, {
        id: 'error.unknown-format',
      });
    case 'syntax':
      if (!format) break;
      return msg(str`The ${formatName(format)} is not well-formed${at}`, { id: 'error.syntax' });
    case 'entities':
      return msg('The XML declares entities that are not allowed', { id: 'error.entities' });
    case 'json-shape':
      return msg(str`The JSON has no ${FIELDS[kind]} field`, { id: 'error.json-shape' });
    case 'columns':
      return msg(
        str`The CSV header row has no "${field}" column (it needs number, name and votes)`,
        { id: 'error.columns' },
      );
    case 'bad-data':
      return field
        ? msg(str`The value of "${field}" is not valid${at}`, { id: 'error.bad-value' })
        : msg(str`The data has a value that cannot be right${at}`, { id: 'error.bad-data' });
    case 'too-many':
      return msg('The feed holds more than this element can show', { id: 'error.too-many' });
    case 'province':
      return value
        ? msg(str`The file has no province "${value}"`, { id: 'error.province-missing' })
        : msg('The file has several provinces: choose one with the province attribute', {
            id: 'error.province-needed',
          });
    case 'kind-mismatch':
      if (!info.kind) break;
      return msg(str`This element shows ${kindName(kind)}; the feed has ${kindName(info.kind)}`, {
        id: 'error.kind-mismatch',
      });
    case 'data-property':
      return msg('The data property is not JSON data', { id: 'error.data-property' });
    case 'unsupported':
      return msg('This browser cannot receive live updates', { id: 'error.unsupported' });
    case 'parser':
      if (!format) break;
      return msg(str`Could not load what reads ${formatName(format)} (offline?)`, {
        id: 'error.parser',
      });
  }
  return msg('Something went wrong while reading the data', { id: 'error.unknown' });
}

/** A notice of an ECT report (a reference file that failed or lacks ids), in one line. */
export function noticeText(notice: ReportNotice): string {
  const { file, error, ids = [], more } = notice;
  if (error) return `${file}: ${errorText(error, 'results')}`;
  const shown = ids.join(', ') + (more ? ` (+${more})` : '');
  return msg(str`${file} has no entry for ${shown}`, { id: 'error.ref-ids' });
}
