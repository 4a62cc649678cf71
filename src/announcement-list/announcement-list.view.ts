import { html, nothing, type TemplateResult } from 'lit';
import { msg } from '@lit/localize';
import { formatBytes, formatDate, truncateText, type FormatOptions } from '../format/index.js';
import type { ElementView } from '../element/lazy-view.js';
import { messages } from '../element/messages.js';
import { emptyTemplate, statusSection, staleNotice } from '../element/status.js';
import type { FeedAttachment, FeedItem, ItemsData } from '../feed/types.js';
import { safeImageUrl, safeUrl } from '../feed/url.js';
import type { EctAnnouncementList } from './announcement-list.js';
import { viewStyles } from '../element/view-styles.js';
import { styles } from './announcement-list.styles.js';
import { templates as th } from '../generated/locales/th/announcement-list.js';
import { parseCategoryList } from '../element/category-list.js';
import {
  attachmentType,
  categoriesIgnoringCase,
  inCategories,
  isRecent,
  sortItems,
} from './items.js';

/** The templates and styles of `<ect-announcement-list>`, loaded on its first use. */
export const view: ElementView<EctAnnouncementList> = {
  styles: [viewStyles, styles],
  th,
  render,
};

function formatOptions(host: EctAnnouncementList): FormatOptions {
  return {
    lang: host.i18n.lang,
    calendar: host.calendar ?? undefined,
    numerals: host.numerals ?? undefined,
    timeZone: host.timeZone ?? undefined,
  };
}

function render(host: EctAnnouncementList): TemplateResult {
  const label = host.label || msg('Announcements', { id: 'announcements' });
  const data = host.feed.data;
  if (!data) return statusSection(host, host.feed, label);
  return html`<section part="base" aria-label=${label}>
    ${staleNotice(host.feed)} ${renderItems(host, data, label)} ${renderMore(host)}
  </section>`;
}

function renderItems(host: EctAnnouncementList, data: ItemsData, label: string): TemplateResult {
  const only = parseCategoryList(host.category);
  const items = sortItems(data.items.filter((item) => inCategories(item, only)));
  const tabs = only.length ? [] : categoriesIgnoringCase(items);
  if (tabs.length < 2) return renderList(host, items);
  const selected = tabs.includes(host.selected) ? host.selected : '';
  const names = ['', ...tabs];
  const index = names.indexOf(selected);
  return html`<div
      part="tabs"
      role="tablist"
      aria-label=${label}
      @keydown=${(event: KeyboardEvent) => onTabKey(host, event, names)}
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
            @click=${() => host.selectTab(name)}
          >
            ${name || messages.all()}
          </button>`,
      )}
    </div>
    <div part="panel" role="tabpanel" id="panel" aria-labelledby="tab-${index}" tabindex="0">
      ${renderList(host, selected ? items.filter((item) => inCategories(item, [selected])) : items)}
    </div>`;
}

function onTabKey(
  host: Readonly<EctAnnouncementList>,
  event: KeyboardEvent,
  names: string[],
): void {
  const current = Math.max(0, names.indexOf(host.selected));
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
  host.selectTab(names[next], true);
}

function renderList(host: EctAnnouncementList, items: FeedItem[]): TemplateResult {
  const shown = host.limit > 0 ? items.slice(0, host.limit) : items;
  if (!shown.length) return emptyTemplate();
  const options = formatOptions(host);
  // role="list": Safari drops list semantics from `list-style: none` lists without it.
  // eslint-disable-next-line lit-a11y/no-redundant-role
  return html`<ul part="list" role="list">
    ${shown.map((item) => renderItem(host, item, options))}
  </ul>`;
}

function renderItem(
  host: EctAnnouncementList,
  item: FeedItem,
  options: FormatOptions,
): TemplateResult {
  const href = safeUrl(item.url);
  const image = host.layout === 'news' ? safeImageUrl(item.image) : undefined;
  const fresh = isRecent(item, host.newDays, options.timeZone);
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
        ${title}${fresh ? html` <span part="badge">${messages.new()}</span>` : nothing}
      </div>
      ${
        item.date
          ? html`<time part="date" datetime=${item.date}>${formatDate(item.date, options)}</time>`
          : nothing
      }
      ${
        host.layout === 'news' && item.summary
          ? html`<p part="excerpt">${truncateText(item.summary, 160, options.lang)}</p>`
          : nothing
      }
      ${
        item.attachments.length
          ? // eslint-disable-next-line lit-a11y/no-redundant-role
            html`<ul part="attachments" role="list">
              ${item.attachments.map((file) => renderAttachment(file, item, options))}
            </ul>`
          : nothing
      }
    </div>
  </li>`;
}

function renderAttachment(
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

function renderMore(host: EctAnnouncementList): TemplateResult | typeof nothing {
  const href = safeUrl(host.moreHref, document.baseURI);
  if (!href) return nothing;
  return html`<p class="more"><a part="more" href=${href}>${messages.seeAll()}</a></p>`;
}
