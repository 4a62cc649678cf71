/**
 * Feed markup made free of what Chromium reports under a strict Content-Security-Policy before
 * a browser parser sees it. Chromium reports a violation for every event handler or `style`
 * attribute and every `<style>` element it parses, and for an unclosed `<script>`, even into an
 * inert document that never runs or applies them (DOMParser's, DOMPurify's): a page with a report
 * endpoint would get a report for every hostile feed. Both scanners here read the text once, left
 * to right, without regular expressions that could backtrack, and touch only attribute *names*
 * and the elements named: attribute values and text (URLs, terms) are copied as they are.
 */

const PREFIX = 'data-x-';

const TAB = 0x09;
const LINE_FEED = 0x0a;
const FORM_FEED = 0x0c;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const SLASH = 0x2f;
const EQUALS = 0x3d;
const GREATER = 0x3e;

const isSpace = (code: number) =>
  code === SPACE ||
  code === LINE_FEED ||
  code === TAB ||
  code === CARRIAGE_RETURN ||
  code === FORM_FEED;
const isLetter = (code: number) => (code | 0x20) >= 0x61 && (code | 0x20) <= 0x7a;

/** An event handler (`onclick`) or `style`: names no allow-list keeps. */
function isInline(name: string): boolean {
  const lower = name.toLowerCase();
  return lower.startsWith('on') || lower === 'style';
}

interface Attribute {
  name: string;
  /** Offset of the name in the text. */
  at: number;
  /** The value, entities not decoded; undefined without `=`. */
  value?: string;
}

interface Tag {
  /** Offset just past the `>`, or the text's length when the tag never ends. */
  end: number;
  attributes: Attribute[];
  selfClosing: boolean;
}

/**
 * The attributes of the tag whose name ends at `from`, and where the tag ends, the way the HTML
 * tokenizer reads them (quoted values may hold `>`); XML tags read the same when well-formed.
 */
function readTag(text: string, from: number): Tag {
  const attributes: Attribute[] = [];
  let selfClosing = false;
  let i = from;
  const n = text.length;
  while (i < n) {
    const code = text.charCodeAt(i);
    if (isSpace(code)) {
      i++;
      continue;
    }
    if (code === GREATER) return { end: i + 1, attributes, selfClosing };
    if (code === SLASH) {
      selfClosing = text.charCodeAt(i + 1) === GREATER;
      i++;
      continue;
    }
    selfClosing = false;
    // An attribute name: to a space, `/`, `>` or `=` (a leading `=` is part of it).
    const at = i;
    i++;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (isSpace(c) || c === SLASH || c === GREATER || c === EQUALS) break;
      i++;
    }
    const attribute: Attribute = { name: text.slice(at, i), at };
    attributes.push(attribute);
    let j = i;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    if (text.charCodeAt(j) !== EQUALS) {
      i = j;
      continue;
    }
    j++;
    while (j < n && isSpace(text.charCodeAt(j))) j++;
    const quote = text.charCodeAt(j);
    if (quote === QUOTE || quote === APOSTROPHE) {
      const close = text.indexOf(quote === QUOTE ? '"' : "'", j + 1);
      if (close < 0) return { end: n, attributes, selfClosing: false };
      attribute.value = text.slice(j + 1, close);
      i = close + 1;
    } else {
      let k = j;
      while (k < n && !isSpace(text.charCodeAt(k)) && text.charCodeAt(k) !== GREATER) k++;
      attribute.value = text.slice(j, k);
      i = k;
    }
  }
  return { end: n, attributes, selfClosing: false };
}

/** Offset where the name starting at `from` ends (a space, `/` or `>`). */
function nameEnd(text: string, from: number): number {
  let i = from;
  while (i < text.length) {
    const code = text.charCodeAt(i);
    if (isSpace(code) || code === SLASH || code === GREATER) break;
    i++;
  }
  return i;
}

/** Offset just past the comment whose `<!--` is at `at` (HTML's rules; the end when unclosed). */
function commentEnd(text: string, at: number): number {
  if (text.startsWith('>', at + 4)) return at + 5;
  if (text.startsWith('->', at + 4)) return at + 6;
  const dashes = text.indexOf('--', at + 4);
  for (let i = dashes; i >= 0; i = text.indexOf('--', i + 1)) {
    if (text.charCodeAt(i + 2) === GREATER) return i + 3;
    if (text.startsWith('!>', i + 2)) return i + 4;
  }
  return text.length;
}

