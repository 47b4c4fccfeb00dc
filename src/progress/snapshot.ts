import { join, resolve } from 'node:path';
import { MAX_JOURNAL_BYTES } from './journal-file.js';
import { asciiJson, readAsciiText } from '../fs/ascii-json.js';
import { writeCacheFile } from './atomic-write.js';
import type { Folded } from './fold.js';
import { SETTABLE } from './journal.js';
import { isSession } from './plain-check.js';
import { areCards, isIso, isPlainObject } from './review-check.js';
import { fromColumns, indexIn, toColumns, type ReviewColumns } from './review-columns.js';
import type { Review, Session, StoredCard } from './schema.js';
import type { JournalMark, Stamp } from './sources.js';

/*
 * What the journals held when last read, and the cards replayed from it: a cache, kept
 * in the cache folder and never in the data folder, so a sync tool never carries it.
 * Losing it costs one full read and replay, nothing else.
 *
 * The history (the folded reviews, sessions and settings) stands for each journal up to
 * the size it had then, as long as the journal still ends there as it did (`end`, its
 * last bytes then) and was not rewritten in place (same size, other time of change):
 * journals are only appended to, so a read parses only what was added since. When any
 * journal does not fit, or an old progress.json is a source, everything is read again.
 * A change of length anywhere moves the bytes at the mark, so an edit by hand is noticed
 * unless it keeps the length and the file then grows (`MLQUIZ_NO_CACHE=1` reads all).
 * The cards get the same checks (readJournalSource parts a journal only where it fits)
 * and are reused for the questions that got no new review, when they were scheduled as
 * they would be now.
 */

export interface Snapshot {
  /** What the cards were scheduled with (parameters, day start): other scheduling, other cards. */
  scheduling: string;
  journals: Record<string, JournalMark>;
  legacy: Stamp | null;
  cards: Record<string, StoredCard>;
  /** Absent when an old progress.json was read too: that file is folded away on the first write. */
  history?: History;
}

export interface History extends Pick<Folded, 'reviews' | 'sessions' | 'settings'> {
  /** The same reviews in time order (inTimeOrder of `reviews`): kept so, a read with nothing new sorts nothing. */
  ordered: Review[];
}

const FORMAT = 2;

export function snapshotFile(dir: string, dataDir: string, device: string): string {
  return join(dir, `progress-${folderKey(dataDir)}-${device}.json`);
}

/** A short name for a data folder's path, for the caches made of it: a cache's name needs no cryptography (and node:crypto costs start-up time). */
export const folderKey = (dataDir: string) => fnv1a(resolve(dataDir));

function fnv1a(text: string): string {
  let h = 0xcbf29ce484222325n;
  for (const b of Buffer.from(text, 'utf8')) h = BigInt.asUintN(64, (h ^ BigInt(b)) * 0x100000001b3n);
  return h.toString(16).padStart(16, '0');
}

const isCount = (n: unknown) => Number.isSafeInteger(n) && (n as number) >= 0;

function isMark(v: unknown): v is JournalMark {
  return (
    isPlainObject(v) &&
    isCount(v.size) &&
    typeof v.mtimeMs === 'number' &&
    typeof v.end === 'string' &&
    Array.isArray(v.warnings) &&
    v.warnings.every((w) => typeof w === 'string')
  );
}

function isSettings(v: unknown): v is Folded['settings'] {
  if (!isPlainObject(v)) return false;
  for (const [k, s] of Object.entries(v)) {
    if (!Object.hasOwn(SETTABLE, k) || !isPlainObject(s) || !isIso(s.at)) return false;
    if (s.value !== undefined && !SETTABLE[k]!(s.value)) return false;
  }
  return true;
}

export function readSnapshot(file: string): Snapshot | undefined {
  try {
    const doc: unknown = JSON.parse(readAscii(file));
    if (!isPlainObject(doc) || doc.format !== FORMAT || typeof doc.scheduling !== 'string' || !isPlainObject(doc.journals)) return undefined;
    if (!Object.values(doc.journals).every(isMark)) return undefined;
    const legacy = doc.legacy;
    if (legacy !== null && !(isPlainObject(legacy) && typeof legacy.size === 'number' && typeof legacy.mtimeMs === 'number')) return undefined;
    // The cards are checked as a stored card would be: a damaged cache is ignored, not trusted.
    if (!areCards(doc.cards)) return undefined;
    const snap = { scheduling: doc.scheduling, journals: doc.journals, legacy, cards: doc.cards } as Snapshot;
    const h = doc.history;
    if (h === undefined) return snap;
    if (!isPlainObject(h) || !isSettings(h.settings)) return undefined;
    const sessions = fromTable(h.sessions, h.names);
    const ordered = sessions && fromColumns(h.reviews);
    const reviews = ordered && permuted(ordered, fromRuns(h.logOrder));
    if (!ordered || !reviews || !sessions) return undefined;
    return { ...snap, history: { reviews, ordered, sessions, settings: h.settings } };
  } catch {
    return undefined;
  }
}

