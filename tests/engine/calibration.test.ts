import { default_w } from 'ts-fsrs';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRecallCache, recallCacheFile, writeRecallCache } from '../../src/cli/recall-cache.js';
import { calibration, calibrationOf, DESIRED_RETENTION } from '../../src/engine/calibration.js';
import { createRng } from '../../src/engine/rng.js';
import { DEFAULT_SCHEDULING, inTimeOrder, nextCard, retrievability, type Scheduling } from '../../src/engine/schedule.js';
import { predictedRecalls, traceRecalls } from '../../src/engine/recall-trace.js';
import type { Review, StoredCard } from '../../src/progress/schema.js';
import { days, NOW } from './fixtures.js';

/**
 * A seeded learner over `questions` questions for `span` days, who answers each review when
 * it falls due and recalls it with probability `recall(predicted)`.
 */
function learner(recall: (p: number) => number, seed: string, questions = 200, span = 300): Review[] {
  const rng = createRng(seed);
  const out: Review[] = [];
  const cards = new Map<string, StoredCard>();
  for (let d = -span; d < 0; d++) {
    const now = new Date(days(d).getTime() + 3_600_000);
    for (let q = 0; q < questions; q++) {
      const id = `q${q}`;
      const card = cards.get(id);
      if (card ? Date.parse(card.due) > now.getTime() : q > (d + span) * 2) continue;
      const p = card ? retrievability(card, now) : 0;
      const rating = card ? (rng() < recall(p) ? 3 : 1) : 3;
      cards.set(id, nextCard(card, now, rating));
      out.push({ question: id, at: now.toISOString(), rating, state: card?.state ?? 0, covered: [], total: 0, duration_ms: 1000, session: 's' });
    }
  }
  return out;
}

describe('calibration: the scheduler against the person', () => {
  it('a learner who recalls as FSRS predicts is well calibrated', () => {
    const k = calibration(
      learner((p) => p, 'honest'),
      NOW,
    );
    expect(k.reviews).toBeGreaterThan(500);
    expect(k.bins.reduce((a, b) => a + b.reviews, 0)).toBe(k.reviews);
    expect(k.rmse_bins!).toBeLessThan(0.05);
    expect(k.recent.desired).toBe(DESIRED_RETENTION);
    expect(k.recent.retention!).toBeGreaterThan(0.8);
  });

  it('a learner who forgets far more than predicted shows the gap in every bin and in recent retention', () => {
    const k = calibration(
      learner((p) => p / 2, 'forgetful'),
      NOW,
    );
    expect(k.rmse_bins!).toBeGreaterThan(0.3);
    for (const b of k.bins.filter((x) => x.reviews >= 20)) expect(b.actual).toBeLessThan(b.predicted - 0.2);
    expect(k.recent.retention!).toBeLessThan(0.6);
    expect(k.log_loss!).toBeGreaterThan(
      calibration(
        learner((p) => p, 'honest'),
        NOW,
      ).log_loss!,
    );
  });

  it('counts only reviews of questions seen before, and the recent figure only in its window', () => {
    const r = (question: string, day: number, rating: number): Review => ({
      question,
      at: days(day).toISOString(),
      rating,
      state: 0,
      covered: [],
      total: 0,
      duration_ms: 1,
      session: 's',
    });
    const k = calibration([r('a', -60, 3), r('a', -50, 1), r('b', -5, 3), r('a', -4, 3)], NOW);
    expect(k.reviews).toBe(2);
    expect(k.recent).toMatchObject({ days: 30, reviews: 1, retention: 1 });
    expect(calibration([], NOW)).toMatchObject({ reviews: 0, bins: [], rmse_bins: null, log_loss: null, recent: { reviews: 0, retention: null } });
  });
});

