import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.js';
import { isReview } from '../../src/progress/review-check.js';
import { fromColumns, toColumns } from '../../src/progress/review-columns.js';
import type { Review } from '../../src/progress/schema.js';

/** Reviews of every shape the schema allows: with and without id, correct and budget, covered lists of any order. */
function reviews(seed: string, n: number, idWidth?: number): Review[] {
  const rng = createRng(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rng() * xs.length)]!;
  const out: Review[] = [];
  for (let i = 0; i < n; i++) {
    const r: Review = {
      question: pick(['l1-vs-l2', 'bias-variance', 'attention']),
      at: rng() < 0.1 ? '2026-01-01T10:00:00+01:00' : new Date(1.7e12 + i * 60_000).toISOString(),
      rating: pick([1, 2, 3, 4]),
      state: pick([0, 1, 2, 3]),
      covered: pick([[], [0], [0, 2], [2, 0], [1, 1], [31], [0, 29]]),
      total: pick([0, 3, 40]),
      duration_ms: pick([0, 1, 90_000, 2 ** 40]),
      session: pick(['run-a', 'mock-b']),
    };
    const width = idWidth ?? pick([0, 16, 12]);
    if (width) r.id = `${i}`.padStart(width, 'x');
    if (rng() < 0.3) r.correct = rng() < 0.5;
    if (rng() < 0.5) r.budget_ms = pick([1, 180_000]);
    out.push(r);
  }
  return out;
}

describe('the review log in columns', () => {
  it('reads back every review as it was, whether its ids and instants pack into one string or not', () => {
    for (const [seed, width] of [
      ['mixed', undefined],
      ['one-width', 16],
    ] as const) {
      const log = reviews(seed, 400, width);
      const back = fromColumns(JSON.parse(JSON.stringify(toColumns(log))));
      expect(back).toEqual(log);
      expect(back!.every(isReview)).toBe(true);
    }
    expect(fromColumns(toColumns([]))).toEqual([]);
  });

  it('refuses columns that are not what toColumns writes', () => {
    // Canonical instants throughout, so that they pack.
    const log = reviews('harm', 20, 16).map((r, i) => ({ ...r, at: new Date(1.7e12 + i * 1000).toISOString() }));
    const good = () => JSON.parse(JSON.stringify(toColumns(log)));
    const harms: ((c: any) => void)[] = [
      (c) => (c.rating[3] = 5),
      (c) => (c.state[0] = -1),
      (c) => (c.question[1] = 3),
      (c) => (c.session[1] = 2.5),
      (c) => (c.covered[2] = -4),
      (c) => (c.covered[2] = [1, -1]),
      (c) => (c.correct[0] = 2),
      (c) => (c.budget_ms[0] = -1),
      (c) => (c.total[0] = 'x'),
      (c) => c.duration_ms.pop(),
      (c) => (c.questions[0] = 'Not A Slug'),
      (c) => (c.sessions[0] = ''),
      (c) => (c.at = { width: 24, text: c.at.text.replace('T', ' ') }),
      (c) => (c.at = { width: 24, text: c.at.text.slice(1) }),
      (c) => (c.id = { width: 16, text: c.id.text.replace(/x/, '!') }),
      (c) => (c.id = ['x']),
    ];
    for (const harm of harms) {
      const c = good();
      harm(c);
      expect(fromColumns(c), harm.toString()).toBeUndefined();
    }
    expect(fromColumns(good())).toHaveLength(20);
  });
});
