/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 to ItemsData. The XML is parsed into an inert document;
 * text is read from it (entities decoded once, by the XML parser) and HTML fields go through the
 * sanitizer, which is only loaded when a field really has markup.
 */
import {
  cleanText,
  collapseWhitespace,
  hashId,
  htmlContent,
  isPinnedCategory,
  looksLikeHtml,
  toIsoDate,
  toInteger,
  uniqueStrings,
} from './parse-json.js';
import { parseXml } from './trusted-types.js';
import { FeedError, type FeedAttachment, type FeedItem, type ItemsData } from './types.js';
import { safeImageUrl, safeUrl } from './url.js';

const NS = {
  atom: 'http://www.w3.org/2005/Atom',
  rss1: 'http://purl.org/rss/1.0/',
  rss09: 'http://my.netscape.com/rdf/simple/0.9/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  xml: 'http://www.w3.org/XML/1998/namespace',
  xhtml: 'http://www.w3.org/1999/xhtml',
};

type Label = 'RSS' | 'Atom';

/** Where an element's namespace is one of `namespaces`, or its prefix is the usual one. */
function matches(el: Element, name: string, namespaces: (string | null)[], prefix?: string) {
  return (
    el.localName === name &&
    (namespaces.includes(el.namespaceURI) || (prefix !== undefined && el.prefix === prefix))
  );
}

function children(
  parent: Element,
  name: string,
  namespaces: (string | null)[],
  prefix?: string,
): Element[] {
  return [...parent.children].filter((el) => matches(el, name, namespaces, prefix));
}

function child(parent: Element, name: string, namespaces: (string | null)[], prefix?: string) {
  return children(parent, name, namespaces, prefix)[0];
}

const valueOf = (el: Element | undefined) => el?.textContent ?? undefined;

// ---------------------------------------------------------------------------------------------
// Well-formedness

function parserError(doc: Document): Element | undefined {
  return [...doc.getElementsByTagNameNS('*', 'parsererror')].find(
    (el) =>
      el.namespaceURI === NS.xhtml ||
      el.namespaceURI === 'http://www.mozilla.org/newlayout/xml/parsererror.xml',
  );
}

/** The document, else the mended document (parse-xml-mend.ts, loaded for the first broken feed). */
async function parseDocument(source: string, label: Label): Promise<Document> {
  let doc: Document;
  try {
    doc = parseXml(source);
  } catch (error) {
    throw new FeedError(`${label}: the XML could not be parsed`, { cause: error });
  }
  const error = parserError(doc);
  if (!error) return doc;
  const { mend } = await import('./parse-xml-mend.js');
  const mended = parseXml(mend(source));
  if (!parserError(mended)) return mended;
  const line = /line(?: number)?\s+(\d+)/i.exec(error.textContent ?? '')?.[1];
  throw new FeedError(`${label}: not well-formed XML${line ? ` (line ${line})` : ''}`);
}

// ---------------------------------------------------------------------------------------------
// Shared pieces

/** The feed URL, then every `xml:base` from the root down to `el`. */
function baseOf(el: Element, feedBase: string | undefined): string | undefined {
  const chain: string[] = [];
  for (let node: Element | null = el; node; node = node.parentElement) {
    const base = node.getAttributeNS(NS.xml, 'base');
    if (base) chain.unshift(base);
  }
  let base = feedBase;
  for (const step of chain) {
    try {
      base = new URL(step, base ?? document.baseURI).href;
    } catch {
      // An unusable xml:base is ignored; links then resolve against the feed URL.
    }
  }
  return base;
}

interface Media {
  url: string;
  type?: string;
  size?: number;
  title?: string;
  image: boolean;
}

function positive(value: string | null): number | undefined {
  const number = toInteger(value);
  return number && number > 0 ? number : undefined;
}

