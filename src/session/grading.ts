import type { Question } from '../bank/types.js';
import type { Attempt } from '../engine/answer-check.js';
import { allowedRatings, isSlow, suggestRating, type Graded, type Outcome, type Rating } from '../engine/rating.js';
import { QUIT, type Prompter, type Quit } from './prompter.js';

/**
 * From a revealed answer to a rating: the key points ticked (open questions), then the
 * rating the engine suggests and allows, asked of the person. A wrong, unknown or
 * timed-out auto-graded answer is Again without asking. The prompter only asks and shows.
 */
export async function gradeAnswer(prompter: Prompter, q: Question, a: Attempt, timing: { durationMs: number; budgetMs: number }): Promise<Graded | Quit> {
  let covered: number[] = [];
  let coverage: number;
  if (a.correct === undefined) {
    if (q.self_rated) prompter.info('No key points for this question (self-rated): compare your answer with the model answer and rate it.');
    covered = q.key_points.length ? await prompter.tickKeyPoints(q) : [];
    coverage = q.key_points.length ? covered.length / q.key_points.length : 1;
  } else {
    coverage = a.correct ? 1 : 0;
    if (q.key_points.length) {
      prompter.showKeyPoints(q);
      covered = a.correct ? q.key_points.map((_, i) => i) : [];
    }
  }
  if (a.correct === false) {
    prompter.info('Recorded as Again: a wrong answer comes back soon.');
    return { rating: 1, covered, coverage };
  }
  const outcome: Outcome = { coverage, durationMs: timing.durationMs, budgetMs: timing.budgetMs };
  if (a.correct !== undefined) outcome.correct = a.correct;
  if (isSlow(timing.durationMs, timing.budgetMs) && coverage >= 1)
    prompter.warn(`Right, but it took ${Math.round(timing.durationMs / 1000)} s against a budget of ${Math.round(timing.budgetMs / 1000)} s: rated as weak.`);
  const rating = await prompter.rate({
    message: a.correct !== undefined ? 'How sure were you?' : 'How did it go?',
    // Without key points a quick answer says nothing about its coverage: Easy is the person's call, never the suggestion.
    suggested: q.self_rated ? (Math.min(suggestRating(outcome), 3) as Rating) : suggestRating(outcome),
    allowed: allowedRatings(outcome),
  });
  return rating === QUIT ? QUIT : { rating, covered, coverage };
}
