import { constants, copyFileSync, existsSync, mkdirSync, readdirSync, rmSync, statSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import { ID_PATTERN } from '../bank/limits.js';
import { InputError, RuntimeFailure, UsageError } from '../errors.js';
import { MiB, NotReadable, readRegularFile } from '../fs/read-regular.js';
import { tempName, writeFileAtomicSync } from './atomic-write.js';
import { describeFsError } from './fs-errors.js';
import { acquireLock, isFolder, type LockOptions } from './lock.js';
import { checkVersion, migrate, MIGRATIONS, type Migrations } from './migrate.js';
import { isReview } from './review-check.js';
import { isProgress } from './plain-check.js';
import { emptyProgress, PROGRESS_VERSION, schemas, type Progress } from './schema.js';

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
  /** Before the first question: the folder exists (or can be made), can be written, and the file reads. */
  checkWritable(): void;
}

const recovery = (file: string) =>
  `mlquiz never overwrites it. Fix it by hand, or move it away to start afresh (e.g. mv "${file}" "${file}.broken"), or point --data-dir elsewhere.`;

/**
 * Pure apart from naming: text of a progress file to validated, migrated progress.
 * `quick` reads a valid file through the plain checks (no zod); anything they doubt
 * goes through zod whole, loaded only then, which names the fault.
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
    throw new InputError(
      `${file}: progress version ${v.found} is newer than this mlquiz understands (${PROGRESS_VERSION}). Update mlquiz (npm install -g mlquiz@latest); the file is left untouched.`,
    );
  let migratedFrom: number | undefined;
  if (v.kind === 'older') {
    migratedFrom = (doc as { version: number }).version;
    try {
      doc = migrate(doc as Record<string, unknown>, migrations);
    } catch (e) {
      throw new InputError(`${file}: cannot migrate progress version ${migratedFrom}: ${(e as Error).message}. ${recovery(file)}`);
    }
  }
  const cards = (doc as { cards?: unknown }).cards;
  // JSON.parse keeps a "__proto__" key as data, but copies and schema checks do not see it;
  // question ids are slugs, so such a key can be named plainly as an error.
  if (cards && typeof cards === 'object') {
    const bad = Object.keys(cards).filter((k) => !ID_PATTERN.test(k));
    if (bad.length)
      throw new InputError(
        `${file}: the progress file does not match the expected shape. ${recovery(file)}`,
        bad.slice(0, 5).map((k) => `  cards.${k}: must be a question id (a slug)`),
      );
  }
  // A valid file passes the plain checks whole and is taken as it is; zod, loaded only
  // now, reads anything they doubt and names the fault.
  if (quick && isProgress(doc)) return migratedFrom === undefined ? { progress: doc as Progress } : { progress: doc as Progress, migratedFrom };
  const { progressSchema } = schemas();
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
  const goal = (p.goal ? `"goal":${JSON.stringify(p.goal)},\n` : '') + (p.fsrs ? `"fsrs":${JSON.stringify(p.fsrs)},\n` : '');
  return `{"version":${p.version},\n${goal}"cards":{${cards}},\n"reviews":[${reviews}],\n"sessions":[${sessions}]}\n`;
}

/** The most a progress file may hold (a million reviews is about 190 MB). */
export const MAX_PROGRESS_BYTES = 1024 * MiB;

export interface StoreOptions {
  migrations?: Migrations;
  lock?: LockOptions;
  /** Between the flush of the new file and its rename; tests use it to crash or stall there. */
  beforeRename?: () => void;
}

/**
 * Another history to merge: a data folder (its progress.json) or a progress file itself,
 * such as a backup or a copy from a second machine; validated and migrated as on read.
 */
export function readOtherProgress(path: string): { progress: Progress; file: string } {
  let file = path;
  try {
    if (statSync(path).isDirectory()) file = join(path, PROGRESS_FILE);
  } catch {
    throw new InputError(`${path}: no such file or folder to merge`);
  }
  let text: string;
  try {
    text = readRegularFile(file, MAX_PROGRESS_BYTES).toString('utf8');
  } catch (e) {
    throw new InputError(`${file}: cannot read it to merge (${(e as Error).message})`);
  }
  return { progress: parseProgress(text, file).progress, file };
}

/** Temporary files a killed writer may leave: ours, and those of write-file-atomic (earlier mlquiz). */
const LEFTOVER = /^progress\.json\.(?:tmp-\d+-[0-9a-f]+|\d+)$/;

/**
 * The check every write passes before it touches the disk: what is written is what
 * `parseProgress` accepts, so no code path can leave a file that later reads refuse.
 */
