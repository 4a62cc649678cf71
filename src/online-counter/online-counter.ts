import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { defer, switchMap, type Subscription } from 'rxjs';
import { property } from 'lit/decorators.js';
import { numeralsAttribute } from '../element/attributes.js';
import { defineElement } from '../element/define.js';
import { FeedElement, feedOptions } from '../element/feed-element.js';
import type { FeedRequest, FeedSnapshot } from '../feed/stream.js';
import { LazyView } from '../element/lazy-view.js';
import { safeImageUrl } from '../feed/url.js';

/** @internal */
export type Figure = 'online' | 'today' | 'month' | 'total';

/** Server-Sent Events (feed/sse.ts) are loaded only by counters with `live`. */
const liveFeed = (request: FeedRequest) =>
  defer(() => import('../feed/sse.js')).pipe(switchMap(({ live$ }) => live$(request)));

/**
 * Runs the heartbeat to the host's `ping` URL while the host is connected; the heartbeat code
 * (ping.js) is loaded only when there is a `ping`.
 */
class PingController implements ReactiveController {
  private url?: string;
  private subscription?: Subscription;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { ping?: string | null },
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    this.hostUpdated();
  }

  hostUpdated(): void {
    // http(s) only, resolved against the page: the rule image sources follow too.
    const url = safeImageUrl(this.host.ping?.trim(), document.baseURI);
    if (url === this.url && (this.subscription || !url)) return;
    this.hostDisconnected();
    this.url = url;
    if (!url) return;
    this.subscription = defer(() => import('./ping.js'))
      .pipe(switchMap(({ ping$ }) => ping$(url)))
      // Presence is best effort: a heartbeat that cannot load is skipped.
      .subscribe({ error() {} });
  }

  hostDisconnected(): void {
    this.subscription?.unsubscribe();
    this.subscription = undefined;
  }
}

const lazyView: LazyView<EctOnlineCounter> = new LazyView(() => import('./online-counter.view.js'));

/**
 * How many people are on the site now (`ขณะนี้มีผู้ Online อยู่ 13 คน`), with today's, this
 * month's and all-time visits when the source gives them. Reads JSON or a plain-text number,
 * polled or, with `live`, pushed as Server-Sent Events; `ping` reports this visit's presence.
 * A figure it does not know shows as `—`, never as `0`.
 *
 * Source (`src`, inline or `data`): JSON `{ online, today?, month?, total? }` or a plain number;
 * with `live`, an event stream on `src` (through `proxy` too); `format` `auto` or `json`;
 * `refresh` default 30 s (also the polling interval after a live stream failed).
 *
 * @summary Visitor counter: people online now, visits today, this month and in total.
 *
 * @fires ect-load - New figures are shown. `detail: { data, source: 'network' | 'cache' | 'inline' }`.
 * @fires ect-error - The source failed. `detail: { message, code, error }` (`code`: docs/feeds.md#errors).
 *
 * @slot - Fallback content (e.g. the old counter badge), shown until the first figures arrive and again when the first load fails. A child `<script type="application/json">` is inline data instead.
 *
 * @csspart base - The wrapper of the sentence and the figures.
 * @csspart online - The sentence with the number of people online.
 * @csspart count - Every number; also `stale` when it is not current, `unavailable` for `—`, `loading` for the placeholder.
 * @csspart stats - The list of the other figures (today, this month, total).
 * @csspart stat - One figure with its label.
 * @csspart label - The label of a figure.
 * @csspart note - After figures that are not current: when they were (`as of 09.30`).
 *
 * @cssproperty [--ect-muted] - Labels and stale figures (default: the text colour at 65%).
 * @cssproperty [--ect-border] - The loading placeholder (default: the text colour at 18%).
 * @cssproperty [--ect-radius=6px] - Corner radius of the loading placeholder.
 * @cssproperty [--ect-gap=0.5rem] - Space between the figures.
 */
@defineElement('ect-online-counter')
export class EctOnlineCounter extends FeedElement<'counter'> {
  static override readonly lazyView = lazyView;
  static override readonly feedOptions = feedOptions('counter', 30, { live: liveFeed });

  /** Listen to Server-Sent Events on `src` instead of polling; polls when the stream fails. */
  @property({ type: Boolean, reflect: true }) live = false;

  /** URL that receives this tab's presence heartbeat (`navigator.sendBeacon`); none when absent. */
  @property() ping?: string | null;

  /** `latn` (default) or `thai` digits. */
  @property({ converter: numeralsAttribute }) numerals?: 'latn' | 'thai' | null;

  /** When the figures shown were last received from the network. @internal */
  receivedAt?: Date;
  /** The figures rendered last, so a changed one animates and an unchanged one does not. @internal */
  shown: Partial<Record<Figure, number>> = {};

  constructor() {
    super();
    // Reports this tab's presence to `ping` while connected; nothing to read back from it.
    new PingController(this);
  }

  protected override feedChanged(snapshot: FeedSnapshot, previous: FeedSnapshot): void {
    if (snapshot.data !== previous.data) {
      this.receivedAt = snapshot.source === 'network' ? new Date() : undefined;
    }
  }

  protected override updated(): void {
    const data = this.feed.data;
    this.shown = data ? { ...data } : {};
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-online-counter': EctOnlineCounter;
  }
}
