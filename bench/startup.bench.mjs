// Start-up of `mlquiz list --json` against a bare `node -e 0`, measured in the same run.
// Targets (issue 2): at most 2.5x bare node for the shipped banks, 12x for 10,000 questions.
// "warm" is the normal case (banks parsed once and cached by content hash); "cold"
// parses every file (MLQUIZ_NO_CACHE=1) and is reported for information.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBank } from './gen-bank.mjs';

const bin = new URL('../bin/mlquiz.js', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'mlq-bench-'));
const big = join(home, 'big-bank');
generateBank(big, 10_000);

function median(cmd, args, env = {}, runs = 15) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    const t = process.hrtime.bigint();
    execFileSync(cmd, args, { env: { ...process.env, MLQUIZ_HOME: home, ...env }, stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

// Prime the caches once so that "warm" means warm.
execFileSync('node', [bin, 'list', '--json'], { env: { ...process.env, MLQUIZ_HOME: home }, stdio: ['ignore', 'ignore', 'inherit'] });
execFileSync('node', [bin, 'list', '--json', '--bank', big], { env: { ...process.env, MLQUIZ_HOME: home }, stdio: ['ignore', 'ignore', 'inherit'] });

const bare = median('node', ['-e', '0']);
const rows = [
  ['shipped banks, warm', median('node', [bin, 'list', '--json']), 2.5],
  ['+10,000 questions, warm', median('node', [bin, 'list', '--json', '--bank', big], {}, 7), 12],
  ['shipped banks, cold', median('node', [bin, 'list', '--json'], { MLQUIZ_NO_CACHE: '1' }, 5), null],
  ['+10,000 questions, cold', median('node', [bin, 'list', '--json', '--bank', big], { MLQUIZ_NO_CACHE: '1' }, 3), null],
];
console.log(`node -e 0: ${bare.toFixed(0)} ms (median)`);
let missed = 0;
for (const [name, ms, target] of rows) {
  const ratio = ms / bare;
  const verdict = target === null ? '(information)' : ratio <= target ? `ok (target <= ${target}x)` : `MISSED (target <= ${target}x)`;
  if (target !== null && ratio > target) missed++;
  console.log(`list --json, ${name}: ${ms.toFixed(0)} ms = ${ratio.toFixed(2)}x bare node ${verdict}`);
}
process.exitCode = missed ? 1 : 0;
