import type { Review, StoredCard } from '../progress/schema.js';
import type { Scheduling } from '../progress/store.js';
import { inTimeOrder, nextCard, SchedulerFault } from './schedule.js';

/**
 * Pure: every card rebuilt from the review log alone. Scheduling has no fuzz, so the
 * same reviews always give the same cards; reviews are taken in time order (ties in
 * log order), as they were made.
 */
export function replayCards(reviews: readonly Review[]): Record<string, StoredCard> {
  const cards: Record<string, StoredCard> = {};
  for (const r of inTimeOrder(reviews)) {
    const at = new Date(r.at);
    const rating = r.rating as 1 | 2 | 3 | 4;
    try {
      cards[r.question] = nextCard(cards[r.question], at, rating);
    } catch (e) {
      if (!(e instanceof SchedulerFault)) throw e;
      // As when the answer was recorded (applyReview): a card the scheduler refuses starts afresh.
      cards[r.question] = nextCard(undefined, at, rating);
    }
  }
  return cards;
}

/** Cards as FSRS with its default parameters schedules them (fitted parameters are an input of their own). */
export const fsrsScheduling = (): Scheduling => DEFAULT_SCHEDULING;
const DEFAULT_SCHEDULING: Scheduling = { key: 'fsrs-default', replay: replayCards };
