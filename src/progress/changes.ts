import { basename } from 'node:path';
import { InputError, RuntimeFailure } from '../errors.js';
import { idsOf, type Folded } from './fold.js';
import { line, parseJournal, SETTABLE, type JournalEvent } from './journal.js';
import { idOf, withId } from './review-id.js';
import type { Progress, Review } from './schema.js';

/**
 * The records that take the history from `cur` to `next`: reviews it has not got (by
 * id), sessions that changed, settings that changed. A journal cannot take a review
 * back, so reviews missing from `next` are not undone.
 */
export function changes(folded: Folded, cur: Progress, next: Progress, at: Date): { events: JournalEvent[]; reviews?: Review[] } {
  const events: JournalEvent[] = [];
  const nr = next.reviews;
  const cr = cur.reviews;
  // An update only adds reviews (a journal cannot take one back). When the old log still
  // ends where it ended and everything after it is new, those are the new reviews: a test
  // of the tail alone, so that an answer costs the same however long the history (a scan
  // of 100,000 entries cost a millisecond an answer). Anything else, a merge that sorts
  // its reviews in among the old ones say, is read whole, by id.
  const k = nr.length - cr.length;
  const appended =
    nr !== cr && k > 0 && (cr.length === 0 || nr[cr.length - 1] === cr[cr.length - 1]) && nr.slice(cr.length).every((r) => !idsOf(folded).has(idOf(r)));
  const from = appended ? cr.length : 0;
  let asIs = appended;
  const ids = new Set<string>();
  let last = cr.length ? cr[cr.length - 1]!.at : '';
  for (let i = from; nr !== cr && i < nr.length; i++) {
    const r = nr[i]!;
    const w = withId(r);
    if (idsOf(folded).has(w.id!) || ids.has(w.id!)) {
      asIs = false;
      continue;
    }
    // Kept as the update made it only if each new review is its own record, after the last one in time.
    if (w !== r || Date.parse(r.at) < Date.parse(last || r.at)) asIs = false;
    last = r.at;
    ids.add(w.id!);
    events.push({ review: w });
  }
  if (next.sessions !== cur.sessions) {
    const had = new Map(cur.sessions.map((s) => [s.id, s]));
    for (const s of next.sessions) {
      const h = had.get(s.id);
      if (h !== s && (!h || JSON.stringify(h) !== JSON.stringify(s))) events.push({ session: s });
    }
  }
  for (const k of Object.keys(SETTABLE)) {
    const a = (cur as Record<string, unknown>)[k];
    const b = (next as Record<string, unknown>)[k];
    if (a === b || JSON.stringify(a) === JSON.stringify(b)) continue;
    // Later than the setting in force even when that one came from a machine whose clock is ahead.
    const inForce = folded.settings[k]?.at;
    const when = inForce && Date.parse(inForce) >= at.getTime() ? new Date(Date.parse(inForce) + 1) : at;
    events.push(b === undefined ? { set: k, at: when.toISOString() } : { set: k, at: when.toISOString(), value: b });
  }
  return asIs ? { events, reviews: nr } : { events };
}

/** What is appended is what a reader accepts: the records go through the reader's own checks first. */
export function checkReadable(events: readonly JournalEvent[], file: string): void {
  try {
    const back = parseJournal(events.map(line).join('\n'), basename(file));
    if (back.warnings.length || back.events.length !== events.length) throw new InputError(back.warnings[0] ?? 'records were lost in the round trip');
  } catch (e) {
    throw new RuntimeFailure(`${file}: refusing to write progress that would not read back; nothing was written. This is a bug: please report it.`, [
      `  ${(e as Error).message.replace(/ mlquiz never rewrites it.*$/, '')}`,
    ]);
  }
}
