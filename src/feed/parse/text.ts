/**
 * Text fields of feeds: whitespace collapsed, empty text as absent, lists of distinct strings,
 * and ids hashed from text. What the parsers of news items, events and results share
 * (normalize.ts has what JSON itself and visitor counts need too).
 */
import { asText } from './normalize.js';

/** Collapses runs of whitespace (including no-break spaces) to single spaces and trims. */
export function collapseWhitespace(text: string): string {
  // Most feed text has nothing to collapse: testing first spares a copy of every string.
  return (COLLAPSIBLE.test(text) ? text.replace(/\s+/g, ' ') : text).trim();
}

/** Whitespace other than a single space, or two spaces in a row. */
const COLLAPSIBLE = /[^\S ]| {2}/;

/** Collapsed text, or `undefined` when empty. */
export function cleanText(value: unknown): string | undefined {
  const raw = asText(value);
  return (raw && collapseWhitespace(raw)) || undefined;
}

/** A list as it is, one value as a list of it, nothing as an empty list. */
export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined ? [] : [value];
}

/** Distinct non-empty strings, in order. */
export function uniqueStrings(values: Iterable<unknown>): string[] {
  const out = new Set<string>();
  for (const value of values) {
    const clean = cleanText(value);
    if (clean) out.add(clean);
  }
  return [...out];
}

/** A short stable id from text (53-bit cyrb53 hash), for items without guid, id or link. */
export function hashId(...parts: (string | undefined)[]): string {
  const input = parts.map((part) => part ?? '').join('\u0000');
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < input.length; i++) {
    const code = input.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `h${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}
