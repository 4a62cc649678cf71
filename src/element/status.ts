/**
 * The loading, empty, error and stale states every element shows, and which of them applies.
 */
import { html, nothing, type TemplateResult } from 'lit';
import { hasFallbackContent } from './feed-controller.js';
import type { FeedSnapshot } from '../feed/stream.js';
import { messages } from './messages.js';
import type { FeedError } from '../feed/types.js';

/**
 * The loading, empty, error and stale blocks every element shows, so that they look and
 * read alike everywhere. Call inside `LangController.render()` so the words follow `lang`.
 */
export function loadingTemplate(lines = 3): TemplateResult {
  return html`<div part="status loading" role="status" aria-live="polite">
    <span class="visually-hidden">${messages.loading()}</span>
    ${Array.from({ length: lines }, () => html`<span class="skeleton" aria-hidden="true"></span>`)}
  </div>`;
}

export function emptyTemplate(): TemplateResult {
  return html`<p part="status empty">${messages.empty()}</p>`;
}

export function errorTemplate(error: FeedError | undefined, retry: () => void): TemplateResult {
  return html`<div part="status error" role="alert">
    <span part="message"
      ><strong>${messages.errorHeading()}</strong
      >${error ? html`: ${error.message}` : nothing}</span
    >
    <button part="retry" type="button" @click=${retry}>${messages.retry()}</button>
  </div>`;
}

export function staleTemplate(error: FeedError | undefined, retry: () => void): TemplateResult {
  return html`<div part="status stale" role="status">
    <span part="message" title=${error?.message ?? ''}>${messages.stale()}</span>
    <button part="retry" type="button" @click=${retry}>${messages.retry()}</button>
  </div>`;
}

/** What the state templates need of a `FeedController`. */
export interface FeedLike {
  readonly snapshot: FeedSnapshot;
  retry(): void;
}

/**
 * What an element shows before it has data: the webmaster's fallback (slotted light DOM) or a
 * skeleton while loading, the fallback plus the error on a first-load failure, or the empty
 * message. `undefined` once there is data to show; `stale()` gives the banner above it.
 */
export function feedStatus(
  host: HTMLElement,
  feed: FeedLike,
  loadingLines = 3,
): TemplateResult | undefined {
  const { status, error, data } = feed.snapshot;
  if (data) return undefined;
  const fallback = hasFallbackContent(host);
  const slot = fallback ? html`<slot></slot>` : nothing;
  if (status === 'error') return html`${slot}${errorTemplate(error, () => feed.retry())}`;
  if (status === 'loading') return fallback ? html`${slot}` : loadingTemplate(loadingLines);
  return emptyTemplate();
}

/**
 * The element's `base` section until its feed has data: what feedStatus gives, busy while
 * loading, named `label` like the section that shows the data.
 */
export function statusSection(
  host: HTMLElement,
  feed: FeedLike,
  label: string,
  loadingLines?: number,
): TemplateResult {
  return html`<section
    part="base"
    aria-label=${label}
    aria-busy=${feed.snapshot.status === 'loading'}
  >
    ${feedStatus(host, feed, loadingLines)}
  </section>`;
}

/** The notice above data that a failed refresh left showing; nothing otherwise. */
export function staleNotice(feed: FeedLike): TemplateResult | typeof nothing {
  const { status, error } = feed.snapshot;
  return status === 'stale' ? staleTemplate(error, () => feed.retry()) : nothing;
}
