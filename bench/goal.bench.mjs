// `mlquiz run --dry-run --json` and `mlquiz goal` with a goal set over a 10,000-review
// history, against a bare `node -e 0`, each a fresh process, medians in the same run.
// Target (issue 11): within 3x bare node. Exits 1 when missed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importSources, ROOT } from './sources.mjs';

const BIN = join(ROOT, 'bin/mlquiz.js');
const REVIEWS = 10_000;
const RUNS = 11;
const TARGET = 3;
const DAY_MS = 86_400_000;

// Inside the project: the bundled entry requires what the sources require at run time (zod), as dist/ does.
const tmp = mkdtempSync(join(ROOT, 'node_modules', '.mlq-goal-bench-'));
try {
  // The history comes from the report tests' simulator, made by the real applyReview.
  const { simulate, formatProgress } = await importSources(tmp, [
    "export { simulate } from './tests/report/fixtures';",
    "export { formatProgress } from './src/progress/store';",
  ]);
  const home = join(tmp, 'home');
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' };
  const questions = JSON.parse(execFileSync(process.execPath, [BIN, 'list', '--json'], { env, maxBuffer: 1 << 28, encoding: 'utf8' }));
  const now = Date.now();
  const progress = simulate({ questions, reviews: REVIEWS, end: new Date(now - 3_600_000), perDay: 120, seed: 'bench', mockEvery: 7 });
  const day = new Date(now + 20 * DAY_MS).toISOString().slice(0, 10);
  progress.goal = { date: day, tags: [], minutes: 60, set_at: new Date(now - 10 * DAY_MS).toISOString() };
  writeFileSync(join(home, 'progress.json'), formatProgress(progress));
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
