import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError, RuntimeFailure } from '../errors.js';
import { NotReadable, readRegularFile } from '../fs/read-regular.js';
import { parseJournal, quickParse, type JournalEvent, type ParsedJournal } from './journal.js';
import { MAX_JOURNAL_BYTES, readBytes, readFrom } from './journal-file.js';
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

/** Where a snapshot's reading of a journal stopped, and how to tell that the journal still ends there as it did. */
export interface JournalMark {
  size: number;
  mtimeMs: number;
  /** The file's last bytes up to `size`, base64: a journal replaced by another (restored, synced over) ends otherwise. */
  end: string;
  /** What reading it said (a torn line), said again on every read that does not parse it. */
  warnings: string[];
}

/** Bytes of a journal's end kept in its mark: a line and more of the last review (ids are random). */
export const MARK_BYTES = 160;

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
  /** Where a snapshot of this reading may say it stopped: after its last whole line. */
  mark: JournalMark;
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
 * ends (0: all of them are new); else all of them are the head. Given a snapshot's mark,
 * parted where it says only if the file still ends there as it did then. Warnings (torn
 * lines) go to `warn`.
 */
export function readJournalSource(dataDir: string, name: string, split: number | JournalMark | undefined, warn: (m: string) => void): JournalSource {
  const file = join(dataDir, JOURNAL_DIR, name);
  // Stamped before the read: a write in between makes the stamp older, which costs a full read next time, never a stale one.
  const mtimeMs = stampOf(file)?.mtimeMs ?? 0;
  let buf: Buffer;
  try {
    buf = readRegularFile(file, MAX_JOURNAL_BYTES);
  } catch (e) {
    throw cannotRead(file, e);
  }
  const parted =
    typeof split === 'object'
      ? endsAtMark(split, buf.length, mtimeMs, buf.subarray(Math.max(0, split.size - MARK_BYTES), split.size))
      : split !== undefined && split <= buf.length && (split === 0 || buf[split - 1] === 0x0a);
  const at = !parted ? buf.length : typeof split === 'object' ? split.size : split!;
  const head = parseJournal(buf.toString('utf8', 0, at), file);
  let tail: ParsedJournal = { events: [], warnings: [] };
  if (at < buf.length) {
    const text = buf.toString('utf8', at);
    tail = parseJournal(text, file, linesBefore(buf, at) + 1);
  }
  const warnings = [...head.warnings, ...tail.warnings];
  for (const w of warnings) warn(w);
  return { name, size: buf.length, head: head.events, tail: tail.events, parted, mark: markOf(buf, 0, mtimeMs, warnings) };
}

/**
 * Whether a journal still ends at a snapshot's mark as it did: at least as long, not
 * rewritten in place (the same size, another time of change), and `bytes`, its bytes
 * just before `mark.size`, those the mark kept, ending a line.
 */
function endsAtMark(mark: JournalMark, size: number, mtimeMs: number, bytes: Buffer): boolean {
  const end = Buffer.from(mark.end, 'base64');
  if (size < mark.size || (size === mark.size && mtimeMs !== mark.mtimeMs)) return false;
  return bytes.equals(end) && (mark.size === 0 || end[end.length - 1] === 0x0a);
}

/** The mark of a journal whose bytes from `offset` on are `buf`: up to its last whole line. */
function markOf(buf: Buffer, offset: number, mtimeMs: number, warnings: string[]): JournalMark {
  const cut = buf.lastIndexOf(0x0a) + 1;
  return { size: offset + cut, mtimeMs, end: buf.toString('base64', Math.max(0, cut - MARK_BYTES), cut), warnings };
}

/**
 * What a journal gained since a snapshot's `mark`, read from there on: undefined unless
 * it still ends at the mark as it did and all that follows reads cleanly (the full read
 * then names whatever is wrong).
 */
export function readJournalTail(dataDir: string, name: string, mark: JournalMark): JournalSource | undefined {
  const file = join(dataDir, JOURNAL_DIR, name);
  const from = Math.max(0, mark.size - MARK_BYTES);
  const read = readFrom(file, from, MAX_JOURNAL_BYTES);
  if (!read) return undefined;
  const { buf, size, mtimeMs } = read;
  if (!endsAtMark(mark, size, mtimeMs, buf.subarray(0, mark.size - from))) return undefined;
  const parsed = quickParse(buf.toString('utf8', mark.size - from));
  if (!parsed) return undefined;
  return { name, size, head: [], tail: parsed.events, parted: true, mark: markOf(buf, from, mtimeMs, mark.warnings) };
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
