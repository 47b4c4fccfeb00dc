// Time from launching `mlquiz run` in a real pseudo-terminal (tmux) to the first question
// on screen with its answer prompt ("Your answer" or "Your choice"), against `node -e 0`
// launched the same way, in the same run.
// Target (issue 9): within 2x. The screen is polled every 2 ms, which adds at most that.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const bin = new URL('../bin/mlquiz.cjs', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'mlq-bench-run-'));
// A server of its own per measurement: killing a server's last session ends it, and the
// next new-session could race with that shutdown ("server exited unexpectedly").
let socket = '';
const tmux = (...args) => execFileSync('tmux', ['-L', socket, '-f', '/dev/null', ...args], { encoding: 'utf8' });
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function timeTo(command, marker) {
  socket = `mlq-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  tmux('new-session', '-d', '-s', 'b', '-x', '100', '-y', '40', `sleep 0.3; ${command}; sleep 5`);
  // The 0.3 s pause lets the pane settle; the clock starts when the command does.
  await sleep(300);
  const t0 = process.hrtime.bigint();
  for (;;) {
    if (tmux('capture-pane', '-p', '-t', 'b').includes(marker)) break;
    await sleep(2);
    if (Number(process.hrtime.bigint() - t0) / 1e6 > 20_000) throw new Error(`no "${marker}" after 20 s`);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  tmux('kill-server');
  return ms;
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const env = `MLQUIZ_HOME=${home}`;
await timeTo(`${env} node ${bin} run -n 1 --seed 1`, 'Your '); // prime the bank cache
const bare = [];
const run = [];
for (let i = 0; i < 9; i++) {
  bare.push(await timeTo(`node -e "console.log('READY')"`, 'READY'));
  run.push(await timeTo(`${env} node ${bin} run -n 1 --seed 1`, 'Your '));
}
const b = median(bare);
const r = median(run);
console.log(
  `node -e 0 (prints READY): ${b.toFixed(0)} ms; mlquiz run to the first question: ${r.toFixed(0)} ms = ${(r / b).toFixed(2)}x ${r / b <= 2 ? 'ok' : 'MISSED'} (target <= 2x)`,
);
// The generated banks and progress are this run's alone (a 10,000-question bank is 19 MB).
rmSync(home, { recursive: true, force: true });
process.exitCode = r / b <= 2 ? 0 : 1;
