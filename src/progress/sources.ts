import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, RuntimeFailure } from '../errors.js';
import { NotReadable, readRegularFile } from '../fs/read-regular.js';
import { parseJournal, type JournalEvent, type ParsedJournal } from './journal.js';
import { MAX_JOURNAL_BYTES, readBytes } from './journal-file.js';
import type { Migrations } from './migrate.js';
import { MAX_PROGRESS_BYTES, parseProgress } from './progress-file.js';
import { eventsOf } from './fold.js';

/*
 * What a data folder holds: `journal/<device>.jsonl`, one per machine (and whatever
 * copies a sync tool makes of them, such as `laptop.sync-conflict-….jsonl`: every file
 * there is read, and a review found twice counts once), and perhaps `progress.json`, the
 * single file of mlquiz before version 4, read as one more source until the first write
 * folds it into this machine's journal.
 */

export const JOURNAL_DIR = 'journal';
export const LEGACY_FILE = 'progress.json';
const JOURNAL_NAME = /\.jsonl$/;

/** Size and time of change: what says a source is as it was. */
export interface Stamp {
  size: number;
  mtimeMs: number;
}

export interface LegacySource {
  file: string;
  stamp: Stamp;
  events: JournalEvent[];
  /** The version the file was written in (it is migrated on reading). */
  version: number;
}

export interface JournalSource {
  name: string;
  size: number;
  /** The records up to `split` bytes (all of them when there is no split). */
  head: JournalEvent[];
  /** The records after `split`: what was added since a snapshot was taken. */
  tail: JournalEvent[];
  /** Whether the file parted at `split` (a line ends there): else it is not the file the snapshot read. */
  parted: boolean;
}

export function stampOf(file: string): Stamp | undefined {
  try {
    const st = statSync(file);
    return { size: st.size, mtimeMs: st.mtimeMs };
  } catch {
    return undefined;
  }
}

/** The journal files of a data folder, sorted by name so that every machine folds them in one order. */
export function journalNames(dataDir: string): string[] {
  try {
    return readdirSync(join(dataDir, JOURNAL_DIR))
      .filter((n) => JOURNAL_NAME.test(n))
      .sort();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return [];
    if (code === 'ENOTDIR') throw new InputError(`${join(dataDir, JOURNAL_DIR)} is a file where mlquiz keeps its journals: move it away.`);
    throw new RuntimeFailure(`${join(dataDir, JOURNAL_DIR)}: cannot list the journals (${code ?? (e as Error).message})`);
  }
}

const cannotRead = (file: string, e: unknown) =>
  new RuntimeFailure(
    `${file}: cannot read the progress: it ${e instanceof NotReadable ? e.message.replace(/^(no such|cannot)/, 'has $1') : (e as Error).message}`,
  );

export function readLegacy(dataDir: string, migrations?: Migrations): LegacySource | undefined {
  const file = join(dataDir, LEGACY_FILE);
  let buf: Buffer;
  try {
    buf = readRegularFile(file, MAX_PROGRESS_BYTES);
  } catch (e) {
    if (e instanceof NotReadable && e.code === 'ENOENT') return undefined;
    throw cannotRead(file, e);
  }
  const stamp = stampOf(file) ?? { size: buf.length, mtimeMs: 0 };
  const { progress, migratedFrom } = parseProgress(buf.toString('utf8'), file, migrations);
  return { file, stamp, events: eventsOf(progress), version: migratedFrom ?? progress.version };
}

/**
 * One journal read whole, its records parted at `split` bytes when that is where a line
 * ends (0: all of them are new); else all of them are the head. Warnings (torn lines) go to `warn`.
 */
export function readJournalSource(dataDir: string, name: string, split: number | undefined, warn: (m: string) => void): JournalSource {
  const file = join(dataDir, JOURNAL_DIR, name);
  let buf: Buffer;
  try {
    buf = readRegularFile(file, MAX_JOURNAL_BYTES);
  } catch (e) {
    throw cannotRead(file, e);
  }
  const parted = split !== undefined && split <= buf.length && (split === 0 || buf[split - 1] === 0x0a);
  const at = parted ? split : buf.length;
  const head = parseJournal(buf.toString('utf8', 0, at), file);
  let tail: ParsedJournal = { events: [], warnings: [] };
  if (at < buf.length) {
    const text = buf.toString('utf8', at);
    tail = parseJournal(text, file, linesBefore(buf, at) + 1);
  }
  for (const w of [...head.warnings, ...tail.warnings]) warn(w);
  return { name, size: buf.length, head: head.events, tail: tail.events, parted };
}

/** The number of the line at byte `at`, counted only when a message needs it. */
export function linesBefore(buf: Buffer, at: number): number {
  let n = 0;
  for (let i = buf.indexOf(0x0a); i >= 0 && i < at; i = buf.indexOf(0x0a, i + 1)) n++;
  return n;
}

/**
 * The records a journal gained since it was `from` bytes long, for a writer catching up
 * under its lock: only the new bytes are read. Undefined when the file was not appended
 * to at `from` (a restored or replaced file): the caller reads everything again.
 */
export function readJournalGrowth(dataDir: string, name: string, from: number, to: number, warn: (m: string) => void): JournalEvent[] | undefined {
  const file = join(dataDir, JOURNAL_DIR, name);
  let part: Buffer;
  try {
    part = readBytes(file, Math.max(0, from - 1), to);
  } catch (e) {
    throw cannotRead(file, e);
  }
  if (from > 0 && part[0] !== 0x0a) return undefined;
  try {
    const p = parseJournal(part.toString('utf8', from > 0 ? 1 : 0), file);
    if (!p.warnings.length) return p.events;
  } catch {
    // Named below, with its line number in the whole file.
  }
  return readJournalSource(dataDir, name, from, warn).tail;
}
