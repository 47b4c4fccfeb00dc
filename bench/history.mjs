// A data folder for a benchmark, inside `tmp`, with the report tests' simulator to fill
// it: histories are made by the real applyReview, as in the tests. The simulator is
// bundled from the TypeScript sources for the run; `tmp` must be inside the project, so
// that the bundle requires what the sources require at run time (zod), as dist/ does.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin/mlquiz.js');

/** The named exports of the TypeScript sources, bundled into `tmp` and imported. */
export async function bundleSources(tmp, lines) {
  const entry = join(tmp, 'entry.mjs');
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: entry,
    logLevel: 'warning',
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return import(entry);
}

export async function benchHome(tmp) {
  const { simulate, formatProgress } = await bundleSources(tmp, [
    "export { simulate } from './tests/report/fixtures';",
    "export { formatProgress } from './src/progress/store';",
  ]);
  const home = join(tmp, 'home');
  mkdirSync(home, { recursive: true });
  const env = { ...process.env, MLQUIZ_HOME: home, NO_COLOR: '1' };
  const questions = JSON.parse(execFileSync(process.execPath, [BIN, 'list', '--json'], { env, maxBuffer: 1 << 28, encoding: 'utf8' }));
  /** Writes `progress` as the store writes it, so that its size and parse cost are the real ones. */
  const save = (progress) => writeFileSync(join(home, 'progress.json'), formatProgress(progress));
  return { home, env, questions, simulate, save };
}
