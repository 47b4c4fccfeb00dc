import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isParsedBank } from '../../src/bank/cache-check.js';
import { fileBankCache } from '../../src/bank/cache.js';
import { loadBanks } from '../../src/bank/load.js';
import { parseBankFile } from '../../src/bank/parse-file.js';
import { formatDiagnostic } from '../../src/bank/types.js';
import { EXPLOIT, QUESTION } from './helpers.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mlq-hostile-'));
const bytes = (s: string) => new TextEncoder().encode(s);

describe('hostile banks', () => {
  it('regression: ---js front matter is refused as a located error and never evaluated', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'evil.md'), EXPLOIT);
    const set = await loadBanks([dir], dir);
    expect(set.questions).toEqual([]);
    expect(set.errors.map(formatDiagnostic)).toEqual([
      'evil.md:1:1: front matter: front matter fenced as "---js" is not read: only YAML front matter is allowed (start the file with a plain "---" line)',
    ]);
    expect(existsSync(join(dir, 'pwned.txt'))).toBe(false);
  });

  it('regression: a text of any length was accepted, and a 200,000-character word took the renderer seconds; texts now stop at 20,000 characters', () => {
    const yaml = `questions:\n  - id: big\n    prompt: "${'x'.repeat(20_001)}"\n    answer: An answer that is long enough to be a real one.\n    key_points: [one, two]\n`;
    const r = parseBankFile('big.yaml', bytes(yaml));
    expect(r.questions).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ line: 3, path: 'questions[0].prompt', message: 'must be at most 20,000 characters' });
    expect(parseBankFile('ok.yaml', bytes(yaml.replace('x'.repeat(20_001), 'x'.repeat(20_000)))).questions).toHaveLength(1);
  });

  it.each(['---javascript', '---coffee', '---toml', '---json'])('regression: %s front matter is a located error, not a crash', (fence) => {
    const r = parseBankFile('b.md', bytes(`${fence}\ndeck: x\n---\n${QUESTION}`));
    expect(r.questions).toEqual([]);
    expect(r.diagnostics[0]).toMatchObject({ line: 1, severity: 'error', message: expect.stringContaining(`"${fence}" is not read`) });
  });

  it('plain --- and ---yaml front matter are read as YAML', () => {
    for (const fence of ['---', '---yaml']) {
      const r = parseBankFile('b.md', bytes(`${fence}\ndeck: Mine\ntags: [mine]\n---\n${QUESTION}`));
      expect(r.diagnostics).toEqual([]);
      expect(r.questions[0]).toMatchObject({ deck: 'Mine', tags: ['mine'], line: 5 });
    }
  });

  it('regression: front matter that is never closed is a located error', () => {
    const r = parseBankFile('b.md', bytes(`---\ndeck: x\n${QUESTION}`));
    expect(r.diagnostics[0]!.message).toMatch(/never closed/);
  });

  it('regression: time_limit 1e300 is refused, so no budget beyond a safe integer reaches progress', () => {
    const yaml = 'questions:\n  - id: a\n    prompt: p\n    answer: an answer\n    type: numeric\n    value: 1\n    tolerance: 0.1\n    time_limit: 1e300\n';
    expect(parseBankFile('b.yaml', bytes(yaml)).diagnostics.map(formatDiagnostic)).toEqual([
      'b.yaml:8:17: questions[0].time_limit: must be at most 3600 seconds',
    ]);
  });

  it('infinite values and tolerances are refused', () => {
    const yaml = 'questions:\n  - id: a\n    prompt: p\n    answer: an answer\n    type: numeric\n    value: .inf\n    tolerance: .nan\n';
    const msgs = parseBankFile('b.yaml', bytes(yaml)).diagnostics.map((d) => d.path);
    expect(msgs).toEqual(['questions[0].value', 'questions[0].tolerance']);
  });

  it('regression: terminal escapes in bank text are stripped at load and reported as warnings', () => {
    const yaml =
      'deck: "D\\e]0;title\\a"\nquestions:\n  - id: a\n    prompt: "Clear \\e[2J the screen \\x9b and \\e]52;c;aGk=\\a copy"\n    answer: "An \\e]8;;http://x\\e\\\\link\\e]8;;\\e\\\\ here"\n    type: choice\n    choices: ["one\\x07", two]\n    correct: 0\n';
    const r = parseBankFile('b.yaml', bytes(yaml));
    const q = r.questions[0]!;
    expect(q.prompt).toBe('Clear [2J the screen  and ]52;c;aGk= copy');
    expect(q.deck).toBe('D]0;title');
    for (const s of [q.prompt, q.answer, q.deck, ...q.choices!]) expect(s).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(r.diagnostics.map((d) => [d.severity, d.path, d.line])).toEqual([
      ['warning', 'deck', 1],
      ['warning', 'questions[0].prompt', 4],
      ['warning', 'questions[0].answer', 5],
      ['warning', 'questions[0].choices[0]', 7],
    ]);
    expect(r.diagnostics[1]!.message).toBe('control characters removed (U+001B, U+009B, U+0007): bank text may not drive the terminal');
  });

  it('regression: file names and unknown keys with escapes are printed without them', () => {
    const line = formatDiagnostic({
      file: 'x\u001b]0;t\u0007.yaml',
      line: 1,
      column: 1,
      path: 'q\u001b[2J',
      message: 'unknown field "\u001b[31m"',
      severity: 'error',
    });
    expect(line).toBe('x]0;t.yaml:1:1: q[2J: unknown field "[31m"');
  });

  it('regression: a tag that is not a slug (x; touch pwned.txt) is a located error', () => {
    const yaml =
      'tags: ["x; touch pwned.txt"]\nquestions:\n  - id: a\n    prompt: p\n    answer: an answer\n    tags: [Good Tag]\n    type: numeric\n    value: 1\n    tolerance: 0\n';
    expect(parseBankFile('b.yaml', bytes(yaml)).diagnostics.map(formatDiagnostic)).toEqual([
      'b.yaml:1:8: tags[0]: a tag must be a slug: lowercase letters, digits and single hyphens',
    ]);
    const inQuestion = yaml.replace('tags: ["x; touch pwned.txt"]\n', '');
    expect(parseBankFile('b.yaml', bytes(inQuestion)).diagnostics.map(formatDiagnostic)).toEqual([
      'b.yaml:5:12: questions[0].tags[0]: a tag must be a slug: lowercase letters, digits and single hyphens',
    ]);
  });

  it('regression: deep nesting says "nested too deeply", not "Maximum call stack size exceeded"', () => {
    const deep = `questions:\n  - ${'['.repeat(20000)}${']'.repeat(20000)}\n`;
    const r = parseBankFile('b.yaml', bytes(deep));
    expect(r.diagnostics[0]!.message).toBe('nested too deeply');
    const deepMap = `questions:\n${Array.from({ length: 3000 }, (_, i) => `${'  '.repeat(i + 1)}- a:`).join('\n')}\n`;
    expect(parseBankFile('b.yaml', bytes(deepMap)).diagnostics.every((d) => !/call stack/i.test(d.message))).toBe(true);
  });

  it('regression: a FIFO named q.yaml in a bank folder is reported, never opened (no hang)', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'q.yaml')]);
    const set = await loadBanks([dir], dir);
    expect(set.errors.map(formatDiagnostic)).toEqual(['q.yaml:1:1: not a regular file (a FIFO, device or socket); mlquiz does not open it']);
    const named = await loadBanks([join(dir, 'q.yaml')], dir);
    expect(named.errors[0]!.message).toMatch(/not a regular file/);
  });

  it('regression: /dev/zero as a bank is refused at once instead of read without bound', async () => {
    const set = await loadBanks(['/dev/zero'], '/');
    expect(set.errors.map((d) => d.message)).toEqual(['not a regular file (a FIFO, device or socket); mlquiz does not open it']);
  });

  it('a bank over the size cap names the file and the cap', async () => {
    const dir = tmp();
    const f = join(dir, 'big.yaml');
    writeFileSync(f, '');
    truncateSync(f, 65 * 1024 * 1024);
    const set = await loadBanks([dir], dir);
    expect(formatDiagnostic(set.errors[0]!)).toMatch(/^big\.yaml:1:1: is larger than 64 MiB/);
  });

  it('regression: symlinked folders under a bank folder are followed, and a link loop ends', async () => {
    const dir = tmp();
    const real = join(dir, 'real');
    mkdirSync(join(dir, 'banks'));
    mkdirSync(real);
    writeFileSync(join(real, 'b.md'), QUESTION);
    symlinkSync(real, join(dir, 'banks', 'linked'));
    symlinkSync(join(dir, 'banks'), join(real, 'loop'));
    const set = await loadBanks([join(dir, 'banks')], dir);
    expect(set.errors).toEqual([]);
    expect(set.questions.map((q) => q.id)).toEqual(['evil-q']);
  });
});

