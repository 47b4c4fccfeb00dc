// `mlquiz report --json` over a 100,000-review history (two machines' journals), timed end
// to end (a fresh process each run, as a person would run it), against the floor of a bare
// node that reads and parses the same journals; plus the in-process phases so that a miss
// says where the time went. Target: median within 1.5× the floor. Exits 1 when missed.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { benchDir, BIN, loadSources } from './sources.mjs';

const REVIEWS = 100_000;
const RUNS = 11;
const TARGET_RATIO = 1.5;
const NOW = new Date();

const tmp = benchDir('report');
try {
  const { simulate, openStore, eventsOf, header, line, cardReplay, buildReport, reportTrace, systemOffset } = await loadSources(tmp, [
    "export { simulate } from './tests/report/fixtures';",
    "export { openStore } from './src/progress/store';",
    "export { eventsOf } from './src/progress/fold';",
    "export { header, line } from './src/progress/journal';",
    "export { cardReplay } from './src/engine/replay';",
    "export { buildReport, reportTrace } from './src/report/build';",
    "export { systemOffset } from './src/engine/days';",
  ]);

  const home = join(tmp, 'home');
  const env = { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' };
  const questions = JSON.parse(execFileSync(process.execPath, [BIN, 'list', '--json'], { env, maxBuffer: 1 << 28, encoding: 'utf8' }));
  let t = performance.now();
  const progress = simulate({ questions, reviews: REVIEWS, end: new Date(NOW.getTime() - 3_600_000), perDay: 120, seed: 'bench', mockEvery: 7 });
  const simMs = performance.now() - t;
  // Written as the store appends them, a machine's records in a journal of its own: two
  // machines, the laptop doing every third session, so that the union is what is read.
  const journals = join(home, 'journal');
  mkdirSync(journals, { recursive: true });
  const texts = { laptop: [header('laptop')], desktop: [header('desktop')] };
  const events = eventsOf(progress);
  const sessionsSeen = new Map();
  for (const e of events) {
    const s = 'review' in e ? e.review.session : 'session' in e ? e.session.id : '';
    if (!sessionsSeen.has(s)) sessionsSeen.set(s, sessionsSeen.size % 3 === 0 ? 'laptop' : 'desktop');
    texts[sessionsSeen.get(s)].push(line(e));
  }
  for (const [device, lines] of Object.entries(texts)) writeFileSync(join(journals, `${device}.jsonl`), lines.join('\n') + '\n');
  const files = readdirSync(journals).map((n) => join(journals, n));
  const mb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
  console.log(
    `generated ${progress.reviews.length} reviews of ${Object.keys(progress.cards).length} questions, ${progress.sessions.length} sessions (${mb.toFixed(1)} MB in ${files.length} journals) in ${(simMs / 1000).toFixed(1)} s`,
  );

  // In-process phases, best of three.
  const phase = (fn) => {
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      const s = performance.now();
      fn();
      best = Math.min(best, performance.now() - s);
    }
    return best;
  };
  const store = openStore(home, { scheduling: cardReplay(systemOffset) });
  const perLine = `for (const f of ${JSON.stringify(files)}) for (const l of require('fs').readFileSync(f, 'utf8').split('\\n')) if (l) JSON.parse(l)`;
  const asArray = `for (const f of ${JSON.stringify(files)}) JSON.parse('[' + require('fs').readFileSync(f, 'utf8').trimEnd().replaceAll('\\n', ',') + ']')`;
  const req = (await import('node:module')).createRequire(import.meta.url);
  const parseMs = phase(() => new Function('require', asArray)(req));
  const loadMs = phase(() => store.load());
  const cache = mkdtempSync(join(tmp, 'cache-'));
  openStore(home, { scheduling: cardReplay(systemOffset), snapshotDir: cache }).load();
  const snapMs = phase(() => openStore(home, { scheduling: cardReplay(systemOffset), snapshotDir: cache }).load());
  const buildMs = phase(() => buildReport(questions, progress, { now: NOW, offset: systemOffset }));
  // With the recall trace a run before kept (recall-cache.ts), as `mlquiz report` has it from its second run on.
  // Copies, as read back from the cache: not known to follow this log until their digest says so.
  const kept = [0, 1, 2].map(() => structuredClone(reportTrace(progress, { offset: systemOffset })));
  const keptMs = phase(() => buildReport(questions, progress, { now: NOW, offset: systemOffset, trace: kept.pop() }));
  console.log(
    `in process: read + JSON.parse ${parseMs.toFixed(0)} ms · store.load() replaying every card ${loadMs.toFixed(0)} ms · with a fitting snapshot ${snapMs.toFixed(0)} ms · buildReport ${buildMs.toFixed(0)} ms, ${keptMs.toFixed(0)} ms with a kept recall trace`,
  );

  const once = (args) => {
    const s = performance.now();
    const r = spawnSync(process.execPath, [BIN, ...args], { env, encoding: 'utf8', maxBuffer: 1 << 26 });
    const ms = performance.now() - s;
    if (r.status !== 0) throw new Error(`mlquiz ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
    return { ms, out: r.stdout };
  };
  // One warm-up run fills the caches (banks, snapshot, recall trace), as any earlier command would have.
  const keys = Object.keys(JSON.parse(once(['report', '--json']).out));
  // The floor: a bare node that only reads and parses the journals, nothing of mlquiz, in
  // the faster of two ways: a JSON.parse per line, and one JSON.parse of each file as an
  // array. Each run of mlquiz comes right after one of each floor: the machine is shared,
  // and a load that drifts between two separate series would show up as a ratio.
  const floors = { 'per line': [], 'as one array': [] };
  const bare = (code) => {
    const s = performance.now();
    spawnSync(process.execPath, ['-e', code]);
    return performance.now() - s;
  };
  const baseline = [];
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    baseline.push(once(['--version']).ms);
    floors['per line'].push(bare(perLine));
    floors['as one array'].push(bare(asArray));
    times.push(once(['report', '--json']).ms);
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const med = median(times);
  console.log(`report --json keys: ${keys.join(', ')}`);
  console.log(`node bin/mlquiz.cjs --version: median ${median(baseline).toFixed(0)} ms (process start-up)`);
  for (const [how, xs] of Object.entries(floors)) console.log(`bare node reading and parsing the journals ${how}: median ${median(xs).toFixed(0)} ms`);
  const floor = Math.min(...Object.values(floors).map(median));
  const ratio = med / floor;
  console.log(
    `node bin/mlquiz.cjs report --json over ${REVIEWS} reviews: median ${med.toFixed(0)} ms, min ${Math.min(...times).toFixed(0)} ms, max ${Math.max(...times).toFixed(0)} ms over ${RUNS} runs: ${ratio.toFixed(2)}× the floor of ${floor.toFixed(0)} ms (target ≤ ${TARGET_RATIO}×)`,
  );
  if (ratio > TARGET_RATIO) {
    console.log(`MISSED: ${ratio.toFixed(2)}× > ${TARGET_RATIO}×`);
    process.exitCode = 1;
  } else console.log('ok');
} finally {
  if (!process.env.MLQUIZ_BENCH_KEEP) rmSync(tmp, { recursive: true, force: true });
}
