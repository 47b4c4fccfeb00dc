import { describe, it, expect } from 'vitest';
import { byId } from './bank-file.js';

/** The stored value must match the computed one within the tolerance, and the tolerance must be tight. */
function expectValue(file: string, id: string, computed: number, opts: { integer?: boolean } = {}) {
  const q = byId(file, id);
  expect(q.type).toBe('numeric');
  expect(typeof q.value).toBe('number');
  expect(typeof q.tolerance).toBe('number');
  expect(q.tolerance).toBeGreaterThanOrEqual(0);
  expect(Math.abs(q.value - computed)).toBeLessThanOrEqual(q.tolerance);
  expect(q.tolerance).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(computed) * 0.02));
  if (opts.integer) {
    expect(Number.isInteger(computed)).toBe(true);
    expect(q.tolerance).toBe(0);
  }
}

/** Check that every listed number literally appears in the prompt, so the test computes what the prompt asks. */
function expectPromptMentions(file: string, id: string, literals: string[]) {
  const prompt: string = byId(file, id).prompt;
  for (const s of literals) expect(prompt, `${id} prompt should mention ${s}`).toContain(s);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('regularization.yaml numeric values', () => {
  const F = 'regularization.yaml';

  it('one SGD step with an L2 penalty (weight decay)', () => {
    const w = 2.0,
      eta = 0.1,
      lambda = 0.01,
      g = 0.5;
    // objective L(w) + lambda/2 w^2 => gradient g + lambda w
    expectValue(F, 'reg-weight-decay-one-step', w - eta * (g + lambda * w));
    expectPromptMentions(F, 'reg-weight-decay-one-step', ['2.0', '0.1', '0.01', '0.5']);
  });

  it('geometric shrinkage of pure weight decay over 10 steps', () => {
    let w = 1;
    for (let t = 0; t < 10; t++) w = w - 0.1 * 0.5 * w;
    expectValue(F, 'reg-weight-decay-shrink-factor', w);
  });

  it('soft thresholding zeroes the small weights', () => {
    const ws = [0.8, -0.03, 0.04, -0.5, 0.02, 0.06];
    const t = 0.05;
    const after = ws.map((w) => Math.sign(w) * Math.max(Math.abs(w) - t, 0));
    expectValue(F, 'reg-l1-soft-threshold-count', after.filter((w) => w === 0).length, { integer: true });
    expectPromptMentions(F, 'reg-l1-soft-threshold-count', ['0.8, -0.03, 0.04, -0.5, 0.02, 0.06', '0.05']);
  });

  it('early stopping with patience 3 stops at the simulated epoch', () => {
    const losses = [0.9, 0.72, 0.65, 0.61, 0.62, 0.6, 0.63, 0.64, 0.66, 0.7];
    const patience = 3;
    let best = Infinity,
      bad = 0,
      stop = losses.length,
      bestEpoch = 0;
    for (let e = 0; e < losses.length; e++) {
      if (losses[e] < best) {
        best = losses[e];
        bad = 0;
        bestEpoch = e + 1;
      } else if (++bad >= patience) {
        stop = e + 1;
        break;
      }
    }
    expect(bestEpoch).toBe(6);
    expectValue(F, 'reg-early-stopping-patience-epoch', stop, { integer: true });
  });

  it('inverted dropout scale factor', () => {
    expectValue(F, 'reg-dropout-inverted-scale', 1 / (1 - 0.2));
  });

  it('one-dimensional ridge regression', () => {
    const x = [1, 2, 3],
      y = [2, 4, 7],
      lambda = 2;
    const w = sum(x.map((xi, i) => xi * y[i])) / (sum(x.map((xi) => xi * xi)) + lambda);
    expectValue(F, 'reg-ridge-1d-shrinkage', w);
  });

  it('anisotropic total variation of a 3x3 image', () => {
    const img = [
      [0, 0, 1],
      [0, 1, 1],
      [0, 1, 1],
    ];
    let tv = 0;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) {
        if (i + 1 < 3) tv += Math.abs(img[i + 1][j] - img[i][j]);
        if (j + 1 < 3) tv += Math.abs(img[i][j + 1] - img[i][j]);
      }
    expectValue(F, 'reg-tv-value', tv, { integer: true });
  });

  it('label smoothing target for the true class', () => {
    const eps = 0.1,
      K = 10;
    expectValue(F, 'reg-label-smoothing-target', (1 - eps) * 1 + eps / K);
  });
});

