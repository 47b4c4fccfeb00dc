import { instantOf } from '../progress/time-order.js';
import type { Review } from '../progress/schema.js';
import { DEFAULT_SCHEDULING, elapsedDays, inTimeOrder, schedulerOf, schedulingKey, type Scheduling } from './schedule.js';

/**
 * The recall the scheduler predicted before each review of a question it had seen, for
 * the log in time order: `retrievability` of the card as `nextCard` would have left it,
 * computed on FSRS's memory state alone (stability and difficulty, the part of a card
 * that decides recall). A full replay builds dates and intervals too and takes ten times
 * as long: a second over 100,000 reviews. A test holds the two to the same numbers.
 *
 * A trace can be carried on: given the trace of an earlier log that this one begins
 * with (the same reviews, in the same order, then more) under the same scheduling, only
 * the reviews after it are stepped. That is what lets `mlquiz report` keep one between runs (see recall-cache.ts).
 */
export interface RecallTrace {
  /** The scheduling it was made under (schedulingKey): under another it is not carried on. */
  scheduling: string;
  /** How many reviews of the log, in time order, it followed. */
  count: number;
  /** FNV-1a of their ids: a log that does not begin with the same reviews is not carried on. */
  digest: number;
  /** Each question's FSRS memory after them: difficulty, stability, time of the last review. */
  memory: Record<string, [number, number, number]>;
  /** One per review of a question seen before, in time order: when, the predicted recall, and 1 if recalled. */
  points: { at: ArrayLike<number>; predicted: ArrayLike<number>; recalled: ArrayLike<number> };
}

const FNV_OFFSET = 0x811c9dc5;

/**
 * The digest of reviews `from` to `to`, carried on from `h`. Of an id, the first 4
 * characters: ids are random (or a hash), so that is 24 bits per review, where the
 * question is only whether the log still begins with the same reviews in the same order,
 * for a quarter of the work of whole ids.
 */
function digestOf(ordered: readonly Review[], from: number, to: number, h: number): number {
  for (let i = from; i < to; i++) {
    const r = ordered[i]!;
    // An old review without an id is told by its question and instant.
    const key = r.id ?? `${r.question}|${r.at}`;
    const n = r.id ? Math.min(4, key.length) : key.length;
    for (let j = 0; j < n; j++) h = Math.imul(h ^ key.charCodeAt(j), 0x01000193);
    h = Math.imul(h ^ 10, 0x01000193);
  }
  return h >>> 0;
}

/** Whether `trace` followed the first reviews of `ordered` under scheduling `key`: then it can be carried on. */
function continues(trace: RecallTrace, ordered: readonly Review[], key: string): boolean {
  if (trace.scheduling !== key || trace.count > ordered.length) return false;
  return made.get(trace) === ordered || digestOf(ordered, 0, trace.count, FNV_OFFSET) === trace.digest;
}

/** The log each trace is known to follow whole: handed back with that very log, a trace needs no digest again. */
const made = new WeakMap<RecallTrace, readonly Review[]>();

/**
 * Pure: the trace of `ordered` (the log in time order), carried on from `from` when it
 * fits (`continues`), else from the start. `from` is not changed (it is handed back when
 * it already follows the whole log).
 */
export function traceRecalls(ordered: readonly Review[], s: Scheduling = DEFAULT_SCHEDULING, from?: RecallTrace): RecallTrace {
  const key = schedulingKey(s);
  const start = from && continues(from, ordered, key) ? from : undefined;
  // Nothing to step: handed back as it is, known from now on to follow this log.
  if (start && start.count === ordered.length) {
    made.set(start, ordered);
    return start;
  }
  const scheduler = schedulerOf(s);
  const memory = new Map<string, [number, number, number]>();
  if (start) for (const [q, m] of Object.entries(start.memory)) memory.set(q, [m[0], m[1], m[2]]);
  const at = start ? Array.from(start.points.at) : [];
  const predicted = start ? Array.from(start.points.predicted) : [];
  const recalled = start ? Array.from(start.points.recalled) : [];
  const first = start?.count ?? 0;
  for (let i = first; i < ordered.length; i++) {
    const r = ordered[i]!;
    const t = instantOf(r.at);
    const m = memory.get(r.question);
    // As `retrievability` reads it (ts-fsrs' get_retrievability: whole days elapsed, stability to 8 places).
    if (m) {
      at.push(t);
      predicted.push(scheduler.forgetting_curve(Math.max(0, Math.floor((t - m[2]) / 86_400_000)), to8(m[1])));
      recalled.push(r.rating > 1 ? 1 : 0);
    }
    // As the scheduler steps it: the person's days between reviews, as nextCard counts them.
    const elapsed = m ? elapsedDays(Math.min(m[2], t), t, s.days) : 0;
    let next;
    try {
      next = scheduler.next_state(m ? { difficulty: m[0], stability: m[1] } : null, elapsed, r.rating);
    } catch {
      // As when the answer was recorded: a card the scheduler refuses starts afresh.
      next = scheduler.next_state(null, 0, r.rating);
    }
    if (m) {
      m[0] = next.difficulty;
      m[1] = next.stability;
      m[2] = t;
    } else memory.set(r.question, [next.difficulty, next.stability, t]);
  }
  const trace: RecallTrace = {
    scheduling: key,
    count: ordered.length,
    digest: digestOf(ordered, first, ordered.length, start?.digest ?? FNV_OFFSET),
    memory: Object.fromEntries(memory),
    points: { at, predicted, recalled },
  };
  made.set(trace, ordered);
  return trace;
}

/** The predictions for a log in any order, one object each: what tests and small callers read. */
export function predictedRecalls(reviews: readonly Review[], s: Scheduling = DEFAULT_SCHEDULING): { at: number; predicted: number; recalled: boolean }[] {
  const { points } = traceRecalls(inTimeOrder(reviews), s);
  return Array.from(points.at, (at, i) => ({ at, predicted: points.predicted[i]!, recalled: points.recalled[i] === 1 }));
}

/**
 * A stability to 8 decimal places, as ts-fsrs rounds it (`+s.toFixed(8)`) but without the
 * string round trip, a third of the time of a calibration over 100,000 reviews; the two
 * agree to the last digit but one (a test holds the predictions to a full replay).
 */
const to8 = (x: number) => Math.round(x * 1e8) / 1e8;
