import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { importDelimited } from '../../src/import/delimited.js';
import { loadImported } from './helpers.js';

const csv = (text: string) => importDelimited(text, 'cards.csv', ',');

describe('CSV and TSV import', () => {
  it('columns prompt,answer,tags without a header; quoted cells with commas and line breaks; tags slugified', async () => {
    const r = csv('What is L1?,"Sum of |w|, gives sparsity",Regularization; Linear Models\n"What is L2?","Sum of w²\nshrinks weights"\n');
    expect(r.banks[0]!.questions.map((q) => [q.line, q.prompt, q.answer, q.tags])).toEqual([
      [1, 'What is L1?', 'Sum of |w|, gives sparsity', ['regularization', 'linear', 'models']],
      [2, 'What is L2?', 'Sum of w²\nshrinks weights', []],
    ]);
    const { set } = await loadImported(r, 'cards.csv');
    expect(set.errors).toEqual([]);
    expect(set.questions.map((q) => q.id)).toEqual(['what-is-l1', 'what-is-l2']);
  });

  it('a header names the columns in any order, with a difficulty column; a BOM and CRLF are fine', () => {
    const r = importDelimited('\uFEFFtags\tdifficulty\tanswer\tquestion\r\ncnn\thard\tMixes channels.\tWhat does a 1x1 conv do?\r\n', 'cards.tsv', '\t');
    expect(r.banks[0]!.questions).toEqual([{ prompt: 'What does a 1x1 conv do?', answer: 'Mixes channels.', tags: ['cnn'], line: 2, difficulty: 'hard' }]);
    expect(r.banks[0]!.deck).toBe('cards');
  });

  it('empty answers and placeholders are skipped with their lines, counting a quoted cell over two lines', () => {
    const r = csv('prompt,answer\n"A\nprompt?",Real.\nB?,\nC?,TODO\nD?,Fine.\n');
    expect(r.banks[0]!.questions.map((q) => [q.line, q.prompt])).toEqual([
      [2, 'A\nprompt?'],
      [6, 'D?'],
    ]);
    expect(r.skipped).toEqual([
      { line: 4, reason: 'no answer' },
      { line: 5, reason: 'placeholder answer "TODO"' },
    ]);
  });

  it('a missing column is an InputError naming the file and line', () => {
    expect(() => csv('What is L1?,Sparsity\nWhat is L2?\n')).toThrow(new InputError('cards.csv:2: missing the answer column (expected prompt,answer[,tags])'));
    expect(() => csv('question,tags\nWhat?,x\n')).toThrow(new InputError('cards.csv:1: the header names no answer column (expected prompt,answer[,tags])'));
    expect(() => csv('a,"unclosed\n')).toThrow(/^cards\.csv:\d+: not readable as CSV \(Quote Not Closed/);
  });

  it('an empty file has no questions', () => {
    expect(csv('').banks[0]!.questions).toEqual([]);
    expect(csv('\n\n').banks[0]!.questions).toEqual([]);
  });
});
