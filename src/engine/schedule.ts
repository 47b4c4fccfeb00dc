import { createEmptyCard, fsrs, generatorParameters, type Card, type Grade } from 'ts-fsrs';
import type { StoredCard } from '../progress/schema.js';
import type { Rating } from './grade.js';

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

/** The card after a review with the given rating at `now`. */
export function nextCard(before: StoredCard | undefined, now: Date, rating: Rating): StoredCard {
  const card = before ? toCard(before) : createEmptyCard(now);
  return toStored(scheduler.next(card, now, rating as Grade).card);
}

/** Probability of recall at `now` (0 for a question never reviewed). */
export function retrievability(card: StoredCard | undefined, now: Date): number {
  if (!card || card.reps === 0) return 0;
  return scheduler.get_retrievability(toCard(card), now, false);
}

export function isDue(card: StoredCard, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}
