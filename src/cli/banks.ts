import { knownContent, loadBanks } from '../bank/load.js';
import { formatDiagnostic, type BankSet, type Question } from '../bank/types.js';
import { InputError, UsageError } from '../errors.js';
import { filterQuestions, unknownIds, unknownTags, type QuestionFilter } from '../engine/filter.js';
import { fileBankCache } from '../bank/cache.js';
import { bankPaths, cacheDir, type Context } from './context.js';
import { plural } from '../format/plural.js';

const openCache = (ctx: Context) => {
  const dir = cacheDir(ctx);
  return dir ? fileBankCache(dir, ctx.version ?? 'dev') : undefined;
};

/** Loads banks through the on-disk parse cache when there is one. */
export async function loadCached(ctx: Context, paths: string[]): Promise<BankSet> {
  const cache = openCache(ctx);
  const set = await loadBanks(paths, ctx.cwd, cache);
  await cache?.save();
  return set;
}

interface BankOptions {
  bank?: string[];
  skipInvalid?: boolean;
}

/**
 * Invalid banks stop the command with every problem listed, unless `skipInvalid`, which
 * leaves out the files that have errors.
 */
function usable(ctx: Context, set: BankSet, opts: BankOptions): BankSet {
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

/** Loads every configured bank (see usable for invalid ones). */
export async function loadConfiguredBanks(ctx: Context, opts: BankOptions): Promise<BankSet> {
  return usable(ctx, await loadCached(ctx, bankPaths(ctx, opts.bank)), opts);
}

/**
 * What `make` prints for the configured banks, taken from the cache when it was made
 * before for banks of exactly the same content (see cache-output.ts). `what` names the
 * output: the command and every option the output depends on. Only an output made from
 * banks without errors is kept, so a kept one was printed with nothing on stderr.
 */
export async function outputForBanks(ctx: Context, opts: BankOptions, what: unknown, make: (set: BankSet) => string): Promise<string | Uint8Array> {
  const cache = openCache(ctx);
  const paths = bankPaths(ctx, opts.bank);
  // One slot per output and set of bank paths, so a bank edited often leaves one file behind, not one per edit.
  const slot = JSON.stringify([what, ctx.cwd, paths]);
  const keyOf = (content: [string, string][] | undefined) => (content ? JSON.stringify({ what, banks: content }) : undefined);
  const key = cache && keyOf(knownContent(paths, ctx.cwd, cache));
  const kept = key === undefined ? undefined : cache!.output(slot, key);
  if (kept) return kept;
  try {
    const set = await loadBanks(paths, ctx.cwd, cache);
    const output = make(usable(ctx, set, opts));
    const after = set.errors.length === 0 ? keyOf(set.content) : undefined;
    if (after !== undefined) cache!.keepOutput(slot, after, output);
    return output;
  } finally {
    await cache?.save();
  }
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