/**
 * Elements removed with their content before HTML is parsed: the sanitizer drops them and their
 * content anyway, and their content is raw text the HTML tokenizer reads differently.
 */
const REMOVED = new Set([
  'script',
  'style',
  'textarea',
  'title',
  'xmp',
  'iframe',
  'noembed',
  'noframes',
]);

/** Offset just past the end tag `</name…>` at or after `from`, or the text's length. */
function pastEndTag(text: string, lower: string, name: string, from: number): number {
  const needle = `</${name}`;
  for (let i = lower.indexOf(needle, from); i >= 0; i = lower.indexOf(needle, i + 1)) {
    const after = text.charCodeAt(i + needle.length);
    if (isSpace(after) || after === SLASH || after === GREATER) {
      return readTag(text, i + needle.length).end;
    }
  }
  return text.length;
}

/**
 * Feed HTML for the sanitizer: event handler and `style` attributes renamed (`data-x-onclick`,
 * which the allow-list drops), and `script`, `style` and the other raw-text elements removed
 * with their content, also when never closed (then to the end). Read as the HTML tokenizer
 * reads it, so an attribute after a quoted `>` is renamed too.
 */
export function inertHtml(html: string): string {
  const parts: string[] = [];
  let copied = 0;
  let lower: string | undefined;
  let i = html.indexOf('<');
  while (i >= 0 && i < html.length - 1) {
    const next = html.charCodeAt(i + 1);
    let end: number;
    if (html.startsWith('<!--', i)) {
      end = commentEnd(html, i);
    } else if (next === 0x21 /* ! */ || next === 0x3f /* ? */) {
      const close = html.indexOf('>', i + 2);
      end = close < 0 ? html.length : close + 1;
    } else if (next === SLASH) {
      const close = html.indexOf('>', i + 2);
      end = close < 0 ? html.length : close + 1;
      // `</p …>`: its attributes are never set; `</ x>` is a comment; both end at the `>`.
      if (isLetter(html.charCodeAt(i + 2))) end = readTag(html, nameEnd(html, i + 2)).end;
    } else if (isLetter(next)) {
      const stop = nameEnd(html, i + 1);
      const name = html.slice(i + 1, stop).toLowerCase();
      const tag = readTag(html, stop);
      end = tag.end;
      if (REMOVED.has(name)) {
        lower ??= html.toLowerCase();
        end = pastEndTag(html, lower, name, end);
        parts.push(html.slice(copied, i));
        copied = end;
      } else {
        for (const { name: attribute, at } of tag.attributes) {
          if (!isInline(attribute)) continue;
          parts.push(html.slice(copied, at), PREFIX);
          copied = at;
        }
      }
    } else {
      end = i + 1;
    }
    i = html.indexOf('<', end);
  }
  if (!parts.length) return html;
  parts.push(html.slice(copied));
  return parts.join('');
}

// ---------------------------------------------------------------------------------------------
// XML

const XHTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';
const MATHML = 'http://www.w3.org/1998/Math/MathML';
/** Namespace of a value the scanner cannot resolve (an entity in `xmlns`): treated as HTML. */
const UNKNOWN = '?';
/** Namespaces whose elements have handler and `style` attributes and `<style>` elements. */
const HTML_LIKE = new Set([XHTML, SVG, MATHML, UNKNOWN]);
const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** An attribute value with character references and the predefined entities decoded. */
function namespaceOf(value: string): string {
  if (!value.includes('&')) return value;
  let unknown = false;
  const decoded = value.replace(/&(#x[0-9a-f]+|#[0-9]+|\w+);/gi, (_, ref: string) => {
    if (ref[0] !== '#') return PREDEFINED[ref] ?? ((unknown = true), '');
    const code =
      ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : Number(ref.slice(1));
    return code <= 0x10ffff ? String.fromCodePoint(code) : '';
  });
  return unknown ? UNKNOWN : decoded;
}

