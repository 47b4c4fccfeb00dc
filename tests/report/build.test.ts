import { describe, expect, it } from 'vitest';
import { buildReport } from '../../src/report/build.js';
import { UTC } from '../../src/engine/days.js';
import { emptyProgress, type Progress, type StoredCard } from '../../src/progress/schema.js';
import { upsertSession } from '../../src/engine/review.js';
import { makeQuestion, mockSession, review } from './fixtures.js';

const NOW = new Date('2026-11-21T09:00:00Z'); // a Saturday
const QS = [makeQuestion('a', ['x']), makeQuestion('b', ['x', 'y']), makeQuestion('c', ['y']), makeQuestion('d', ['z'])];

/** a: first seen 19 Nov, then Good, then Again; b: one Again; c: two reviews in October; d: unseen. */
function history(): Progress {
  let p = emptyProgress();
  p = review(p, 'c', '2026-10-01T10:00:00Z', 3);
  p = review(p, 'c', '2026-10-02T10:00:00Z', 2);
  p = review(p, 'a', '2026-11-19T10:00:00Z', 3);
  p = review(p, 'a', '2026-11-20T10:00:00Z', 3);
  p = review(p, 'b', '2026-11-20T11:00:00Z', 1);
  p = review(p, 'a', '2026-11-21T08:00:00Z', 1);
  return p;
}

const card = (due: string): StoredCard => ({
  due,
  stability: 5,
  difficulty: 5,
  elapsed_days: 0,
  scheduled_days: 5,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: '2026-11-01T00:00:00Z',
});

describe('buildReport totals', () => {
  it('counts seen, reviews, days, streak and retention over the last 30 days', () => {
    const r = buildReport(QS, history(), { now: NOW, offset: UTC });
    expect(r.today).toBe('2026-11-21');
    expect(r.totals).toMatchObject({
      questions: 4,
      seen: 3,
      reviews: 6,
      days_practised: 5,
      streak: { current: 3, longest: 3, practised_today: true },
      first_review: '2026-10-01T10:00:00.000Z',
      last_review: '2026-11-21T08:00:00.000Z',
    });
    // Repeat reviews since 23 Oct: a Good on the 20th, a Again on the 21st. The October
    // Hard is outside the window, and first reviews never count.
    expect(r.totals.retention).toEqual({ rate: 0.5, reviews: 2, remembered: 1, from: '2026-10-23', to: '2026-11-21' });
  });

  it('has no retention rate without repeat reviews, and a first-day report on empty progress', () => {
    const r = buildReport(QS, emptyProgress(), { now: NOW, offset: UTC });
    expect(r.totals.retention.rate).toBeNull();
    expect(r.totals).toMatchObject({ questions: 4, seen: 0, reviews: 0, days_practised: 0, due_now: 0, first_review: null });
    expect(r.tags.map((t) => [t.tag, t.mastery])).toEqual([
      ['x', 0],
      ['y', 0],
      ['z', 0],
    ]);
    expect(r.weakest).toEqual([]);
    expect(r.leeches).toEqual([]);
    expect(r.activity.max).toBe(0);
    expect(r.mocks).toEqual({ rounds: [], best: null, latest: null, change: null });
    expect(r.next).toEqual([{ command: 'mlquiz run', reason: expect.stringMatching(/No reviews yet/) }]);
  });

  it('a --since window moves the retention window and the activity window', () => {
    const r = buildReport(QS, history(), { now: NOW, offset: UTC, since: '2026-10-02' });
    expect(r.totals.retention).toMatchObject({ rate: 0.333, reviews: 3, remembered: 1, from: '2026-10-02' });
    expect(r.activity.from).toBe('2026-10-02');
    expect(r.totals.window).toEqual({ from: '2026-10-02', to: '2026-11-21', reviews: 5, days_practised: 4 });
  });

  it('a --tag filter narrows the rows and the reviews counted', () => {
    const p = history();
    const r = buildReport(
      QS.filter((q) => q.tags.includes('y')),
      p,
      { now: NOW, offset: UTC, tags: ['y'] },
    );
    expect(r.tags.map((t) => t.tag)).toEqual(['y']);
    expect(r.totals).toMatchObject({ questions: 2, seen: 2, reviews: 3, days_practised: 3 });
    expect(r.next[0]?.command).toMatch(/^mlquiz run( --tag y)?/);
  });
});

