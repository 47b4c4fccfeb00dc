import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadBanks } from '../../src/bank/load.js';
import type { BankSet, Question } from '../../src/bank/types.js';

/** The 25 tags of CONTENT.md with the number of distinct items the notes hold for each. */
const SEED_COUNTS: Record<string, number> = {
  'ml-fundamentals': 10,
  'bias-variance': 9,
  regularization: 10,
  optimization: 12,
  'calculus-backprop': 11,
  'linear-algebra': 7,
  probability: 13,
  statistics: 5,
  'loss-functions': 7,
  'evaluation-metrics': 14,
  'data-preprocessing': 5,
  'linear-models': 13,
  'classical-models': 9,
  'trees-ensembles': 10,
  unsupervised: 7,
  'deep-learning-basics': 17,
  cnn: 12,
  'sequence-models': 5,
  transformers: 5,
  'generative-models': 10,
  'computer-vision': 4,
  'ml-system-design': 7,
  'ml-engineering': 6,
  coding: 11,
  behavioral: 7,
};
/** The tags of a 2026 interview (CONTENT.md, "Beyond the notes"), each with its minimum size. */
const MODERN_COUNTS: Record<string, number> = {
  'llm-foundations': 15,
  'llm-finetuning-alignment': 15,
  'llm-inference': 15,
  'retrieval-rag': 15,
  'llm-evaluation': 15,
  'recommender-systems': 15,
  'reinforcement-learning': 15,
  'distributed-training': 15,
};
const ALL_COUNTS = { ...SEED_COUNTS, ...MODERN_COUNTS };
/** Planning and state estimation, moved out of computer-vision so that a vision round never draws A*. */
const ROBOTICS_MIN = 8;
const MATH_TAGS = ['linear-algebra', 'probability', 'statistics', 'evaluation-metrics', 'cnn', 'optimization', 'calculus-backprop', 'linear-models'];
const words = (s: string) => s.split(/\s+/).filter(Boolean).length;

let set: BankSet;
let byTag: Map<string, Question[]>;
beforeAll(async () => {
  const root = resolve(import.meta.dirname, '../..');
  set = await loadBanks([resolve(root, 'questions')], root);
  byTag = new Map();
  for (const q of set.questions) for (const t of q.tags) byTag.set(t, [...(byTag.get(t) ?? []), q]);
});

