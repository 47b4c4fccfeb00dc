import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layout scripts/build.mjs gives dist/: the entry, each command on its own, and the
 * bank parser once in dist/shared/. `npm test` builds dist/ before the tests.
 */
const DIST = resolve(import.meta.dirname, '../../dist');
const jsUnder = (d: string): string[] =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsUnder(join(d, e.name)) : e.name.endsWith('.js') ? [join(d, e.name)] : []));

describe.skipIf(!existsSync(join(DIST, 'cli.js')))('the built CLI', () => {
  const files = jsUnder(DIST);

  it('has every relative import, static or dynamic, pointing at a file that is there', () => {
    let seen = 0;
    for (const f of files)
      for (const m of readFileSync(f, 'utf8').matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s*)"(\.{1,2}\/[^"]+)"/g)) {
        seen++;
        expect([f, m[1], existsSync(join(dirname(f), m[1]!))]).toEqual([f, m[1], true]);
      }
    expect(seen).toBeGreaterThan(50);
  });

  it('holds the bank parser once, in dist/shared/, imported from there by the commands that parse banks', () => {
    expect(existsSync(join(DIST, 'shared', 'parse-file.js'))).toBe(true);
    expect(files.filter((f) => f.includes(`${join('dist', 'commands')}`) && /parse-file/.test(f))).toEqual([]);
    const users = files.filter((f) => readFileSync(f, 'utf8').includes('shared/parse-file.js'));
    expect(users.map((f) => f.slice(DIST.length + 1))).toEqual(expect.arrayContaining(['commands/list.js', 'commands/run.js', 'commands/validate.js']));
    expect(files.some((f) => readFileSync(f, 'utf8').includes('@mlquiz-shared'))).toBe(false);
  });
});
