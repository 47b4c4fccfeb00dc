import { describe, it, expect } from 'vitest';
import { byId, questions } from './bank-file.js';

// ---- helpers computed from first principles ----
const softmax = (z: number[]) => {
  const m = Math.max(...z);
  const e = z.map((v) => Math.exp(v - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / s);
};
const linearParams = (fanIn: number, fanOut: number, bias = true) => fanIn * fanOut + (bias ? fanOut : 0);
const klGaussStd = (mu: number, sigma: number) => 0.5 * (sigma * sigma + mu * mu - 1 - Math.log(sigma * sigma));
const psnr = (maxVal: number, mse: number) => 10 * Math.log10((maxVal * maxVal) / mse);

/** Greedy NMS: boxes sorted by score; a box is kept unless a kept box overlaps it above the threshold. */
const nmsKeep = (scores: Record<string, number>, iou: Record<string, number>, thr: number) => {
  const pair = (a: string, b: string) => iou[`${a}${b}`] ?? iou[`${b}${a}`] ?? 0;
  const order = Object.keys(scores).sort((a, b) => scores[b] - scores[a]);
  const kept: string[] = [];
  for (const b of order) if (kept.every((k) => pair(k, b) <= thr)) kept.push(b);
  return kept;
};

/** Largest finite value and spacing at 1.0 of an IEEE binary format with e exponent bits and m mantissa bits. */
const ieee = (e: number, m: number) => {
  const bias = 2 ** (e - 1) - 1;
  const maxExp = 2 ** e - 2 - bias; // the all-ones exponent is reserved for inf/NaN
  return { max: (2 - 2 ** -m) * 2 ** maxExp, epsAtOne: 2 ** -m };
};

// file -> id -> computed value
const expected: Record<string, Record<string, number>> = {
  'transformers.yaml': {
    'tfm-attention-weight-toy': softmax([4 / Math.sqrt(4), 2 / Math.sqrt(4)])[0],
    'tfm-attention-scores-memory': (2 * 12 * 1024 * 1024 * 2) / 2 ** 20,
    'tfm-mha-param-count': 4 * linearParams(512, 512),
    'tfm-encoder-layer-params': 4 * linearParams(512, 512) + linearParams(512, 2048) + linearParams(2048, 512) + 2 * (2 * 512),
    'tfm-vit-token-count': (224 / 16) ** 2 + 1,
    'tfm-vit-highres-patches': (384 / 16) ** 2,
    'tfm-vit-patch-embed-params': linearParams(16 * 16 * 3, 768),
    'tfm-kv-cache-size': (2 * 32 * 4096 * 4096 * 2) / 2 ** 30,
  },
  'generative-models.yaml': {
    'gen-vae-kl-value': klGaussStd(1, 0.5),
    'gen-vae-reparam-sample': 0.5 + Math.exp(0.5 * Math.log(0.25)) * -1.2,
    'gen-gan-optimal-d-value': 0.6 / (0.6 + 0.2),
    'gen-diffusion-forward-noise': Math.sqrt(1 - 0.64),
    // 1-D Frechet distance: (mu_r - mu_g)^2 + s_r^2 + s_g^2 - 2 s_r s_g
    'gen-fid-1d': (0 - 1) ** 2 + 1 ** 2 + 2 ** 2 - 2 * 1 * 2,
    'gen-psnr-from-mse': psnr(255, 100),
    'gen-psnr-halve-mse': psnr(255, 50) - psnr(255, 100),
    'gen-adain-value': 0.5 * ((3 - 1) / 2) + 4,
  },
  'computer-vision.yaml': {
    'cv-rpn-anchor-count': (800 / 16) ** 2 * 9,
    'cv-nms-count': nmsKeep({ A: 0.9, B: 0.8, C: 0.7, D: 0.6 }, { AB: 0.7, AC: 0.1, AD: 0.2, BC: 0.6, BD: 0.1, CD: 0.55 }, 0.5).length,
    // Ix*u + Iy*v + It = 0 with Iy = 0
    'cv-optical-flow-constraint': -(-4) / 2,
    'cv-nerf-compositing': (() => {
      const sd = [Math.log(2), Math.log(5)];
      const c = [1.0, 0.2];
      let T = 1;
      let out = 0;
      for (let i = 0; i < sd.length; i++) {
        const alpha = 1 - Math.exp(-sd[i]);
        out += T * alpha * c[i];
        T *= 1 - alpha;
      }
      return out;
    })(),
  },
  // A*, planning and Kalman questions moved here from computer-vision.yaml (ids unchanged)
  'robotics.yaml': {
    'cv-kalman-1d-update': (() => {
      const K = 4 / (4 + 1);
      return 10 + K * (12 - 10);
    })(),
    'cv-kalman-1d-variance': (() => {
      const K = 4 / (4 + 1);
      return (1 - K) * 4;
    })(),
    'cv-astar-f-value': 5 + (Math.abs(7 - 2) + Math.abs(1 - 3)),
  },
  'ml-engineering.yaml': {
    'mleng-fp16-max': ieee(5, 10).max,
    'mleng-fp16-spacing-at-one': ieee(5, 10).epsAtOne,
    'mleng-adam-memory': (1e9 * (2 + 2 + 4 + 4 + 4)) / 1e9,
    'mleng-effective-batch': 8 * 16 * 4,
  },
};

describe('modern-topic banks: numeric values are computed correctly', () => {
  for (const [file, ids] of Object.entries(expected)) {
    for (const [id, computed] of Object.entries(ids)) {
      it(`${file} ${id}`, () => {
        const q = byId(file, id);
        expect(q.type).toBe('numeric');
        expect(Number.isFinite(computed)).toBe(true);
        expect(Math.abs(q.value - computed)).toBeLessThanOrEqual(q.tolerance);
        expect(q.tolerance).toBeGreaterThanOrEqual(0);
        expect(q.tolerance).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(computed) * 0.02));
      });
    }
  }

  it('every numeric question in these files has a computed check', () => {
    for (const file of Object.keys(expected)) {
      const numeric = questions(file)
        .filter((q) => q.type === 'numeric')
        .map((q) => q.id as string);
      expect(numeric.filter((id) => !(id in expected[file]))).toEqual([]);
    }
  });

  it('sanity: fp16 helpers match known constants', () => {
    expect(ieee(5, 10).max).toBe(65504);
    expect(ieee(8, 23).epsAtOne).toBe(2 ** -23);
  });
});

