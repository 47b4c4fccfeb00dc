import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/engine/rng.js';
import { areCanonicalInstants, ISO } from '../../src/progress/review-check.js';
import { atOrAfter, instantOf, inTimeOrder } from '../../src/progress/time-order.js';

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

describe('instantOf, atOrAfter and areCanonicalInstants', () => {
  it('agree with Date.parse and the ISO pattern on canonical instants, damaged ones and other forms', () => {
    const rng = createRng('instants');
    const samples: string[] = [
      '2024-02-29T23:59:59.999Z',
      '2026-02-29T00:00:00.000Z',
      '2026-04-31T00:00:00.000Z',
      '2026-13-01T00:00:00.000Z',
      '2026-01-01T24:00:00.000Z',
    ];
    samples.push(
      '2026-01-01T10:00:00+01:00',
      '2026-01-01T10:00:00Z',
      '2026-0a-01T00:00:00.000Z',
      '1900-03-01T00:00:00.000Z',
      '0000-01-01T00:00:00.000Z',
      '9999-12-31T23:59:60.000Z',
    );
    for (let i = 0; i < 20_000; i++) {
      const t = Math.floor((rng() * 2 - 0.5) * 4e12);
      let at = new Date(t).toISOString();
      // Now and then a digit or separator swapped for another character.
      if (rng() < 0.2) {
        const k = Math.floor(rng() * 24);
        at = at.slice(0, k) + '0123456789-:.TZx'[Math.floor(rng() * 16)] + at.slice(k + 1);
      }
      samples.push(at);
    }
    for (const at of samples) {
      expect(Object.is(instantOf(at), Date.parse(at)), at).toBe(true);
      if (at.length === 24) expect(areCanonicalInstants(at), at).toBe(ISO.test(at));
    }
    // Run together, as a packed column holds them: valid only if every one is, across the pattern's runs of 2,048.
    const fixed = samples.filter((at) => at.length === 24);
    expect(fixed.length).toBeGreaterThan(10_000);
    expect(areCanonicalInstants(fixed.join(''))).toBe(fixed.every((at) => ISO.test(at)));
    const valid = fixed.filter((at) => ISO.test(at));
    expect(areCanonicalInstants(valid.join(''))).toBe(true);
    expect(areCanonicalInstants(valid.join('').slice(1))).toBe(false);
    const since = Date.parse('2026-06-01T12:00:00.000Z');
    const recent = atOrAfter(since);
    for (const at of samples) if (Number.isFinite(Date.parse(at))) expect(recent(at), at).toBe(Date.parse(at) >= since);
  });
});
