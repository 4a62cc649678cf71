/**
 * What the announcement list does with its items besides rendering them: category filters,
 * pinned-first order, the "new" badge and attachment types.
 */
import { daysBetween, todayKey, zonedDateKey } from '../format/index.js';
import type { FeedAttachment, FeedItem } from '../feed/types.js';

/** Categories compare case-insensitively and trimmed. */
const fold = (text: string) => text.trim().toLocaleLowerCase('th');

export function inCategories(item: FeedItem, categories: string[]): boolean {
  if (!categories.length) return true;
  const wanted = new Set(categories.map(fold));
  return item.categories.some((category) => wanted.has(fold(category)));
}

/** Categories in order of first appearance, each once whatever its case (the first spelling). */
export function categoriesIgnoringCase(items: FeedItem[]): string[] {
  const seen = new Map<string, string>();
  for (const item of items) {
    for (const category of item.categories) {
      const key = fold(category);
      if (key && !seen.has(key)) seen.set(key, category.trim());
    }
  }
  return [...seen.values()];
}

/** Pinned first, then newest first; items without a date keep their feed order after dated ones. */
export function sortItems(items: FeedItem[]): FeedItem[] {
  const time = (item: FeedItem) => (item.date ? Date.parse(item.date) : NaN);
  return items
    .map((item, index) => ({ item, index, at: time(item) }))
    .sort((a, b) => {
      if (!!a.item.pinned !== !!b.item.pinned) return a.item.pinned ? -1 : 1;
      const aDated = !Number.isNaN(a.at);
      const bDated = !Number.isNaN(b.at);
      if (aDated && bDated && a.at !== b.at) return b.at - a.at;
      if (aDated !== bDated) return aDated ? -1 : 1;
      return a.index - b.index;
    })
    .map(({ item }) => item);
}

/** Published within the last `days` days (today counts as day 0), in the given zone. */
export function isRecent(
  item: FeedItem,
  days: number,
  timeZone?: string,
  today = todayKey(timeZone),
): boolean {
  if (!item.date || !(days > 0)) return false;
  const age = daysBetween(zonedDateKey(item.date, timeZone), today);
  return age >= 0 && age < days;
}

const TYPE_LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'application/msword': 'DOC',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.ms-excel': 'XLS',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.ms-powerpoint': 'PPT',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PPTX',
  'application/zip': 'ZIP',
  'application/x-zip-compressed': 'ZIP',
  'text/csv': 'CSV',
  'text/plain': 'TXT',
};

/** Short file type for people: `PDF`, `DOCX`, `JPG`…, from the MIME type or else the file name. */
export function attachmentType(attachment: FeedAttachment): string | undefined {
  const mime = attachment.type?.split(';')[0].trim().toLowerCase();
  if (mime && TYPE_LABELS[mime]) return TYPE_LABELS[mime];
  if (mime?.startsWith('image/')) {
    const sub = mime.slice(6).replace('jpeg', 'jpg').replace('svg+xml', 'svg');
    return sub.toUpperCase();
  }
  try {
    const name = new URL(attachment.url).pathname.split('/').pop() ?? '';
    const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1];
    return extension?.toUpperCase();
  } catch {
    return undefined;
  }
}
