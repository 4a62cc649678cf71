/**
 * The default store: everything in this process's memory, nothing to install. A restart forgets
 * the figures (but `total` starts again from `baseTotal`), and two processes each count their
 * own visitors: for several processes, use the Redis store (./redis-store.js).
 *
 * Memory is bounded: at most `maxTabs` tabs online and `maxVisitsPerDay` ids remembered for the
 * day's visit count; ids are forgotten when their tab expires and when the Bangkok day ends.
 */
import { EventEmitter } from 'node:events';
import { PRESENCE_WINDOW_MS, bangkokDay } from './protocol.js';

export const MAX_TABS = 100_000;
export const MAX_VISITS_PER_DAY = 500_000;

/** @typedef {import('./protocol.js').Counts} Counts */

export class MemoryStore extends EventEmitter {
  kind = 'memory';
  /** Always reachable. */
  available = true;
  /** @type {number | undefined} when counting started (the first `open`). */
  since;

  /** Last heartbeat per tab id, in the order of the heartbeats (oldest first). */
  #lastSeen = new Map();
  /** Ids that made a visit today. */
  #seenToday = new Set();
  #day = '';
  #today = 0;
  #month = 0;
  #total;
  #maxTabs;
  #maxVisits;
  #last = '';

  /**
   * @param {{ baseTotal?: number, maxTabs?: number, maxVisitsPerDay?: number }} [options]
   */
  constructor({ baseTotal = 0, maxTabs = MAX_TABS, maxVisitsPerDay = MAX_VISITS_PER_DAY } = {}) {
    super();
    this.#total = baseTotal;
    this.#maxTabs = maxTabs;
    this.#maxVisits = maxVisitsPerDay;
  }

  /** @param {number} now */
  async open(now) {
    this.since ??= now;
    this.#roll(now);
  }

  /**
   * A heartbeat. A tab that is not online yet is added only when `mayAdd` and there is room.
   * @param {string} id
   * @param {number} now
   * @param {boolean} [mayAdd]
   * @returns {Promise<{ added: boolean, known: boolean }>}
   */
  async beat(id, now, mayAdd = true) {
    this.#roll(now);
    this.#expire(now);
    const known = this.#lastSeen.has(id);
    if (!known && (!mayAdd || this.#lastSeen.size >= this.#maxTabs)) {
      return { added: false, known };
    }
    // Re-inserted, so the map stays ordered by last heartbeat and expiry stops at the first
    // fresh one.
    this.#lastSeen.delete(id);
    this.#lastSeen.set(id, now);
    if (!this.#seenToday.has(id) && this.#seenToday.size < this.#maxVisits) {
      this.#seenToday.add(id);
      this.#today++;
      this.#month++;
      this.#total++;
    }
    this.#changed();
    return { added: !known, known };
  }

  /**
   * @param {string} id
   * @param {number} now
   */
  async leave(id, now) {
    this.#roll(now);
    this.#expire(now);
    this.#lastSeen.delete(id);
    this.#changed();
  }

  /**
   * @param {number} now
   * @returns {Promise<Counts>}
   */
  async counts(now) {
    this.#roll(now);
    this.#expire(now);
    this.#changed();
    return this.#counts();
  }

  async close() {}

  #counts() {
    return {
      online: this.#lastSeen.size,
      today: this.#today,
      month: this.#month,
      total: this.#total,
      day: this.#day,
    };
  }

  /** Tells the listeners of `counts` when the figures differ from the last ones told. */
  #changed() {
    const counts = this.#counts();
    const key = JSON.stringify(counts);
    if (key === this.#last) return;
    this.#last = key;
    this.emit('counts', counts);
  }

  /** @param {number} now */
  #expire(now) {
    for (const [id, seen] of this.#lastSeen) {
      if (now - seen < PRESENCE_WINDOW_MS) break;
      this.#lastSeen.delete(id);
    }
  }

  /**
   * A new Bangkok day starts today's count over; a new month the month's too.
   * @param {number} now
   */
  #roll(now) {
    const day = bangkokDay(now);
    if (day === this.#day) return;
    if (day.slice(0, 7) !== this.#day.slice(0, 7)) this.#month = 0;
    this.#day = day;
    this.#today = 0;
    this.#seenToday.clear();
  }
}
