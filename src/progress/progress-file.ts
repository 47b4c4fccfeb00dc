import { constants, copyFileSync } from 'node:fs';
import { ID_PATTERN } from '../bank/limits.js';
import { InputError, RuntimeFailure } from '../errors.js';
import { MiB } from '../fs/read-regular.js';
import { describeFsError } from './fs-errors.js';
import { checkVersion, migrate, MIGRATIONS, type Migrations } from './migrate.js';
import { isReview } from './review-check.js';
import { isProgress } from './plain-check.js';
import { PROGRESS_VERSION, schemas, type Progress } from './schema.js';

/*
 * Progress as one JSON document: the data folder's only file before version 4, and still
 * the shape of a backup or an export. A data folder's own progress now lives in journals
 * (see journal.ts); such a file found there is read as one more source and folded into
 * this machine's journal on the first write.
 */

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
  // Top-level settings (the goal, the scheduler's parameters) one to a line before the rest.
  const settings = Object.entries(p)
    .filter(([k, v]) => v !== undefined && k !== 'version' && k !== 'cards' && k !== 'reviews' && k !== 'sessions')
    .map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)},\n`)
    .join('');
  return `{"version":${p.version},\n${settings}"cards":{${cards}},\n"reviews":[${reviews}],\n"sessions":[${sessions}]}\n`;
}

/** The most a progress file may hold (a million reviews is about 190 MB). */
export const MAX_PROGRESS_BYTES = 1024 * MiB;

/**
 * The check every write of a whole document passes before it touches the disk: what is written is what
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
