/**
 * The one rule for author attributes (docs/contract.md, "Attribute values"): a value outside the
 * attribute's documented list or range reads as if the attribute were absent, so its default
 * applies. Quietly: nothing is logged and the element's state does not change, because a typo in
 * a page's markup must neither blank a government page nor fill its visitors' consoles.
 *
 * Each helper is a Lit attribute converter, given to `@property({ converter })` in the element
 * class. Listed values are read trimmed and case-insensitively, as HTML reads its own keywords.
 */
import type { ComplexAttributeConverter } from 'lit';

/** One of `values`, else `fallback` (the attribute's default). */
export function oneOf<T extends string, F = undefined>(
  values: readonly T[],
  fallback?: F,
): ComplexAttributeConverter<T | F> {
  return {
    fromAttribute(value: string | null): T | F {
      const word = value?.trim().toLowerCase();
      return (values as readonly (string | undefined)[]).includes(word) ? (word as T) : fallback!;
    },
  };
}

/** A whole number from `min` to `max` (both included), else `fallback`. */
export function wholeNumber(
  min: number,
  max: number,
  fallback: number,
): ComplexAttributeConverter<number> {
  return {
    fromAttribute(value: string | null): number {
      const number = value?.trim() ? Number(value) : NaN;
      return Number.isSafeInteger(number) && number >= min && number <= max ? number : fallback;
    },
  };
}

/** A month as `YYYY-MM`, years 1000 to 9999 (what dates of the page can mean); else undefined. */
export function yearMonth(value: string | null | undefined): string | undefined {
  const month = value?.trim();
  return month && /^[1-9]\d{3}-(?:0[1-9]|1[0-2])$/.test(month) ? month : undefined;
}

/** The values of `numerals` (`latn` default, left to the formatters) and `calendar`. */
export const numeralsAttribute = oneOf(['latn', 'thai'] as const);
export const calendarAttribute = oneOf(['buddhist', 'gregory'] as const);
/** `limit`, `page-size`, `new-days` and the like: 0 or more (0 means all, or off). */
export const countAttribute = (fallback: number) =>
  wholeNumber(0, Number.MAX_SAFE_INTEGER, fallback);
