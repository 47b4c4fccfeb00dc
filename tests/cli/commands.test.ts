import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureDir, GOOD_YAML } from '../bank/helpers.js';
import { runCli } from './harness.js';

describe('list', () => {
  it('regression: list --json --tag filtered nothing (options were read under the wrong name)', async () => {
    const { code, out } = await runCli(['list', '--json', '--tag', 'regularization']);
    expect(code).toBe(0);
    const qs = JSON.parse(out) as { tags: string[] }[];
    expect(qs.length).toBeGreaterThanOrEqual(10);
    expect(qs.every((q) => q.tags.includes('regularization'))).toBe(true);
  });

  it('--json prints every field of the normalised question', async () => {
    const dir = fixtureDir({ 'demo.yaml': GOOD_YAML });
    const { out } = await runCli(['list', '--json', '--tag', 'demo', '--bank', dir]);
    const [open, choice, numeric] = JSON.parse(out);
    expect(Object.keys(open).sort()).toEqual([
      'answer',
      'deck',
      'difficulty',
      'file',
      'follow_ups',
      'id',
      'key_points',
      'line',
      'prompt',
      'see_also',
      'tags',
      'type',
    ]);
    expect(choice).toMatchObject({ choices: ['L1', 'L2'], correct: [0] });
    expect(numeric).toMatchObject({ value: 4, tolerance: 0 });
  });

  it('an unknown tag exits 2 and lists the tags that exist', async () => {
    const { code, err } = await runCli(['list', '--tag', 'regularisation']);
    expect(code).toBe(2);
    expect(err).toMatch(/^mlquiz: unknown tag "regularisation"\. Tags: .*regularization/m);
  });
});

describe('validate', () => {
  it('passes the shipped banks', async () => {
    const { code, out } = await runCli(['validate', '--json']);
    const report = JSON.parse(out);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(code).toBe(0);
  });

  it('reports every bad file with its location and exits 2', async () => {
    const dir = fixtureDir({
      'typo.yaml': GOOD_YAML.replace('    prompt: What is overfitting?', '    promt: What is overfitting?'),
      'empty.yml': '',
      'notes.md': '## Q\n\n<!-- id: q1 -->\n\nanswer\n\nKey points:\n- one\n',
    });
    const { code, err, out } = await runCli(['validate', dir]);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('empty.yml:1:1: the file is empty');
    expect(err).toContain('notes.md:8:1: questions[0].key_points: an open question needs 2 to 6 key points');
    expect(err).toContain('typo.yaml:5:5: questions[0].promt: unknown field "promt" (did you mean "prompt"?)');
    expect(err).toMatch(/✘ 4 errors \(3 files/);
  });

  it('regression: validate refuses a bank that reuses a shipped id, as list and run do; --alone checks it on its own', async () => {
    const dir = fixtureDir({ 'mine.yaml': GOOD_YAML.replace('id: demo-open', 'id: reg-what-and-why') });
    const v = await runCli(['validate', dir]);
    expect(v.code).toBe(2);
    expect(v.err).toMatch(/mine\.yaml:\d+:1: id: duplicate id "reg-what-and-why", first defined at .*regularization\.yaml/);
    expect(v.err).toMatch(/ids checked against \d+ other loaded questions/);
    expect((await runCli(['list', '--bank', dir])).code).toBe(2);
    const alone = await runCli(['validate', '--alone', dir]);
    expect(alone.code).toBe(0);
    const json = JSON.parse((await runCli(['validate', '--json', dir])).out);
    expect(json).toMatchObject({ ok: false, files: 1, checked_against: expect.any(Number) });
  });

  it('a see_also into the shipped banks resolves when a bank is validated beside them', async () => {
    const dir = fixtureDir({
      'mine.yaml': GOOD_YAML.replace('    prompt: What is overfitting?', '    see_also: [reg-what-and-why]\n    prompt: What is overfitting?'),
    });
    const { code, out } = await runCli(['validate', dir]);
    expect(code).toBe(0);
    expect(out).not.toContain('see_also');
  });

  it('--json gives {ok, files, questions, checked_against, errors, warnings}', async () => {
    const dir = fixtureDir({ 'a.yaml': 'questions: 5\n' });
    const { code, out } = await runCli(['validate', '--json', dir]);
    expect(code).toBe(2);
    expect(JSON.parse(out)).toEqual({
      ok: false,
      files: 1,
      questions: 0,
      checked_against: expect.any(Number),
      errors: [{ file: join(dir, 'a.yaml'), line: 1, column: 12, path: 'questions', message: 'must be a list of questions' }],
      warnings: [],
    });
  });
});

describe('commands on invalid input', () => {
  it('list refuses invalid banks with every problem, unless --skip-invalid', async () => {
    const dir = fixtureDir({ 'bad.yaml': 'questions: [\n', 'good.yaml': GOOD_YAML });
    const refused = await runCli(['list', '--bank', dir]);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/bad\.yaml:2:1: .*\nmlquiz: 1 problem in the banks; fix them .* or pass --skip-invalid/);
    const skipped = await runCli(['list', '--json', '--tag', 'demo', '--bank', dir, '--skip-invalid']);
    expect(skipped.code).toBe(0);
    expect(JSON.parse(skipped.out)).toHaveLength(3);
  });

  it('run without a terminal fails fast, naming what to use instead', async () => {
    const { code, err } = await runCli(['run']);
    expect(code).toBe(2);
    expect(err).toMatch(
      /mlquiz run is interactive and needs a terminal\. Without one: mlquiz run --dry-run shows what it would ask, mlquiz list --json prints the questions/,
    );
  });

  it('a corrupt progress file stops tags with the file named, and is left as it was', async () => {
    const first = await runCli(['tags', '--json']);
    const file = join(first.home, 'progress.json');
    writeFileSync(file, '{"version": 1, "cards": {');
    const { code, err } = await runCli(['tags'], { env: { MLQUIZ_HOME: first.home } });
    expect(code).toBe(2);
    expect(err).toContain(`${file}:1:26: the progress file is not valid JSON`);
    expect(readFileSync(file, 'utf8')).toBe('{"version": 1, "cards": {');
  });

  it('MLQUIZ_BANKS adds banks', async () => {
    const dir = fixtureDir({ 'demo.yaml': GOOD_YAML });
    const { out } = await runCli(['list', '--json', '--tag', 'demo'], { env: { MLQUIZ_BANKS: dir } });
    expect(JSON.parse(out)).toHaveLength(3);
  });
});

describe('session seeds', () => {
  it('regression: a seed is short enough to retype (not a millisecond timestamp), and unambiguous', async () => {
    const { shortSeed } = await import('../../src/cli/context.js');
    const { createRng } = await import('../../src/engine/rng.js');
    const rng = createRng('x');
    const seeds = Array.from({ length: 200 }, () => shortSeed(rng));
    for (const s of seeds) expect(s).toMatch(/^[a-hjkmnp-z2-9]{6}$/);
    expect(new Set(seeds).size).toBe(200);
  });
});
