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
  if (r >= 3 && o.durationMs > o.budgetMs * SLOW_FACTOR) r = 2;
  return r;
}

/** Ratings the person may choose: never above Hard for a partial or wrong answer. */
export function allowedRatings(o: Outcome): Rating[] {
  if (o.correct === false) return [1];
  return o.coverage >= 1 ? [1, 2, 3, 4] : [1, 2];
}

export function checkChoice(q: Question, picked: readonly number[]): boolean {
  const want = q.correct ?? [];
  const got = [...new Set(picked)].sort((a, b) => a - b);
  return got.length === want.length && got.every((v, i) => v === want[i]);
}

/**
 * Reads a typed number: plain or scientific notation, a fraction such as `45/1024`, a
 * percentage, or a number followed by its unit. Undefined when it is not a number.
 */
export function parseNumber(input: string, unit?: string): number | undefined {
  const s = input
    .trim()
    .replace(/,(?=\d{3}\b)/g, '')
    .replace(/\s+/g, ' ');
  const m = /^([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?)(?:\s*\/\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?))?\s*(%)?(?:\s*[a-zA-Zµ°²³/ ]+)?$/i.exec(s);
  if (!m) return undefined;
  let v = Number(m[1]);
  if (m[2] !== undefined) v /= Number(m[2]);
  // "84%" is 0.84, unless the question itself is asked in percent.
  if (m[3] && unit !== '%') v /= 100;
  return Number.isFinite(v) ? v : undefined;
}

export function checkNumeric(q: Question, value: number): boolean {
  // A hair of slack so that 0.1 + 0.2 style float noise never fails an exact answer.
  return Math.abs(value - (q.value ?? NaN)) <= (q.tolerance ?? 0) + 1e-9 * Math.max(1, Math.abs(q.value ?? 0));
}
