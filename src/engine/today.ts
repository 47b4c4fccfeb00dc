import type { Question } from '../bank/types.js';
import type { Goal, Progress } from '../progress/schema.js';
import { dayNumber, parseDay, type Offset } from './days.js';
import { goalScope } from './goal.js';
import { dailyPace } from './pacing.js';
import { pickSession, type SessionPick } from './pick.js';
import type { Rng } from './rng.js';

export const DEFAULT_COUNT = 10;

export interface SessionRequest {
  /** Every loaded question. */
  all: readonly Question[];
  /** The questions the run's filters leave (all of them without filters). */
  pool: readonly Question[];
  progress: Progress;
  now: Date;
  offset: Offset;
  rng: Rng;
  /** -n; without it a goal paces the day, else DEFAULT_COUNT. */
  count?: number;
  /** --new (0 for --reviews-only). */
  maxNew?: number;
  /** Filters or --id were given: the person chose the questions, so no pacing. */
  chosen: boolean;
}

export interface SessionPlan {
  picks: SessionPick[];
  /** Set when the goal paced the session: today's share of the plan. */
  paced?: { reviews: number; fresh: number; daysLeft: number };
}

/** Whether a goal paces `run`: it is set, the day has not passed, and the person asked for no count or questions of their own. */
export function pacedBy(goal: Goal | undefined, r: Pick<SessionRequest, 'count' | 'chosen' | 'now' | 'offset'>): goal is Goal {
  return !!goal && r.count === undefined && !r.chosen && parseDay(goal.date) >= dayNumber(r.now.getTime(), r.offset);
}

/**
 * Pure: the session `mlquiz run` asks. With a goal (and no -n, filters or --id): today's
 * share of the plan over the goal's scope, due reviews and new questions in the plan's
 * numbers, --new lowering the new ones. Otherwise `count` questions (10) from the pool.
 */
export function planSession(r: SessionRequest): SessionPlan {
  const goal = r.progress.goal;
  if (pacedBy(goal, r)) {
    const scope = goalScope(r.all, goal);
    const pace = dailyPace(scope, r.progress, goal, r.now, r.offset);
    const fresh = Math.min(pace.today.fresh, r.maxNew ?? Infinity);
    const reviews = pace.today.reviews;
    const picks = pickSession(scope, r.progress, { count: reviews + fresh, maxNew: fresh, maxDue: reviews, now: r.now, rng: r.rng, all: r.all });
    const count = (kind: SessionPick['kind']) => picks.filter((p) => p.kind === kind).length;
    return { picks, paced: { reviews: count('due'), fresh: count('new'), daysLeft: pace.calendar.daysLeft } };
  }
  const picks = pickSession(r.pool, r.progress, {
    count: r.count ?? DEFAULT_COUNT,
    now: r.now,
    rng: r.rng,
    all: r.all,
    ...(r.maxNew !== undefined && { maxNew: r.maxNew }),
  });
  return { picks };
}
