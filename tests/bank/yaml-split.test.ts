import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlBank } from '../../src/bank/parse-yaml-bank.js';
import { parseYamlByQuestion } from '../../src/bank/yaml-split.js';
import { parseYaml } from '../../src/bank/yaml-source.js';

const DIR = resolve(import.meta.dirname, '../../questions');
const YAML = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .sort();

describe('parsing a large bank question by question', () => {
  it.each(YAML)('%s: the same value and the same positions as a whole parse', (f) => {
    const text = readFileSync(join(DIR, f), 'utf8');
    const split = parseYamlByQuestion(text)!;
    const whole = parseYaml(text);
    expect(split).toBeDefined();
    expect(split.value).toEqual(whole.value);
    const n = (whole.value as { questions: unknown[] }).questions.length;
    for (const path of [['questions'], ['deck'], ['questions', 0, 'id'], ['questions', n - 1, 'answer'], ['questions', Math.floor(n / 2), 'key_points', 1]])
      expect(split.locate(path)).toEqual(whole.locate(path));
    expect(split.locateKey(['questions', n - 1], 'prompt')).toEqual(whole.locateKey(['questions', n - 1], 'prompt'));
  });

  it.each([
    ['an anchor used in another question', 'questions:\n  - id: a\n    tags: &t [x]\n  - id: b\n    tags: *t\n'],
    ['a deck field after the questions', 'questions:\n  - id: a\ndeck: late\n'],
    ['a syntax error in one question', 'questions:\n  - id: a\n    prompt: [unclosed\n  - id: b\n'],
    ['a second document', 'questions:\n  - id: a\n---\nquestions: []\n'],
  ])('falls back to a whole parse for %s', (_n, text) => {
    expect(parseYamlByQuestion(text)).toBeUndefined();
  });

  it('a large bank with a fault reports it exactly as a whole parse would', () => {
    const one = (i: number) =>
      `  - id: q-${i}\n    prompt: Question ${i} asks something long enough to be a prompt?\n    answer: An answer that explains the point in a sentence or two, with care.\n    type: numeric\n    value: ${i}\n    tolerance: 0\n`;
    const body = Array.from({ length: 3000 }, (_, i) => one(i)).join('');
    const bad = `deck: Big\nquestions:\n${body.replace('value: 1234\n', 'value: "x"\n')}`;
    expect(bad.length).toBeGreaterThan(256 * 1024);
    const r = parseYamlBank('big.yaml', bad, 'big');
    expect(r.questions).toHaveLength(2999);
    const line = bad.split('\n').findIndex((l) => l === '    value: "x"') + 1;
    expect(r.diagnostics).toEqual([
      { file: 'big.yaml', line, column: 12, path: 'questions[1234].value', message: 'must be a number, found string', severity: 'error' },
    ]);
  });
});
