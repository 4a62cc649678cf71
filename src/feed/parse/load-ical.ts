/**
 * ical.js, the iCalendar library the parser and the calendar's recurrence expander share. It is
 * a lazy chunk, imported on first use (or ahead of a feed known to be iCalendar); a failed import
 * is tried again on the next call rather than kept.
 */
import type ICAL from 'ical.js';

export type Ical = typeof ICAL;

let loading: Promise<Ical> | undefined;

export function loadIcal(): Promise<Ical> {
  loading ??= import('ical.js').then(
    (module) => module.default,
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}
