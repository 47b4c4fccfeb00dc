// Bundles the CLI so that start-up reads a few files instead of hundreds. Commands and
// heavy dependencies sit in their own files, loaded only when a command needs them.
//
// The bundles are CommonJS, though the sources are ES modules. Node 20 runs an ES-module
// entry through its ES-module loader, which reads each file with asynchronous calls on the
// thread pool and loads its own modules first (fs/promises, readline and more): measured
// against the same code as CommonJS, `mlquiz --version` took 8 to 15 ms longer, `list --json`
// 6 to 13 ms and `run` to its first question 15 ms. require() reads a file in one call.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
// The caches are keyed by this too: bank parses and whole outputs (list --json) are kept,
// so a build whose sources changed anywhere never serves what an older one made.
const sources = createHash('sha1');
for (const f of readdirSync(join(ROOT, 'src'), { recursive: true }).sort()) {
  const full = join(ROOT, 'src', f);
  if (statSync(full).isFile()) sources.update(f).update(readFileSync(full));
}
rmSync(join(ROOT, 'dist'), { recursive: true, force: true });

// The sources' import.meta.url (createRequire, the shipped banks' folder), in CommonJS terms.
const URL_LINE = "const __mlquizUrl = require('node:url').pathToFileURL(__filename).href;";
const builtin = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));
// A native module that finds its platform's build by require at run time: left to Node, loaded by `mlquiz optimize` alone.
const EXTERNAL = ['@open-spaced-repetition/binding'];

/**
 * Every module the sources import dynamically is bundled once, on its own, in dist/lazy/,
 * and required from there when the import runs: the YAML parser, marked, the Anki readers,
 * the prompts needed only after an answer. The name says what it holds: a package's
 * specifier, or a source file's path under src/.
 */
const lazy = new Map(); // absolute path -> name
function lazyName(abs, specifier) {
  const inSrc = relative(join(ROOT, 'src'), abs);
  const name = (abs.includes(`${sep}node_modules${sep}`) ? specifier : inSrc.replace(/\.[cm]?[jt]s$/, '')).replace(/^@/, '').replace(/[\\/]/g, '-');
  for (const [other, n] of lazy)
    if (n === name && other !== abs) throw new Error(`two lazily loaded modules would both be dist/lazy/${name}.cjs: ${other} and ${abs}`);
  lazy.set(abs, name);
  return name;
}

// What the registry imports, checked below against what is bundled: esbuild cannot see
// across the builds, so a command missing from dist/commands/ would fail only when run.
const imported = new Set();

/** Resolves each dynamic import of a build whose output goes to `outdir` to a bundle of its own. */
const apart = (outdir) => ({
  name: 'lazy-apart',
  setup(b) {
    b.onResolve({ filter: /.*/ }, async (args) => {
      if (args.kind !== 'dynamic-import' || args.pluginData?.apart || builtin.has(args.path) || EXTERNAL.includes(args.path)) return undefined;
      if (/^\.\/commands\/[\w-]+\.js$/.test(args.path) && args.importer.endsWith(join('cli', 'registry.ts'))) {
        imported.add(args.path.slice('./commands/'.length, -'.js'.length));
        return { path: args.path.replace(/\.js$/, '.cjs'), external: true };
      }
      const found = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { apart: true } });
      if (found.errors.length) return { errors: found.errors };
      const rel = relative(outdir, join(ROOT, 'dist', 'lazy'))
        .split(sep)
        .join('/');
      return { path: `${rel === '' ? '.' : rel.startsWith('.') ? rel : `./${rel}`}/${lazyName(found.path, args.path)}.cjs`, external: true };
    });
  },
});