describe('predictedRecalls, the fast path calibration uses', () => {
  it('gives exactly the recall a full replay through nextCard and retrievability gives', () => {
    const reviews = learner((p) => p * 0.9, 'replay', 60, 160);
    // A review logged out of order and one from a clock that ran ahead, as real logs have.
    reviews.splice(10, 0, { ...reviews[40]!, at: new Date(Date.parse(reviews[40]!.at) + 5 * 86_400_000).toISOString() });
    const order = reviews.map((r, i) => ({ r, i })).sort((a, b) => Date.parse(a.r.at) - Date.parse(b.r.at) || a.i - b.i);
    const cards = new Map<string, StoredCard>();
    const expected: number[] = [];
    for (const { r } of order) {
      const before = cards.get(r.question);
      if (before) expected.push(retrievability(before, new Date(r.at)));
      cards.set(r.question, nextCard(before, new Date(r.at), r.rating as 1 | 2 | 3 | 4));
    }
    const fast = predictedRecalls(reviews).map((x) => x.predicted);
    expect(fast).toHaveLength(expected.length);
    for (let i = 0; i < fast.length; i++) expect(Math.abs(fast[i]! - expected[i]!), `review ${i}`).toBeLessThan(1e-12);
  });
});

/** Parameters other than the defaults, as `mlquiz optimize` would store. */
const FITTED = default_w.map((w, i) => (i < 4 ? w / 2 : w));

describe('a recall trace carried on between runs', () => {
  const withIds = (rs: Review[]) => rs.map((r, i) => ({ ...r, id: `r${String(i).padStart(6, '0')}` }));
  const plain = (t: ReturnType<typeof traceRecalls>) => ({
    ...t,
    points: { at: Array.from(t.points.at), predicted: Array.from(t.points.predicted), recalled: Array.from(t.points.recalled) },
  });

  it('carried on over new reviews gives the trace made from the start; one that does not fit is made afresh', () => {
    const log = inTimeOrder(withIds(learner((p) => p, 'trace', 40, 200)));
    const cut = Math.floor(log.length * 0.7);
    const whole = traceRecalls(log);
    const early = traceRecalls(log.slice(0, cut));
    expect(early.count).toBe(cut);
    expect(early.points.at.length).toBeGreaterThan(50);
    // Carried on over the rest: the same numbers, to the last bit.
    expect(plain(traceRecalls(log, DEFAULT_SCHEDULING, early))).toEqual(plain(whole));
    // A late review sorted in before the end of the earlier trace: it no longer fits.
    const late = { ...log[cut - 5]!, id: 'late', at: new Date(Date.parse(log[Math.floor(cut / 2)]!.at) + 1000).toISOString() };
    const withLate = inTimeOrder([...log, late]);
    expect(plain(traceRecalls(withLate, DEFAULT_SCHEDULING, early))).toEqual(plain(traceRecalls(withLate)));
    // Another scheduling: other memory, made afresh.
    const other: Scheduling = { ...DEFAULT_SCHEDULING, params: FITTED };
    expect(plain(traceRecalls(log, other, early))).toEqual(plain(traceRecalls(log, other)));
    // And calibration from a carried-on trace is calibration of the log.
    expect(calibrationOf(traceRecalls(log, DEFAULT_SCHEDULING, early), NOW, 30, DEFAULT_SCHEDULING.retention)).toEqual(calibration(log, NOW));
  });

  it('kept in the cache folder, reads back as it was written; a damaged file is ignored', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mlq-trace-'));
    const file = recallCacheFile(dir, '/some/data');
    const t = traceRecalls(inTimeOrder(withIds(learner((p) => p, 'cache', 10, 60))));
    writeRecallCache(file, t);
    expect(plain(readRecallCache(file)!)).toEqual(plain(t));
    const doc = JSON.parse(readFileSync(file, 'utf8'));
    for (const harm of [
      (d: any) => (d.points.predicted = 'AAAA'),
      (d: any) => (d.memory.q0 = [1, 2]),
      (d: any) => (d.count = -1),
      (d: any) => (d.format = 1),
    ]) {
      const copy = structuredClone(doc);
      harm(copy);
      writeFileSync(file, JSON.stringify(copy));
      expect(readRecallCache(file)).toBeUndefined();
    }
  });
});
