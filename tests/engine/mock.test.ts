import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/bank/types.js';
import { abandon, answer, ask, clockAt, grade, startRound, type RoundState } from '../../src/engine/mock.js';
import { drawRound, NEAR_DUPLICATE, similarity, type RoundItem } from '../../src/engine/mock-draw.js';
import { buildScorecard, compareRounds, questionScore, roundScore, weakestTags } from '../../src/engine/mock-score.js';
import { defaultPlan, parsePlan, planCount, scalePlan, type Plan } from '../../src/engine/plan.js';
import { applyReview } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { emptyProgress, type Progress, type Session } from '../../src/progress/schema.js';

const NOW = new Date('2026-11-20T09:00:00Z');
const at = (ms: number) => new Date(NOW.getTime() + ms);

function q(id: string, over: Partial<Question> = {}): Question {
  return {
    id,
    deck: 'd',
    prompt: `Explain the idea called ${id} with a worked example`,
    answer: `The ${id} answer`,
    key_points: ['first point', 'second point'],
    tags: ['misc'],
    difficulty: 'medium',
    type: 'open',
    follow_ups: [],
    see_also: [],
    file: 'bank.yaml',
    line: 1,
    ...over,
  };
}

const item = (id: string, budgetMs: number, over: Partial<Question> = {}): RoundItem => ({ question: q(id, over), budgetMs, part: 'p' });

describe('round state machine (injected clock)', () => {
  it('counts a question down and flags the warning colour in its last 20%', () => {
    let s = startRound([item('a', 10_000), item('b', 10_000)], 60_000);
    s = ask(s, at(0));
    expect(clockAt(s, at(7_900))).toMatchObject({
      questionLeftMs: 2_100,
      questionWarning: false,
      roundLeftMs: 52_100,
      roundWarning: false,
      questionExpired: false,
    });
    expect(clockAt(s, at(8_000))).toMatchObject({ questionLeftMs: 2_000, questionWarning: true });
    expect(clockAt(s, at(10_000))).toMatchObject({ questionLeftMs: 0, questionExpired: true });
    expect(clockAt(s, at(99_000))).toMatchObject({ questionLeftMs: 0, roundLeftMs: 0 });
  });

  it('records a timed-out answer at its budget and a submitted one at its time', () => {
    let s = startRound([item('a', 3_000), item('b', 3_000)], 60_000);
    s = answer(ask(s, at(0)), at(3_180), { timedOut: true });
    expect(s.answered).toEqual({ durationMs: 3_000, timedOut: true });
    s = grade(s, { rating: 1, covered: 0, total: 2 });
    expect(s.phase).toBe('between');
    s = answer(ask(s, at(20_000)), at(21_250), { timedOut: false });
    s = grade(s, { rating: 3, covered: 2, total: 2 });
    expect(s.phase).toBe('over');
    expect(s.end).toBe('complete');
    expect(s.results.map((r) => [r.question, r.duration_ms, r.timed_out, r.score])).toEqual([
      ['a', 3_000, true, 0],
      ['b', 1_250, false, 1],
    ]);
    expect(s.usedMs).toBe(4_250);
  });

  it('treats an answer submitted after the budget as timed out', () => {
    const s = answer(ask(startRound([item('a', 3_000)], 60_000), at(0)), at(3_050), { timedOut: false });
    expect(s.answered).toEqual({ durationMs: 3_000, timedOut: true });
  });

  it('pauses the round clock between questions: reading and grading are not interview time', () => {
    let s = startRound([item('a', 10_000), item('b', 10_000)], 30_000);
    s = grade(answer(ask(s, at(0)), at(4_000), { timedOut: false }), { rating: 3, covered: 2, total: 2 });
    // Five minutes of reading the model answer later:
    expect(clockAt(s, at(300_000)).roundLeftMs).toBe(26_000);
    s = ask(s, at(300_000));
    expect(clockAt(s, at(301_000)).roundLeftMs).toBe(25_000);
  });

  it('ends the round after the question in hand when the round time runs out', () => {
    let s = startRound([item('a', 10_000), item('b', 10_000), item('c', 10_000)], 15_000);
    s = grade(answer(ask(s, at(0)), at(9_000), { timedOut: false }), { rating: 3, covered: 2, total: 2 });
    s = ask(s, at(10_000));
    // The round's clock reaches zero mid-question, yet the question keeps its own time.
    expect(clockAt(s, at(16_000))).toMatchObject({ roundLeftMs: 0, roundWarning: true, questionLeftMs: 4_000, questionExpired: false });
    s = grade(answer(s, at(18_000), { timedOut: false }), { rating: 2, covered: 1, total: 2 });
    expect(s.phase).toBe('over');
    expect(s.end).toBe('round-time');
    expect(s.results).toHaveLength(2);
    // c was not reached and counts 0: (1 + 0.5 + 0) / 3.
    expect(roundScore(s)).toBe(50);
  });

  it('abandons keeping the graded answers and dropping the one in hand', () => {
    let s = startRound([item('a', 10_000), item('b', 10_000)], 60_000);
    s = grade(answer(ask(s, at(0)), at(1_000), { timedOut: false }), { rating: 4, covered: 2, total: 2 });
    s = answer(ask(s, at(2_000)), at(3_000), { timedOut: false });
    s = abandon(s);
    expect(s).toMatchObject({ phase: 'over', end: 'abandoned', answered: null });
    expect(s.results.map((r) => r.question)).toEqual(['a']);
    expect(roundScore(s)).toBeNull();
    expect(abandon(s)).toBe(s);
  });

  it('refuses actions out of order', () => {
    const s = startRound([item('a', 1_000)], 60_000);
    expect(() => answer(s, at(0), { timedOut: false })).toThrow(/cannot answer while between/);
    expect(() => grade(ask(s, at(0)), { rating: 3, covered: 0, total: 0 })).toThrow(/cannot grade while asking/);
    expect(startRound([], 1_000)).toMatchObject({ phase: 'over', end: 'complete' });
  });
});

