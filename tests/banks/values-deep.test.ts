import { describe, it, expect } from 'vitest';
import { byId, questions } from './bank-file.js';

// ---------- first-principles helpers ----------

/** PyTorch conv/pool output size: floor((H + 2p - d(k-1) - 1)/s) + 1. */
const convOut = (h: number, k: number, p = 0, s = 1, d = 1) => Math.floor((h + 2 * p - d * (k - 1) - 1) / s) + 1;
/** The wrong "floor-only" formula some notes give: floor((H + 2p - d(k-1))/s). */
const convOutFloorOnly = (h: number, k: number, p = 0, s = 1, d = 1) => Math.floor((h + 2 * p - d * (k - 1)) / s);
/** Count the valid window start positions by brute force (padded input). */
const convOutBrute = (h: number, k: number, p = 0, s = 1, d = 1) => {
  const span = d * (k - 1) + 1;
  let n = 0;
  for (let start = 0; start + span <= h + 2 * p; start += s) n++;
  return n;
};
/** PyTorch ConvTranspose output size. */
const convTOut = (h: number, k: number, s = 1, p = 0, op = 0, d = 1) => (h - 1) * s - 2 * p + d * (k - 1) + op + 1;
/** Receptive field: RF_i = RF_{i-1} + (k_i - 1) d_i prod_{j<i} s_j. */
const receptiveField = (layers: { k: number; s?: number; d?: number }[]) => {
  let rf = 1;
  let jump = 1;
  for (const { k, s = 1, d = 1 } of layers) {
    rf += (k - 1) * d * jump;
    jump *= s;
  }
  return rf;
};
/** Receptive field by brute force in 1-D: which input indices influence output index 0. */
const receptiveFieldBrute = (layers: { k: number; s?: number; d?: number }[]) => {
  let lo = 0;
  let hi = 0; // index range in the current layer's input that output 0 depends on
  for (let i = layers.length - 1; i >= 0; i--) {
    const { k, s = 1, d = 1 } = layers[i];
    lo = lo * s;
    hi = hi * s + d * (k - 1);
  }
  return hi - lo + 1;
};
const convParams = (k: number, cin: number, cout: number, bias: boolean, groups = 1) => k * k * (cin / groups) * cout + (bias ? cout : 0);
const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / sum);
};
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
const biasedVar = (xs: number[]) => {
  const m = mean(xs);
  return mean(xs.map((x) => (x - m) ** 2));
};
const rnnParams = (x: number, h: number, blocks: number) => blocks * (h * (h + x) + h);

// HMM from the sequence-models bank (states R=0, S=1)
const hmm = {
  pi: [0.6, 0.4],
  A: [
    [0.7, 0.3],
    [0.4, 0.6],
  ],
  B: { walk: [0.1, 0.6], shop: [0.4, 0.3] } as Record<string, number[]>,
};
const hmmForward = (obs: string[]) => {
  let alpha = hmm.pi.map((p, j) => p * hmm.B[obs[0]][j]);
  for (const o of obs.slice(1)) {
    alpha = [0, 1].map((j) => hmm.B[o][j] * alpha.reduce((acc, a, i) => acc + a * hmm.A[i][j], 0));
  }
  return alpha.reduce((a, b) => a + b, 0);
};
const hmmBruteBest = (obs: string[]) => {
  // enumerate every hidden path: returns [sum over paths, max over paths]
  const T = obs.length;
  let total = 0;
  let best = 0;
  for (let code = 0; code < 2 ** T; code++) {
    const z = Array.from({ length: T }, (_, t) => (code >> t) & 1);
    let p = hmm.pi[z[0]] * hmm.B[obs[0]][z[0]];
    for (let t = 1; t < T; t++) p *= hmm.A[z[t - 1]][z[t]] * hmm.B[obs[t]][z[t]];
    total += p;
    best = Math.max(best, p);
  }
  return { total, best };
};
const hmmViterbi = (obs: string[]) => {
  let delta = hmm.pi.map((p, j) => p * hmm.B[obs[0]][j]);
  for (const o of obs.slice(1)) {
    delta = [0, 1].map((j) => hmm.B[o][j] * Math.max(...delta.map((dv, i) => dv * hmm.A[i][j])));
  }
  return Math.max(...delta);
};

