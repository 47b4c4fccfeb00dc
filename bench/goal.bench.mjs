// `mlquiz run --dry-run --json` and `mlquiz goal` with a goal set over a 10,000-review
// history, against a bare `node -e 0`, each a fresh process, medians in the same run.
// Target (issue 11): within 3x bare node. Exits 1 when missed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchHome, BIN } from './history.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REVIEWS = 10_000;
const RUNS = 11;
const TARGET = 3;
const DAY_MS = 86_400_000;

// Inside the project: the bundled entry requires what the sources require at run time (zod), as dist/ does.
const tmp = mkdtempSync(join(ROOT, 'node_modules', '.mlq-goal-bench-'));
try {
  const { env, questions, simulate, save } = await benchHome(tmp);
  const now = Date.now();
  const progress = simulate({ questions, reviews: REVIEWS, end: new Date(now - 3_600_000), perDay: 120, seed: 'bench', mockEvery: 7 });
  const day = new Date(now + 20 * DAY_MS).toISOString().slice(0, 10);
  progress.goal = { date: day, tags: [], minutes: 60, set_at: new Date(now - 10 * DAY_MS).toISOString() };
  save(progress);
  console.log(`${progress.reviews.length} reviews of ${Object.keys(progress.cards).length} questions, goal ${day}`);

  const median = (args) => {
    const times = [];
    for (let i = 0; i < RUNS; i++) {
      const t = process.hrtime.bigint();
      execFileSync(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
      times.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)];
  };
  median([BIN, 'goal']); // the bank cache, primed
  const bare = median(['-e', '0']);
  console.log(`node -e 0: ${bare.toFixed(0)} ms (median of ${RUNS})`);
  let missed = 0;
  for (const args of [['run', '--dry-run', '--json'], ['goal']]) {
    const ms = median([BIN, ...args]);
    const ratio = ms / bare;
    if (ratio > TARGET) missed++;
    console.log(`mlquiz ${args.join(' ')}: ${ms.toFixed(0)} ms = ${ratio.toFixed(2)}x bare node ${ratio <= TARGET ? 'ok' : 'MISSED'} (target <= ${TARGET}x)`);
  }
  process.exitCode = missed ? 1 : 0;
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