/**
 * A permutation as runs of consecutive positions, `[start, length, …]`: a machine's
 * reviews are in time order within its journal, so the log order is a few runs (a
 * session's answers, say) where it would be 100,000 numbers.
 */
function runsOf(order: readonly number[]): number[] {
  const out: number[] = [];
  for (let j = 0; j < order.length;) {
    let k = j + 1;
    while (k < order.length && order[k] === order[k - 1]! + 1) k++;
    out.push(order[j]!, k - j);
    j = k;
  }
  return out;
}

function fromRuns(v: unknown): number[] | undefined {
  if (!Array.isArray(v) || v.length % 2) return undefined;
  const out: number[] = [];
  for (let i = 0; i < v.length; i += 2) {
    const start = v[i];
    const length = v[i + 1];
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(length) || length < 1 || out.length + length > 1e8) return undefined;
    for (let k = 0; k < length; k++) out.push(start + k);
  }
  return out;
}

/** `ordered` in the order `order` gives (a position in `ordered` for each), if it is a permutation of them. */
function permuted(ordered: readonly Review[], order: unknown): Review[] | undefined {
  if (!Array.isArray(order) || order.length !== ordered.length) return undefined;
  const seen = new Uint8Array(ordered.length);
  const out = new Array<Review>(ordered.length);
  for (let j = 0; j < order.length; j++) {
    const i = order[j];
    if (!Number.isSafeInteger(i) || i < 0 || i >= ordered.length || seen[i]) return undefined;
    seen[i] = 1;
    out[j] = ordered[i]!;
  }
  return out;
}

/** Sessions whose question lists are indices into `names`, as writeSnapshot writes them, checked as a session is. */
function fromTable(v: unknown, names: unknown): Session[] | undefined {
  if (!Array.isArray(v) || !Array.isArray(names) || !names.every((n) => typeof n === 'string')) return undefined;
  const out: Session[] = [];
  for (const x of v) {
    if (!isPlainObject(x) || !Array.isArray(x.questions)) return undefined;
    // Checked with no questions (the names were checked above), then given them: one pass over the ids, not two.
    const session = { ...x, questions: [] as string[] };
    if (!isSession(session)) return undefined;
    for (const i of x.questions) {
      if (!Number.isSafeInteger(i) || i < 0 || i >= names.length) return undefined;
      session.questions.push(names[i] as string);
    }
    out.push(session as Session);
  }
  return out;
}

/**
 * A cache file as text: as one-byte characters when it is all ASCII, as writeSnapshot
 * writes it (a third of the time of decoding 10 MB as UTF-8), else as UTF-8. Read only
 * as a regular file of a bounded size, as a journal is: whatever sits at the path, a
 * cache must not hang or exhaust the read (a throw is taken as no cache).
 */
export function readAscii(file: string): string {
  return readAsciiText(file, MAX_JOURNAL_BYTES).text;
}

/** Best effort (writeCacheFile). */
export function writeSnapshot(file: string, snap: Snapshot): void {
  writeCacheFile(file, () => {
    const { history, ...rest } = snap;
    const doc: Record<string, unknown> = { format: FORMAT, ...rest };
    if (history) {
      // The sessions' question lists (as many ids as there are reviews) as numbers too.
      const names = new Map<string, number>();
      const sessions = history.sessions.map((x) => ({ ...x, questions: x.questions.map((q) => indexIn(names, q)) }));
      // In time order, with the order they were folded in (the log's, which breaks ties) beside them.
      const at = new Map(history.ordered.map((r, i) => [r, i]));
      const logOrder = history.reviews.map((r) => at.get(r) ?? -1);
      // Not the same reviews: nothing is written, where a history that no read takes would cost every read a full one.
      if (logOrder.includes(-1) || logOrder.length !== history.ordered.length) throw new Error('the history and its time order differ');
      doc.history = {
        reviews: toColumns(history.ordered) satisfies ReviewColumns,
        logOrder: runsOf(logOrder),
        names: [...names.keys()],
        sessions,
        settings: history.settings,
      };
    }
    return asciiJson(doc);
  });
}

/** Whether the snapshot's cards may stand for the sources as they are now: nothing shrank, vanished or changed under it. */
export function fits(snap: Snapshot | undefined, scheduling: string, journals: ReadonlyMap<string, number>, legacy: Stamp | undefined): snap is Snapshot {
  if (!snap || snap.scheduling !== scheduling) return false;
  if ((snap.legacy === null) !== (legacy === undefined)) return false;
  if (snap.legacy && legacy && (snap.legacy.size !== legacy.size || snap.legacy.mtimeMs !== legacy.mtimeMs)) return false;
  for (const [name, mark] of Object.entries(snap.journals)) {
    const now = journals.get(name);
    if (now === undefined || now < mark.size) return false;
  }
  return true;
}
