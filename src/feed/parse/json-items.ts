/**
 * News items of a JSON feed (`items` or a bare list, and JSON Feed 1.0/1.1) to ItemsData. Loaded
 * by parseJson (json.ts) for such a feed, and ahead of the feed by the elements that show items
 * (preloadParsersFor in parsers.ts).
 */
import type { FeedAttachment, FeedItem, ItemsData } from '../types.js';
import { safeImageUrl, safeUrl } from '../url.js';
import { toIsoDate } from './dates.js';
import { feedItem, htmlContent } from './feed-item.js';
import {
  asText,
  isObject,
  ownField,
  toBoolean,
  toCount,
  withOptional,
  type JsonObject,
} from './normalize.js';
import { cleanText, listOf, uniqueStrings } from './text.js';

function attachmentsOf(value: unknown, base: string | undefined): FeedAttachment[] {
  return (Array.isArray(value) ? value : []).filter(isObject).flatMap((entry) => {
    const url = safeUrl(asText(ownField(entry, 'url', 'href')), base);
    return url
      ? withOptional<FeedAttachment>(
          { url },
          {
            type: cleanText(ownField(entry, 'type', 'mime_type', 'mimeType')),
            size: toCount(ownField(entry, 'size', 'size_in_bytes', 'length')) || undefined,
            title: cleanText(ownField(entry, 'title', 'name')),
          },
        )
      : [];
  });
}

function authorOf(object: JsonObject): string | undefined {
  const author = ownField(object, 'author');
  if (isObject(author)) return cleanText(ownField(author, 'name'));
  const authors = ownField(object, 'authors');
  if (Array.isArray(authors) && isObject(authors[0]))
    return cleanText(ownField(authors[0], 'name'));
  return cleanText(author);
}

/** One item of a JSON or JSON Feed `items` array (both field vocabularies are accepted). */
async function normalizeItem(object: JsonObject, base: string | undefined): Promise<FeedItem> {
  const body = asText(ownField(object, 'html', 'content_html'));
  const content = body ? await htmlContent(body, base) : undefined;
  const ect = ownField(object, '_ect');
  return feedItem({
    id: cleanText(ownField(object, 'id', 'guid')),
    title: cleanText(ownField(object, 'title')) ?? '',
    categories: uniqueStrings(
      ['categories', 'category', 'tags'].flatMap((key) => listOf(ownField(object, key))),
    ),
    attachments: attachmentsOf(ownField(object, 'attachments'), base),
    url: safeUrl(asText(ownField(object, 'url', 'link', 'external_url')), base),
    date: toIsoDate(ownField(object, 'date', 'date_published', 'published', 'pubDate')),
    updated: toIsoDate(ownField(object, 'updated', 'date_modified', 'modified')),
    summary:
      cleanText(ownField(object, 'summary')) ??
      cleanText(ownField(object, 'content_text')) ??
      content?.text,
    html: content?.html,
    image:
      safeImageUrl(asText(ownField(object, 'image', 'banner_image', 'thumbnail')), base) ??
      content?.image,
    pinned:
      toBoolean(ownField(object, 'pinned')) ||
      (isObject(ect) && toBoolean(ownField(ect, 'pinned'))) ||
      undefined,
    author: authorOf(object),
  });
}

export async function itemsData(
  object: JsonObject,
  items: unknown[],
  base: string | undefined,
): Promise<ItemsData> {
  return withOptional<ItemsData>(
    {
      kind: 'items',
      items: await Promise.all(items.filter(isObject).map((item) => normalizeItem(item, base))),
    },
    {
      title: cleanText(ownField(object, 'title')),
      link: safeUrl(asText(ownField(object, 'home_page_url', 'link', 'url')), base),
    },
  );
}
