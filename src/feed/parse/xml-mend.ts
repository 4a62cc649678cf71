/**
 * The usual faults of hand-made feeds, mended for a second try at parsing: only needed when the
 * XML parser refused a feed, so xml.ts imports this module then.
 */

/** Namespaces that undeclared prefixes most likely mean (sloppy feeds omit the xmlns). */
const KNOWN_PREFIXES: Record<string, string> = {
  atom: 'http://www.w3.org/2005/Atom',
  dc: 'http://purl.org/dc/elements/1.1/',
  content: 'http://purl.org/rss/1.0/modules/content/',
  media: 'http://search.yahoo.com/mrss/',
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
};

/** Undeclared prefixes declared at most (sloppy feeds omit a few: media, dc, atom, content). */
const MAX_PREFIXES = 50;

const NOT_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160,
  copy: 169,
  reg: 174,
  deg: 176,
  middot: 183,
  laquo: 171,
  raquo: 187,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  ldquo: 8220,
  rdquo: 8221,
  bull: 8226,
  hellip: 8230,
  trade: 8482,
  euro: 8364,
};

/**
 * The text as [outside, CDATA section, outside, …], found with `indexOf` in one pass (a regular
 * expression took quadratic time on thousands of unclosed sections); an unclosed one is outside.
 */
function cdataSplit(source: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let at = source.indexOf('<![CDATA['); at >= 0; at = source.indexOf('<![CDATA[', from)) {
    const end = source.indexOf(']]>', at + 9);
    if (end < 0) break;
    parts.push(source.slice(from, at), source.slice(at, end + 3));
    from = end + 3;
  }
  parts.push(source.slice(from));
  return parts;
}

/**
 * A bare `&` in a URL, HTML entities such as `&nbsp;`, control characters, and `media:`/`dc:`
 * prefixes never declared. CDATA sections are left alone.
 */
export function mend(source: string): string {
  const mended = cdataSplit(source)
    .map((part, index) =>
      index % 2
        ? part
        : part
            .replace(NOT_XML_CHARS, '')
            .replace(
              /&(?!(?:amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)(?:([a-z][a-z0-9]*);)?/gi,
              (_match, name: string | undefined) => {
                const code = name ? HTML_ENTITIES[name.toLowerCase()] : undefined;
                return code ? `&#${code};` : `&amp;${name ? `${name};` : ''}`;
              },
            ),
    )
    .join('');
  const used = new Set([...mended.matchAll(/<\/?([a-z][\w.-]*):[a-z]/gi)].map((m) => m[1]));
  const declared = new Set([...mended.matchAll(/xmlns:([\w.-]+)\s*=/g)].map((m) => m[1]));
  const missing = [...used].filter((prefix) => prefix !== 'xml' && !declared.has(prefix));
  // Thousands of declarations on the root cost the XML parser seconds: such a feed stays broken.
  if (!missing.length || missing.length > MAX_PREFIXES) return mended;
  const declarations = missing
    .map((p) => ` xmlns:${p}="${KNOWN_PREFIXES[p] ?? `urn:x-undeclared:${p}`}"`)
    .join('');
  return mended.replace(/<(rss|rdf:RDF|feed)(?=[\s>/])/, `<$1${declarations}`);
}
