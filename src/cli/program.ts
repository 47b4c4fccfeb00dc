import { Command } from 'commander';
import type { Context } from './context.js';
import { registry } from './registry.js';

export type Dispatch = (name: string, opts: Record<string, unknown>, args: string[]) => Promise<number>;

declare const __VERSION__: string;
export const version = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';
declare const __SOURCES__: string;
/** What cache entries are filed under: the version and a hash of the sources it was built from. */
export const cacheVersion = `${version}+${typeof __SOURCES__ === 'string' ? __SOURCES__ : 'dev'}`;

/**
 * The commander program. `dispatch` runs a command; tests pass one that records the
 * parsed options, so the argv-to-options mapping is tested without running anything.
 * `only` leaves out every other command: when argv starts with a command's name, commander
 * parses and answers (help, errors, suggestions) from that command and the root alone, so
 * declaring the others' options would only cost start-up time.
 */
export function buildProgram(ctx: Pick<Context, 'stdout' | 'stderr'>, dispatch: Dispatch, only?: string): Command {
  const program = new Command('mlquiz')
    .description('Practise for machine-learning interviews: questions, self-grading, spaced repetition, mock rounds.')
    .version(version, '-V, --version')
    .exitOverride()
    .configureOutput({
      writeOut: (s) => ctx.stdout.write(s),
      writeErr: (s) => ctx.stderr.write(s),
      // One prefix for every error, commander's and ours alike.
      outputError: (s, write) => write(s.replace(/^error: /, 'mlquiz: ')),
    })
    .showHelpAfterError('(run with --help for usage)')
    .addHelpText('after', '\nExamples:\n  mlquiz run --tag regularization\n  mlquiz mock --count 6 --minutes 30\n  mlquiz report\n  mlquiz validate ./my-bank');
  for (const spec of registry) {
    if (only !== undefined && spec.name !== only) continue;
    const cmd = program.command(spec.name).description(spec.summary).allowExcessArguments(false);
    spec.configure(cmd);
    cmd.action(async (...a: unknown[]) => {
      const command = a.at(-1) as Command;
      const exit = await dispatch(spec.name, command.opts(), command.args);
      program.setOptionValue('__exit', exit);
    });
  }
  return program;
}

/** The exit code the dispatched command returned, or 0. */
export function exitCodeOf(program: Command): number {
  return (program.getOptionValue('__exit') as number | undefined) ?? 0;
}
