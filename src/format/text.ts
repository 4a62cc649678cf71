/**
 * Cutting text to a length without breaking a word: Thai has no spaces, so word boundaries
 * come from `Intl.Segmenter`, never from slicing code units.
 */
import { segmenter, type Lang } from './intl.js';

function pieces(text: string, lang: Lang, granularity: 'word' | 'grapheme'): string[] {
  if (typeof Intl.Segmenter !== 'function') {
    // Engines without Segmenter (Firefox before 125): words at spaces, code points otherwise.
    return granularity === 'word' ? text.split(/(?= )/) : Array.from(text);
  }
  return Array.from(segmenter(lang, granularity).segment(text), (s) => s.segment);
}

/**
 * Collapses whitespace and, when the text is longer than `maxLength` (UTF-16 units), cuts it at
 * the last word boundary (`Intl.Segmenter`, so Thai without spaces cuts between words) that
 * leaves room for `…`. A first word longer than the limit is cut between graphemes instead.
 * The result, ellipsis included, is never longer than `maxLength`.
 */
export function truncateText(text: string, maxLength: number, lang: Lang): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= maxLength) return clean;
  const room = maxLength - 1;
  if (room <= 0) return maxLength === 1 ? '…' : '';
  let cut = '';
  for (const piece of pieces(clean, lang, 'word')) {
    if (cut.length + piece.length > room) break;
    cut += piece;
  }
  cut = cut.trimEnd();
  if (!cut) {
    for (const piece of pieces(clean, lang, 'grapheme')) {
      if (cut.length + piece.length > room) break;
      cut += piece;
    }
  }
  return `${cut}…`;
}
