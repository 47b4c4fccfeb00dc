import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * The layers of DESIGN.md, lowest first. A module may import from its own layer and the
 * ones below it, never above; `format` (pure string helpers) and the leaf modules import
 * nothing of the layers. Type-only imports count too: a type running back up a layer is
 * the first step of a real dependency.
 */
const RANK: Record<string, number> = { errors: 0, fs: 0, format: 0, bank: 1, import: 2, progress: 2, engine: 3, report: 4, anki: 4, ui: 5, session: 6, cli: 7 };
const SRC = resolve(import.meta.dirname, '../src');

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );
}
const layerOf = (file: string) => relative(SRC, file).split('/')[0]!.replace(/\.ts$/, '');
const graph = new Map<string, string[]>();
for (const f of files(SRC)) {
  const text = readFileSync(f, 'utf8');
  const deps = [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"]*?from\s*['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g)].map((m) =>
    resolve(dirname(f), (m[1] ?? m[2])!).replace(/\.js$/, '.ts'),
  );
  graph.set(f, deps);
}

describe('architecture', () => {
  it('every src folder has a layer', () => {
    expect([...new Set([...graph.keys()].map(layerOf))].filter((l) => !(l in RANK))).toEqual([]);
  });

  it('no import runs back up a layer, and format imports only format', () => {
    const bad: string[] = [];
    for (const [f, deps] of graph)
      for (const d of deps) {
        const from = layerOf(f);
        const to = layerOf(d);
        const up = RANK[to]! > RANK[from]!;
        const formatLeak = from === 'format' && to !== 'format';
        if (up || formatLeak) bad.push(`${relative(SRC, f)} -> ${relative(SRC, d)}`);
      }
    expect(bad).toEqual([]);
  });

  it('has no import cycle', () => {
    const state = new Map<string, 'open' | 'done'>();
    const cycles: string[] = [];
    const visit = (f: string, stack: string[]) => {
      if (state.get(f) === 'done') return;
      if (state.get(f) === 'open') {
        cycles.push([...stack.slice(stack.indexOf(f)), f].map((x) => relative(SRC, x)).join(' -> '));
        return;
      }
      state.set(f, 'open');
      for (const d of graph.get(f) ?? []) visit(d, [...stack, f]);
      state.set(f, 'done');
    };
    for (const f of graph.keys()) visit(f, []);
    expect(cycles).toEqual([]);
  });

  it('sees the imports it checks (the parser finds a known edge)', () => {
    expect(graph.get(join(SRC, 'engine/review.ts'))).toContain(join(SRC, 'engine/schedule.ts'));
    expect(graph.get(join(SRC, 'cli/index.ts'))).toContain(join(SRC, 'cli/registry.ts'));
  });
});
