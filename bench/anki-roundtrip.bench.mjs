// `mlquiz export --anki --with-progress` of every shipped question with a 10,000-review
// history, and `mlquiz import-anki` of that package into an empty history (every review
// new to it), each timed end to end in a fresh process, as a person would run them.
// Target: median under 2 s for each. Exits 1 when either is missed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchHome, BIN } from './history.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const REVIEWS = 10_000;
const RUNS = 5;
const TARGET_MS = 2000;
const NOW = new Date();

// Inside the project: the bundled entry requires what the sources require at run time (zod), as dist/ does.
const tmp = mkdtempSync(join(ROOT, 'node_modules', '.mlq-anki-bench-'));
try {
  const { env, questions, simulate, save } = await benchHome(tmp);
  const progress = simulate({ questions, reviews: REVIEWS, end: new Date(NOW.getTime() - 3_600_000), perDay: 60, seed: 'anki-bench' });
  save(progress);
  console.log(`history: ${progress.reviews.length} reviews of ${Object.keys(progress.cards).length} of ${questions.length} questions`);

  const once = (args, e = env) => {
    const s = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { env: e, encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = performance.now() - s;
    if (r.status !== 0) throw new Error(`mlquiz ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { ms, out: r.stdout };
  };
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const apkg = join(tmp, 'mlquiz.apkg');
  // One warm-up run fills the bank cache, as any earlier command would have.
  once(['export', '--anki', apkg, '--with-progress']);
  const exports = [];
  for (let i = 0; i < RUNS; i++) exports.push(once(['export', '--anki', apkg, '--with-progress']).ms);
  const summary = once(['export', '--anki', apkg, '--with-progress', '--json']).out;
  const imports = [];
  let added;
  for (let i = 0; i < RUNS; i++) {
    const fresh = join(tmp, `import-${i}`);
    const r = once(['import-anki', apkg, '--json'], { ...env, MLQUIZ_HOME: fresh });
    imports.push(r.ms);
    added = JSON.parse(r.out).added;
  }
  if (added !== progress.reviews.length) throw new Error(`import-anki added ${added} reviews of ${progress.reviews.length}`);
  const { notes, reviews } = JSON.parse(summary);
  console.log(`package: ${notes} notes, ${reviews} revlog rows, ${(statSync(apkg).size / 1e6).toFixed(2)} MB`);
  let missed = false;
  for (const [what, times] of [
    ['export --anki --with-progress', exports],
    [`import-anki (${added} reviews added)`, imports],
  ]) {
    const med = median(times);
    console.log(
      `node bin/mlquiz.cjs ${what}: median ${med.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${RUNS} runs (target < ${TARGET_MS} ms)`,
    );
    if (med >= TARGET_MS) {
      console.log(`MISSED: ${what} median ${med.toFixed(0)} ms >= ${TARGET_MS} ms`);
      missed = true;
    }
  }
  if (missed) process.exitCode = 1;
  else console.log('ok');
} finally {
  if (!process.env.MLQUIZ_BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
}
