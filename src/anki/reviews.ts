import { ID_PATTERN } from '../bank/limits.js';
import { inTimeOrder, nextCard } from '../engine/schedule.js';
import { emptyProgress, LATEST, type Progress, type Review, type StoredCard } from '../progress/schema.js';
import { questionOfGuid } from './note.js';
import type { AnkiCollection } from './read.js';
import { MAX_TIME, REVLOG } from './schedule.js';

/** Every review brought from Anki carries this session: the same review imported twice is one review. */
export const ANKI_SESSION = 'anki-import';

export interface AnkiReviews {
  /** The reviews that `mine` lacks, alone in a history, ready for mergeProgress. */
  incoming: Progress;
  /**
   * Answers that `mine` has already: imported before, or mlquiz's own reviews exported
   * with --with-progress and back again. A review is known by its question and its time
   * to the millisecond, which the revlog id keeps.
   */
  known: number;
  /** Revlog entries that record no answer: a card rescheduled, reset or moved by hand. */
  skipped: number;
  /** Notes that mlquiz exported, and those it did not (those can become a bank with `mlquiz import`). */
  notes: { mlquiz: number; other: number };
}

/** Questions of the mlquiz notes by card id. */
function questionsByCard(col: AnkiCollection): { byCard: Map<number, string>; mlquiz: number } {
  const byNote = new Map<number, string>();
  for (const n of col.notes) {
    const q = questionOfGuid(n.guid);
    if (q && ID_PATTERN.test(q)) byNote.set(n.id, q);
  }
  const byCard = new Map<number, string>();
  for (const c of col.cards) {
    const q = byNote.get(c.nid);
    if (q !== undefined) byCard.set(c.id, q);
  }
  return { byCard, mlquiz: byNote.size };
}

/**
 * A revlog id is unique in Anki, so an export moves a review that shares its millisecond
 * with another by a millisecond or a few (see revlogRows): such a review is known too.
 */
const SHIFT_MS = 8;
function isKnown(own: Set<string>, question: string, id: number): boolean {
  for (let d = 0; d <= SHIFT_MS; d++) if (own.has(`${question}|${id - d}`)) return true;
  return false;
}

/**
 * Pure: the answers given in Anki to the notes mlquiz exported, as mlquiz reviews that
 * join `mine`. A review keeps its time (the revlog id), rating (ease) and time taken;
 * no key points were ticked in Anki. With `states`, each review's state before it is
 * found by replaying, in time order, the question's reviews in `mine` and those
 * arriving; a count alone (a preview) can do without.
 */
export function reviewsFromAnki(col: AnkiCollection, mine: Progress, states = true): AnkiReviews {
  const { byCard, mlquiz } = questionsByCard(col);
  const own = new Set(mine.reviews.map((r) => `${r.question}|${Date.parse(r.at)}`));
  const seen = new Set<string>();
  const fresh: Review[] = [];
  let known = 0;
  let skipped = 0;
  for (const e of col.revlog) {
    const question = byCard.get(e.cid);
    if (question === undefined) continue;
    const answered = e.ease >= 1 && e.ease <= 4 && e.type !== REVLOG.manual && e.type !== REVLOG.rescheduled;
    // A time the progress file can hold (from 1970 to 2999); a package can claim any.
    if (!answered || !Number.isSafeInteger(e.id) || e.id < 0 || e.id >= LATEST) {
      skipped++;
      continue;
    }
    if (isKnown(own, question, e.id) || seen.has(`${question}|${e.id}`)) {
      known++;
      continue;
    }
    seen.add(`${question}|${e.id}`);
    const duration = Number.isFinite(e.time) ? Math.min(MAX_TIME, Math.max(0, Math.round(e.time))) : 0;
    fresh.push({ question, at: new Date(e.id).toISOString(), rating: e.ease, state: 0, covered: [], total: 0, duration_ms: duration, session: ANKI_SESSION });
  }
  if (states) withStates(fresh, mine.reviews);
  return { incoming: { ...emptyProgress(), reviews: fresh }, known, skipped, notes: { mlquiz, other: col.notes.length - mlquiz } };
}

/** Sets each arriving review's state to its card's state just before it, among all the question's reviews. */
function withStates(fresh: Review[], known: readonly Review[]): void {
  const touched = new Set(fresh.map((r) => r.question));
  const arriving = new Set(fresh);
  const cards = new Map<string, StoredCard>();
  for (const r of inTimeOrder([...known.filter((r) => touched.has(r.question)), ...fresh])) {
    const before = cards.get(r.question);
    if (arriving.has(r)) r.state = before?.state ?? 0;
    cards.set(r.question, nextCard(before, new Date(r.at), r.rating as 1 | 2 | 3 | 4));
  }
}
