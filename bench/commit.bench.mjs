// The cost of saving one graded answer (review and session record, as recordAnswer commits
// them: lock, catch up, append, flush) at 1,000, 10,000 and 100,000 reviews of history.
// Targets: median ≤ 20 ms at 100,000, and at most 2× the median at 1,000 (flat, not linear).
// Exits 1 when missed.
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, BIN, journalText, loadSources } from './sources.mjs';

const SIZES = [1_000, 10_000, 100_000];
const COMMITS = 41;
const TARGET_MS = 20;
const TARGET_RATIO = 2;

const tmp = benchDir('commit');
try {
  const { simulate, openStore, eventsOf, header, line, cardReplay, UTC, applyReview, upsertSession, openSession } = await loadSources(tmp, [
    "export { simulate } from './tests/report/fixtures';",
    "export { openStore } from './src/progress/store';",
    "export { eventsOf } from './src/progress/fold';",
    "export { header, line } from './src/progress/journal';",
    "export { cardReplay } from './src/engine/replay';",
    "export { UTC } from './src/engine/days';",
    "export { applyReview, upsertSession, openSession } from './src/engine/review';",
  ]);
  const questions = JSON.parse(
    execFileSync(process.execPath, [BIN, 'list', '--json'], { env: { ...process.env, MLQUIZ_HOME: tmp }, maxBuffer: 1 << 28, encoding: 'utf8' }),
  );
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const medians = {};
  for (const n of SIZES) {
    const end = new Date(Date.now() - 86_400_000);
    const history = simulate({ questions, reviews: n, end, perDay: 120, seed: `commit-${n}`, mockEvery: 7 });
    const home = join(tmp, `home-${n}`);
    mkdirSync(join(home, 'journal'), { recursive: true });
    writeFileSync(join(home, 'journal', 'bench.jsonl'), journalText({ eventsOf, header, line }, history, 'bench'));
    const store = openStore(home, { scheduling: cardReplay(UTC), device: 'bench', snapshotDir: join(tmp, `cache-${n}`) });
    store.load();
    // A session as `run` records it: each answer is a review and the session record as it now stands.
    let session = openSession('run', new Date(), 'bench', [], {});
    const times = [];
    for (let i = 0; i < COMMITS; i++) {
      const q = questions[i % questions.length].id;
      session = { ...session, questions: [...session.questions, q], answered: i + 1 };
      const s = session;
      const t = performance.now();
      await store.commit((p) =>
        upsertSession(applyReview(p, { question: q, rating: 3, now: new Date(), covered: [0], total: 2, durationMs: 30_000, session: s.id }), s),
      );
      times.push(performance.now() - t);
    }
    medians[n] = median(times);
    console.log(
      `commit at ${n} reviews: median ${medians[n].toFixed(2)} ms, min ${Math.min(...times).toFixed(2)} ms, max ${Math.max(...times).toFixed(2)} ms over ${COMMITS} commits`,
    );
  }
  const big = medians[SIZES.at(-1)];
  const ratio = big / medians[SIZES[0]];
  console.log(`100,000 against 1,000: ${ratio.toFixed(2)}× (target ≤ ${TARGET_RATIO}×); median at 100,000 ${big.toFixed(2)} ms (target ≤ ${TARGET_MS} ms)`);
  if (big > TARGET_MS || ratio > TARGET_RATIO) {
    console.log('MISSED');
    process.exitCode = 1;
  } else console.log('ok');
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
