import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layout scripts/build.mjs gives dist/: the entry, each command on its own, and each
 * lazily loaded module once in dist/lazy/. `npm test` builds dist/ before the tests.
 */
const DIST = resolve(import.meta.dirname, '../../dist');
const bundlesUnder = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? bundlesUnder(join(d, e.name)) : e.name.endsWith('.cjs') ? [join(d, e.name)] : []));
const relativeRequires = (f: string) => [...readFileSync(f, 'utf8').matchAll(/\brequire\("(\.{1,2}\/[^"]+)"\)/g)].map((m) => m[1]!);

describe('the built CLI', () => {
  const files = bundlesUnder(DIST);

  it('has every relative require pointing at a bundle that is there', () => {
    let seen = 0;
    for (const f of files)
      for (const spec of relativeRequires(f)) {
        seen++;
        expect([f, spec, existsSync(join(dirname(f), spec))]).toEqual([f, spec, true]);
      }
    expect(seen).toBeGreaterThan(40);
  });

  it('goes through no ES-module loader: no import() and no import statement is left', () => {
    for (const f of files) expect([f, /\bimport\(|^import\s|;import\s*[{*\w]/m.test(readFileSync(f, 'utf8'))]).toEqual([f, false]);
  });

  it('holds the bank parser once, in dist/lazy/, required from there by the commands that parse banks', () => {
    expect(files.filter((f) => /parse-file/.test(f)).map((f) => f.slice(DIST.length + 1))).toEqual([join('lazy', 'bank-parse-file.cjs')]);
    const users = files.filter((f) => relativeRequires(f).some((s) => s.endsWith('/bank-parse-file.cjs')));
    expect(users.map((f) => f.slice(DIST.length + 1))).toEqual(
      expect.arrayContaining([join('commands', 'list.cjs'), join('commands', 'run.cjs'), join('commands', 'validate.cjs')]),
    );
  });

  it('hands a lazily required bundle over as its exports, with their default (the entry gets each command this way)', async () => {
    const { createRequire } = await import('node:module');
    const chalk = createRequire(import.meta.url)(join(DIST, 'lazy', 'chalk.cjs'));
    expect(typeof chalk.default.bold).toBe('function');
    const entry = readFileSync(join(DIST, 'cli.cjs'), 'utf8');
    expect(entry).toMatch(/require\("\.\/commands\/list\.cjs"\)/);
    expect(entry).not.toMatch(/__toESM\(require\("\.\/commands/);
  });

  // The first CommonJS build handed write-file-atomic over as `{ default: { default: fn } }`:
  // every save of the bank cache failed, silently, as a cache fault should.
  it('regression: the built CLI writes its bank cache (write-file-atomic, a CommonJS package, required lazily)', () => {
    const home = mkdtempSync(join(tmpdir(), 'mlq-layout-'));
    try {
      execFileSync(process.execPath, [resolve(DIST, '../bin/mlquiz.cjs'), 'list', '--json'], { env: { ...process.env, MLQUIZ_HOME: home }, stdio: 'ignore' });
      const packs = readdirSync(join(home, 'cache')).filter((d) => d.startsWith('packs-'));
      // The pack, and the output kept for the banks' content.
      expect(
        packs
          .flatMap((d) => readdirSync(join(home, 'cache', d)))
          .map((f) => f.replace(/^\w+/, ''))
          .sort(),
      ).toEqual(['.json', '.out']);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
