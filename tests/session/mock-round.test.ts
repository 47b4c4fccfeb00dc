import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testStore } from '../progress/open.js';
import { describe, expect, it } from 'vitest';
import type { Question } from '../../src/bank/types.js';
import type { Attempt } from '../../src/engine/answer-check.js';
import { drawRound } from '../../src/engine/mock-draw.js';
import { defaultPlan } from '../../src/engine/plan.js';
import type { Graded } from '../../src/engine/rating.js';
import { openSession } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { Interrupted } from '../../src/errors.js';
import type { Session } from '../../src/progress/schema.js';

import { runMockRound, type MockPrompter } from '../../src/session/mock-round.js';
import { NOW, q } from '../engine/fixtures.js';

type Step = { seconds: number; attempt: Attempt | 'interrupt'; timedOut?: boolean; grade: Graded };

function setup(steps: Step[]) {
  const questions: Question[] = Array.from({ length: 6 }, (_, k) =>
    q(`m-${k}`, {
      tags: [`t${k % 3}`],
      prompt: [
        'Why does dropout help?',
        'Explain the bias of k-means.',
        'What is a ROC curve for?',
        'Derive the softmax gradient.',
        'When is PCA harmful?',
        'Why use Adam over SGD?',
      ][k]!,
    }),
  );
  const store = testStore(mkdtempSync(join(tmpdir(), 'mlq-mock-')));
  const clock = { t: NOW.getTime() };
  const now = () => new Date(clock.t);
  const plan = defaultPlan([], 3);
  const draw = drawRound(questions, store.load(), plan, { now: now(), rng: createRng('m'), all: questions, perQuestionS: 60 });
  const session: Session = {
    ...openSession(
      'mock',
      now(),
      'm',
      draw.items.map((i) => i.question.id),
      {},
    ),
    plan: plan.name,
    minutes: 10,
    results: [],
    score: null,
  };
  const log: string[] = [];
  let i = 0;
  const prompter: MockPrompter = {
    info: (t) => log.push(`info ${t}`),
    warn: (t) => log.push(`warn ${t}`),
    showQuestion: (qq, pos) => void log.push(`ask ${pos.index}/${pos.total} ${qq.id}`),
    attempt: async () => ({ text: '' }),
    reveal: (qq) => void log.push(`reveal ${qq.id}`),
    tickKeyPoints: async () => steps[i]!.grade.covered,
    showKeyPoints: () => {},
    rate: async () => steps[i++]!.grade.rating,
    retrySave: async () => false,
    summary: () => {},
    intro: ({ roundMs }) => log.push(`intro ${roundMs}`),
    timedAttempt: async () => {
      const s = steps[i]!;
      clock.t += s.seconds * 1000;
      if (s.attempt === 'interrupt') throw new Interrupted();
      // An open answer with nothing typed before the time ran out comes back as no answer.
      return { answer: 'text' in s.attempt ? { text: s.attempt.text! } : null, timedOut: s.timedOut ?? false };
    },
    timeUp: (ms) => log.push(`time up ${ms}`),
    roundTimeUp: () => log.push('round time up'),
    scorecard: (card) => log.push(`scorecard ${card.score}`),
  };
  return { store, now, plan, draw, session, prompter, log, clock };
}
const right: Graded = { rating: 3, covered: [0, 1], coverage: 1 };

describe('the mock-round loop, in-process', () => {
  it('times each answer, records each with the round so far, and scores the round', async () => {
    const s = setup([
      { seconds: 30, attempt: { text: 'a' }, grade: right },
      { seconds: 60, attempt: {}, timedOut: true, grade: { rating: 1, covered: [], coverage: 0 } },
      { seconds: 45, attempt: { text: 'c' }, grade: { rating: 2, covered: [0], coverage: 0.5 } },
    ]);
    const r = await runMockRound({
      plan: s.plan,
      draw: s.draw,
      minutes: 10,
      seed: 'm',
      progress: s.store.load(),
      store: s.store,
      session: s.session,
      prompter: s.prompter,
      now: s.now,
    });
    const saved = s.store.load();
    expect(saved.reviews.map((x) => x.duration_ms)).toEqual([30_000, 60_000, 45_000]);
    expect(saved.sessions).toMatchObject([{ kind: 'mock', status: 'finished', answered: 3, score: 50 }]);
    expect(saved.sessions[0]!.results!.map((x) => x.timed_out)).toEqual([false, true, false]);
    expect(s.log).toContain('time up 60000');
    expect(s.log.at(-1)).toBe('scorecard 50');
    expect(r.state.end).toBe('complete');
  });

  it('Ctrl+C abandons the round, keeps the graded answer, shows the scorecard and rethrows', async () => {
    const s = setup([
      { seconds: 30, attempt: { text: 'a' }, grade: right },
      { seconds: 5, attempt: 'interrupt', grade: right },
    ]);
    await expect(
      runMockRound({
        plan: s.plan,
        draw: s.draw,
        minutes: 10,
        seed: 'm',
        progress: s.store.load(),
        store: s.store,
        session: s.session,
        prompter: s.prompter,
        now: s.now,
      }),
    ).rejects.toBeInstanceOf(Interrupted);
    const saved = s.store.load();
    expect(saved.reviews).toHaveLength(1);
    expect(saved.sessions).toMatchObject([{ status: 'abandoned', answered: 1, score: null }]);
    expect(s.log.at(-1)).toMatch(/^scorecard/);
  });

  it('the round ends after the question in hand when the round clock runs out', async () => {
    const s = setup([
      { seconds: 40, attempt: { text: 'a' }, grade: right },
      { seconds: 40, attempt: { text: 'b' }, grade: right },
    ]);
    // A one-minute round: 40 s + 40 s of answering spends it after the second question.
    const r = await runMockRound({
      plan: s.plan,
      draw: s.draw,
      minutes: 1,
      seed: 'm',
      progress: s.store.load(),
      store: s.store,
      session: s.session,
      prompter: s.prompter,
      now: s.now,
    });
    expect(r.state.end).toBe('round-time');
    expect(s.log).toContain('round time up');
    expect(s.store.load().reviews).toHaveLength(2);
  });
});
