import type { Question } from '../bank/types.js';
import { createRng } from './rng.js';

/**
 * The order in which a choice question's options are shown this time: a seeded shuffle,
 * so that letter positions cannot be learnt across reviews, yet the same seed shows the
 * same order. Answers are always recorded in the bank's indices. Identity for other types.
 */
export function choiceOrder(q: Pick<Question, 'id' | 'type' | 'choices'>, seed: string): number[] {
  const n = q.type === 'choice' ? (q.choices?.length ?? 0) : 0;
  const order = Array.from({ length: n }, (_, i) => i);
  const rng = createRng(`${seed}|${q.id}`);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}
