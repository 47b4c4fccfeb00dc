import { InputError } from '../errors.js';
import { isFsrs, isGoal, isSession } from './plain-check.js';
import { isPlainObject, isIso, isReview } from './review-check.js';
import { PROGRESS_VERSION, schemas, type Review, type Session } from './schema.js';

/*
 * One machine's progress as JSON Lines: a header, then one record per line, only ever
 * appended. A graded answer costs one short write and a flush however long the history;
 * the cards are not stored here at all but replayed from the reviews (see snapshot.ts).
 *
 *   {"mlquiz":"journal","version":4,"device":"laptop-3kx9"}
 *   {"review":{"id":"…","question":"l1-vs-l2","at":"…",…}}
 *   {"session":{"id":"run-…",…}}                 the session as it now stands
 *   {"set":"goal","at":"…","value":{…}}          a top-level field; no value unsets it
 */

/** Top-level fields that are set as a whole, the latest setting winning; each with its plain check. */
export const SETTABLE: Record<string, (v: unknown) => boolean> = { goal: isGoal, fsrs: isFsrs };

export type JournalEvent = { review: Review } | { session: Session } | { set: string; at: string; value?: unknown };

export interface ParsedJournal {
  /** The header's version; undefined when the header is missing (a torn first write). */
  version?: number;
  device?: string;
  events: JournalEvent[];
  warnings: string[];
}

export const header = (device: string) => JSON.stringify({ mlquiz: 'journal', version: PROGRESS_VERSION, device });

export const line = (e: JournalEvent) => JSON.stringify(e);

const isHeader = (v: Record<string, unknown>) => v.mlquiz === 'journal';

/**
 * Pure: the text of a journal (or of a part of one that starts at a line, `firstLine`
 * being its number in the file) to its records. A line that is not JSON is what a crash
 * in the middle of a write leaves: it is skipped with a warning and never rewritten
 * away. A line that is JSON but not a record of this version is damage that a person
 * should see: an error naming the line and the field.
 */
export function parseJournal(text: string, file: string, firstLine = 1): ParsedJournal {
  return quickParse(text) ?? slowParse(text, file, firstLine);
}

/**
 * A sound journal read with nothing but a parse and a plain check per line: anything
 * unusual (a torn line, a record the plain checks doubt) gives undefined, and the
 * careful reading below names it.
 */
export function quickParse(text: string): ParsedJournal | undefined {
  const out: ParsedJournal = { events: [], warnings: [] };
  for (let start = 0; start < text.length;) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (end > start + 1 || (end === start + 1 && text.charCodeAt(start) !== 13)) {
      let doc: unknown;
      try {
        doc = JSON.parse(text.slice(start, end));
      } catch {
        return undefined;
      }
      if (!isPlainObject(doc)) return undefined;
      if (isHeader(doc)) {
        if (!Number.isSafeInteger(doc.version) || (doc.version as number) > PROGRESS_VERSION) return undefined;
        out.version = doc.version as number;
        if (typeof doc.device === 'string') out.device = doc.device;
      } else if (isEvent(doc)) out.events.push(doc as JournalEvent);
      else return undefined;
    }
    start = end + 1;
  }
  return out;
}

function isEvent(doc: Record<string, unknown>): boolean {
  const keys = Object.keys(doc);
  if (keys.length === 1 && 'review' in doc) return isReview(doc.review);
  if (keys.length === 1 && 'session' in doc) return isSession(doc.session);
  if (!('set' in doc) || typeof doc.set !== 'string' || !Object.hasOwn(SETTABLE, doc.set) || !isIso(doc.at)) return false;
  if (keys.some((k) => k !== 'set' && k !== 'at' && k !== 'value')) return false;
  return doc.value === undefined || SETTABLE[doc.set]!(doc.value);
}

function slowParse(text: string, file: string, firstLine: number): ParsedJournal {
  const out: ParsedJournal = { events: [], warnings: [] };
  let start = 0;
  for (let n = firstLine; start < text.length; n++) {
    let end = text.indexOf('\n', start);
    const last = end < 0;
    if (last) end = text.length;
    const raw = text.slice(start, end);
    start = end + 1;
    if (!raw.trim()) continue;
    let doc: unknown;
    try {
      doc = JSON.parse(raw);
    } catch {
      out.warnings.push(
        last
          ? `${file}:${n}: the last record is incomplete (mlquiz was stopped while saving it) and is ignored`
          : `${file}:${n}: an incomplete record (left by a save that was cut short) is ignored`,
      );
      continue;
    }
    if (!isPlainObject(doc)) throw fault(file, n, '(line)', 'must be a JSON object');
    if (isHeader(doc)) {
      if (!Number.isSafeInteger(doc.version)) throw fault(file, n, 'version', 'must be a whole number');
      out.version = doc.version as number;
      if (typeof doc.device === 'string') out.device = doc.device;
      if (out.version > PROGRESS_VERSION)
        throw new InputError(
          `${file}: progress version ${out.version} is newer than this mlquiz understands (${PROGRESS_VERSION}). Update mlquiz (npm install -g mlquiz@latest); the file is left untouched.`,
        );
      continue;
    }
    out.events.push(toEvent(doc, file, n));
  }
  return out;
}

function toEvent(doc: Record<string, unknown>, file: string, n: number): JournalEvent {
  const keys = Object.keys(doc);
  if ('review' in doc) {
    if (keys.length === 1 && isReview(doc.review)) return doc as { review: Review };
    throw zodFault(file, n, 'review', doc.review, () => schemas().reviewSchema);
  }
  if ('session' in doc) {
    if (keys.length === 1 && isSession(doc.session)) return doc as { session: Session };
    throw zodFault(file, n, 'session', doc.session, () => schemas().sessionSchema);
  }
  if ('set' in doc) {
    const check = typeof doc.set === 'string' && Object.hasOwn(SETTABLE, doc.set) ? SETTABLE[doc.set] : undefined;
    if (!check) throw fault(file, n, 'set', `must name a field mlquiz sets (${Object.keys(SETTABLE).join(', ')})`);
    if (!isIso(doc.at)) throw fault(file, n, 'at', 'must be an ISO date and time');
    if (keys.some((k) => k !== 'set' && k !== 'at' && k !== 'value')) throw fault(file, n, '(line)', 'has fields a setting does not have');
    if (doc.value === undefined || check(doc.value)) return doc as JournalEvent;
    throw fault(file, n, `value`, `is not a valid ${doc.set as string}`);
  }
  throw fault(file, n, '(line)', 'must be a review, a session or a setting');
}

const recovery = 'mlquiz never rewrites it; fix that line by hand (the journal is JSON Lines) or point --data-dir elsewhere.';

function fault(file: string, n: number, field: string, message: string): InputError {
  return new InputError(`${file}:${n}: ${field}: ${message}. ${recovery}`);
}

/** The plain check said no: zod, loaded only now, names the field. */
function zodFault(
  file: string,
  n: number,
  kind: string,
  value: unknown,
  schema: () => { safeParse(v: unknown): { error?: { issues: { path: PropertyKey[]; message: string }[] } } },
): InputError {
  const issue = schema().safeParse(value).error?.issues[0];
  if (!issue) return fault(file, n, '(line)', `holds more than a ${kind}`);
  return fault(file, n, [kind, ...issue.path.map(String)].join('.'), issue.message);
}
