/**
 * The demo server's side of the presence protocol (docs/online-counter.md), as plain logic with
 * the time passed in: free of Node APIs, so the browser test runner tests it directly, and the
 * feeds plugin only adds HTTP around it.
 *
 * In: heartbeats `{"id": "<tab id>"}` and `{"id": "…", "leave": true}`. Out: `online`, the tabs
 * heard from in the last 60 s, and the visits of `today`, this `month` and in `total`, where a
 * visit is a tab id's first heartbeat of a Bangkok calendar day. Everything is kept in memory
 * (a restart forgets it); ids are never stored beyond the day and nothing else is stored at all.
 * Given the moment it started counting, it leaves out `today` and `month` until it has counted
 * the whole day or month: right after a start they would read 1, a figure no site has.
 */

export const PRESENCE_WINDOW_MS = 60_000;
/** How often the server checks for tabs that went quiet, and repeats the figures at the latest. */
export const STREAM_CHECK_MS = 5_000;
export const STREAM_REPEAT_MS = 25_000;
/** A flood of made-up ids stops being counted here rather than filling the memory. */
export const MAX_TABS = 100_000;

export interface PresenceCounts {
  online: number;
  today?: number;
  month?: number;
  total: number;
}

export interface Beat {
  id: string;
  leave: boolean;
}

const ID = /^[A-Za-z0-9_-]{8,64}$/;

/** A heartbeat from its request body; `undefined` for anything that is not one. */
export function parseBeat(body: string): Beat | undefined {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { id, leave } = value as { id?: unknown; leave?: unknown };
  return typeof id === 'string' && ID.test(id) ? { id, leave: leave === true } : undefined;
}

/** Thailand has kept UTC+7 without daylight saving since 1920. */
const BANGKOK_OFFSET_MS = 7 * 3600_000;

/** `YYYY-MM-DD` of the Bangkok calendar day of an instant. */
function bangkokDay(now: number): string {
  return new Date(now + BANGKOK_OFFSET_MS).toISOString().slice(0, 10);
}

/** The counters: feed it heartbeats, ask it for the figures at a moment. */
export class Presence {
  private readonly lastSeen = new Map<string, number>();
  private readonly seenToday = new Set<string>();
  private day = '';
  private today = 0;
  private month = 0;
  private total: number;

  /**
   * `total` starts at `baseTotal`, e.g. the count of the site's old counter. With `countingSince`
   * (when the server started), `today` and `month` are reported only for a day or month counted
   * from its start.
   */
  constructor(
    baseTotal = 0,
    private readonly countingSince?: number,
  ) {
    this.total = baseTotal;
  }

  beat({ id, leave }: Beat, now: number): void {
    this.roll(now);
    this.expire(now);
    if (leave) {
      this.lastSeen.delete(id);
      return;
    }
    if (!this.lastSeen.has(id) && this.lastSeen.size >= MAX_TABS) return;
    // Re-inserted, so the map stays ordered by last heartbeat and expiry stops at the first
    // fresh one.
    this.lastSeen.delete(id);
    this.lastSeen.set(id, now);
    if (!this.seenToday.has(id) && this.seenToday.size < MAX_TABS) {
      this.seenToday.add(id);
      this.today++;
      this.month++;
      this.total++;
    }
  }

  counts(now: number): PresenceCounts {
    this.roll(now);
    this.expire(now);
    const since = this.countingSince === undefined ? '' : bangkokDay(this.countingSince);
    // Started on an earlier day (month): the whole of today (this month) was counted.
    const wholeDay = since < this.day;
    const wholeMonth = since.slice(0, 7) < this.day.slice(0, 7);
    return {
      online: this.lastSeen.size,
      ...(wholeDay && { today: this.today }),
      ...(wholeMonth && { month: this.month }),
      total: this.total,
    };
  }

  private expire(now: number): void {
    for (const [id, seen] of this.lastSeen) {
      if (now - seen < PRESENCE_WINDOW_MS) break;
      this.lastSeen.delete(id);
    }
  }

  /** A new Bangkok day starts today's count over; a new month the month's too. */
  private roll(now: number): void {
    const day = bangkokDay(now);
    if (day === this.day) return;
    if (day.slice(0, 7) !== this.day.slice(0, 7)) this.month = 0;
    this.day = day;
    this.today = 0;
    this.seenToday.clear();
  }
}

/** One Server-Sent Events message carrying the figures. */
export function eventMessage(counts: PresenceCounts): string {
  return `data: ${JSON.stringify(counts)}\n\n`;
}

/**
 * The event stream side: listeners get the figures when they join, whenever they change, and
 * at least every STREAM_REPEAT_MS (so clients can tell a live stream from a dead one). The
 * server calls `check(now)` every STREAM_CHECK_MS while `listening` is true, so tabs that went
 * quiet are noticed without a heartbeat.
 */
export class PresenceStream {
  private readonly listeners = new Set<(message: string) => void>();
  private last = '';
  private sentAt = 0;

  constructor(readonly presence: Presence) {}

  get listening(): boolean {
    return this.listeners.size > 0;
  }

  /** Adds a listener and sends it the figures; returns its removal. */
  listen(write: (message: string) => void, now: number): () => void {
    this.listeners.add(write);
    write(eventMessage(this.presence.counts(now)));
    return () => this.listeners.delete(write);
  }

  beat(beat: Beat, now: number): void {
    this.presence.beat(beat, now);
    this.check(now);
  }

  check(now: number): void {
    const message = eventMessage(this.presence.counts(now));
    if (message === this.last && now - this.sentAt < STREAM_REPEAT_MS) return;
    this.last = message;
    this.sentAt = now;
    for (const write of this.listeners) write(message);
  }
}
