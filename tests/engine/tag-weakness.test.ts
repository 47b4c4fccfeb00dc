import { describe, expect, it } from 'vitest';
import { mockHistory } from '../../src/engine/mock-history.js';
import { PRIOR_WEAKNESS, reviewMiss, tagWeaknesses, weakestTags } from '../../src/engine/tag-weakness.js';
import type { Session } from '../../src/progress/schema.js';

describe('tag weakness: the one rule for every "weak tag" mlquiz names', () => {
  it('is the share of misses with a prior of one miss and one hit', () => {
    const w = tagWeaknesses([
      { tags: ['stats'], miss: 1 },
      { tags: ['stats', 'cnn'], miss: 0 },
      { tags: ['cnn'], miss: 0.5 },
    ]);
    expect(w.get('stats')).toEqual({ tag: 'stats', missed: 1, answers: 2, weakness: 2 / 4 });
    expect(w.get('cnn')).toEqual({ tag: 'cnn', missed: 0.5, answers: 2, weakness: 1.5 / 4 });
    expect(w.has('trees')).toBe(false);
    expect(PRIOR_WEAKNESS).toBe(0.5);
  });

  it('misses are Again and Hard', () => {
    expect([1, 2, 3, 4].map(reviewMiss)).toEqual([1, 1, 0, 0]);
  });

  it('names only tags with a miss, weakest first; one bad answer does not outrank a record of misses', () => {
    const outcomes = [
      { tags: ['once'], miss: 1 },
      ...Array.from({ length: 8 }, (_, i) => ({ tags: ['often'], miss: i < 6 ? 1 : 0 })),
      { tags: ['fine'], miss: 0 },
    ];
    expect(weakestTags(outcomes).map((w) => w.tag)).toEqual(['often', 'once']);
    expect(weakestTags(outcomes, 1)).toHaveLength(1);
  });
});

describe('mock history: the one definition the scorecard and the report share', () => {
  const round = (id: string, at: string, score: number | null, status = 'finished'): Session =>
    ({ id, kind: 'mock', started_at: at, status, score, questions: [], answered: 0 }) as unknown as Session;

  it('counts finished scored rounds, oldest first; best is the highest (earlier on a tie); change is latest minus previous', () => {
    const h = mockHistory([
      round('c', '2026-11-03T10:00:00Z', 70),
      round('a', '2026-11-01T10:00:00Z', 70),
      round('x', '2026-11-04T10:00:00Z', null, 'abandoned'),
      round('d', '2026-11-05T10:00:00Z', 62),
    ]);
    expect(h.rounds.map((r) => r.id)).toEqual(['a', 'c', 'd']);
    expect(h.best?.id).toBe('a');
    expect([h.latest?.id, h.previous?.id, h.change]).toEqual(['d', 'c', -8]);
    expect(mockHistory([]).change).toBeNull();
  });
});
