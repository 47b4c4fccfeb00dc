import { describe, expect, it } from 'vitest';
import { allowedRatings, budgetMs, suggestRating } from '../../src/engine/rating.js';
import { checkChoice, checkNumeric, parseNumber } from '../../src/engine/answer-check.js';
import { filterQuestions } from '../../src/engine/filter.js';
import { pickSession, tagWeakness } from '../../src/engine/pick.js';
import { applyReview } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { retrievability } from '../../src/engine/schedule.js';
import { emptyProgress, schemas, type Progress } from '../../src/progress/schema.js';
import { days, NOW, q } from './fixtures.js';

const review = (p: Progress, id: string, rating: 1 | 2 | 3 | 4, at = NOW) =>
  applyReview(p, { question: id, rating, now: at, covered: [], total: 2, durationMs: 1000, session: 's' });

describe('rng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng('42');
    const b = createRng('42');
    const c = createRng('43');
    const xs = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(xs);
    expect(c()).not.toBe(xs[0]);
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe('scheduling', () => {
  it('schedules in whole days, never the same day, and records the card state before each review', () => {
    let p = review(emptyProgress(), 'a', 1);
    expect(Date.parse(p.cards.a!.due) - NOW.getTime()).toBeGreaterThanOrEqual(86_400_000);
    expect(p.cards.a!.scheduled_days % 1).toBe(0);
    p = review(p, 'a', 3, days(2));
    expect(p.reviews[0]!.state).toBe(0); // New: a first review
    expect(p.reviews[1]!.state).toBe(2); // Review: whole days, no learning steps
    expect(schemas().progressSchema.safeParse(p).success).toBe(true);
  });

  it('Good pushes the next review further out than Hard', () => {
    const good = review(emptyProgress(), 'a', 3).cards.a!;
    const hard = review(emptyProgress(), 'a', 2).cards.a!;
    expect(Date.parse(good.due)).toBeGreaterThan(Date.parse(hard.due));
  });

  it('retrievability is 0 for an unseen question and falls with time', () => {
    const card = review(emptyProgress(), 'a', 3).cards.a!;
    expect(retrievability(undefined, NOW)).toBe(0);
    expect(retrievability(card, days(1))).toBeGreaterThan(retrievability(card, days(30)));
  });
});

describe('picking', () => {
  const bank = Array.from({ length: 30 }, (_, i) => q(`q${i}`, { tags: [i < 15 ? 'cnn' : 'rnn'] }));

  it('the same banks, progress, seed and clock give the same session', () => {
    const ids = (seed: string) => pickSession(bank, emptyProgress(), { count: 10, now: NOW, rng: createRng(seed) }).map((c) => c.question.id);
    expect(ids('s1')).toEqual(ids('s1'));
    expect(ids('s1')).not.toEqual(ids('s2'));
  });

  it('puts due questions first, lowest retrievability first, and mixes new ones in (2 due : 1 new)', () => {
    let p = emptyProgress();
    for (const id of ['q0', 'q1', 'q2', 'q3']) p = review(p, id, 3, days(-40));
    p = review(p, 'q4', 3, days(-1)); // seen yesterday: not due yet
    const picks = pickSession(bank, p, { count: 7, now: NOW, rng: createRng(1) });
    expect(picks.map((c) => c.kind)).toEqual(['due', 'due', 'new', 'due', 'due', 'new', 'new']);
    expect(picks.slice(0, 2).every((c) => c.retrievability <= picks[3]!.retrievability + 1e-9)).toBe(true);
    expect(picks.some((c) => c.question.id === 'q4')).toBe(false);
  });

  it('reviews ahead of time only when nothing due or new is left', () => {
    let p = emptyProgress();
    for (const x of bank.slice(0, 3)) p = review(p, x.id, 3);
    const picks = pickSession(bank.slice(0, 3), p, { count: 5, now: NOW, rng: createRng(1) });
    expect(picks.map((c) => c.kind)).toEqual(['ahead', 'ahead', 'ahead']);
  });

  it('weights weak tags up: new questions of a tag rated Again come first', () => {
    let p = emptyProgress();
    for (let i = 0; i < 4; i++) p = review(p, `q${i}`, 1, days(-1)); // cnn answered badly
    for (let i = 15; i < 19; i++) p = review(p, `q${i}`, 4, days(-1)); // rnn answered well
    const weakness = tagWeakness(bank, p, NOW);
    expect(weakness.get('cnn')).toBeGreaterThan(weakness.get('rnn')!);
    const fresh = pickSession(
      bank.filter((x) => !p.cards[x.id]),
      p,
      { count: 10, now: NOW, rng: createRng(3), all: bank },
    );
    expect(fresh.filter((c) => c.question.tags.includes('cnn'))).toHaveLength(10);
  });

  it('filters by any of the tags, deck (name or file) and difficulty', () => {
    const qs = [q('a', { tags: ['x'], difficulty: 'easy' }), q('b', { tags: ['y'], deck: 'Deep', file: 'dir/deep.yaml' }), q('c', { tags: ['z'] })];
    expect(filterQuestions(qs, { tags: ['x', 'Y'] }).map((x) => x.id)).toEqual(['a', 'b']);
    expect(filterQuestions(qs, { deck: 'deep' }).map((x) => x.id)).toEqual(['b']);
    expect(filterQuestions(qs, { difficulty: 'easy' }).map((x) => x.id)).toEqual(['a']);
  });
});

describe('grading', () => {
  const base = { durationMs: 100_000, budgetMs: 180_000 };
  it('a partly covered answer is Hard or Again, never Good', () => {
    expect(suggestRating({ ...base, coverage: 1 })).toBe(3);
    expect(suggestRating({ ...base, coverage: 0.75 })).toBe(2);
    expect(suggestRating({ ...base, coverage: 0.25 })).toBe(1);
    expect(allowedRatings({ ...base, coverage: 0.75 })).toEqual([1, 2]);
    expect(allowedRatings({ ...base, coverage: 1 })).toEqual([1, 2, 3, 4]);
  });

  it('a right answer far over its time budget is still weak', () => {
    expect(suggestRating({ coverage: 1, durationMs: 400_000, budgetMs: 180_000 })).toBe(2);
    expect(suggestRating({ coverage: 1, correct: true, durationMs: 10_000, budgetMs: 90_000 })).toBe(4);
  });

  it('a wrong auto-graded answer can only be Again', () => {
    expect(suggestRating({ ...base, coverage: 0, correct: false })).toBe(1);
    expect(allowedRatings({ ...base, coverage: 0, correct: false })).toEqual([1]);
  });

  it('checks choices as sets and numbers within tolerance', () => {
    const multi = q('m', { type: 'choice', choices: ['a', 'b', 'c'], correct: [0, 2] });
    expect(checkChoice(multi, [2, 0])).toBe(true);
    expect(checkChoice(multi, [0])).toBe(false);
    const num = q('n', { type: 'numeric', value: 0.0439, tolerance: 0.001 });
    expect(checkNumeric(num, 0.044)).toBe(true);
    expect(checkNumeric(num, 0.046)).toBe(false);
    expect(checkNumeric(q('e', { type: 'numeric', value: 0.3, tolerance: 0 }), 0.1 + 0.2)).toBe(true);
  });

  it.each([
    ['0.0439', 0.0439],
    ['45/1024', 45 / 1024],
    ['4.39%', 0.0439],
    ['1e-3', 0.001],
    ['5 pixels', 5],
    ['-2', -2],
    ['10,000', 10000],
    ['banana', undefined],
    ['', undefined],
  ])('parseNumber(%j) = %s', (input, want) => {
    if (want === undefined) expect(parseNumber(input)).toBeUndefined();
    else expect(parseNumber(input)).toBeCloseTo(want, 12);
  });

  it('reads 84% as 84 when the question is asked in percent', () => {
    expect(parseNumber('84%', '%')).toBe(84);
  });

  it('budgets come from time_limit or difficulty', () => {
    expect(budgetMs(q('a', { difficulty: 'hard' }))).toBe(300_000);
    expect(budgetMs(q('a', { time_limit: 42 }))).toBe(42_000);
  });
});
