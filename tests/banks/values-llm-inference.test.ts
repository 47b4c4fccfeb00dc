import { describe, expect, it } from 'vitest';
import { byId, expectNumeric, questions } from './bank-file.js';

const F = 'llm-inference.yaml';

/** Upper bound on batch-1 decode speed: every step must stream all weight bytes from memory once. */
const decodeTokensPerSecond = (params: number, bytesPerParam: number, bandwidthBytesPerS: number) => bandwidthBytesPerS / (params * bytesPerParam);

/** KV-cache bytes for one token: a key and a value vector per KV head and layer. */
const kvBytesPerToken = (layers: number, kvHeads: number, headDim: number, bytesPerNumber: number) => 2 * layers * kvHeads * headDim * bytesPerNumber;

/** Expected tokens per target pass with i.i.d. acceptance alpha and gamma drafts (Leviathan et al. 2023, eq. 1). */
const specExpectedTokens = (alpha: number, gamma: number) => (1 - alpha ** (gamma + 1)) / (1 - alpha);

const expected: Record<string, number> = {
  'infer-decode-int4-tokens-per-second': decodeTokensPerSecond(13e9, 0.5, 2.0e12),
  'infer-kv-budget-sequences': Math.floor((47 * 2 ** 30) / (kvBytesPerToken(80, 8, 128, 2) * 4096)),
  'infer-speculative-expected-tokens': specExpectedTokens(0.8, 4),
};

describe('llm-inference.yaml numeric values are recomputed from first principles', () => {
  for (const [id, computed] of Object.entries(expected)) {
    it(id, () => expectNumeric(F, id, computed));
  }

  it('every numeric question in the file has a computed check', () => {
    const numeric = questions(F)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id as string);
    expect(numeric.filter((id) => !(id in expected))).toEqual([]);
  });

  it('the prompts state the inputs the test uses', () => {
    const mentions: Record<string, string[]> = {
      'infer-decode-int4-tokens-per-second': ['13-billion', '0.5 bytes', '2.0 \\times 10^{12}'],
      'infer-kv-budget-sequences': ['80 layers', '8 key-value heads', 'dimension 128', '47 GiB', '4096 tokens'],
      'infer-speculative-expected-tokens': ['\\gamma = 4', '\\alpha = 0.8'],
    };
    for (const [id, lits] of Object.entries(mentions)) for (const s of lits) expect(byId(F, id).prompt, `${id}: ${s}`).toContain(s);
  });

  it('sanity: the speculative formula equals the truncated geometric sum, and the KV count rounds down', () => {
    let s = 0;
    for (let i = 0; i <= 4; i++) s += 0.8 ** i;
    expect(specExpectedTokens(0.8, 4)).toBeCloseTo(s, 12);
    expect((47 * 2 ** 30) / (kvBytesPerToken(80, 8, 128, 2) * 4096)).toBeCloseTo(37.6, 12);
  });
});
