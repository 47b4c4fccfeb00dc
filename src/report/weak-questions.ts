import type { Question } from '../bank/types.js';
import { byText } from '../format/compare.js';
import { budgetMs } from '../engine/rating.js';
import { paramsOf } from '../engine/schedule.js';
import type { Progress, Review } from '../progress/schema.js';
import type { Leech, WeakQuestion } from './types.js';
import { plural } from '../format/plural.js';
import { percent, recallNow, round } from './recall.js';

/** What the report needs of one question's reviews, gathered in one pass over the log. */
export interface History {
  reviews: number;
  /** Ratings of the last five reviews, oldest first. */
  recent: number[];
  /** Answer time over budget for the last three reviews that have one, oldest first. */
  ratios: number[];
  last: Review;
}

export const LEECH_LAPSES = 4;
export const LEECH_AGAIN = { of: 5, atLeast: 3 } as const;
export const WEAKEST_COUNT = 10;
/** Recall below this is weak in itself. */
export const RECALL_WEAK = 0.9;

/** The log is in commit order, which is the order answers were graded. */
export function histories(reviews: readonly Review[], questions: ReadonlyMap<string, Question>): Map<string, History> {
  const out = new Map<string, History>();
  // From the latest back: a question's last review comes first and its few recent ones
  // fill in front, so that most reviews are only counted.
  for (let i = reviews.length - 1; i >= 0; i--) {
    const r = reviews[i]!;
    const q = questions.get(r.question);
    if (!q) continue;
    let h = out.get(r.question);
    if (!h) out.set(r.question, (h = { reviews: 0, recent: [], ratios: [], last: r }));
    h.reviews++;
    if (h.recent.length < LEECH_AGAIN.of) h.recent.unshift(r.rating);
    // Older reviews may lack budget_ms; the question's budget today stands in.
    if (h.ratios.length < 3) h.ratios.unshift(r.duration_ms / (r.budget_ms ?? budgetMs(q)));
  }
  return out;
}

/**
 * A leech is failed again and again: at least 4 lapses (a question once learned, then
 * forgotten, four times), or Again in at least 3 of its last 5 reviews (which also catches
 * a question that was never learned in the first place, as FSRS counts no lapse there).
 */
export function findLeeches(questions: readonly Question[], progress: Progress, hist: ReadonlyMap<string, History>): Leech[] {
  const out: Leech[] = [];
  for (const q of questions) {
    const card = progress.cards[q.id];
    const h = hist.get(q.id);
    if (!card || !h) continue;
    const again = h.recent.filter((r) => r === 1).length;
    const byLapses = card.lapses >= LEECH_LAPSES;
    const byAgain = again >= LEECH_AGAIN.atLeast;
    if (!byLapses && !byAgain) continue;
    const reasons = [byLapses && `${card.lapses} lapses`, byAgain && `Again in ${again} of the last ${h.recent.length}`].filter(Boolean);
    out.push({ id: q.id, prompt: q.prompt, tags: q.tags, lapses: card.lapses, recent_again: again, reviews: h.reviews, reason: reasons.join(', ') });
  }
  return out.sort((a, b) => b.lapses - a.lapses || b.recent_again - a.recent_again || byText(a.id, b.id));
}

/**
 * How weak a seen question is, higher is weaker: forgetting dominates (1 − recall now, up
 * to 1; a question last rated Again has recall 0, see recallNow), then a last rating of
 * Hard (0.25: just after a review FSRS puts recall near 100% whatever the rating),
 * lapses (0.1 each, up to 0.5), and slowness (0.25 per budget over, up to 0.5 at three
 * times the budget), because an answer right but far too slow still fails an interview.
 */
export function weakness(r: number, lapses: number, slowness: number | null, lastRating = 3): number {
  const last = lastRating === 2 ? 0.25 : 0;
  return 1 - r + last + 0.1 * Math.min(lapses, 5) + 0.25 * Math.min(2, Math.max(0, (slowness ?? 0) - 1));
}

export function findWeakest(
  questions: readonly Question[],
  progress: Progress,
  hist: ReadonlyMap<string, History>,
  leeches: ReadonlySet<string>,
  now: Date,
  count = WEAKEST_COUNT,
): WeakQuestion[] {
  const out: WeakQuestion[] = [];
  for (const q of questions) {
    const card = progress.cards[q.id];
    const h = hist.get(q.id);
    // Leeches have their own list; this one is for what is merely weak.
    if (!card || !h || card.reps === 0 || leeches.has(q.id)) continue;
    // Rounded once: the reasons, the JSON and both renderers all show this number.
    const r = round(recallNow(card, h.last.rating, now, paramsOf(progress)));
    const slowness = h.ratios.length ? round(h.ratios.reduce((a, b) => a + b, 0) / h.ratios.length, 2) : null;
    const weak: string[] = [];
    if (card.lapses > 0) weak.push(`${plural(card.lapses, 'lapse')}`);
    if (slowness !== null && slowness > 1) weak.push(`${slowness.toFixed(1)}× its time`);
    if (h.last.rating <= 2) weak.push(`last: ${h.last.rating === 1 ? 'Again' : 'Hard'}`);
    // A question with nothing weak about it does not belong on this list, however short it is.
    if (r >= RECALL_WEAK && !weak.length) continue;
    // Recall always comes first, so that every view shows it, weak or not.
    const reasons = [`recall ${percent(r)}`, ...weak];
    out.push({
      id: q.id,
      prompt: q.prompt,
      tags: q.tags,
      retrievability: r,
      lapses: card.lapses,
      reviews: h.reviews,
      slowness,
      last_rating: h.last.rating,
      last_review: h.last.at,
      due: card.due,
      weakness: round(weakness(r, card.lapses, slowness, h.last.rating)),
      reasons,
    });
  }
  return out.sort((a, b) => b.weakness - a.weakness || byText(a.id, b.id)).slice(0, count);
}
