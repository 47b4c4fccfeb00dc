import { mkdirSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RuntimeFailure, UsageError } from '../errors.js';
import { tempName } from './atomic-write.js';
import { assemble, emptyFolded, foldInto, settingsOf, type Folded } from './fold.js';
import { changes, checkReadable } from './changes.js';
import { describeFsError } from './fs-errors.js';
import type { JournalEvent } from './journal.js';
import { appendJournal, syncFolder } from './journal-file.js';
import { acquireLock, isFolder, type LockOptions } from './lock.js';
import type { Migrations } from './migrate.js';
import { backUp } from './progress-file.js';
import type { Progress, Review, StoredCard } from './schema.js';
import { instantOf, inTimeOrder } from './time-order.js';
import { fits, readSnapshot, snapshotFile, writeSnapshot, type Snapshot } from './snapshot.js';
import {
  JOURNAL_DIR,
  journalNames,
  LEGACY_FILE,
  readJournalGrowth,
  readJournalSource,
  readJournalTail,
  readLegacy,
  stampOf,
  type JournalMark,
  type JournalSource,
  type LegacySource,
} from './sources.js';

export { assertWritable, backUp, formatProgress, MAX_PROGRESS_BYTES, parseProgress } from './progress-file.js';
export { JOURNAL_DIR, LEGACY_FILE } from './sources.js';

export interface ProgressStore {
  /** The data folder. */
  readonly dir: string;
  /** This machine's journal: the one file this store ever writes. */
  readonly file: string;
  /** Reads every machine's journal (and an old progress.json) as one history; never writes progress. */
  load(): Progress;
  /**
   * Applies `update` to the history as it now stands, under this machine's lock, and
   * appends what changed to this machine's journal, flushed to disk before it returns.
   */
  commit(update: (p: Progress) => Progress): Promise<Progress>;
  /** Before the first question: the folder exists (or can be made) and can be written. */
  checkWritable(): void;
}

/** How cards are replayed from reviews; `key` names it, so cards replayed otherwise are not reused. */
export interface CardReplay {
  key: string;
  replay(reviews: readonly Review[]): Record<string, StoredCard>;
  /** One review more of a card, as `replay` would step it: a review after all the question's others costs this alone. */
  step(card: StoredCard | undefined, review: Review): StoredCard;
}

export interface StoreOptions {
  /** Names this machine's journal; see device.ts. */
  device?: string;
  /** Where the cards replayed last are cached; without it every read replays them all. */
  snapshotDir?: string;
  /** Damage that is read past (a torn last line) is said here. */
  warn?: (message: string) => void;
  now?: () => Date;
  migrations?: Migrations;
  lock?: LockOptions;
  /**
   * How cards follow from reviews under the settings in force (fitted parameters, say):
   * the scheduler's business, given by the layer above, so the store knows only JSON.
   */
  scheduling: (settings: Readonly<Record<string, unknown>>) => CardReplay;
  /** Just before the append; tests use it to crash or stall there. */
  beforeAppend?: () => void;
}

interface State {
  folded: Folded;
  progress: Progress;
  /** Each journal's size in bytes as far as it has been read. */
  journals: Map<string, number>;
  /** Where the last full or partial read of each journal left it, for the snapshot. */
  marks: Map<string, JournalMark>;
  legacy?: LegacySource;
  scheduling: CardReplay;
  /** Each question's reviews, made on the first commit, so that a commit replays one question, not all. */
  byQuestion?: Map<string, Review[]>;
  /** Each question's latest review time: a review after it steps the card instead of replaying it. */
  lastAt?: Map<string, number>;
}

export const DEFAULT_DEVICE = 'this-machine';