describe('buildReport activity', () => {
  it('covers 12 whole weeks from a Monday, with levels by quarters of the busiest day', () => {
    const r = buildReport(QS, history(), { now: NOW, offset: UTC });
    expect(r.activity.from).toBe('2026-08-31');
    expect(r.activity.to).toBe('2026-11-21');
    expect(r.activity.days).toHaveLength(83);
    expect(r.activity.max).toBe(2);
    const at = (d: string) => r.activity.days.find((x) => x.date === d);
    expect(at('2026-11-20')).toEqual({ date: '2026-11-20', reviews: 2, level: 4 });
    expect(at('2026-11-19')).toEqual({ date: '2026-11-19', reviews: 1, level: 2 });
    expect(at('2026-10-01')).toEqual({ date: '2026-10-01', reviews: 1, level: 2 });
    expect(at('2026-11-18')?.level).toBe(0);
  });

  it('puts a review on the local day it was made', () => {
    let p = emptyProgress();
    p = review(p, 'a', '2026-11-21T03:00:00Z', 3);
    const ny = buildReport(QS, p, { now: NOW, offset: () => 300 });
    expect(ny.activity.days.find((d) => d.reviews > 0)?.date).toBe('2026-11-20');
    expect(ny.totals.streak).toEqual({ current: 1, longest: 1, practised_today: false });
  });
});

describe('buildReport forecast', () => {
  it('buckets due cards by local day for 14 days, overdue ones into today', () => {
    const p: Progress = {
      ...emptyProgress(),
      cards: {
        a: card('2026-11-10T09:00:00Z'),
        b: card('2026-11-21T20:00:00Z'),
        c: card('2026-11-22T09:00:00Z'),
        d: card('2026-12-04T09:00:00Z'),
        gone: card('2026-11-21T09:00:00Z'),
      },
    };
    const r = buildReport(QS, p, { now: NOW, offset: UTC });
    expect(r.due.overdue).toBe(1);
    expect(r.due.days).toHaveLength(14);
    expect(r.due.days[0]).toEqual({ date: '2026-11-21', reviews: 2 });
    expect(r.due.days[1]).toEqual({ date: '2026-11-22', reviews: 1 });
    expect(r.due.days[13]).toEqual({ date: '2026-12-04', reviews: 1 });
    expect(r.due.days.reduce((a, d) => a + d.reviews, 0)).toBe(4);
    // The card of a question no longer in any bank is not due for anything.
    expect(r.totals.due_now).toBe(1);
    const late = buildReport(QS, { ...p, cards: { c: card('2026-11-22T03:00:00Z') } }, { now: NOW, offset: () => 300 });
    expect(late.due.days[0]?.reviews).toBe(1);
  });
});

describe('buildReport mocks', () => {
  const withMocks = () => {
    let p = history();
    p = upsertSession(p, mockSession('m2', '2026-11-10T18:00:00Z', 80));
    p = upsertSession(p, mockSession('m1', '2026-11-01T18:00:00Z', 60));
    p = upsertSession(p, mockSession('m3', '2026-11-15T18:00:00Z', null, 'abandoned'));
    p = upsertSession(p, mockSession('m4', '2026-11-20T18:00:00Z', 70));
    p = upsertSession(p, { ...mockSession('r1', '2026-11-20T10:00:00Z', null), kind: 'run' });
    return p;
  };

  it('lists rounds in time order with the best, the latest and the change', () => {
    const m = buildReport(QS, withMocks(), { now: NOW, offset: UTC }).mocks;
    expect(m.rounds.map((r) => [r.id, r.score, r.status])).toEqual([
      ['m1', 60, 'finished'],
      ['m2', 80, 'finished'],
      ['m3', null, 'abandoned'],
      ['m4', 70, 'finished'],
    ]);
    expect(m.best?.id).toBe('m2');
    expect(m.latest?.id).toBe('m4');
    expect(m.change).toBe(-10);
    expect(m.rounds[0]).toMatchObject({ date: '2026-11-01', questions: 2, answered: 2, minutes: 30 });
  });

  it('keeps to the --since window', () => {
    const m = buildReport(QS, withMocks(), { now: NOW, offset: UTC, since: '2026-11-05' }).mocks;
    expect(m.rounds.map((r) => r.id)).toEqual(['m2', 'm3', 'm4']);
    expect(m.change).toBe(-10);
  });
});
