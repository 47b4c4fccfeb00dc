import { describe, expect, it } from 'vitest';
import { areCards, isCard } from '../../src/progress/review-check.js';
import { PROGRESS_VERSION, schemas } from '../../src/progress/schema.js';
import { parseProgress } from '../../src/progress/store.js';

const card = {
  due: '2026-11-24T09:00:00.000Z',
  stability: 2.31,
  difficulty: 5.1,
  elapsed_days: 0,
  scheduled_days: 3,
  learning_steps: 0,
  reps: 1,
  lapses: 0,
  state: 2,
  last_review: '2026-11-21T09:00:00.000Z',
};
const { last_review: _dropped, ...neverReviewed } = card;

/** Variants of one valid card, each broken (or not) in one way. */
const variants: [string, unknown][] = [
  ['as is', card],
  ['without last_review', neverReviewed],
  ['offset time', { ...card, due: '2026-11-24T11:00:00+02:00' }],
  ['extra key', { ...card, note: 'x' }],
  ['missing due', { ...card, due: undefined }],
  ['stability 1e308', { ...card, stability: 1e308 }],
  ['negative stability', { ...card, stability: -1 }],
  ['stability as text', { ...card, stability: '2' }],
  ['difficulty 11', { ...card, difficulty: 11 }],
  ['elapsed days 1e7', { ...card, elapsed_days: 1e7 }],
  ['fractional reps', { ...card, reps: 1.5 }],
  ['negative lapses', { ...card, lapses: -1 }],
  ['state 4', { ...card, state: 4 }],
  ['due in 9999', { ...card, due: '9999-01-01T00:00:00.000Z' }],
  ['due before 1970', { ...card, due: '1969-12-31T00:00:00.000Z' }],
  ['30 February', { ...card, due: '2026-02-30T09:00:00Z' }],
  ['no zone', { ...card, last_review: '2026-11-21T09:00:00' }],
  ['null last_review', { ...card, last_review: null }],
  ['an array', [card]],
  ['null', null],
];

describe('the plain card check', () => {
  it.each(variants)('agrees with cardSchema: %s', (_name, v) => {
    expect(isCard(v)).toBe(schemas().cardSchema.safeParse(v).success);
  });

  it('accepts the valid variants and refuses the broken ones (the table is not all one way)', () => {
    expect(variants.filter(([, v]) => isCard(v)).map(([n]) => n)).toEqual(['as is', 'without last_review', 'offset time']);
  });

  it('a file with one bad card still fails with the field named (zod reads it whole)', () => {
    expect(areCards({ a: card, b: { ...card, state: 9 } })).toBe(false);
    const text = JSON.stringify({ version: PROGRESS_VERSION, cards: { a: card, b: { ...card, state: 9 } }, reviews: [], sessions: [] });
    try {
      parseProgress(text, 'p.json');
      expect.unreachable();
    } catch (e) {
      expect((e as { details: string[] }).details.join('\n')).toMatch(/cards\.b\.state/);
    }
  });

  it('valid cards read through the plain check come out as they were', () => {
    const text = JSON.stringify({ version: PROGRESS_VERSION, cards: { a: card, b: neverReviewed }, reviews: [], sessions: [] });
    expect(parseProgress(text, 'p.json').progress.cards).toEqual({ a: card, b: neverReviewed });
  });
});
