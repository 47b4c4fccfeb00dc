import type { JournalEvent } from './journal.js';
import { idOf, withId } from './review-id.js';
import { PROGRESS_VERSION, type Progress, type Review, type Session, type StoredCard } from './schema.js';

/** What the journals say, before the cards are replayed from it. */
export interface Folded {
  reviews: Review[];
  sessions: Session[];
  /** Each top-level field at its latest setting (absent: unset). */
  settings: Record<string, { at: string; value?: unknown }>;
  /** Ids of the reviews, to count a copy once: made when first needed (idsOf), as a read with nothing new never needs them. */
  ids?: Set<string>;
}

export const idsOf = (f: Folded): Set<string> => (f.ids ??= new Set(f.reviews.map(idOf)));

/** Of two records of one session from two machines, the further along (more answered, then ended). */
export const further = (a: Session, b: Session) =>
  b.answered > a.answered || (b.answered === a.answered && a.ended_at === null && b.ended_at !== null) ? b : a;

/** Settings of a file before journals: older than any journal's, so a journal's setting always wins. */
const BEFORE_JOURNALS = new Date(0).toISOString();

/** A whole progress document (an old single file, a backup) as the records a journal would hold. */
export function eventsOf(p: Progress): JournalEvent[] {
  const events: JournalEvent[] = [];
  for (const k of Object.keys(p) as (keyof Progress)[])
    if (k !== 'version' && k !== 'cards' && k !== 'reviews' && k !== 'sessions' && p[k] !== undefined)
      events.push({ set: k, at: BEFORE_JOURNALS, value: p[k] });
  for (const r of p.reviews) events.push({ review: withId(r) });
  for (const s of p.sessions) events.push({ session: s });
  return events;
}

export function emptyFolded(): Folded {
  return { reviews: [], sessions: [], settings: {} };
}

/**
 * Pure: the union of several machines' records, in place into `into`. Within one
 * source a later session record replaces an earlier one; across sources the further
 * along wins; a review already there (by id) counts once; a setting goes to the latest
 * (ties to the later source). Returns the reviews that were new, so a caller can replay
 * only their questions. Reviews are appended as they come: `inTimeOrder` sorts them.
 */
export function foldInto(into: Folded, sources: readonly JournalEvent[][]): Review[] {
  const fresh: Review[] = [];
  const at = new Map(into.sessions.map((s, i) => [s.id, i]));
  const sessions = into.sessions.slice();
  let added = false;
  for (const events of sources) {
    const mine = new Map<string, Session>();
    for (const e of events) {
      if ('review' in e) {
        // One lookup, not two: the set grows only for an id it did not hold.
        const ids = idsOf(into);
        const known = ids.size;
        ids.add(idOf(e.review));
        if (ids.size === known) continue;
        into.reviews.push(e.review);
        fresh.push(e.review);
      } else if ('session' in e) mine.set(e.session.id, e.session);
      else {
        const had = into.settings[e.set];
        if (!had || had.at <= e.at) into.settings[e.set] = e.value === undefined ? { at: e.at } : { at: e.at, value: e.value };
      }
    }
    for (const [id, s] of mine) {
      const i = at.get(id);
      if (i !== undefined) sessions[i] = further(sessions[i]!, s);
      else {
        at.set(id, sessions.push(s) - 1);
        added = true;
      }
    }
  }
  // Sorted only when a session arrived: an answer updates its own session, already in place.
  if (added) {
    sessions.sort((a, b) => (a.started_at < b.started_at ? -1 : a.started_at > b.started_at ? 1 : 0));
  }
  into.sessions = sessions;
  return fresh;
}

/** The settings in force, by name (a cleared one is absent). */
export const settingsOf = (f: Folded): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const [k, s] of Object.entries(f.settings)) if (s.value !== undefined) out[k] = s.value;
  return out;
};

export function assemble(f: Folded, cards: Record<string, StoredCard>, reviews: Review[]): Progress {
  return { version: PROGRESS_VERSION, ...settingsOf(f), cards, reviews, sessions: f.sessions } as Progress;
}
