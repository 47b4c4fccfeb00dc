import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readRegularFile } from '../fs/read-regular.js';
import { assemble, emptyFolded, foldInto, settingsOf } from './fold.js';
import { parseJournal } from './journal.js';
import { MAX_JOURNAL_BYTES } from './journal-file.js';
import { MAX_PROGRESS_BYTES, parseProgress } from './progress-file.js';
import type { Progress } from './schema.js';
import { JOURNAL_DIR, LEGACY_FILE } from './sources.js';
import { openStore, type StoreOptions } from './store.js';
import { inTimeOrder } from './time-order.js';

/**
 * Another history to merge: a data folder (its journals and any old progress.json), one
 * journal file, or a progress file such as a backup; validated and migrated as on read.
 */
export function readOtherProgress(
  path: string,
  scheduling: StoreOptions['scheduling'],
  warn: (m: string) => void = () => {},
): { progress: Progress; file: string } {
  let isDir: boolean;
  try {
    isDir = statSync(path).isDirectory();
  } catch {
    throw new InputError(`${path}: no such file or folder to merge`);
  }
  if (isDir) {
    if (!existsSync(join(path, JOURNAL_DIR)) && !existsSync(join(path, LEGACY_FILE)))
      throw new InputError(`${path}: no mlquiz progress here (no ${JOURNAL_DIR}/ folder, no ${LEGACY_FILE})`);
    return { progress: openStore(path, { scheduling, warn }).load(), file: path };
  }
  let text: string;
  try {
    text = readRegularFile(path, Math.max(MAX_PROGRESS_BYTES, MAX_JOURNAL_BYTES)).toString('utf8');
  } catch (e) {
    throw new InputError(`${path}: cannot read it to merge (${(e as Error).message})`);
  }
  if (!path.endsWith('.jsonl')) return { progress: parseProgress(text, path).progress, file: path };
  const parsed = parseJournal(text, path);
  parsed.warnings.forEach((w) => warn(w));
  const folded = emptyFolded();
  foldInto(folded, [parsed.events]);
  const reviews = inTimeOrder(folded.reviews);
  return { progress: assemble(folded, scheduling(settingsOf(folded)).replay(reviews), reviews), file: path };
}
