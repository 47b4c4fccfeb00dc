import { describe, it, expect } from 'vitest';
import { byId, expectNumeric as check } from './bank-file.js';

// ---------- helpers ----------
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const mean = (xs: number[]) => sum(xs) / xs.length;
const pvar = (xs: number[]) => {
  const m = mean(xs);
  return sum(xs.map((x) => (x - m) ** 2)) / xs.length;
};
const props = (counts: number[]) => counts.map((c) => c / sum(counts));
const gini = (counts: number[]) => 1 - sum(props(counts).map((p) => p * p));
const entropy = (counts: number[]) =>
  -sum(
    props(counts)
      .filter((p) => p > 0)
      .map((p) => p * Math.log2(p)),
  );
/** parent impurity minus the size-weighted impurity of the children */
const gain = (f: (c: number[]) => number, parent: number[], children: number[][]) => f(parent) - sum(children.map((c) => (sum(c) / sum(parent)) * f(c)));
const dist2 = (a: number[], b: number[]) => sum(a.map((x, i) => (x - b[i]) ** 2));

// ---------- trees-ensembles ----------
describe('trees-ensembles numeric values', () => {
  const F = 'trees-ensembles.yaml';
  it('Gini of a 6/4 node', () => check(F, 'tree-gini-node-impurity', gini([6, 4])));
  it('entropy of an 8/2 node', () => check(F, 'tree-entropy-node', entropy([8, 2])));
  it('information gain of a 5/5 -> (4,1),(1,4) split', () =>
    check(
      F,
      'tree-information-gain-split',
      gain(
        entropy,
        [5, 5],
        [
          [4, 1],
          [1, 4],
        ],
      ),
    ));
  it('Gini decrease of a 6/6 -> (5,1),(1,5) split', () =>
    check(
      F,
      'tree-gini-decrease-split',
      gain(
        gini,
        [6, 6],
        [
          [5, 1],
          [1, 5],
        ],
      ),
    ));
  it('variance reduction of a regression split', () => {
    const parent = [1, 2, 3, 10, 11, 12];
    const l = [1, 2, 3];
    const r = [10, 11, 12];
    check(F, 'tree-variance-reduction-regression', pvar(parent) - (l.length * pvar(l) + r.length * pvar(r)) / parent.length);
  });
  it('max Gini for 4 classes', () => check(F, 'tree-max-gini-k-classes', gini([1, 1, 1, 1])));
  it('variance of an average of correlated trees', () => {
    const s2 = 4;
    const rho = 0.25;
    const B = 50;
    check(F, 'tree-averaging-correlated-trees', rho * s2 + ((1 - rho) * s2) / B);
  });
  it('out-of-bag fraction of a bootstrap', () => check(F, 'tree-bootstrap-oob-fraction', (1 - 1 / 1000) ** 1000));
  it('AdaBoost learner weight', () => check(F, 'tree-adaboost-learner-weight', 0.5 * Math.log(0.8 / 0.2)));
  it('AdaBoost mass on misclassified examples after re-weighting', () => {
    const eps = 0.2;
    const a = 0.5 * Math.log((1 - eps) / eps);
    const wrong = eps * Math.exp(a);
    const right = (1 - eps) * Math.exp(-a);
    check(F, 'tree-adaboost-reweighting-mass', wrong / (wrong + right));
  });
  it('gradient boosting first step with squared loss', () => {
    const y = [3, 5, 10];
    const f0 = mean(y);
    check(F, 'tree-gbdt-first-step-squared-loss', f0 + 0.1 * (10 - f0));
  });
  it('XGBoost optimal leaf weight', () => {
    const residuals = [2, 3, 4, 3];
    const G = sum(residuals.map((r) => -r));
    const H = residuals.length;
    check(F, 'tree-xgboost-leaf-weight', -G / (H + 1));
  });
});

