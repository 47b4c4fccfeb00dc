import { describe, it, expect } from 'vitest';
import { expectNumeric as check, questions } from './bank-file.js';

const F = 'llm-evaluation.yaml';

// ---------- helpers computed from first principles ----------
/** Binomial coefficient C(n, k), computed as a running product. */
const choose = (n: number, k: number): number => {
  if (k < 0 || k > n) return 0;
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};
/** Unbiased pass@k of Chen et al. (2021): 1 - C(n-c, k) / C(n, k). */
const passAtK = (n: number, c: number, k: number): number => (n - c < k ? 1 : 1 - choose(n - c, k) / choose(n, k));
/** Elo expected score of A against B (base 10, scale 400); a tie counts as half. */
const eloExpected = (ra: number, rb: number): number => 1 / (1 + 10 ** ((rb - ra) / 400));
/** Half-width of the normal-approximation confidence interval of an accuracy. */
const ciHalfWidth = (correct: number, n: number, z = 1.96): number => {
  const p = correct / n;
  return z * Math.sqrt((p * (1 - p)) / n);
};

const expected: Record<string, number> = {
  'llmeval-pass-at-k-unbiased': passAtK(20, 4, 5),
  'llmeval-elo-expected-points': 200 * eloExpected(1280, 1180),
  'llmeval-accuracy-ci-halfwidth': 100 * ciHalfWidth(400, 500),
};

describe('llm-evaluation numeric values', () => {
  it('pass@5 with n = 20 samples and c = 4 correct', () => check(F, 'llmeval-pass-at-k-unbiased', expected['llmeval-pass-at-k-unbiased']));
  it('expected points of a 1280-rated model against a 1180-rated one over 200 battles', () =>
    check(F, 'llmeval-elo-expected-points', expected['llmeval-elo-expected-points']));
  it('95% interval half-width of 400/500, in percentage points', () => check(F, 'llmeval-accuracy-ci-halfwidth', expected['llmeval-accuracy-ci-halfwidth']));

  it('every numeric question in the file has a computed check', () => {
    const numeric = questions(F)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id as string);
    expect(numeric.filter((id) => !(id in expected))).toEqual([]);
  });

  it('sanity: helpers match known identities', () => {
    expect(choose(20, 5)).toBe(15504);
    expect(choose(16, 5)).toBe(4368);
    // pass@1 is the plain success fraction c/n
    expect(passAtK(20, 4, 1)).toBeCloseTo(4 / 20, 12);
    // equal ratings give an expected score of one half
    expect(eloExpected(1500, 1500)).toBe(0.5);
    // the unbiased estimate exceeds the concave plug-in 1 - (1 - c/n)^k here
    expect(passAtK(20, 4, 5)).toBeGreaterThan(1 - (1 - 4 / 20) ** 5);
  });
});
