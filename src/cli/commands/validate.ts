import chalk from 'chalk';
import { formatDiagnostic } from '../../bank/types.js';
import { loadCached } from '../banks.js';
import { bankPaths, writeJson, type Context } from '../context.js';
import { plural } from '../../format/plural.js';

interface ValidateOptions {
  json?: boolean;
  bank?: string[];
}

/** Exit 0 when every named bank is valid, 2 when any is not. */
export default async function validate(opts: ValidateOptions, paths: string[], ctx: Context): Promise<number> {
  const targets = paths.length ? [...paths, ...(opts.bank ?? [])] : bankPaths(ctx, opts.bank);
  const set = await loadCached(ctx, targets);
  const ok = set.errors.length === 0;
  if (opts.json) {
    const strip = ({ severity: _s, ...d }: (typeof set.errors)[number]) => d;
    writeJson(ctx, { ok, files: set.files.length, questions: set.questions.length, errors: set.errors.map(strip), warnings: set.warnings.map(strip) });
    return ok ? 0 : 2;
  }
  for (const d of [...set.errors, ...set.warnings]) (d.severity === 'error' ? ctx.stderr : ctx.stdout).write(formatDiagnostic(d) + '\n');
  const summary = `${plural(set.files.length, 'file')}, ${plural(set.questions.length, 'valid question')}`;
  if (ok) ctx.stdout.write(`${chalk.green('✔')} ${summary}${set.warnings.length ? `, ${set.warnings.length} warning(s)` : ''}\n`);
  else ctx.stderr.write(`${chalk.red('✘')} ${plural(set.errors.length, 'error')} (${summary})\n`);
  return ok ? 0 : 2;
}
