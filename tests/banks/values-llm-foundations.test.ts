import { describe, it, expect } from 'vitest';
import { byId, expectNumeric, questions } from './bank-file.js';

const F = 'llm-foundations.yaml';

// ---- helpers computed from first principles ----

/** Compute-optimal parameter count when C = 6 N D and D = r N (tokens per parameter). */
const chinchillaParams = (flops: number, tokensPerParam: number) => Math.sqrt(flops / (6 * tokensPerParam));

/** KV-cache bytes: keys and values for every layer, KV head, token and sequence. */
const kvCacheBytes = (o: { layers: number; kvHeads: number; headDim: number; bytes: number; tokens: number; batch: number }) =>
  2 * o.layers * o.kvHeads * o.headDim * o.bytes * o.tokens * o.batch;

/** Parameters of a bias-free linear map. */
const linear = (fanIn: number, fanOut: number) => fanIn * fanOut;

/** A SwiGLU FFN: gate, up and down projections. */
const swiglu = (d: number, hidden: number) => linear(d, hidden) + linear(d, hidden) + linear(hidden, d);

/** Active parameters of a top-k MoE decoder with GQA attention and untied embeddings (norms and router ignored). */
const moeParams = (o: { layers: number; d: number; kvDim: number; hidden: number; experts: number; topK: number; vocab: number }) => {
  const attn = linear(o.d, o.d) + 2 * linear(o.d, o.kvDim) + linear(o.d, o.d);
  const expert = swiglu(o.d, o.hidden);
  const embeddings = 2 * o.vocab * o.d;
  return {
    active: o.layers * (attn + o.topK * expert) + embeddings,
    total: o.layers * (attn + o.experts * expert) + embeddings,
  };
};

const mixtralLike = { layers: 32, d: 4096, kvDim: 1024, hidden: 14336, experts: 8, topK: 2, vocab: 32000 };

const expected: Record<string, number> = {
  'llmf-chinchilla-optimal-size': chinchillaParams(1.2e23, 20) / 1e9,
  'llmf-gqa-cache-batch': kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, bytes: 2, tokens: 4096, batch: 8 }) / 2 ** 30,
  'llmf-moe-active-params-count': moeParams(mixtralLike).active / 1e9,
};

describe('llm-foundations.yaml numeric values', () => {
  for (const [id, computed] of Object.entries(expected)) {
    it(id, () => expectNumeric(F, id, computed));
  }

  it('every numeric question in the file has a computed check', () => {
    const numeric = questions(F)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id as string);
    expect(numeric.filter((id) => !(id in expected))).toEqual([]);
  });

  it('prompts state the inputs the checks use', () => {
    const mentions: Record<string, string[]> = {
      'llmf-chinchilla-optimal-size': ['1.2 \\times 10^{23}', '6ND', 'D = 20N'],
      'llmf-gqa-cache-batch': ['80 layers', '8 key-value heads', 'head dimension 128', '2 bytes', '8 sequences', '4,096 tokens'],
      'llmf-moe-active-params-count': ['32 layers', '4096 \\times 1024', '8 experts', '4096 \\times 14336', 'top 2', '32,000'],
    };
    for (const [id, literals] of Object.entries(mentions)) {
      const prompt: string = byId(F, id).prompt;
      for (const s of literals) expect(prompt, `${id} should mention ${s}`).toContain(s);
    }
  });

  it('sanity: the MoE helper reproduces Mixtral 8x7B totals and the checks land on round numbers', () => {
    // Mixtral of Experts reports about 46.7B total and 12.9B active parameters.
    expect(moeParams(mixtralLike).total / 1e9).toBeCloseTo(46.7, 1);
    expect(moeParams(mixtralLike).active / 1e9).toBeCloseTo(12.9, 1);
    // 2 * 80 * 8 * 128 * 2 bytes = 320 KiB per token.
    expect(kvCacheBytes({ layers: 80, kvHeads: 8, headDim: 128, bytes: 2, tokens: 1, batch: 1 })).toBe(320 * 1024);
    // C = 120 N^2 at 20 tokens per parameter.
    const n = chinchillaParams(1.2e23, 20);
    expect(6 * n * (20 * n)).toBeCloseTo(1.2e23, -18);
  });
});
