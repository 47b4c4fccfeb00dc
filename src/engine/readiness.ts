import type { Question } from '../bank/types.js';
import { byText } from '../format/compare.js';
import type { Progress } from '../progress/schema.js';
import { paramsOf, retrievability } from './schedule.js';

export interface TagReadiness {
  tag: string;
  questions: number;
  introduced: number;
  /** Mean predicted recall of the tag's questions, in [0, 1]. */
  readiness: number;
}

export interface Readiness {
  /** The instant recall is predicted for. */
  at: string;
  questions: number;
  introduced: number;
  /** Mean predicted recall over every question of the scope, in [0, 1]. */
  overall: number;
  /** Lowest readiness first. */
  tags: TagReadiness[];
}

/**
 * Readiness, the one definition: the FSRS probability of recalling each question of the
 * scope at `at` (the morning of the interview) if no review happened before then, a
 * question never answered counting 0; averaged per tag and over the whole scope.
 */
export function readiness(scope: readonly Question[], progress: Progress, at: Date): Readiness {
  const byTag = new Map<string, TagReadiness>();
  let sum = 0;
  let introduced = 0;
  for (const q of scope) {
    const card = progress.cards[q.id];
    const r = retrievability(card, at, paramsOf(progress));
    sum += r;
    if (card) introduced++;
    for (const tag of q.tags) {
      const t = byTag.get(tag) ?? { tag, questions: 0, introduced: 0, readiness: 0 };
      t.questions++;
      if (card) t.introduced++;
      t.readiness += r;
      byTag.set(tag, t);
    }
  }
  const tags = [...byTag.values()]
    .map((t) => ({ ...t, readiness: t.readiness / t.questions }))
    .sort((a, b) => a.readiness - b.readiness || byText(a.tag, b.tag));
  return { at: at.toISOString(), questions: scope.length, introduced, overall: scope.length ? sum / scope.length : 0, tags };
}
