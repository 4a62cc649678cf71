/**
 * Per-element language for `msg()`.
 *
 * `@lit/localize` in runtime mode has one global locale, but elements on one page may differ
 * (`<ect-calendar lang="en">` beside a Thai ticker). Its reentrant mode (set up in
 * translations.ts, loaded with the views) asks `currentLang()` before every `msg()`; we answer
 * with the language of the element rendering right now, set by `inLang()` /
 * `LangController.render()`. It looks the words up in `thaiTemplates`, which fills as they load:
 * the shared words with translations.ts, an element's own with its view (lazy-view.ts), the
 * error sentences with error-text.ts.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { TemplateMap } from '@lit/localize';
import type { Lang } from '../format/index.js';

export type { Lang } from '../format/index.js';

/**
 * The Thai templates of `msg()` loaded so far (src/generated/locales/th.ts, th/<element>.ts,
 * th/errors.ts).
 */
export const thaiTemplates: TemplateMap = {};

let current: Lang | undefined;

/** The language `msg()` resolves in now: the rendering element's, else the document's. */
export function currentLang(): Lang {
  return current ?? documentLang();
}

/** `th`, `th-TH` → `th`; `en`, `en-GB` and any other language → `en`; empty → `undefined`. */
export function normalizeLang(value: string | null | undefined): Lang | undefined {
  const primary = value?.trim().split(/[-_]/)[0].toLowerCase();
  if (!primary) return undefined;
  return primary === 'th' ? 'th' : 'en';
}

function documentLang(): Lang {
  return normalizeLang(document.documentElement?.getAttribute('lang')) ?? 'th';
}

/**
 * The element's own `lang`, else the closest ancestor's (a shadow root passes on to its host),
 * else the document's, else `th`. An empty `lang=""` counts as absent.
 */
export function resolveLang(el: Element): Lang {
  let node: Element | null = el;
  while (node) {
    const lang = normalizeLang(node.getAttribute('lang'));
    if (lang) return lang;
    if (node.parentElement) {
      node = node.parentElement;
    } else {
      const root = node.getRootNode();
      node = root instanceof ShadowRoot ? root.host : null;
    }
  }
  return documentLang();
}

/** Runs `fn` with every `msg()` inside it resolving in `lang`. */
export function inLang<T>(lang: Lang, fn: () => T): T {
  const previous = current;
  current = lang;
  try {
    return fn();
  } finally {
    current = previous;
  }
}

const hosts = new Set<LangController>();
let observer: MutationObserver | undefined;
const observeOptions: MutationObserverInit = {
  subtree: true,
  attributes: true,
  attributeFilter: ['lang'],
};

function onLangMutation() {
  for (const controller of hosts) controller.refresh();
}

/** Shadow roots between the host and the document: the document observer cannot see into them. */
function observeShadowAncestors(el: Element) {
  let root = el.getRootNode();
  while (root instanceof ShadowRoot) {
    observer?.observe(root, observeOptions);
    root = root.host.getRootNode();
  }
}

/**
 * Gives an element its resolved language and re-renders it when a `lang` attribute that
 * concerns it changes. All controllers share one `MutationObserver`, alive while any host is
 * connected.
 *
 * ```ts
 * #lang = new LangController(this);
 * render() { return this.#lang.render(() => html`${messages.loading()}`); }
 * ```
 */
export class LangController implements ReactiveController {
  #host: ReactiveControllerHost & HTMLElement;
  #lang: Lang | undefined;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#host = host;
    host.addController(this);
  }

  /** The host's resolved language, cached until a `lang` attribute changes. */
  get lang(): Lang {
    return (this.#lang ??= resolveLang(this.#host));
  }

  /** Runs `fn` (typically the template) with `msg()` in the host's language. */
  render<T>(fn: () => T): T {
    return inLang(this.lang, fn);
  }

  hostConnected() {
    hosts.add(this);
    observer ??= new MutationObserver(onLangMutation);
    observer.observe(document.documentElement, observeOptions);
    observeShadowAncestors(this.#host);
    // Moved to another part of the page: the inherited language may differ.
    this.refresh();
  }

  hostDisconnected() {
    hosts.delete(this);
    if (hosts.size === 0) {
      observer?.disconnect();
      observer = undefined;
    }
  }

  /** Re-resolves the language; asks the host to update when it changed. */
  refresh() {
    const previous = this.#lang;
    this.#lang = resolveLang(this.#host);
    if (previous !== undefined && previous !== this.#lang) this.#host.requestUpdate();
  }
}
