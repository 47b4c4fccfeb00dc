import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../cli/harness.js';
import { FIXTURES } from './helpers.js';

const work = () => mkdtempSync(join(tmpdir(), 'mlq-import-cli-'));
const FIXTURE = join(FIXTURES, 'dsi-theory-excerpt.md');

describe('mlquiz import FILE --out DIR', () => {
  it('writes a bank from the real fixture, says what it made, and validate accepts it (beside the shipped banks)', async () => {
    const cwd = work();
    const r = await runCli(['import', FIXTURE, '--out', 'bank', '--source', 'data-science-interviews theory.md'], { cwd });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const lines = r.out.trim().split('\n');
    expect(lines[0]).toBe(`Read ${FIXTURE} (questions from bold lines).`);
    expect(lines.slice(1)).toEqual([
      'Wrote 26 questions to bank/theoretical-interview-questions.yaml (deck "Theoretical interview questions").',
      'Tags (4): linear-regression 8, random-forest 8, validation 6, gradient-boosting 4',
      'Difficulty: 10 easy, 16 medium, 0 hard',
      'Source: data-science-interviews theory.md',
      'Licence: CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).',
      'Skipped 2 items:',
      '  line 263: placeholder answer "Answer here"',
      '  line 309: placeholder answer "Answer here"',
      'The questions have no key points yet, so they are self-rated: practised by rating alone. Check the bank with: mlquiz validate bank',
    ]);
    const v = await runCli(['validate', 'bank', '--json'], { cwd });
    expect(v.code).toBe(0);
    const report = JSON.parse(v.out);
    expect(report).toMatchObject({ ok: true, files: 1, questions: 26, errors: [] });
    expect(report.warnings).toHaveLength(26);
    expect(report.checked_against).toBeGreaterThan(500);
    const text = await runCli(['validate', 'bank'], { cwd });
    expect(text.out).toContain('bank/theoretical-interview-questions.yaml:19:17: warning: questions[0].self_rated: self-rated: no key points');
    expect(text.out).toMatch(/✔ 1 file, 26 valid questions; ids checked against \d+ other loaded questions \(--alone skips that\), 26 warning\(s\)\n$/);
  });

  it('refuses to overwrite without --force (nothing written), overwrites with it, and gives the same ids again', async () => {
    const cwd = work();
    const first = await runCli(['import', FIXTURE, '--out', 'bank', '--json'], { cwd });
    const before = readFileSync(join(cwd, 'bank/theoretical-interview-questions.yaml'), 'utf8');
    writeFileSync(join(cwd, 'bank/theoretical-interview-questions.yaml'), 'edited');
    const again = await runCli(['import', FIXTURE, '--out', 'bank'], { cwd });
    expect(again.code).toBe(2);
    expect(again.err).toBe('mlquiz: bank/theoretical-interview-questions.yaml already exists: pass --force to overwrite; nothing written\n');
    expect(readFileSync(join(cwd, 'bank/theoretical-interview-questions.yaml'), 'utf8')).toBe('edited');
    const forced = await runCli(['import', FIXTURE, '--out', 'bank', '--force', '--json'], { cwd });
    expect(forced.code).toBe(0);
    expect(readFileSync(join(cwd, 'bank/theoretical-interview-questions.yaml'), 'utf8')).toBe(before);
    expect(JSON.parse(forced.out).ids).toEqual(JSON.parse(first.out).ids);
  });

  it('--json gives the summary: files, ids, tags, difficulty, skipped with lines, licence', async () => {
    const cwd = work();
    const r = await runCli(['import', FIXTURE, '--out', 'b', '--json', '--prefix', 'dsi', '--licence', 'CC BY 4.0'], { cwd });
    const s = JSON.parse(r.out);
    expect(s).toMatchObject({
      files: [{ file: 'b/theoretical-interview-questions.yaml', deck: 'Theoretical interview questions', questions: 26 }],
      questions: 26,
      tags: { 'linear-regression': 8, validation: 6, 'random-forest': 8, 'gradient-boosting': 4 },
      difficulty: { easy: 10, medium: 16, hard: 0, unmarked: 0 },
      source: 'dsi-theory-excerpt.md',
      licence: 'CC BY 4.0',
      unit: 'line',
      skipped: [
        { line: 263, reason: 'placeholder answer "Answer here"' },
        { line: 309, reason: 'placeholder answer "Answer here"' },
      ],
      images: [],
    });
    expect(s.ids[0]).toBe('dsi-what-is-regression-which-models-can-you-use-to');
  });

  it('list marks the imported questions as self-rated, in text and in --json', async () => {
    const cwd = work();
    await runCli(['import', FIXTURE, '--out', 'bank'], { cwd });
    const text = await runCli(['list', '--bank', 'bank', '--tag', 'validation'], { cwd });
    expect(text.out).toContain('what-is-overfitting  open, self-rated · easy · validation');
    const json = JSON.parse((await runCli(['list', '--json', '--bank', 'bank', '--tag', 'validation'], { cwd })).out);
    expect(json.map((x: { self_rated?: boolean }) => x.self_rated)).toEqual(Array(6).fill(true));
    const shipped = JSON.parse((await runCli(['list', '--json', '--tag', 'regularization'], { cwd })).out);
    expect(shipped.some((x: { self_rated?: boolean }) => 'self_rated' in x)).toBe(false);
  });

  it('an id a loaded bank already uses gets a suffix, so validate beside that bank still passes', async () => {
    const cwd = work();
    writeFileSync(join(cwd, 'notes.md'), '## What is overfitting?\n\nFitting noise.\n');
    const mine = join(cwd, 'mine');
    await runCli(['import', 'notes.md', '--out', 'mine'], { cwd });
    const other = await runCli(['import', 'notes.md', '--out', 'other', '--json'], { cwd, env: { MLQUIZ_HOME: work(), NO_COLOR: '1', MLQUIZ_BANKS: mine } });
    expect(JSON.parse(other.out).ids).toEqual(['what-is-overfitting-2']);
    // Importing again into the same folder does not count that folder's own ids as taken.
    const again = await runCli(['import', 'notes.md', '--out', 'mine', '--force', '--json'], {
      cwd,
      env: { MLQUIZ_HOME: work(), NO_COLOR: '1', MLQUIZ_BANKS: mine },
    });
    expect(JSON.parse(again.out).ids).toEqual(['what-is-overfitting']);
  });

  it('CSV with a missing column, an empty file, an unknown extension, a folder: one line, exit 2, nothing written', async () => {
    const cwd = work();
    writeFileSync(join(cwd, 'cards.csv'), 'prompt,answer\nWhat is L1?,Sparsity\nWhat is L2?\n');
    writeFileSync(join(cwd, 'empty.md'), '');
    writeFileSync(join(cwd, 'todo.md'), '## A?\n\nAnswer here\n');
    writeFileSync(join(cwd, 'notes.docx'), 'x');
    const cases: [string[], string][] = [
      [['import', 'cards.csv', '--out', 'o'], 'mlquiz: cards.csv:3: missing the answer column (expected prompt,answer[,tags])\n'],
      [
        ['import', 'empty.md', '--out', 'o'],
        'mlquiz: empty.md: no questions to import (questions are headings or bold lines with an answer under them); nothing written\n',
      ],
      [
        ['import', 'notes.docx', '--out', 'o'],
        'mlquiz: notes.docx: cannot import this kind of file; mlquiz imports .md, .markdown, .csv, .tsv, .apkg, .colpkg\n',
      ],
      [['import', 'missing.md', '--out', 'o'], 'mlquiz: missing.md: no such file\n'],
    ];
    for (const [argv, err] of cases) {
      const r = await runCli(argv, { cwd });
      expect([r.code, r.err]).toEqual([2, err]);
    }
    const todo = await runCli(['import', 'todo.md', '--out', 'o'], { cwd });
    expect(todo.code).toBe(2);
    expect(todo.err).toContain('todo.md:1: placeholder answer "Answer here"');
    expect(existsSync(join(cwd, 'o'))).toBe(false);
    writeFileSync(join(cwd, 'o'), 'a file');
    writeFileSync(join(cwd, 'n.md'), '## Q?\n\nA.\n');
    expect((await runCli(['import', 'n.md', '--out', 'o'], { cwd })).err).toBe('mlquiz: --out o is a file: name a folder (it is made if missing)\n');
    expect(readdirSync(cwd).sort()).toEqual(['cards.csv', 'empty.md', 'n.md', 'notes.docx', 'o', 'todo.md']);
  });

  it('imports a TSV with tags into a bank validate accepts', async () => {
    const cwd = work();
    writeFileSync(join(cwd, 'cards.tsv'), 'What is L1?\tSparsity-inducing penalty.\tregularization\nWhat is L2?\tWeight decay.\tregularization\n');
    const r = await runCli(['import', 'cards.tsv', '--out', 'o', '--license', 'MIT'], { cwd });
    expect(r.out).toContain('Source: cards.tsv\nLicence: MIT\n');
    expect(r.out).toContain('Wrote 2 questions to o/cards.yaml (deck "cards").');
    expect(r.out).toContain('Tags (1): regularization 2');
    expect((await runCli(['validate', 'o'], { cwd })).code).toBe(0);
  });
});
