import { instantOf } from '../progress/time-order.js';
import type { Question } from '../bank/types.js';
import type { Goal, Progress } from '../progress/schema.js';
import { dayString, type Offset } from './days.js';
import { dayStart, goalScope } from './goal.js';
import { mockAdvice, type MockAdvice } from './mock-advice.js';
import { dailyPace, type Pace } from './pacing.js';
import { readiness, type Readiness } from './readiness.js';

/** Everything `mlquiz goal` shows, and what the report's `goal` key is built from. */
export interface GoalStatus {
  goal: Goal;
  days_left: number;
  scope: { questions: number; tags: number };
  /** Predicted recall on the morning of the interview if practice stopped now; see readiness.ts. */
  readiness: Readiness;
  status: 'on track' | 'behind' | 'over';
  /** Why behind, in short phrases; empty when on track. */
  behind: string[];
  plan: {
    /** The last day that introduces new questions; the days after it are for review and mock rounds. */
    intro_deadline: string;
    introduced: number;
    /** What a steady plan from the day the goal was set would have introduced by today. */
    expected_introduced: number;
    remaining: number;
    new_per_day: number;
    due_now: number;
    today: { reviews: number; new: number; total: number; minutes: number };
    minutes: number;
    minutes_needed: number;
    seconds_per_question: number;
  };
  mocks: MockAdvice;
}

/**
 * Pure: where a goal stands. On track when at least as many questions of the scope were
 * introduced as a steady plan (a straight line from the day the goal was set to the
 * deadline) would have by the start of today, and the plan fits the daily minutes.
 */
export function goalStatus(questions: readonly Question[], progress: Progress, goal: Goal, now: Date, offset: Offset): GoalStatus {
  const scope = goalScope(questions, goal);
  const pace: Pace = dailyPace(scope, progress, goal, now, offset);
  const cal = pace.calendar;
  const ready = readiness(scope, progress, dayStart(cal.day, offset));
  const before = introducedBefore(scope, progress, dayStart(cal.setDay, offset).getTime());
  const span = Math.max(1, cal.deadline - cal.setDay + 1);
  const share = Math.min(1, Math.max(0, (cal.today - cal.setDay) / span));
  const expected = Math.floor(before + (scope.length - before) * share);
  const behind: string[] = [];
  if (pace.introduced < expected) behind.push(`${expected - pace.introduced} new questions behind the plan`);
  // Once everything is introduced the plan is kept; what is left is review, as time allows.
  if (pace.introduced < scope.length && pace.minutesNeeded > goal.minutes)
    behind.push(`the plan needs about ${pace.minutesNeeded} min a day and you have ${goal.minutes}`);
  const status = cal.daysLeft < 0 ? 'over' : behind.length ? 'behind' : 'on track';
  return {
    goal,
    days_left: cal.daysLeft,
    scope: { questions: scope.length, tags: new Set(scope.flatMap((q) => q.tags)).size },
    readiness: { ...ready, overall: round(ready.overall), tags: ready.tags.map((t) => ({ ...t, readiness: round(t.readiness) })) },
    status,
    behind: status === 'over' ? [] : behind,
    plan: {
      intro_deadline: dayString(cal.deadline),
      introduced: pace.introduced,
      expected_introduced: expected,
      remaining: scope.length - pace.introduced,
      new_per_day: pace.newPerDay,
      due_now: pace.dueNow,
      today: { reviews: pace.today.reviews, new: pace.today.fresh, total: pace.today.total, minutes: pace.today.minutes },
      minutes: goal.minutes,
      minutes_needed: pace.minutesNeeded,
      seconds_per_question: Math.round(pace.perQuestionMs / 1000),
    },
    mocks: mockAdvice(progress.sessions, cal, offset),
  };
}

/** Questions of the scope first answered before the instant `ms`. */
function introducedBefore(scope: readonly Question[], progress: Progress, ms: number): number {
  const ids = new Set(scope.map((q) => q.id));
  const seen = new Set<string>();
  // A question's first review is the one made from the New state (0): only those need their time read.
  for (const r of progress.reviews) if (r.state === 0 && ids.has(r.question) && instantOf(r.at) < ms) seen.add(r.question);
  return seen.size;
}

const round = (x: number) => Math.round(x * 1000) / 1000;
