import { describe, expect, it } from 'vitest';
import { checkAnswer } from '../../src/engine/answer-check.js';
import type { Rating } from '../../src/engine/rating.js';
import { gradeAnswer } from '../../src/session/grading.js';
import type { Prompter } from '../../src/session/prompter.js';
import { q } from '../engine/fixtures.js';

/** A prompter that ticks `ticks`, answers every rating question with `rating`, and logs what it was asked. */
function asked(ticks: number[], rating: Rating) {
  const log: string[] = [];
  const p = {
    info: (t: string) => log.push(`info ${t}`),
    warn: (t: string) => log.push(`warn ${t}`),
    tickKeyPoints: async () => (log.push('tick'), ticks),
    showKeyPoints: () => log.push('key points'),
    rate: async (a: { message: string; suggested: Rating; allowed: Rating[] }) => (
      log.push(`rate "${a.message}" suggested ${a.suggested} allowed ${a.allowed.join('')}`),
      rating
    ),
  } as unknown as Prompter;
  return { p, log };
}
const choice = q('c', { type: 'choice', choices: ['L1', 'L2'], correct: [0], key_points: ['kink at zero'] });
const numeric = q('n', { type: 'numeric', value: 4, tolerance: 0, key_points: [] });
const fast = { durationMs: 10_000, budgetMs: 180_000 };

describe('grading in the session layer: the engine checks and suggests, the prompter only asks', () => {
  it('checks a raw answer against the question', () => {
    expect(checkAnswer(choice, { picked: [0] })).toEqual({ picked: [0], correct: true });
    expect(checkAnswer(choice, { picked: [1] })).toEqual({ picked: [1], correct: false });
    expect(checkAnswer(numeric, { number: 4 })).toEqual({ number: 4, correct: true });
    expect(checkAnswer(numeric, { unknown: true })).toEqual({ correct: false, unknown: true });
    expect(checkAnswer(q('o'), { text: 'x' })).toEqual({ text: 'x' });
  });

  it('a wrong auto-graded answer is Again, shown with its key points, and nothing is asked', async () => {
    const { p, log } = asked([], 4);
    expect(await gradeAnswer(p, choice, checkAnswer(choice, { picked: [1] }), fast)).toEqual({ rating: 1, covered: [], coverage: 0 });
    expect(log).toEqual(['key points', 'info Recorded as Again: a wrong answer comes back soon.']);
  });

  it('a right one asks how sure, suggesting Easy when fast', async () => {
    const { p, log } = asked([], 3);
    expect(await gradeAnswer(p, choice, checkAnswer(choice, { picked: [0] }), fast)).toEqual({ rating: 3, covered: [0], coverage: 1 });
    expect(log).toEqual(['key points', 'rate "How sure were you?" suggested 4 allowed 1234']);
  });

  it('an open answer ticks key points; a partial one may be Again or Hard only', async () => {
    const { p, log } = asked([0], 2);
    expect(await gradeAnswer(p, q('o'), { text: 'x' }, fast)).toEqual({ rating: 2, covered: [0], coverage: 0.5 });
    expect(log).toEqual(['tick', 'rate "How did it go?" suggested 2 allowed 12']);
  });

  it('a right but slow answer is flagged and suggested as Hard', async () => {
    const { p, log } = asked([0, 1], 2);
    await gradeAnswer(p, q('o'), { text: 'x' }, { durationMs: 400_000, budgetMs: 180_000 });
    expect(log[1]).toMatch(/^warn Right, but it took 400 s against a budget of 180 s/);
    expect(log[2]).toBe('rate "How did it go?" suggested 2 allowed 1234');
  });
});