export function openStore(dataDir: string, opts: StoreOptions): ProgressStore {
  const device = opts.device ?? DEFAULT_DEVICE;
  const journalDir = join(dataDir, JOURNAL_DIR);
  const name = `${device}.jsonl`;
  const file = join(journalDir, name);
  const legacyFile = join(dataDir, LEGACY_FILE);
  const warn = opts.warn ?? (() => {});
  const now = opts.now ?? (() => new Date());
  const schedulingOf = (f: Folded) => opts.scheduling(settingsOf(f));
  const snapFile = opts.snapshotDir ? snapshotFile(opts.snapshotDir, dataDir, device) : undefined;
  let state: State | undefined;
  let tidied = false;

  const readAll = (): State => {
    const legacy = readLegacy(dataDir, opts.migrations);
    const names = journalNames(dataDir);
    const snap = snapFile ? readSnapshot(snapFile) : undefined;
    const folded = emptyFolded();
    let sources = legacy ? undefined : sinceHistory(snap, names);
    if (sources && snap?.history) {
      const { ordered: _, ...kept } = snap.history;
      Object.assign(folded, kept);
      for (const s of sources) for (const w of s.mark.warnings) warn(w);
    } else {
      // Parted where the snapshot stopped reading: what lies after is what it has not seen.
      sources = names.map((n) => readJournalSource(dataDir, n, snap ? (snap.journals[n] ?? 0) : undefined, warn));
      foldInto(folded, [legacy?.events ?? [], ...sources.map((s) => s.head)]);
    }
    const fresh = foldInto(
      folded,
      sources.map((s) => s.tail),
    );
    const journals = new Map(sources.map((s) => [s.name, s.size]));
    const marks = new Map(sources.map((s) => [s.name, s.mark]));
    const scheduling = schedulingOf(folded);
    let cards: Record<string, StoredCard>;
    const usable = fits(snap, scheduling.key, journals, legacy?.stamp) && sources.every((s) => s.parted);
    if (usable) {
      cards = { ...snap.cards };
      const touched = new Set(fresh.map((r) => r.question));
      if (touched.size) Object.assign(cards, scheduling.replay(folded.reviews.filter((r) => touched.has(r.question))));
    } else cards = scheduling.replay(folded.reviews);
    // Nothing new on top of the snapshot's history: its reviews are in time order already.
    const ordered = fresh.length === 0 && folded.reviews === snap?.history?.reviews ? snap.history.ordered : inTimeOrder(folded.reviews);
    const st: State = { folded, progress: assemble(folded, cards, ordered), journals, marks, scheduling, ...(legacy && { legacy }) };
    if (snapFile && !(usable && snap.history && sameMarks(snap.journals, marks))) saveSnapshot(st, true);
    return st;
  };

  /** Every journal from where the snapshot's history stopped, or undefined when one does not fit it (then all are read whole). */
  const sinceHistory = (snap: Snapshot | undefined, names: readonly string[]): JournalSource[] | undefined => {
    if (!snap?.history || snap.legacy !== null || Object.keys(snap.journals).some((n) => !names.includes(n))) return undefined;
    const out: JournalSource[] = [];
    const said: string[] = [];
    for (const n of names) {
      const mark = snap.journals[n];
      // A journal new since (another machine's, just synced) is read whole; its warnings wait until all fit.
      const s = mark ? readJournalTail(dataDir, n, mark) : readJournalSource(dataDir, n, 0, (w) => said.push(w));
      if (!s) return undefined;
      out.push(s);
    }
    for (const w of said) warn(w);
    return out;
  };

  /** `read`: called right after a read, where the progress's reviews are the fold's in time order, so the history can be kept too. */
  const saveSnapshot = (st: State, read = false) => {
    if (snapFile)
      writeSnapshot(snapFile, {
        scheduling: st.scheduling.key,
        journals: Object.fromEntries(st.marks),
        legacy: st.legacy?.stamp ?? null,
        cards: st.progress.cards,
        // Not while an old file is a source: its records are in no journal yet.
        ...(read && !st.legacy && { history: { ...st.folded, ordered: st.progress.reviews } }),
      });
  };

  /** Under the lock: what other sessions and machines added since this store last read. */
  const catchUp = (): State => {
    const st = state;
    if (!st) return (state = readAll());
    const legacyNow = stampOf(legacyFile);
    const legacyThen = st.legacy?.stamp;
    if (legacyNow?.size !== legacyThen?.size || legacyNow?.mtimeMs !== legacyThen?.mtimeMs) return (state = readAll());
    const names = journalNames(dataDir);
    if ([...st.journals.keys()].some((n) => !names.includes(n))) return (state = readAll());
    const grown: JournalEvent[][] = [];
    for (const n of names) {
      const size = stampOf(join(journalDir, n))?.size ?? 0;
      const known = st.journals.get(n) ?? 0;
      if (size === known) continue;
      const events = size > known ? readJournalGrowth(dataDir, n, known, size, warn) : undefined;
      if (!events) return (state = readAll());
      grown.push(events);
      st.journals.set(n, size);
    }
    if (grown.length) advance(st, grown);
    return st;
  };

  /**
   * Folds new records into the state and replays the cards they touch. `asIs`: the
   * update's own review list, when it is the old one with exactly the new reviews after
   * it, in time order (kept, not copied).
   */
  const advance = (st: State, sources: JournalEvent[][], asIs?: Review[]) => {
    const fresh = foldInto(st.folded, sources);
    const scheduling = schedulingOf(st.folded);
    let cards = st.progress.cards;
    if (scheduling.key !== st.scheduling.key) {
      st.scheduling = scheduling;
      cards = scheduling.replay(st.folded.reviews);
      // Made again, with these reviews, when next needed.
      delete st.byQuestion;
      delete st.lastAt;
    } else if (fresh.length) {
      const lastAt = (st.lastAt ??= latest(st.folded.reviews, st.folded.reviews.length - fresh.length));
      cards = { ...cards };
      const replayed = new Set<string>();
      for (const r of inTimeOrder(fresh)) {
        const t = instantOf(r.at);
        const q = r.question;
        if (!replayed.has(q) && t >= (lastAt.get(q) ?? -Infinity)) cards[q] = scheduling.step(cards[q], r);
        else replayed.add(q);
        lastAt.set(q, Math.max(t, lastAt.get(q) ?? -Infinity));
      }
      if (st.byQuestion) addByQuestion(st.byQuestion, fresh);
      // A review older than one already there (a clock set back, a late sync) is sorted in by a replay of its question.
      if (replayed.size) {
        const index = (st.byQuestion ??= addByQuestion(new Map(), st.folded.reviews));
        for (const q of replayed) Object.assign(cards, scheduling.replay(index.get(q)!));
      }
    }
    const reviews = !fresh.length
      ? st.progress.reviews
      : asIs && asIs.length === st.progress.reviews.length + fresh.length
        ? asIs
        : appendInOrder(st.progress.reviews, fresh);
    st.progress = assemble(st.folded, cards, reviews);
  };

  const ensureFolders = () => {
    for (const dir of [dataDir, journalDir]) {
      try {
        // Not recursive for the journal folder: Node's recursive mkdir says ENOENT on a read-only disk.
        mkdirSync(dir, { recursive: dir === dataDir });
      } catch (e) {
        const code = (e as NodeJS.ErrnoException).code;
        if (code !== 'EEXIST' && code !== 'ENOTDIR') throw new RuntimeFailure(describeFsError(dir, e, 'cannot create the data folder'));
      }
      if (!isFolder(dir))
        throw new UsageError(
          dir === dataDir
            ? `${dataDir} is a file, not a folder: point --data-dir (or MLQUIZ_HOME) at a folder.`
            : `${dir} is a file where mlquiz keeps its journals: move it away.`,
        );
    }
  };

  return {
    dir: dataDir,
    file,
    load: () => (state = readAll()).progress,
    checkWritable() {
      ensureFolders();
      const probe = tempName(file);
      try {
        // Not flushed: the check is whether the folder takes a file, and a flush can cost the first question tens of ms.
        writeFileSync(probe, 'mlquiz write check\n', { flag: 'wx' });
        unlinkSync(probe);
      } catch (e) {
        throw new RuntimeFailure(describeFsError(dataDir, e, 'cannot save progress here'));
      }
    },
    async commit(update) {
      ensureFolders();
      // A writer that finds its lock gone before the append starts again from a fresh read:
      // `update` is a pure function of the history, so nothing is applied twice.
      for (let attempt = 0; ; attempt++) {
        if (attempt > 5)
          throw new RuntimeFailure(
            `${file}: the progress lock was taken over ${attempt} times in a row; this answer is not saved. Is another mlquiz misbehaving?`,
          );
        const lock = await acquireLock(join(journalDir, `${device}.lock`), opts.lock);
        let lost = false;
        try {
          // Once a session: appends leave no temporary files, so only a killed process before this one can have.
          if (!tidied) removeLeftovers(dataDir, journalDir);
          tidied = true;
          const st = catchUp();
          const cur = st.progress;
          const next = update(cur);
          const { events, reviews: asIs } = changes(st.folded, cur, next, now());
          if (!events.length) return cur;
          checkReadable(events, file);
          const legacy = st.legacy;
          // The old single file is folded into this machine's journal on the first write, kept as a backup.
          if (legacy) backUp(legacy.file, legacy.version);
          let size: number;
          try {
            size = appendJournal(file, device, legacy ? [...legacy.events, ...events] : events, () => {
              opts.beforeAppend?.();
              if (!lock.holds()) {
                lost = true;
                throw new Error('lock lost');
              }
            });
          } catch (e) {
            if (lost) continue;
            throw new RuntimeFailure(describeFsError(file, e, 'cannot save progress; this answer is not saved'));
          }
          if (legacy) retire(legacy.file);
          delete st.legacy;
          st.journals.set(name, size);
          advance(st, [events], asIs);
          if (legacy) saveSnapshot(st);
          return st.progress;
        } finally {
          if (!lost) lock.release();
        }
      }
    },
  };
}

