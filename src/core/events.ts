import type { FeedOrigin } from './feed-stream.js';
import type { CalendarEvent, FeedData } from './types.js';

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

export interface EctErrorDetail {
  message: string;
  error: unknown;
}

/** The feed could not be fetched or parsed; `message` says why in plain words. */
export class EctErrorEvent extends CustomEvent<EctErrorDetail> {
  static readonly type = 'ect-error';
  constructor(detail: EctErrorDetail) {
    super(EctErrorEvent.type, { ...init, detail });
  }
}

export interface EctSelectDetail {
  /** The chosen day, `YYYY-MM-DD`. */
  date: string;
  /** That day's events as shown (recurring ones as single occurrences). */
  events: CalendarEvent[];
}

/** A day was chosen in a calendar (click, Enter or Space). */
export class EctSelectEvent extends CustomEvent<EctSelectDetail> {
  static readonly type = 'ect-select';
  constructor(detail: EctSelectDetail) {
    super(EctSelectEvent.type, { ...init, detail });
  }
}

export interface EctMonthChangeDetail {
  /** The month now shown, `YYYY-MM`. */
  month: string;
}

/** The person moved a calendar to another month (buttons, keyboard, a day of another month). */
export class EctMonthChangeEvent extends CustomEvent<EctMonthChangeDetail> {
  static readonly type = 'ect-month-change';
  constructor(detail: EctMonthChangeDetail) {
    super(EctMonthChangeEvent.type, { ...init, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'ect-load': EctLoadEvent;
    'ect-error': EctErrorEvent;
    'ect-select': EctSelectEvent;
    'ect-month-change': EctMonthChangeEvent;
  }
}
