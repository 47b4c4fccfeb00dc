import { describe, it, expect } from 'vitest';
import { byId, expectNumeric, questions } from './bank-file.js';

const FILE = 'retrieval-rag.yaml';

// ---- helpers computed from first principles ----

/** Bytes per vector of a PQ code with m sub-quantizers of `bits` bits each. */
const pqCodeBytes = (m: number, bits: number) => (m * bits) / 8;

/** Memory of IVF-PQ inverted lists: code plus id per vector, in bytes. */
const ivfPqListBytes = (n: number, m: number, bits: number, idBytes: number) => n * (pqCodeBytes(m, bits) + idBytes);

/** Memory of a flat float32 index in bytes. */
const flatBytes = (n: number, d: number) => n * d * 4;

/** Reciprocal rank fusion: ranks are 1-based, null means the list does not contain the document. */
const rrf = (ranks: (number | null)[], k = 60) => ranks.reduce<number>((s, r) => s + (r === null ? 0 : 1 / (k + r)), 0);

/** MRR@k: ranks of the first relevant result per query, null (or beyond k) counts as 0. */
const mrrAtK = (ranks: (number | null)[], k: number) => ranks.reduce<number>((s, r) => s + (r !== null && r <= k ? 1 / r : 0), 0) / ranks.length;

/** Sliding-window chunk count: step through starts until a chunk reaches the end of the document. */
const chunkCount = (length: number, size: number, overlap: number) => {
  const stride = size - overlap;
  let n = 0;
  for (let start = 0; ; start += stride) {
    n++;
    if (start + size >= length) break;
  }
  return n;
};

const computed: Record<string, number> = {
  'rag-ivfpq-memory': ivfPqListBytes(100e6, 64, 8, 8) / 1e9,
  'rag-rrf-score': Math.max(rrf([1, 5]), rrf([3, 3]), rrf([null, 2])),
  'rag-mrr-queries': mrrAtK([1, 3, 2, 4, null], 10),
  // Recall@5 per query (found / relevant), then the mean over queries.
  'rag-recall-at-k-multi':
    [
      [2, 2],
      [1, 4],
      [2, 3],
    ].reduce((s, [found, relevant]) => s + found / relevant, 0) / 3,
};

describe('retrieval-rag bank: numeric values are computed correctly', () => {
  for (const [id, value] of Object.entries(computed)) {
    it(id, () => expectNumeric(FILE, id, value));
  }

  it('every numeric question has a computed check', () => {
    const numeric = questions(FILE)
      .filter((q) => q.type === 'numeric')
      .map((q) => q.id as string);
    expect(numeric.filter((id) => !(id in computed))).toEqual([]);
  });

  it('the chunk-count choice marks the computed count as correct', () => {
    const q = byId(FILE, 'rag-chunk-count');
    const n = chunkCount(10_000, 512, 128);
    expect(n).toBe(Math.ceil((10_000 - 128) / (512 - 128)));
    expect(q.choices[q.correct]).toBe(`${n} chunks`);
  });

  it('sanity: the helpers match hand-checked facts', () => {
    // flat float32 index vs PQ codes: 4d / m compression of the vectors themselves
    expect(flatBytes(100e6, 1024) / 1e9).toBeCloseTo(409.6, 6);
    expect((1024 * 4) / pqCodeBytes(64, 8)).toBe(64);
    // RRF with k = 60: A just beats B, C is about half
    expect(rrf([1, 5])).toBeGreaterThan(rrf([3, 3]));
    expect(rrf([null, 2])).toBeCloseTo(1 / 62, 12);
    // a 1,024-token document with 512/0 chunks needs exactly 2 chunks
    expect(chunkCount(1024, 512, 0)).toBe(2);
  });
});
