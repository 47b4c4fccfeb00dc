import { describe, expect, it } from 'vitest';
import { mergeProgress } from '../../src/engine/merge.js';
import { replayCards } from '../../src/engine/replay.js';
import { applyReview, openSession } from '../../src/engine/review.js';
import type { Rating } from '../../src/engine/rating.js';
import { createRng } from '../../src/engine/rng.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { days } from './fixtures.js';

/** One machine's history: `n` seeded reviews from day `from` on, over questions q0..q5. */
function machine(name: string, from: number, n: number, base: Progress = emptyProgress()): Progress {
  const rng = createRng(name);
  let p: Progress = { ...base, sessions: [...base.sessions, openSession('run', days(from), name, [], {})] };
  const session = p.sessions.at(-1)!.id;
  for (let i = 0; i < n; i++)
    p = applyReview(p, {
      question: `q${Math.floor(rng() * 6)}`,
      rating: (1 + Math.floor(rng() * 4)) as Rating,
      now: new Date(days(from + i).getTime() + Math.floor(rng() * 3_600_000)),
      covered: [],
      total: 2,
      durationMs: 1000 + i,
      session,
    });
  return p;
}

describe('merging two histories (mlquiz merge)', () => {
  const shared = machine('shared', 0, 6);
  const laptop = machine('laptop', 7, 9, shared);
  const desktop = machine('desktop', 8, 7, shared);

  it('joins the reviews, each once, in time order, and rebuilds the cards as one machine would have them', () => {
    const { progress, added, known } = mergeProgress(laptop, desktop);
    expect(added).toEqual({ reviews: 7, sessions: 1 });
    expect(known).toBe(6);
    expect(progress.reviews).toHaveLength(6 + 9 + 7);
    const times = progress.reviews.map((r) => Date.parse(r.at));
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(progress.cards).toEqual(replayCards(progress.reviews));
    expect(progress.sessions.map((s) => s.seed).sort()).toEqual(['desktop', 'laptop', 'shared']);
  });

  it('is idempotent: merging the same history again adds nothing and changes nothing', () => {
    const once = mergeProgress(laptop, desktop).progress;
    const twice = mergeProgress(once, desktop);
    expect(twice.added).toEqual({ reviews: 0, sessions: 0 });
    expect(twice.progress).toEqual(once);
    expect(mergeProgress(once, once).added).toEqual({ reviews: 0, sessions: 0 });
  });

  it('gives both machines the same reviews and cards, whichever side merges', () => {
    const a = mergeProgress(laptop, desktop).progress;
    const b = mergeProgress(desktop, laptop).progress;
    expect(b.reviews).toEqual(a.reviews);
    expect(b.cards).toEqual(a.cards);
  });

  it('keeps its own goal, or takes the other side’s when it has none', () => {
    const goal = { date: '2026-12-20', tags: [], minutes: 30, set_at: days(0).toISOString() };
    expect(mergeProgress(laptop, { ...desktop, goal }).progress.goal).toEqual(goal);
    expect(mergeProgress({ ...laptop, goal }, desktop).progress.goal).toEqual(goal);
  });
});