// ---------- data-preprocessing ----------
describe('data-preprocessing numeric values', () => {
  const F = 'data-preprocessing.yaml';
  it('variance after mean imputation of 20% missing', () => {
    // build a concrete column: 80 observed values with population variance 25, 20 imputed at the mean
    const observed = [...Array(40).fill(5), ...Array(40).fill(-5)]; // mean 0, variance 25
    expect(pvar(observed)).toBeCloseTo(25, 12);
    const completed = [...observed, ...Array(20).fill(mean(observed))];
    check(F, 'data-mean-imputation-variance', pvar(completed));
  });
  it('z-score', () => check(F, 'data-standardize-value', (85 - 70) / 10));
  it('min-max', () => check(F, 'data-minmax-value', (30 - 10) / (60 - 10)));
  it('robust scaler', () => check(F, 'data-robust-scaler-value', (50 - 30) / 40));
  it('balanced class weight', () => check(F, 'data-balanced-class-weight', 1000 / (2 * 50)));
  it('SMOTE interpolation', () => {
    const xi = [1, 2];
    const nn = [3, 6];
    const xnew = xi.map((v, i) => v + 0.25 * (nn[i] - v));
    check(F, 'data-smote-interpolation', xnew[1]);
  });
  it('probability correction after undersampling negatives', () => {
    const beta = 0.1;
    const ps = 0.5;
    const odds = (ps / (1 - ps)) * beta;
    check(F, 'data-undersampling-prior-correction', odds / (1 + odds));
  });
  it('one-hot column count with drop-first', () => check(F, 'data-onehot-column-count', 5 + sum([4, 7, 3].map((k) => k - 1))));
  it('5-fold training size', () => check(F, 'data-kfold-training-size', 1000 - 1000 / 5));
  it('stratified test positives', () => check(F, 'data-stratified-split-count', 1000 * 0.2 * 0.05));
  it("Cohen's kappa", () => {
    const po = 80 / 100;
    const pe = 0.5 * 0.5 + 0.5 * 0.5;
    check(F, 'data-cohens-kappa', (po - pe) / (1 - pe));
  });
});

// ---------- classical-models ----------
describe('classical-models numeric values', () => {
  const F = 'classical-models.yaml';
  const dot = (a: number[], b: number[]) => sum(a.map((x, i) => x * b[i]));
  it('SVM margin width 2/||w||', () => check(F, 'clf-svm-margin-width', 2 / Math.sqrt(dot([3, 4], [3, 4]))));
  it('binary hinge loss', () => check(F, 'clf-hinge-loss-binary', Math.max(0, 1 - 1 * 0.3)));
  it('multi-class hinge loss', () => {
    const s = { cat: 3.2, car: 5.1, frog: -1.7 };
    const L = [s.car, s.frog].map((sj) => Math.max(0, sj - s.cat + 1));
    check(F, 'clf-hinge-loss-multiclass', sum(L));
  });
  it('polynomial kernel', () => check(F, 'clf-polynomial-kernel-value', (dot([1, 2], [3, -1]) + 1) ** 2));
  it('RBF kernel', () => check(F, 'clf-rbf-kernel-value', Math.exp(-0.5 * dist2([1, 0], [0, 1]))));
  it('epsilon-insensitive loss', () => check(F, 'clf-svr-epsilon-loss-value', Math.max(0, Math.abs(3.0 - 3.7) - 0.5)));
  it('Naive Bayes posterior', () => {
    const spam = 0.4 * 0.5 * 0.3;
    const ham = 0.6 * 0.1 * 0.05;
    check(F, 'clf-naive-bayes-posterior', spam / (spam + ham));
  });
  it('Laplace-smoothed word probability', () => check(F, 'clf-naive-bayes-laplace', (0 + 1) / (100 + 50)));
  it('QDA parameter count', () => {
    const K = 3;
    const d = 10;
    check(F, 'clf-qda-parameter-count', K - 1 + K * d + (K * d * (d + 1)) / 2);
  });
  it('kNN choice key matches the stated points', () => {
    const pts: [number, string][] = [
      [1.0, 'B'],
      [3.9, 'A'],
      [4.6, 'B'],
      [5.7, 'A'],
      [8.0, 'B'],
    ];
    const vote = (k: number) => {
      const nn = [...pts].sort((a, b) => Math.abs(a[0] - 5) - Math.abs(b[0] - 5)).slice(0, k);
      const a = nn.filter((p) => p[1] === 'A').length;
      return a > k - a ? 'A' : 'B';
    };
    const q = byId(F, 'clf-knn-k-changes-prediction');
    expect(q.choices[q.correct]).toBe(`k = 1: ${vote(1)}; k = 3: ${vote(3)}`);
  });
});

