import type { Progress, Review, StoredCard } from '../progress/schema.js';
import type { CardReplay } from '../progress/store.js';
import type { Offset } from './days.js';
import type { Rating } from './rating.js';
import { DEFAULT_SCHEDULING, inTimeOrder, nextCardOrAfresh, schedulingKey, schedulingOf, type Scheduling } from './schedule.js';

/**
 * Pure: every card rebuilt from the review log alone. Scheduling has no fuzz, so the
 * same reviews always give the same cards; reviews are taken in time order (ties in
 * log order), as they were made.
 */
export function replayCards(reviews: readonly Review[], s: Scheduling = DEFAULT_SCHEDULING): Record<string, StoredCard> {
  const cards: Record<string, StoredCard> = {};
  for (const r of inTimeOrder(reviews)) cards[r.question] = stepCard(cards[r.question], r, s);
  return cards;
}

/** The card after one more review, as when the answer was recorded (applyReview). */
export function stepCard(card: StoredCard | undefined, r: Review, s: Scheduling = DEFAULT_SCHEDULING): StoredCard {
  return nextCardOrAfresh(card, new Date(r.at), r.rating as Rating, s);
}

/**
 * How the store replays cards under the settings in force: the fitted parameters and the
 * retention of `fsrs`, on the person's days. The key names all of it, so a snapshot of
 * cards made otherwise (other parameters, another day start or time zone) is not reused;
 * the days are told apart by their offsets at a few fixed instants.
 */
export function cardReplay(days: Offset): (settings: Readonly<Record<string, unknown>>) => CardReplay {
  return (settings) => {
    const s = schedulingOf(settings as Pick<Progress, 'fsrs'>, days);
    return {
      key: schedulingKey(s),
      replay: (reviews) => replayCards(reviews, s),
      step: (card, r) => stepCard(card, r, s),
    };
  };
}
