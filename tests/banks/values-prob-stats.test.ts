import { describe, it, expect } from 'vitest';
import { questions, expectNumeric as check } from './bank-file.js';
import { readFileSync } from 'node:fs';

// ---------- helpers ----------
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;
const choose = (n: number, k: number): number => {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
};
const binomPmf = (n: number, k: number, p: number) => choose(n, k) * p ** k * (1 - p) ** (n - k);
const entropyBits = (ps: number[]) => -sum(ps.filter((p) => p > 0).map((p) => p * Math.log2(p)));
const klBits = (p: number[], q: number[]) => sum(p.map((pi, i) => (pi > 0 ? pi * Math.log2(pi / q[i]!) : 0)));
const sampleCov = (x: number[], y: number[]) => {
  const mx = mean(x);
  const my = mean(y);
  return sum(x.map((xi, i) => (xi - mx) * (y[i]! - my))) / (x.length - 1);
};

type Cells = { tp: number; fp: number; fn: number; tn: number };
const precision = (c: Cells) => c.tp / (c.tp + c.fp);
const recall = (c: Cells) => c.tp / (c.tp + c.fn);
const accuracy = (c: Cells) => (c.tp + c.tn) / (c.tp + c.fp + c.fn + c.tn);
const fBeta = (p: number, r: number, beta: number) => ((1 + beta ** 2) * p * r) / (beta ** 2 * p + r);

// the multi-label example shared by three metric questions
const mlTrue = [
  [1, 0, 1, 0],
  [0, 1, 1, 0],
  [1, 1, 0, 1],
];
const mlPred = [
  [1, 0, 0, 0],
  [0, 1, 1, 0],
  [0, 1, 1, 1],
];

describe('evaluation-metrics numeric values', () => {
  const F = 'evaluation-metrics.yaml';
  const cells: Cells = { tp: 12, fp: 3, fn: 1, tn: 9 };

  it('accuracy, precision, recall and F1 from stated cells', () => {
    check(F, 'metric-accuracy-from-cells', accuracy(cells));
    check(F, 'metric-precision-from-cells', precision(cells));
    check(F, 'metric-recall-from-cells', recall(cells));
    check(F, 'metric-f1-from-cells', fBeta(precision(cells), recall(cells), 1));
    // count form of F1 agrees
    expect(fBeta(precision(cells), recall(cells), 1)).toBeCloseTo((2 * 12) / (2 * 12 + 3 + 1), 12);
  });

  it('F1 is the harmonic mean; F-beta', () => {
    check(F, 'metric-f1-harmonic-mean', fBeta(0.9, 0.1, 1));
    check(F, 'metric-f-beta', fBeta(0.5, 0.8, 2));
  });

  it('imbalance: majority baseline and balanced accuracy', () => {
    check(F, 'metric-accuracy-imbalance-baseline', 9950 / 10000);
    const c: Cells = { tp: 8, fn: 2, tn: 900, fp: 90 };
    check(F, 'metric-balanced-accuracy', (c.tp / (c.tp + c.fn) + c.tn / (c.tn + c.fp)) / 2);
  });

  it('ROC-AUC from scores by pairwise comparison', () => {
    const pos = [0.9, 0.7, 0.4];
    const neg = [0.8, 0.3, 0.2, 0.1];
    let wins = 0;
    for (const p of pos) for (const n of neg) wins += p > n ? 1 : p === n ? 0.5 : 0;
    check(F, 'metric-auc-from-scores', wins / (pos.length * neg.length));
  });

  it('box IoU uses the union', () => {
    type Box = [number, number, number, number]; // x1, y1, x2, y2
    const a: Box = [0, 0, 4, 4];
    const b: Box = [2, 2, 6, 6];
    const iw = Math.max(0, Math.min(a[2], b[2]) - Math.max(a[0], b[0]));
    const ih = Math.max(0, Math.min(a[3], b[3]) - Math.max(a[1], b[1]));
    const inter = iw * ih;
    const area = (r: Box) => (r[2] - r[0]) * (r[3] - r[1]);
    check(F, 'metric-iou-boxes', inter / (area(a) + area(b) - inter));
  });

  it('multi-label: Hamming loss, subset accuracy, Jaccard', () => {
    const N = mlTrue.length;
    const L = mlTrue[0]!.length;
    let wrong = 0;
    let exact = 0;
    let jac = 0;
    for (let i = 0; i < N; i++) {
      let inter = 0;
      let union = 0;
      let mismatch = 0;
      for (let j = 0; j < L; j++) {
        const t = mlTrue[i]![j]!;
        const p = mlPred[i]![j]!;
        if (t !== p) mismatch++;
        if (t && p) inter++;
        if (t || p) union++;
      }
      wrong += mismatch;
      if (mismatch === 0) exact++;
      jac += union === 0 ? 1 : inter / union;
    }
    check(F, 'metric-hamming-loss', wrong / (N * L));
    check(F, 'metric-subset-accuracy', exact / N);
    check(F, 'metric-multilabel-jaccard', jac / N);
  });

  it('macro-averaged precision', () => {
    const perClass = [
      { tp: 90, fp: 10 },
      { tp: 5, fp: 5 },
      { tp: 1, fp: 9 },
    ];
    check(F, 'metric-macro-precision', mean(perClass.map((c) => c.tp / (c.tp + c.fp))));
  });

  it('expected calibration error', () => {
    const bins = [
      { n: 40, conf: 0.9, acc: 0.75 },
      { n: 60, conf: 0.6, acc: 0.6 },
    ];
    const N = sum(bins.map((b) => b.n));
    check(F, 'metric-ece-two-bins', sum(bins.map((b) => (b.n / N) * Math.abs(b.acc - b.conf))));
  });

  it('average precision and NDCG', () => {
    const rel = [1, 0, 1, 0, 1];
    const totalRelevant = 3;
    let hits = 0;
    let ap = 0;
    rel.forEach((r, i) => {
      if (r) {
        hits++;
        ap += hits / (i + 1);
      }
    });
    check(F, 'metric-average-precision-ranking', ap / totalRelevant);

    const graded = [3, 2, 0, 1];
    const dcg = (xs: number[]) => sum(xs.map((r, i) => r / Math.log2(i + 2)));
    const ideal = [...graded].sort((a, b) => b - a);
    check(F, 'metric-ndcg', dcg(graded) / dcg(ideal));
  });
});