// ---------- the expected values, computed in code ----------

const DL = 'deep-learning-basics.yaml';
const CNN = 'cnn.yaml';
const SEQ = 'sequence-models.yaml';

const expected: Record<string, Record<string, () => number>> = {
  [DL]: {
    'dl-tanh-derivative-at-1': () => 1 - Math.tanh(1) ** 2,
    'dl-softmax-value-three-logits': () => softmax([1, 2, 3])[2],
    'dl-sigmoid-depth-gradient-bound': () => Math.log10(0.25 ** 10),
    'dl-grad-clip-by-norm-value': () => {
      const g = [3, 4];
      const norm = Math.hypot(...g);
      const scale = Math.min(1, 2 / norm);
      return g[0] * scale;
    },
    'dl-init-he-std-value': () => Math.sqrt(2 / 512),
    'dl-init-xavier-uniform-bound': () => Math.sqrt(6 / (256 + 512)),
    'dl-batchnorm-numeric': () => {
      const xs = [1, 2, 3, 4, 5];
      return 2 * ((5 - mean(xs)) / Math.sqrt(biasedVar(xs) + 0)) + 1;
    },
    'dl-batchnorm-param-count': () => 2 * 64,
    'dl-adain-value': () => 3 * ((4 - 2) / 1) + 10,
    'dl-mlp-param-count': () => 784 * 256 + 256 + 256 * 10 + 10,
  },
  [CNN]: {
    'cnn-output-size-stride2-odd': () => convOut(7, 3, 0, 2),
    'cnn-output-size-resnet-stem': () => convOut(224, 7, 3, 2),
    'cnn-output-size-stride3-padded': () => convOut(10, 3, 1, 3),
    'cnn-output-size-dilated-same': () => convOut(32, 3, 2, 1, 2),
    'cnn-maxpool-output-alexnet': () => convOut(13, 3, 0, 2),
    'cnn-receptive-field-two-3x3': () => receptiveField([{ k: 3 }, { k: 3 }]),
    'cnn-receptive-field-resnet-stem': () => receptiveField([{ k: 7, s: 2 }, { k: 3, s: 2 }, { k: 3 }]),
    'cnn-receptive-field-dilated-stack': () =>
      receptiveField([
        { k: 3, d: 1 },
        { k: 3, d: 2 },
        { k: 3, d: 4 },
      ]),
    'cnn-dilated-effective-kernel': () => 3 + (3 - 1) * (4 - 1),
    'cnn-im2col-columns-stride2': () => convOut(32, 3, 0, 2) ** 2,
    'cnn-param-count-3x3': () => convParams(3, 64, 128, true),
    'cnn-param-count-depthwise-separable': () => convParams(3, 64, 64, false, 64) + convParams(1, 64, 128, false),
    'cnn-param-count-grouped': () => convParams(3, 64, 128, false, 4),
    'cnn-macs-conv-layer': () => convOut(56, 3, 1, 1) ** 2 * 128 * 3 * 3 * 64,
    'cnn-fc-vs-conv-param-count': () => 224 * 224 * 3 * 1000 + 1000,
    'cnn-transposed-conv-output': () => convTOut(16, 4, 2, 1, 0, 1),
  },
  [SEQ]: {
    'seq-rnn-param-count': () => rnnParams(10, 20, 1),
    'seq-lstm-param-count': () => rnnParams(10, 20, 4),
    'seq-gru-param-count': () => rnnParams(10, 20, 3),
    'seq-rnn-vanishing-numeric': () => 0.9 ** 50,
    'seq-lstm-forget-path-numeric': () => 0.99 ** 100,
    'seq-lstm-cell-update-numeric': () => {
      const c = 0.9 * 2 + 0.5 * -0.4;
      return 0.5 * Math.tanh(c);
    },
    'seq-hmm-forward-numeric': () => hmmForward(['walk', 'shop']),
    'seq-hmm-viterbi-numeric': () => hmmViterbi(['walk', 'shop']),
  },
};

