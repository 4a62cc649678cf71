/**
 * Digits without `Intl`: Thai digits both ways (`๒๕๖๕` ↔ `2565`) and zero-padding. Kept apart
 * from the formatters, because the feed parsers need these few lines and none of `Intl`.
 */

/** The Thai digits zero to nine, the one table for both directions. */
const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';
const THAI_DIGIT = /[๐-๙]/g;

/** Replaces ASCII digits with Thai digits (`2565` → `๒๕๖๕`); everything else is kept. */
export function toThaiDigits(text: string): string {
  return text.replace(/[0-9]/g, (digit) => THAI_DIGITS[+digit]);
}

/** Replaces Thai digits with ASCII digits (`๒๕๖๕` → `2565`); everything else is kept. */
export function toAsciiDigits(text: string): string {
  return text.replace(THAI_DIGIT, (digit) => String(THAI_DIGITS.indexOf(digit)));
}

/** `7` → `07`: a whole number with leading zeros up to `width` digits (dates, offsets). */
export function zeroPad(n: number, width = 2): string {
  return String(Math.trunc(n)).padStart(width, '0');
}
