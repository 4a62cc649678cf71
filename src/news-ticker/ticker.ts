import type { FeedItem } from '../feed/types.js';

/** Pixels per second when `speed` is absent or not a positive number. */
export const DEFAULT_SPEED = 60;

/** Most loop copies ever rendered: a one-word feed in a very wide banner stays cheap. */
export const MAX_COPIES = 20;

/** Pinned / urgent items first, otherwise the feed's own order; at most `limit` (0: all). */
export function tickerItems(items: readonly FeedItem[], limit: number): FeedItem[] {
  const ordered = [...items.filter((item) => item.pinned), ...items.filter((item) => !item.pinned)];
  return limit > 0 ? ordered.slice(0, limit) : ordered;
}

export function tickerSpeed(speed: number | null | undefined): number {
  return Number.isFinite(speed) && speed! > 0 ? speed! : DEFAULT_SPEED;
}

/**
 * Copies of the list appended after the original so that the viewport is always full while
 * the track moves by one `period` (the width of one list) and then starts over.
 */
export function copiesNeeded(viewportWidth: number, period: number): number {
  if (!(period > 0)) return 0;
  return Math.min(MAX_COPIES, Math.max(1, Math.ceil(viewportWidth / period)));
}

/** The scroll offset (px into one period) shown at animation time `ms`. */
export function offsetAt(ms: number, speed: number, period: number): number {
  if (!(period > 0) || !Number.isFinite(ms)) return 0;
  const offset = ((ms * speed) / 1000) % period;
  return offset < 0 ? offset + period : offset;
}

/** The animation time that shows `offset`. */
export function timeAt(offset: number, speed: number): number {
  return (offset * 1000) / speed;
}

/** A headline and how far past its start the view is: what a refresh keeps in place. */
export interface Anchor {
  id: string;
  delta: number;
}

/** The headline at `offset`: the last one starting at or before it. */
export function anchorAt(
  spans: ReadonlyArray<{ id: string; start: number }>,
  offset: number,
): Anchor | undefined {
  let found: Anchor | undefined;
  for (const { id, start } of spans) {
    if (start > offset) break;
    found = { id, delta: offset - start };
  }
  return found;
}
