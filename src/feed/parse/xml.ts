/**
 * RSS 2.0, RSS 1.0 (RDF) and Atom 1.0 to ItemsData. The XML is parsed into an inert document;
 * text is read from it (entities decoded once, by the XML parser) and HTML fields go through the
 * sanitizer, which is only loaded when a field really has markup.
 */
import { looksLikeHtml, toInteger, withOptional } from './normalize.js';
import { cleanText, collapseWhitespace, uniqueStrings } from './text.js';
import { feedItem, htmlContent } from './feed-item.js';
import { toIsoDate } from './dates.js';
import { inertXml } from '../inert-markup.js';
import { trustedTypesPolicy } from '../trusted-types.js';
import { checkEntities } from './xml-entities.js';
import { ListCut, SLICE } from '../limits.js';
import { nextTask } from '../tasks.js';
import { FeedError, type FeedAttachment, type FeedItem, type ItemsData } from '../types.js';
import { safeImageUrl, safeUrl } from '../url.js';

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
/** An extension namespace, matched by its URI or, in sloppy feeds, by its usual prefix. */
type Extension = 'atom' | 'dc' | 'content' | 'media';
/** The namespaces an element is looked for in: the feed's own, or an extension's. */
type NamespaceFilter = (string | null)[] | Extension;

function children(parent: Element, name: string, where: NamespaceFilter): Element[] {
  return [...parent.children].filter(
    (el) =>
      el.localName === name &&
      (typeof where === 'string'
        ? el.namespaceURI === NS[where] || el.prefix === where
        : where.includes(el.namespaceURI)),
  );
}

function child(parent: Element, name: string, where: NamespaceFilter): Element | undefined {
  return children(parent, name, where)[0];
}

/** The text of the first such child element. */
function textIn(parent: Element, name: string, where: NamespaceFilter): string | undefined {
  return child(parent, name, where)?.textContent ?? undefined;
}

const valueOf = (el: Element) => el.textContent;

// ---------------------------------------------------------------------------------------------
// Limits

// An item or entry start tag, and end tag, at a given offset (sticky: no scan of the text).
const XML_ITEM = /<(?:[\w.-]{1,40}:)?(?:item|entry)[\s/>]/y;
const XML_ITEM_END = /<\/(?:[\w.-]{1,40}:)?(?:item|entry)\s*>/y;

/**
 * RSS or Atom text without the items past the limits (`LIMITS.items`, `LIMITS.chars`), before
 * `withinLimits` (limits.ts) and the parser see it, a task per `SLICE` characters. Walked
 * once from `<` to `<`, skipping CDATA sections and comments (whose text may look like tags):
 * an unclosed one ends the walk, so hostile text costs one pass, never a search per `<`.
 */
export async function cutXml(text: string): Promise<string> {
  const cut = new ListCut();
  let pause = SLICE;
  for (let at = text.indexOf('<'); at >= 0 && cut.start < 0;) {
    if (at > pause) {
      pause = at + SLICE;
      await nextTask();
    }
    let next = at + 1;
    const close = text.startsWith('<!--', at)
      ? '-->'
      : text.startsWith('<![CDATA[', at)
        ? ']]>'
        : '';
    if (close) {
      const end = text.indexOf(close, at + 4);
      if (end < 0) break;
      next = end + 3;
    } else {
      XML_ITEM.lastIndex = at;
      if (XML_ITEM.test(text)) cut.add(at, at);
    }
    at = text.indexOf('<', next);
  }
  if (cut.start < 0) return text;
  // The items are siblings: drop everything from the first one cut to the end of the last one.
  for (let at = text.lastIndexOf('</'); at > cut.start; at = text.lastIndexOf('</', at - 1)) {
    XML_ITEM_END.lastIndex = at;
    if (XML_ITEM_END.test(text))
      return text.slice(0, cut.start) + text.slice(XML_ITEM_END.lastIndex);
  }
  return text;
}

// ---------------------------------------------------------------------------------------------
// Well-formedness

function parserError(doc: Document): Element | undefined {
  return [...doc.getElementsByTagNameNS('*', 'parsererror')].find(
    (el) =>
      el.namespaceURI === NS.xhtml ||
      el.namespaceURI === 'http://www.mozilla.org/newlayout/xml/parsererror.xml',
  );
}

/**
 * Parses XML text into an inert document (check it for `<parsererror>`): first made inert
 * (inert-markup.ts), then parsed, a task each, as each reads the whole text.
 */
async function parseXml(text: string): Promise<Document> {
  // Atom `type="xhtml"` content is real XHTML markup in the feed document.
  const markup = inertXml(text);
  await nextTask();
  const trusted = trustedTypesPolicy();
  const input = trusted ? trusted.createHTML(markup) : markup;
  return new DOMParser().parseFromString(input as string, 'application/xml');
}

