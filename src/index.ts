/** Registers every ect-widgets element. `dist/ect-widgets.js` is this module bundled. */
export * from './feed.js';
export { EctAnnouncementList } from './announcement-list/announcement-list.js';
export { EctNewsTicker } from './news-ticker/news-ticker.js';
export { EctCalendar } from './calendar/calendar.js';
export { EctOnlineCounter } from './online-counter/online-counter.js';
export { EctResultsTable } from './results-table/results-table.js';
