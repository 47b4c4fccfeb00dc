import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { QUESTION } from '../bank/helpers.js';
import { runCli } from './harness.js';

/*
 * `list --json` prints the output kept for banks of the same content (src/bank/cache-output.ts).
 * These runs share one data folder, as one person's runs do; each is checked against a run
 * with no cache at all.
 */

const second = QUESTION.replace('evil-q', 'other-q').replace('an L2 penalty', 'an L1 penalty');
const broken = '## A question with no answer\n\n<!--\nid: no-answer\n-->\n';
let root: string;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'mlq-kept-'));
  // The shipped banks stay out: an empty folder in their place.
  mkdirSync(join(root, 'shipped'));
  mkdirSync(join(root, 'banks'));
  writeFileSync(join(root, 'banks', 'a.md'), QUESTION);
  writeFileSync(join(root, 'banks', 'b.md'), second);
  mkdirSync(join(root, 'mixed'));
  writeFileSync(join(root, 'mixed', 'good.md'), QUESTION);
  writeFileSync(join(root, 'mixed', 'bad.md'), broken);
  mkdirSync(join(root, 'growing'));
  writeFileSync(join(root, 'growing', 'a.md'), QUESTION);
  // The pack vouches for a file only once it is two seconds old (src/bank/cache-pack.ts),
  // and only then is an output kept; a file's change time cannot be set back.
  await new Promise((r) => setTimeout(r, 2100));
});

const homeFor = () => mkdtempSync(join(tmpdir(), 'mlq-kept-home-'));
const list = (home: string, args: string[], cwd = root, env: Record<string, string> = {}) =>
  runCli(['list', '--json', ...args], { cwd, env: { MLQUIZ_HOME: home, NO_COLOR: '1', ...env }, shippedBanks: join(root, 'shipped') });
const fresh = (args: string[], cwd = root) => list(homeFor(), args, cwd, { MLQUIZ_NO_CACHE: '1' });
const keptFiles = (home: string) => {
  const dir = join(
    home,
    'cache',
    readdirSync(join(home, 'cache')).find((d) => d.startsWith('packs-'))!,
  );
  return readdirSync(dir)
    .filter((f) => f.endsWith('.out'))
    .map((f) => join(dir, f));
};

describe('list --json with a kept output', () => {
  it('prints on a repeated call exactly what a run without any cache prints, and that comes from the kept file', async () => {
    const home = homeFor();
    const want = await fresh(['--bank', 'banks']);
    const first = await list(home, ['--bank', 'banks']);
    const again = await list(home, ['--bank', 'banks']);
    expect([first.code, first.out, first.err]).toEqual([0, want.out, '']);
    expect([again.code, again.out, again.err]).toEqual([0, want.out, '']);
    const [file, ...more] = keptFiles(home);
    expect(more).toEqual([]);
    // An edit to the kept file shows in the next call: it was printed instead of the banks.
    writeFileSync(file!, readFileSync(file!, 'utf8').replace('an L1 penalty', 'an L1 penalty (kept)'));
    expect((await list(home, ['--bank', 'banks'])).out).toBe(want.out.replace('an L1 penalty', 'an L1 penalty (kept)'));
  });

  it('keeps one output per filter, and never serves one filter the output of another', async () => {
    const home = homeFor();
    await list(home, ['--bank', 'banks']);
    for (const args of [
      ['--bank', 'banks', '--difficulty', 'medium'],
      ['--bank', 'banks', '--deck', 'nothing'],
    ]) {
      const want = await fresh(args);
      for (let i = 0; i < 2; i++) expect(await list(home, args)).toMatchObject({ code: want.code, out: want.out, err: want.err });
    }
    expect(keptFiles(home)).toHaveLength(2);
  });

  it('names files as the working folder does: the same banks seen from another folder get their own output', async () => {
    const home = homeFor();
    const inside = join(root, 'banks');
    for (const [cwd, bank] of [
      [root, 'banks'],
      [inside, '.'],
      [root, 'banks'],
      [inside, '.'],
    ] as const) {
      const got = await list(home, ['--bank', bank], cwd);
      expect(got.out).toBe((await fresh(['--bank', bank], cwd)).out);
    }
    expect(JSON.parse((await list(home, ['--bank', '.'], inside)).out)[0].file).toBe('a.md');
  });

  it('regression: banks with errors under --skip-invalid say what they skipped on every call (their output is never kept)', async () => {
    const home = homeFor();
    const want = await fresh(['--bank', 'mixed', '--skip-invalid']);
    expect(want.err).toMatch(/^skipped: mixed\/bad\.md/);
    for (let i = 0; i < 2; i++) expect(await list(home, ['--bank', 'mixed', '--skip-invalid'])).toMatchObject({ code: 0, out: want.out, err: want.err });
    expect(keptFiles(home)).toEqual([]);
    // And without the flag the same banks stop the command every time.
    const stopped = await fresh(['--bank', 'mixed']);
    expect(stopped.code).not.toBe(0);
    for (let i = 0; i < 2; i++) expect(await list(home, ['--bank', 'mixed'])).toMatchObject({ code: stopped.code, out: stopped.out, err: stopped.err });
  });

  it('prints an edited bank at once, and keeps the output for its new content once the pack can vouch for it', async () => {
    const home = homeFor();
    const dir = mkdtempSync(join(tmpdir(), 'mlq-kept-edit-'));
    writeFileSync(join(dir, 'a.md'), QUESTION);
    await new Promise((r) => setTimeout(r, 2100));
    await list(home, ['--bank', dir]);
    writeFileSync(join(dir, 'a.md'), QUESTION.replace('lowers variance.', 'lowers VARIANCE.'));
    const edited = await list(home, ['--bank', dir]);
    expect(edited.out).toContain('lowers VARIANCE.');
    expect(edited.out).toBe((await fresh(['--bank', dir])).out);
    await new Promise((r) => setTimeout(r, 2100));
    for (let i = 0; i < 2; i++) expect((await list(home, ['--bank', dir])).out).toBe(edited.out);
    // The output for the new content took the place of the old one.
    expect(keptFiles(home)).toHaveLength(1);
  });

  it('regression: a file too new for the pack to vouch for keeps nothing, so its questions never outlive it', async () => {
    const home = homeFor();
    writeFileSync(join(root, 'growing', 'b.md'), second);
    const both = await list(home, ['--bank', 'growing']);
    expect(JSON.parse(both.out).map((q: { id: string }) => q.id)).toEqual(['evil-q', 'other-q']);
    expect(keptFiles(home)).toEqual([]);
    rmSync(join(root, 'growing', 'b.md'));
    const one = await list(home, ['--bank', 'growing']);
    expect(one.out).toBe((await fresh(['--bank', 'growing'])).out);
    expect(JSON.parse(one.out).map((q: { id: string }) => q.id)).toEqual(['evil-q']);
  });

  it('regression: a kept output holding a control sequence is not printed; the banks are read instead', async () => {
    const home = homeFor();
    const want = await fresh(['--bank', 'banks']);
    await list(home, ['--bank', 'banks']);
    const [file] = keptFiles(home);
    writeFileSync(file!, readFileSync(file!, 'utf8').replace('an L1 penalty', 'an L1 \u001b]52;c;cHduZWQ=\u0007penalty'));
    expect((await list(home, ['--bank', 'banks'])).out).toBe(want.out);
  });
});
