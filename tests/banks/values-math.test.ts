import { describe, it, expect } from 'vitest';
import { questions, expectNumeric as checkValue } from './bank-file.js';
import { readFileSync } from 'node:fs';

// ---------- first-principles helpers ----------

type Mat = number[][];
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};
/** Central finite difference of a scalar function. */
const diff = (f: (x: number) => number, x: number, h = 1e-5) => (f(x + h) - f(x - h)) / (2 * h);
/** A finite difference that must land on an integer (for integer-valued answers graded with tolerance 0). */
const intOf = (x: number) => {
  expect(Math.abs(x - Math.round(x))).toBeLessThan(1e-5);
  return Math.round(x);
};
const dot = (a: number[], b: number[]) => a.reduce((s, v, i) => s + v * b[i], 0);
const norm2 = (a: number[]) => Math.sqrt(dot(a, a));
const transpose = (A: Mat): Mat => A[0].map((_, j) => A.map((r) => r[j]));
const matmul = (A: Mat, B: Mat): Mat => A.map((r) => B[0].map((_, j) => r.reduce((s, v, k) => s + v * B[k][j], 0)));
const eye = (n: number): Mat => Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
const add = (A: Mat, B: Mat): Mat => A.map((r, i) => r.map((v, j) => v + B[i][j]));

/** Gauss-Jordan inverse with partial pivoting. */
const inverse = (A: Mat): Mat => {
  const n = A.length;
  const M = A.map((r, i) => [...r, ...eye(n)[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (Math.abs(M[p][c]) < 1e-12) throw new Error('singular');
    [M[c], M[p]] = [M[p], M[c]];
    const piv = M[c][c];
    M[c] = M[c].map((v) => v / piv);
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = M[r][c];
      M[r] = M[r].map((v, j) => v - f * M[c][j]);
    }
  }
  return M.map((r) => r.slice(n));
};

/** Determinant and rank by Gaussian elimination. */
const eliminate = (A: Mat) => {
  const M = A.map((r) => [...r]);
  const rows = M.length;
  const cols = M[0].length;
  let rank = 0;
  let det = 1;
  for (let c = 0; c < cols && rank < rows; c++) {
    let p = rank;
    for (let r = rank + 1; r < rows; r++) if (Math.abs(M[r][c]) > Math.abs(M[p][c])) p = r;
    if (Math.abs(M[p][c]) < 1e-9) {
      det = 0;
      continue;
    }
    if (p !== rank) {
      [M[rank], M[p]] = [M[p], M[rank]];
      det = -det;
    }
    det *= M[rank][c];
    for (let r = rank + 1; r < rows; r++) {
      const f = M[r][c] / M[rank][c];
      M[r] = M[r].map((v, j) => v - f * M[rank][j]);
    }
    rank++;
  }
  return { rank, det: rows === cols && rank === rows ? det : 0 };
};

/** Eigenvalues of a 2x2 matrix with real spectrum, from the characteristic polynomial. */
const eig2 = (A: Mat) => {
  const tr = A[0][0] + A[1][1];
  const det = A[0][0] * A[1][1] - A[0][1] * A[1][0];
  const disc = Math.sqrt(tr * tr - 4 * det);
  return [(tr - disc) / 2, (tr + disc) / 2];
};

/** Eigenvalues of a symmetric matrix by cyclic Jacobi rotations (for singular values via A^T A). */
const symEig = (S: Mat): number[] => {
  const A = S.map((r) => [...r]);
  const n = A.length;
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p][q] ** 2;
    if (off < 1e-20) break;
    for (let p = 0; p < n; p++)
      for (let q = p + 1; q < n; q++) {
        if (Math.abs(A[p][q]) < 1e-15) continue;
        const theta = (A[q][q] - A[p][p]) / (2 * A[p][q]);
        const t = Math.sign(theta || 1) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        const c = 1 / Math.sqrt(t * t + 1);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k][p];
          const akq = A[k][q];
          A[k][p] = c * akp - s * akq;
          A[k][q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p][k];
          const aqk = A[q][k];
          A[p][k] = c * apk - s * aqk;
          A[q][k] = s * apk + c * aqk;
        }
      }
  }
  return A.map((r, i) => r[i]).sort((a, b) => b - a);
};
const singularValues = (A: Mat) => symEig(matmul(transpose(A), A)).map((v) => Math.sqrt(Math.max(0, v)));

