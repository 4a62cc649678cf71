import { html, nothing, type TemplateResult } from 'lit';
import { t } from './messages.js';
import type { FeedError } from './types.js';

/**
 * The loading, empty, error and stale blocks every element shows, so that they look and
 * read alike everywhere. Call inside `LangController.render()` so the words follow `lang`.
 */
export function loadingTemplate(lines = 3): TemplateResult {
  return html`<div part="status loading" role="status" aria-live="polite">
    <span class="visually-hidden">${t.loading()}</span>
    ${Array.from({ length: lines }, () => html`<span class="skeleton" aria-hidden="true"></span>`)}
  </div>`;
}

export function emptyTemplate(): TemplateResult {
  return html`<p part="status empty">${t.empty()}</p>`;
}

export function errorTemplate(error: FeedError | undefined, retry: () => void): TemplateResult {
  return html`<div part="status error" role="alert">
    <span part="message"
      ><strong>${t.errorHeading()}</strong>${error ? html`: ${error.message}` : nothing}</span
    >
    <button part="retry" type="button" @click=${retry}>${t.retry()}</button>
  </div>`;
}

export function staleTemplate(error: FeedError | undefined, retry: () => void): TemplateResult {
  return html`<div part="status stale" role="status">
    <span part="message" title=${error?.message ?? ''}>${t.stale()}</span>
    <button part="retry" type="button" @click=${retry}>${t.retry()}</button>
  </div>`;
}