const common = {
  bundle: true,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  platform: 'node',
  target: 'node20',
  minifySyntax: true,
  minifyWhitespace: true,
  sourcemap: 'linked',
  // A dynamic import() left in a CommonJS bundle would still go through the ES-module
  // loader; as unsupported, esbuild writes require() behind a promise instead.
  supported: { 'dynamic-import': false },
  define: {
    __VERSION__: JSON.stringify(pkg.version),
    __SOURCES__: JSON.stringify(sources.digest('hex').slice(0, 10)),
    'import.meta.url': '__mlquizUrl',
  },
  // One line, dropped below from the bundles that do not use it.
  banner: { js: URL_LINE },
  // Heavy modules that marked-terminal imports eagerly but mlquiz does not need at start-up
  // (see the stubs' own comments).
  alias: { 'cli-highlight': './src/format/stubs/cli-highlight.ts', 'node-emoji': './src/format/stubs/node-emoji.ts' },
  external: EXTERNAL,
  logLevel: 'warning',
};
const plugins = [
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
    // zod re-exports every locale as `z.locales`, which defeats tree-shaking: 64 locale
    // modules (a fifth of its size) load on every start-up. mlquiz speaks English only.
    name: 'zod-english-only',
    setup(b) {
      b.onResolve({ filter: /\/locales\/index\.js$/ }, (args) =>
        /[\\/]zod[\\/]/.test(args.importer) ? { path: join(ROOT, 'src/format/stubs/zod-locales.ts') } : undefined,
      );
    },
  },
];
// The bundles built from an ES module (the others, such as write-file-atomic, are CommonJS packages).
const fromEsm = new Set();
async function bundle(entry, name, outdir) {
  const { metafile } = await build({
    ...common,
    absWorkingDir: ROOT,
    metafile: true,
    entryPoints: { [name]: entry },
    outdir: join(ROOT, outdir),
    plugins: [...plugins, apart(join(ROOT, outdir))],
  });
  for (const [file, out] of Object.entries(metafile.outputs))
    if (out.entryPoint && metafile.inputs[out.entryPoint]?.format === 'esm') fromEsm.add(join(ROOT, file));
}

// The entry holds commander and the registry; each command is bundled on its own. One
// build over every command would split the code that any two commands share into a
// module of its own: `mlquiz run` loaded 35 modules before its first question. So a
// command's bundle has its own copy of what it shares with the entry, and the entry knows
// a command's errors by their mark, not by their class (see errors.ts).
const commands = readdirSync(join(ROOT, 'src/cli/commands')).flatMap((f) => (f.endsWith('.ts') ? [f.slice(0, -3)] : []));
await Promise.all([bundle('src/cli/index.ts', 'cli', 'dist'), ...commands.map((c) => bundle(`src/cli/commands/${c}.ts`, c, 'dist/commands'))]);
for (const name of imported)
  if (!commands.includes(name)) throw new Error(`src/cli/registry.ts imports ./commands/${name}.js, which is not in src/cli/commands/`);
if (imported.size === 0) throw new Error('lazy-apart: the registry imports no command; the pattern no longer matches');
// The lazily loaded modules may import others lazily in turn.
for (const done = new Set(); ;) {
  const todo = [...lazy].filter(([abs]) => !done.has(abs));
  if (todo.length === 0) break;
  for (const [abs] of todo) done.add(abs);
  await Promise.all(todo.map(([abs, name]) => bundle(abs, name, 'dist/lazy')));
}

// esbuild hands a required bundle over as Node hands CommonJS over to import(): the whole
// of module.exports as `default`. That is right for a CommonJS package, but a bundle built
// from an ES module has its `default` among its exports already, so it is handed over as
// it is. The spaces that make up the difference keep the source maps' columns right.
const under = (d) =>
  readdirSync(d, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? under(join(d, e.name)) : e.name.endsWith('.cjs') ? [join(d, e.name)] : []));
let rewritten = 0;
for (const file of under(join(ROOT, 'dist'))) {
  const [banner, ...rest] = readFileSync(file, 'utf8').split('\n');
  if (banner !== URL_LINE) throw new Error(`${file}: the first line is not the banner`);
  const body = rest.join('\n').replace(/__toESM\(require\(("\.{1,2}\/[^"]+\.cjs")\),1\)/g, (whole, spec) => {
    if (!fromEsm.has(join(dirname(file), JSON.parse(spec)))) return whole;
    rewritten++;
    return `require(${spec})`.padEnd(whole.length);
  });
  const left = /\bimport\(/.exec(body);
  if (left) throw new Error(`${file}: a dynamic import this build did not turn into a require: ${body.slice(left.index, left.index + 80)}`);
  // The first line stays, empty where the URL is not used, so no line of the source map moves.
  writeFileSync(file, [body.includes('__mlquizUrl') ? URL_LINE : '', body].join('\n'));
}
if (rewritten < commands.length) throw new Error(`only ${rewritten} requires of bundles were rewritten; esbuild's interop may have changed`);
