import { testStore } from '../progress/open.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PassThrough } from 'node:stream';
import type { Context } from '../../src/cli/context.js';
import { main } from '../../src/cli/index.js';
import { DEFAULT_DAY_START, systemOffset } from '../../src/engine/days.js';

export const SHIPPED = resolve(import.meta.dirname, '../../questions');
export const FIXED_NOW = new Date('2026-11-21T09:00:00.000Z');

/** Runs the CLI in-process against captured streams, a fixed clock and a temporary data folder. */
export async function runCli(argv: string[], over: Partial<Context> = {}) {
  let out = '';
  let err = '';
  const stdout = Object.assign(new PassThrough(), { isTTY: false, columns: 80 });
  const stderr = new PassThrough();
  stdout.on('data', (d) => (out += d));
  stderr.on('data', (d) => (err += d));
  const home = mkdtempSync(join(tmpdir(), 'mlq-cli-'));
  const ctx: Context = {
    cwd: process.cwd(),
    env: { MLQUIZ_HOME: home, NO_COLOR: '1' },
    stdin: Object.assign(new PassThrough(), { isTTY: false }),
    stdout,
    stderr,
    now: () => FIXED_NOW,
    offset: systemOffset,
    dayStart: DEFAULT_DAY_START,
    shippedBanks: SHIPPED,
    defaultDataDir: () => join(home, 'default'),
    ...over,
  };
  const code = await main(argv, ctx);
  return { code, out, err, home };
}

/** What a data folder holds, read as mlquiz reads it (every journal, any old progress.json). */
export const storedProgress = (home: string) => testStore(home).load();

/** The journal the CLI writes in tests (no device id is configured there). */
export const journalOf = (home: string) => join(home, 'journal', 'this-machine.jsonl');
