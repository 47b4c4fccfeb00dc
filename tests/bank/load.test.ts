import { describe, expect, it } from 'vitest';
import { loadBanks } from '../../src/bank/load.js';
import { parseBankFile } from '../../src/bank/parse-file.js';
import { formatDiagnostic } from '../../src/bank/types.js';
import { fixtureDir, GOOD_YAML } from './helpers.js';

const parse = (text: string | Uint8Array, file = 'bank.yaml') => parseBankFile(file, typeof text === 'string' ? new TextEncoder().encode(text) : text);
const lines = (text: string | Uint8Array, file?: string) => parse(text, file).diagnostics.map(formatDiagnostic);

describe('YAML banks', () => {
  it('normalises a valid bank: deck tags added, defaults filled, correct as a list', () => {
    const { questions, diagnostics } = parse(GOOD_YAML);
    expect(diagnostics).toEqual([]);
    expect(questions.map((q) => [q.id, q.type, q.difficulty, q.deck, q.tags, q.line])).toEqual([
      ['demo-open', 'open', 'medium', 'Demo', ['demo'], 4],
      ['demo-choice', 'choice', 'medium', 'Demo', ['demo'], 8],
      ['demo-numeric', 'numeric', 'medium', 'Demo', ['demo'], 14],
    ]);
    expect(questions[1]!.correct).toEqual([0]);
  });

  it('reports a syntax error at the line of the fault', () => {
    expect(lines('questions:\n  - id: a\n    prompt: [unclosed\n    answer: x\n')[0]).toMatch(/^bank\.yaml:4:\d+: /);
  });

  it('reports a typo such as promt as an unknown field, at its line, with a suggestion', () => {
    const text = GOOD_YAML.replace('    prompt: What is overfitting?', '    promt: What is overfitting?');
    expect(lines(text)).toEqual([
      'bank.yaml:4:5: questions[0].prompt: required field is missing',
      'bank.yaml:5:5: questions[0].promt: unknown field "promt" (did you mean "prompt"?)',
    ]);
  });

  it('reports every problem at once, each at its own line', () => {
    const text = `questions:
  - id: Bad Id
    prompt: p
    answer: a
    key_points: [one]
  - id: ok-choice
    type: choice
    prompt: p
    answer: a
    choices: [x, y]
    correct: 2
  - id: ok-num
    type: numeric
    prompt: p
    answer: a
    value: 1
    tolerance: -1
    choices: [a, b]
`;
    expect(lines(text)).toEqual([
      'bank.yaml:2:9: questions[0].id: must be a slug: lowercase letters, digits and single hyphens',
      'bank.yaml:5:17: questions[0].key_points: an open question needs 2 to 6 key points',
      'bank.yaml:11:14: questions[1].correct: index out of range: there are 2 choices (0 to 1)',
      'bank.yaml:17:16: questions[2].tolerance: must be >= 0',
      'bank.yaml:18:14: questions[2].choices: not allowed on a numeric question',
    ]);
  });

  it('rejects a questions field that is not a list', () => {
    expect(lines('deck: x\nquestions: {a: 1}\n')).toEqual(['bank.yaml:2:12: questions: must be a list of questions']);
  });

  it('rejects a bank that is a list or a scalar', () => {
    expect(lines('- a\n- b\n')[0]).toMatch(/bank\.yaml:1:1: a bank must be a mapping/);
  });

  it('explains text that YAML read as a mapping', () => {
    const text = GOOD_YAML.replace('[low train error, high test error]', '\n      - fixes: dropout\n      - more data');
    expect(lines(text)[0]).toContain(
      'questions[0].key_points[0]: must be a string, found a mapping (YAML read "key: value" inside the text as a mapping: quote the text)',
    );
  });

  it('rejects empty, whitespace-only, binary and non-UTF-8 files', () => {
    expect(lines('')).toEqual(['bank.yaml:1:1: the file is empty']);
    expect(lines('  \n\n')).toEqual(['bank.yaml:1:1: the file is empty']);
    expect(lines(new Uint8Array([0x71, 0x00, 0x01, 0x02]))).toEqual(['bank.yaml:1:1: this is a binary file, not a text bank']);
    expect(lines(new Uint8Array([0x71, 0x3a, 0x20, 0xff, 0xfe, 0x0a]))).toEqual(['bank.yaml:1:1: the file is not valid UTF-8 text']);
  });

  it('loads BOM and CRLF files with the same lines', () => {
    const crlf = '\uFEFF' + GOOD_YAML.replace(/\n/g, '\r\n');
    const { questions, diagnostics } = parse(crlf);
    expect(diagnostics).toEqual([]);
    expect(questions.map((q) => q.line)).toEqual([4, 8, 14]);
  });

  it('bounds alias expansion: an alias bomb fails fast instead of hanging', () => {
    const bomb = [
      'a: &a ["x","x","x","x","x","x","x","x","x","x"]',
      ...'bcdefghi'.split('').map((c, i) => `${c}: &${c} [${Array(10).fill(`*${'abcdefghi'[i]}`).join(',')}]`),
      'questions: []',
    ].join('\n');
    const started = Date.now();
    const out = lines(bomb);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(out[0]).toMatch(/cannot expand YAML/);
  });

  it('treats __proto__ and constructor as unknown fields and pollutes nothing', () => {
    const text = GOOD_YAML.replace(
      '    answer: Fitting noise in the training data.',
      '    answer: Fitting noise.\n    __proto__: {polluted: true}\n    constructor: x',
    );
    const out = lines(text);
    expect(out).toContain('bank.yaml:7:5: questions[0].__proto__: unknown field "__proto__"');
    expect(out).toContain('bank.yaml:8:5: questions[0].constructor: unknown field "constructor"');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('Markdown banks', () => {
  const MD = `---
deck: Design
tags: [design]
---

Notes for authors are ignored.

## Design a face-blurring pipeline.

<!--
id: design-blur
difficulty: hard
time_limit: 600
-->

> Ten million images a day.

Recall first: a missed face is a privacy breach.

\`\`\`
## not a heading inside code
\`\`\`

Key points:
- recall-first threshold
- run before storage,
  on every image

Follow-ups:
- How many images to label?

## What is 2 + 2?

<!-- id: md-num
type: numeric
value: 4
tolerance: 0 -->

Four.
`;

  it('reads prompt, metadata, quote, answer, key points and follow-ups', () => {
    const { questions, diagnostics } = parse(MD, 'design.md');
    expect(diagnostics).toEqual([]);
    const [q, n] = questions;
    expect(q).toMatchObject({
      id: 'design-blur',
      deck: 'Design',
      tags: ['design'],
      difficulty: 'hard',
      time_limit: 600,
      prompt: 'Design a face-blurring pipeline.\n\nTen million images a day.',
      key_points: ['recall-first threshold', 'run before storage, on every image'],
      follow_ups: ['How many images to label?'],
      line: 8,
    });
    expect(q!.answer).toContain('## not a heading inside code');
    expect(n).toMatchObject({ id: 'md-num', type: 'numeric', value: 4, line: 32 });
  });

  it('locates metadata errors at their line in the file', () => {
    const bad = MD.replace('difficulty: hard', 'dificulty: hard');
    expect(lines(bad, 'design.md')).toEqual(['design.md:12:1: questions[0].dificulty: unknown field "dificulty" (did you mean "difficulty"?)']);
  });

  it('reports a missing id and too few key points at the heading and list', () => {
    const bad = MD.replace('id: design-blur\n', '').replace('- recall-first threshold\n', '');
    expect(lines(bad, 'design.md')).toEqual([
      // A missing metadata field is reported at the metadata block.
      'design.md:11:1: questions[0].id: required field is missing',
      'design.md:24:1: questions[0].key_points: an open question needs 2 to 6 key points',
    ]);
  });

  it('reports an unclosed metadata block and front-matter errors', () => {
    expect(lines('## Q\n\n<!-- id: x\n\nanswer\n', 'a.md')).toEqual(['a.md:3:1: questions[0]: metadata block "<!--" is never closed with "-->"']);
    expect(lines('---\ndeck: x\ntagz: [a]\n---\n## Q\n', 'a.md')).toEqual(['a.md:3:1: tagz: unknown field "tagz" (did you mean "tags"?)']);
  });
});

describe('loading folders', () => {
  it('names both places of a duplicate id, across files', async () => {
    const dir = fixtureDir({ 'a.yaml': GOOD_YAML, 'sub/b.yaml': GOOD_YAML.replace('demo-choice', 'other').replace('demo-numeric', 'other2') });
    const set = await loadBanks([dir], dir);
    expect(set.files).toEqual(['a.yaml', 'sub/b.yaml']);
    expect(set.errors.map(formatDiagnostic)).toEqual(['sub/b.yaml:4:1: id: duplicate id "demo-open", first defined at a.yaml:4']);
  });

  it('warns about see_also ids that no bank has', async () => {
    const dir = fixtureDir({ 'a.yaml': GOOD_YAML.replace('    key_points:', '    see_also: [nowhere]\n    key_points:') });
    expect((await loadBanks([dir], dir)).warnings.map(formatDiagnostic)).toEqual(['a.yaml:4:1: warning: see_also: no loaded question has the id "nowhere"']);
  });

  it('reports a path that does not exist, and ignores README.md and dot files', async () => {
    const dir = fixtureDir({ 'README.md': '# about', '.hidden.yaml': 'x: [', 'a.yaml': GOOD_YAML });
    const set = await loadBanks([dir, 'missing-folder'], dir);
    expect(set.files).toEqual(['a.yaml']);
    expect(set.errors.map(formatDiagnostic)).toEqual(['missing-folder:1:1: no such file or folder']);
  });
});
