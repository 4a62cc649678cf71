/**
 * The loading, empty, error and stale states every element shows, and which of them applies.
 * Every view imports this module; it is loaded with the first view, with the error sentences
 * (error-text.ts), not in `dist/ect-widgets.js` (docs/architecture.md).
 */
import { html, nothing, type TemplateResult } from 'lit';
import { errorText } from './error-text.js';
import { hasFallbackContent } from './feed-controller.js';
import type { FeedSnapshot } from '../feed/stream.js';
import { messages } from './messages.js';
import type { FeedKind } from '../feed/types.js';

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

/** The error block: the heading, then `reason` (errorSentence) when there is one. */
export function errorTemplate(reason: string, retry: () => void): TemplateResult {
  return html`<div part="status error" role="alert">
    <span part="message"
      ><strong>${messages.errorHeading()}</strong>${reason ? `: ${reason}` : nothing}</span
    >
    <button part="retry" type="button" @click=${retry}>${messages.retry()}</button>
  </div>`;
}

/** The notice above saved data; `reason` (why the update failed) is its title. */
export function staleTemplate(reason: string, retry: () => void): TemplateResult {
  return html`<div part="status stale" role="status">
    <span part="message" title=${reason}>${messages.stale()}</span>
    <button part="retry" type="button" @click=${retry}>${messages.retry()}</button>
  </div>`;
}

/** What the state templates need of a `FeedController`. */
export interface FeedLike {
  readonly snapshot: FeedSnapshot;
  /** The kinds of data the element shows: its error sentences name what it reads. */
  readonly kinds: readonly FeedKind[];
  retry(): void;
}

/** Why the feed's latest load failed, in the element's language; empty when it did not fail. */
export function errorSentence(feed: FeedLike): string {
  const { error } = feed.snapshot;
  return error ? errorText(error.details, feed.kinds[0]) : '';
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
  const { status, data } = feed.snapshot;
  if (data) return undefined;
  const fallback = hasFallbackContent(host);
  const slot = fallback ? html`<slot></slot>` : nothing;
  if (status === 'error')
    return html`${slot}${errorTemplate(errorSentence(feed), () => feed.retry())}`;
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
  return feed.snapshot.status === 'stale'
    ? staleTemplate(errorSentence(feed), () => feed.retry())
    : nothing;
}
