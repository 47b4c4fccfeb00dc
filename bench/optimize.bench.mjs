// `mlquiz optimize` over a 100,000-review history made by the project's simulate(),
// timed end to end in a fresh process (load, fit, both evaluations, replay and commit),
// plus the in-process phases so that a miss says where the time went. Target: under
// 15 s on the 2-core machine the project runs on. Exits 1 when missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { importSources, journalText, ROOT } from './sources.mjs';

const BIN = join(ROOT, 'bin/mlquiz.cjs');
const REVIEWS = Number(process.env.MLQUIZ_BENCH_REVIEWS ?? 100_000);
const TARGET_MS = 15_000;
const NOW = new Date();

// Inside the project: the bundled entry requires what the sources require at run time (zod), as dist/ does.
const tmp = mkdtempSync(join(ROOT, 'node_modules', '.mlq-optimize-bench-'));
try {
  const m = await importSources(tmp, [
    "export { simulate } from './tests/report/fixtures';",
    "export { eventsOf } from './src/progress/fold';",
    "export { header, line } from './src/progress/journal';",
    "export { stepHistories, trainingReviews, fitOf, withSettings } from './src/engine/optimize';",
    "export { hourlyOffset, personDay, systemOffset, DEFAULT_DAY_START } from './src/engine/days';",
  ]);

  const home = join(tmp, 'home');
  const env = { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' };
  const questions = JSON.parse(execFileSync(process.execPath, [BIN, 'list', '--json'], { env, maxBuffer: 1 << 28, encoding: 'utf8' }));
  let t = performance.now();
  const progress = m.simulate({ questions, reviews: REVIEWS, end: new Date(NOW.getTime() - 3_600_000), perDay: 120, seed: 'bench', mockEvery: 7 });
  console.log(
    `generated ${progress.reviews.length} reviews of ${Object.keys(progress.cards).length} questions in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  mkdirSync(join(home, 'journal'), { recursive: true });
  writeFileSync(join(home, 'journal', 'bench.jsonl'), journalText(m, progress, 'bench'));

  // In-process phases, once each (the fit itself is only timed end to end).
  const days = m.hourlyOffset(m.personDay(m.systemOffset, m.DEFAULT_DAY_START));
  const phase = (fn) => {
    const s = performance.now();
    const v = fn();
    return [performance.now() - s, v];
  };
  const [histMs, hs] = phase(() => m.stepHistories(progress.reviews, days));
  const [evalMs] = phase(() => m.fitOf(progress.reviews, { retention: 0.9, days }, NOW));
  const [replayMs] = phase(() => m.withSettings(progress, { retention: 0.9 }, days));
  console.log(
    `in process: histories ${histMs.toFixed(0)} ms (${m.trainingReviews(hs)} training reviews) · one evaluation ${evalMs.toFixed(0)} ms · replay of every card ${replayMs.toFixed(0)} ms`,
  );

  t = performance.now();
  const r = spawnSync(process.execPath, [BIN, 'optimize', '--json'], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`mlquiz optimize exited ${r.status}: ${r.stderr}`);
  const out = JSON.parse(r.stdout);
  console.log(
    `default: log loss ${out.default.log_loss.toFixed(4)}, RMSE(bins) ${out.default.rmse_bins.toFixed(4)} · fitted: log loss ${out.fit.log_loss.toFixed(4)}, RMSE(bins) ${out.fit.rmse_bins.toFixed(4)} · stored: ${out.fitted}`,
  );
  // The machine is shared: the load says how much of the wall time was waiting for a core.
  console.log(
    `node bin/mlquiz.cjs optimize over ${REVIEWS} reviews: ${(ms / 1000).toFixed(1)} s, of which the fit ${out.seconds.toFixed(1)} s (target < ${TARGET_MS / 1000} s; load average ${loadavg()[0].toFixed(1)})`,
  );
  if (ms >= TARGET_MS) {
    console.log(`MISSED: ${(ms / 1000).toFixed(1)} s >= ${TARGET_MS / 1000} s`);
    process.exitCode = 1;
  } else console.log('ok');
} finally {
  if (!process.env.MLQUIZ_BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
}
