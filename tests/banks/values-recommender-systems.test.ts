import { describe, it, expect } from 'vitest';
import { expectNumeric, questions } from './bank-file.js';

const FILE = 'recommender-systems.yaml';

// ---- helpers computed from first principles ----
const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};

/** DCG@k with binary or graded relevance, discount log2(rank + 1). */
const dcg = (rels: number[], k: number) => rels.slice(0, k).reduce((acc, r, i) => acc + r / Math.log2(i + 2), 0);

/** NDCG@k where the ideal list places all nRelevant held-out items first (binary relevance). */
const ndcgBinary = (hitRanks: number[], nRelevant: number, k: number) => {
  const rels = Array.from({ length: k }, (_, i) => (hitRanks.includes(i + 1) ? 1 : 0));
  const ideal = Array.from({ length: k }, (_, i) => (i < nRelevant ? 1 : 0));
  return dcg(rels, k) / dcg(ideal, k);
};

/** Biased MF: a k-dim vector and a bias per user and per item, plus one global mean. */
const mfParams = (users: number, items: number, k: number) => (users + items) * k + users + items + 1;

/** logQ correction s - ln p on every logit of the row; returns the positive's (index 0) probability. */
const logqPositiveProb = (logits: number[], probs: number[]) => softmax(logits.map((s, j) => s - Math.log(probs[j])))[0];

const expected: Record<string, number> = {
  'recsys-mf-parameter-count': mfParams(2_000_000, 500_000, 64) / 1e6,
  'recsys-ndcg-binary-heldout': ndcgBinary([2, 4], 3, 5),
  'recsys-logq-batch-softmax': logqPositiveProb([2.0, 1.0, 0.5], [0.01, 0.1, 0.001]),
};

describe('recommender-systems bank: numeric values are computed correctly', () => {
  for (const [id, computed] of Object.entries(expected)) {
    it(id, () => expectNumeric(FILE, id, computed));
  }

  it('every numeric question in the file has a computed check', () => {
    const numeric = questions(FILE)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id as string);
    expect(numeric.filter((id) => !(id in expected))).toEqual([]);
  });

  it('sanity: helpers match hand-computed values', () => {
    // graded NDCG example 3,2,0,1 -> 0.985 (standard textbook check)
    expect(dcg([3, 2, 0, 1], 4) / dcg([3, 2, 1, 0], 4)).toBeCloseTo(0.985, 3);
    // without correction the positive's share is the plain softmax
    expect(softmax([2, 1, 0.5])[0]).toBeCloseTo(0.6285, 3);
    // uniform sampling probabilities leave the softmax unchanged
    expect(logqPositiveProb([2, 1, 0.5], [0.1, 0.1, 0.1])).toBeCloseTo(softmax([2, 1, 0.5])[0], 12);
    expect(mfParams(1, 1, 1)).toBe(5);
  });
});

describe('recommender-systems bank: shape rules', () => {
  const qs = questions(FILE);
  it('ids carry the recsys- prefix', () => {
    for (const q of qs) expect(q.id.startsWith('recsys-'), q.id).toBe(true);
  });
  it('choice questions have 3-5 choices and valid, unique correct indices', () => {
    for (const q of qs.filter((x) => x.type === 'choice')) {
      expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
      expect(q.choices.length, q.id).toBeLessThanOrEqual(5);
      const correct: number[] = Array.isArray(q.correct) ? q.correct : [q.correct];
      expect(new Set(correct).size, q.id).toBe(correct.length);
      for (const c of correct) expect(c >= 0 && c < q.choices.length, q.id).toBe(true);
      if (Array.isArray(q.correct)) expect(q.prompt, q.id).toMatch(/Select all that apply/);
    }
  });
});
