import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The Anki commands load SQLite (sql.js and its 700 kB wasm), zip and zstd only when they
 * run: none of it is reached from the entry of dist/ by static imports, which every
 * command pays for at start-up. `npm test` builds dist/ before the tests.
 */
const ENTRY = resolve(import.meta.dirname, '../../dist/cli.js');

function staticGraph(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(file, 'utf8');
  for (const m of text.matchAll(/(?:^|[;\s}])import\s*(?:[\w{}\s,*$]+from\s*)?"(\.[^"]+)"/g)) staticGraph(join(dirname(file), m[1]!), seen);
  return seen;
}

describe.skipIf(!existsSync(ENTRY))('start-up of the built CLI', () => {
  it('reaches neither sql.js nor the Anki modules by static imports', () => {
    const graph = [...staticGraph(ENTRY)];
    expect(graph.length).toBeGreaterThan(3);
    const text = graph.map((f) => readFileSync(f, 'utf8')).join('\n');
    expect(text).not.toMatch(/sql\.js|sql-wasm/);
    expect(text).not.toContain('collection.anki2');
    // The Anki commands are there, behind a dynamic import.
    expect(readFileSync(ENTRY, 'utf8')).toMatch(/import\("\.\/chunks\/export-[\w-]+\.js"\)/);
  });
});