/** `media:content` and `media:thumbnail`, also inside `media:group`. */
function mediaOf(item: Element, base: string | undefined): { media: Media[]; thumbnail?: string } {
  const groups = [item, ...children(item, 'group', [NS.media], 'media')];
  const media: Media[] = [];
  let thumbnail: string | undefined;
  for (const group of groups) {
    for (const el of children(group, 'thumbnail', [NS.media], 'media')) {
      thumbnail ??= safeImageUrl(el.getAttribute('url'), baseOf(el, base));
    }
    for (const el of children(group, 'content', [NS.media], 'media')) {
      const url = safeUrl(el.getAttribute('url'), baseOf(el, base));
      if (!url) continue;
      const type = el.getAttribute('type')?.trim() || undefined;
      const medium = el.getAttribute('medium');
      const title = cleanText(valueOf(child(el, 'title', [NS.media], 'media')));
      media.push({
        url,
        type,
        size: positive(el.getAttribute('fileSize')),
        title,
        image: medium === 'image' || !!type?.startsWith('image/'),
      });
    }
  }
  return { media, thumbnail };
}

function attachment(media: Media): FeedAttachment {
  const out: FeedAttachment = { url: media.url };
  if (media.type) out.type = media.type;
  if (media.size) out.size = media.size;
  if (media.title) out.title = media.title;
  return out;
}

/** Items with links, images and files sorted out; `files` are enclosures and media. */
async function finishItem(parts: {
  title: string;
  url?: string;
  id?: string;
  date?: string;
  updated?: string;
  /** HTML body (content:encoded, Atom content). */
  body?: { html?: string; text: string; image?: string };
  /** Summary (RSS description, Atom summary). */
  summary?: { html?: string; text: string; image?: string };
  categories: string[];
  files: Media[];
  thumbnail?: string;
  author?: string;
}): Promise<FeedItem> {
  const { title, url, date, updated, body, summary, categories, files, thumbnail, author } = parts;
  const images = files.filter((file) => file.image);
  const seen = new Set<string>();
  const attachments = files
    .filter((file) => !file.image && !seen.has(file.url) && seen.add(file.url))
    .map(attachment);
  const result: FeedItem = {
    id: parts.id || url || hashId(title, date),
    title,
    categories,
    attachments,
  };
  if (url) result.url = url;
  if (date) result.date = date;
  if (updated) result.updated = updated;
  const text = summary?.text || body?.text;
  if (text) result.summary = text;
  const html = body?.html ?? summary?.html;
  if (html) result.html = html;
  const image =
    thumbnail ??
    images.map((file) => safeImageUrl(file.url)).find(Boolean) ??
    body?.image ??
    summary?.image;
  if (image) result.image = image;
  if (categories.some(isPinnedCategory)) result.pinned = true;
  if (author) result.author = author;
  return result;
}

/** `chiangrai@ect.go.th (ฝ่ายประชาสัมพันธ์)` → the name; a bare address stays. */
function personOf(value: string | undefined): string | undefined {
  const clean = cleanText(value);
  return clean?.match(/^\S+@\S+\s*\((.+)\)$/)?.[1].trim() ?? clean;
}

// ---------------------------------------------------------------------------------------------
// RSS