export function assertWritable(p: Progress, file: string): void {
  if (isProgress(p)) return;
  const { progressSchema } = schemas();
  const problems: string[] = [];
  const bad = p.reviews.findIndex((r) => !isReview(r));
  if (bad >= 0)
    problems.push(
      ...(progressSchema.shape.reviews.safeParse([p.reviews[bad]]).error?.issues ?? []).map((i) => `reviews.${bad}.${i.path.slice(1).join('.')}: ${i.message}`),
    );
  const rest = progressSchema.safeParse({ ...p, reviews: [] });
  if (!rest.success) problems.push(...rest.error.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`));
  if (problems.length)
    throw new RuntimeFailure(
      `${file}: refusing to write progress that would not read back; the file is unchanged. This is a bug: please report it.`,
      problems.slice(0, 5).map((l) => `  ${l}`),
    );
}

/** Copies `file` to the first free `file.vN.bak`, `file.vN.1.bak`, …: a backup is never overwritten. */
export function backUp(file: string, version: number): string {
  for (let n = 0; ; n++) {
    const dest = `${file}.v${version}${n ? `.${n}` : ''}.bak`;
    try {
      copyFileSync(file, dest, constants.COPYFILE_EXCL);
      return dest;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' && code !== 'EISDIR') throw new RuntimeFailure(describeFsError(dest, e, 'cannot write the backup before migrating'));
    }
  }
}

export function openStore(dataDir: string, opts: StoreOptions = {}): ProgressStore {
  const migrations = opts.migrations ?? MIGRATIONS;
  const file = join(dataDir, PROGRESS_FILE);
  const read = (): { progress: Progress; migratedFrom?: number } => {
    let text: string;
    try {
      text = readRegularFile(file, MAX_PROGRESS_BYTES).toString('utf8');
    } catch (e) {
      if (e instanceof NotReadable && e.code === 'ENOENT') return { progress: emptyProgress() };
      const why = e instanceof NotReadable ? e.message : (e as Error).message;
      throw new RuntimeFailure(`${file}: cannot read the progress file: it ${why.replace(/^is /, 'is ').replace(/^(no such|cannot)/, 'has $1')}`);
    }
    return parseProgress(text, file, migrations);
  };
  const ensureFolder = () => {
    try {
      mkdirSync(dataDir, { recursive: true });
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || code === 'ENOTDIR') throw new UsageError(`${dataDir} is a file, not a folder: point --data-dir (or MLQUIZ_HOME) at a folder.`);
      throw new RuntimeFailure(describeFsError(dataDir, e, 'cannot create the data folder'));
    }
    if (!isFolder(dataDir)) throw new UsageError(`${dataDir} is a file, not a folder: point --data-dir (or MLQUIZ_HOME) at a folder.`);
  };
  return {
    file,
    load: () => read().progress,
    checkWritable() {
      ensureFolder();
      const probe = tempName(file);
      try {
        writeFileAtomicSync(probe, 'mlquiz write check\n');
        unlinkSync(probe);
      } catch (e) {
        throw new RuntimeFailure(describeFsError(dataDir, e, 'cannot save progress here'));
      }
      read();
    },
    async commit(update) {
      ensureFolder();
      // A writer that finds its lock gone before the rename starts again from a fresh read:
      // `update` is a pure function of the file's content, so nothing is applied twice.
      for (let attempt = 0; ; attempt++) {
        if (attempt > 5)
          throw new RuntimeFailure(
            `${file}: the progress lock was taken over ${attempt} times in a row; this answer is not saved. Is another mlquiz misbehaving?`,
          );
        const lock = await acquireLock(`${file}.lock`, opts.lock);
        let lost = false;
        try {
          removeLeftovers(dataDir);
          const { progress, migratedFrom } = read();
          if (migratedFrom !== undefined && existsSync(file)) backUp(file, migratedFrom);
          const next = update(progress);
          assertWritable(next, file);
          try {
            writeFileAtomicSync(file, formatProgress(next), () => {
              opts.beforeRename?.();
              if (!lock.holds()) {
                lost = true;
                throw new Error('lock lost');
              }
            });
          } catch (e) {
            if (lost) continue;
            throw new RuntimeFailure(describeFsError(file, e, 'cannot save progress; this answer is not saved'));
          }
          return next;
        } finally {
          if (!lost) lock.release();
        }
      }
    },
  };
}

function removeLeftovers(dir: string): void {
  // Under the lock no other writer has a temporary file open, so any left here is a dead writer's.
  try {
    for (const name of readdirSync(dir)) if (LEFTOVER.test(name)) rmSync(join(dir, name), { force: true });
  } catch {
    // Only tidying.
  }
}
