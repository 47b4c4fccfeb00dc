// Bundles the CLI so that start-up reads a few files instead of hundreds. Commands and
// heavy dependencies sit in their own files, loaded only when a command needs them.
import { init, parse } from 'es-module-lexer';
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, relative, sep } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// Cached bank parses are keyed by this too, so a changed parser never serves an old parse.
const parser = createHash('sha1');
for (const dir of ['src/bank', 'src/fs']) for (const f of readdirSync(dir).sort()) parser.update(f).update(readFileSync(`${dir}/${f}`));
rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
// Some dependencies are CommonJS: they call require() for Node built-ins and read __filename.
const REQUIRE = "import { createRequire as __mlquizRequire } from 'node:module'; const require = __mlquizRequire(import.meta.url);";
const FILENAME = "import { fileURLToPath as __mlquizPath } from 'node:url'; const __filename = __mlquizPath(import.meta.url);";
const BANNER = `${REQUIRE} ${FILENAME}`;
const common = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  define: { __VERSION__: JSON.stringify(pkg.version), __BANK_PARSER__: JSON.stringify(parser.digest('hex').slice(0, 10)) },
  // One line, rewritten below to what each chunk uses.
  banner: { js: BANNER },
  // Heavy modules that marked-terminal imports eagerly but mlquiz does not need at start-up
  // (see the stubs' own comments).
  alias: { 'cli-highlight': './src/format/stubs/cli-highlight.ts', 'node-emoji': './src/format/stubs/node-emoji.ts' },
  // zod re-exports every locale as `z.locales`, which defeats tree-shaking: 64 locale
  // modules (a fifth of its size) load on every start-up. mlquiz speaks English only.
  plugins: [
    {
      // commander requires child_process (with net, dgram and the rest) at import, for
      // executable subcommands, which mlquiz has none of: require it when one would spawn.
      name: 'commander-lazy-child-process',
      setup(b) {
        b.onLoad({ filter: /[\\/]commander[\\/]lib[\\/]command\.js$/ }, (args) => {
          const eager = "const childProcess = require('node:child_process');";
          const source = readFileSync(args.path, 'utf8');
          if (!source.includes(eager)) throw new Error(`commander-lazy-child-process: ${args.path} no longer has the line it replaces`);
          return { contents: source.replace(eager, "const childProcess = { spawn: (...a) => require('node:child_process').spawn(...a) };"), loader: 'js' };
        });
      },
    },
    {
      name: 'zod-english-only',
      setup(b) {
        b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
          /[\\/]zod[\\/]/.test(args.importer) ? { path: new URL('../src/format/stubs/zod-locales.ts', import.meta.url).pathname } : undefined,
        );
      },
    },
  ],
  // A native module that finds its platform's build by require at run time: left to Node, loaded by `mlquiz optimize` alone.
  external: ['@open-spaced-repetition/binding'],
  logLevel: 'warning',
};

// The entry holds commander and the registry; each command is bundled on its own, with
// the chunks that only it loads later. One build over every command would split the code
// that any two commands share into a chunk of its own: `mlquiz run` loaded 35 modules
// before its first question, and each ES module costs Node about 0.7 ms to resolve, load
// and link, more than the bytes it holds. A command's bundle has its own copy of what it
// shares with the entry, so the entry knows a command's errors by their mark, not by
// their class (see errors.ts).
const commands = readdirSync('src/cli/commands').flatMap((f) => (f.endsWith('.ts') ? [f.slice(0, -3)] : []));
// What the registry imports, checked below against what is bundled: esbuild cannot see
// across the builds, so a command missing from dist/commands/ would fail only when run.
const imported = new Set();
const apart = {
  name: 'commands-apart',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/[\w-]+\.js$/ }, (args) => {
      if (!args.importer.endsWith('registry.ts')) return undefined;
      imported.add(args.path.slice('./commands/'.length, -'.js'.length));
      return { path: args.path, external: true };
    });
  },
};
// The bank parser (YAML and zod, 470 kB) is loaded on a cache miss by most commands:
// built once, in dist/shared/, instead of once in each command's folder. Its import is
// left to a placeholder, given its real relative path below, where each file's place is known.
const SHARED = '@mlquiz-shared/';
const sharedParser = {
  name: 'shared-parser',
  setup(b) {
    b.onResolve({ filter: /^\.\/parse-file\.js$/ }, (args) =>
      /[\\/]bank[\\/]load\.ts$/.test(args.importer) ? { path: `${SHARED}parse-file.js`, external: true } : undefined,
    );
  },
};
await Promise.all([
  build({ ...common, entryPoints: { cli: 'src/cli/index.ts' }, outdir: 'dist', chunkNames: 'chunks/[name]-[hash]', plugins: [...common.plugins, apart] }),
  build({ ...common, entryPoints: { 'parse-file': 'src/bank/parse-file.ts' }, outdir: 'dist/shared', chunkNames: 'parse-file/[name]-[hash]' }),
  ...commands.map((name) =>
    build({
      ...common,
      entryPoints: { [name]: `src/cli/commands/${name}.ts` },
      outdir: 'dist/commands',
      chunkNames: `${name}/[name]-[hash]`,
      plugins: [...common.plugins, sharedParser],
    }),
  ),
]);
for (const name of imported)
  if (!commands.includes(name)) throw new Error(`src/cli/registry.ts imports ./commands/${name}.js, which is not in src/cli/commands/`);