async function rssItem(item: Element, core: (string | null)[], feedBase?: string) {
  const base = baseOf(item, feedBase);
  const title = collapseWhitespace(valueOf(child(item, 'title', core)) ?? '');
  const guidEl = child(item, 'guid', core);
  const guid = cleanText(valueOf(guidEl));
  const atomLink = children(item, 'link', [NS.atom], 'atom').find(
    (el) => (el.getAttribute('rel') ?? 'alternate') === 'alternate',
  );
  const url =
    safeUrl(cleanText(valueOf(child(item, 'link', core))), base) ??
    safeUrl(atomLink?.getAttribute('href'), baseOf(atomLink ?? item, feedBase)) ??
    (guid && guidEl?.getAttribute('isPermaLink') !== 'false' && /^https?:/i.test(guid)
      ? safeUrl(guid, base)
      : undefined);
  const date = toIsoDate(
    valueOf(child(item, 'pubDate', core)) ??
      valueOf(child(item, 'date', [NS.dc], 'dc')) ??
      valueOf(child(item, 'published', [NS.atom], 'atom')),
  );
  const updated = toIsoDate(valueOf(child(item, 'updated', [NS.atom], 'atom')));
  const description = valueOf(child(item, 'description', core));
  const encoded = valueOf(child(item, 'encoded', [NS.content], 'content'));
  const enclosures: Media[] = [];
  for (const el of children(item, 'enclosure', core)) {
    const href = safeUrl(el.getAttribute('url'), baseOf(el, feedBase));
    if (!href) continue;
    const type = el.getAttribute('type')?.trim() || undefined;
    enclosures.push({
      url: href,
      type,
      size: positive(el.getAttribute('length')),
      image: !!type?.startsWith('image/'),
    });
  }
  const { media, thumbnail } = mediaOf(item, feedBase);
  return finishItem({
    title,
    url,
    id: guid || item.getAttributeNS(NS.rdf, 'about') || undefined,
    date,
    updated,
    body: encoded?.trim() ? await htmlContent(encoded, base) : undefined,
    summary: description?.trim() ? await htmlContent(description, base) : undefined,
    categories: uniqueStrings([
      ...children(item, 'category', core).map(valueOf),
      ...children(item, 'subject', [NS.dc], 'dc').map(valueOf),
    ]),
    files: [...enclosures, ...media],
    thumbnail,
    author: personOf(
      valueOf(child(item, 'author', core)) ?? valueOf(child(item, 'creator', [NS.dc], 'dc')),
    ),
  });
}

async function parseRss(root: Element, feedBase: string | undefined): Promise<ItemsData> {
  const rdf = root.localName === 'RDF';
  const core = rdf ? [NS.rss1, NS.rss09, null] : [null, root.namespaceURI];
  const channel = child(root, 'channel', core);
  // RSS 1.0 items are siblings of the channel; RSS 2.0 items are inside it.
  const itemParent = rdf ? root : channel;
  const items = itemParent ? children(itemParent, 'item', core) : [];
  const data: ItemsData = {
    kind: 'items',
    items: await Promise.all(items.map((item) => rssItem(item, core, feedBase))),
  };
  if (channel) {
    const title = cleanText(valueOf(child(channel, 'title', core)));
    const link = safeUrl(
      cleanText(valueOf(child(channel, 'link', core))),
      baseOf(channel, feedBase),
    );
    if (title) data.title = title;
    if (link) data.link = link;
  }
  return data;
}

// ---------------------------------------------------------------------------------------------
// Atom

/** An Atom text construct: `text` (default), `html` (escaped HTML) or `xhtml` (inline markup). */
async function atomText(
  el: Element | undefined,
  base: string | undefined,
): Promise<{ html?: string; text: string; image?: string } | undefined> {
  if (!el || el.hasAttribute('src')) return undefined;
  const type = (el.getAttribute('type') ?? 'text').trim().toLowerCase();
  if (type === 'xhtml') {
    const div = [...el.children].find((c) => c.localName === 'div') ?? el;
    const serializer = new XMLSerializer();
    const markup = [...div.childNodes].map((node) => serializer.serializeToString(node)).join('');
    return htmlContent(markup, base);
  }
  const value = el.textContent ?? '';
  if (type === 'html' || type === 'text/html') return htmlContent(value, base);
  return { text: collapseWhitespace(value) };
}

function atomLinks(entry: Element, core: (string | null)[], feedBase: string | undefined) {
  return children(entry, 'link', core).map((el) => ({
    el,
    rel: (el.getAttribute('rel') ?? 'alternate').trim(),
    type: el.getAttribute('type')?.trim() || undefined,
    href: safeUrl(el.getAttribute('href'), baseOf(el, feedBase)),
  }));
}

function alternate(links: ReturnType<typeof atomLinks>): string | undefined {
  const alternates = links.filter((link) => link.rel === 'alternate' && link.href);
  return (alternates.find((link) => !link.type || link.type === 'text/html') ?? alternates[0])
    ?.href;
}

