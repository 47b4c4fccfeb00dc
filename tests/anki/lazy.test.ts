import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The Anki commands load SQLite (sql.js and its 700 kB wasm), zip and zstd only when they
 * run: none of it is reached by static imports from the entry of dist/, which every
 * command pays for at start-up, nor from any other command's bundle. `npm test` builds
 * dist/ before the tests.
 */
const ENTRY = resolve(import.meta.dirname, '../../dist/cli.js');
const COMMANDS = resolve(import.meta.dirname, '../../dist/commands');
const ANKI = ['export.js', 'import.js', 'import-anki.js'];

function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w{}\s,*$]+from\s*)?"(\.[^"]+)"/g)) staticGraph(join(dirname(file), m[1]!), seen);
  return seen;
}
const reachesSqlite = (file: string) => /sql\.js|sql-wasm|collection\.anki2/.test([...staticGraph(file)].map((f) => readFileSync(f, 'utf8')).join('\n'));

describe.skipIf(!existsSync(ENTRY))('start-up of the built CLI', () => {
  it('reaches neither sql.js nor the Anki modules by static imports', () => {
    expect(reachesSqlite(ENTRY)).toBe(false);
    const others = readdirSync(COMMANDS).filter((f) => f.endsWith('.js') && !ANKI.includes(f));
    expect(others).toEqual(expect.arrayContaining(['run.js', 'mock.js', 'report.js', 'list.js']));
    for (const f of others) expect([f, reachesSqlite(join(COMMANDS, f))]).toEqual([f, false]);
    // The Anki commands are there, behind a dynamic import, and do reach SQLite: the check can fail.
    expect(readFileSync(ENTRY, 'utf8')).toMatch(/import\("\.\/commands\/export\.js"\)/);
    expect(reachesSqlite(join(COMMANDS, 'export.js'))).toBe(true);
  });
});
