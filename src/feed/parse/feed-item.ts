/**
 * News items, as RSS, Atom and JSON feeds give them (xml.ts, json-items.ts): HTML-or-text
 * fields, sanitized when they hold markup (sanitize.ts, loaded on first use), and the FeedItem
 * itself, pinned by a flag or a category.
 */
import type { FeedItem } from '../types.js';
import { withOptional } from './normalize.js';
import { collapseWhitespace, hashId } from './text.js';

/** Markup or an entity reference: only then is the sanitizer (and DOMPurify) worth loading. */
export function hasMarkup(text: string): boolean {
  return /<[a-z!/]|&[#a-z0-9]+;/i.test(text);
}

let sanitizer: Promise<typeof import('../sanitize.js')> | undefined;

/**
 * A feed's HTML-or-text field: plain text is only whitespace-collapsed; text with markup or
 * entity references is sanitized (sanitize.ts, loaded on first use).
 */
export async function htmlContent(
  value: string,
  baseUrl?: string,
): Promise<{ html?: string; text: string; image?: string }> {
  if (!hasMarkup(value)) return { text: collapseWhitespace(value) };
  if (!sanitizer) {
    sanitizer = import('../sanitize.js');
    // A failed load (offline, a deploy in between) is tried again next time, not cached.
    sanitizer.catch(() => (sanitizer = undefined));
  }
  return (await sanitizer).sanitizeHtml(value, baseUrl);
}

const PINNED = new Set(['pinned', 'urgent', 'ด่วน']);

/** A category that marks an item as pinned or urgent. */
export function isPinnedCategory(category: string): boolean {
  return PINNED.has(category.trim().toLowerCase());
}

/**
 * A FeedItem from its fields (RSS, Atom and JSON alike): without an id, the link or a hash of title
 * and date; pinned when flagged or in a pinned category; empty fields left out.
 */
export function feedItem(fields: Omit<FeedItem, 'id'> & { id?: string }): FeedItem {
  const { id, title, categories, attachments, url, date, updated, summary, html, image } = fields;
  return withOptional<FeedItem>(
    { id: id || url || hashId(title, date), title, categories, attachments },
    {
      url,
      date,
      updated,
      summary,
      html,
      image,
      pinned: fields.pinned || categories.some(isPinnedCategory) || undefined,
      author: fields.author,
    },
  );
}
