/**
 * The options every formatter takes and the cached `Intl` objects behind them: building an
 * `Intl` formatter costs far more than using one, and the elements format hundreds of values.
 */

export type Lang = 'th' | 'en';

export interface FormatOptions {
  lang: Lang;
  /** Default: `buddhist` for `th`, `gregory` for `en`. */
  calendar?: 'buddhist' | 'gregory';
  /** Default `latn`; `thai` gives Thai digits in dates, times and numbers. */
  numerals?: 'latn' | 'thai';
  /** IANA zone; default `Asia/Bangkok`; `local` is the viewer's zone. Unknown zones fall back to the default. */
  timeZone?: string;
}

/** `make()` once per key: the cache of each kind of `Intl` object. */
function cached<T>(cache: Map<string, T>, key: string, make: () => T): T {
  let value = cache.get(key);
  if (value === undefined) {
    value = make();
    cache.set(key, value);
  }
  return value;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const numberFormats = new Map<string, Intl.NumberFormat>();
const segmenters = new Map<string, Intl.Segmenter>();

export function dateFormat(
  locale: string,
  options: Intl.DateTimeFormatOptions,
): Intl.DateTimeFormat {
  return cached(
    dateFormats,
    locale + JSON.stringify(options),
    () => new Intl.DateTimeFormat(locale, options),
  );
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  return cached(
    numberFormats,
    locale + JSON.stringify(options),
    () => new Intl.NumberFormat(locale, options),
  );
}

export function segmenter(lang: Lang, granularity: 'word' | 'grapheme'): Intl.Segmenter {
  return cached(segmenters, lang + granularity, () => new Intl.Segmenter(lang, { granularity }));
}

/** English dates read day-month-year (`16 Jun 2022`), as in Thailand; times use `9:30 AM`. */
export function dateLocale(lang: Lang): string {
  return lang === 'th' ? 'th' : 'en-GB';
}
