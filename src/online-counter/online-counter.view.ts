import { html, nothing, type TemplateResult } from 'lit';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { hasFallbackContent } from '../element/feed-controller.js';
import { formatNumber, formatTime, type FormatOptions } from '../format/index.js';
import type { ElementView } from '../element/lazy-view.js';
import { messages } from '../element/messages.js';
import { errorSentence } from '../element/status.js';
import type { CounterData } from '../feed/types.js';
import type { EctOnlineCounter, Figure } from './online-counter.js';
import { viewStyles } from '../element/view-styles.js';
import { styles } from './online-counter.styles.js';
import { templates as th } from '../generated/locales/th/online-counter.js';

/** The templates and styles of `<ect-online-counter>`, loaded on its first use. */
export const view: ElementView<EctOnlineCounter> = {
  styles: [viewStyles, styles],
  th,
  render,
};

function render(host: EctOnlineCounter): TemplateResult {
  const { status, source } = host.feed.snapshot;
  const data = host.feed.data;
  const fallback = !data && hasFallbackContent(host) ? html`<slot></slot>` : nothing;
  if (!data && status === 'loading' && fallback !== nothing) return fallback;
  const stale = !!data && (status === 'stale' || source === 'cache');
  const options: FormatOptions = { lang: host.i18n.lang, numerals: host.numerals ?? undefined };
  const count = data
    ? renderCount(host, 'online', data.online, stale, options)
    : status === 'loading'
      ? html`<span part="count loading" aria-hidden="true"></span
          ><span class="visually-hidden">${messages.loading()}</span>`
      : html`<span part="count unavailable" title=${errorSentence(host.feed)} aria-hidden="true"
            >—</span
          ><span class="visually-hidden"
            >${msg('unknown number of', { id: 'online-counter.unknown' })}</span
          >`;
  const sentence =
    data?.online === 1
      ? msg(html`${count} person online now`, { id: 'online-counter.online-one' })
      : msg(html`${count} people online now`, { id: 'online-counter.online' });
  return html`${fallback}
    <div part="base" aria-busy=${status === 'loading' ? 'true' : 'false'}>
      <span part="online">${sentence}</span>
      ${data ? renderStats(host, data, stale, options) : nothing}
      ${stale ? renderStaleNote(host, errorSentence(host.feed), options) : nothing}
    </div>`;
}

function renderStats(
  host: EctOnlineCounter,
  data: CounterData,
  stale: boolean,
  options: FormatOptions,
): TemplateResult | typeof nothing {
  const labels: [Exclude<Figure, 'online'>, string][] = [
    ['today', msg('Today', { id: 'online-counter.today' })],
    ['month', msg('This month', { id: 'online-counter.month' })],
    ['total', msg('Total', { id: 'online-counter.total' })],
  ];
  const shown = labels.filter(([name]) => data[name] !== undefined);
  if (!shown.length) return nothing;
  return html`<dl part="stats">
    ${shown.map(
      ([name, label]) =>
        html`<div part="stat">
          <dt part="label">${label}</dt>
          <dd>${renderCount(host, name, data[name]!, stale, options)}</dd>
        </div>`,
    )}
  </dl>`;
}

function renderCount(
  host: EctOnlineCounter,
  name: Figure,
  value: number,
  stale: boolean,
  options: FormatOptions,
) {
  const before = host.shown[name];
  const changed = before !== undefined && before !== value;
  // A new node for a new value, so the change animation plays once per change.
  return keyed(
    value,
    html`<span part=${stale ? 'count stale' : 'count'} class=${changed ? 'changed' : ''}
      >${formatNumber(value, options)}</span
    >`,
  );
}

/** `reason`: why the latest update failed (empty when the figures came from the cache). */
function renderStaleNote(
  host: EctOnlineCounter,
  reason: string,
  options: FormatOptions,
): TemplateResult {
  const time = host.receivedAt && formatTime(host.receivedAt, options);
  const note = time
    ? msg(str`as of ${time}`, { id: 'online-counter.as-of' })
    : msg('saved figures', { id: 'online-counter.saved' });
  return html`<span part="note" title=${reason}>(${note})</span>`;
}
