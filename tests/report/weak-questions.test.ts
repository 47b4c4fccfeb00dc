import { describe, expect, it } from 'vitest';
import type { Rating } from '../../src/engine/rating.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { buildReport } from '../../src/report/build.js';
import { UTC } from '../../src/engine/days.js';
import { weakness } from '../../src/report/weak-questions.js';
import { makeQuestion, review } from './fixtures.js';

const NOW = new Date('2026-11-21T09:00:00Z');

/** Reviews one question with the given ratings, each on the day it falls due (at least a day apart). */
function drill(p: Progress, id: string, ratings: Rating[], start = '2026-09-01T10:00:00Z', extra: { durationMs?: number; budgetMs?: number } = {}): Progress {
  let t = Date.parse(start);
  for (const r of ratings) {
    p = review(p, id, new Date(t).toISOString(), r, extra);
    t = Math.max(t + 86_400_000, Date.parse(p.cards[id]!.due));
  }
  return p;
}

describe('leeches', () => {
  const qs = ['both', 'lapses', 'again', 'fine', 'once'].map((id) => makeQuestion(id, ['t']));
  let p = emptyProgress();
  p = drill(p, 'both', [3, 1, 3, 1, 3, 1, 3, 1]);
  p = drill(p, 'lapses', [3, 1, 3, 1, 3, 1, 3, 1, 3, 3, 3]);
  p = drill(p, 'again', [1, 1, 1]);
  p = drill(p, 'fine', [3, 3, 1, 3, 3]);
  p = drill(p, 'once', [3, 1, 3, 1, 3, 1, 3]);
  const r = buildReport(qs, p, { now: NOW, offset: UTC });

  it('are questions with 4 lapses, or Again in 3 of the last 5 reviews', () => {
    expect(r.leeches.map((l) => [l.id, l.lapses, l.recent_again])).toEqual([
      ['both', 4, 3],
      ['lapses', 4, 1],
      ['again', 2, 3],
    ]);
    expect(r.leeches[0]?.reason).toBe('4 lapses, Again in 3 of the last 5');
    expect(r.leeches[1]?.reason).toBe('4 lapses');
    expect(r.leeches[2]?.reason).toBe('Again in 3 of the last 3');
  });

  it('are left out of the weakest list, which has the rest', () => {
    expect(r.weakest.map((w) => w.id).sort()).toEqual(['fine', 'once']);
  });

  it('are in what to do next as one run of their ids, after the reviews due now', () => {
    const commands = r.next.map((n) => n.command);
    expect(commands).toContain('mlquiz run --id both --id lapses --id again');
    expect(commands.indexOf('mlquiz run')).toBe(0);
  });
});

describe('weakest', () => {
  it('orders by forgetting, then lapses, then slowness against the time budget', () => {
    expect(weakness(0.5, 0, null)).toBeCloseTo(0.5);
    expect(weakness(0.5, 2, null)).toBeCloseTo(0.7);
    expect(weakness(0.5, 9, null)).toBeCloseTo(1.0);
    expect(weakness(0.5, 0, 2)).toBeCloseTo(0.75);
    expect(weakness(0.5, 0, 10)).toBeCloseTo(1.0);
    expect(weakness(0.5, 0, 0.5)).toBeCloseTo(0.5);
    // Again is in the recall (0 after Again, see recallNow), so it adds nothing of its own.
    expect(weakness(0, 0, null, 1)).toBeCloseTo(1);
    expect(weakness(1, 0, null, 2)).toBeCloseTo(0.25);
  });

  it('counts a question rated Hard or Again just now as weak, though FSRS puts its recall near 100%', () => {
    const qs = [makeQuestion('hard', ['t']), makeQuestion('good', ['t']), makeQuestion('again', ['t'])];
    let p = review(emptyProgress(), 'hard', '2026-11-21T08:59:00Z', 2);
    p = review(p, 'good', '2026-11-21T08:59:00Z', 3);
    p = review(p, 'again', '2026-11-21T08:59:00Z', 1);
    const r = buildReport(qs, p, { now: NOW, offset: UTC });
    expect(r.weakest.map((w) => [w.id, w.retrievability, w.reasons])).toEqual([
      ['again', 0, ['recall 0%', 'last: Again']],
      ['hard', 1, ['recall 100%', 'last: Hard']],
    ]);
  });

  it("measures slowness against the recorded budget, or the question's own when none was recorded", () => {
    const qs = [
      makeQuestion('quick', ['t']),
      makeQuestion('slow', ['t']),
      makeQuestion('slow-old', ['t'], { difficulty: 'easy' }),
      makeQuestion('unseen', ['t']),
    ];
    let p = emptyProgress();
    p = review(p, 'quick', '2026-11-20T10:00:00Z', 3, { durationMs: 60_000, budgetMs: 180_000 });
    p = review(p, 'slow', '2026-11-20T10:00:00Z', 3, { durationMs: 540_000, budgetMs: 180_000 });
    // No budget_ms in the log: an easy question's own budget is 90 s, so 180 s is twice over.
    p = review(p, 'slow-old', '2026-11-20T10:00:00Z', 3, { durationMs: 180_000 });
    const r = buildReport(qs, p, { now: NOW, offset: UTC });
    // 'quick' was right, in time and is still remembered: nothing weak, so not listed.
    expect(r.weakest.map((w) => [w.id, w.slowness])).toEqual([
      ['slow', 3],
      ['slow-old', 2],
    ]);
    expect(r.weakest[0]?.reasons).toContain('3.0× its time');
    expect(r.weakest[0]).toMatchObject({
      id: 'slow',
      prompt: 'Prompt of slow?',
      tags: ['t'],
      lapses: 0,
      reviews: 1,
      last_rating: 3,
      last_review: '2026-11-20T10:00:00.000Z',
    });
  });

  it('keeps at most ten', () => {
    const qs = Array.from({ length: 14 }, (_, i) => makeQuestion(`q${i}`, ['t']));
    let p = emptyProgress();
    for (const q of qs) p = review(p, q.id, '2026-11-01T10:00:00Z', 2);
    expect(buildReport(qs, p, { now: NOW, offset: UTC }).weakest).toHaveLength(10);
  });
});