// ---------- optimization ----------

describe('optimization numeric values', () => {
  const F = 'optimization.yaml';

  it('one GD step on 1-D MSE', () => {
    const xs = [1, 2];
    const ys = [2, 4];
    const L = (w: number) => xs.reduce((s, x, i) => s + (w * x - ys[i]) ** 2, 0) / xs.length;
    checkValue(F, 'opt-gd-step-mse-1d', 0 - 0.05 * diff(L, 0));
  });

  it('mini-batch gradient noise shrinks as 1/sqrt(B)', () => {
    // per-sample std implied by B=16: sigma = 0.8 * sqrt(16)
    const sigma = 0.8 * Math.sqrt(16);
    checkValue(F, 'opt-minibatch-noise-scaling', sigma / Math.sqrt(256));
  });

  it('momentum velocity after three steps', () => {
    let v = 0;
    for (let t = 0; t < 3; t++) v = 0.9 * v + 1;
    checkValue(F, 'opt-momentum-velocity', v);
  });

  it('AdaGrad effective learning rate', () => {
    const G = [3, 4].reduce((s, g) => s + g * g, 0);
    checkValue(F, 'opt-adagrad-effective-lr', 0.1 / Math.sqrt(G));
  });

  it('Adam first step magnitude (with bias correction)', () => {
    const [lr, b1, b2, g] = [0.001, 0.9, 0.999, 40];
    const m = (1 - b1) * g;
    const v = (1 - b2) * g * g;
    const step = (lr * (m / (1 - b1))) / Math.sqrt(v / (1 - b2));
    checkValue(F, 'opt-adam-first-step-size', Math.abs(step));
  });

  it('Adam second-moment bias factor after 100 steps', () => {
    // simulate E[v_t] with constant squared gradient s = 1
    let v = 0;
    for (let t = 1; t <= 100; t++) v = 0.999 * v + 0.001 * 1;
    checkValue(F, 'opt-adam-second-moment-bias', v);
  });

  it('GD divergence threshold on f(w) = 2 w^2', () => {
    const converges = (eta: number) => {
      let w = 1;
      for (let t = 0; t < 2000; t++) w -= eta * 4 * w;
      return Math.abs(w) < 1;
    };
    let lo = 0.01;
    let hi = 2;
    for (let i = 0; i < 60; i++) {
      const mid = (lo + hi) / 2;
      if (converges(mid)) lo = mid;
      else hi = mid;
    }
    checkValue(F, 'opt-lr-divergence-quadratic', lo);
  });

  it('linear warmup value', () => {
    checkValue(F, 'opt-linear-warmup-value', (3e-4 * 250) / 1000);
  });

  it('cosine schedule value', () => {
    checkValue(F, 'opt-cosine-schedule-value', 0 + 0.5 * (0.1 - 0) * (1 + Math.cos((Math.PI * 25) / 100)));
  });

  it('one Newton step on a quadratic', () => {
    const f = (x: number) => 3 * x * x - 6 * x + 1;
    const d1 = diff(f, 10);
    const d2 = (f(10 + 1e-3) - 2 * f(10) + f(10 - 1e-3)) / 1e-6;
    checkValue(F, 'opt-newton-step-quadratic', 10 - d1 / d2);
  });

  it('linear scaling rule', () => {
    checkValue(F, 'opt-linear-scaling-rule', 0.1 * (1024 / 256));
  });
});

// ---------- calculus and backprop ----------