describe('probability numeric values', () => {
  const F = 'probability.yaml';

  it('Bayes rule with base rates', () => {
    const prior = 0.01;
    const sens = 0.9;
    const fpr = 0.05;
    check(F, 'prob-bayes-disease-test', (sens * prior) / (sens * prior + fpr * (1 - prior)));
  });

  it('coin flips: exactly-k vs one sequence, MLE, likelihood, MAP', () => {
    check(F, 'prob-coin-exactly-eight-heads', binomPmf(10, 8, 0.5));
    check(F, 'prob-coin-specific-sequence', 0.5 ** 10);
    // MLE by brute-force maximization of the log-likelihood on a fine grid
    let best = 0;
    let bestLL = -Infinity;
    for (let i = 1; i < 10000; i++) {
      const p = i / 10000;
      const ll = 8 * Math.log(p) + 2 * Math.log(1 - p);
      if (ll > bestLL) {
        bestLL = ll;
        best = p;
      }
    }
    check(F, 'prob-coin-mle', best);
    check(F, 'prob-coin-likelihood-at-mle', binomPmf(10, 8, 0.8));
    // Beta(2,2) prior: posterior Beta(10, 4), mode (a-1)/(a+b-2)
    const a = 2 + 8;
    const b = 2 + 2;
    check(F, 'prob-map-beta-prior', (a - 1) / (a + b - 2));
  });

  it('binomial, Poisson, die, total probability', () => {
    check(F, 'prob-binomial-at-least-one', 1 - binomPmf(10, 0, 0.1));
    check(F, 'prob-binomial-variance', 100 * 0.3 * 0.7);
    check(F, 'prob-poisson-zero', Math.exp(-3));
    const faces = [1, 2, 3, 4, 5, 6];
    check(F, 'prob-die-variance', mean(faces.map((x) => x * x)) - mean(faces) ** 2);
    check(F, 'prob-total-probability', 0.6 * 0.02 + 0.4 * 0.05);
  });

  it('entropy, cross-entropy, BCE, KL, perplexity', () => {
    check(F, 'prob-entropy-biased-coin', entropyBits([0.9, 0.1]));
    check(F, 'prob-entropy-uniform-die', entropyBits(Array(8).fill(1 / 8)));
    const target = [1, 0, 0];
    const q = [0.7, 0.2, 0.1];
    check(F, 'prob-cross-entropy-value', -sum(target.map((t, i) => (t ? t * Math.log(q[i]!) : 0))));
    const ys = [1, 0];
    const ps = [0.9, 0.2];
    check(F, 'prob-bce-batch-value', mean(ys.map((y, i) => -(y * Math.log(ps[i]!) + (1 - y) * Math.log(1 - ps[i]!)))));
    check(F, 'prob-kl-value', klBits([0.5, 0.5], [0.9, 0.1]));
    // the answer's claim that the reverse KL differs
    expect(klBits([0.9, 0.1], [0.5, 0.5])).toBeCloseTo(0.531, 3);
    const tokenProbs = [0.25, 0.5, 0.125];
    check(F, 'prob-perplexity-from-probs', 2 ** mean(tokenProbs.map((p) => -Math.log2(p))));
  });

  it('Bayesian-network parameter count for a binary chain', () => {
    const n = 5;
    const parents = [0, 1, 1, 1, 1]; // number of (binary) parents of each node in the chain
    check(F, 'prob-bayesnet-parameter-count', sum(parents.map((k) => 2 ** k)));
    expect(2 ** n - 1).toBe(31);
  });
});