async function atomEntry(entry: Element, core: (string | null)[], feedBase?: string) {
  const base = baseOf(entry, feedBase);
  const titleEl = child(entry, 'title', core);
  const titleType = titleEl?.getAttribute('type')?.trim().toLowerCase();
  const title =
    titleType === 'html' || titleType === 'text/html'
      ? (await htmlContent(titleEl?.textContent ?? '', base)).text
      : collapseWhitespace(valueOf(titleEl) ?? '');
  const links = atomLinks(entry, core, feedBase);
  const published = valueOf(child(entry, 'published', core));
  const updatedText = valueOf(child(entry, 'updated', core));
  const contentEl = child(entry, 'content', core);
  const summaryEl = child(entry, 'summary', core);
  const files: Media[] = links
    .filter((link) => link.rel === 'enclosure' && link.href)
    .map((link) => ({
      url: link.href!,
      type: link.type,
      size: positive(link.el.getAttribute('length')),
      title: cleanText(link.el.getAttribute('title')),
      image: !!link.type?.startsWith('image/'),
    }));
  const { media, thumbnail } = mediaOf(entry, feedBase);
  const authorEl = child(entry, 'author', core);
  return finishItem({
    title,
    url: alternate(links),
    id: cleanText(valueOf(child(entry, 'id', core))),
    date: toIsoDate(published ?? updatedText),
    updated: toIsoDate(updatedText),
    body: await atomText(contentEl, baseOf(contentEl ?? entry, feedBase)),
    summary: await atomText(summaryEl, baseOf(summaryEl ?? entry, feedBase)),
    categories: uniqueStrings(
      children(entry, 'category', core).map(
        (el) => el.getAttribute('label') || el.getAttribute('term'),
      ),
    ),
    files: [...files, ...media],
    thumbnail,
    author: authorEl ? cleanText(valueOf(child(authorEl, 'name', core))) : undefined,
  });
}

async function parseAtom(root: Element, feedBase: string | undefined): Promise<ItemsData> {
  const core = [root.namespaceURI];
  const entries = children(root, 'entry', core);
  const data: ItemsData = {
    kind: 'items',
    items: await Promise.all(entries.map((entry) => atomEntry(entry, core, feedBase))),
  };
  const title = (await atomText(child(root, 'title', core), baseOf(root, feedBase)))?.text;
  const link = alternate(atomLinks(root, core, feedBase));
  if (title) data.title = title;
  if (link) data.link = link;
  return data;
}

// ---------------------------------------------------------------------------------------------
// Entry

/**
 * Parses RSS 2.0, RSS 1.0 or Atom 1.0 text. `format` only names the format in error messages:
 * the document's root element decides how it is read. `baseUrl` is the feed's URL.
 */
export async function parseXmlFeed(
  source: string,
  format: 'rss' | 'atom',
  baseUrl?: string,
): Promise<ItemsData> {
  const label: Label = format === 'atom' ? 'Atom' : 'RSS';
  if (looksLikeHtml(source)) {
    throw new FeedError(`${label}: expected RSS or Atom, got an HTML page`, { format });
  }
  if (!source.trim()) throw new FeedError(`${label}: the feed is empty`, { format });
  try {
    const root = (await parseDocument(source, label)).documentElement;
    const name = root.localName;
    if (name === 'rss' || name === 'RDF') return await parseRss(root, baseUrl);
    if (name === 'feed') return await parseAtom(root, baseUrl);
    if (name.toLowerCase() === 'html') {
      throw new FeedError(`${label}: expected RSS or Atom, got an HTML page`);
    }
    throw new FeedError(`${label}: expected RSS or Atom, got a <${root.nodeName}> document`);
  } catch (error) {
    if (error instanceof FeedError)
      throw new FeedError(error.message, { ...error.details, format });
    throw new FeedError(`${label}: ${error instanceof Error ? error.message : String(error)}`, {
      format,
      cause: error,
    });
  }
}
