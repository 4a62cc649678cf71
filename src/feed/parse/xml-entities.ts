/**
 * The entities a feed's DTD declares, bounded before a browser's XML parser expands them: one
 * entity of 50 KB referenced 20,000 times froze Chromium for 25 s, and browsers differ in what
 * they refuse. The internal subset is read once, left to right; the entities' expanded lengths
 * are computed, and a feed whose references would add more than `LIMITS.chars` characters is
 * refused, as is a DTD this reader cannot vouch for (parameter entities, entities holding
 * markup, attribute defaults for namespaces, handlers or `style`).
 */
import { LIMITS } from '../limits.js';
import { FeedError } from '../types.js';

/** Declared entities beyond which a feed is refused (real feeds declare none). */
const MAX_ENTITIES = 100;

const NAME = /[A-Za-z_:][\w.:-]*/y;
const SPACES = /\s*/y;

/** Reads the DOCTYPE's internal subset; `refuse` says why a feed is not read. */
class Subset {
  private at: number;
  readonly entities = new Map<string, string>();

  constructor(
    private readonly text: string,
    start: number,
    private readonly refuse: (why: string) => FeedError,
  ) {
    this.at = start;
  }

  private skipSpaces(): void {
    SPACES.lastIndex = this.at;
    SPACES.exec(this.text);
    this.at = SPACES.lastIndex;
  }

  private name(): string {
    NAME.lastIndex = this.at;
    const match = NAME.exec(this.text);
    if (!match) throw this.refuse('a DTD it cannot read');
    this.at = NAME.lastIndex;
    return match[0];
  }

  /** A quoted literal's content, the offset left past its closing quote. */
  private quoted(): string {
    const quote = this.text[this.at];
    const close = quote === '"' || quote === "'" ? this.text.indexOf(quote, this.at + 1) : -1;
    if (close < 0) throw this.refuse('a DTD it cannot read');
    const value = this.text.slice(this.at + 1, close);
    this.at = close + 1;
    return value;
  }

  /** The rest of a declaration up to its `>`, quoted literals skipped whole. */
  private rest(): string {
    const from = this.at;
    for (;;) {
      const char = this.text[this.at];
      if (char === undefined) throw this.refuse('a DTD it cannot read');
      if (char === '>') return this.text.slice(from, this.at++);
      if (char === '"' || char === "'") this.quoted();
      else this.at++;
    }
  }

  /** Reads declarations to the `]` that ends the subset; returns the offset after it. */
  read(): number {
    const { text } = this;
    for (;;) {
      this.skipSpaces();
      if (text.startsWith(']', this.at)) return this.at + 1;
      if (text.startsWith('<!--', this.at)) {
        const close = text.indexOf('-->', this.at + 4);
        if (close < 0) throw this.refuse('a DTD it cannot read');
        this.at = close + 3;
      } else if (text.startsWith('<?', this.at)) {
        const close = text.indexOf('?>', this.at + 2);
        if (close < 0) throw this.refuse('a DTD it cannot read');
        this.at = close + 2;
      } else if (text.startsWith('<!ENTITY', this.at)) {
        this.at += 8;
        this.skipSpaces();
        if (text[this.at] === '%') throw this.refuse('parameter entities in its DTD');
        const name = this.name();
        this.skipSpaces();
        // An external entity (SYSTEM, PUBLIC) is never fetched: it expands to nothing.
        const value = text[this.at] === '"' || text[this.at] === "'" ? this.quoted() : '';
        this.rest();
        if (/<|&#/.test(value)) throw this.refuse('an entity holding markup');
        if (!this.entities.has(name)) this.entities.set(name, value);
        if (this.entities.size > MAX_ENTITIES) {
          throw this.refuse(`more than ${MAX_ENTITIES} entities`);
        }
      } else if (text.startsWith('<!ATTLIST', this.at)) {
        this.at += 9;
        // Default attributes the parser would add: a namespace, a handler or `style`.
        if (/(?:^|\s)(?:xmlns|on|style)/i.test(this.rest())) {
          throw this.refuse('attribute defaults in its DTD');
        }
      } else if (text.startsWith('<!ELEMENT', this.at) || text.startsWith('<!NOTATION', this.at)) {
        this.at += 9;
        this.rest();
      } else {
        throw this.refuse(
          text[this.at] === '%' ? 'parameter entities in its DTD' : 'a DTD it cannot read',
        );
      }
    }
  }
}

/** Offset of the `<!DOCTYPE` of the prolog (after the XML declaration, comments, PIs), or -1. */
function doctypeAt(text: string): number {
  let at = 0;
  for (;;) {
    while (at < text.length && text.charCodeAt(at) <= 0x20) at++;
    if (text.startsWith('<!DOCTYPE', at)) return at;
    const close = text.startsWith('<?', at) ? '?>' : text.startsWith('<!--', at) ? '-->' : '';
    const end = close ? text.indexOf(close, at + 2) : -1;
    if (end < 0) return -1;
    at = end + close.length;
  }
}

const REFERENCE = /&([A-Za-z_:][\w.:-]*);/g;

/**
 * Throws a FeedError when the feed's DTD declares entities whose references would add more than
 * `LIMITS.chars` characters, or that this reader cannot vouch for. A feed without an internal
 * DTD subset (nearly all) costs one look at its prolog.
 */
export function checkEntities(text: string, label: string): void {
  const refuse = (why: string) =>
    new FeedError(`${label}: the feed has ${why}`, { code: 'entities' });
  const doctype = doctypeAt(text);
  if (doctype < 0) return;
  // The DOCTYPE's name and external id, up to its `[` (or its `>`: no subset, nothing declared).
  let at = doctype + 9;
  while (at < text.length && text[at] !== '[' && text[at] !== '>') {
    if (text[at] === '"' || text[at] === "'") {
      const close = text.indexOf(text[at], at + 1);
      if (close < 0) return;
      at = close;
    }
    at++;
  }
  if (text[at] !== '[') return;
  const subset = new Subset(text, at + 1, refuse);
  const after = subset.read();
  const { entities } = subset;
  if (!entities.size) return;

  const lengths = new Map<string, number>();
  const visiting = new Set<string>();
  const expanded = (name: string): number => {
    const known = lengths.get(name);
    if (known !== undefined) return known;
    const value = entities.get(name)!;
    if (visiting.has(name)) throw refuse('an entity that refers to itself');
    visiting.add(name);
    let length = value.length;
    for (const [reference, inner] of value.matchAll(REFERENCE)) {
      if (entities.has(inner)) length += expanded(inner) - reference.length;
    }
    visiting.delete(name);
    lengths.set(name, length);
    return length;
  };
  let added = 0;
  for (const [reference, name] of text.slice(after).matchAll(REFERENCE)) {
    if (!entities.has(name)) continue;
    added += expanded(name) - reference.length;
    if (added > LIMITS.chars) {
      throw refuse(
        `entities that expand to more than ${LIMITS.chars.toLocaleString('en')} characters`,
      );
    }
  }
}
