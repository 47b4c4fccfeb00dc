import { ID_PATTERN } from '../bank/limits.js';
import { areCards, isInt, isIso, isName, isNonNegInt, isPlainObject, isReview, onlyKeys, within } from './review-check.js';
import { FSRS_PARAMS, LATEST, MAX_GOAL_MINUTES, PROGRESS_VERSION, RETENTION_RANGE } from './schema.js';

/*
 * The rest of the progress schema as plain checks, so that a valid file is read (and
 * every write checked) without loading zod: it costs a start-up more than the whole
 * budget of `mlquiz goal`. Each accepts exactly what its zod schema accepts; the tests
 * in tests/progress/plain-check.test.ts hold the two in step. When one says no, the
 * store asks zod, which names the fault.
 */

const RESULT_KEYS = new Set(['question', 'rating', 'covered', 'total', 'correct', 'duration_ms', 'budget_ms', 'timed_out', 'score']);
const SESSION_KEYS = new Set([
  'id',
  'kind',
  'started_at',
  'ended_at',
  'status',
  'questions',
  'answered',
  'seed',
  'filter',
  'plan',
  'minutes',
  'results',
  'score',
]);
const STATUSES = new Set(['in-progress', 'finished', 'quit', 'interrupted', 'abandoned']);
const GOAL_KEYS = new Set(['date', 'tags', 'minutes', 'set_at']);
const FSRS_KEYS = new Set(['retention', 'fitted']);
const FITTED_KEYS = new Set(['params', 'at', 'reviews']);
const PROGRESS_KEYS = new Set(['version', 'goal', 'fsrs', 'cards', 'reviews', 'sessions']);

const optional = (v: unknown, check: (v: unknown) => boolean) => v === undefined || check(v);
const isPositive = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v > 0;

export function isMockResult(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, RESULT_KEYS)) return false;
  return (
    isName(v.question) &&
    isInt(v.rating) &&
    v.rating >= 1 &&
    v.rating <= 4 &&
    isNonNegInt(v.covered) &&
    isNonNegInt(v.total) &&
    optional(v.correct, (c) => typeof c === 'boolean') &&
    isNonNegInt(v.duration_ms) &&
    isInt(v.budget_ms) &&
    v.budget_ms > 0 &&
    typeof v.timed_out === 'boolean' &&
    within(v.score, 0, 1)
  );
}

export function isSession(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, SESSION_KEYS)) return false;
  return (
    isName(v.id) &&
    (v.kind === 'run' || v.kind === 'mock') &&
    isIso(v.started_at) &&
    (v.ended_at === null || isIso(v.ended_at)) &&
    STATUSES.has(v.status as string) &&
    Array.isArray(v.questions) &&
    v.questions.every((q) => typeof q === 'string') &&
    isNonNegInt(v.answered) &&
    optional(v.seed, (x) => typeof x === 'string') &&
    optional(v.filter, isPlainObject) &&
    optional(v.plan, (x) => typeof x === 'string') &&
    optional(v.minutes, isPositive) &&
    optional(v.results, (r) => Array.isArray(r) && r.every(isMockResult)) &&
    optional(v.score, (x) => x === null || within(x, 0, 100))
  );
}

function isLocalDay(v: unknown): boolean {
  if (typeof v !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
  const t = Date.parse(`${v}T00:00:00Z`);
  return Number.isFinite(t) && t >= 0 && t < LATEST && new Date(t).toISOString().slice(0, 10) === v;
}

export function isGoal(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, GOAL_KEYS)) return false;
  return (
    isLocalDay(v.date) &&
    Array.isArray(v.tags) &&
    v.tags.every((t) => typeof t === 'string' && ID_PATTERN.test(t)) &&
    isPositive(v.minutes) &&
    (v.minutes as number) <= MAX_GOAL_MINUTES &&
    isIso(v.set_at)
  );
}

function isFitted(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, FITTED_KEYS)) return false;
  return (
    Array.isArray(v.params) &&
    v.params.length === FSRS_PARAMS.count &&
    v.params.every((x) => within(x, -FSRS_PARAMS.bound, FSRS_PARAMS.bound)) &&
    isIso(v.at) &&
    isNonNegInt(v.reviews)
  );
}

export function isFsrs(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, FSRS_KEYS)) return false;
  return optional(v.retention, (r) => within(r, RETENTION_RANGE.min, RETENTION_RANGE.max)) && optional(v.fitted, isFitted);
}

/** The whole progress file of this version, as progressSchema would accept it. */
export function isProgress(v: unknown): boolean {
  if (!isPlainObject(v) || !onlyKeys(v, PROGRESS_KEYS)) return false;
  return (
    v.version === PROGRESS_VERSION &&
    optional(v.goal, isGoal) &&
    optional(v.fsrs, isFsrs) &&
    areCards(v.cards) &&
    Object.keys(v.cards).every((k) => ID_PATTERN.test(k)) &&
    Array.isArray(v.reviews) &&
    v.reviews.every(isReview) &&
    Array.isArray(v.sessions) &&
    v.sessions.every(isSession)
  );
}