/** The document, else the mended document (xml-mend.ts, loaded for the first broken feed). */
async function parseDocument(source: string, label: Label): Promise<Document> {
  checkEntities(source, label);
  let doc: Document;
  try {
    doc = await parseXml(source);
  } catch (error) {
    throw new FeedError(`${label}: the XML could not be parsed`, { code: 'syntax', cause: error });
  }
  const error = parserError(doc);
  if (!error) return doc;
  const { mend } = await import('./xml-mend.js');
  await nextTask();
  const mended = await parseXml(mend(source));
  if (!parserError(mended)) return mended;
  const line = /line(?: number)?\s+(\d+)/i.exec(error.textContent ?? '')?.[1];
  throw new FeedError(`${label}: not well-formed XML${line ? ` (line ${line})` : ''}`, {
    code: 'syntax',
    line: line ? Number(line) : undefined,
  });
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

interface Media extends FeedAttachment {
  image: boolean;
}

/** An enclosure, `media:content` or Atom enclosure link, when its URL is allowed. */
function fileOf(el: Element, feedBase: string | undefined, urlName: string, sizeName: string) {
  const url = safeUrl(el.getAttribute(urlName), baseOf(el, feedBase));
  const type = el.getAttribute('type')?.trim() || undefined;
  const size = toInteger(el.getAttribute(sizeName));
  return url
    ? [{ url, type, size: size! > 0 ? size : undefined, image: !!type?.startsWith('image/') }]
    : [];
}

/** `media:content` and `media:thumbnail`, also inside `media:group`. */
function mediaOf(item: Element, feedBase: string | undefined) {
  const groups = [item, ...children(item, 'group', 'media')];
  const thumbnail = groups
    .flatMap((group) => children(group, 'thumbnail', 'media'))
    .map((el) => safeImageUrl(el.getAttribute('url'), baseOf(el, feedBase)))
    .find(Boolean);
  const media = groups.flatMap((group) =>
    children(group, 'content', 'media').flatMap((el) =>
      fileOf(el, feedBase, 'url', 'fileSize').map((file) => ({
        ...file,
        title: cleanText(textIn(el, 'title', 'media')),
        image: file.image || el.getAttribute('medium') === 'image',
      })),
    ),
  );
  return { media, thumbnail };
}

type Content = { html?: string; text: string; image?: string } | undefined;

/** An item with links, images and files sorted out; `files` are enclosures and media. */
function finishItem(
  parts: Omit<Parameters<typeof feedItem>[0], 'attachments' | 'summary' | 'html' | 'image'> & {
    /** HTML body (content:encoded, Atom content). */
    body: Content;
    /** Summary (RSS description, Atom summary). */
    summary: Content;
    files: Media[];
    thumbnail?: string;
  },
): FeedItem {
  const { body, summary, files, thumbnail, ...fields } = parts;
  const seen = new Set<string>();
  return feedItem({
    ...fields,
    attachments: files
      .filter((file) => !file.image && !seen.has(file.url) && seen.add(file.url))
      .map(({ url, type, size, title }) =>
        withOptional<FeedAttachment>({ url }, { type, size, title }),
      ),
    summary: summary?.text || body?.text,
    html: body?.html ?? summary?.html,
    image:
      thumbnail ??
      files.map((file) => (file.image ? safeImageUrl(file.url) : undefined)).find(Boolean) ??
      body?.image ??
      summary?.image,
  });
}

/** `chiangrai@ect.go.th (ฝ่ายประชาสัมพันธ์)` → the name; a bare address stays. */
function personOf(value: string | undefined): string | undefined {
  const clean = cleanText(value);
  return clean?.match(/^\S+@\S+\s*\((.+)\)$/)?.[1].trim() ?? clean;
}

// ---------------------------------------------------------------------------------------------
// RSS

async function rssItem(item: Element, core: NamespaceFilter, feedBase?: string) {
  const base = baseOf(item, feedBase);
  const guidEl = child(item, 'guid', core);
  const guid = cleanText(guidEl?.textContent);
  const atomLink = children(item, 'link', 'atom').find(
    (el) => (el.getAttribute('rel') ?? 'alternate') === 'alternate',
  );
  const description = textIn(item, 'description', core);
  const encoded = textIn(item, 'encoded', 'content');
  const { media, thumbnail } = mediaOf(item, feedBase);
  return finishItem({
    title: collapseWhitespace(textIn(item, 'title', core) ?? textIn(item, 'title', 'dc') ?? ''),
    url:
      safeUrl(cleanText(textIn(item, 'link', core)), base) ??
      safeUrl(atomLink?.getAttribute('href'), baseOf(atomLink ?? item, feedBase)) ??
      (guid && guidEl?.getAttribute('isPermaLink') !== 'false' && /^https?:/i.test(guid)
        ? safeUrl(guid, base)
        : undefined),
    id: guid || item.getAttributeNS(NS.rdf, 'about') || undefined,
    date: toIsoDate(
      textIn(item, 'pubDate', core) ??
        textIn(item, 'date', 'dc') ??
        textIn(item, 'published', 'atom'),
    ),
    updated: toIsoDate(textIn(item, 'updated', 'atom')),
    body: encoded?.trim() ? await htmlContent(encoded, base) : undefined,
    summary: description?.trim() ? await htmlContent(description, base) : undefined,
    categories: uniqueStrings([
      ...children(item, 'category', core).map(valueOf),
      ...children(item, 'subject', 'dc').map(valueOf),
    ]),
    files: [
      ...children(item, 'enclosure', core).flatMap((el) => fileOf(el, feedBase, 'url', 'length')),
      ...media,
    ],
    thumbnail,
    author: personOf(textIn(item, 'author', core) ?? textIn(item, 'creator', 'dc')),
  });
}

async function parseRss(root: Element, feedBase: string | undefined): Promise<ItemsData> {
  const rdf = root.localName === 'RDF';
  const core = rdf ? [NS.rss1, NS.rss09, null] : [null, root.namespaceURI];
  const channel = child(root, 'channel', core);
  // RSS 1.0 items are siblings of the channel; RSS 2.0 items are inside it.
  const itemParent = rdf ? root : channel;
  const items = itemParent ? children(itemParent, 'item', core) : [];
  return withOptional<ItemsData>(
    {
      kind: 'items',
      items: await Promise.all(items.map((item) => rssItem(item, core, feedBase))),
    },
    channel
      ? {
          title: cleanText(textIn(channel, 'title', core)),
          link: safeUrl(cleanText(textIn(channel, 'link', core)), baseOf(channel, feedBase)),
        }
      : {},
  );
}

// ---------------------------------------------------------------------------------------------
// Atom

/** An Atom text construct: `text` (default), `html` (escaped HTML) or `xhtml` (inline markup). */
async function atomText(el: Element | undefined, base: string | undefined): Promise<Content> {
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

function atomLinks(entry: Element, core: NamespaceFilter, feedBase: string | undefined) {
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

async function atomEntry(entry: Element, core: NamespaceFilter, feedBase?: string) {
  const base = baseOf(entry, feedBase);
  const titleEl = child(entry, 'title', core);
  const titleType = titleEl?.getAttribute('type')?.trim().toLowerCase();
  const links = atomLinks(entry, core, feedBase);
  const updated = textIn(entry, 'updated', core);
  const contentEl = child(entry, 'content', core);
  const summaryEl = child(entry, 'summary', core);
  const { media, thumbnail } = mediaOf(entry, feedBase);
  const authorEl = child(entry, 'author', core);
  return finishItem({
    title:
      titleType === 'html' || titleType === 'text/html'
        ? (await htmlContent(titleEl?.textContent ?? '', base)).text
        : collapseWhitespace(titleEl?.textContent ?? ''),
    url: alternate(links),
    id: cleanText(textIn(entry, 'id', core)),
    date: toIsoDate(textIn(entry, 'published', core) ?? updated),
    updated: toIsoDate(updated),
    body: await atomText(contentEl, baseOf(contentEl ?? entry, feedBase)),
    summary: await atomText(summaryEl, baseOf(summaryEl ?? entry, feedBase)),
    categories: uniqueStrings(
      children(entry, 'category', core).map(
        (el) => el.getAttribute('label') || el.getAttribute('term'),
      ),
    ),
    files: [
      ...links
        .filter((link) => link.rel === 'enclosure')
        .flatMap(({ el }) =>
          fileOf(el, feedBase, 'href', 'length').map((file) => ({
            ...file,
            title: cleanText(el.getAttribute('title')),
          })),
        ),
      ...media,
    ],
    thumbnail,
    author: authorEl && cleanText(textIn(authorEl, 'name', core)),
  });
}

async function parseAtom(root: Element, feedBase: string | undefined): Promise<ItemsData> {
  const core = [root.namespaceURI];
  const entries = children(root, 'entry', core);
  return withOptional<ItemsData>(
    {
      kind: 'items',
      items: await Promise.all(entries.map((entry) => atomEntry(entry, core, feedBase))),
    },
    {
      title: (await atomText(child(root, 'title', core), baseOf(root, feedBase)))?.text,
      link: alternate(atomLinks(root, core, feedBase)),
    },
  );
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
    throw new FeedError(`${label}: expected RSS or Atom, got an HTML page`, {
      code: 'html-page',
      format,
    });
  }
  if (!source.trim()) throw new FeedError(`${label}: the feed is empty`, { code: 'empty', format });
  try {
    const root = (await parseDocument(source, label)).documentElement;
    const name = root.localName;
    if (name === 'rss' || name === 'RDF') return await parseRss(root, baseUrl);
    if (name === 'feed') return await parseAtom(root, baseUrl);
    if (name.toLowerCase() === 'html') {
      throw new FeedError(`${label}: expected RSS or Atom, got an HTML page`, {
        code: 'html-page',
      });
    }
    throw new FeedError(`${label}: expected RSS or Atom, got a <${root.nodeName}> document`, {
      code: 'wrong-format',
    });
  } catch (error) {
    if (error instanceof FeedError)
      throw new FeedError(error.message, { ...error.details, format });
    throw new FeedError(`${label}: ${error instanceof Error ? error.message : String(error)}`, {
      code: 'unknown',
      format,
      cause: error,
    });
  }
}