describe('scoring', () => {
  it('scores auto-graded right/wrong, open by coverage, open without key points by rating', () => {
    expect(questionScore({ rating: 4, covered: 0, total: 0, correct: false })).toBe(0);
    expect(questionScore({ rating: 1, covered: 0, total: 0, correct: true })).toBe(1);
    expect(questionScore({ rating: 2, covered: 1, total: 4 })).toBe(0.25);
    expect(questionScore({ rating: 3, covered: 0, total: 0 })).toBe(1);
    expect(questionScore({ rating: 2, covered: 0, total: 0 })).toBe(0.5);
    expect(questionScore({ rating: 1, covered: 0, total: 0 })).toBe(0);
  });

  const mockSession = (id: string, started: string, score: number | null, status: Session['status'] = 'finished', plan = 'breadth'): Session => ({
    id,
    kind: 'mock',
    started_at: started,
    ended_at: started,
    status,
    questions: [],
    answered: 0,
    plan,
    score,
  });

  it('compares with earlier finished rounds only: best, last, and the change on the last one, as the report counts it', () => {
    const sessions: Session[] = [
      mockSession('m3', '2026-11-03T10:00:00.000Z', 70),
      mockSession('m1', '2026-11-01T10:00:00.000Z', 40),
      mockSession('m2', '2026-11-02T10:00:00.000Z', 55),
      mockSession('m4', '2026-11-04T10:00:00.000Z', null, 'abandoned'),
      { ...mockSession('r1', '2026-11-04T11:00:00.000Z', null), kind: 'run' },
      mockSession('now', '2026-11-05T10:00:00.000Z', 75),
    ];
    const h = compareRounds(sessions, { id: 'now', score: 75 });
    expect(h.count).toBe(3);
    expect(h.best).toEqual({ score: 70, at: '2026-11-03T10:00:00.000Z', plan: 'breadth' });
    expect(h.last?.score).toBe(70);
    expect(h.recent).toEqual([40, 55, 70, 75]);
    expect(h.delta).toBe(5);
    expect(compareRounds([], { id: 'x', score: 50 })).toMatchObject({ count: 0, best: null, last: null, delta: null, recent: [50] });
  });

  it('names the weakest tags of the round, weakest first, leaving out full marks', () => {
    const tags: Record<string, string[]> = { a: ['cnn'], b: ['stats', 'cnn'], c: ['trees'] };
    const r = (question: string, score: number) => ({ question, rating: 3, covered: 0, total: 0, duration_ms: 1, budget_ms: 1, timed_out: false, score });
    expect(weakestTags([r('a', 0.5), r('b', 0), r('c', 1)], (id) => tags[id]!)).toEqual([
      { tag: 'stats', score: 0, questions: 1 },
      { tag: 'cnn', score: 0.25, questions: 2 },
    ]);
  });

  it('builds a scorecard with a row per drawn question, the unreached ones without result', () => {
    let s: RoundState = startRound([item('a', 5_000, { tags: ['cnn'] }), item('b', 5_000, { tags: ['stats'] })], 4_000);
    s = grade(answer(ask(s, at(0)), at(5_000), { timedOut: true }), { rating: 2, covered: 1, total: 2 });
    const card = buildScorecard(s, [], 'me');
    expect(card.end).toBe('round-time');
    expect(card.rows.map((r) => [r.id, r.result?.timed_out])).toEqual([
      ['a', true],
      ['b', undefined],
    ]);
    expect(card.score).toBe(25);
    expect(card.weakest.map((t) => t.tag)).toEqual(['cnn']);
  });
});

