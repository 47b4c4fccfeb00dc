import type { Rating } from './rating.js';

/**
 * A question's score in [0, 1]: right or wrong for choice and numeric questions; the
 * share of key points covered for open ones (a timed-out answer counts what it covered
 * before the cut); for an open question without key points, the rating (Good or Easy 1,
 * Hard 0.5, Again 0).
 */
export function questionScore(g: { rating: Rating; covered: number; total: number; correct?: boolean }): number {
  if (g.correct !== undefined) return g.correct ? 1 : 0;
  if (g.total > 0) return Math.min(1, g.covered / g.total);
  return g.rating >= 3 ? 1 : g.rating === 2 ? 0.5 : 0;
}
