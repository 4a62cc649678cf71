/**
 * `msg()` in the element's language: `@lit/localize` in reentrant mode, asking `currentLang()`
 * (localize.ts) before every `msg()` and looking the words up in `thaiTemplates`, with the shared
 * words of src/generated/locales/th.ts added here (an element's own come with its view).
 *
 * Only the views call `msg()` (with status.ts and error-text.ts, which they import, and the
 * fallback of a view that failed to load, lazy-view.ts, which imports messages.ts then), and
 * every view imports messages.ts, which imports this module: so `@lit/localize` and the Thai
 * words load with the views (`dist/ect-widgets.js` has this module inside, as src/index.ts
 * imports messages.ts), not with an element class imported on its own.
 */
import { configureReentrantLocalization } from '@lit/localize/init/reentrant.js';
import { templates as th } from '../generated/locales/th.js';
import { sourceLocale, targetLocales } from '../generated/locale-codes.js';
import { currentLang, thaiTemplates } from './localize.js';

Object.assign(thaiTemplates, th);

try {
  configureReentrantLocalization({
    sourceLocale,
    targetLocales: [...targetLocales],
    getLocale: currentLang,
    loadLocaleSync: (locale) => (locale === 'th' ? { templates: thaiTemplates } : undefined),
  });
} catch {
  // A host app bundled with its own copy of @lit/localize configured it first; msg() then
  // follows the host's configuration, which lacks our ids: our UI words show in English.
}
