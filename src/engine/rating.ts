import type { Question } from '../bank/types.js';

export type Rating = 1 | 2 | 3 | 4;
export const RATING_LABELS: Record<Rating, string> = { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' };

/** Seconds a question gets when its bank sets no `time_limit`. */
export const DEFAULT_BUDGET_S = { easy: 90, medium: 180, hard: 300 } as const;

export function budgetMs(q: Pick<Question, 'difficulty' | 'time_limit'>): number {
  return Math.round((q.time_limit ?? DEFAULT_BUDGET_S[q.difficulty]) * 1000);
}

export interface Outcome {
  /** Share of key points ticked (open questions), or 1/0 for a right/wrong auto-graded answer. */
  coverage: number;
  /** Set for choice and numeric questions. */
  correct?: boolean;
  durationMs: number;
  budgetMs: number;
}

/** An answer that took more than this multiple of its budget is weak even if right. */
export const SLOW_FACTOR = 2;

/** The one definition of a slow answer: over SLOW_FACTOR times its budget. */
export function isSlow(durationMs: number, budgetMs: number): boolean {
  return durationMs > budgetMs * SLOW_FACTOR;
}

/**
 * The rating suggested from the self-report. A partly covered answer is never Good:
 * interviews punish the missing point, so the scheduler should see it as shaky.
 */
export function suggestRating(o: Outcome): Rating {
  let r: Rating;
  if (o.correct === false) return 1;
  if (o.coverage >= 1) r = o.durationMs <= o.budgetMs / 3 ? 4 : 3;
  else if (o.coverage >= 0.5) r = 2;
  else r = 1;
  if (r >= 3 && isSlow(o.durationMs, o.budgetMs)) r = 2;
  return r;
}

/** Ratings the person may choose: never above Hard for a partial or wrong answer. */
export function allowedRatings(o: Outcome): Rating[] {
  if (o.correct === false) return [1];
  return o.coverage >= 1 ? [1, 2, 3, 4] : [1, 2];
}

/** A graded answer: the rating given, the key points ticked and the share they make. */
export interface Graded {
  rating: Rating;
  covered: number[];
  coverage: number;
}
