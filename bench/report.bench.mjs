// `mlquiz report --json` over a 100,000-review progress file, timed end to end (a fresh
// process each run, as a person would run it), plus the in-process phases so that a miss
// says where the time went. Target: median under half a second. Exits 1 when missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSources } from './history.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = join(ROOT, 'bin/mlquiz.js');
const REVIEWS = 100_000;
const RUNS = 7;
const TARGET_MS = 500;
const NOW = new Date();

// Inside the project: the bundled entry requires what the sources require at run time (zod), as dist/ does.
const tmp = mkdtempSync(join(ROOT, 'node_modules', '.mlq-report-bench-'));
try {
  // The generator and the phases come from the TypeScript sources, bundled for this run:
  // histories are made by the real applyReview, as in the tests.
  const { simulate, openStore, formatProgress, parseProgress, buildReport, systemOffset } = await bundleSources(tmp, [
    "export { simulate } from './tests/report/fixtures';",
    "export { openStore, formatProgress, parseProgress } from './src/progress/store';",
    "export { buildReport } from './src/report/build';",
    "export { systemOffset } from './src/engine/days';",
  ]);

  const home = join(tmp, 'home');
  const env = { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' };
  const questions = JSON.parse(execFileSync(process.execPath, [BIN, 'list', '--json'], { env, maxBuffer: 1 << 28, encoding: 'utf8' }));
  let t = performance.now();
  const progress = simulate({ questions, reviews: REVIEWS, end: new Date(NOW.getTime() - 3_600_000), perDay: 120, seed: 'bench', mockEvery: 7 });
  const simMs = performance.now() - t;
  const file = join(home, 'progress.json');
  // Written as the store writes it, so that the size and the parse cost are the real ones.
  writeFileSync(file, formatProgress(progress));
  const mb = statSync(file).size / 1e6;
  console.log(
    `generated ${progress.reviews.length} reviews of ${Object.keys(progress.cards).length} questions, ${progress.sessions.length} sessions (${mb.toFixed(1)} MB) in ${(simMs / 1000).toFixed(1)} s`,
  );

  // In-process phases, best of three.
  const { readFileSync } = await import('node:fs');
  const phase = (fn) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      fn();
      best = Math.min(best, performance.now() - s);
    }
    return best;
  };
  const store = openStore(home);
  const parseMs = phase(() => JSON.parse(readFileSync(file, 'utf8')));
  const zodMs = phase(() => parseProgress(readFileSync(file, 'utf8'), file, undefined, false));
  const fastMs = phase(() => store.load());
  const buildMs = phase(() => buildReport(questions, progress, { now: NOW, offset: systemOffset }));
  console.log(
    `in process: read + JSON.parse ${parseMs.toFixed(0)} ms · load with zod alone ${zodMs.toFixed(0)} ms · store.load() (quick review check) ${fastMs.toFixed(0)} ms · buildReport ${buildMs.toFixed(0)} ms`,
  );

  const once = (args) => {
    const s = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = performance.now() - s;
    if (r.status !== 0) throw new Error(`mlquiz ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { ms, out: r.stdout };
  };
  // One warm-up run fills the bank cache, as any earlier command would have.
  const keys = Object.keys(JSON.parse(once(['report', '--json']).out));
  const baseline = [];
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(once(['--version']).ms);
    times.push(once(['report', '--json']).ms);
  }
  // The floor: a bare node that only reads and parses the file, nothing of mlquiz.
  const floor = [];
  for (let i = 0; i < RUNS; i++) {
    const s = performance.now();
    spawnSync(process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(file)}, 'utf8'))`]);
    floor.push(performance.now() - s);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const med = median(times);
  console.log(`report --json keys: ${keys.join(', ')}`);
  console.log(`node bin/mlquiz.js --version: median ${median(baseline).toFixed(0)} ms (process start-up)`);
  console.log(`bare node reading and parsing the file: median ${median(floor).toFixed(0)} ms (the floor for any command that reads it)`);
  console.log(
    `node bin/mlquiz.js report --json over ${REVIEWS} reviews: median ${med.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms)`,
  );
  if (med >= TARGET_MS) {
    console.log(`MISSED: median ${med.toFixed(0)} ms >= ${TARGET_MS} ms`);
    process.exitCode = 1;
  } else console.log('ok');
} finally {
  if (!process.env.MLQUIZ_BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
}