if (imported.size === 0) throw new Error('commands-apart: the registry imports no command; the pattern no longer matches');

// An ESM import of a Node built-in builds a module facade over all its exports (node:fs
// alone costs about 2 ms of start-up); require() hands over the object Node already has.
// Each static import of a built-in is blanked out in place (the source map's columns stay
// right) and made a require() on the banner's line, which runs before the chunk's code.
// The banner keeps only what the chunk uses: most chunks need neither require nor
// __filename, and each createRequire costs start-up time.
const builtin = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
// The clause of one import statement (es-module-lexer finds the statements, so no text inside a string is touched).
const CLAUSE = /^import\s*([\w$]+)?\s*,?\s*(\{[^}]*\}|\*\s*as\s+[\w$]+)?\s*(?:from\s*)?["'][^"']+["'];?$/;
await init;
// Every .js under dist/ (readdirSync's recursive option is newer than Node 20.0).
const under = (d) =>
  readdirSync(`dist/${d}`, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? under(`${d}${e.name}/`) : e.name.endsWith('.js') ? [d + e.name] : []));
const outputs = under('');
for (const file of outputs) {
  const path = `dist/${file}`;
  const [banner, ...rest] = readFileSync(path, 'utf8').split('\n');
  if (banner !== BANNER) throw new Error(`${path}: the first line is not the banner`);
  let body = rest.join('\n');
  // The placeholder is longer than any relative path to dist/shared/, and the spaces that
  // make up the difference go after the string, so no column moves (the source maps stay right).
  body = body.replace(new RegExp(`"${SHARED}([\\w.-]+)"`, 'g'), (whole, name) => {
    const rel = relative(dirname(path), `dist/shared/${name}`).split(sep).join('/');
    const spec = JSON.stringify(rel.startsWith('.') ? rel : `./${rel}`);
    if (spec.length > whole.length) throw new Error(`${path}: the path to dist/shared/${name} is longer than its placeholder`);
    return spec + ' '.repeat(whole.length - spec.length);
  });
  const requires = [];
  for (const { n, d, ss, se } of parse(body)[0]) {
    if (d !== -1 || n === undefined || !builtin.has(n)) continue;
    const stmt = body.slice(ss, se);
    const clause = CLAUSE.exec(stmt);
    if (!clause) throw new Error(`${path}: an import of ${n} this build cannot rewrite: ${stmt}`);
    const [, name, bindings] = clause;
    const mod = `require(${JSON.stringify(n)})`;
    if (name) requires.push(`const ${name} = ${mod};`);
    if (bindings?.startsWith('*')) requires.push(`const ${bindings.replace(/^\*\s*as\s+/, '')} = ${mod};`);
    else if (bindings) requires.push(`const ${bindings.replace(/\s+as\s+/g, ': ')} = ${mod};`);
    else if (!name) requires.push(`${mod};`);
    body = body.slice(0, ss) + ' '.repeat(stmt.length) + body.slice(se);
  }
  const line = [...(requires.length || /\brequire\b/.test(body) ? [REQUIRE] : []), ...(/\b__filename\b/.test(body) ? [FILENAME] : []), ...requires].join(' ');
  writeFileSync(path, [line, body].join('\n'));
}
