/**
 * # Formatting: `ect-widgets/format`
 *
 * The lowest layer, importing nothing of ours: Thai and English dates (dates.ts), numbers
 * (numbers.ts), Thai digits (digits.ts), time zones (zones.ts) and word-safe truncation
 * (text.ts), over cached `Intl` objects (intl.ts). The feed layer re-exports this
 * (src/feed/index.ts).
 */
export type { Lang, FormatOptions } from './intl.js';
export {
  type DateStyle,
  formatDate,
  formatTime,
  formatMonthYear,
  weekdayLabels,
  zonedDateKey,
  todayKey,
  addDays,
  daysBetween,
} from './dates.js';
export { formatNumber, formatPercent, formatBytes } from './numbers.js';
export { toThaiDigits } from './digits.js';
export { zoneOffset, wallToInstant } from './zones.js';
export { truncateText } from './text.js';