describe('calculus-backprop numeric values', () => {
  const F = 'calculus-backprop.yaml';

  it('chain rule through three nested functions', () => {
    const f = (t: number) => Math.exp((3 * t + 1) ** 2);
    checkValue(F, 'calc-chain-rule-nested', diff(f, 0, 1e-6));
    expect(Math.abs(diff(f, 0, 1e-6) - 6 * Math.E)).toBeLessThan(1e-4);
  });

  it('gradient norm of x^2 y + 3y at (1, 2)', () => {
    const f = (x: number, y: number) => x * x * y + 3 * y;
    const gx = diff((x) => f(x, 2), 1);
    const gy = diff((y) => f(1, y), 2);
    checkValue(F, 'calc-gradient-norm-numeric', Math.hypot(gx, gy));
  });

  it('logistic-regression gradient component', () => {
    const x = [2, 4];
    const y = 1;
    const loss = (w: number[]) => {
      const p = sigmoid(dot(w, x));
      return -(y * Math.log(p) + (1 - y) * Math.log(1 - p));
    };
    const g2 = diff((w2) => loss([0.5, w2]), -0.25);
    checkValue(F, 'calc-logistic-gradient-numeric', g2);
    expect(Math.abs(g2 - (sigmoid(0) - y) * x[1])).toBeLessThan(1e-6);
  });

  it('fully connected backward dW entry', () => {
    const x: Mat = [
      [1, 2],
      [3, 4],
    ];
    const dout: Mat = [[1], [2]];
    const dW = matmul(transpose(x), dout);
    checkValue(F, 'calc-fc-backward-numeric', dW[1][0]);
    // cross-check with a finite difference on L = sum(dout * (xW))
    const L = (w2: number) => x.reduce((s, r, n) => s + dout[n][0] * (r[0] * 0.3 + r[1] * w2), 0);
    expect(Math.abs(diff(L, 0.7) - dW[1][0])).toBeLessThan(1e-6);
  });

  it('ReLU backward', () => {
    const x = [-2, 0.5, 3, -0.1];
    const dout = [1, 2, 3, 4];
    checkValue(
      F,
      'calc-relu-backward',
      x.reduce((s, v, i) => s + (v > 0 ? dout[i] : 0), 0),
    );
  });

  it('softmax cross-entropy gradient on a wrong-class logit', () => {
    const L = (z1: number) => -Math.log(softmax([z1, 1, 1])[1]);
    checkValue(F, 'calc-softmax-ce-gradient-wrong-class', diff(L, 3));
  });

  it('stable softmax of huge equal logits', () => {
    checkValue(F, 'calc-stable-softmax-large-logits', softmax([1000, 1000])[0]);
  });

  it('sigmoid derivative from its output', () => {
    const z = Math.log(0.8 / 0.2); // sigma(z) = 0.8
    expect(Math.abs(sigmoid(z) - 0.8)).toBeLessThan(1e-12);
    checkValue(F, 'calc-sigmoid-derivative', diff(sigmoid, z));
  });

  it('backprop by hand through a two-layer scalar net', () => {
    const L = (w1: number) => {
      const h = Math.max(0, w1 * 2);
      const yhat = -1 * h;
      return 0.5 * (yhat - 1) ** 2;
    };
    checkValue(F, 'calc-backprop-by-hand-two-layer', intOf(diff(L, 1.5)));
  });

  it('gradient of a quadratic form with a non-symmetric matrix', () => {
    const A: Mat = [
      [1, 2],
      [0, 3],
    ];
    const f = (x: number[]) =>
      dot(
        x,
        matmul(
          A,
          x.map((v) => [v]),
        ).map((r) => r[0]),
      );
    checkValue(F, 'calc-quadratic-form-gradient', intOf(diff((x2) => f([1, x2]), 1)));
  });

  it('gradients add at a branching node', () => {
    const f = (x: number) => 3 * x * (x * x);
    checkValue(F, 'calc-branching-gradients-add', intOf(diff(f, 2)));
  });
});

// ---------- linear models ----------

