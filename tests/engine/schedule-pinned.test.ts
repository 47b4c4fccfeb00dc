import { describe, expect, it } from 'vitest';
import { replayCards } from '../../src/engine/replay.js';
import { applyReview } from '../../src/engine/review.js';
import { nextCard } from '../../src/engine/schedule.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { simulate } from '../report/fixtures.js';
import { q } from './fixtures.js';

/*
 * Regression fences in the manner of ts-fsrs' own tests: a fixed review sequence and
 * the cards it gives, written out literally. A change of library version, parameters or
 * options that moves any schedule fails here first, by name.
 */
const SEQUENCE = [
  ['2026-01-05T09:00:00.000Z', 3],
  ['2026-01-08T20:00:00.000Z', 3],
  ['2026-01-20T07:30:00.000Z', 1],
  ['2026-01-21T09:00:00.000Z', 2],
  ['2026-01-25T09:00:00.000Z', 4],
] as const;

const PINNED = [
  {
    due: '2026-01-08T09:00:00.000Z',
    stability: 2.3065,
    difficulty: 2.11810397,
    elapsed_days: 0,
    scheduled_days: 3,
    learning_steps: 0,
    reps: 1,
    lapses: 0,
    state: 2,
    last_review: '2026-01-05T09:00:00.000Z',
  },
  {
    due: '2026-01-22T20:00:00.000Z',
    stability: 13.82690327,
    difficulty: 2.11121424,
    elapsed_days: 3,
    scheduled_days: 14,
    learning_steps: 0,
    reps: 2,
    lapses: 0,
    state: 2,
    last_review: '2026-01-08T20:00:00.000Z',
  },
  {
    due: '2026-01-22T07:30:00.000Z',
    stability: 1.69731698,
    difficulty: 7.39223814,
    elapsed_days: 12,
    scheduled_days: 2,
    learning_steps: 0,
    reps: 3,
    lapses: 1,
    state: 2,
    last_review: '2026-01-20T07:30:00.000Z',
  },
  {
    due: '2026-01-24T09:00:00.000Z',
    stability: 2.91475199,
    difficulty: 8.25407453,
    elapsed_days: 1,
    scheduled_days: 3,
    learning_steps: 0,
    reps: 4,
    lapses: 1,
    state: 2,
    last_review: '2026-01-21T09:00:00.000Z',
  },
  {
    due: '2026-02-05T09:00:00.000Z',
    stability: 11.31675088,
    difficulty: 7.65589596,
    elapsed_days: 4,
    scheduled_days: 11,
    learning_steps: 0,
    reps: 5,
    lapses: 1,
    state: 2,
    last_review: '2026-01-25T09:00:00.000Z',
  },
];

describe('pinned schedule', () => {
  it('Good, Good, Again, Hard, Easy gives these cards and due dates, exactly', () => {
    let card;
    const cards = [];
    for (const [at, rating] of SEQUENCE) cards.push((card = nextCard(card, new Date(at), rating)));
    expect(cards).toEqual(PINNED);
  });

  it('the same sequence through applyReview stores the same card and records each state before it', () => {
    let p: Progress = emptyProgress();
    for (const [at, rating] of SEQUENCE) p = applyReview(p, { question: 'pin', rating, now: new Date(at), covered: [], total: 2, durationMs: 1, session: 's' });
    expect(p.cards.pin).toEqual(PINNED.at(-1));
    expect(p.reviews.map((r) => r.state)).toEqual([0, 2, 2, 2, 2]);
  });
});

describe('replay', () => {
  it('replaying the stored reviews rebuilds every stored card (a simulated history of 3,000 reviews)', () => {
    const questions = Array.from({ length: 120 }, (_, i) => q(`q-${i}`));
    const progress = simulate({ questions, reviews: 3000, perDay: 25, end: new Date('2026-11-21T09:00:00.000Z'), seed: 'replay' });
    expect(progress.reviews).toHaveLength(3000);
    expect(replayCards(progress.reviews)).toEqual(progress.cards);
  });

  it('takes reviews in time order, whatever order the log holds them in', () => {
    let p: Progress = emptyProgress();
    for (const [at, rating] of SEQUENCE) p = applyReview(p, { question: 'pin', rating, now: new Date(at), covered: [], total: 2, durationMs: 1, session: 's' });
    expect(replayCards([...p.reviews].reverse())).toEqual({ pin: PINNED.at(-1) });
  });
});
