import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { testStore } from './open.js';
import { describe, expect, it } from 'vitest';
import { PROGRESS_VERSION, schemas } from '../../src/progress/schema.js';
import { ISO, isReview } from '../../src/progress/review-check.js';
import { formatProgress, parseProgress } from '../../src/progress/store.js';
import { makeQuestion, simulate } from '../report/fixtures.js';

const QS = Array.from({ length: 12 }, (_, i) => makeQuestion(`q${i}`, ['t']));
const progress = simulate({ questions: QS, reviews: 200, end: new Date('2026-11-21T08:00:00Z'), perDay: 6, seed: 'load', mockEvery: 3 });
const sample = progress.reviews.find((r) => r.state !== 0)!;

function storeWith(text: string | null) {
  const dir = mkdtempSync(join(tmpdir(), 'mlq-load-'));
  if (text !== null) writeFileSync(join(dir, 'progress.json'), text);
  return testStore(dir);
}

/** Variants of one valid review, each broken (or not) in one way. */
const variants: [string, unknown][] = [
  ['as is', sample],
  ['first review', { ...sample, state: 0 }],
  ['with correct and budget', { ...sample, correct: true, budget_ms: 90_000 }],
  ['offset time', { ...sample, at: '2026-11-21T10:00:00+02:00' }],
  ['extra key', { ...sample, note: 'x' }],
  ['missing session', { ...sample, session: undefined }],
  ['empty question', { ...sample, question: '' }],
  ['rating 0', { ...sample, rating: 0 }],
  ['rating 5', { ...sample, rating: 5 }],
  ['rating 2.5', { ...sample, rating: 2.5 }],
  ['rating as text', { ...sample, rating: '3' }],
  ['30 February', { ...sample, at: '2026-02-30T10:00:00Z' }],
  ['no zone', { ...sample, at: '2026-11-21T10:00:00' }],
  ['date only', { ...sample, at: '2026-11-21' }],
  ['negative duration', { ...sample, duration_ms: -1 }],
  ['fractional duration', { ...sample, duration_ms: 1.5 }],
  ['zero budget', { ...sample, budget_ms: 0 }],
  ['null correct', { ...sample, correct: null }],
  ['covered not ints', { ...sample, covered: [0.5] }],
  ['covered negative', { ...sample, covered: [-1] }],
  ['total missing', { ...sample, total: undefined }],
  ['state an array', { ...sample, state: [] }],
  ['state null (version 1 first review)', { ...sample, state: null }],
  ['state a card (version 1)', { ...sample, state: { state: 2, reps: 1 } }],
  ['state 4', { ...sample, state: 4 }],
  ['state 1.5', { ...sample, state: 1.5 }],
  ['not an object', 'review'],
  ['null', null],
];

describe('the quick review check', () => {
  it('uses the very date pattern of the schema', () => {
    expect(ISO.source).toBe((schemas().reviewSchema.shape.at as unknown as { _zod: { def: { pattern: RegExp } } })._zod.def.pattern.source);
    expect(z.iso.datetime({ offset: true }).safeParse('2026-11-21T10:00:00Z').success).toBe(true);
  });

  it.each(variants)('agrees with reviewSchema: %s', (_name, v) => {
    // Through JSON, as the file gives it: undefined fields disappear.
    const parsed = JSON.parse(JSON.stringify(v)) as unknown;
    expect(isReview(parsed)).toBe(schemas().reviewSchema.safeParse(parsed).success);
  });
});

describe('loading with the quick check', () => {
  const load = (text: string, quick: boolean) => parseProgress(text, 'progress.json', undefined, quick).progress;

  it('gives exactly what zod gives for a valid file, with or without a byte-order mark', () => {
    const text = formatProgress(progress);
    expect(load(text, true)).toEqual(load(text, false));
    expect(load('\uFEFF' + text, true)).toEqual(load(text, false));
    expect(JSON.parse(text)).toEqual(progress);
  });

  it('writes one record per line', () => {
    const lines = formatProgress(progress).trimEnd().split('\n');
    expect(lines.length).toBe(4 + Object.keys(progress.cards).length + progress.reviews.length + progress.sessions.length + 3);
  });

  it('is empty progress when there is no file', () => {
    expect(storeWith(null).load()).toEqual({ version: PROGRESS_VERSION, cards: {}, reviews: [], sessions: [] });
  });

  it.each([
    ['a bad review', { ...progress, reviews: [...progress.reviews.slice(0, 5), { ...sample, rating: 7 }] }, /reviews\.5\.rating/],
    ['a bad card', { ...progress, cards: { ...progress.cards, q0: { due: 'x' } } }, /cards\.q0/],
    ['a newer version', { ...progress, version: PROGRESS_VERSION + 1 }, /newer than this mlquiz understands/],
  ])('leaves the message to zod: %s', (_name, doc, msg) => {
    let err: unknown;
    try {
      storeWith(JSON.stringify(doc)).load();
    } catch (e) {
      err = e;
    }
    const e = err as { message: string; details: string[] };
    expect(e).toBeDefined();
    expect([e.message, ...e.details].join('\n')).toMatch(msg);
  });
});