describe('linear-models numeric values', () => {
  const F = 'linear-models.yaml';

  it('OLS slope with intercept via the normal equations', () => {
    const X: Mat = [
      [1, 1],
      [1, 2],
      [1, 3],
    ];
    const y: Mat = [[2], [3], [5]];
    const w = matmul(inverse(matmul(transpose(X), X)), matmul(transpose(X), y));
    checkValue(F, 'linm-ols-slope-numeric', w[1][0]);
  });

  it('ridge closed form from X^T X and X^T y', () => {
    const XtX: Mat = [
      [2, 1],
      [1, 2],
    ];
    const Xty: Mat = [[3], [3]];
    const w = matmul(inverse(add(XtX, eye(2))), Xty);
    checkValue(F, 'linm-ridge-matrix-closed-form', w[0][0]);
  });

  it('ridge improves the condition number', () => {
    const ev = [100, 0.01].map((l) => l + 1);
    checkValue(F, 'linm-ridge-conditioning-numeric', Math.max(...ev) / Math.min(...ev));
  });

  it('polynomial feature count by enumeration', () => {
    // count exponent vectors (e_1..e_10) with sum <= 3
    const count = (vars: number, budget: number): number =>
      vars === 0 ? 1 : Array.from({ length: budget + 1 }, (_, e) => count(vars - 1, budget - e)).reduce((a, b) => a + b, 0);
    checkValue(F, 'linm-polynomial-feature-count', count(10, 3));
  });

  it('logistic-regression probability', () => {
    checkValue(F, 'linm-logistic-probability-numeric', sigmoid(1 * 3 - 2 * 1 + 0.5));
  });

  it('logistic-regression odds ratio', () => {
    const odds = (x: number) => {
      const p = sigmoid(0.7 * x - 0.3);
      return p / (1 - p);
    };
    checkValue(F, 'linm-logistic-odds-ratio', odds(2.4) / odds(1.4));
  });

  it('softmax-regression log-likelihood gradient entry', () => {
    const x = [1, 2];
    const logLik = (w12: number) => {
      const W: Mat = [
        [0, w12],
        [0, 0],
        [0, 0],
      ];
      return Math.log(softmax(W.map((r) => dot(r, x)))[0]);
    };
    checkValue(F, 'linm-softmax-regression-gradient-numeric', diff(logLik, 0));
  });

  it('RANSAC iteration count', () => {
    let N = 1;
    while ((1 - 0.5 ** 2) ** N > 0.01) N++;
    checkValue(F, 'linm-ransac-iterations', N);
  });

  it('lasso soft thresholding by direct minimization', () => {
    const obj = (w: number) => 0.5 * (w - 2.5) ** 2 + 1 * Math.abs(w);
    let lo = -10;
    let hi = 10;
    for (let i = 0; i < 200; i++) {
      const a = lo + (hi - lo) / 3;
      const b = hi - (hi - lo) / 3;
      if (obj(a) < obj(b)) hi = b;
      else lo = a;
    }
    checkValue(F, 'linm-lasso-soft-threshold', (lo + hi) / 2);
  });
});

// ---------- linear algebra ----------

