import { mkdtempSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

/**
 * Builds a tiny program that commits `n` reviews with the real store, printing
 * `committed <count> <question>` after each one; tests kill it and count what it said.
 * Usage: node <script> <data dir> <name> <n> [device]; WRITER_SNAPSHOT names a snapshot folder.
 */
export async function buildWriter(): Promise<string> {
  // Inside the project, so that what the store requires at run time (zod) resolves as in dist/.
  const dir = mkdtempSync(join(resolve('node_modules'), '.mlq-writer-'));
  const entry = join(dir, 'writer.ts');
  writeFileSync(
    entry,
    `import { openStore } from ${JSON.stringify(resolve('src/progress/store.ts'))};
import { cardReplay } from ${JSON.stringify(resolve('src/engine/replay.ts'))};
import { UTC } from ${JSON.stringify(resolve('src/engine/days.ts'))};
import { applyReview } from ${JSON.stringify(resolve('src/engine/review.ts'))};
const [dir, name, n, device] = process.argv.slice(2);
// A lock left without its owner file by a kill is taken over at once: the kill tests kill often.
const snapshotDir = process.env.WRITER_SNAPSHOT;
const store = openStore(dir, { scheduling: cardReplay(UTC), ...(device && { device }), ...(snapshotDir && { snapshotDir }), lock: { ownerlessMs: 50 } });
for (let i = 0; i < Number(n); i++) {
  await store.commit((p) => applyReview(p, { question: name + '-' + i, rating: 3, now: new Date(), covered: [], total: 2, durationMs: 1, session: name }));
  process.stdout.write('committed ' + (i + 1) + ' ' + name + '-' + i + '\\n');
}`,
  );
  const script = join(dir, 'writer.mjs');
  await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: script,
    logLevel: 'error',
    banner: {
      js: "import { createRequire as __mlqRequire } from 'node:module'; import { fileURLToPath as __mlqPath } from 'node:url'; const require = __mlqRequire(import.meta.url); const __filename = __mlqPath(import.meta.url);",
    },
  });
  return script;
}
