/**
 * HTML from feeds (RSS descriptions, Atom content, JSON Feed `content_html`) through DOMPurify
 * with a small allow-list. `htmlContent` (parse/feed-item.ts) imports this module, DOMPurify with it,
 * on first use only, so feeds without markup never load either.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import { collapseWhitespace } from './parse/text.js';
import { inertHtml } from './inert-markup.js';
import { trustedTypesPolicy } from './trusted-types.js';
import { safeImageUrl, safeUrl } from './url.js';

const ALLOWED_TAGS = [
  'a',
  'abbr',
  'b',
  'blockquote',
  'br',
  'code',
  'em',
  'figcaption',
  'figure',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'i',
  'img',
  'li',
  'ol',
  'p',
  'pre',
  'small',
  'strong',
  'sub',
  'sup',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'u',
  'ul',
];
const ALLOWED_ATTR = [
  'href',
  'src',
  'alt',
  'title',
  'colspan',
  'rowspan',
  'lang',
  'dir',
  'target',
  'rel',
];

/** Removed blocks whose content is kept: a line break keeps their paragraphs apart. */
const UNWRAPPED_BLOCKS = new Set([
  'address',
  'article',
  'aside',
  'center',
  'dd',
  'div',
  'dl',
  'dt',
  'footer',
  'h1',
  'header',
  'hr',
  'main',
  'nav',
  'section',
]);

/** Elements whose text is separated from their neighbours' in the plain-text version. */
const TEXT_BREAKS = new Set([
  'BLOCKQUOTE',
  'BR',
  'FIGCAPTION',
  'FIGURE',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'LI',
  'OL',
  'P',
  'PRE',
  'TABLE',
  'TD',
  'TH',
  'TR',
  'UL',
]);

let purifier: DOMPurify | undefined;
/** Base URL of the sanitize call in progress (sanitizing is synchronous, so one at a time). */
let currentBase: string | undefined;

/** A dedicated instance, so the hooks never touch a DOMPurify the host page uses itself. */
function createPurifier(): DOMPurify {
  const purify = createDOMPurify(window);
  purify.addHook('uponSanitizeElement', (node, data) => {
    if (UNWRAPPED_BLOCKS.has(data.tagName) && node.parentNode && node.nextSibling) {
      node.parentNode.insertBefore(node.ownerDocument!.createElement('br'), node.nextSibling);
    }
  });
  purify.addHook('uponSanitizeAttribute', (node, data) => {
    if (data.attrName === 'href') {
      const href = safeUrl(data.attrValue, currentBase);
      if (href) data.attrValue = href;
      else data.keepAttr = false;
    } else if (data.attrName === 'src') {
      const src = node.nodeName === 'IMG' ? safeImageUrl(data.attrValue, currentBase) : undefined;
      if (src) data.attrValue = src;
      else data.keepAttr = false;
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!(node instanceof Element)) return;
    if (node.nodeName === 'IMG' && !node.hasAttribute('src')) {
      node.remove();
      return;
    }
    if (!node.hasAttribute('target')) return;
    // Only a new tab: `_top` or `_parent` would navigate the host page away.
    if (node.nodeName === 'A' && node.getAttribute('target') === '_blank') {
      node.setAttribute('rel', 'noopener noreferrer');
    } else {
      node.removeAttribute('target');
    }
  });
  return purify;
}

/** Text of a sanitized tree, with blocks and line breaks kept apart, whitespace collapsed. */
function textOf(root: Node): string {
  const parts: string[] = [];
  const walk = (node: Node): void => {
    if (node.nodeType === Node.TEXT_NODE) {
      parts.push(node.nodeValue ?? '');
      return;
    }
    const separate = TEXT_BREAKS.has(node.nodeName);
    if (separate) parts.push(' ');
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (separate) parts.push(' ');
  };
  walk(root);
  return collapseWhitespace(parts.join(''));
}

export interface SanitizedHtml {
  /** Sanitized HTML (a string, never TrustedHTML). */
  html: string;
  /** Its text, whitespace collapsed. */
  text: string;
  /** The first image's absolute `src`, if any. */
  image?: string;
}

/**
 * Sanitizes feed HTML: a small allow-list of tags and attributes (no style, class, id, name or
 * handlers), every link resolved against `baseUrl` through `safeUrl` (a disallowed link keeps its
 * text but loses its href), images through `safeImageUrl` (else removed), `target="_blank"` with
 * `rel="noopener noreferrer"`.
 */
export async function sanitizeHtml(html: string, baseUrl?: string): Promise<SanitizedHtml> {
  const purify = (purifier ??= createPurifier());
  const policy = trustedTypesPolicy();
  const once = (markup: string) =>
    purify.sanitize(markup, {
      ALLOWED_TAGS,
      ALLOWED_ATTR,
      ALLOW_DATA_ATTR: false,
      ALLOW_ARIA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
      // `style` and `script` of Atom XHTML content, renamed by inertXml: dropped with their text.
      ADD_FORBID_CONTENTS: ['data-x-style', 'data-x-script'],
      // The body of DOMPurify's inert document: serialized here, and its images never load.
      RETURN_DOM: true,
      ...(policy ? { TRUSTED_TYPES_POLICY: policy as never } : {}),
    }) as Element;
  currentBase = baseUrl;
  let body: Element;
  try {
    body = once(inertHtml(String(html)));
    // The tree DOMPurify returns can hold nesting the HTML parser builds differently when it
    // reads the serialized markup again (a <p> inside a <p>, one fostered out of a <table>):
    // sanitize the serialization again until it reads back as itself, so what the page parses
    // is what was sanitized (a second pass settles it; a third is the bound).
    for (let pass = 0; pass < 2; pass++) {
      const markup = body.innerHTML;
      const again = once(markup);
      if (again.innerHTML === markup) break;
      body = again;
    }
  } finally {
    currentBase = undefined;
  }
  const image = (body as Element).querySelector('img')?.getAttribute('src') ?? undefined;
  return { html: (body as Element).innerHTML.trim(), text: textOf(body), image };
}
