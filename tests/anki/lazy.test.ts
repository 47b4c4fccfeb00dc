import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The Anki commands load SQLite (sql.js and its 700 kB wasm), zip and zstd only when they
 * run: none of it is reached by static imports from the entry of dist/, which every
 * command pays for at start-up, nor from any other command's bundle. `npm test` builds
 * dist/ before the tests.
 */
const ENTRY = resolve(import.meta.dirname, '../../dist/cli.cjs');
const COMMANDS = resolve(import.meta.dirname, '../../dist/commands');
const ANKI = ['export.cjs', 'import.cjs', 'import-anki.cjs'];

function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  // A require at the top of a bundle runs when it loads; one behind `.then(` runs only when its import() would have.
  for (const m of text.matchAll(/(?<!then\(\(\)=>)\brequire\("(\.[^"]+)"\)/g)) staticGraph(join(dirname(file), m[1]!), seen);
  return seen;
}
const reachesSqlite = (file: string) => /sql\.js|sql-wasm|collection\.anki2/.test([...staticGraph(file)].map((f) => readFileSync(f, 'utf8')).join('\n'));

describe('start-up of the built CLI', () => {
  it('reaches neither sql.js nor the Anki modules by static imports', () => {
    expect(reachesSqlite(ENTRY)).toBe(false);
    const others = readdirSync(COMMANDS).filter((f) => f.endsWith('.cjs') && !ANKI.includes(f));
    expect(others).toEqual(expect.arrayContaining(['run.cjs', 'mock.cjs', 'report.cjs', 'list.cjs']));
    for (const f of others) expect([f, reachesSqlite(join(COMMANDS, f))]).toEqual([f, false]);
    // The Anki commands are there, behind a dynamic import, and do reach SQLite: the check can fail.
    expect(readFileSync(ENTRY, 'utf8')).toMatch(/then\(\(\)=>require\("\.\/commands\/export\.cjs"\)/);
    expect(reachesSqlite(join(COMMANDS, 'export.cjs'))).toBe(true);
  });
});
