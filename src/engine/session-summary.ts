import type { Question } from '../bank/types.js';
import type { Progress, Review } from '../progress/schema.js';
import { dayNumber, dayString, type Offset } from './days.js';
import { RATING_LABELS, type Rating } from './rating.js';
import { reviewMiss, weakestTags, type TagWeakness } from './tag-weakness.js';

export interface SessionSummary {
  answered: number;
  ratings: Record<string, number>;
  duration_ms: number;
  /** The session's weakest tag (tag-weakness), when some answer of the session was missed. */
  weakestTag?: TagWeakness & { /** The session asked this tag alone, so "practise this tag" would repeat it. */ focused: boolean };
  /** The next local days on which questions of the loaded banks fall due, up to three (overdue counts today). */
  nextDue: { date: string; count: number }[];
}

/** Pure: what to say at the end of a session; days are local days, as in the report's forecast. */
export function summariseSession(
  reviews: readonly Review[],
  questions: readonly Question[],
  progress: Progress,
  now: Date,
  offset: Offset,
  focus: readonly string[] = [],
): SessionSummary {
  const ratings: Record<string, number> = Object.fromEntries(Object.values(RATING_LABELS).map((l) => [l, 0]));
  const tagsOf = new Map(questions.map((q) => [q.id, q.tags]));
  for (const r of reviews) ratings[RATING_LABELS[r.rating as Rating]]!++;
  const [weakest] = weakestTags(reviews.map((r) => ({ tags: tagsOf.get(r.question) ?? [], miss: reviewMiss(r.rating) })));
  const weakestTag = weakest && { ...weakest, focused: focus.length === 1 && focus[0] === weakest.tag };
  const today = dayNumber(now.getTime(), offset);
  const days = new Map<number, number>();
  for (const q of questions) {
    const card = progress.cards[q.id];
    if (!card) continue;
    const day = Math.max(today, dayNumber(Date.parse(card.due), offset));
    days.set(day, (days.get(day) ?? 0) + 1);
  }
  const nextDue = [...days]
    .sort(([a], [b]) => a - b)
    .slice(0, 3)
    .map(([day, count]) => ({ date: dayString(day), count }));
  const out: SessionSummary = { answered: reviews.length, ratings, duration_ms: reviews.reduce((a, r) => a + r.duration_ms, 0), nextDue };
  if (weakestTag) out.weakestTag = weakestTag;
  return out;
}
