import chalk from 'chalk';
import { PassThrough } from 'node:stream';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Scorecard } from '../../src/engine/mock-score.js';
import { renderScorecard } from '../../src/ui/scorecard.js';
import { shortPrompt, wrap } from '../../src/format/text.js';

beforeAll(() => {
  chalk.level = 0;
});

function render(card: Scorecard, width = 100): string {
  const output = new PassThrough();
  let out = '';
  output.on('data', (d) => (out += d));
  renderScorecard({ input: new PassThrough(), output }, card, { plan: 'breadth', file: '/x/progress.json', width });
  return out;
}

const result = (question: string, over: object) => ({
  question,
  rating: 3,
  covered: 2,
  total: 2,
  duration_ms: 61_000,
  budget_ms: 180_000,
  timed_out: false,
  score: 1,
  ...over,
});

const card: Scorecard = {
  rows: [
    {
      index: 1,
      id: 'a',
      prompt: 'Why does **L1** give $\\ell_1$ sparsity? A long prompt that goes on and on well past the column',
      type: 'open',
      budgetMs: 180_000,
      result: result('a', { covered: 1, total: 3, rating: 2, score: 1 / 3, timed_out: true, duration_ms: 180_000 }),
    },
    {
      index: 2,
      id: 'b',
      prompt: 'Output size?',
      type: 'numeric',
      budgetMs: 90_000,
      result: result('b', { correct: true, total: 0, covered: 0, budget_ms: 90_000 }),
    },
    { index: 3, id: 'c', prompt: 'Design a feed ranker', type: 'open', budgetMs: 600_000 },
  ],
  end: 'round-time',
  score: 44,
  history: {
    count: 3,
    best: { score: 70, at: '2026-11-03T10:00:00.000Z', plan: 'breadth' },
    last: { score: 52, at: '2026-11-04T10:00:00.000Z' },
    recent: [40, 70, 52, 44],
    delta: -10,
  },
  weakest: [{ tag: 'regularization', score: 1 / 3, questions: 1 }],
  usedMs: 241_000,
  roundMs: 1_800_000,
  reached: 2,
  answered: 1,
};

describe('scorecard', () => {
  it('shows a row per question, the score with its rule, history and the weakest tags with the command', () => {
    const out = render(card);
    // Issue 10, item 14: a question cut off by its clock is not counted as answered.
    expect(out).toContain('Scorecard  breadth · 1 of 3 answered, 1 timed out · 4:01 of 30:00 answering');
    expect(out).toMatch(/^ {2}1 {2}Why does L1 give ℓ₁ sparsity\? A long prompt.*… {2}1 of 3 {2}Hard {3}3:00 \/ 3:00 {2}timed out$/m);
    expect(out).toMatch(/^ {2}2 {2}Output size\? +right {3}Good {3}1:01 \/ 1:30$/m);
    expect(out).toMatch(/^ {2}3 {2}Design a feed ranker +not reached$/m);
    expect(out).toContain("The round's time ran out after 2 of 3 questions");
    expect(out).toMatch(/^Score {5}44%$/m);
    expect(out).toContain('not reached 0');
    expect(out).toMatch(/^Earlier {3}best 70% \(2026-11-03, breadth\) · last 52% \(2026-11-04\)( · |\n {10})trend \S{4} -10 on your last round$/m);
    expect(out).toContain('Weakest   regularization 33%');
    expect(out).toContain('Practise  mlquiz run --tag regularization');
  });

  it('says when a round has no score or no history', () => {
    const out = render({ ...card, end: 'abandoned', score: null, history: { count: 0, best: null, last: null, recent: [], delta: null }, weakest: [] });
    expect(out).toContain('none: the round was abandoned');
    expect(out).toContain('Earlier   no finished round yet.');
    expect(out).not.toContain('Practise');
  });

  it('cuts prompts to one line and wraps the rule to the width', () => {
    expect(shortPrompt('a\n\nb `code` **bold**', 40)).toBe('a b code bold');
    expect(shortPrompt('abcdefghij', 5)).toBe('abcd…');
    expect(wrap('one two three four', 9)).toEqual(['one two', 'three', 'four']);
    for (const line of render(card, 60).split('\n')) expect([...line].length).toBeLessThanOrEqual(60);
  });
});
