import { readAnkiCollection } from '../../anki/read.js';
import { reviewsFromAnki, type AnkiReviews } from '../../anki/reviews.js';
import { mergeProgress } from '../../engine/merge.js';
import { UsageError } from '../../errors.js';
import { plural } from '../../format/plural.js';
import { progressStore } from '../progress.js';
import { writeJson, type Context } from '../context.js';
import { resolve } from 'node:path';

interface ImportAnkiOptions {
  dryRun?: boolean;
  json?: boolean;
  dataDir?: string;
}

/** `mlquiz import-anki FILE`: the reviews made in Anki of the notes mlquiz exported join this history, once. */
export default async function importAnki(opts: ImportAnkiOptions, args: string[], ctx: Context): Promise<number> {
  const [path] = args;
  if (!path) throw new UsageError('name the Anki package to read, e.g. mlquiz import-anki collection.colpkg');
  const col = await readAnkiCollection(resolve(ctx.cwd, path));
  const store = progressStore(ctx, opts.dataDir);
  // A count first, without the replay that finds each review's state; the reviews are
  // made again inside the commit, from the history as it is under the lock.
  let from: AnkiReviews = reviewsFromAnki(col, store.load(), false);
  let added = from.incoming.reviews.length;
  let rebuilt = new Set(from.incoming.reviews.map((r) => r.question)).size;
  if (!opts.dryRun && added > 0)
    await store.commit((p) => {
      from = reviewsFromAnki(col, p);
      const merged = mergeProgress(p, from.incoming);
      rebuilt = merged.rebuilt;
      added = merged.added.reviews;
      return merged.progress;
    });
  const known = from.known;
  if (opts.json) {
    writeJson(ctx, {
      from: path,
      into: store.file,
      added,
      known,
      skipped: from.skipped,
      rebuilt,
      notes: from.notes,
      written: !opts.dryRun && added > 0,
    });
    return 0;
  }
  const say = (t: string) => ctx.stdout.write(t + '\n');
  say(`${path}: ${plural(from.notes.mlquiz, 'note')} from mlquiz, ${plural(from.notes.other, 'other note')}.`);
  if (added === 0) say(`Nothing to add${known ? `: ${plural(known, 'review')} already here` : ': no reviews of mlquiz notes in it'}.`);
  else {
    say(
      `${opts.dryRun ? 'Would add' : 'Added'} ${plural(added, 'review')} made in Anki${known ? ` (${plural(known, 'review')} already here)` : ''}; ${plural(rebuilt, 'card')} rebuilt.`,
    );
    say(opts.dryRun ? 'Nothing was changed (--dry-run).' : `Saved in ${store.file}.`);
  }
  if (from.skipped) say(`Left out ${plural(from.skipped, 'revlog entry', 'revlog entries')} with no answer (a card rescheduled or reset by hand).`);
  if (from.notes.other) say(`The other notes can become a bank: mlquiz import ${path} --out my-bank`);
  return 0;
}