for (const [file, checks] of Object.entries(expected)) {
  describe(`numeric values in ${file}`, () => {
    for (const [id, compute] of Object.entries(checks)) {
      it(id, () => {
        const q = byId(file, id);
        expect(q.type).toBe('numeric');
        const computed = compute();
        expect(typeof q.value).toBe('number');
        expect(typeof q.tolerance).toBe('number');
        expect(Math.abs(q.value - computed)).toBeLessThanOrEqual(q.tolerance);
        expect(q.tolerance).toBeGreaterThanOrEqual(0);
        expect(q.tolerance).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(computed) * 0.02));
        // counts (pixels, parameters, MACs, columns) must be graded exactly
        if (Number.isInteger(computed) && q.unit) expect(q.tolerance).toBe(0);
      });
    }

    it('checks every numeric question of the file', () => {
      const numericIds = questions(file)
        .filter((q) => q.type === 'numeric')
        .map((q) => q.id)
        .sort();
      expect(numericIds).toEqual(Object.keys(checks).sort());
    });
  });
}

describe('first-principles helpers agree with brute force', () => {
  it('conv output size formula matches counting window positions', () => {
    for (let h = 1; h <= 40; h++)
      for (const k of [1, 2, 3, 5, 7])
        for (const p of [0, 1, 2, 3])
          for (const s of [1, 2, 3])
            for (const d of [1, 2, 3]) {
              if (h + 2 * p < d * (k - 1) + 1) continue;
              expect(convOut(h, k, p, s, d)).toBe(convOutBrute(h, k, p, s, d));
              // ceil(A/s) form
              expect(convOut(h, k, p, s, d)).toBe(Math.ceil((h + 2 * p - d * (k - 1)) / s));
            }
  });

  it('the floor-only formula is wrong exactly in the stride cases the bank names', () => {
    expect(convOutFloorOnly(7, 3, 0, 2)).toBe(2);
    expect(convOut(7, 3, 0, 2)).toBe(3);
    expect(convOutFloorOnly(10, 3, 1, 3)).toBe(3);
    expect(convOut(10, 3, 1, 3)).toBe(4);
    expect(convOutFloorOnly(13, 3, 0, 2)).toBe(5);
    // stride 1: both agree
    for (let h = 3; h < 30; h++) expect(convOutFloorOnly(h, 3, 1, 1)).toBe(convOut(h, 3, 1, 1));
  });

  it('transposed conv inverts the shape of the matching conv', () => {
    expect(convOut(convTOut(16, 4, 2, 1), 4, 1, 2)).toBe(16);
  });

  it('receptive-field recursion matches 1-D brute force', () => {
    const stacks = [
      [{ k: 3 }, { k: 3 }],
      [{ k: 7, s: 2 }, { k: 3, s: 2 }, { k: 3 }],
      [
        { k: 3, d: 1 },
        { k: 3, d: 2 },
        { k: 3, d: 4 },
      ],
      [{ k: 3 }, { k: 3 }, { k: 3 }],
    ];
    for (const st of stacks) expect(receptiveField(st)).toBe(receptiveFieldBrute(st));
    expect(receptiveField([{ k: 3 }, { k: 3 }, { k: 3 }])).toBe(7);
  });

  it('HMM forward and Viterbi match path enumeration', () => {
    const { total, best } = hmmBruteBest(['walk', 'shop']);
    expect(hmmForward(['walk', 'shop'])).toBeCloseTo(total, 12);
    expect(hmmViterbi(['walk', 'shop'])).toBeCloseTo(best, 12);
  });

  it('sigmoid and softmax helpers are sane', () => {
    expect(sigmoid(0)).toBe(0.5);
    expect(softmax([1000, 1000])[0]).toBeCloseTo(0.5, 12);
  });
});

describe('choice questions are well formed', () => {
  for (const file of [DL, CNN, SEQ]) {
    it(`${file}: correct indices in range, multi-select prompts say so`, () => {
      for (const q of questions(file).filter((x) => x.type === 'choice')) {
        const idx = Array.isArray(q.correct) ? q.correct : [q.correct];
        for (const i of idx) expect(i >= 0 && i < q.choices.length, `${q.id}`).toBe(true);
        if (Array.isArray(q.correct)) expect(q.prompt, q.id).toMatch(/Select all that apply\./);
        expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
        expect(q.choices.length, q.id).toBeLessThanOrEqual(5);
      }
    });
  }
});
