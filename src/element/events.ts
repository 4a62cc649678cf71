/**
 * The events of the elements' own UI (the calendar's day and month), typed and added to
 * `GlobalEventHandlersEventMap`. The feed events (`ect-load`, `ect-error`) are in
 * src/feed/events.ts.
 */
import type { CalendarEvent } from '../feed/types.js';

const init = { bubbles: true, composed: true } as const;

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
    'ect-select': EctSelectEvent;
    'ect-month-change': EctMonthChangeEvent;
  }
}
