import { resolve } from 'node:path';
import { buildApkg } from '../../anki/write.js';
import { RuntimeFailure, UsageError } from '../../errors.js';
import { plural } from '../../format/plural.js';
import { writeFileAtomicSync } from '../../progress/atomic-write.js';
import { progressStore } from '../progress.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { writeJson, type Context } from '../context.js';

interface ExportOptions {
  anki?: string;
  tag?: string[];
  deck?: string;
  withProgress?: boolean;
  json?: boolean;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

/** `mlquiz export --anki FILE.apkg`: the questions as an Anki deck, optionally with their schedules and reviews. */
export default async function exportCommand(opts: ExportOptions, _args: string[], ctx: Context): Promise<number> {
  if (!opts.anki) throw new UsageError('name the package to write, e.g. mlquiz export --anki mlquiz.apkg');
  const file = resolve(ctx.cwd, opts.anki);
  const set = await loadConfiguredBanks(ctx, opts);
  const questions = selectQuestions(set, { tags: opts.tag, deck: opts.deck });
  const progress = opts.withProgress ? progressStore(ctx, opts.dataDir).load() : undefined;
  const out = await buildApkg({ questions, progress, now: ctx.now() });
  try {
    writeFileAtomicSync(file, out.apkg);
  } catch (e) {
    throw new RuntimeFailure(`${opts.anki}: cannot be written (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  if (opts.json) {
    writeJson(ctx, { file, notes: out.notes, decks: out.decks.length, reviews: out.reviews, bytes: out.apkg.length });
    return 0;
  }
  const say = (t: string) => ctx.stdout.write(t + '\n');
  const withReviews = opts.withProgress ? `, with ${plural(out.reviews, 'review')}` : '';
  say(`Wrote ${plural(out.notes, 'note')} in ${plural(out.decks.length, 'deck')}${withReviews} to ${opts.anki}.`);
  say(
    opts.withProgress
      ? 'In Anki: File > Import, and tick "Import any learning progress" to keep the schedules.'
      : 'In Anki: File > Import. Exporting again later updates these notes instead of adding copies.',
  );
  return 0;
}