describe('plans', () => {
  const text = [
    'name: breadth',
    'minutes: 45',
    'blend:',
    '  - label: ML breadth',
    '    tags: [ml, trees]',
    '    count: 4',
    '  - tags: [stats]',
    '    count: 2',
    '    difficulty: hard',
    '  - tags: [design]',
    '    count: 1',
    '    per_question: 600',
  ].join('\n');

  it('reads a plan file', () => {
    const { plan, diagnostics } = parsePlan(text, 'p.yaml', 'fallback');
    expect(diagnostics).toEqual([]);
    expect(plan).toEqual({
      name: 'breadth',
      minutes: 45,
      blend: [
        { label: 'ML breadth', tags: ['ml', 'trees'], count: 4 },
        { label: 'stats', tags: ['stats'], count: 2, difficulty: ['hard'] },
        { label: 'design', tags: ['design'], count: 1, per_question: 600 },
      ],
    });
    expect(planCount(plan!)).toBe(7);
  });

  it('reports every problem at its line, including tags no question has', () => {
    const bad = ['minuts: 45', 'blend:', '  - tags: [ml]', '    count: 0', '  - tags: [nope]', '    count: 2', '    colour: red'].join('\n');
    const { plan, diagnostics } = parsePlan(bad, 'p.yaml', 'p', new Set(['ml']));
    expect(plan).toBeUndefined();
    expect(diagnostics.map((d) => `${d.line}:${d.path}: ${d.message}`)).toEqual([
      expect.stringMatching(/^1:minuts: unknown field "minuts"/),
      '4:blend[0].count: must be at least 1',
      '5:blend[1].tags[0]: no loaded question has the tag "nope" (mlquiz tags lists them)',
      expect.stringMatching(/^7:blend\[1\]\.colour: unknown field "colour"/),
    ]);
    expect(parsePlan('blend:\n  - tags: [ml]\n', 'p.yaml', 'p').diagnostics.map((d) => `${d.line}:${d.path}: ${d.message}`)).toEqual([
      '2:blend[0].count: required field is missing',
    ]);
    const unknown = parsePlan('blend:\n  - tags: [ml, nope]\n    count: 1\n', 'p.yaml', 'p', new Set(['ml']));
    expect(unknown.diagnostics.map((d) => `${d.line}:${d.path}: ${d.message}`)).toEqual([
      '2:blend[0].tags[1]: no loaded question has the tag "nope" (mlquiz tags lists them)',
    ]);
    expect(parsePlan('- 1', 'p.yaml', 'p').diagnostics[0]!.message).toMatch(/must be a mapping/);
    expect(parsePlan('blend: [', 'p.yaml', 'p').diagnostics.length).toBeGreaterThan(0);
  });

  it('scales a plan to another count keeping its proportions', () => {
    const plan = parsePlan(text, 'p.yaml', 'p').plan!;
    expect(scalePlan(plan, 7)).toBe(plan);
    expect(scalePlan(plan, 3).blend.map((b) => [b.label, b.count])).toEqual([
      ['ML breadth', 2],
      ['stats', 1],
    ]);
    expect(scalePlan(plan, 14).blend.map((b) => b.count)).toEqual([8, 4, 2]);
    expect(planCount(scalePlan(plan, 2))).toBe(2);
  });
});

