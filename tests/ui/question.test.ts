import { PassThrough } from 'node:stream';
import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { reveal, showQuestion } from '../../src/ui/question.js';
import { q } from '../engine/fixtures.js';

function capture() {
  let out = '';
  const output = new PassThrough();
  output.on('data', (d) => (out += d));
  return { io: { input: new PassThrough(), output }, text: () => stripVTControlCharacters(out) };
}

const long = q('long', {
  tags: ['llm-finetuning-alignment', 'retrieval-rag'],
  prompt: 'Why does a reward model trained on pairwise preferences drift away from what annotators meant, and how would you notice it?',
  answer: 'Because the policy optimises against a learned proxy and finds its blind spots; compare against fresh human judgments on a held-out slice.',
  follow_ups: ['How would a KL penalty towards the reference model change the picture, and what does too large a coefficient do?'],
});

describe('the question screen at narrow widths (issue 10, item 9)', () => {
  it.each([40, 60, 100])('regression: at %i columns the header, prompt, answer and follow-ups wrap on spaces', async (width) => {
    const t = capture();
    await showQuestion(t.io, long, { index: 3, total: 12, label: 'weak tag: llm-finetuning-alignment (3 of 5 missed)' }, width);
    await reveal(t.io, long, { text: 'x' }, width);
    const lines = t.text().split('\n');
    for (const l of lines) expect([...l].length, l).toBeLessThanOrEqual(width);
    const words = new Set(lines.flatMap((l) => l.split(/\s+/)));
    for (const w of ['llm-finetuning-alignment,', 'retrieval-rag', 'annotators', 'coefficient', 'judgments', 'missed)']) expect(words, w).toContain(w);
  });
});
