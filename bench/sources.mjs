// The benches' way into the TypeScript sources: the named exports bundled into one
// module inside `dir` (which must lie inside the project, so that the bundle's run-time
// require of zod resolves as dist/'s does), and imported.
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

export async function importSources(dir, lines) {
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