describe('bias-variance.yaml numeric values', () => {
  const F = 'bias-variance.yaml';

  it('bias^2 + variance + noise', () => {
    expectValue(F, 'bv-decomposition-sum', 0.3 ** 2 + 0.05 + 0.1);
  });

  it('MSE of a shrunk sample mean', () => {
    const mu = 2,
      n = 10,
      s2 = 4,
      c = 0.8;
    const bias = c * mu - mu;
    const variance = c * c * (s2 / n);
    expectValue(F, 'bv-shrunk-mean-mse', bias * bias + variance);
  });

  it('k-NN regression error = bias^2 + sigma^2/k + sigma^2', () => {
    const k = 8,
      s2 = 4,
      bias = 0.5;
    // variance of the mean of k independent noisy labels, computed as sum of k variances / k^2
    let v = 0;
    for (let j = 0; j < k; j++) v += s2;
    v /= k * k;
    expectValue(F, 'bv-knn-regression-error', bias * bias + v + s2);
  });
});

describe('ml-fundamentals.yaml numeric values', () => {
  const F = 'ml-fundamentals.yaml';

  it('rank of a product of linear layers is bounded by the narrowest layer', () => {
    const widths = [100, 5, 50, 100];
    expectValue(F, 'mlf-linear-stack-rank', Math.min(...widths), { integer: true });
  });

  it('float32 memory of a (32, 3, 224, 224) tensor in MiB', () => {
    const elements = 32 * 3 * 224 * 224;
    expectValue(F, 'mlf-tensor-memory', (elements * 4) / 2 ** 20);
  });

  it('probability that one of 60 random-search trials hits the top 5%', () => {
    let miss = 1;
    for (let t = 0; t < 60; t++) miss *= 0.95;
    expectValue(F, 'mlf-random-search-hit', 1 - miss);
  });

  it('side of a 10-D sub-cube holding 10% of uniform data', () => {
    expectValue(F, 'mlf-curse-dimensionality', Math.pow(0.1, 1 / 10));
  });
});

describe('loss-functions.yaml numeric values', () => {
  const F = 'loss-functions.yaml';
  const softmax = (z: number[]) => {
    const m = Math.max(...z);
    const e = z.map((v) => Math.exp(v - m));
    const s = sum(e);
    return e.map((v) => v / s);
  };
  const bce = (y: number, p: number) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p));

  it('softmax cross-entropy from logits', () => {
    expectValue(F, 'loss-softmax-ce-value', -Math.log(softmax([2, 1, 0])[0]));
  });

  it('mean multi-label binary cross-entropy', () => {
    const y = [1, 0, 1],
      p = [0.9, 0.2, 0.6];
    expectValue(F, 'loss-multilabel-bce-value', sum(y.map((yi, i) => bce(yi, p[i]))) / y.length);
  });

  it('log-loss of a confident wrong prediction', () => {
    expectValue(F, 'loss-confident-wrong-value', -Math.log(0.01));
  });

  it('contrastive loss of a dissimilar pair', () => {
    const y = 1,
      d = 0.4,
      m = 1;
    expectValue(F, 'loss-contrastive-value', (1 - y) * d * d + y * Math.max(0, m - d) ** 2);
  });

  it('summed smooth-L1 loss', () => {
    const smoothL1 = (x: number) => (Math.abs(x) < 1 ? 0.5 * x * x : Math.abs(x) - 0.5);
    expectValue(F, 'loss-smooth-l1-value', smoothL1(0.5) + smoothL1(-2.0));
  });

  it('focal loss of an easy example', () => {
    const pt = 0.9,
      gamma = 2;
    expectValue(F, 'loss-focal-value', -((1 - pt) ** gamma) * Math.log(pt));
  });
});

describe('regularization.yaml MAP prior to penalty strength', () => {
  it('lambda = sigma^2 / tau^2', () => {
    // -log posterior = SSE/(2 s2) + |w|^2/(2 t2); scale by 2 s2 => SSE + (s2/t2)|w|^2
    const s2 = 4,
      t2 = 0.5;
    expectValue('regularization.yaml', 'reg-prior-to-lambda', (2 * s2) / (2 * t2));
  });
});

describe('additional loss and augmentation values', () => {
  it('triplet loss', () => {
    expectValue('loss-functions.yaml', 'loss-triplet-value', Math.max(0, 0.5 - 0.8 + 0.5));
  });

  it('mixup target for the second class', () => {
    const lam = 0.7;
    const yi = [1, 0, 0],
      yj = [0, 0, 1];
    const mixed = yi.map((v, k) => lam * v + (1 - lam) * yj[k]);
    expectValue('regularization.yaml', 'reg-mixup-target', mixed[2]);
  });
});
