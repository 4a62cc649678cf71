import { property, state } from 'lit/decorators.js';
import {
  calendarAttribute,
  countAttribute,
  numeralsAttribute,
  oneOf,
} from '../element/attributes.js';
import { defineElement } from '../element/define.js';
import { FeedElement, feedOptions } from '../element/feed-element.js';
import { LazyView } from '../element/lazy-view.js';

const lazyView: LazyView<EctAnnouncementList> = new LazyView(
  () => import('./announcement-list.view.js'),
);

/**
 * A dated list of announcements (election and result announcements, procurement notices,
 * PR news) from an RSS, Atom, JSON Feed or JSON feed. Several categories become tabs.
 *
 * Feed (`src`, inline or `data`): RSS, Atom, JSON Feed or JSON `{ items: [...] }`; `format`
 * `auto`, `json`, `jsonfeed`, `rss` or `atom`; `refresh` default 300 s.
 *
 * @summary Dated announcement list with category tabs, "new" badges and attachments.
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
 * @cssproperty [--ect-muted] - Dates and secondary text (default: the text colour at 65%).
 * @cssproperty [--ect-border] - Separators and tab underline (default: the text colour at 18%).
 * @cssproperty [--ect-radius=6px] - Corner radius of badges, thumbnails and buttons.
 * @cssproperty [--ect-new=#c2410c] - Background of the "new" badge.
 * @cssproperty [--ect-error=#b42318] - Error text.
 */
@defineElement('ect-announcement-list')
export class EctAnnouncementList extends FeedElement<'items'> {
  static override readonly lazyView = lazyView;
  static override readonly feedOptions = feedOptions('items', 300);

  /** Most items shown (per tab). `0` shows all. */
  @property({ converter: countAttribute(10) }) limit = 10;

  /** Show only these categories (comma-separated); no tabs then. */
  @property() category?: string | null;

  /** Items published within this many days get the "new" badge; `0` turns it off. */
  @property({ attribute: 'new-days', converter: countAttribute(7) }) newDays = 7;

  /** Link target of the "see all" link; no link when absent. */
  @property({ attribute: 'more-href' }) moreHref?: string | null;

  /** `list` (title and date) or `news` (thumbnail, title, date and excerpt). */
  @property({ reflect: true, converter: oneOf(['list', 'news'], 'list') }) layout: 'list' | 'news' =
    'list';

  /** Accessible name of the list (and its tabs); default "Announcements". */
  @property() label?: string | null;

  /** `buddhist` (default in Thai) or `gregory` years in dates. */
  @property({ converter: calendarAttribute }) calendar?: 'buddhist' | 'gregory' | null;

  /** `latn` (default) or `thai` digits. */
  @property({ converter: numeralsAttribute }) numerals?: 'latn' | 'thai' | null;

  /** IANA time zone deciding the calendar date of an item; default `Asia/Bangkok`. */
  @property({ attribute: 'time-zone' }) timeZone?: string | null;

  /** The category of the selected tab; `''` for "All". @internal */
  @state() selected = '';

  /**
   * Shows the tab of `category` (`''` for "All"); with `focus`, moves the keyboard focus to it
   * once it is rendered (arrow keys in the tab list). @internal
   */
  selectTab(category: string, focus = false): void {
    this.selected = category;
    if (!focus) return;
    void this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]')?.focus(),
    );
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-announcement-list': EctAnnouncementList;
  }
}
