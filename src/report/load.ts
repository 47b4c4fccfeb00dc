import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { emptyProgress, PROGRESS_VERSION, progressSchema, type Progress, type Review } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';

/**
 * Reads the progress file for a report. Validating 100,000 reviews with zod takes half a
 * second (it checks, then copies, every object), so the review log is checked here by a
 * plain function that accepts exactly what reviewSchema accepts or less; the small rest
 * (cards, sessions) still goes through zod. Anything this path does not accept (an older
 * version, a broken file, one review the check doubts) goes through store.load(), which
 * migrates or stops with its usual message: the fast path never decides an error.
 */
export function loadProgressForReport(store: ProgressStore): Progress {
  let text: string;
  try {
    text = readFileSync(store.file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return emptyProgress();
    return store.load();
  }
  let doc: unknown;
  try {
    // A byte-order mark is skipped without copying 50 MB through a regular expression.
    doc = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return store.load();
  }
  const reviews = (doc as { reviews?: unknown })?.reviews;
  if (!isPlainObject(doc) || doc.version !== PROGRESS_VERSION || !Array.isArray(reviews) || !reviews.every(isReview)) return store.load();
  // Cards and sessions are few: zod checks them as the store would.
  const rest = progressSchema.safeParse({ ...doc, reviews: [] });
  if (!rest.success) return store.load();
  return { ...rest.data, reviews: reviews as Review[] };
}

/** The very pattern z.iso.datetime({ offset: true }) uses; a test pins that they agree. */
export const ISO = z.regexes.datetime({ offset: true });

const REVIEW_KEYS = new Set(['question', 'at', 'rating', 'state', 'covered', 'total', 'correct', 'duration_ms', 'budget_ms', 'session']);
const CARD_KEYS = new Set(['due', 'stability', 'difficulty', 'elapsed_days', 'scheduled_days', 'learning_steps', 'reps', 'lapses', 'state', 'last_review']);

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const isInt = (v: unknown): v is number => Number.isSafeInteger(v);
const isNonNegInt = (v: unknown) => isInt(v) && v >= 0;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isIso = (v: unknown) => typeof v === 'string' && ISO.test(v);
const isName = (v: unknown) => typeof v === 'string' && v.length > 0;

function onlyKeys(o: Record<string, unknown>, allowed: ReadonlySet<string>): boolean {
  for (const k in o) if (!allowed.has(k)) return false;
  return true;
}

/** reviewSchema as a plain check; see the module comment for why. */
export function isReview(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, REVIEW_KEYS)) return false;
  return (
    isName(v.question) &&
    isIso(v.at) &&
    isInt(v.rating) &&
    v.rating >= 1 &&
    v.rating <= 4 &&
    (v.state === null || isCard(v.state)) &&
    Array.isArray(v.covered) &&
    v.covered.every(isNonNegInt) &&
    isNonNegInt(v.total) &&
    (v.correct === undefined || typeof v.correct === 'boolean') &&
    isNonNegInt(v.duration_ms) &&
    (v.budget_ms === undefined || (isInt(v.budget_ms) && v.budget_ms > 0)) &&
    isName(v.session)
  );
}

/** cardSchema as a plain check. */
export function isCard(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, CARD_KEYS)) return false;
  return (
    isIso(v.due) &&
    isNum(v.stability) &&
    v.stability >= 0 &&
    isNum(v.difficulty) &&
    isNum(v.elapsed_days) &&
    v.elapsed_days >= 0 &&
    isNum(v.scheduled_days) &&
    v.scheduled_days >= 0 &&
    isNonNegInt(v.learning_steps) &&
    isNonNegInt(v.reps) &&
    isNonNegInt(v.lapses) &&
    isInt(v.state) &&
    v.state >= 0 &&
    v.state <= 3 &&
    (v.last_review === undefined || isIso(v.last_review))
  );
}
