/**
 * The events every element fires about its feed: `ect-load` when new data is shown and
 * `ect-error` when the feed failed. Plain DOM events (no Lit), so `ect-widgets/feed` exports them
 * for code that listens from outside; the elements' own UI events are in src/element/events.ts.
 */
import type { FeedOrigin } from './stream.js';
import type { FeedData, FeedErrorCode } from './types.js';

const init = { bubbles: true, composed: true } as const;

export interface EctLoadDetail<T = FeedData> {
  data: T;
  source: FeedOrigin;
}

/** New data is shown: from the network, the cache of an earlier visit, or inline data. */
export class EctLoadEvent<T = FeedData> extends CustomEvent<EctLoadDetail<T>> {
  static readonly type = 'ect-load';
  constructor(detail: EctLoadDetail<T>) {
    super(EctLoadEvent.type, { ...init, detail });
  }
}

/**
 * What an `ect-error` is about: the `code` of the FeedError (types.ts, `FeedErrorCode`), or
 * `view` when the element's templates could not be loaded (src/element/lazy-view.ts).
 */
export type EctErrorCode = FeedErrorCode | 'view';

export interface EctErrorDetail {
  /** Why, in English, for developers and the console (the element shows it in its language). */
  message: string;
  /** What went wrong, for programs: `http`, `timeout`, `wrong-format`… (docs/feeds.md#errors). */
  code: EctErrorCode;
  /** The FeedError (or, for `view`, the error of the failed import). */
  error: unknown;
}

/** The feed could not be fetched or parsed; `message` says why in plain words, `code` for programs. */
export class EctErrorEvent extends CustomEvent<EctErrorDetail> {
  static readonly type = 'ect-error';
  constructor(detail: EctErrorDetail) {
    super(EctErrorEvent.type, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ect-load': EctLoadEvent;
    'ect-error': EctErrorEvent;
  }
}
