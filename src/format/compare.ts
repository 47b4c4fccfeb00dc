/**
 * Slugs (ids, tags) and ISO instants in order of their characters. For these the order
 * is the one localeCompare gives, without its first call, which builds ICU's collator
 * (about 7 ms of a command's start-up).
 */
export const byText = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
