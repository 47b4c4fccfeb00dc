import type { Question } from '../bank/types.js';
import { byText } from '../format/compare.js';
import { isDue } from '../engine/schedule.js';
import { paramsOf } from '../engine/schedule.js';
import type { Progress } from '../progress/schema.js';
import { lastRatings, recallNow } from './recall.js';

export interface TagMastery {
  tag: string;
  count: number;
  seen: number;
  /** Seen questions due now (at this instant, overdue included), as in the report's totals. */
  due: number;
  /** Mean recall now (recallNow) over the tag's questions, unseen counting as 0, in [0, 1]. */
  mastery: number;
}

/**
 * Mastery rises only by learning all of a tag: a tag of 20 questions with 2 known
 * perfectly is at 10%, however well those two are known.
 */
export function tagMastery(
  questions: readonly Question[],
  progress: Progress,
  now: Date,
  last: ReadonlyMap<string, number> = lastRatings(progress.reviews),
): TagMastery[] {
  const byTag = new Map<string, TagMastery>();
  for (const q of questions) {
    const card = progress.cards[q.id];
    const r = recallNow(card, last.get(q.id), now, paramsOf(progress));
    for (const tag of q.tags) {
      const t = byTag.get(tag) ?? { tag, count: 0, seen: 0, due: 0, mastery: 0 };
      t.count++;
      if (card) {
        t.seen++;
        if (isDue(card, now)) t.due++;
      }
      t.mastery += r;
      byTag.set(tag, t);
    }
  }
  return [...byTag.values()].map((t) => ({ ...t, mastery: t.count ? t.mastery / t.count : 0 })).sort((a, b) => byText(a.tag, b.tag));
}
