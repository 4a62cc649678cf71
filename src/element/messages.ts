/**
 * UI words shared by several elements. Explicit ids keep translations stable when the English
 * changes. Call them inside `LangController.render()` / `inLang()` to get the element's language.
 */
import { msg, str } from '@lit/localize';
import './translations.js';

export const messages = {
  loading: () => msg('Loading…', { id: 'loading' }),
  retry: () => msg('Retry', { id: 'retry' }),
  errorHeading: () => msg('Could not load the feed', { id: 'error-heading' }),
  viewFailed: () => msg('Could not load this part of the page', { id: 'view-failed' }),
  empty: () => msg('Nothing to show yet', { id: 'empty' }),
  stale: () => msg('Showing saved data; the latest update failed', { id: 'stale' }),
  all: () => msg('All', { id: 'all' }),
  seeAll: () => msg('See all', { id: 'see-all' }),
  new: () => msg('New', { id: 'new' }),
  updatedAt: (time: string) => msg(str`Updated ${time}`, { id: 'updated-at' }),
  pause: () => msg('Pause', { id: 'pause' }),
  resume: () => msg('Resume', { id: 'resume' }),
  previous: () => msg('Previous', { id: 'previous' }),
  next: () => msg('Next', { id: 'next' }),
};
