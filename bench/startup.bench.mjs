// Start-up of `mlquiz list --json` against a bare `node -e 0`, measured in the same run.
// Targets: at most 1.5x bare node for the shipped banks (issue 9), 12x for 10,000
// questions (issue 2). "warm" is the normal case: the banks were read before, so the pack
// vouches for every file from its stat and the output kept for that content is printed
// (src/bank/cache-output.ts). "not kept" is the first call after the banks changed, from
// the pack alone; "cold" parses every file (MLQUIZ_NO_CACHE=1). Both are reported for
// information. Each sample of mlquiz is taken right after one of bare node, and each row's
// ratio is of its own medians: the machine is shared, and a load that drifts between two
// separate series would show up as a ratio. Two floors are printed beside them: a bare
// node reading the pack and printing its questions (what the "not kept" path cannot go
// below), and the entry with commander (what the warm path cannot go below).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateBank } from './gen-bank.mjs';

const bin = new URL('../bin/mlquiz.cjs', import.meta.url).pathname;
const home = mkdtempSync(join(tmpdir(), 'mlq-bench-'));
const big = join(home, 'big-bank');
generateBank(big, 10_000);

const env = (extra) => ({ ...process.env, MLQUIZ_HOME: home, ...extra });
function once(cmd, args, extra = {}, before = () => {}) {
  before();
  const t = process.hrtime.bigint();
  execFileSync(cmd, args, { env: env(extra), stdio: ['ignore', 'ignore', 'inherit'], maxBuffer: 1 << 28 });
  return Number(process.hrtime.bigint() - t) / 1e6;
}
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Medians of `runs` interleaved samples: bare node, then the command. */
function paired(args, extra = {}, runs = 15, before = undefined) {
  const bare = [];
  const cmd = [];
  for (let i = 0; i < runs; i++) {
    bare.push(once('node', ['-e', '0']));
    cmd.push(once('node', args, extra, before));
  }
  return { bare: median(bare), ms: median(cmd) };
}

// Prime the caches once so that "warm" means warm. The pack vouches only for files older
// than two seconds (src/bank/cache-pack.ts), so the generated bank has to age first.
await new Promise((r) => setTimeout(r, 2100));
once('node', [bin, 'list', '--json']);
const packs = join(
  home,
  'cache',
  readdirSync(join(home, 'cache')).find((d) => d.startsWith('packs-')),
);
const pack = join(
  packs,
  readdirSync(packs).find((f) => f.endsWith('.json')),
);
once('node', [bin, 'list', '--json', '--bank', big]);
const forgetOutputs = () => {
  for (const f of readdirSync(packs)) if (f.endsWith('.out')) rmSync(join(packs, f));
};

// A bare node that reads the same pack (its second line holds the parses), parses it and
// prints its questions as list --json does, with no check and no CLI.
const FLOOR =
  "const fs = require('node:fs'); const text = fs.readFileSync(process.argv[1], 'latin1'); const banks = JSON.parse(text.slice(text.indexOf('\\n') + 1)); fs.writeSync(1, JSON.stringify(Object.values(banks).flatMap((b) => b.questions), null, 2) + '\\n');";

const rows = [
  ['floor: bare node reading the pack and printing its questions', paired(['-e', FLOOR, pack], {}, 11), null],
  ['floor: mlquiz --version (the entry and commander)', paired([bin, '--version'], {}, 11), null],
  ['shipped banks, warm', paired([bin, 'list', '--json'], {}, 21), 1.5],
  ['+10,000 questions, warm', paired([bin, 'list', '--json', '--bank', big], {}, 7), 12],
  ['shipped banks, output not kept', paired([bin, 'list', '--json'], {}, 11, forgetOutputs), null],
  ['shipped banks, cold', paired([bin, 'list', '--json'], { MLQUIZ_NO_CACHE: '1' }, 5), null],
  ['+10,000 questions, cold', paired([bin, 'list', '--json', '--bank', big], { MLQUIZ_NO_CACHE: '1' }, 3), null],
];
let missed = 0;
for (const [name, { bare, ms }, target] of rows) {
  const ratio = ms / bare;
  const verdict = target === null ? '(information)' : ratio <= target ? `ok (target <= ${target}x)` : `MISSED (target <= ${target}x)`;
  if (target !== null && ratio > target) missed++;
  console.log(
    `${name.startsWith('floor') ? '' : 'list --json, '}${name}: ${ms.toFixed(0)} ms against node -e 0 ${bare.toFixed(0)} ms = ${ratio.toFixed(2)}x ${verdict}`,
  );
}
// The generated banks and progress are this run's alone (a 10,000-question bank is 19 MB).
rmSync(home, { recursive: true, force: true });
process.exitCode = missed ? 1 : 0;
