import { describe, it, expect } from 'vitest';
import { byId, questions } from './bank-file.js';

const FILE = 'coding.yaml';

/** Checks a numeric question against a value computed from first principles. */
function expectNumeric(id: string, computed: number) {
  const q = byId(FILE, id);
  expect(q.type).toBe('numeric');
  expect(Math.abs(q.value - computed)).toBeLessThanOrEqual(q.tolerance);
  expect(q.tolerance).toBeGreaterThanOrEqual(0);
  expect(q.tolerance).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(computed) * 0.02));
}

/** Checks that a single-answer choice question marks the computed string as correct. */
function expectChoice(id: string, computed: string) {
  const q = byId(FILE, id);
  expect(q.type).toBe('choice');
  const idx = q.choices.findIndex((c: string) => c === computed);
  expect(idx, `${id}: computed answer "${computed}" is not among the choices`).toBeGreaterThanOrEqual(0);
  expect(q.correct).toBe(idx);
}

// ---------- reference implementations ----------

function lcsLength(a: string, b: string): number {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) dp[i][j] = a[i - 1] === b[j - 1] ? dp[i - 1][j - 1] + 1 : Math.max(dp[i - 1][j], dp[i][j - 1]);
  return dp[a.length][b.length];
}

function adamSteps(x0: number, grad: (x: number) => number, steps: number, biasCorrection: boolean) {
  const lr = 0.1,
    b1 = 0.9,
    b2 = 0.999,
    eps = 1e-8;
  let x = x0,
    m = 0,
    v = 0;
  for (let t = 1; t <= steps; t++) {
    const g = grad(x);
    m = b1 * m + (1 - b1) * g;
    v = b2 * v + (1 - b2) * g * g;
    const mh = biasCorrection ? m / (1 - b1 ** t) : m;
    const vh = biasCorrection ? v / (1 - b2 ** t) : v;
    x -= (lr * mh) / (Math.sqrt(vh) + eps);
  }
  return x;
}

function softmax(z: number[]): number[] {
  const mx = Math.max(...z);
  const e = z.map((v) => Math.exp(v - mx));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
}

const gini = (counts: number[]) => {
  const n = counts.reduce((a, b) => a + b, 0);
  return 1 - counts.reduce((a, c) => a + (c / n) ** 2, 0);
};
const entropy = (counts: number[]) => {
  const n = counts.reduce((a, b) => a + b, 0);
  return -counts.filter((c) => c > 0).reduce((a, c) => a + (c / n) * Math.log2(c / n), 0);
};
const weighted = (f: (c: number[]) => number, children: number[][]) => {
  const sizes = children.map((c) => c.reduce((a, b) => a + b, 0));
  const n = sizes.reduce((a, b) => a + b, 0);
  return children.reduce((a, c, i) => a + (sizes[i] / n) * f(c), 0);
};

function lloydStep(points: number[], centroids: number[]): number[] {
  const groups: number[][] = centroids.map(() => []);
  for (const p of points) {
    let best = 0;
    for (let j = 1; j < centroids.length; j++) if (Math.abs(p - centroids[j]) < Math.abs(p - centroids[best])) best = j;
    groups[best].push(p);
  }
  return groups.map((g, j) => (g.length ? g.reduce((a, b) => a + b, 0) / g.length : centroids[j]));
}

type Tree = { val: number; left?: Tree; right?: Tree };
function fromLevelOrder(vals: number[], i = 0): Tree | undefined {
  if (i >= vals.length) return undefined;
  return { val: vals[i], left: fromLevelOrder(vals, 2 * i + 1), right: fromLevelOrder(vals, 2 * i + 2) };
}
function invert(t?: Tree): Tree | undefined {
  if (!t) return t;
  return { val: t.val, left: invert(t.right), right: invert(t.left) };
}
function levelOrder(t?: Tree): number[] {
  const out: number[] = [];
  const q = t ? [t] : [];
  while (q.length) {
    const n = q.shift()!;
    out.push(n.val);
    if (n.left) q.push(n.left);
    if (n.right) q.push(n.right);
  }
  return out;
}

function recursiveDfs(graph: Record<string, string[]>, start: string): string[] {
  const seen = new Set<string>();
  const order: string[] = [];
  const visit = (u: string) => {
    seen.add(u);
    order.push(u);
    for (const v of graph[u]) if (!seen.has(v)) visit(v);
  };
  visit(start);
  return order;
}

// ---------- tests ----------

