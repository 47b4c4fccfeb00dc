import { createEmptyCard, dateDiffInDays, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import type { Review, StoredCard } from '../progress/schema.js';
import { inTimeOrder } from '../progress/time-order.js';
import type { Rating } from './rating.js';

/**
 * Whole days only: these are long spoken answers, so same-day learning steps would
 * only nag. No fuzz, so that the same history always gives the same schedule.
 */
const scheduler = fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false }));

export function toCard(s: StoredCard): Card {
  const card: Card = { ...s, due: new Date(s.due), last_review: s.last_review ? new Date(s.last_review) : undefined } as Card;
  if (!s.last_review) delete card.last_review;
  return card;
}

export function toStored(c: Card): StoredCard {
  const out: StoredCard = {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) out.last_review = c.last_review.toISOString();
  return out;
}

/**
 * A card whose last review lies after `now` (a clock that was ahead, a file from a
 * machine with a fast clock) is read as reviewed just now: elapsed time is never negative.
 */
function clamped(s: StoredCard, now: Date): Card {
  const card = toCard(s);
  if (card.last_review && card.last_review.getTime() > now.getTime()) card.last_review = new Date(now);
  return card;
}

/** The scheduler refused a card; the review itself is still good. */
export class SchedulerFault extends Error {}

/** The card after a review with the given rating at `now`. */
export function nextCard(before: StoredCard | undefined, now: Date, rating: Rating): StoredCard {
  const card = before ? clamped(before, now) : createEmptyCard(now);
  try {
    const next = toStored(scheduler.next(card, now, rating as Grade).card);
    if (!Number.isFinite(Date.parse(next.due)) || !Number.isFinite(next.stability) || !Number.isFinite(next.difficulty))
      throw new Error('the result is not a finite schedule');
    return next;
  } catch (e) {
    throw new SchedulerFault((e as Error).message);
  }
}

/** Probability of recall at `now` (0 for a question never reviewed), always within [0, 1]. */
export function retrievability(card: StoredCard | undefined, now: Date): number {
  if (!card || card.reps === 0) return 0;
  try {
    const r = scheduler.get_retrievability(clamped(card, now), now, false);
    return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
  } catch {
    return 0;
  }
}

export function isDue(card: StoredCard, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

export { inTimeOrder } from '../progress/time-order.js';

/**
 * The recall the scheduler predicted before each review of a question it had seen, for
 * the whole log in time order: `retrievability` of the card as `nextCard` would have left
 * it, computed on FSRS's memory state alone (stability and difficulty, the part of a card
 * that decides recall). A full replay builds dates and intervals too and takes ten times
 * as long: a second over 100,000 reviews. A test holds the two to the same numbers.
 */
export function predictedRecalls(reviews: readonly Review[]): { at: number; predicted: number; recalled: boolean }[] {
  const memory = new Map<string, { difficulty: number; stability: number; last: number }>();
  const out: { at: number; predicted: number; recalled: boolean }[] = [];
  for (const r of inTimeOrder(reviews)) {
    const t = Date.parse(r.at);
    const m = memory.get(r.question);
    // As `retrievability` reads it (ts-fsrs' get_retrievability: whole days elapsed, stability to 8 places).
    if (m)
      out.push({
        at: t,
        predicted: scheduler.forgetting_curve(Math.max(0, Math.floor((t - m.last) / 86_400_000)), +m.stability.toFixed(8)),
        recalled: r.rating > 1,
      });
    // As the scheduler steps it: calendar days between reviews, as ts-fsrs' next counts them.
    const elapsed = m ? Math.max(0, dateDiffInDays(new Date(Math.min(m.last, t)), new Date(t))) : 0;
    let next;
    try {
      next = scheduler.next_state(m ? { difficulty: m.difficulty, stability: m.stability } : null, elapsed, r.rating);
    } catch {
      // As when the answer was recorded: a card the scheduler refuses starts afresh.
      next = scheduler.next_state(null, 0, r.rating);
    }
    memory.set(r.question, { ...next, last: t });
  }
  return out;
}