describe('modern-topic banks: shape rules', () => {
  const files = Object.keys(expected);
  it('auto-graded share is at least 40% per file', () => {
    for (const file of files) {
      const qs = questions(file);
      const auto = qs.filter((q) => q.type === 'choice' || q.type === 'numeric').length;
      expect(auto / qs.length, file).toBeGreaterThanOrEqual(0.4);
    }
  });
  it('choice questions have 3-5 choices and valid, unique correct indices', () => {
    for (const file of files) {
      for (const q of questions(file).filter((x) => x.type === 'choice')) {
        expect(q.choices.length, q.id).toBeGreaterThanOrEqual(3);
        expect(q.choices.length, q.id).toBeLessThanOrEqual(5);
        const correct: number[] = Array.isArray(q.correct) ? q.correct : [q.correct];
        expect(new Set(correct).size, q.id).toBe(correct.length);
        for (const c of correct) expect(c >= 0 && c < q.choices.length, q.id).toBe(true);
        if (Array.isArray(q.correct)) expect(q.prompt, q.id).toMatch(/Select all that apply/);
      }
    }
  });
  it('ids carry the file prefix', () => {
    const prefix: Record<string, string> = {
      'transformers.yaml': 'tfm-',
      'generative-models.yaml': 'gen-',
      'computer-vision.yaml': 'cv-',
      'robotics.yaml': 'cv-', // ids kept from computer-vision.yaml when the questions moved
      'ml-engineering.yaml': 'mleng-',
    };
    for (const file of files) for (const q of questions(file)) expect(q.id.startsWith(prefix[file]), q.id).toBe(true);
  });
});
