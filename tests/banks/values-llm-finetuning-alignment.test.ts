import { describe, expect, it } from 'vitest';
import { expectNumeric } from './bank-file.js';

const FILE = 'llm-finetuning-alignment.yaml';

// ---- helpers computed from first principles ----
const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
/** LoRA pair on a d_in -> d_out matrix: A is r x d_in, B is d_out x r. */
const loraParams = (r: number, dIn: number, dOut: number) => r * (dIn + dOut);
/** Bradley-Terry probability that the response with reward rA beats the one with reward rB. */
const bradleyTerry = (rA: number, rB: number) => sigmoid(rA - rB);
/** DPO loss for one pair: -log sigmoid(beta * ((pw - refw) - (pl - refl))). */
const dpoLoss = (beta: number, pw: number, pl: number, refw: number, refl: number) => -Math.log(sigmoid(beta * (pw - refw - (pl - refl))));

describe('llm-finetuning-alignment numeric answers', () => {
  it('align-lora-trainable-fraction', () => {
    const r = 16;
    const d = 4096;
    const ff = 11008;
    const layers = 32;
    const attention = 4 * loraParams(r, d, d);
    const mlp = loraParams(r, d, ff) + loraParams(r, d, ff) + loraParams(r, ff, d);
    const total = layers * (attention + mlp);
    expectNumeric(FILE, 'align-lora-trainable-fraction', (100 * total) / 6.74e9);
  });

  it('align-bradley-terry-prob', () => {
    expectNumeric(FILE, 'align-bradley-terry-prob', bradleyTerry(2.1, 0.6));
  });

  it('align-dpo-loss-value', () => {
    expectNumeric(FILE, 'align-dpo-loss-value', dpoLoss(0.1, -42.0, -50.0, -45.0, -48.0));
  });

  it('sanity: DPO loss is log 2 when the policy equals the reference', () => {
    expect(dpoLoss(0.1, -10, -20, -10, -20)).toBeCloseTo(Math.log(2), 12);
  });
});
