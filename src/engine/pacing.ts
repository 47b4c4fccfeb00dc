import type { Question } from '../bank/types.js';
import type { Goal, Progress } from '../progress/schema.js';
import { dayStart, goalCalendar, type GoalCalendar } from './goal.js';
import type { Offset } from './days.js';
import { budgetMs } from './rating.js';

/** No day is asked more than this multiple of the average work of the days left. */
export const LOAD_CAP = 1.5;
const DAY_MS = 86_400_000;
/** The person's own pace counts once they have answered this many questions with a budget. */
const OWN_PACE_MIN = 10;
const OWN_PACE_LAST = 200;
/**
 * For forecasting the work still to come: each answer about multiplies a question's
 * interval by this (FSRS after a Good answer; a miss brings it back sooner, which the
 * first interval of 2 days for a new question, between Again's 1 and Good's 3, absorbs).
 */
const INTERVAL_GROWTH = 2.5;
const FIRST_INTERVAL_DAYS = 2;

/** How often a question is asked in the `horizon` days from now, first in `first` days, then at a growing interval from `interval`. */
export function asksWithin(first: number, interval: number, horizon: number): number {
  let n = 0;
  for (let t = Math.max(0, first), s = Math.max(1, interval); t < horizon; t += s, s *= INTERVAL_GROWTH) n++;
  return n;
}

export interface DayShare {
  reviews: number;
  fresh: number;
  total: number;
  /** Estimated minutes for it. */
  minutes: number;
}

export interface Pace {
  calendar: GoalCalendar;
  /** Questions of the scope, and those answered at least once. */
  questions: number;
  introduced: number;
  /** Reviews due now, and due before the interview (overdue included). */
  dueNow: number;
  dueBeforeDay: number;
  /** New questions a day that introduce the rest of the scope by the deadline. */
  newPerDay: number;
  /** Estimated time per question: its budget scaled by the person's own pace. */
  perQuestionMs: number;
  /** How much of its budget the person takes, the median of their last answers; 1 until they have answered enough. */
  ownPace: number;
  /** Questions that fit the daily minutes, and the load cap (1.5x the average of the days left). */
  capByMinutes: number;
  capByLoad: number;
  /** Minutes a day the plan needs, roughly: the average work forecast for the days left. */
  minutesNeeded: number;
  /** Today's share: due reviews first, then the new questions the plan needs, within both caps. */
  today: DayShare;
}

/**
 * Pure: today's share of a plan that introduces every question of the scope by the
 * deadline (a few days before the interview) and leaves the last days for review.
 * `scope` is the goal's questions (goalScope).
 */
export function dailyPace(scope: readonly Question[], progress: Progress, goal: Goal, now: Date, offset: Offset): Pace {
  const cal = goalCalendar(goal, now, offset);
  const interview = dayStart(cal.day, offset).getTime();
  let introduced = 0;
  let dueNow = 0;
  let dueBeforeDay = 0;
  // The work of the days left: reviews of what is introduced, and new questions with the reviews they bring.
  let work = 0;
  const horizon = Math.max(1, (interview - now.getTime()) / DAY_MS);
  for (const q of scope) {
    const card = progress.cards[q.id];
    if (!card) continue;
    introduced++;
    const due = Date.parse(card.due);
    if (due <= now.getTime()) dueNow++;
    if (due < interview) dueBeforeDay++;
    work += asksWithin((due - now.getTime()) / DAY_MS, card.scheduled_days * INTERVAL_GROWTH, horizon);
  }
  const remaining = scope.length - introduced;
  // New questions are introduced through the intro days: on average half-way through them.
  work += remaining * asksWithin(cal.introDaysLeft / 2, FIRST_INTERVAL_DAYS, horizon);
  // On the day itself and after it, nothing new: a warm-up of what is due.
  const newPerDay = cal.daysLeft > 0 ? Math.ceil(remaining / cal.introDaysLeft) : 0;
  const ownPace = pace(progress);
  const meanBudget = scope.length ? scope.reduce((a, q) => a + budgetMs(q), 0) / scope.length : 0;
  const perQuestionMs = Math.max(1000, meanBudget * ownPace);
  const capByMinutes = Math.max(1, Math.floor((goal.minutes * 60_000) / perQuestionMs));
  const workDays = Math.max(1, cal.daysLeft);
  const average = work / workDays;
  const capByLoad = Math.max(1, Math.ceil(LOAD_CAP * average));

  const wanted = Math.min(dueNow + newPerDay, capByMinutes, capByLoad);
  // Reviews first, but while new questions are needed at least a third of the day introduces them.
  let fresh = Math.min(newPerDay, Math.max(wanted - dueNow, Math.ceil(wanted / 3)));
  const reviews = Math.min(dueNow, wanted - fresh);
  fresh = Math.min(newPerDay, wanted - reviews);
  const total = reviews + fresh;
  const minutesNeeded = Math.ceil((average * perQuestionMs) / 60_000);
  return {
    calendar: cal,
    questions: scope.length,
    introduced,
    dueNow,
    dueBeforeDay,
    newPerDay,
    perQuestionMs,
    ownPace,
    capByMinutes,
    capByLoad,
    minutesNeeded,
    today: { reviews, fresh, total, minutes: Math.ceil((total * perQuestionMs) / 60_000) },
  };
}

/** The median share of its budget the person's last answers took, within [0.25, 1.5]; 1 without enough history. */
export function pace(progress: Progress): number {
  const ratios: number[] = [];
  for (let i = progress.reviews.length - 1; i >= 0 && ratios.length < OWN_PACE_LAST; i--) {
    const r = progress.reviews[i]!;
    if (r.budget_ms) ratios.push(r.duration_ms / r.budget_ms);
  }
  if (ratios.length < OWN_PACE_MIN) return 1;
  ratios.sort((a, b) => a - b);
  return Math.min(1.5, Math.max(0.25, ratios[Math.floor(ratios.length / 2)]!));
}
