import { createEmptyCard, fsrs, generatorParameters, type Card, type FSRS, type Grade } from 'ts-fsrs';
import type { Progress, StoredCard } from '../progress/schema.js';
import { dayNumber, UTC, type Offset } from './days.js';
import type { Rating } from './rating.js';

/** What the scheduler runs on, derived from the context (days) and the progress (fitted parameters) by schedulingOf. */
export interface Scheduling {
  /** FSRS-6 weights fitted by `mlquiz optimize`; ts-fsrs' defaults when unset. */
  params?: readonly number[];
  /** The recall the intervals aim for (ts-fsrs' request_retention). */
  retention: number;
  /** The person's days (days.ts personDay): elapsed days are counted in them. */
  days: Offset;
}

export const DEFAULT_RETENTION = 0.9;

/** UTC days from midnight and the default parameters: what pure callers that name no scheduling get. */
export const DEFAULT_SCHEDULING: Scheduling = { retention: DEFAULT_RETENTION, days: UTC };

/** The fitted parameters of a progress file, if any: recall (retrievability) depends on them alone. */
export function paramsOf(progress: Pick<Progress, 'fsrs'>): readonly number[] | undefined {
  return progress.fsrs?.fitted?.params;
}

/** The scheduling a progress file asks for, on the person's days. */
export function schedulingOf(progress: Pick<Progress, 'fsrs'>, days: Offset): Scheduling {
  const params = paramsOf(progress);
  return { retention: progress.fsrs?.retention ?? DEFAULT_RETENTION, days, ...(params && { params }) };
}

/**
 * A name for a scheduling: the same name, the same schedules. The days are told apart by
 * their offsets at a few fixed instants, so a cache made in another time zone or with
 * another day start is not reused.
 */
export function schedulingKey(s: Scheduling): string {
  return `fsrs|${s.retention}|${s.params?.join(',') ?? 'default'}|${SAMPLE_INSTANTS.map((t) => s.days(t)).join(',')}`;
}

/** January and July of a year in the past and of one to come: a zone, its summer time and a day start differ in one of them. */
const SAMPLE_INSTANTS = [Date.UTC(2020, 0, 15, 12), Date.UTC(2020, 6, 15, 12), Date.UTC(2030, 0, 15, 12), Date.UTC(2030, 6, 15, 12)];

/**
 * Whole days only: these are long spoken answers, so same-day learning steps would
 * only nag. No fuzz, so that the same history always gives the same schedule.
 */
function makeScheduler(s: Pick<Scheduling, 'params' | 'retention'>): FSRS {
  return fsrs(generatorParameters({ enable_short_term: false, enable_fuzz: false, request_retention: s.retention, ...(s.params && { w: [...s.params] }) }));
}

const defaultScheduler = makeScheduler(DEFAULT_SCHEDULING);
const schedulers = new Map<string, FSRS>();

export function schedulerOf(s: Pick<Scheduling, 'params' | 'retention'>): FSRS {
  if (!s.params && s.retention === DEFAULT_RETENTION) return defaultScheduler;
  const key = `${s.retention}:${s.params?.join(',') ?? ''}`;
  let f = schedulers.get(key);
  if (!f) schedulers.set(key, (f = makeScheduler(s)));
  return f;
}

/** Whole person's days from the day of `from` to the day of `to`, never negative: what FSRS counts as elapsed. */
export function elapsedDays(from: number, to: number, days: Offset): number {
  return Math.max(0, dayNumber(to, days) - dayNumber(from, days));
}

export function toCard(s: StoredCard): Card {
  const card: Card = { ...s, due: new Date(s.due), last_review: s.last_review ? new Date(s.last_review) : undefined } as Card;
  if (!s.last_review) delete card.last_review;
  return card;
}

export function toStored(c: Card): StoredCard {
  const out: StoredCard = {
    due: c.due.toISOString(),
    stability: c.stability,
    difficulty: c.difficulty,
    elapsed_days: c.elapsed_days,
    scheduled_days: c.scheduled_days,
    learning_steps: c.learning_steps,
    reps: c.reps,
    lapses: c.lapses,
    state: c.state,
  };
  if (c.last_review) out.last_review = c.last_review.toISOString();
  return out;
}

/**
 * A card whose last review lies after `now` (a clock that was ahead, a file from a
 * machine with a fast clock) is read as reviewed just now: elapsed time is never negative.
 */
function clamped(s: StoredCard, now: Date): Card {
  const card = toCard(s);
  if (card.last_review && card.last_review.getTime() > now.getTime()) card.last_review = new Date(now);
  return card;
}

/** The scheduler refused a card; the review itself is still good. */
export class SchedulerFault extends Error {}

/**
 * ts-fsrs counts elapsed days as changes of UTC date; it is handed instants moved so
 * that their UTC date is the person's day, and the due date it gives keeps its distance
 * from the review.
 */
function onPersonDays(ms: number, days: Offset): Date {
  return new Date(ms - days(ms) * 60_000);
}

/** The card after a review with the given rating at `now`. */
export function nextCard(before: StoredCard | undefined, now: Date, rating: Rating, s: Scheduling = DEFAULT_SCHEDULING): StoredCard {
  const card = before ? clamped(before, now) : createEmptyCard(now);
  try {
    const at = onPersonDays(now.getTime(), s.days);
    const moved: Card = { ...card, due: onPersonDays(card.due.getTime(), s.days) };
    if (card.last_review) moved.last_review = onPersonDays(card.last_review.getTime(), s.days);
    const after = schedulerOf(s).next(moved, at, rating as Grade).card;
    const next = toStored({ ...after, due: new Date(now.getTime() + (after.due.getTime() - at.getTime())), last_review: now });
    if (!Number.isFinite(Date.parse(next.due)) || !Number.isFinite(next.stability) || !Number.isFinite(next.difficulty))
      throw new Error('the result is not a finite schedule');
    return next;
  } catch (e) {
    throw new SchedulerFault((e as Error).message);
  }
}

/**
 * The card after a review, as an answer is recorded and as a replay redoes it: a card the
 * scheduler refuses starts afresh from this review (the answer is what matters), and
 * `onFault` hears why.
 */
export function nextCardOrAfresh(
  before: StoredCard | undefined,
  now: Date,
  rating: Rating,
  s: Scheduling = DEFAULT_SCHEDULING,
  onFault: (why: string) => void = () => {},
): StoredCard {
  try {
    return nextCard(before, now, rating, s);
  } catch (e) {
    if (!(e instanceof SchedulerFault)) throw e;
    const afresh = nextCard(undefined, now, rating, s);
    onFault(e.message);
    return afresh;
  }
}

/** Probability of recall at `now` (0 for a question never reviewed), always within [0, 1]. */
export function retrievability(card: StoredCard | undefined, now: Date, params?: readonly number[]): number {
  if (!card || card.reps === 0) return 0;
  try {
    const r = schedulerOf(params ? { params, retention: DEFAULT_RETENTION } : DEFAULT_SCHEDULING).get_retrievability(clamped(card, now), now, false);
    return Number.isFinite(r) ? Math.min(1, Math.max(0, r)) : 0;
  } catch {
    return 0;
  }
}

export function isDue(card: StoredCard, now: Date): boolean {
  return Date.parse(card.due) <= now.getTime();
}

export { inTimeOrder } from '../progress/time-order.js';
