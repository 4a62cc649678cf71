/** Is a message in the language it should be? Thai without English sentences, English without Thai. */
import { expect } from '@open-wc/testing';

/** Names that read the same in both languages: formats, protocols, units, the ECT's initials. */
const NAMES = /\b(?:JSON Feed|JSON|RSS|Atom|iCalendar|CSV|HTML|HTTP|XML|MB|ECT|CORS)\b/g;

/**
 * The first run of two or more Latin-script words in `sentence` once URLs, file names, quoted
 * names, `<element>` names, format names and numbers are taken out; undefined when there is none.
 */
export function latinSentence(sentence: string): string | undefined {
  const rest = sentence
    .replace(/https?:\/\/\S+/g, ' ')
    .replace(/[\w.-]+\.(?:json|csv|ics|xml)\b/g, ' ')
    .replace(/"[^"]*"|“[^”]*”|<[^>]*>/g, ' ')
    .replace(NAMES, ' ')
    .replace(/\d+/g, ' ');
  return /[A-Za-z]+(?:[\s,;:.()'’/-]+[A-Za-z]+)+/.exec(rest)?.[0];
}

const THAI = /[\u0E00-\u0E7F]/;

/** `sentence` is in `lang`: Thai with no English sentence in it, or English with no Thai. */
export function expectLanguage(sentence: string, lang: 'th' | 'en', what: string): void {
  if (lang === 'th') {
    expect(sentence, `${what}: Thai`).to.match(THAI);
    expect(latinSentence(sentence), `${what}: a Latin sentence in "${sentence}"`).to.equal(
      undefined,
    );
  } else {
    expect(sentence, `${what}: Thai in the English "${sentence}"`).not.to.match(THAI);
    expect(sentence, `${what}: English`).to.match(/[A-Za-z]{3,} [A-Za-z]{2,}/);
  }
}
