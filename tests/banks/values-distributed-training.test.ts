import { describe, it, expect } from 'vitest';
import { expectNumeric as check, questions } from './bank-file.js';

const F = 'distributed-training.yaml';

// ---------- helpers computed from first principles ----------
/** Bytes each GPU sends in a ring all-reduce: reduce-scatter plus all-gather, N-1 steps each, S/N bytes per step. */
const ringBytesPerGpu = (sizeBytes: number, n: number) => 2 * (n - 1) * (sizeBytes / n);
/** Fraction of total step time a stage idles in a GPipe/1F1B pipeline with p equal stages and m micro-batches. */
const bubbleOfTotal = (p: number, m: number) => (p - 1) / (m + p - 1);
/** Per-GPU model-state bytes under ZeRO stage 0-3 with K bytes of optimizer state per parameter (Rajbhandari et al. 2020). */
const zeroBytes = (stage: 0 | 1 | 2 | 3, params: number, n: number, weightB = 2, gradB = 2, optB = 12) => {
  const w = stage >= 3 ? (weightB * params) / n : weightB * params;
  const g = stage >= 2 ? (gradB * params) / n : gradB * params;
  const o = stage >= 1 ? (optB * params) / n : optB * params;
  return w + g + o;
};

const ids = {
  'dist-ring-allreduce-time': () => {
    const params = 1.5e9;
    const bytesPerGrad = 2; // bf16
    const gpus = 8;
    const bandwidth = 20e9; // bytes/s sent per GPU
    const seconds = ringBytesPerGpu(params * bytesPerGrad, gpus) / bandwidth;
    return seconds * 1000; // ms
  },
  'dist-pipeline-bubble-fraction': () => 100 * bubbleOfTotal(8, 32),
  'dist-zero2-memory-per-gpu': () => zeroBytes(2, 10e9, 64) / 1e9,
};

describe('distributed-training numeric values', () => {
  for (const [id, f] of Object.entries(ids)) it(id, () => check(F, id, f()));

  it('every numeric question of the bank is recomputed here', () => {
    const numeric = questions(F)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id as string);
    expect(numeric.filter((id) => !(id in ids))).toEqual([]);
  });

  it('sanity: helpers reproduce the worked numbers quoted in the answers', () => {
    // ZeRO paper example: 7.5B parameters on 64 GPUs gives 120, 31.4, 16.6 and 1.9 GB.
    const gb = (s: 0 | 1 | 2 | 3) => zeroBytes(s, 7.5e9, 64) / 1e9;
    expect(gb(0)).toBeCloseTo(120, 6);
    expect(gb(1)).toBeCloseTo(31.4, 1);
    expect(gb(2)).toBeCloseTo(16.6, 1);
    expect(gb(3)).toBeCloseTo(1.875, 6);
    // Ring traffic per GPU barely grows with N: 64 GPUs take about 295 ms.
    expect((ringBytesPerGpu(3e9, 64) / 20e9) * 1000).toBeCloseTo(295.3, 1);
    // Bubble relative to ideal time, and with 64 micro-batches.
    expect(100 * (7 / 32)).toBeCloseTo(21.9, 1);
    expect(100 * bubbleOfTotal(8, 64)).toBeCloseTo(9.9, 1);
    // Korthikanti et al. activation estimate for a GPT-3 layer: sbh(34 + 5as/h) bytes.
    const [s, b, h, a] = [2048, 1, 12288, 96];
    const perLayer = s * b * h * (34 + (5 * a * s) / h);
    expect(perLayer / 1e9).toBeCloseTo(2.87, 2);
    expect((96 * perLayer) / 1e9).toBeCloseTo(275.4, 1);
    // Young's checkpoint interval with 1 minute cost and 180 minutes MTBF.
    expect(Math.sqrt(2 * 1 * 180)).toBeCloseTo(19, 0);
  });
});
