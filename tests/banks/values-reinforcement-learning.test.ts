import { describe, expect, it } from 'vitest';
import { expectNumeric, questions } from './bank-file.js';

const FILE = 'reinforcement-learning.yaml';

// ---- helpers computed from first principles ----

/** Discounted return G_0 = sum_k gamma^k R_{k+1} of a finite reward sequence. */
const discountedReturn = (rewards: number[], gamma: number) => rewards.reduce((g, r, k) => g + gamma ** k * r, 0);

/** The same return by the backward recursion G_t = R_{t+1} + gamma G_{t+1}, as a cross-check. */
const discountedReturnBackward = (rewards: number[], gamma: number) => rewards.reduceRight((g, r) => r + gamma * g, 0);

/** One tabular Q-learning update: Q <- Q + alpha (r + gamma max_a' Q(s', a') - Q). */
const qLearningUpdate = (q: number, r: number, nextQ: number[], alpha: number, gamma: number) => q + alpha * (r + gamma * Math.max(...nextQ) - q);

/** One SARSA update, bootstrapping from the action actually taken next. */
const sarsaUpdate = (q: number, r: number, nextQTaken: number, alpha: number, gamma: number) => q + alpha * (r + gamma * nextQTaken - q);

type Action = { prob: number; reward: number; next: [string, number][] };

/** Action value of one action under a one-step model: r + gamma sum_s' p(s') V(s'). */
const actionValue = (a: Action, V: Record<string, number>, gamma: number) => a.reward + gamma * a.next.reduce((acc, [s, p]) => acc + p * V[s], 0);

/** Bellman expectation backup: V(s) = sum_a pi(a|s) [r + gamma sum_s' p(s'|s,a) V(s')]. */
const bellmanExpectation = (actions: Action[], V: Record<string, number>, gamma: number) =>
  actions.reduce((acc, a) => acc + a.prob * actionValue(a, V, gamma), 0);

/** Bellman optimality backup: max over actions instead of the policy average. */
const bellmanOptimality = (actions: Action[], V: Record<string, number>, gamma: number) => Math.max(...actions.map((a) => actionValue(a, V, gamma)));

const backupActions: Action[] = [
  {
    prob: 0.6,
    reward: 1,
    next: [
      ['A', 0.8],
      ['B', 0.2],
    ],
  },
  { prob: 0.4, reward: 0, next: [['B', 1.0]] },
];
const backupV = { A: 5, B: 2 };

// id -> computed value
const expected: Record<string, number> = {
  'rl-discounted-return': discountedReturn([1, 0, 2, 3], 0.9),
  'rl-q-learning-update-step': qLearningUpdate(2.0, 1, [4.0, 3.0, 1.0], 0.1, 0.9),
  'rl-bellman-backup-value': bellmanExpectation(backupActions, backupV, 0.9),
};

describe('reinforcement-learning bank: numeric values are computed correctly', () => {
  for (const [id, computed] of Object.entries(expected)) {
    it(id, () => expectNumeric(FILE, id, computed));
  }

  it('every numeric question in the bank has a computed check', () => {
    const numeric = questions(FILE)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id as string);
    expect(numeric.filter((id) => !(id in expected))).toEqual([]);
  });

  it('sanity: the helpers agree with independent forms and with the distractors the answers mention', () => {
    expect(discountedReturnBackward([1, 0, 2, 3], 0.9)).toBeCloseTo(discountedReturn([1, 0, 2, 3], 0.9), 12);
    // SARSA with the taken action a2 (Q = 3.0) gives 2.17, the on-policy contrast in the answer.
    expect(sarsaUpdate(2.0, 1, 3.0, 0.1, 0.9)).toBeCloseTo(2.17, 12);
    // The optimality backup of the same state gives max(4.96, 1.8) = 4.96.
    expect(bellmanOptimality(backupActions, backupV, 0.9)).toBeCloseTo(4.96, 12);
    // A transition probability row must sum to one and the policy must be a distribution.
    for (const a of backupActions) expect(a.next.reduce((s, [, p]) => s + p, 0)).toBeCloseTo(1, 12);
    expect(backupActions.reduce((s, a) => s + a.prob, 0)).toBeCloseTo(1, 12);
  });
});