/** Temporary files a killed writer may leave: a write check's, and an older mlquiz's progress.json.tmp-… or write-file-atomic's. */
const LEFTOVER = /^(?:progress\.json|[a-z0-9][a-z0-9_-]*\.jsonl)\.(?:tmp-\d+-[0-9a-f]+|\d+)$/;

function removeLeftovers(...dirs: string[]): void {
  // Under the lock no other writer of this machine has a temporary file open, so any left is a dead writer's.
  for (const dir of dirs)
    try {
      for (const n of readdirSync(dir)) if (LEFTOVER.test(n)) rmSync(join(dir, n), { force: true });
    } catch {
      // Only tidying.
    }
}

/** The old file, now in the journal and in its backup, stops being read. */
function retire(file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new RuntimeFailure(describeFsError(file, e, 'saved, but cannot remove the old progress file'));
  }
  syncFolder(join(file, '..'));
}

const sameMarks = (a: Readonly<Record<string, JournalMark>>, b: ReadonlyMap<string, JournalMark>) =>
  Object.keys(a).length === b.size && [...b].every(([n, m]) => a[n]?.size === m.size && a[n].mtimeMs === m.mtimeMs && a[n].end === m.end);

/** Each question's latest review time among the first `count` reviews. */
function latest(reviews: readonly Review[], count: number): Map<string, number> {
  const m = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    const r = reviews[i]!;
    const t = instantOf(r.at);
    if (!(t <= (m.get(r.question) ?? -Infinity))) m.set(r.question, t);
  }
  return m;
}

function addByQuestion(index: Map<string, Review[]>, reviews: readonly Review[]): Map<string, Review[]> {
  for (const r of reviews) (index.get(r.question) ?? index.set(r.question, []).get(r.question)!).push(r);
  return index;
}

/** A commit's reviews come after the log's as a rule; a clock that went back sorts them in. */
function appendInOrder(reviews: readonly Review[], fresh: readonly Review[]): Review[] {
  const last = reviews.length ? Date.parse(reviews[reviews.length - 1]!.at) : -Infinity;
  const add = inTimeOrder(fresh);
  return Date.parse(add[0]!.at) >= last ? reviews.concat(add) : inTimeOrder(reviews.concat(fresh));
}
