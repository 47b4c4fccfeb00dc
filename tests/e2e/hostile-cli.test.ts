import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadPlan } from '../../src/cli/plans.js';
import { EXPLOIT } from '../bank/helpers.js';
import { runCli } from '../cli/harness.js';
import { BIN } from './tmux.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'mlq-hcli-'));

function cli(args: string[], opts: { cwd?: string; env?: Record<string, string | undefined> } = {}) {
  const env: Record<string, string | undefined> = { ...process.env, MLQUIZ_HOME: tmp(), NO_COLOR: '1', ...opts.env };
  for (const k of Object.keys(env)) if (env[k] === undefined) delete env[k];
  return spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? tmp(), env: env as NodeJS.ProcessEnv, encoding: 'utf8', timeout: 20_000 });
}
const noStack = (s: string) => expect(s).not.toMatch(/\n\s+at |this is a bug/);

describe('hostile input through the real CLI', () => {
  it.each([
    ['validate', (f: string) => ['validate', f], {}],
    ['list --bank', (f: string) => ['list', '--bank', f], {}],
    ['list via MLQUIZ_BANKS', () => ['list'], { banks: true }],
    ['run --bank (no terminal)', (f: string) => ['run', '--bank', f], {}],
  ])('regression: a ---js bank runs nothing under %s', (_name, args, how) => {
    const dir = tmp();
    const bank = join(dir, 'evil.md');
    writeFileSync(bank, EXPLOIT);
    const r = cli(args(bank), { cwd: dir, env: 'banks' in how ? { MLQUIZ_BANKS: bank } : {} });
    expect(existsSync(join(dir, 'pwned.txt'))).toBe(false);
    expect(r.status).toBe(2);
    noStack(r.stderr);
    if (args(bank)[0] !== 'run') expect(r.stderr).toContain('front matter fenced as "---js" is not read');
  });

  it('regression: ---coffee with --skip-invalid leaves the file out instead of crashing', () => {
    const dir = tmp();
    writeFileSync(join(dir, 'c.md'), EXPLOIT.replace('---js', '---coffee'));
    const r = cli(['list', '--skip-invalid', '--bank', join(dir, 'c.md')], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/^skipped: .*c\.md:1:1: front matter: front matter fenced as "---coffee" is not read/m);
    noStack(r.stderr);
  });

  it.each(['1e16', '1e308', '0', '-5', 'abc'])('regression: mock --per-question %s is a usage error (exit 2), before anything is saved', async (v) => {
    const r = await runCli(['mock', '--per-question', v]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--per-question <seconds>' argument .* is invalid\. Expected a number greater than 0 and at most 3600/);
  });

  it('regression: --json error paths print {"error": …} on stdout', async () => {
    const r = await runCli(['list', '--json', '--tag', 'no-such-tag']);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ error: { code: 2, message: expect.stringContaining('unknown tag "no-such-tag"') } });
  });

  it('regression: a FIFO bank named on the command line fails at once instead of blocking in open()', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'q.yaml')]);
    const t = Date.now();
    const r = cli(['validate', join(dir, 'q.yaml')], { cwd: dir });
    expect(Date.now() - t).toBeLessThan(10_000);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('not a regular file');
  });

  it('regression: a FIFO --plan is refused at once', () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'p.yaml')]);
    expect(() => loadPlan({ cwd: dir } as never, join(dir, 'p.yaml'))).toThrow(/is a named pipe \(FIFO\), not a regular file/);
  });

  it('regression: --data-dir naming a file says it is not a folder (exit 2)', async () => {
    const dir = tmp();
    writeFileSync(join(dir, 'file'), 'x');
    const r = await runCli(['report', '--data-dir', join(dir, 'file')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--data-dir ${join(dir, 'file')} is a file, not a folder`);
  });

  it('regression: a relative XDG_CACHE_HOME / XDG_DATA_HOME is ignored, as the XDG spec says', () => {
    const cwd = tmp();
    const home = tmp();
    const r = cli(['validate'], { cwd, env: { MLQUIZ_HOME: undefined, HOME: home, XDG_CACHE_HOME: 'rel-cache', XDG_DATA_HOME: 'rel-data' } });
    expect(r.status).toBe(0);
    expect(readdirSync(cwd)).toEqual([]);
    expect(existsSync(join(home, '.cache', 'mlquiz'))).toBe(true);
  });

  it.each([
    ['0', true],
    ['false', true],
    ['1', false],
  ])('regression: MLQUIZ_NO_CACHE=%s keeps the cache: %s', (value, cached) => {
    const home = tmp();
    const r = cli(['validate'], { env: { MLQUIZ_HOME: home, MLQUIZ_NO_CACHE: value } });
    expect(r.status).toBe(0);
    expect(existsSync(join(home, 'cache'))).toBe(cached);
  });
});
