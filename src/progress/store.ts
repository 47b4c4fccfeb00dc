import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { InputError, RuntimeFailure } from '../errors.js';
import { checkVersion, migrate, MIGRATIONS, type Migrations } from './migrate.js';
import { isReview } from './quick-check.js';
import { emptyProgress, PROGRESS_VERSION, progressSchema, type Progress, type Review } from './schema.js';

export const PROGRESS_FILE = 'progress.json';

export interface ProgressStore {
  readonly file: string;
  /** Reads and validates; a missing file is empty progress. Never writes. */
  load(): Progress;
  /**
   * Applies `update` to the file's current content under a lock and writes the result
   * atomically, so that two sessions at once never lose each other's reviews.
   */
  commit(update: (p: Progress) => Progress): Promise<Progress>;
}

const recovery = (file: string) =>
  `mlquiz never overwrites it. Fix it by hand, or move it away to start afresh (e.g. mv "${file}" "${file}.broken"), or point --data-dir elsewhere.`;

/**
 * Pure apart from naming: text of a progress file to validated, migrated progress.
 * `quick` checks the (long) review log with plain functions and the rest with zod;
 * anything they doubt goes through zod whole, which names the fault.
 */
export function parseProgress(text: string, file: string, migrations: Migrations = MIGRATIONS, quick = true): { progress: Progress; migratedFrom?: number } {
  let doc: unknown;
  try {
    // A byte-order mark is skipped without copying a large file through a regular expression.
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (e) {
    throw new InputError(`${file}${jsonErrorPosition(text, e as Error)}: the progress file is not valid JSON (${(e as Error).message}). ${recovery(file)}`);
  }
  const v = checkVersion(doc);
  if (v.kind === 'invalid') throw new InputError(`${file}: ${v.message}. ${recovery(file)}`);
  if (v.kind === 'newer')
    throw new InputError(`${file}: progress version ${v.found} is newer than this mlquiz understands (${PROGRESS_VERSION}). Update mlquiz (npm install -g mlquiz@latest); the file is left untouched.`);
  let migratedFrom: number | undefined;
  if (v.kind === 'older') {
    migratedFrom = (doc as { version: number }).version;
    try {
      doc = migrate(doc as Record<string, unknown>, migrations);
    } catch (e) {
      throw new InputError(`${file}: cannot migrate progress version ${migratedFrom}: ${(e as Error).message}. ${recovery(file)}`);
    }
  }
  const reviews = (doc as { reviews?: unknown }).reviews;
  if (quick && Array.isArray(reviews) && reviews.every(isReview)) {
    const rest = progressSchema.safeParse({ ...(doc as object), reviews: [] });
    if (rest.success) {
      const progress = { ...rest.data, reviews: reviews as Review[] };
      return migratedFrom === undefined ? { progress } : { progress, migratedFrom };
    }
  }
  const parsed = progressSchema.safeParse(doc);
  if (!parsed.success) {
    const first = parsed.error.issues.slice(0, 5).map((i) => `  ${i.path.map(String).join('.') || '(top level)'}: ${i.message}`);
    const more = parsed.error.issues.length > 5 ? [`  … and ${parsed.error.issues.length - 5} more`] : [];
    throw new InputError(`${file}: the progress file does not match the expected shape. ${recovery(file)}`, [...first, ...more]);
  }
  return migratedFrom === undefined ? { progress: parsed.data } : { progress: parsed.data, migratedFrom };
}

function jsonErrorPosition(text: string, e: Error): string {
  const m = /position (\d+)/.exec(e.message);
  if (!m) return '';
  const before = text.slice(0, Number(m[1]));
  const line = before.split('\n').length;
  return `:${line}:${Number(m[1]) - before.lastIndexOf('\n')}`;
}

/**
 * Compact JSON with one card, review or session per line: a third smaller than indented
 * JSON (parsing time is what a large history costs), yet still readable and fixable by
 * hand, and error positions name a useful line.
 */
export function formatProgress(p: Progress): string {
  const lines = (items: string[]) => (items.length ? `\n${items.join(',\n')}\n` : '');
  const cards = lines(Object.entries(p.cards).map(([id, c]) => `${JSON.stringify(id)}:${JSON.stringify(c)}`));
  const reviews = lines(p.reviews.map((r) => JSON.stringify(r)));
  const sessions = lines(p.sessions.map((s) => JSON.stringify(s)));
  return `{"version":${p.version},\n"cards":{${cards}},\n"reviews":[${reviews}],\n"sessions":[${sessions}]}\n`;
}

export function openStore(dataDir: string, migrations: Migrations = MIGRATIONS): ProgressStore {
  const file = join(dataDir, PROGRESS_FILE);
  const read = (): { progress: Progress; migratedFrom?: number } => {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { progress: emptyProgress() };
      throw new RuntimeFailure(`${file}: cannot read the progress file (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
    }
    return parseProgress(text, file, migrations);
  };
  return {
    file,
    load: () => read().progress,
    async commit(update) {
      try {
        mkdirSync(dataDir, { recursive: true });
      } catch (e) {
        throw new RuntimeFailure(`${dataDir}: cannot create the data folder (${(e as NodeJS.ErrnoException).code})`);
      }
      let release: () => Promise<void>;
      try {
        release = await lockfile.lock(file, {
          realpath: false,
          lockfilePath: `${file}.lock`,
          // A lock left by a killed process goes stale after 5 s; commits take milliseconds.
          stale: 5000,
          update: 1000,
          retries: { retries: 60, minTimeout: 20, maxTimeout: 250, factor: 1.3 },
          // Losing the lock mid-write cannot corrupt the file (the write is atomic), so it is not fatal.
          onCompromised: () => {},
        });
      } catch (e) {
        throw new RuntimeFailure(`${file}: another mlquiz holds the progress lock (${(e as Error).message}); try again in a moment`);
      }
      try {
        const { progress, migratedFrom } = read();
        if (migratedFrom !== undefined && existsSync(file)) copyFileSync(file, `${file}.v${migratedFrom}.bak`);
        const next = update(progress);
        await writeFileAtomic(file, formatProgress(next), { fsync: true });
        return next;
      } finally {
        await release().catch(() => {});
      }
    },
  };
}
