/**
 * Allow-lists for URLs and colours that come from feeds. Feed content is untrusted: only links a
 * person can follow safely survive, resolved to absolute URLs against the feed's own URL.
 */

const LINK_PROTOCOLS = new Set(['http:', 'https:', 'mailto:', 'tel:']);
const IMAGE_PROTOCOLS = new Set(['http:', 'https:']);

// ASCII control characters (and DEL); browsers ignore many of them inside a scheme.
const CONTROL = /[\u0000-\u001f\u007f]/g;
// Everything before the first `:` when it looks like a scheme once whitespace is dropped.
const SCHEME = /^([^:/?#]*):/;

/** The page's base URL, so relative feed URLs (and links in inline data) resolve like links. */
function pageBase(): string | undefined {
  return typeof document !== 'undefined' ? document.baseURI : undefined;
}

function resolve(
  href: string | null | undefined,
  base: string | undefined,
  allowed: Set<string>,
): string | undefined {
  if (typeof href !== 'string') return undefined;
  let value = href.replace(CONTROL, '').trim();
  if (!value) return undefined;
  // `java script:` or `jav\u00a0ascript:` must not slip through as a relative path.
  value = value.replace(SCHEME, (_match, scheme: string) => `${scheme.replace(/\s+/g, '')}:`);
  let url: URL;
  try {
    const page = pageBase();
    const absoluteBase = base ? new URL(base, page).href : page;
    url = new URL(value, absoluteBase);
  } catch {
    return undefined;
  }
  return allowed.has(url.protocol) ? url.href : undefined;
}

/**
 * A link target from a feed, resolved against `base` (the feed URL; else the page). Only
 * `http:`, `https:`, `mailto:` and `tel:` survive; anything else (javascript:, data:, …) or an
 * unparsable value gives `undefined`.
 */
export function safeUrl(href: string | null | undefined, base?: string): string | undefined {
  return resolve(href, base, LINK_PROTOCOLS);
}

/** An image source from a feed: absolute `http:` / `https:` only. */
export function safeImageUrl(href: string | null | undefined, base?: string): string | undefined {
  return resolve(href, base, IMAGE_PROTOCOLS);
}

/** A colour from data: only a plain `#rgb` or `#rrggbb` survives (never `url()` or `expression`). */
export function safeColor(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return /^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i.test(trimmed) ? trimmed.toLowerCase() : undefined;
}