describe('coding bank: computed values', () => {
  it('reference LCS is right on a textbook case', () => {
    // CLRS example: LCS length 20
    expect(lcsLength('ACCGGTCGAGTGCGCGGAAGCCGGCCGAA', 'GTCGTTCGGAATGCCGTTGCTCTGTAAA')).toBe(20);
  });

  it('LCS lengths', () => {
    expectNumeric('code-lcs-length-value', lcsLength('ABCBDAB', 'BDCABA'));
    expectNumeric('code-lcs-length-second-value', lcsLength('ABCDGH', 'AEDFHR'));
  });

  it('Adam first step, with and without bias correction', () => {
    const grad = (x: number) => 2 * x; // f(x) = x^2 - 1
    expect(Math.abs(adamSteps(1, grad, 1, true) - 0.9)).toBeLessThan(1e-6); // first step has size lr
    expectNumeric('code-adam-two-steps-value', adamSteps(1, grad, 2, true));
    expectNumeric('code-adam-no-bias-correction-value', adamSteps(1, grad, 1, false));
  });

  it('Adam on x^2 - 1 converges to 0 (the claim in code-adam-numpy)', () => {
    expect(Math.abs(adamSteps(3, (x) => 2 * x, 500, true))).toBeLessThan(1e-3);
    expect(byId(FILE, 'code-adam-numpy').answer).toMatch(/x = 0/);
  });

  it('two-layer net with Adam: parameters + gradients + two moment buffers', () => {
    const [D, H, C] = [3072, 50, 10];
    const params = D * H + H + H * C + C;
    expectNumeric('code-two-layer-adam-memory', 4 * params);
  });

  it('softmax helper is stable', () => {
    expect(softmax([1000, 1001])[1]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });

  it('k-means broadcast temporary memory', () => {
    const [n, k, d, bytes] = [1e6, 100, 128, 8];
    expectNumeric('code-kmeans-broadcast-memory', (n * k * d * bytes) / 1e9);
  });

  it('k-means one Lloyd step', () => {
    const [, c2] = lloydStep([1, 2, 3, 10, 11, 12], [1, 4]);
    expectNumeric('code-kmeans-update-value', c2);
  });

  it('PCA explained-variance ratio from singular values', () => {
    const s = [4, 2, 1];
    const v = s.map((x) => x * x);
    expectNumeric('code-pca-explained-variance-value', v[0] / v.reduce((a, b) => a + b, 0));
  });

  it('Gini and entropy helpers agree with known values', () => {
    expect(gini([5, 5])).toBeCloseTo(0.5, 12);
    expect(entropy([5, 5])).toBeCloseTo(1, 12);
    expect(
      entropy([5, 5]) -
        weighted(entropy, [
          [4, 1],
          [1, 4],
        ]),
    ).toBeCloseTo(0.2781, 4);
  });

  it('best Gini split on a 1-D feature (brute force over midpoints)', () => {
    const x = [1, 2, 3, 4, 5, 6, 7, 8];
    const y = [0, 0, 1, 0, 1, 1, 1, 1];
    const counts = (ys: number[]) => [ys.filter((v) => v === 0).length, ys.filter((v) => v === 1).length];
    let best = { thr: NaN, imp: Infinity };
    for (let i = 1; i < x.length; i++) {
      const imp = weighted(gini, [counts(y.slice(0, i)), counts(y.slice(i))]);
      if (imp < best.imp) best = { thr: (x[i]! + x[i - 1]!) / 2, imp };
    }
    expectNumeric('code-tree-split-threshold-value', best.thr);
    expectNumeric('code-tree-split-gini-value', best.imp);
  });
});

describe('coding bank: computed choice keys', () => {
  it('inverted tree level order', () => {
    const inv = levelOrder(invert(fromLevelOrder([4, 2, 7, 1, 3, 6, 9])));
    expectChoice('code-invert-tree-level-order', `[${inv.join(', ')}]`);
  });

  it('recursive DFS order', () => {
    const g = { A: ['B', 'C'], B: ['D', 'E'], C: ['F'], D: [], E: ['F'], F: [] };
    expectChoice('code-dfs-order-choice', recursiveDfs(g, 'A').join(', '));
  });

  it('every numeric question of the coding bank is covered above', () => {
    const covered = new Set([
      'code-lcs-length-value',
      'code-lcs-length-second-value',
      'code-adam-two-steps-value',
      'code-adam-no-bias-correction-value',
      'code-two-layer-adam-memory',
      'code-kmeans-broadcast-memory',
      'code-kmeans-update-value',
      'code-pca-explained-variance-value',
      'code-tree-split-threshold-value',
      'code-tree-split-gini-value',
    ]);
    const numeric = questions(FILE)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id);
    expect(numeric.filter((id) => !covered.has(id))).toEqual([]);
  });
});
