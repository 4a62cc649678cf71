import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { msg } from '@lit/localize';
import { customElement } from '../core/define.js';
import { FeedController, dispatchFeedEvents } from '../core/feed-controller.js';
import type { FeedStatus } from '../core/feed-stream.js';
import { formatBytes, formatDate, truncateText, type FormatOptions } from '../core/format.js';
import { LangController } from '../core/localize.js';
import { t } from '../core/messages.js';
import { emptyTemplate, feedStatus, staleNotice } from '../core/status.js';
import { hostStyles } from '../core/styles.js';
import type { FeedAttachment, FeedFormatOption, FeedItem, ItemsData } from '../core/types.js';
import { safeImageUrl, safeUrl } from '../core/url.js';
import { styles } from './announcement-list.styles.js';
import {
  attachmentType,
  categoriesOf,
  inCategories,
  isRecent,
  parseCategoryList,
  sortItems,
} from './items.js';

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
@customElement('ect-announcement-list')
export class EctAnnouncementList extends LitElement {
  static override styles = [hostStyles, styles];

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

  @state() private selected = '';

  private readonly i18n = new LangController(this);
  private readonly feed = new FeedController(this, {
    kinds: ['items'],
    defaultRefresh: 300,
    onChange: dispatchFeedEvents(this),
  });

  /** `loading`, `ready`, `stale`, `empty` or `error`; also reflected as the `state` attribute. */
  get state(): FeedStatus {
    return this.feed.status;
  }

  /** Fetch the feed again now. */
  reload(): void {
    this.feed.retry();
  }

  private get formatOptions(): FormatOptions {
    return {
      lang: this.i18n.lang,
      calendar: this.calendar ?? undefined,
      numerals: this.numerals ?? undefined,
      timeZone: this.timeZone ?? undefined,
    };
  }

  protected override render() {
    return this.i18n.render(() => this.renderContent());
  }

  private renderContent(): TemplateResult {
    const label = this.label || msg('Announcements', { id: 'announcements' });
    const data = this.feed.data;
    const pending = feedStatus(this, this.feed);
    if (pending || !data) {
      return html`<section part="base" aria-label=${label} aria-busy=${this.state === 'loading'}>
        ${pending}
      </section>`;
    }
    return html`<section part="base" aria-label=${label}>
      ${staleNotice(this.feed)} ${this.renderItems(data, label)} ${this.renderMore()}
    </section>`;
  }

  private renderItems(data: ItemsData, label: string): TemplateResult {
    const only = parseCategoryList(this.category);
    const items = sortItems(data.items.filter((item) => inCategories(item, only)));
    const tabs = only.length ? [] : categoriesOf(items);
    if (tabs.length < 2) return this.renderList(items);
    const selected = tabs.includes(this.selected) ? this.selected : '';
    const names = ['', ...tabs];
    const index = names.indexOf(selected);
    return html`<div
        part="tabs"
        role="tablist"
        aria-label=${label}
        @keydown=${(event: KeyboardEvent) => this.onTabKey(event, names)}
      >
        ${names.map(
          (name, i) =>
            html`<button
              part=${i === index ? 'tab selected' : 'tab'}
              role="tab"
              type="button"
              id="tab-${i}"
              aria-selected=${i === index ? 'true' : 'false'}
              aria-controls="panel"
              tabindex=${i === index ? 0 : -1}
              @click=${() => (this.selected = name)}
            >
              ${name || t.all()}
            </button>`,
        )}
      </div>
      <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${index}" tabindex="0">
        ${this.renderList(selected ? items.filter((item) => inCategories(item, [selected])) : items)}
      </div>`;
  }

  private onTabKey(event: KeyboardEvent, names: string[]): void {
    const current = Math.max(0, names.indexOf(this.selected));
    const last = names.length - 1;
    const next =
      event.key === 'ArrowRight'
        ? current === last
          ? 0
          : current + 1
        : event.key === 'ArrowLeft'
          ? current === 0
            ? last
            : current - 1
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? last
              : -1;
    if (next < 0) return;
    event.preventDefault();
    this.selected = names[next];
    this.updateComplete.then(() =>
      this.renderRoot.querySelector<HTMLElement>(`#tab-${next}`)?.focus(),
    );
  }

  private renderList(items: FeedItem[]): TemplateResult {
    const shown = this.limit > 0 ? items.slice(0, this.limit) : items;
    if (!shown.length) return emptyTemplate();
    const options = this.formatOptions;
    // role="list": Safari drops list semantics from `list-style: none` lists without it.
    // eslint-disable-next-line lit-a11y/no-redundant-role
    return html`<ul part="list" role="list">
      ${shown.map((item) => this.renderItem(item, options))}
    </ul>`;
  }

  private renderItem(item: FeedItem, options: FormatOptions): TemplateResult {
    const href = safeUrl(item.url);
    const image = this.layout === 'news' ? safeImageUrl(item.image) : undefined;
    const fresh = isRecent(item, this.newDays, options.timeZone);
    const title = href
      ? html`<a part="title" href=${href}>${item.title}</a>`
      : html`<span part="title">${item.title}</span>`;
    return html`<li part=${item.pinned ? 'item pinned' : 'item'}>
      ${
        image
          ? html`<img part="thumbnail" src=${image} alt="" loading="lazy" decoding="async" />`
          : nothing
      }
      <div class="body">
        <div class="headline">
          ${title}${fresh ? html` <span part="badge">${t.new()}</span>` : nothing}
        </div>
        ${
          item.date
            ? html`<time part="date" datetime=${item.date}>${formatDate(item.date, options)}</time>`
            : nothing
        }
        ${
          this.layout === 'news' && item.summary
            ? html`<p part="excerpt">${truncateText(item.summary, 160, options.lang)}</p>`
            : nothing
        }
        ${
          item.attachments.length
            ? // eslint-disable-next-line lit-a11y/no-redundant-role
              html`<ul part="attachments" role="list">
                ${item.attachments.map((file) => this.renderAttachment(file, item, options))}
              </ul>`
            : nothing
        }
      </div>
    </li>`;
  }

  private renderAttachment(
    file: FeedAttachment,
    item: FeedItem,
    options: FormatOptions,
  ): TemplateResult | typeof nothing {
    const href = safeUrl(file.url);
    if (!href) return nothing;
    const facts = [attachmentType(file), file.size ? formatBytes(file.size, options) : undefined]
      .filter(Boolean)
      .join(', ');
    // Untitled files all read "Attachment": the item title makes each link's name unique.
    const context = file.title
      ? nothing
      : html`<span class="visually-hidden"> – ${item.title}</span>`;
    return html`<li>
      <a part="attachment" href=${href}
        >${file.title || msg('Attachment', { id: 'attachment' })}${
          facts ? html` <span class="facts">(${facts})</span>` : nothing
        }${context}</a
      >
    </li>`;
  }

  private renderMore(): TemplateResult | typeof nothing {
    const href = safeUrl(this.moreHref, document.baseURI);
    if (!href) return nothing;
    return html`<p class="more"><a part="more" href=${href}>${t.seeAll()}</a></p>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'ect-announcement-list': EctAnnouncementList;
  }
}