describe('the parse cache', () => {
  const good = () => parseBankFile('b.md', bytes(QUESTION));

  it('accepts exactly what parsing produces', () => {
    expect(isParsedBank(good())).toBe(true);
  });

  it.each([
    ['an empty object', {}],
    ['a question without a prompt', { questions: [{ ...good().questions[0], prompt: undefined }], diagnostics: [] }],
    ['a tag that is not a slug', { questions: [{ ...good().questions[0], tags: ['x; rm -rf ~'] }], diagnostics: [] }],
    ['an escape in the prompt', { questions: [{ ...good().questions[0], prompt: 'hi \u001b[2J' }], diagnostics: [] }],
    ['an unknown field', { questions: [{ ...good().questions[0], run: 'x' }], diagnostics: [] }],
    ['a choice index out of range', { questions: [{ ...good().questions[0], type: 'choice', choices: ['a', 'b'], correct: [5] }], diagnostics: [] }],
  ])('regression: a cache entry with %s is ignored and the bank parsed afresh', async (_name, parsed) => {
    const dir = tmp();
    writeFileSync(join(dir, 'b.md'), QUESTION);
    const cacheRoot = join(dir, 'cache');
    const first = fileBankCache(cacheRoot, 'v');
    await loadBanks([join(dir, 'b.md')], dir, first);
    await first.save();
    const entries = readdirSync(join(cacheRoot, 'banks-v'));
    expect(entries).toHaveLength(1);
    const hash = entries[0]!.replace(/\.json$/, '');
    writeFileSync(join(cacheRoot, 'banks-v', entries[0]!), JSON.stringify({ hash, parsed }));
    const set = await loadBanks([join(dir, 'b.md')], dir, fileBankCache(cacheRoot, 'v'));
    expect(set.errors).toEqual([]);
    expect(set.questions.map((q) => [q.id, q.prompt])).toEqual([['evil-q', 'What does an L2 penalty do to the weights?']]);
  });
});
