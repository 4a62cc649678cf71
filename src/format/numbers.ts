/**
 * Numbers for people: grouped counts, percentages and file sizes, through cached
 * `Intl.NumberFormat`s.
 */
import { dateLocale, numberFormat, type FormatOptions } from './intl.js';

/** Grouped number: `12,345` / `๑๒,๓๔๕` (at most 3 fraction digits unless told); `-0` reads `0`. */
export function formatNumber(
  n: number,
  options: FormatOptions & { maximumFractionDigits?: number; minimumFractionDigits?: number },
): string {
  const min = options.minimumFractionDigits;
  // Older engines throw when the minimum exceeds the default maximum of 3.
  const max =
    options.maximumFractionDigits === undefined && min === undefined
      ? undefined
      : Math.max(options.maximumFractionDigits ?? 3, min ?? 0);
  const intl: Intl.NumberFormatOptions = { numberingSystem: options.numerals ?? 'latn' };
  if (min !== undefined) intl.minimumFractionDigits = min;
  if (max !== undefined) intl.maximumFractionDigits = max;
  // signDisplay 'negative' would do this too, but older engines do not know it.
  return numberFormat(dateLocale(options.lang), intl).format(n === 0 ? 0 : n);
}

/**
 * A percentage from a 0–100 value, with a fixed number of fraction digits (default 1) so that
 * table columns line up: `85.2%`, `50.0%`.
 */
export function formatPercent(value: number, options: FormatOptions & { digits?: number }): string {
  const digits = options.digits ?? 1;
  return numberFormat(dateLocale(options.lang), {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
    numberingSystem: options.numerals ?? 'latn',
  }).format(value === 0 ? 0 : value / 100);
}

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB'];

/**
 * File size as Windows Explorer shows it (1 KB = 1024 bytes, Latin units in both languages):
 * `245 KB`, `1.2 MB`; one fraction digit under 10, none above. `''` for a negative or
 * non-finite size.
 */
export function formatBytes(bytes: number, options: FormatOptions): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  // 1023.9 KB would round to "1,024 KB": show the next unit instead.
  if (unit < BYTE_UNITS.length - 1 && Math.round(value) >= 1024) {
    value /= 1024;
    unit++;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${formatNumber(value, { ...options, maximumFractionDigits: digits })} ${BYTE_UNITS[unit]}`;
}
