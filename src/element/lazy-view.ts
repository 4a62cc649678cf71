import {
  adoptStyles,
  html,
  supportsAdoptingStyleSheets,
  type CSSResult,
  type LitElement,
} from 'lit';
import type { TemplateMap } from '@lit/localize';
import { EctErrorEvent } from '../feed/events.js';
import { thaiTemplates } from './localize.js';
import type { messages } from './messages.js';

/**
 * What an element loads on first use: its templates and its stylesheet.
 *
 * `dist/ect-widgets.js` registers all five elements at once, but a page shows one or two of
 * them. Each element class (its attributes, properties, methods and feed) is in the bundle;
 * its view (the `render` templates and styles) is a chunk beside it, fetched when the first
 * instance is created, in parallel with the element's feed. A page without a calendar never
 * downloads the calendar's templates.
 */
export interface ElementView<H> {
  /**
   * The view's styles, after the host's (`hostStyles`, its class's `static styles`): the shared
   * `viewStyles` (view-styles.ts) first, then the element's own.
   */
  readonly styles: readonly CSSResult[];
  /** The element's own Thai words (src/generated/locales/th/<element>.ts), added as it loads. */
  readonly th: TemplateMap;
  /**
   * The element's template (called inside the element's language, see LangController). It reads
   * the host and calls its methods; it never writes a field of the host (the element owns its
   * state: `Readonly` here, and a lint rule on `*.view.ts`), and has no side effects.
   */
  render(host: Readonly<H>): unknown;
}

/**
 * The lazily loaded view of one element class. The element starts the load in its constructor
 * and holds its first update until the view is there (`scheduleUpdate`), so `updateComplete`
 * resolves only once the element has really rendered; meanwhile the webmaster's light-DOM
 * fallback stays visible through a plain `<slot>`.
 */
export class LazyView<H extends LitElement, V extends ElementView<H> = ElementView<H>> {
  /**
   * The view, once loaded. Besides `render`, a view module may offer pure functions the element
   * calls from its own lifecycle (e.g. `willUpdate`) to work out state it then stores itself.
   */
  current?: V;
  /** The last load failed (offline, say); the next update tries again. */
  private failed = false;
  /** The shared words, to say in the fallback that the load failed (see `render`). */
  private words?: typeof messages;
  private loading?: Promise<V>;
  private readonly styled = new WeakSet<ShadowRoot>();

  constructor(private readonly load: () => Promise<{ view: V }>) {}

  /**
   * Starts loading (once per page); a failed load is tried again by the next caller. The state
   * templates every view imports (status.ts, with the error sentences) load beside the view, not
   * after it.
   */
  preload(): Promise<V> {
    this.loading ??= Promise.all([this.load(), import('./status.js')]).then(
      ([{ view }]) => {
        Object.assign(thaiTemplates, view.th);
        return (this.current = view);
      },
      (error: unknown) => {
        this.loading = undefined;
        throw error;
      },
    );
    return this.loading;
  }

  /**
   * For the host's `scheduleUpdate`: runs `update` at once when the view is loaded and styled
   * in this host's shadow root, else after loading it and adopting its styles.
   */
  schedule(host: H, update: () => void): void | Promise<void> {
    const root = host.renderRoot;
    if (this.current && (!(root instanceof ShadowRoot) || this.styled.has(root))) {
      return update();
    }
    return this.prepare(host, update);
  }

  private async prepare(host: H, update: () => void): Promise<void> {
    const root = host.renderRoot;
    let placeholder: HTMLSlotElement | undefined;
    if (!this.current && root instanceof ShadowRoot && !root.hasChildNodes()) {
      // Until the templates arrive, the light DOM (the webmaster's fallback) shows as is.
      placeholder = document.createElement('slot');
      root.append(placeholder);
    }
    let view: V | undefined;
    try {
      view = await this.preload();
    } catch (error) {
      // The host renders its fallback (see `render`) and says why; its next update tries again.
      this.failed = true;
      const message = `Could not load the templates of <${host.localName}> (offline?)`;
      host.dispatchEvent(new EctErrorEvent({ message, code: 'view', error }));
      // The words that say so: inside dist/ect-widgets.js (no request); for an element imported
      // on its own, the chunk of the views' shared words, which may still load. Else the plain
      // fallback.
      this.words ??= await import('./messages.js').then(
        (module) => module.messages,
        () => undefined,
      );
    }
    placeholder?.remove();
    if (view && root instanceof ShadowRoot && !this.styled.has(root)) {
      const ctor = host.constructor as typeof LitElement;
      // Adopting replaces the list: the class's own styles first, then the view's. Without
      // constructable stylesheets, adoptStyles appends <style> elements, so only the view's.
      adoptStyles(
        root,
        supportsAdoptingStyleSheets ? [...ctor.elementStyles, ...view.styles] : [...view.styles],
      );
      this.styled.add(root);
    }
    update();
  }

  /**
   * The host's template: the view's; until it is loaded a plain `<slot>` (the fallback), which
   * says, when the load failed and there is no fallback, that this part of the page is missing.
   */
  render(host: H): unknown {
    if (this.current) return this.current.render(host);
    return this.failed && this.words
      ? html`<slot><p part="status error" role="alert">${this.words.viewFailed()}</p></slot>`
      : fallbackSlot;
  }
}

const fallbackSlot = html`<slot></slot>`;
