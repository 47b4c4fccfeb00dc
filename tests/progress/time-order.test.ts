import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.js';
import { inTimeOrder } from '../../src/progress/time-order.js';

/** The definition: by time, ties in log order. */
const byDefinition = <R extends { at: string }>(xs: readonly R[]) =>
  xs
    .map((r, i) => ({ r, i }))
    .sort((a, b) => Date.parse(a.r.at) - Date.parse(b.r.at) || a.i - b.i)
    .map((x) => x.r);

describe('inTimeOrder', () => {
  it('agrees with its definition on logs of sorted runs (journals one after another), shuffled logs, ties and other time forms', () => {
    const rng = createRng('time-order');
    const T0 = Date.parse('2026-01-01T00:00:00.000Z');
    for (let round = 0; round < 300; round++) {
      const runs = 1 + Math.floor(rng() * (round % 3 === 0 ? 100 : 5));
      const log: { at: string; n: number }[] = [];
      for (let r = 0; r < runs; r++) {
        let t = T0 + Math.floor(rng() * 1e6) * 1000;
        for (let k = Math.floor(rng() * 20); k > 0; k--, t += Math.floor(rng() * 3) * 60_000) {
          // Now and then an instant with an offset, which must be compared as a time, not as text.
          const at = rng() < 0.02 ? new Date(t).toISOString().replace('Z', '+00:00') : new Date(t).toISOString();
          log.push({ at, n: log.length });
        }
      }
      expect(inTimeOrder(log)).toEqual(byDefinition(log));
    }
  });

  it('returns a new array, the input untouched', () => {
    const log = [{ at: '2026-01-02T00:00:00.000Z' }, { at: '2026-01-01T00:00:00.000Z' }];
    const copy = [...log];
    expect(inTimeOrder(log)).not.toBe(log);
    expect(log).toEqual(copy);
    expect(inTimeOrder([])).toEqual([]);
  });
});
