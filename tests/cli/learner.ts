// A learner whose memory follows FSRS-6 with known, non-default parameters, practising
// on the scheduler's default intervals: the history an optimizer should learn them back from.
import { default_w, fsrs, generatorParameters } from 'ts-fsrs';
import type { Rating } from '../../src/engine/rating.js';
import { applyReview } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import type { Offset } from '../../src/engine/days.js';

const DAY_MS = 86_400_000;

/** Memory far weaker than the defaults assume: first stabilities a third, forgetting steeper. */
export const TRUE_PARAMS = default_w.map((w, i) => (i < 4 ? w / 3 : i === 20 ? 0.5 : w));

export function learnerHistory(o: { questions: number; days: number; seed: string; end: Date; days_offset: Offset; perDay?: number }): Progress {
  const rng = createRng(o.seed);
  const truth = fsrs(generatorParameters({ w: TRUE_PARAMS, enable_short_term: false }));
  const memory = new Map<string, { s: number; d: number; day: number }>();
  let p = emptyProgress();
  let introduced = 0;
  const start = o.end.getTime() - o.days * DAY_MS;
  for (let day = 0; day < o.days; day++) {
    // Evenings at 20:00 UTC give or take two hours.
    const t0 = start + day * DAY_MS + 20 * 3_600_000 + Math.floor((rng() - 0.5) * 4 * 3_600_000);
    const due = Object.entries(p.cards)
      .filter(([, c]) => Date.parse(c.due) <= t0)
      .map(([id]) => id);
    const fresh = Array.from({ length: Math.min(o.perDay ?? 5, o.questions - introduced) }, () => `q-${introduced++}`);
    let t = t0;
    for (const id of [...due, ...fresh]) {
      t += 60_000;
      const m = memory.get(id);
      const elapsed = m ? day - m.day : 0;
      const recalled = m ? rng() < truth.forgetting_curve(elapsed, m.s) : rng() < 0.7;
      const u = rng();
      const rating = (recalled ? (u < 0.15 ? 2 : u < 0.9 ? 3 : 4) : 1) as Rating;
      const next = truth.next_state(m ? { stability: m.s, difficulty: m.d } : null, elapsed, rating);
      memory.set(id, { s: next.stability, d: next.difficulty, day });
      p = applyReview(p, { question: id, rating, now: new Date(t), covered: [], total: 1, durationMs: 30_000, session: `run-${day}`, days: o.days_offset });
    }
  }
  return p;
}
