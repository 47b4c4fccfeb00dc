import { realpathSync } from 'node:fs';
import { mergeProgress, type MergeResult } from '../../engine/merge.js';
import { UsageError } from '../../errors.js';
import { plural } from '../../format/plural.js';
import { readOtherProgress } from '../../progress/other.js';
import { progressStore, warnTo } from '../progress.js';
import { cardReplay } from '../../engine/replay.js';
import { localDays, writeJson, type Context } from '../context.js';

interface MergeOptions {
  dryRun?: boolean;
  json?: boolean;
  dataDir?: string;
}

const real = (p: string) => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};

/** `mlquiz merge PATH`: another machine's or a backup's history folded into this one, once. */
export default async function merge(opts: MergeOptions, args: string[], ctx: Context): Promise<number> {
  const [path] = args;
  if (!path) throw new UsageError('name the data folder or progress file to merge, e.g. mlquiz merge ~/laptop-mlquiz');
  const store = progressStore(ctx, opts.dataDir);
  const other = readOtherProgress(path, cardReplay(localDays(ctx)), warnTo(ctx));
  if ([store.dir, store.file].map(real).includes(real(other.file)))
    throw new UsageError(`${other.file} is this machine's own progress: name another data folder or file to merge`);
  const preview = mergeProgress(store.load(), other.progress);
  let result: MergeResult = preview;
  // Written only when something arrives, and merged again inside the commit, on the file as it is under the lock.
  if (!opts.dryRun && preview.added.reviews + preview.added.sessions > 0) await store.commit((p) => (result = mergeProgress(p, other.progress)).progress);
  const { added, known, rebuilt } = result;
  if (opts.json) {
    writeJson(ctx, { from: other.file, into: store.dir, added, known, rebuilt, written: !opts.dryRun && added.reviews + added.sessions > 0 });
    return 0;
  }
  const say = (t: string) => ctx.stdout.write(t + '\n');
  if (added.reviews + added.sessions === 0) say(`Nothing to add: every review and session of ${other.file} is already in ${store.dir}.`);
  else {
    const what = `${plural(added.reviews, 'review')} and ${plural(added.sessions, 'session')}`;
    say(
      `${opts.dryRun ? 'Would add' : 'Added'} ${what} from ${other.file}${known ? ` (${plural(known, 'review')} already here)` : ''}; ${plural(rebuilt, 'card')} rebuilt from the joined reviews.`,
    );
    if (opts.dryRun) say('Nothing was changed (--dry-run).');
    else say(`Saved in ${store.file}.`);
  }
  return 0;
}
