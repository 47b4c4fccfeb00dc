import { further } from '../progress/fold.js';
import { byText } from '../format/compare.js';
import { idOf } from '../progress/review-id.js';
import type { Progress, Review } from '../progress/schema.js';
import { replayCards } from './replay.js';
import { inTimeOrder } from './schedule.js';

export interface MergeResult {
  progress: Progress;
  /** Reviews and sessions the other history had that this one did not. */
  added: { reviews: number; sessions: number };
  /** Reviews of the other history already here (a copied file, a backup merged twice). */
  known: number;
  /** Questions whose card was rebuilt from the joined review log. */
  rebuilt: number;
}

/**
 * Pure: `other` folded into `mine`. Reviews are joined (each counted once however often it
 * arrives) in time order; the card of every question that gained a review is rebuilt by
 * replaying its reviews, so it is what one machine would have had after all of them;
 * sessions are joined by id; the goal of `mine` stays, else the other's. Merging the same
 * history twice changes nothing the second time.
 */
export function mergeProgress(mine: Progress, other: Progress): MergeResult {
  const seen = new Set(mine.reviews.map(idOf));
  const fresh: Review[] = [];
  for (const r of other.reviews) {
    const k = idOf(r);
    if (seen.has(k)) continue;
    seen.add(k);
    fresh.push(r);
  }
  const sessions = new Map(mine.sessions.map((s) => [s.id, s]));
  let addedSessions = 0;
  for (const s of other.sessions) {
    const have = sessions.get(s.id);
    if (!have) addedSessions++;
    sessions.set(s.id, have ? further(have, s) : s);
  }
  // Untouched when nothing arrives, so merging a history twice leaves the file as it was.
  const reviews = !fresh.length ? mine.reviews : inTimeOrder([...mine.reviews, ...fresh]);
  const touched = new Set(fresh.map((r) => r.question));
  const cards = { ...mine.cards };
  if (touched.size) {
    const replayed = replayCards(reviews.filter((r) => touched.has(r.question)));
    for (const q of touched) cards[q] = replayed[q]!;
  }
  const goal = mine.goal ?? other.goal;
  const progress: Progress = {
    version: mine.version,
    ...(goal && { goal }),
    cards,
    reviews,
    sessions: [...sessions.values()].sort((a, b) => byText(a.started_at, b.started_at)),
  };
  return { progress, added: { reviews: fresh.length, sessions: addedSessions }, known: other.reviews.length - fresh.length, rebuilt: touched.size };
}