describe('statistics numeric values', () => {
  const F = 'statistics.yaml';
  const data = [2, 4, 4, 4, 5, 5, 7, 9];

  it('standard deviation and Bessel-corrected variance', () => {
    const m = mean(data);
    const ss = sum(data.map((x) => (x - m) ** 2));
    check(F, 'stat-population-std', Math.sqrt(ss / data.length));
    check(F, 'stat-sample-variance-bessel', ss / (data.length - 1));
  });

  it('covariance and Pearson correlation', () => {
    const x = [1, 2, 3];
    const y = [2, 4, 7];
    check(F, 'stat-sample-covariance', sampleCov(x, y));
    check(F, 'stat-pearson-correlation', sampleCov(x, y) / Math.sqrt(sampleCov(x, x) * sampleCov(y, y)));
  });

  it('standard errors and confidence intervals', () => {
    check(F, 'stat-ci-half-width', 1.96 * (10 / Math.sqrt(100)));
    check(F, 'stat-standard-error', 20 / Math.sqrt(400));
    check(F, 'stat-z-score', (130 - 100) / 15);
  });

  it('A/B testing: z statistic, sample size, multiple testing', () => {
    const [xa, na, xb, nb] = [200, 2000, 260, 2000];
    const pooled = (xa + xb) / (na + nb);
    const se = Math.sqrt(pooled * (1 - pooled) * (1 / na + 1 / nb));
    check(F, 'stat-ab-two-proportion-z', (xb / nb - xa / na) / se);
    const p = 0.1;
    const delta = 0.01;
    check(F, 'stat-ab-sample-size', ((1.96 + 0.84) ** 2 * 2 * p * (1 - p)) / delta ** 2);
    check(F, 'stat-multiple-testing', 1 - 0.95 ** 20);
  });
});

describe('every numeric question of these banks is checked above', () => {
  it('lists exactly the checked ids', () => {
    const src = readFileSync(new URL(import.meta.url), 'utf8');
    for (const f of ['evaluation-metrics.yaml', 'probability.yaml', 'statistics.yaml']) {
      for (const q of questions(f).filter((x) => x.type === 'numeric')) {
        expect(src.includes(`'${q.id}'`), `${f}: numeric ${q.id} has no check`).toBe(true);
      }
    }
  });
});
