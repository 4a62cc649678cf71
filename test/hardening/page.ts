/**
 * Helpers of the hardening tests: the elements src/index.ts registers, sample elements built
 * from test/hardening/samples.js, and watchers for what a page would notice (uncaught errors,
 * long tasks).
 */
import * as library from '../../src/index.js';
import type { EctErrorEvent, EctLoadEvent } from '../../src/feed/events.js';
import type { FeedData } from '../../src/feed/types.js';
import { FEEDS, feedUrl, sampleFor, type FeedName } from './samples.js';

/** Tags of every element src/index.ts registers (found from its exports, not from a list). */
export const registeredTags: string[] = (Object.values(library) as unknown[])
  .filter(
    (value): value is CustomElementConstructor =>
      typeof value === 'function' && value.prototype instanceof HTMLElement,
  )
  .map((constructor) => customElements.getName(constructor))
  .filter((tag): tag is string => !!tag?.startsWith('ect-'))
  .sort();

export type FeedState = 'loading' | 'ready' | 'stale' | 'empty' | 'error';

/** What an element of the library looks like from outside. */
export type EctElement = HTMLElement & {
  src?: string | null;
  data?: unknown;
  readonly state: FeedState;
  updateComplete: Promise<boolean>;
};

const realSetTimeout = window.setTimeout.bind(window);
export const sleep = (ms: number) => new Promise<void>((resolve) => realSetTimeout(resolve, ms));

/** The next task (not a timer: no clamping, and fake timers do not touch it). */
export { nextTask } from '../../src/feed/tasks.js';

/** How much the data shows: its items, events or candidates, or the online count. */
export function shownCount(data: FeedData): number {
  switch (data.kind) {
    case 'items':
      return data.items.length;
    case 'events':
      return data.events.length;
    case 'results':
      return data.races.reduce((sum, race) => sum + race.candidates.length, 0);
    case 'counter':
      return data.online;
  }
}

const fixtureTexts = new Map<string, Promise<string>>();

/** The text of a fixture feed. */
export function fixtureText(name: FeedName): Promise<string> {
  const file = FEEDS[name].file;
  if (!fixtureTexts.has(file)) {
    fixtureTexts.set(
      file,
      fetch(new URL(`../fixtures/${file}`, import.meta.url)).then((r) => r.text()),
    );
  }
  return fixtureTexts.get(file)!;
}

export interface ElementOptions {
  /** Feed URL; default the sample feed of the tag on the test server. */
  src?: string;
  /** Inline data instead of `src`: the `<script>` type and text. */
  inline?: { type: string; text: string };
  refresh?: number;
}

/** An element of `tag` (not yet connected) showing its sample feed, or what `options` say. */
export function sampleElement(tag: string, options: ElementOptions = {}): EctElement {
  const sample = sampleFor(tag);
  const el = document.createElement(tag) as EctElement;
  for (const [name, value] of Object.entries(sample.attributes)) el.setAttribute(name, value);
  if (options.refresh !== undefined) el.setAttribute('refresh', String(options.refresh));
  if (options.inline) {
    const script = document.createElement('script');
    script.type = options.inline.type;
    script.textContent = options.inline.text;
    el.append(script);
  } else {
    el.setAttribute('src', options.src ?? feedUrl(sample.feed));
  }
  return el;
}

/** Resolves once the element's reflected `state` is one of `states`; fails after `timeout`. */
export async function untilState(
  el: Element,
  states: FeedState | FeedState[],
  timeout = 8000,
): Promise<FeedState> {
  const wanted = Array.isArray(states) ? states : [states];
  const start = performance.now();
  for (;;) {
    const state = el.getAttribute('state') as FeedState | null;
    if (state && wanted.includes(state)) {
      await (el as EctElement).updateComplete;
      return state;
    }
    if (performance.now() - start > timeout) {
      throw new Error(
        `<${el.localName}> stayed "${state}" for ${timeout} ms, expected ${wanted.join(' or ')}`,
      );
    }
    await sleep(20);
  }
}

/** Records the `ect-load` and `ect-error` events of an element. */
export function recordEvents(el: Element) {
  const loads: FeedData[] = [];
  const errors: string[] = [];
  el.addEventListener('ect-load', (event) => loads.push((event as EctLoadEvent).detail.data));
  el.addEventListener('ect-error', (event) => errors.push((event as EctErrorEvent).detail.message));
  return { loads, errors };
}

/** Text of the element's shadow DOM, whitespace collapsed. */
export function shownText(el: Element): string {
  return (el.shadowRoot?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/** The error message an element shows (`[part~="message"]`), if it shows one. */
export function shownMessage(el: Element): string | undefined {
  const node = el.shadowRoot?.querySelector('[part~="message"]');
  return node ? (node.textContent ?? '').replace(/\s+/g, ' ').trim() : undefined;
}

/** Uncaught errors and unhandled rejections while watching; `stop()` returns them. */
export function watchUncaught() {
  const seen: string[] = [];
  const onError = (event: ErrorEvent) => seen.push(`error: ${event.message}`);
  const onRejection = (event: PromiseRejectionEvent) =>
    seen.push(`unhandled rejection: ${String(event.reason)}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  return {
    seen,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      return seen;
    },
  };
}

/** Chromium reports main-thread tasks over 50 ms as `longtask` entries; other browsers do not. */
export const longTasksSupported =
  typeof PerformanceObserver !== 'undefined' &&
  PerformanceObserver.supportedEntryTypes.includes('longtask');

/** Durations (ms) of the long tasks while watching (Chromium only; empty elsewhere). */
export function watchLongTasks() {
  const durations: number[] = [];
  const observer = longTasksSupported
    ? new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) durations.push(Math.round(entry.duration));
      })
    : undefined;
  observer?.observe({ type: 'longtask' });
  return {
    durations,
    async stop() {
      // Entries are delivered after the task ends: let them arrive.
      await sleep(50);
      for (const entry of observer?.takeRecords() ?? []) {
        durations.push(Math.round(entry.duration));
      }
      observer?.disconnect();
      return durations;
    },
  };
}