describe('the shipped banks', () => {
  it('validate with no errors and no warnings (ids unique, see_also resolved)', () => {
    expect(set.errors).toEqual([]);
    expect(set.warnings).toEqual([]);
  });

  it('use both formats', () => {
    expect(set.files.some((f) => f.endsWith('.md'))).toBe(true);
    expect(set.files.some((f) => f.endsWith('.yaml'))).toBe(true);
  });

  it('hold at least 330 questions, only in the known tags', () => {
    expect(set.questions.length).toBeGreaterThanOrEqual(330);
    expect([...byTag.keys()].sort()).toEqual([...Object.keys(ALL_COUNTS), 'robotics'].sort());
    expect(byTag.get('robotics')!.length).toBeGreaterThanOrEqual(ROBOTICS_MIN);
    expect(
      byTag
        .get('computer-vision')!
        .filter((q) => /\bA\*|kalman/i.test(q.prompt))
        .map((q) => q.id),
    ).toEqual([]);
  });

  it.each(Object.entries(ALL_COUNTS))('%s has at least its seed count and at least 10 questions', (tag, seeds) => {
    expect(byTag.get(tag)?.length ?? 0).toBeGreaterThanOrEqual(Math.max(seeds, 10));
  });

  it('are at least 35% auto-graded overall and 60% in the math-heavy tags', () => {
    const auto = (qs: Question[]) => qs.filter((q) => q.type !== 'open').length / qs.length;
    expect(auto(set.questions)).toBeGreaterThanOrEqual(0.35);
    for (const tag of MATH_TAGS) expect([tag, auto(byTag.get(tag)!)]).toEqual([tag, expect.toSatisfy((x: number) => x >= 0.6)]);
  });

  it('are at least 40% open explanations without the auto-graded share falling below 40%', () => {
    const open = set.questions.filter((q) => q.type === 'open').length / set.questions.length;
    expect(open).toBeGreaterThanOrEqual(0.4);
    expect(1 - open).toBeGreaterThanOrEqual(0.4);
  });

  it("make the right option the strictly longest in at most a third of each tag's single-answer choice questions", () => {
    const tooEasy = [...byTag.keys()].filter((tag) => {
      const single = byTag.get(tag)!.filter((q) => q.type === 'choice' && q.correct!.length === 1);
      const longest = single.filter((q) => q.choices!.every((c, i) => i === q.correct![0] || c.length < q.choices![q.correct![0]!]!.length));
      return longest.length > Math.floor(single.length / 3);
    });
    expect(tooEasy).toEqual([]);
  });

  it('hold at least 30 system-design prompts, at least half outside vision', () => {
    const design = byTag.get('ml-system-design')!;
    const vision = design.filter((q) => /image|camera|video|frame|face|pixel|vision|lidar|fisheye|label(l)?ing|detector|photo/i.test(q.prompt));
    expect(design.length).toBeGreaterThanOrEqual(30);
    expect(design.length - vision.length).toBeGreaterThanOrEqual(design.length / 2);
  });

  it('state their own data: no prompt leans on another question (questions are drawn one at a time, in any order)', () => {
    const leans =
      /^(same\b|for the same\b|using the (previous|above)\b|as above\b|continuing\b)|\b(the above|above (question|data|example|setting|network|model)|previous question|the same (data|classifier|model|setting|network|tree|list|matrix))\b/i;
    expect(set.questions.filter((q) => leans.test(q.prompt)).map((q) => q.id)).toEqual([]);
  });

  it('keep system design and behavioral prompts open, graded against key points', () => {
    for (const tag of ['ml-system-design', 'behavioral']) expect(byTag.get(tag)!.every((q) => q.type === 'open')).toBe(true);
  });

  it('give every open question 2 to 6 key points and an answer of 40 to 350 words', () => {
    const bad = set.questions
      .filter((q) => q.type === 'open')
      .filter((q) => q.key_points.length < 2 || q.key_points.length > 6 || words(q.answer) < 40 || words(q.answer) > 350)
      .map((q) => `${q.id}: ${q.key_points.length} key points, ${words(q.answer)} words`);
    expect(bad).toEqual([]);
  });

  it('explain auto-graded answers too, never a bare value', () => {
    const bare = set.questions.filter((q) => q.type !== 'open' && words(q.answer) < 12).map((q) => q.id);
    expect(bare).toEqual([]);
  });

  it('have no duplicated prompts', () => {
    const norm = (p: string) =>
      p
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, ' ')
        .trim();
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const q of set.questions) {
      const k = norm(q.prompt);
      if (seen.has(k)) dups.push(`${q.id} repeats ${seen.get(k)}`);
      seen.set(k, q.id);
    }
    expect(dups).toEqual([]);
  });

  it('state "Select all that apply" on every multiple-answer choice question', () => {
    const bad = set.questions.filter((q) => q.type === 'choice' && q.correct!.length > 1 && !/select all/i.test(q.prompt)).map((q) => q.id);
    expect(bad).toEqual([]);
  });

  it('have every numeric answer recomputed by one of the values-*.test.ts files', () => {
    const dir = import.meta.dirname;
    const sources = readdirSync(dir)
      .filter((f) => /^values-.*\.test\.ts$/.test(f))
      .map((f) => readFileSync(resolve(dir, f), 'utf8'))
      .join('\n');
    const unchecked = set.questions.filter((q) => q.type === 'numeric' && !new RegExp(`['"\`]${q.id}['"\`]`).test(sources)).map((q) => q.id);
    expect(unchecked).toEqual([]);
  });

  it('carry the corrections of the notes where a number is at stake', () => {
    const byId = new Map(set.questions.map((q) => [q.id, q]));
    // Exactly 8 heads in 10 fair flips is C(10,8)/2^10, not 0.5^10 (CONTENT.md correction 6).
    const eight = byId.get('prob-coin-exactly-eight-heads')!;
    expect(Math.abs(eight.value! - 45 / 1024)).toBeLessThanOrEqual(eight.tolerance!);
    expect(Math.abs(0.5 ** 10 - eight.value!)).toBeGreaterThan(eight.tolerance!);
    // H=7, k=3, p=0, s=2 gives 3, not the floor-only formula's 2 (correction 25).
    expect(byId.get('cnn-output-size-stride2-odd')!.value).toBe(3);
  });
});
