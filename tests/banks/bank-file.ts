import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { parse } from 'yaml';

const cache = new Map<string, any[]>();

/** The raw questions of a shipped YAML bank, parsed once per test file. */
export const questions = (file: string): any[] => {
  let qs = cache.get(file);
  if (!qs) {
    qs = parse(readFileSync(new URL(`../../questions/${file}`, import.meta.url), 'utf8')).questions as any[];
    cache.set(file, qs);
  }
  return qs;
};

export const byId = (file: string, id: string) => {
  const q = questions(file).find((x) => x.id === id);
  if (!q) throw new Error(`${file}: no question ${id}`);
  return q;
};

/** The stored value must be within tolerance of the one computed in the test, and the tolerance tight (2%). */
export function expectNumeric(file: string, id: string, computed: number): void {
  const q = byId(file, id);
  expect(q.type, `${id} type`).toBe('numeric');
  expect(Number.isFinite(computed), `${id} computed`).toBe(true);
  expect(Math.abs(q.value - computed), `${id}: value ${q.value} vs computed ${computed}`).toBeLessThanOrEqual(q.tolerance);
  expect(q.tolerance, `${id}: tolerance too loose`).toBeLessThanOrEqual(Math.max(1e-9, Math.abs(computed) * 0.02));
  expect(q.tolerance).toBeGreaterThanOrEqual(0);
}
