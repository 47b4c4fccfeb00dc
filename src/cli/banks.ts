import { loadBanks } from '../bank/load.js';
import { formatDiagnostic, type BankSet, type Question } from '../bank/types.js';
import { InputError, UsageError } from '../errors.js';
import { filterQuestions, unknownIds, unknownTags, type QuestionFilter } from '../engine/filter.js';
import { fileBankCache } from '../bank/cache.js';
import { bankPaths, cacheDir, type Context } from './context.js';
import { plural } from '../format/plural.js';

/** Loads banks through the on-disk parse cache when there is one. */
export async function loadCached(ctx: Context, paths: string[]): Promise<BankSet> {
  const dir = cacheDir(ctx);
  const cache = dir ? fileBankCache(dir, ctx.version ?? 'dev') : undefined;
  const set = await loadBanks(paths, ctx.cwd, cache);
  await cache?.save();
  return set;
}

/**
 * Loads every configured bank. Invalid banks stop the command with every problem
 * listed, unless `skipInvalid`, which leaves out the files that have errors.
 */
export async function loadConfiguredBanks(ctx: Context, opts: { bank?: string[]; skipInvalid?: boolean }): Promise<BankSet> {
  const set = await loadCached(ctx, bankPaths(ctx, opts.bank));
  if (set.errors.length === 0) return set;
  const lines = set.errors.map(formatDiagnostic);
  if (!opts.skipInvalid) {
    throw new InputError(
      `${plural(set.errors.length, 'problem')} in the banks; fix them (mlquiz validate lists them) or pass --skip-invalid to leave those files out.`,
      lines,
    );
  }
  const bad = new Set(set.errors.map((d) => d.file));
  for (const line of lines) ctx.stderr.write(`skipped: ${line}\n`);
  return { ...set, questions: set.questions.filter((q) => !bad.has(q.file)) };
}

/** Applies the filters, turning an unknown tag or id into a usage error that lists what exists. */
export function selectQuestions(set: BankSet, filter: QuestionFilter): Question[] {
  const missing = unknownTags(set.questions, filter.tags ?? []);
  if (missing.length) {
    const known = [...new Set(set.questions.flatMap((q) => q.tags))].sort();
    throw new UsageError(`unknown tag${missing.length > 1 ? 's' : ''} ${missing.map((t) => `"${t}"`).join(', ')}. Tags: ${known.join(', ')}`);
  }
  const badIds = unknownIds(set.questions, filter.ids ?? []);
  if (badIds.length) throw new UsageError(`no question has the id ${badIds.map((t) => `"${t}"`).join(', ')} (mlquiz list shows the ids)`);
  const out = filterQuestions(set.questions, filter);
  if (out.length === 0) throw new UsageError('no question matches these filters (mlquiz tags shows what there is)');
  return out;
}