describe('linear-algebra numeric values', () => {
  const F = 'linear-algebra.yaml';

  it('smallest eigenvalue of [[2,1],[1,2]]', () => {
    checkValue(
      F,
      'linalg-pd-smallest-eigenvalue',
      Math.min(
        ...eig2([
          [2, 1],
          [1, 2],
        ]),
      ),
    );
  });

  it('k that makes [[2,4],[3,k]] singular', () => {
    const det = (k: number) =>
      eliminate([
        [2, 4],
        [3, k],
      ]).det;
    const d0 = 2 * 0 - 12; // det is affine in k: d(k) = d0 + slope * k
    const slope = 2;
    const k = -d0 / slope;
    expect(det(k)).toBe(0);
    checkValue(F, 'linalg-singular-parameter', k);
  });

  it('inverse entry', () => {
    const inv = inverse([
      [4, 7],
      [2, 6],
    ]);
    checkValue(F, 'linalg-inverse-2x2-entry', inv[0][1]);
  });

  it('least squares with a single column', () => {
    const a = [1, 2];
    const b = [3, 4];
    const x = dot(a, b) / dot(a, a);
    // the residual must be orthogonal to a
    expect(Math.abs(dot(a, [b[0] - a[0] * x, b[1] - a[1] * x]))).toBeLessThan(1e-12);
    checkValue(F, 'linalg-pseudoinverse-vector-ls', x);
  });

  it('trace of the pseudoinverse of diag(2, 0, 5)', () => {
    checkValue(
      F,
      'linalg-pseudoinverse-diagonal',
      [2, 0, 5].reduce((s, d) => s + (d === 0 ? 0 : 1 / d), 0),
    );
  });

  it('Frobenius norm', () => {
    const A: Mat = [
      [3, 0],
      [4, 0],
      [0, 12],
    ];
    const fro = Math.sqrt(A.flat().reduce((s, v) => s + v * v, 0));
    checkValue(F, 'linalg-frobenius-norm', fro);
    // equals sqrt of the sum of squared singular values
    expect(Math.abs(Math.hypot(...singularValues(A)) - fro)).toBeLessThan(1e-9);
  });

  it('projection residual', () => {
    const a = [1, 1];
    const b = [2, 3];
    const c = dot(a, b) / dot(a, a);
    const r = b.map((v, i) => v - c * a[i]);
    checkValue(F, 'linalg-projection-residual', dot(r, r));
  });

  it('largest eigenvalue of [[4,1],[2,3]]', () => {
    checkValue(
      F,
      'linalg-eigenvalues-2x2',
      Math.max(
        ...eig2([
          [4, 1],
          [2, 3],
        ]),
      ),
    );
  });

  it('determinant of a triangular matrix', () => {
    checkValue(
      F,
      'linalg-det-triangular',
      eliminate([
        [2, 7, -3],
        [0, 3, 5],
        [0, 0, 4],
      ]).det,
    );
  });

  it('rank', () => {
    checkValue(
      F,
      'linalg-rank-numeric',
      eliminate([
        [1, 2, 3],
        [2, 4, 6],
        [1, 0, 1],
      ]).rank,
    );
  });

  it('rank-nullity on a concrete 5x8 rank-3 matrix', () => {
    const U: Mat = [
      [1, 0, 2],
      [0, 1, 1],
      [3, 1, 0],
      [1, 1, 1],
      [2, 0, 1],
    ];
    const V: Mat = [
      [1, 2, 0, 1, 3, 0, 1, 2],
      [0, 1, 1, 2, 0, 1, 3, 1],
      [2, 0, 1, 0, 1, 4, 0, 1],
    ];
    const A = matmul(U, V);
    const { rank } = eliminate(A);
    expect(rank).toBe(3);
    checkValue(F, 'linalg-rank-nullity', A[0].length - rank);
  });

  it('condition number from singular values', () => {
    const s = singularValues([
      [10, 0, 0],
      [0, 2, 0],
      [0, 0, 0.1],
    ]);
    checkValue(F, 'linalg-condition-number', s[0] / s[s.length - 1]);
  });

  it('Eckart-Young rank-1 error', () => {
    const s = [5, 3, 1];
    checkValue(F, 'linalg-low-rank-approx-error', Math.sqrt(s.slice(1).reduce((a, v) => a + v * v, 0)));
  });

  it('vector norms', () => {
    const x = [3, -4, 0, 12];
    const l1 = x.reduce((s, v) => s + Math.abs(v), 0);
    const linf = Math.max(...x.map(Math.abs));
    checkValue(F, 'linalg-vector-norms', l1 + norm2(x) + linf);
  });

  it('cosine similarity', () => {
    const a = [1, 2, 2];
    const b = [2, 0, 1];
    checkValue(F, 'linalg-cosine-similarity', dot(a, b) / (norm2(a) * norm2(b)));
  });

  it('matrix-chain multiplication cost', () => {
    const cost = (m: number, k: number, n: number) => m * k * n;
    checkValue(F, 'linalg-matmul-order-cost', cost(10, 1000, 1) + cost(1000, 10, 1));
  });
});

describe('math banks: every numeric question is covered by a computation', () => {
  const covered = new Set(
    readFileSync(new URL(import.meta.url), 'utf8')
      .match(/'(opt|calc|linm|linalg)-[a-z0-9-]+'/g)!
      .map((s: string) => s.slice(1, -1)),
  );
  for (const file of ['optimization.yaml', 'calculus-backprop.yaml', 'linear-models.yaml', 'linear-algebra.yaml']) {
    it(file, () => {
      const missing = questions(file)
        .filter((q) => q.type === 'numeric')
        .map((q) => q.id)
        .filter((id) => !covered.has(id));
      expect(missing).toEqual([]);
    });
  }
});
