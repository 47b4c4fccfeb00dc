import { describe, expect, it } from 'vitest';
import { runCli } from './harness.js';

describe('MLQUIZ_DAY_START', () => {
  it.each(['25', '-1', '4am', '3.5'])('refuses %s in one line that names the variable, exit 2', async (v) => {
    for (const argv of [
      ['report', '--json'],
      ['goal', '--json'],
    ]) {
      const r = await runCli(argv, { env: { MLQUIZ_DAY_START: v, NO_COLOR: '1' } });
      expect(r.code).toBe(2);
      expect(r.err.trim().split('\n')[0]).toMatch(
        new RegExp(`MLQUIZ_DAY_START=${v.replace('.', '\\.')}: expected the hour the day starts, a whole number from 0 to 23`),
      );
    }
  });

  it.each(['0', '23', ' 4 ', ''])('takes %j', async (v) => {
    const r = await runCli(['report', '--json'], { env: { MLQUIZ_DAY_START: v, NO_COLOR: '1' } });
    expect(r.code).toBe(0);
  });
});
