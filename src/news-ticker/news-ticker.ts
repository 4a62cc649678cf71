import type { PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { countAttribute, oneOf } from '../element/attributes.js';
import { defineElement } from '../element/define.js';
import { FeedElement, feedOptions } from '../element/feed-element.js';
import { LazyView } from '../element/lazy-view.js';
import type { FeedItem, ItemsData } from '../feed/types.js';
import {
  anchorAt,
  copiesNeeded,
  offsetAt,
  tickerItems,
  tickerSpeed,
  timeAt,
  type Anchor,
} from './ticker.js';

const lazyView: LazyView<EctNewsTicker> = new LazyView(() => import('./news-ticker.view.js'));

/** What the ticker needs of a `MediaQueryList`. */
export interface MotionQuery {
  readonly matches: boolean;
  addEventListener(type: 'change', listener: () => void): void;
  removeEventListener(type: 'change', listener: () => void): void;
}

const motionWatchers = new Set<() => void>();
const notifyMotion = () => motionWatchers.forEach((watcher) => watcher());
let motionQuery: MotionQuery | undefined;

function reducedMotion(): boolean {
  if (!motionQuery) {
    motionQuery = matchMedia('(prefers-reduced-motion: reduce)');
    motionQuery.addEventListener('change', notifyMotion);
  }
  return motionQuery.matches;
}

/**
 * Test-only: replaces the `prefers-reduced-motion: reduce` media query every ticker follows
 * (test runners cannot emulate the media feature). `undefined` restores the real one. Tickers
 * on the page re-render at once, and again on the query's `change` events.
 */
export function setMotionQuery(query?: MotionQuery): void {
  motionQuery?.removeEventListener('change', notifyMotion);
  motionQuery = query;
  query?.addEventListener('change', notifyMotion);
  notifyMotion();
}

/**
 * "Line news": headlines of an RSS, Atom, JSON Feed or JSON feed scrolling along one line, each
 * a link with its date. Meets WCAG 2.2.2: a visible pause button, and hover or keyboard focus
 * pause it too; it stands still off screen and in hidden tabs. With `prefers-reduced-motion:
 * reduce` (or `motion="reduce"`) nothing moves: one headline at a time with previous/next
 * buttons. The copies that make the loop seamless are hidden from assistive technology and
 * the tab order. Pinned or urgent items (JSON `pinned: true`, or a category `pinned`, `urgent`
 * or `ด่วน`) come first with an "urgent" badge.
 *
 * Feed (`src`, inline or `data`): RSS, Atom, JSON Feed or JSON `{ items: [...] }`; `format`
 * `auto`, `json`, `jsonfeed`, `rss` or `atom`; `refresh` default 300 s.
 *
 * @summary Accessible scrolling headlines ("line news") from a feed, with pause and reduced motion.
 *
 * @slot label - The label before the headlines; default "ข่าวล่าสุด" / "Latest news".
 * @slot - Fallback content (e.g. a link to the news page), shown until the first data arrives and again when the first load fails. A child `<script type="application/json">` (or RSS, Atom) is inline data instead.
 *
 * @csspart base - The bar holding label, headlines and buttons.
 * @csspart label - The label area.
 * @csspart viewport - The clipped area the headlines move in.
 * @csspart list - The `<ul>` of headlines (and each of its hidden loop copies).
 * @csspart item - One headline; `item pinned` for pinned or urgent ones; `item current` for the one shown with reduced motion.
 * @csspart title - The headline's link.
 * @csspart date - The headline's date.
 * @csspart badge - The "urgent" badge of a pinned item.
 * @csspart pause - The pause toggle button (`aria-pressed="true"` while paused).
 * @csspart previous - The previous-headline button (reduced motion).
 * @csspart next - The next-headline button (reduced motion).
 * @csspart position - "2 / 8" between the previous and next buttons.
 * @csspart status - Loading, empty, error and stale messages; also `loading`, `empty`, `error`, `stale`.
 * @csspart message - The text of an error or stale message.
 * @csspart retry - The retry button of an error or stale message.
 *
 * @cssproperty [--ect-accent=#1d4f91] - Links, the label background, buttons and focus rings.
 * @cssproperty [--ect-muted] - Dates (default: the text colour at 65%).
 * @cssproperty [--ect-border] - The bar's border (default: the text colour at 18%).
 * @cssproperty [--ect-radius=6px] - Corner radius of the bar, badge and buttons.
 * @cssproperty [--ect-label-text=#fff] - Text colour of the label area (its background is the accent).
 * @cssproperty [--ect-urgent=#b42318] - Background of the "urgent" badge.
 * @cssproperty [--ect-error=#b42318] - Error text.
 */
@defineElement('ect-news-ticker')
export class EctNewsTicker extends FeedElement<'items'> {
  static override readonly lazyView = lazyView;
  static override readonly feedOptions = feedOptions('items', 300);

  /** Most headlines shown. `0` shows all. */
  @property({ converter: countAttribute(10) }) limit = 10;

  /** Scrolling speed in pixels per second. */
  @property({ type: Number }) speed = 60;

  /** Stopped by the user (the pause button sets it); set it to start paused. */
  @property({ type: Boolean, reflect: true }) paused = false;

  /** `auto` follows the viewer's `prefers-reduced-motion`; `reduce` never scrolls. */
  @property({ converter: oneOf(['auto', 'reduce'], 'auto') }) motion: 'auto' | 'reduce' = 'auto';

  /** Id of the headline shown with reduced motion. @internal */
  @state() current = '';
  /** Loop copies rendered after the list, as many as fill the viewport. @internal */
  @state() copies = 0;

  /** Stops or restarts the scrolling (the pause button). */
  togglePause(): void {
    this.paused = !this.paused;
  }

  /**
   * Shows the headline `by` places after (or before) the one shown, with reduced motion. Counts
   * from the headline shown at call time: two clicks may come before one render. @internal
   */
  step(by: number): void {
    const count = this.items.length;
    if (!count) return;
    const at = Math.max(
      0,
      this.items.findIndex((item) => item.id === this.current),
    );
    this.current = this.items[(at + by + count) % count].id;
  }

  /** The headlines shown, in order. @internal */
  items: FeedItem[] = [];
  /** Reduced motion: one headline at a time, nothing scrolls. @internal */
  reduced = false;
  private shownData?: ItemsData;
  private animation?: Animation;
  /** Width of one list: the distance the track moves before it starts over. */
  private period = 0;
  private appliedSpeed = 0;
  /** The headline to keep in place across the next render (refresh, mode switch). */
  private anchor?: Anchor;
  private hovered = false;
  private focused = false;
  private offscreen = false;
  private observed?: { list: Element; viewport: Element };
  // Sizes are known once laid out: the observer (first called after the first layout, then on
  // every change) measures the loop and sets how many copies fill the viewport, outside any
  // update, so no render schedules another from within itself.
  private readonly resizeObserver = new ResizeObserver(() => {
    this.measure();
    this.fillViewport();
  });
  private readonly intersectionObserver = new IntersectionObserver((entries) => {
    this.offscreen = !entries[entries.length - 1].isIntersecting;
    this.applyPlayState();
  });
  private readonly onMotionChange = () => this.requestUpdate();
  private readonly onVisibility = () => this.applyPlayState();

  override connectedCallback(): void {
    super.connectedCallback();
    motionWatchers.add(this.onMotionChange);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.intersectionObserver.observe(this);
    this.observed = undefined;
    if (this.hasUpdated) this.observe();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    motionWatchers.delete(this.onMotionChange);
    document.removeEventListener('visibilitychange', this.onVisibility);
    this.intersectionObserver.disconnect();
    this.resizeObserver.disconnect();
    this.stopAnimation();
  }

  protected override willUpdate(): void {
    const reduced = this.motion === 'reduce' || reducedMotion();
    const data = this.feed.data;
    if (data !== this.shownData || reduced !== this.reduced) {
      // Read where the viewer is in the old DOM, to show the same headline after the render.
      const anchor = this.reduced ? { id: this.current, delta: 0 } : this.anchorNow();
      this.anchor = reduced ? undefined : anchor;
      if (anchor) this.current = anchor.id;
      this.shownData = data;
      this.reduced = reduced;
    }
    this.items = data ? tickerItems(data.items, this.limit) : [];
    if (this.reduced) this.stopAnimation();
  }

  protected override updated(changed: PropertyValues<this>): void {
    this.observe();
    if (this.anchor || changed.has('speed')) this.measure();
    if (changed.has('paused')) this.applyPlayState();
  }

  private get parts() {
    const root = this.renderRoot;
    return {
      viewport: root.querySelector<HTMLElement>('.viewport'),
      track: root.querySelector<HTMLElement>('.track'),
      list: root.querySelector<HTMLElement>('.list'),
    };
  }

  /** Watches the sizes of the list and its viewport: the loop is re-measured when they change. */
  private observe(): void {
    const { list, viewport } = this.parts;
    if (this.observed?.list === list && this.observed.viewport === viewport) return;
    this.resizeObserver.disconnect();
    this.observed = undefined;
    if (!list || !viewport) {
      this.stopAnimation();
      return;
    }
    this.resizeObserver.observe(list);
    this.resizeObserver.observe(viewport);
    this.observed = { list, viewport };
  }

  /** The scroll offset shown now, in pixels into one period. */
  private offsetNow(): number {
    const time = Number(this.animation?.currentTime ?? 0);
    return offsetAt(time, this.appliedSpeed, this.period);
  }

  /** Where each headline starts, in pixels from the start of its list. */
  private spans(list: HTMLElement): Array<{ id: string; start: number }> {
    const origin = list.getBoundingClientRect().left;
    return [...list.children].map((li) => ({
      id: (li as HTMLElement).dataset.id ?? '',
      start: li.getBoundingClientRect().left - origin,
    }));
  }

  /** The headline at the start of the viewport now (motion mode). */
  private anchorNow(): Anchor | undefined {
    const { list, viewport } = this.parts;
    if (!list || !viewport || !this.animation || !this.period) return undefined;
    // What the viewer sees, from the layout: right after a pause Firefox may show a position a
    // few milliseconds off the animation's `currentTime`.
    const shown = viewport.getBoundingClientRect().left - list.getBoundingClientRect().left;
    return anchorAt(this.spans(list), ((shown % this.period) + this.period) % this.period);
  }

  /** Sizes the loop and (re)starts the transform animation at the anchored or current offset. */
  private measure(): void {
    const { viewport, track, list } = this.parts;
    const period = list?.getBoundingClientRect().width ?? 0;
    if (this.reduced || !viewport || !track || !list || !period) return;
    let offset = this.offsetNow();
    if (this.anchor) {
      const { id, delta } = this.anchor;
      const start = this.spans(list).find((span) => span.id === id);
      if (start) offset = start.start + delta;
      this.anchor = undefined;
    }
    const speed = tickerSpeed(this.speed);
    const duration = timeAt(period, speed);
    const keyframes = [{ transform: 'translateX(0)' }, { transform: `translateX(${-period}px)` }];
    const effect = this.animation?.effect as KeyframeEffect | null | undefined;
    if (!this.animation || effect?.target !== track) {
      this.stopAnimation();
      this.animation = track.animate(keyframes, { duration, iterations: Infinity });
    } else if (period !== this.period || speed !== this.appliedSpeed) {
      effect.setKeyframes(keyframes);
      effect.updateTiming({ duration });
    }
    this.period = period;
    this.appliedSpeed = speed;
    this.animation.currentTime = timeAt(offset % period, speed);
    this.applyPlayState();
  }

  /** Renders as many loop copies as fill the viewport (a state change: not from an update). */
  private fillViewport(): void {
    const { viewport } = this.parts;
    if (this.reduced || !viewport || !this.period) return;
    this.copies = copiesNeeded(viewport.clientWidth, this.period);
  }

  private stopAnimation(): void {
    this.animation?.cancel();
    this.animation = undefined;
  }

  private applyPlayState(): void {
    const animation = this.animation;
    if (!animation) return;
    const stop =
      this.paused ||
      this.hovered ||
      this.focused ||
      this.offscreen ||
      document.visibilityState === 'hidden';
    if (stop && animation.playState !== 'paused') animation.pause();
    else if (!stop && animation.playState === 'paused') animation.play();
  }

  /** @internal */
  hover(on: boolean): void {
    this.hovered = on;
    this.applyPlayState();
  }

  /** @internal */
  readonly onFocusIn = (event: FocusEvent) => {
    this.focused = true;
    // Bring the focused headline to the start of the viewport (the viewport never scrolls).
    const item = (event.target as Element).closest('li');
    const list = item?.parentElement;
    if (item && list && this.animation && !this.reduced) {
      const start = item.getBoundingClientRect().left - list.getBoundingClientRect().left;
      this.animation.currentTime = timeAt(start, this.appliedSpeed);
    }
    this.applyPlayState();
  };

  /** @internal */
  readonly onFocusOut = (event: FocusEvent) => {
    const next = event.relatedTarget as Node | null;
    this.focused = !!next && !!this.parts.viewport?.contains(next);
    this.applyPlayState();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-news-ticker': EctNewsTicker;
  }
}
