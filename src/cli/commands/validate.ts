import chalk from 'chalk';
import { formatDiagnostic, type BankSet, type Diagnostic } from '../../bank/types.js';
import { loadCached } from '../banks.js';
import { bankPaths, writeJson, type Context } from '../context.js';
import { plural } from '../../format/plural.js';

interface ValidateOptions {
  json?: boolean;
  bank?: string[];
  alone?: boolean;
}

/**
 * The named banks, checked as run and list will load them: beside the shipped banks and
 * MLQUIZ_BANKS, so that an id clash or a see_also into the shipped banks is judged here
 * too. Only the named files' problems and questions are reported.
 */
async function loadBeside(ctx: Context, named: string[]): Promise<{ set: BankSet; others: number }> {
  const own = await loadCached(ctx, named);
  const all = await loadCached(ctx, bankPaths(ctx, named));
  const mine = new Set(own.files);
  const ofMine = <T extends { file: string }>(xs: T[]) => xs.filter((x) => mine.has(x.file));
  // Every problem of the named paths on their own (unreadable files included), plus what
  // only shows beside the other banks (a clashing id), once each.
  const key = (d: Diagnostic) => `${d.file}:${d.line}:${d.column}:${d.message}`;
  const seen = new Set(own.errors.map(key));
  const errors = [...own.errors, ...ofMine(all.errors).filter((d) => !seen.has(key(d)))];
  return {
    set: { files: own.files, questions: ofMine(all.questions), errors, warnings: ofMine(all.warnings) },
    others: all.questions.length - ofMine(all.questions).length,
  };
}

/** Exit 0 when every named bank is valid, 2 when any is not. */
export default async function validate(opts: ValidateOptions, paths: string[], ctx: Context): Promise<number> {
  const named = [...paths, ...(opts.bank ?? [])];
  const beside = paths.length > 0 && !opts.alone;
  const { set, others } = beside ? await loadBeside(ctx, named) : { set: await loadCached(ctx, paths.length ? named : bankPaths(ctx, opts.bank)), others: 0 };
  const ok = set.errors.length === 0;
  if (opts.json) {
    const strip = ({ severity: _s, ...d }: (typeof set.errors)[number]) => d;
    writeJson(ctx, {
      ok,
      files: set.files.length,
      questions: set.questions.length,
      checked_against: beside ? others : null,
      errors: set.errors.map(strip),
      warnings: set.warnings.map(strip),
    });
    return ok ? 0 : 2;
  }
  for (const d of [...set.errors, ...set.warnings]) (d.severity === 'error' ? ctx.stderr : ctx.stdout).write(formatDiagnostic(d) + '\n');
  const against = beside ? `; ids checked against ${plural(others, 'other loaded question')} (--alone skips that)` : '';
  const summary = `${plural(set.files.length, 'file')}, ${plural(set.questions.length, 'valid question')}${against}`;
  if (ok) ctx.stdout.write(`${chalk.green('✔')} ${summary}${set.warnings.length ? `, ${set.warnings.length} warning(s)` : ''}\n`);
  else ctx.stderr.write(`${chalk.red('✘')} ${plural(set.errors.length, 'error')} (${summary})\n`);
  return ok ? 0 : 2;
}