describe('drawing a round', () => {
  // Distinct wording throughout, so that only the tests about near-duplicates meet any.
  const words = ['entropy', 'margin', 'kernel', 'bagging', 'momentum', 'dropout', 'softmax', 'pruning', 'whitening', 'attention', 'residual', 'quantile'];
  const bank: Question[] = words.map((w, i) =>
    q(`${['a', 'b', 'c'][Math.floor(i / 4)]}${(i % 4) + 1}`, {
      tags: [['alpha', 'beta', 'gamma'][Math.floor(i / 4)]!],
      prompt: `${w}?`,
      answer: `${w}-${i}`,
      key_points: [`${w} point`],
    }),
  );
  const draw = (plan: Plan, progress: Progress = emptyProgress(), seed = 's', perQuestionS?: number) =>
    drawRound(bank, progress, plan, { now: NOW, rng: createRng(seed), ...(perQuestionS !== undefined && { perQuestionS }) });

  it('spreads a round across tags before repeating one, and is the same for the same seed', () => {
    const d = draw(defaultPlan([], 3));
    expect(new Set(d.items.map((i) => i.question.tags[0]))).toEqual(new Set(['alpha', 'beta', 'gamma']));
    expect(draw(defaultPlan([], 3)).items.map((i) => i.question.id)).toEqual(d.items.map((i) => i.question.id));
    expect(d.short).toEqual([]);
  });

  it('draws weak tags more often', () => {
    // Every alpha answer failed, every beta and gamma answer easy: alpha should lead a one-question round.
    let p = emptyProgress();
    for (const [i, id] of ['a1', 'a2', 'a3', 'b1', 'b2', 'b3', 'c1', 'c2', 'c3'].entries()) {
      p = applyReview(p, { question: id, rating: id.startsWith('a') ? 1 : 4, now: at(-86_400_000 + i), covered: [], total: 2, durationMs: 1, session: 's' });
    }
    const counts = { alpha: 0, beta: 0, gamma: 0 } as Record<string, number>;
    for (let seed = 0; seed < 300; seed++) counts[draw(defaultPlan([], 1), p, String(seed)).items[0]!.question.tags[0]!]!++;
    // Weights 0.25 + weakness: alpha (4/5) 1.05 against beta and gamma (1/5) 0.45 each.
    expect(counts.alpha).toBeGreaterThan(counts.beta! * 1.6);
    expect(counts.alpha).toBeGreaterThan(counts.gamma! * 1.6);
  });

  it('never takes two near-identical questions, and says how many a part lacks', () => {
    const twins = [
      q('conv-out-1', {
        tags: ['cnn'],
        type: 'numeric',
        prompt: 'A 7×7 input, 3×3 kernel, stride 2, no padding. What is the output height?',
        answer: 'floor((7 - 3) / 2) + 1 = 3',
        key_points: [],
      }),
      q('conv-out-2', {
        tags: ['cnn'],
        type: 'numeric',
        prompt: 'A 10×10 input, 3×3 kernel, stride 3, padding 1. What is the output height?',
        answer: 'floor((10 + 2 - 3) / 3) + 1 = 4',
        key_points: [],
      }),
      q('pool', {
        tags: ['cnn'],
        prompt: 'Why does max pooling give some translation invariance?',
        answer: 'It keeps the largest activation of a window wherever in the window it is.',
      }),
      q('linked', { tags: ['cnn'], see_also: ['pool'], prompt: 'Describe strided convolution as a downsampling layer', answer: 'Learned downsampling.' }),
    ];
    expect(similarity(twins[0]!, twins[1]!)).toBeGreaterThanOrEqual(NEAR_DUPLICATE);
    expect(similarity(twins[0]!, twins[2]!)).toBeLessThan(NEAR_DUPLICATE);
    expect(similarity(twins[2]!, twins[3]!)).toBe(1);
    for (let seed = 0; seed < 20; seed++) {
      const d = drawRound(twins, emptyProgress(), defaultPlan([], 4), { now: NOW, rng: createRng(seed) });
      const ids = d.items.map((i) => i.question.id);
      expect(ids).toHaveLength(2);
      expect(ids.filter((id) => id.startsWith('conv-out'))).toHaveLength(1);
      expect(ids.filter((id) => id === 'pool' || id === 'linked')).toHaveLength(1);
      expect(d.short).toEqual([{ part: 'all topics', missing: 2 }]);
    }
  });

  it('fills a plan part by part, easier first within a part, with the budgets it sets', () => {
    const withHard = bank.map((x) =>
      x.id === 'a1' ? { ...x, difficulty: 'hard' as const } : x.id === 'a2' ? { ...x, difficulty: 'easy' as const, time_limit: 45 } : x,
    );
    const plan: Plan = {
      name: 'p',
      per_question: 100,
      blend: [
        { label: 'gamma part', tags: ['gamma'], count: 1, per_question: 30 },
        { label: 'alpha part', tags: ['alpha'], count: 4 },
      ],
    };
    const d = drawRound(withHard, emptyProgress(), plan, { now: NOW, rng: createRng(1) });
    expect(d.items.map((i) => i.part)).toEqual(['gamma part', 'alpha part', 'alpha part', 'alpha part', 'alpha part']);
    expect(d.items[1]!.question.difficulty).toBe('easy');
    expect(d.items[4]!.question.difficulty).toBe('hard');
    expect(d.items.map((i) => i.budgetMs)).toEqual([30_000, 100_000, 100_000, 100_000, 100_000]);
    // Without plan budgets: the question's own time_limit, else its difficulty's.
    const own = drawRound(withHard, emptyProgress(), defaultPlan(['alpha'], 4), { now: NOW, rng: createRng(1) });
    expect(own.items.map((i) => [i.question.id, i.budgetMs]).sort()).toEqual([
      ['a1', 300_000],
      ['a2', 45_000],
      ['a3', 180_000],
      ['a4', 180_000],
    ]);
    expect(draw(defaultPlan([], 2), emptyProgress(), 's', 3).items.map((i) => i.budgetMs)).toEqual([3_000, 3_000]);
  });

  it("honours a part's difficulty filter", () => {
    const mixed = bank.map((x, i) => ({ ...x, difficulty: (i % 2 ? 'hard' : 'easy') as Question['difficulty'] }));
    const d = drawRound(
      mixed,
      emptyProgress(),
      { name: 'p', blend: [{ label: 'x', tags: [], count: 5, difficulty: ['hard'] }] },
      { now: NOW, rng: createRng(2) },
    );
    expect(d.items.every((i) => i.question.difficulty === 'hard')).toBe(true);
  });
});
