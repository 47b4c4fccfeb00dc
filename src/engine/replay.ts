import type { Review, StoredCard } from '../progress/schema.js';
import { DEFAULT_SCHEDULING, inTimeOrder, nextCard, type Scheduling } from './schedule.js';

/**
 * Pure: every card rebuilt from the review log alone. Scheduling has no fuzz, so the
 * same reviews always give the same cards; reviews are taken in time order (ties in
 * log order), as they were made.
 */
export function replayCards(reviews: readonly Review[], s: Scheduling = DEFAULT_SCHEDULING): Record<string, StoredCard> {
  const cards: Record<string, StoredCard> = {};
  for (const r of inTimeOrder(reviews)) cards[r.question] = nextCard(cards[r.question], new Date(r.at), r.rating as 1 | 2 | 3 | 4, s);
  return cards;
}
