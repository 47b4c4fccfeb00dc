// A data folder for a benchmark, inside `tmp`, with the report tests' simulator to fill
// it: histories are made by the real applyReview, as in the tests, and saved as one
// machine's journal, as the store appends it.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BIN, journalText, loadSources } from './sources.mjs';

export { BIN };

export async function benchHome(tmp) {
  const m = await loadSources(tmp, [
    "export { simulate } from './tests/report/fixtures';",
    "export { eventsOf } from './src/progress/fold';",
    "export { header, line } from './src/progress/journal';",
  ]);
  const home = join(tmp, 'home');
  mkdirSync(join(home, 'journal'), { recursive: true });
  const env = { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' };
  const questions = JSON.parse(execFileSync(process.execPath, [BIN, 'list', '--json'], { env, maxBuffer: 1 << 28, encoding: 'utf8' }));
  /** Writes `progress` as the store writes it, so that its size and parse cost are the real ones. */
  const save = (progress) => writeFileSync(join(home, 'journal', 'bench.jsonl'), journalText(m, progress, 'bench'));
  return { home, env, questions, simulate: m.simulate, save };
}
