import { LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../element/define.js';
import { FeedController, dispatchFeedEvents } from '../element/feed-controller.js';
import type { FeedStatus } from '../feed/stream.js';
import { LazyView } from '../element/lazy-view.js';
import { LangController } from '../element/localize.js';
import { hostStyles } from '../element/styles.js';
import type { FeedFormatOption } from '../feed/types.js';

const view: LazyView<EctAnnouncementList> = new LazyView(
  () => import('./announcement-list.view.js'),
);

/**
 * A dated list of announcements (election and result announcements, procurement notices,
 * PR news) from an RSS, Atom, JSON Feed or JSON feed. Several categories become tabs.
 *
 * @summary Dated announcement list with category tabs, "new" badges and attachments.
 *
 * @fires ect-load - New data is shown. `detail: { data, source: 'network' | 'cache' | 'inline' }`.
 * @fires ect-error - The feed failed. `detail: { message, error }`.
 *
 * @slot - Fallback content (e.g. a plain link to the announcements page), shown until the first data arrives and again when the first load fails. A child `<script type="application/json">` (or RSS, Atom) is inline data instead.
 *
 * @csspart base - The wrapper of the whole list.
 * @csspart tabs - The category tab list.
 * @csspart tab - One category tab; `tab selected` for the current one.
 * @csspart panel - The tab panel holding the list.
 * @csspart list - The `<ul>` of items.
 * @csspart item - One item; `item pinned` for pinned or urgent ones.
 * @csspart thumbnail - The image of an item in `layout="news"`.
 * @csspart title - The item's headline link.
 * @csspart date - The item's date.
 * @csspart badge - The "new" badge.
 * @csspart excerpt - The summary of an item in `layout="news"`.
 * @csspart attachments - The list of an item's files.
 * @csspart attachment - One file link, with its type and size.
 * @csspart more - The "see all" link.
 * @csspart status - Loading, empty, error and stale messages; also `loading`, `empty`, `error`, `stale`.
 * @csspart message - The text of an error or stale message.
 * @csspart retry - The retry button of an error or stale message.
 *
 * @cssproperty [--ect-accent=#1d4f91] - Links, the selected tab and focus rings.
 * @cssproperty [--ect-text=currentColor] - Text colour.
 * @cssproperty [--ect-muted] - Dates and secondary text (default: the text colour at 65%).
 * @cssproperty [--ect-border] - Separators and tab underline (default: the text colour at 18%).
 * @cssproperty [--ect-surface=transparent] - Background.
 * @cssproperty [--ect-radius=6px] - Corner radius of badges, thumbnails and buttons.
 * @cssproperty [--ect-gap=0.5rem] - Base spacing.
 * @cssproperty [--ect-new=#c2410c] - Background of the "new" badge.
 * @cssproperty [--ect-error=#b42318] - Error text.
 */
@defineElement('ect-announcement-list')
export class EctAnnouncementList extends LitElement {
  static override styles = hostStyles;

  /** Feed URL, relative to the page. Without it the element reads inline data or `data`. */
  @property() src?: string | null;

  /** `auto` (Content-Type, then sniffing), `json`, `jsonfeed`, `rss` or `atom`. */
  @property() format: FeedFormatOption = 'auto';

  /** Seconds between fetches; `0` fetches once. Default 300. */
  @property({ type: Number }) refresh?: number | null;

  /** URL template with `{url}` for feeds served without CORS headers. */
  @property() proxy?: string | null;

  /** Feed data set from script: the JSON shape `{ items: [...] }` or a JSON Feed object. */
  @property({ attribute: false }) data?: unknown;

  /** Most items shown (per tab). `0` shows all. */
  @property({ type: Number }) limit = 10;

  /** Show only these categories (comma-separated); no tabs then. */
  @property() category?: string | null;

  /** Items published within this many days get the "new" badge; `0` turns it off. */
  @property({ type: Number, attribute: 'new-days' }) newDays = 7;

  /** Link target of the "see all" link; no link when absent. */
  @property({ attribute: 'more-href' }) moreHref?: string | null;

  /** `list` (title and date) or `news` (thumbnail, title, date and excerpt). */
  @property({ reflect: true }) layout: 'list' | 'news' = 'list';

  /** Accessible name of the list (and its tabs); default "Announcements". */
  @property() label?: string | null;

  /** `buddhist` (default in Thai) or `gregory` years in dates. */
  @property() calendar?: 'buddhist' | 'gregory' | null;

  /** `latn` (default) or `thai` digits. */
  @property() numerals?: 'latn' | 'thai' | null;

  /** IANA time zone deciding the calendar date of an item; default `Asia/Bangkok`. */
  @property({ attribute: 'time-zone' }) timeZone?: string | null;

  /** The category of the selected tab; `''` for "All". @internal */
  @state() selected = '';

  /** @internal */
  readonly i18n = new LangController(this);
  /** @internal */
  readonly feed = new FeedController(this, {
    kinds: ['items'],
    defaultRefresh: 300,
    onChange: dispatchFeedEvents(this),
  });

  constructor() {
    super();
    void view.preload().catch(() => {});
  }

  /** `loading`, `ready`, `stale`, `empty` or `error`; also reflected as the `state` attribute. */
  get state(): FeedStatus {
    return this.feed.status;
  }

  /** Fetch the feed again now. */
  reload(): void {
    this.feed.retry();
  }

  protected override scheduleUpdate(): void | Promise<void> {
    return view.schedule(this, () => super.scheduleUpdate());
  }

  protected override render(): unknown {
    return this.i18n.render(() => view.render(this));
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-announcement-list': EctAnnouncementList;
  }
}
