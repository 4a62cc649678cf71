/** Registers every ect-widgets element. `dist/ect-widgets.js` is this module bundled. */
// Shared by the elements' lazily loaded views: kept in this file, so that each view is one request.
// Not status.ts: it brings the error sentences in two languages, a chunk of their own that
// LazyView (src/element/lazy-view.ts) loads beside the first view (docs/architecture.md).
import './element/messages.js';
import './element/view-styles.js';
import './element/category-list.js';
// The parsers of RSS, Atom and JSON feeds, most feeds: kept in this file, so that a page parses
// them without a request (an element imported on its own loads them beside its view).
import './feed/parse/xml.js';
import './feed/parse/json-items.js';
import './feed/parse/json-events.js';
import './feed/parse/json-results.js';

export * from './feed/index.js';
export * from './element/index.js';
export { EctAnnouncementList } from './announcement-list/announcement-list.js';
export { EctNewsTicker } from './news-ticker/news-ticker.js';
export { EctCalendar } from './calendar/calendar.js';
export { EctOnlineCounter } from './online-counter/online-counter.js';
export { EctResultsTable } from './results-table/results-table.js';