interface Scope {
  /** Prefix → namespace in force (`''` is the default namespace). */
  names: Map<string, string>;
  /** The element's name as written, and renamed when it was (`style` → `data-x-style`). */
  renamed?: string;
}

/**
 * Feed XML for DOMParser: in elements of the XHTML, SVG and MathML namespaces (Atom
 * `type="xhtml"` content, or markup a hostile feed slips in), event handler and `style`
 * attributes are renamed (`data-x-onclick`) and `style` and `script` elements renamed
 * (`data-x-style`), which the sanitizer drops with their content. Elements of every other
 * namespace (the feed's own data: `<enclosure url>`, `<category term>`) are left alone.
 */
export function inertXml(xml: string): string {
  const parts: string[] = [];
  let copied = 0;
  const stack: Scope[] = [{ names: new Map([['', '']]) }];
  const insert = (at: number, text: string, skip = 0) => {
    parts.push(xml.slice(copied, at), text);
    copied = at + skip;
  };
  let i = xml.indexOf('<');
  while (i >= 0 && i < xml.length - 1) {
    const next = xml.charCodeAt(i + 1);
    let end: number;
    if (xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i + 4);
      end = close < 0 ? xml.length : close + 3;
    } else if (xml.startsWith('<![CDATA[', i)) {
      const close = xml.indexOf(']]>', i + 9);
      end = close < 0 ? xml.length : close + 3;
    } else if (next === 0x3f /* ? */) {
      const close = xml.indexOf('?>', i + 2);
      end = close < 0 ? xml.length : close + 2;
    } else if (next === 0x21 /* ! */) {
      end = doctypeEnd(xml, i);
    } else if (next === SLASH) {
      const stop = nameEnd(xml, i + 2);
      end = readTag(xml, stop).end;
      const scope = stack.length > 1 ? stack.pop()! : undefined;
      if (scope?.renamed) insert(i + 2, scope.renamed, stop - (i + 2));
    } else {
      const stop = nameEnd(xml, i + 1);
      const qname = xml.slice(i + 1, stop);
      const tag = readTag(xml, stop);
      end = tag.end;
      let names = stack[stack.length - 1].names;
      for (const { name, value } of tag.attributes) {
        if (name !== 'xmlns' && !name.startsWith('xmlns:')) continue;
        // A copy only for an element that declares namespaces.
        if (names === stack[stack.length - 1].names) names = new Map(names);
        names.set(name.slice(6), namespaceOf(value ?? ''));
      }
      const colon = qname.indexOf(':');
      const prefix = colon < 0 ? '' : qname.slice(0, colon);
      const local = qname.slice(colon + 1);
      const scope: Scope = { names };
      if (HTML_LIKE.has(names.get(prefix) ?? UNKNOWN)) {
        if (local === 'style' || local === 'script') {
          scope.renamed = `${colon < 0 ? '' : `${prefix}:`}${PREFIX}${local}`;
          insert(i + 1, scope.renamed, qname.length);
        }
        for (const { name, at } of tag.attributes) {
          // Handlers and `style` are attributes in no namespace: unprefixed names only.
          if (!name.includes(':') && isInline(name)) insert(at, PREFIX);
        }
      }
      if (!tag.selfClosing) stack.push(scope);
    }
    i = xml.indexOf('<', end);
  }
  if (!parts.length) return xml;
  parts.push(xml.slice(copied));
  return parts.join('');
}

/** Offset past a `<!DOCTYPE …>` (its internal subset may hold `>` in quotes and comments). */
function doctypeEnd(xml: string, at: number): number {
  let quote = 0;
  let subset = false;
  for (let i = at + 2; i < xml.length; i++) {
    const code = xml.charCodeAt(i);
    if (quote) {
      if (code === quote) quote = 0;
    } else if (code === QUOTE || code === APOSTROPHE) quote = code;
    else if (code === 0x5b /* [ */) subset = true;
    else if (code === 0x5d /* ] */) subset = false;
    else if (code === 0x3c && xml.startsWith('<!--', i)) {
      const close = xml.indexOf('-->', i + 4);
      if (close < 0) return xml.length;
      i = close + 2;
    } else if (code === GREATER && !subset) return i + 1;
  }
  return xml.length;
}
