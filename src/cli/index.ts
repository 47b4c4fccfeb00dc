import { CommanderError } from 'commander';
import envPaths from 'env-paths';
import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_DAY_START, systemOffset } from '../engine/days.js';
import { isMlquizError } from '../errors.js';
import { colourLevel } from '../format/colour-level.js';
import { shortSeed, type Context } from './context.js';
import { buildProgram, cacheVersion, exitCodeOf } from './program.js';
import { registry } from './registry.js';

/** Runs one invocation and returns its exit code; never exits the process itself. */
export async function main(argv: string[], ctx: Context): Promise<number> {
  const named = registry.find((s) => s.name === argv[0])?.name;
  const program = buildProgram(
    ctx,
    async (name, opts, args) => {
      const spec = registry.find((s) => s.name === name)!;
      const mod = await spec.load();
      return mod.default(opts, args, ctx);
    },
    named,
  );
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCodeOf(program);
  } catch (e) {
    const end = argv.indexOf('--');
    return reportError(e, ctx, (end < 0 ? argv : argv.slice(0, end)).includes('--json'));
  }
}

/**
 * The one place a failure becomes output and an exit code. With --json the error is
 * also a JSON document on stdout, so a script reading stdout never sees nothing.
 */
export function reportError(e: unknown, ctx: Pick<Context, 'stderr'> & Partial<Pick<Context, 'stdout'>>, json = false): number {
  const asJson = (code: number, message: string, details: string[] = []) => {
    if (json && ctx.stdout) ctx.stdout.write(JSON.stringify({ error: { code, message, ...(details.length && { details }) } }, null, 2) + '\n');
    return code;
  };
  if (e instanceof CommanderError) {
    // Commander has already printed its one-line message.
    if (['commander.helpDisplayed', 'commander.version', 'commander.help'].includes(e.code)) return 0;
    return e.exitCode === 0 ? 0 : asJson(2, e.message.replace(/^error: /, ''));
  }
  if (isMlquizError(e)) {
    for (const line of e.details) ctx.stderr.write(line + '\n');
    ctx.stderr.write(`mlquiz: ${e.message}\n`);
    return asJson(e.exitCode, e.message, e.details);
  }
  const err = e as Error;
  ctx.stderr.write(`${err?.stack ?? String(e)}\n\nmlquiz: this is a bug. Please report it with the command you ran and the lines above.\n`);
  return asJson(1, `internal error: ${err?.message ?? String(e)}`);
}

/** The real entry: process streams, the wall clock, the platform data folder. */
export function cli(): void {
  // The one colour decision (src/format/colour-level.ts), made before any module loads
  // chalk: every command bundle's chalk reads FORCE_COLOR, and colours(ctx) reads it from
  // ctx.env, so the prompts and the reports cannot disagree.
  process.env.FORCE_COLOR = String(colourLevel(process.env, process.stdout.isTTY));
  // The XDG spec says a relative path in these is invalid and must be ignored; env-paths
  // would use it, putting progress wherever the shell happened to be.
  for (const v of ['XDG_DATA_HOME', 'XDG_CACHE_HOME', 'XDG_CONFIG_HOME'])
    if (process.env[v] !== undefined && !isAbsolute(process.env[v]!)) delete process.env[v];
  // A reader that stops early (`mlquiz list | head`) closes the pipe: nothing is wrong,
  // the rest of the output simply has nowhere to go.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code !== 'EPIPE') throw e;
  });
  const ctx: Context = {
    cwd: process.cwd(),
    env: process.env,
    // Made on first use: Node builds each stream (and, for a file or /dev/null, loads the
    // fs stream and promise modules) only when asked. Only run and mock read input, and
    // most runs write nothing to stderr.
    get stdin() {
      return process.stdin;
    },
    stdout: process.stdout,
    get stderr() {
      return process.stderr;
    },
    now: () => new Date(),
    // A seed only varies sessions (it is printed to be retyped, not kept secret): Math.random,
    // as even Web Crypto's global loads crypto modules before the first question.
    newSeed: () => shortSeed(Math.random),
    offset: systemOffset,
    dayStart: DEFAULT_DAY_START,
    shippedBanks: fileURLToPath(new URL('../questions', import.meta.url)),
    shippedPlans: fileURLToPath(new URL('../plans', import.meta.url)),
    defaultDataDir: () => envPaths('mlquiz', { suffix: '' }).data,
    defaultCacheDir: () => envPaths('mlquiz', { suffix: '' }).cache,
    defaultConfigDir: () => envPaths('mlquiz', { suffix: '' }).config,
    version: cacheVersion,
  };
  main(process.argv.slice(2), ctx).then((code) => {
    process.exitCode = code;
  });
}
