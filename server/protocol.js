/**
 * The presence protocol of <ect-online-counter> (docs/online-counter.md), as plain values and
 * functions shared by the stores and the HTTP handler.
 *
 * In: heartbeats `{"id": "<tab id>"}` and `{"id": "…", "leave": true}`. Out: `online`, the tabs
 * heard from in the last 60 s, and the visits of `today`, this `month` and in `total`, where a
 * visit is a tab id's first heartbeat of a Bangkok calendar day.
 */

/** A tab counts as online for this long after its last heartbeat (two heartbeat periods). */
export const PRESENCE_WINDOW_MS = 60_000;

const ID = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * A heartbeat from its request body; `undefined` for anything that is not one.
 * @param {string} body
 * @returns {{ id: string, leave: boolean } | undefined}
 */
export function parseBeat(body) {
  let value;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, leave } = value;
  return typeof id === 'string' && ID.test(id) ? { id, leave: leave === true } : undefined;
}

/** Thailand has kept UTC+7 without daylight saving since 1920. */
const BANGKOK_OFFSET_MS = 7 * 3600_000;

/**
 * `YYYY-MM-DD` of the Bangkok calendar day of an instant (ms since the epoch).
 * @param {number} now
 */
export function bangkokDay(now) {
  return new Date(now + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * What the stores count, before the handler decides which figures to show.
 * @typedef {{ online: number, today: number, month: number, total: number, day: string }} Counts
 */

/**
 * The figures a client gets. `today` and `month` are left out until a whole day or month has
 * been counted since `since` (when counting started): right after a start they would read 1,
 * a figure no site has.
 * @param {Counts} counts
 * @param {number | undefined} since
 */
export function figuresOf(counts, since) {
  const started = since === undefined ? '' : bangkokDay(since);
  const wholeDay = started < counts.day;
  const wholeMonth = started.slice(0, 7) < counts.day.slice(0, 7);
  return {
    online: counts.online,
    ...(wholeDay && { today: counts.today }),
    ...(wholeMonth && { month: counts.month }),
    total: counts.total,
  };
}
