// What benches take from the TypeScript sources, bundled for the run: histories are made
// by the real applyReview, as in the tests. The bundle goes inside the project, so that what
// the sources require at run time (zod) resolves as it does from dist/.
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const BIN = join(ROOT, 'bin/mlquiz.cjs');

/** A temporary folder inside the project for one bench's files. */
export const benchDir = (name) => mkdtempSync(join(ROOT, 'node_modules', `.mlq-${name}-bench-`));

/** Imports `lines` (export statements relative to the project root) from a bundle built into `dir`. */
export async function loadSources(dir, lines) {
  const entry = join(dir, 'entry.mjs');
  await build({
    stdin: { contents: lines.join('\n'), resolveDir: ROOT, loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: entry,
    logLevel: 'warning',
    // A native module that finds its build by require at run time: left to Node.
    external: ['@open-spaced-repetition/binding'],
    banner: { js: "import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);" },
  });
  return import(entry);
}

/** A simulated history written as one machine's journal, as the store appends it. */
export function journalText({ eventsOf, header, line }, progress, device) {
  return [header(device), ...eventsOf(progress).map(line)].join('\n') + '\n';
}

/** The same, under the name the optimize bench uses. */
export const importSources = loadSources;
