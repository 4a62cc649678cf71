import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { msg, str } from '@lit/localize';
import { customElement } from '../core/define.js';
import { FeedController, dispatchFeedEvents, hasFallbackContent } from '../core/feed-controller.js';
import type { FeedSnapshot, FeedStatus } from '../core/feed-stream.js';
import { formatNumber, formatTime, type FormatOptions } from '../core/format.js';
import { LangController } from '../core/localize.js';
import { t } from '../core/messages.js';
import { live$ } from '../core/sse.js';
import { hostStyles } from '../core/styles.js';
import type { CounterData, FeedFormatOption } from '../core/types.js';
import { styles } from './online-counter.styles.js';
import { PingController } from './ping.js';

type Figure = 'online' | 'today' | 'month' | 'total';

/**
 * How many people are on the site now (`ขณะนี้มีผู้ Online อยู่ 13 คน`), with today's, this
 * month's and all-time visits when the source gives them. Reads JSON or a plain-text number,
 * polled or, with `live`, pushed as Server-Sent Events; `ping` reports this visit's presence.
 * A figure it does not know shows as `—`, never as `0`.
 *
 * @summary Visitor counter: people online now, visits today, this month and in total.
 *
 * @fires ect-load - New figures are shown. `detail: { data, source: 'network' | 'cache' | 'inline' }`.
 * @fires ect-error - The source failed. `detail: { message, error }`.
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
 * @cssproperty [--ect-text=currentColor] - Text colour.
 * @cssproperty [--ect-muted] - Labels and stale figures (default: the text colour at 65%).
 * @cssproperty [--ect-border] - The loading placeholder (default: the text colour at 18%).
 * @cssproperty [--ect-surface=transparent] - Background.
 * @cssproperty [--ect-radius=6px] - Corner radius of the loading placeholder.
 * @cssproperty [--ect-gap=0.5rem] - Space between the figures.
 */
@customElement('ect-online-counter')
export class EctOnlineCounter extends LitElement {
  static override styles = [hostStyles, styles];

  /** Counter URL (JSON or a number), relative to the page; with `live`, an event stream. */
  @property() src?: string | null;

  /** `auto` (default) or `json`. */
  @property() format: FeedFormatOption = 'auto';

  /** Seconds between fetches (and between polls after a live stream failed); `0` fetches once. Default 30. */
  @property({ type: Number }) refresh?: number | null;

  /** URL template with `{url}` for sources served without CORS headers; also used for `live`. */
  @property() proxy?: string | null;

  /** Figures set from script: `{ online, today?, month?, total? }` or a number. */
  @property({ attribute: false }) data?: unknown;

  /** Listen to Server-Sent Events on `src` instead of polling; polls when the stream fails. */
  @property({ type: Boolean, reflect: true }) live = false;

  /** URL that receives this tab's presence heartbeat (`navigator.sendBeacon`); none when absent. */
  @property() ping?: string | null;

  /** `latn` (default) or `thai` digits. */
  @property() numerals?: 'latn' | 'thai' | null;

  private readonly i18n = new LangController(this);
  private readonly feed = new FeedController(this, {
    kinds: ['counter'],
    defaultRefresh: 30,
    live: live$,
    onChange: (snapshot, previous) => {
      this.track(snapshot, previous);
      dispatchFeedEvents(this)(snapshot, previous);
    },
  });
  /** When the figures shown were last received from the network. */
  private receivedAt?: Date;
  /** The figures rendered last, so a changed one animates and an unchanged one does not. */
  private shown: Partial<Record<Figure, number>> = {};

  constructor() {
    super();
    // Reports this tab's presence to `ping` while connected; nothing to read back from it.
    new PingController(this);
  }

  /** `loading`, `ready`, `stale`, `empty` or `error`; also reflected as the `state` attribute. */
  get state(): FeedStatus {
    return this.feed.status;
  }

  /** Fetch the figures again now. */
  reload(): void {
    this.feed.retry();
  }

  private track(snapshot: FeedSnapshot, previous: FeedSnapshot): void {
    if (snapshot.data !== previous.data) {
      this.receivedAt = snapshot.source === 'network' ? new Date() : undefined;
    }
  }

  protected override render() {
    return this.i18n.render(() => this.renderContent());
  }

  protected override updated(): void {
    const data = this.feed.data;
    this.shown = data ? { ...data } : {};
  }

  private renderContent(): TemplateResult {
    const { status, source, error } = this.feed.snapshot;
    const data = this.feed.data;
    const fallback = !data && hasFallbackContent(this) ? html`<slot></slot>` : nothing;
    if (!data && status === 'loading' && fallback !== nothing) return fallback;
    const stale = !!data && (status === 'stale' || source === 'cache');
    const options: FormatOptions = { lang: this.i18n.lang, numerals: this.numerals ?? undefined };
    const count = data
      ? this.renderCount('online', data.online, stale, options)
      : status === 'loading'
        ? html`<span part="count loading" aria-hidden="true"></span
            ><span class="visually-hidden">${t.loading()}</span>`
        : html`<span part="count unavailable" title=${error?.message ?? ''} aria-hidden="true"
              >—</span
            ><span class="visually-hidden"
              >${msg('unknown number of', { id: 'online-counter.unknown' })}</span
            >`;
    const sentence =
      data?.online === 1
        ? msg(html`${count} person online now`, { id: 'online-counter.online-one' })
        : msg(html`${count} people online now`, { id: 'online-counter.online' });
    return html`${fallback}
      <div part="base" aria-busy=${status === 'loading' ? 'true' : 'false'}>
        <span part="online">${sentence}</span>
        ${data ? this.renderStats(data, stale, options) : nothing}
        ${stale ? this.renderStaleNote(error?.message, options) : nothing}
      </div>`;
  }

  private renderStats(
    data: CounterData,
    stale: boolean,
    options: FormatOptions,
  ): TemplateResult | typeof nothing {
    const labels: [Exclude<Figure, 'online'>, string][] = [
      ['today', msg('Today', { id: 'online-counter.today' })],
      ['month', msg('This month', { id: 'online-counter.month' })],
      ['total', msg('Total', { id: 'online-counter.total' })],
    ];
    const shown = labels.filter(([name]) => data[name] !== undefined);
    if (!shown.length) return nothing;
    return html`<dl part="stats">
      ${shown.map(
        ([name, label]) =>
          html`<div part="stat">
            <dt part="label">${label}</dt>
            <dd>${this.renderCount(name, data[name]!, stale, options)}</dd>
          </div>`,
      )}
    </dl>`;
  }

  private renderCount(name: Figure, value: number, stale: boolean, options: FormatOptions) {
    const before = this.shown[name];
    const changed = before !== undefined && before !== value;
    // A new node for a new value, so the change animation plays once per change.
    return keyed(
      value,
      html`<span part=${stale ? 'count stale' : 'count'} class=${changed ? 'changed' : ''}
        >${formatNumber(value, options)}</span
      >`,
    );
  }

  private renderStaleNote(reason: string | undefined, options: FormatOptions): TemplateResult {
    const time = this.receivedAt && formatTime(this.receivedAt, options);
    const note = time
      ? msg(str`as of ${time}`, { id: 'online-counter.as-of' })
      : msg('saved figures', { id: 'online-counter.saved' });
    return html`<span part="note" title=${reason ?? ''}>(${note})</span>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-online-counter': EctOnlineCounter;
  }
}
