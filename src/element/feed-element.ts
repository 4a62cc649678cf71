import { LitElement } from 'lit';
import { property } from 'lit/decorators.js';
import type { FeedSnapshot, FeedStatus } from '../feed/stream.js';
import type { FeedFormatOption, FeedKind } from '../feed/types.js';
import {
  FeedController,
  dispatchFeedEvents,
  type FeedControllerOptions,
} from './feed-controller.js';
import type { LazyView } from './lazy-view.js';
import { LangController } from './localize.js';
import { hostStyles } from './styles.js';

/** What an element class says about its feed: the kinds of data it shows and its refresh. */
export type FeedOptions<K extends FeedKind> = Omit<FeedControllerOptions<K>, 'onChange'>;

/** An element class's `feedOptions`: the one kind of data it shows, its default refresh (s). */
export function feedOptions<K extends FeedKind>(
  kind: K,
  defaultRefresh: number,
  more: Partial<FeedOptions<K>> = {},
): FeedOptions<K> {
  return { kinds: [kind], defaultRefresh, ...more };
}

/**
 * What every element shares: the feed attributes (`src`, `format`, `refresh`, `proxy`, the
 * `data` property), the feed and language controllers, `state`, `reload()`, the `ect-load` /
 * `ect-error` events and the lazily loaded view (templates and styles, see lazy-view.ts). An
 * element class declares only what is its own: its `static feedOptions`, its `static lazyView`,
 * its attributes and state, and the methods its view calls.
 *
 * What every element has in common is documented here once; an element's own JSDoc adds its
 * parts and properties, or says more about one of these.
 *
 * @fires ect-load - New data is shown. `detail: { data, source: 'network' | 'cache' | 'inline' }`.
 * @fires ect-error - The feed failed. `detail: { message, code, error }`: `code` says what went wrong (`http`, `timeout`, `wrong-format`…, docs/feeds.md#errors), `message` says it in English.
 * @cssproperty [--ect-text=currentColor] - Text colour.
 * @cssproperty [--ect-surface=transparent] - Background.
 * @cssproperty [--ect-gap=0.5rem] - Base spacing.
 */
export abstract class FeedElement<K extends FeedKind = FeedKind> extends LitElement {
  static override styles = hostStyles;

  /** The element's templates and styles, loaded on the first instance. @internal */
  static readonly lazyView: LazyView<LitElement>;
  /** The kinds of data the element shows and its default refresh. @internal */
  static readonly feedOptions: FeedOptions<FeedKind>;

  /** Feed URL, relative to the page. Without it the element reads inline data or `data`. */
  @property() src?: string | null;

  /** `auto` (by Content-Type, then sniffing) or one of the formats the element reads (see its description). */
  @property() format: FeedFormatOption = 'auto';

  /** Seconds between fetches; `0` fetches once. Each element has its own default (see its description). */
  @property({ type: Number }) refresh?: number | null;

  /** URL template with `{url}` for feeds served without CORS headers. */
  @property() proxy?: string | null;

  /** Feed data set from script, in the shape of the element's JSON feed; read like a feed. */
  @property({ attribute: false }) data?: unknown;

  /** @internal */
  readonly i18n = new LangController(this);
  /** @internal */
  readonly feed: FeedController<K> = feedControllerOf<K>(this);

  constructor() {
    super();
    void (this.constructor as typeof FeedElement).lazyView.preload().catch(() => {});
  }

  /** `loading`, `ready`, `stale`, `empty` or `error`; also reflected as the `state` attribute. */
  get state(): FeedStatus {
    return this.feed.status;
  }

  /** Fetch the feed again now. */
  reload(): void {
    this.feed.retry();
  }

  /** Called with every new snapshot of the feed, before the events and the render. */
  protected feedChanged(_snapshot: FeedSnapshot, _previous: FeedSnapshot): void {}

  /** An update that fails while cached data is shown drops that data from the cache, then throws. */
  protected override performUpdate(): void {
    try {
      super.performUpdate();
    } catch (error) {
      if (this.feed.snapshot.source === 'cache') this.feed.forgetCachedData();
      throw error;
    }
  }

  protected override scheduleUpdate(): void | Promise<void> {
    const view = (this.constructor as typeof FeedElement).lazyView;
    return view.schedule(this, () => super.scheduleUpdate());
  }

  protected override render(): unknown {
    const view = (this.constructor as typeof FeedElement).lazyView;
    return this.i18n.render(() => view.render(this));
  }
}

/** The feed controller of `host`, with its class's options, firing `ect-load` / `ect-error`. */
function feedControllerOf<K extends FeedKind>(host: FeedElement<K>): FeedController<K> {
  const dispatch = dispatchFeedEvents(host);
  return new FeedController(host, {
    ...((host.constructor as typeof FeedElement).feedOptions as FeedOptions<K>),
    onChange: (snapshot, previous) => {
      host['feedChanged'](snapshot, previous);
      dispatch(snapshot, previous);
    },
  });
}
