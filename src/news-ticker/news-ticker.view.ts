import { html, nothing, svg, type SVGTemplateResult, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { formatDate, type Lang } from '../format/index.js';
import type { ElementView } from '../element/lazy-view.js';
import { messages } from '../element/messages.js';
import { emptyTemplate, feedStatus, staleNotice } from '../element/status.js';
import type { FeedItem } from '../feed/types.js';
import { safeUrl } from '../feed/url.js';
import type { EctNewsTicker } from './news-ticker.js';
import { viewStyles } from '../element/view-styles.js';
import { styles } from './news-ticker.styles.js';
import { templates as th } from '../generated/locales/th/news-ticker.js';

/** The templates and styles of `<ect-news-ticker>`, loaded on its first use. */
export const view: ElementView<EctNewsTicker> = {
  styles: [viewStyles, styles],
  th,
  render,
};

const PAUSE_ICON = svg`<path d="M4 3h3v10H4zM9 3h3v10H9z" />`;
const PLAY_ICON = svg`<path d="M5 3l8 5-8 5z" />`;
const PREVIOUS_ICON = svg`<path d="M10.5 2.5 5 8l5.5 5.5 1.4-1.4L7.8 8l4.1-4.1z" />`;
const NEXT_ICON = svg`<path d="M5.5 2.5 11 8l-5.5 5.5-1.4-1.4L8.2 8 4.1 3.9z" />`;
const icon = (path: SVGTemplateResult) =>
  html`<svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true">${path}</svg>`;

function render(host: EctNewsTicker): TemplateResult {
  const lang = host.i18n.lang;
  const pending = feedStatus(host, host.feed, 1);
  const items = host.items;
  const reduced = host.reduced;
  const index = Math.max(
    0,
    items.findIndex((item) => item.id === host.current),
  );
  const list = (copy: boolean) =>
    items.map((item, i) => renderItem(item, lang, !copy && reduced && i === index));
  // role="list": Safari drops list semantics from `list-style: none` lists without it.
  // eslint-disable-next-line lit-a11y/no-redundant-role
  const original = html`<ul part="list" class="list" role="list">
    ${list(false)}
  </ul>`;
  // The loop copies: hidden from assistive technology, and `inert` keeps their links out of
  // the tab order, so each headline is announced and focused once.
  const copies = reduced
    ? nothing
    : Array.from(
        { length: host.copies },
        () =>
          html`<ul part="list" class="list" aria-hidden="true" inert>
            ${list(true)}
          </ul>`,
      );
  const body = pending
    ? html`<div class="pending">${pending}</div>`
    : items.length
      ? html`<div
            part="viewport"
            class="viewport"
            aria-live=${reduced ? 'polite' : nothing}
            @pointerenter=${() => host.hover(true)}
            @pointerleave=${() => host.hover(false)}
            @focusin=${host.onFocusIn}
            @focusout=${host.onFocusOut}
          >
            <div class="track">${original}${copies}</div>
          </div>
          ${reduced ? renderStepper(host, index) : renderPause(host)}`
      : html`<div class="pending">${emptyTemplate()}</div>`;
  return html`<section part="base" class=${reduced ? 'reduced' : ''} aria-labelledby="label">
      <div part="label" id="label">
        <slot name="label">${msg('Latest news', { id: 'news-ticker.label' })}</slot>
      </div>
      ${body}
    </section>
    ${staleNotice(host.feed)}`;
}

function renderItem(item: FeedItem, lang: Lang, current: boolean): TemplateResult {
  const href = safeUrl(item.url);
  const parts = `item${item.pinned ? ' pinned' : ''}${current ? ' current' : ''}`;
  return html`<li part=${parts} data-id=${item.id}>
    ${
      item.pinned
        ? html`<span part="badge">${msg('Urgent', { id: 'news-ticker.urgent' })}</span> `
        : nothing
    }
    ${
      href
        ? html`<a part="title" href=${href}>${item.title}</a>`
        : html`<span part="title">${item.title}</span>`
    }
    ${
      item.date
        ? html` <time part="date" datetime=${item.date}>${formatDate(item.date, { lang })}</time>`
        : nothing
    }
  </li>`;
}

function renderPause(host: EctNewsTicker): TemplateResult {
  return html`<button
    part="pause"
    type="button"
    aria-pressed=${host.paused ? 'true' : 'false'}
    @click=${() => host.togglePause()}
  >
    ${
      host.paused
        ? html`${icon(PLAY_ICON)}<span class="button-text">${messages.resume()}</span>`
        : html`${icon(PAUSE_ICON)}<span class="button-text">${messages.pause()}</span>`
    }
  </button>`;
}

function renderStepper(host: EctNewsTicker, index: number): TemplateResult {
  const count = host.items.length;
  const step = (by: number) => () => host.step(by);
  const position = `${index + 1} / ${count}`;
  return html`<div class="stepper">
    <button part="previous" type="button" @click=${step(-1)}>
      ${icon(PREVIOUS_ICON)}<span class="visually-hidden">${messages.previous()}</span>
    </button>
    <span part="position">${position}</span>
    <button part="next" type="button" @click=${step(1)}>
      ${icon(NEXT_ICON)}<span class="visually-hidden">${messages.next()}</span>
    </button>
  </div>`;
}