// ---------- unsupervised ----------
describe('unsupervised numeric values', () => {
  const F = 'unsupervised.yaml';
  const pts = [
    [1, 1],
    [2, 1],
    [4, 3],
    [5, 4],
  ];
  const centroid = (ps: number[][]) => [mean(ps.map((p) => p[0])), mean(ps.map((p) => p[1]))];
  /** one Lloyd iteration: assign to nearest centroid, then recompute the means */
  const lloyd = (cs: number[][]) => {
    const groups = cs.map(() => [] as number[][]);
    for (const p of pts) {
      const d = cs.map((c) => dist2(p, c));
      groups[d.indexOf(Math.min(...d))].push(p);
    }
    return { groups, cs: groups.map(centroid) };
  };
  it('association-rule lift', () => check(F, 'unsup-association-rule-lift', 150 / 200 / (300 / 1000)));
  it('k-means one iteration matches the choice key', () => {
    const { cs } = lloyd([
      [1, 1],
      [5, 4],
    ]);
    expect(cs).toEqual([
      [1.5, 1],
      [4.5, 3.5],
    ]);
    const q = byId(F, 'unsup-kmeans-one-iteration');
    expect(q.choices[q.correct]).toBe('$c_1 = (1.5, 1)$, $c_2 = (4.5, 3.5)$');
  });
  it('k-means inertia after the update', () => {
    const { groups, cs } = lloyd([
      [1, 1],
      [5, 4],
    ]);
    const J = sum(groups.map((g, k) => sum(g.map((p) => dist2(p, cs[k])))));
    check(F, 'unsup-kmeans-inertia', J);
  });
  it('silhouette', () => check(F, 'unsup-silhouette-value', (5 - 2) / Math.max(2, 5)));
  it('GMM responsibility', () => {
    const n = (x: number, m: number) => Math.exp(-((x - m) ** 2) / 2) / Math.sqrt(2 * Math.PI);
    check(F, 'unsup-gmm-responsibility', (0.5 * n(1.5, 0)) / (0.5 * n(1.5, 0) + 0.5 * n(1.5, 2)));
  });
  it('GMM parameter count', () => {
    const K = 3;
    const d = 2;
    check(F, 'unsup-gmm-parameter-count', K - 1 + K * d + (K * d * (d + 1)) / 2);
  });
  it('PCA variance explained by two components', () => {
    const ev = [4, 2.5, 1, 0.5];
    check(F, 'unsup-pca-variance-explained', (ev[0] + ev[1]) / sum(ev));
  });
  it('PCA on a 2x2 covariance', () => {
    const [a, b, c] = [2, 1, 2]; // [[a, b], [b, c]]
    const tr = a + c;
    const det = a * c - b * b;
    const l1 = tr / 2 + Math.sqrt((tr * tr) / 4 - det);
    const l2 = tr / 2 - Math.sqrt((tr * tr) / 4 - det);
    check(F, 'unsup-pca-2x2-eigen', l1 / (l1 + l2));
  });
  it('components needed for 90% variance', () => {
    const ev = [5, 3, 1, 0.5, 0.5];
    let acc = 0;
    let k = 0;
    while (acc / sum(ev) < 0.9 - 1e-12) acc += ev[k++];
    check(F, 'unsup-pca-components-for-90', k);
  });
  it('Mahalanobis distance with diagonal covariance', () => check(F, 'unsup-mahalanobis-distance', Math.sqrt(3 ** 2 / 1 + 4 ** 2 / 4)));
});
