import { inTimeOrder, nextCard } from '../engine/schedule.js';
import type { Review, StoredCard } from '../progress/schema.js';

export const DAY_MS = 86_400_000;

/** Anki's card types and queues (rslib/src/card/mod.rs). */
export const CARD_NEW = 0;
export const CARD_REVIEW = 2;
/** Anki's revlog kinds: learning, review, relearning, filtered, manual, rescheduled. */
export const REVLOG = { learn: 0, review: 1, relearn: 2, filtered: 3, manual: 4, rescheduled: 5 } as const;

export interface CardSchedule {
  type: number;
  queue: number;
  /** A review card's due day, counted from the collection's creation day; a new card's position. */
  due: number;
  ivl: number;
  reps: number;
  lapses: number;
  /** The FSRS memory state as Anki 23.10+ keeps it in cards.data (rslib/src/storage/card/data.rs). */
  data: string;
}

export interface RevlogRow {
  id: number;
  ease: number;
  ivl: number;
  lastIvl: number;
  time: number;
  type: number;
}

/** ts-fsrs states 0 New, 1 Learning, 2 Review, 3 Relearning as Anki's revlog kinds. */
const KIND_OF_STATE = [REVLOG.learn, REVLOG.learn, REVLOG.review, REVLOG.relearn];
/** Anki keeps a revlog's time as a 32-bit count of milliseconds. */
export const MAX_TIME = 2 ** 31 - 1;

const round = (v: number, places: number) => Math.round(v * 10 ** places) / 10 ** places;

/**
 * Pure: a card as Anki schedules it. mlquiz schedules in whole days, so every card it
 * has reviewed is a review card in Anki (mlquiz has no same-day learning steps); its
 * due day and interval are the card's own, and its FSRS stability and difficulty go
 * into cards.data, rounded as Anki rounds them, so FSRS carries on from them.
 */
export function cardSchedule(card: StoredCard | undefined, position: number, crtMs: number): CardSchedule {
  if (!card || card.reps === 0) return { type: CARD_NEW, queue: CARD_NEW, due: position, ivl: 0, reps: 0, lapses: 0, data: '{}' };
  const data: Record<string, number> = { s: round(card.stability, 4), d: round(card.difficulty, 3) };
  if (card.last_review) data.lrt = Math.floor(Date.parse(card.last_review) / 1000);
  return {
    type: CARD_REVIEW,
    queue: CARD_REVIEW,
    due: Math.floor((Date.parse(card.due) - crtMs) / DAY_MS),
    ivl: Math.max(1, Math.round(card.scheduled_days)),
    reps: card.reps,
    lapses: card.lapses,
    data: JSON.stringify(data),
  };
}

/**
 * Pure: one question's reviews as revlog rows, each with the interval the review set.
 * A revlog id is the review's time in milliseconds, Anki's own key: reviews exported
 * twice are one review to Anki, and `import-anki` knows them again by their time.
 * `taken` holds ids already used by other cards (ids are unique across the revlog).
 */
export function revlogRows(reviews: readonly Review[], taken: Set<number>): RevlogRow[] {
  const rows: RevlogRow[] = [];
  let card: StoredCard | undefined;
  let lastIvl = 0;
  for (const r of inTimeOrder(reviews)) {
    card = nextCard(card, new Date(r.at), r.rating as 1 | 2 | 3 | 4);
    let id = Date.parse(r.at);
    while (taken.has(id)) id++;
    taken.add(id);
    const ivl = Math.max(1, Math.round(card.scheduled_days));
    rows.push({ id, ease: r.rating, ivl, lastIvl, time: Math.min(MAX_TIME, r.duration_ms), type: KIND_OF_STATE[r.state] ?? REVLOG.review });
    lastIvl = ivl;
  }
  return rows;
}
