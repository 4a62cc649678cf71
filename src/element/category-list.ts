/**
 * The `category` attribute the announcement list and the calendar share: a comma-separated
 * list of category names.
 */

/** `category="a, b"` → ['a', 'b']: trimmed, empty names left out. */
export function parseCategoryList(value: string | null | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
}
