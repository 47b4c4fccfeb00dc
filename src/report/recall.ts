import { retrievability } from '../engine/schedule.js';
import type { Review, StoredCard } from '../progress/schema.js';

/**
 * The report's one definition of "recall now", used by the weakest list and by mastery
 * (and so by `mlquiz tags`): FSRS's probability of recalling the question at `now`,
 * except that a question whose latest answer was Again counts as 0 until it is answered
 * again.
 *
 * FSRS alone cannot say "weak" there: ts-fsrs counts elapsed time in whole days, so for
 * 24 hours after any review recall is exactly 100%, and even in continuous time the
 * stability it gives after a lapse assumes the answer was learned by reading it. A
 * question failed an hour ago is the weakest there is, and the report says so.
 */
export function recallNow(card: StoredCard | undefined, lastRating: number | undefined, now: Date, params?: readonly number[]): number {
  if (!card || card.reps === 0) return 0;
  if (lastRating === 1) return 0;
  return retrievability(card, now, params);
}

/** The rating of each question's latest review, in one pass over the log (which is in commit order). */
export function lastRatings(reviews: readonly Review[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const r of reviews) out.set(r.question, r.rating);
  return out;
}

/** Shares as the report shows them: rounded once, here, so that every view prints the same number. */
export function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** A share in [0, 1] as a whole percentage: the one way every view writes one. */
export function percent(x: number): string {
  return `${Math.round(x * 100)}%`;
}
