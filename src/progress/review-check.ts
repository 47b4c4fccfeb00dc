import { ID_PATTERN } from '../bank/limits.js';
import { CARD_LIMITS, LATEST, REVIEW_ID } from './schema.js';

/*
 * reviewSchema as a plain function. zod takes about half a second over 100,000 reviews
 * (it checks, then copies, every object); this accepts exactly what the schema accepts
 * (a test holds the two in step) and copies nothing. The store uses it for the review
 * log only, and falls back to zod, which names the fault, whenever it doubts.
 */

/** The very pattern z.iso.datetime({ offset: true }) uses, written out so that reading needs no zod; a test pins that they agree. */
export const ISO =
  /^(?:(?:\d\d[2468][048]|\d\d[13579][26]|\d\d0[48]|[02468][048]00|[13579][26]00)-02-29|\d{4}-(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|(?:02)-(?:0[1-9]|1\d|2[0-8])))T(?:(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d(?:\.\d+)?(?:Z|([+-](?:[01]\d|2[0-3]):[0-5]\d)))$/;

/** ISO's date, then the one time form mlquiz writes (`T09:15:57.186Z`): a run of these is what a packed column of instants holds. */
const CANONICAL = `${ISO.source.slice(1, ISO.source.indexOf('T'))}T(?:[01]\\d|2[0-3]):[0-5]\\d:[0-5]\\d\\.\\d{3}Z`;
/** Instants checked this many at a time: one pattern over a hundred thousand would overflow the regexp stack. */
const RUN = 2048;
const CANONICAL_RUN = new RegExp(`^(?:${CANONICAL}){1,${RUN}}$`);

/** Whether `text` is canonical instants (24 characters each) run together, every one as ISO accepts it. */
export function areCanonicalInstants(text: string): boolean {
  if (text.length % 24) return false;
  for (let i = 0; i < text.length; i += RUN * 24) if (!CANONICAL_RUN.test(text.slice(i, i + RUN * 24))) return false;
  return true;
}

const REVIEW_KEYS = new Set(['id', 'question', 'at', 'rating', 'state', 'covered', 'total', 'correct', 'duration_ms', 'budget_ms', 'session']);

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
export const isNonNegInt = (v: unknown) => isInt(v) && v >= 0;
export const isIso = (v: unknown) => typeof v === 'string' && ISO.test(v);
export const isName = (v: unknown) => typeof v === 'string' && v.length > 0;
export const isId = (v: unknown) => typeof v === 'string' && ID_PATTERN.test(v);

export function onlyKeys(o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

/** reviewSchema as a plain check. */
export function isReview(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, REVIEW_KEYS)) return false;
  return (
    (v.id === undefined || (typeof v.id === 'string' && REVIEW_ID.test(v.id))) &&
    isId(v.question) &&
    isIso(v.at) &&
    isInt(v.rating) &&
    v.rating >= 1 &&
    v.rating <= 4 &&
    isInt(v.state) &&
    v.state >= 0 &&
    v.state <= 3 &&
    Array.isArray(v.covered) &&
    v.covered.every(isNonNegInt) &&
    isNonNegInt(v.total) &&
    (v.correct === undefined || typeof v.correct === 'boolean') &&
    isNonNegInt(v.duration_ms) &&
    (v.budget_ms === undefined || (isInt(v.budget_ms) && v.budget_ms > 0)) &&
    isName(v.session)
  );
}

const CARD_KEYS = new Set(['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review']);
const isCardDate = (v: unknown) => {
  if (!isIso(v)) return false;
  const t = Date.parse(v as string);
  return t >= 0 && t < LATEST;
};
export const within = (v: unknown, lo: number, hi: number) => typeof v === 'number' && Number.isFinite(v) && v >= lo && v <= hi;

/** cardSchema as a plain check: zod spends a fifth of a second-long start-up on a thousand cards. */
export function isCard(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, CARD_KEYS)) return false;
  return (
    isCardDate(v.due) &&
    within(v.stability, 0, CARD_LIMITS.stability) &&
    within(v.difficulty, 0, CARD_LIMITS.difficulty) &&
    within(v.elapsed_days, 0, CARD_LIMITS.days) &&
    within(v.scheduled_days, 0, CARD_LIMITS.days) &&
    isNonNegInt(v.learning_steps) &&
    isNonNegInt(v.reps) &&
    isNonNegInt(v.lapses) &&
    isInt(v.state) &&
    v.state >= 0 &&
    v.state <= 3 &&
    (v.last_review === undefined || isCardDate(v.last_review))
  );
}

/** Every card of a cards object passes isCard. */
export function areCards(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  for (const k in v) if (!isCard(v[k])) return false;
  return true;
}
