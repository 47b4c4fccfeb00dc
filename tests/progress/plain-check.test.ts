import { describe, expect, it } from 'vitest';
import { isFsrs, isGoal, isMockResult, isProgress, isSession } from '../../src/progress/plain-check.js';
import { PROGRESS_VERSION, schemas } from '../../src/progress/schema.js';

const result = { question: 'q1', rating: 3, covered: 2, total: 3, correct: true, duration_ms: 4000, budget_ms: 90_000, timed_out: false, score: 0.66 };
const session = {
  id: 'mock-2026-11-21T09:00:00.000Z-ab',
  kind: 'mock',
  started_at: '2026-11-21T09:00:00.000Z',
  ended_at: '2026-11-21T09:30:00+01:00',
  status: 'finished',
  questions: ['q1', 'q2'],
  answered: 2,
  seed: 'ab',
  filter: { tags: ['cnn'] },
  plan: 'breadth',
  minutes: 30,
  results: [result],
  score: 66,
};
const goal = { date: '2026-12-20', tags: ['statistics'], minutes: 45, set_at: '2026-11-21T08:58:00.000Z' };

const resultVariants: [string, unknown][] = [
  ['as is', result],
  ['no correct', { ...result, correct: undefined }],
  ['score 1.5', { ...result, score: 1.5 }],
  ['budget 0', { ...result, budget_ms: 0 }],
  ['covered fractional', { ...result, covered: 1.5 }],
  ['timed_out missing', { ...result, timed_out: undefined }],
  ['empty question', { ...result, question: '' }],
  ['extra key', { ...result, x: 1 }],
  ['rating 0', { ...result, rating: 0 }],
];
const sessionVariants: [string, unknown][] = [
  ['as is', session],
  ['a run, minimal', { id: 'r', kind: 'run', started_at: session.started_at, ended_at: null, status: 'in-progress', questions: [], answered: 0 }],
  ['kind exam', { ...session, kind: 'exam' }],
  ['status done', { ...session, status: 'done' }],
  ['ended_at missing', { ...session, ended_at: undefined }],
  ['ended_at not ISO', { ...session, ended_at: '2026-11-21 09:30' }],
  ['question not a string', { ...session, questions: ['q1', 2] }],
  ['answered -1', { ...session, answered: -1 }],
  ['filter an array', { ...session, filter: ['cnn'] }],
  ['filter null', { ...session, filter: null }],
  ['minutes 0', { ...session, minutes: 0 }],
  ['minutes Infinity', { ...session, minutes: Infinity }],
  ['score null', { ...session, score: null }],
  ['score 101', { ...session, score: 101 }],
  ['bad result', { ...session, results: [{ ...result, score: 2 }] }],
  ['results not a list', { ...session, results: result }],
  ['extra key', { ...session, note: 'x' }],
  ['seed a number', { ...session, seed: 3 }],
];
const goalVariants: [string, unknown][] = [
  ['as is', goal],
  ['no tags', { ...goal, tags: [] }],
  ['30 February', { ...goal, date: '2026-02-30' }],
  ['year 3001', { ...goal, date: '3001-01-01' }],
  ['a date and time', { ...goal, date: '2026-12-20T00:00:00Z' }],
  ['tag not a slug', { ...goal, tags: ['Stats'] }],
  ['minutes 1441', { ...goal, minutes: 1441 }],
  ['minutes 0', { ...goal, minutes: 0 }],
  ['set_at not ISO', { ...goal, set_at: 'yesterday' }],
  ['extra key', { ...goal, focus: 'x' }],
];
const file = { version: PROGRESS_VERSION, goal, cards: {}, reviews: [], sessions: [session] };
const fileVariants: [string, unknown][] = [
  ['as is', file],
  ['no goal', { ...file, goal: undefined }],
  ['older version', { ...file, version: PROGRESS_VERSION - 1 }],
  ['extra key', { ...file, devices: [] }],
  ['sessions missing', { ...file, sessions: undefined }],
  ['a bad session', { ...file, sessions: [{ ...session, status: 'x' }] }],
  ['a bad goal', { ...file, goal: { ...goal, minutes: -1 } }],
  ['a card key that is no id', { ...file, cards: { 'Not An Id': {} } }],
  ['an array', [file]],
];

describe('the plain checks agree with the zod schemas (so a valid file reads without zod)', () => {
  it.each(resultVariants)('mock result: %s', (_n, v) => expect(isMockResult(v)).toBe(schemas().mockResultSchema.safeParse(v).success));
  it.each(sessionVariants)('session: %s', (_n, v) => expect(isSession(v)).toBe(schemas().sessionSchema.safeParse(v).success));
  it.each(goalVariants)('goal: %s', (_n, v) => expect(isGoal(v)).toBe(schemas().goalSchema.safeParse(v).success));
  it.each(fileVariants)('whole file: %s', (_n, v) => expect(isProgress(v)).toBe(schemas().progressSchema.safeParse(v).success));

  it('the tables are not all one way', () => {
    const accepted = (t: [string, unknown][], f: (v: unknown) => boolean) => t.filter(([, v]) => f(v)).map(([n]) => n);
    expect(accepted(sessionVariants, isSession)).toEqual(['as is', 'a run, minimal', 'score null']);
    expect(accepted(goalVariants, isGoal)).toEqual(['as is', 'no tags']);
    expect(accepted(fileVariants, isProgress)).toEqual(['as is', 'no goal']);
    expect(accepted(resultVariants, isMockResult)).toEqual(['as is', 'no correct']);
  });
});

const fitted = { params: Array.from({ length: 21 }, (_, i) => i / 10), at: '2026-11-21T09:00:00.000Z', reviews: 1200 };
const fsrsVariants: [string, unknown][] = [
  ['fitted and a retention', { retention: 0.85, fitted }],
  ['a retention alone', { retention: 0.97 }],
  ['empty', {}],
  ['retention 0.69', { retention: 0.69 }],
  ['retention 0.98', { retention: 0.98 }],
  ['20 parameters', { fitted: { ...fitted, params: fitted.params.slice(1) } }],
  ['a parameter NaN', { fitted: { ...fitted, params: [...fitted.params.slice(1), Number.NaN] } }],
  ['a parameter 1e9', { fitted: { ...fitted, params: [...fitted.params.slice(1), 1e9] } }],
  ['reviews fractional', { fitted: { ...fitted, reviews: 1.5 } }],
  ['at not ISO', { fitted: { ...fitted, at: 'today' } }],
  ['extra key', { retention: 0.9, decay: 0.5 }],
  ['fitted extra key', { fitted: { ...fitted, n: 1 } }],
];

describe('the fsrs settings: plain check and zod agree', () => {
  it.each(fsrsVariants)('fsrs: %s', (_n, v) => {
    expect(isFsrs(v)).toBe(schemas().fsrsSchema.safeParse(v).success);
    expect(isProgress({ ...file, fsrs: v })).toBe(schemas().progressSchema.safeParse({ ...file, fsrs: v }).success);
  });

  it('the table is not all one way', () => {
    expect(fsrsVariants.filter(([, v]) => isFsrs(v)).map(([n]) => n)).toEqual(['fitted and a retention', 'a retention alone', 'empty']);
  });
});
