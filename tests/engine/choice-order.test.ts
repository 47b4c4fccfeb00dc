import { describe, expect, it } from 'vitest';
import { choiceOrder } from '../../src/engine/choice-order.js';
import { q } from './fixtures.js';

const choice = (id: string, n = 4) => q(id, { type: 'choice', choices: Array.from({ length: n }, (_, i) => `option ${i}`), correct: [0], key_points: [] });

describe('choiceOrder (issue 10, item 1: options shuffled per presentation)', () => {
  it('is a permutation of the bank indices', () => {
    for (let k = 0; k < 50; k++) expect([...choiceOrder(choice(`c-${k}`, 5), 'seed')].sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('shows the same order for the same seed and question', () => {
    expect(choiceOrder(choice('c'), 'abc')).toEqual(choiceOrder(choice('c'), 'abc'));
  });

  it('moves the right option: over many sessions it is shown first about a quarter of the time', () => {
    const first = Array.from({ length: 2000 }, (_, s) => choiceOrder(choice('c'), `s${s}`)[0]);
    const share = first.filter((i) => i === 0).length / first.length;
    expect(share).toBeGreaterThan(0.2);
    expect(share).toBeLessThan(0.3);
  });

  it('differs between questions of one session', () => {
    const orders = new Set(Array.from({ length: 20 }, (_, k) => choiceOrder(choice(`c-${k}`), 'one-session').join()));
    expect(orders.size).toBeGreaterThan(5);
  });

  it('leaves other question types alone', () => {
    expect(choiceOrder(q('open'), 'x')).toEqual([]);
  });
});
