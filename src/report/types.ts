import type { Calibration } from '../engine/calibration.js';
import type { GoalStatus } from '../engine/goal-status.js';

/**
 * The report as data: what `mlquiz report --json` prints and what both renderers draw.
 * Dates are local calendar days as YYYY-MM-DD; instants are ISO strings; shares are in [0, 1].
 */
export interface ReportData {
  /** When the report was made (UTC), the same instant in the person's zone, and the local calendar day that is "today". */
  generated_at: string;
  /** ISO 8601 with the local offset, e.g. `2026-11-21T10:00:00+01:00`; the header shows it. */
  generated_local: string;
  today: string;
  /** The --tag filter, empty for everything. */
  filter: { tags: string[] };
  totals: Totals;
  tags: TagRow[];
  weakest: WeakQuestion[];
  leeches: Leech[];
  activity: Activity;
  due: Forecast;
  mocks: Mocks;
  /**
   * The interview goal as `mlquiz goal --json` gives it (goalStatus: days left, readiness
   * overall and per tag, on track or behind and why, today's share, mock advice with the
   * rounds taken since the goal was set), mock scores rounded as in `mocks`; null without
   * a goal. It covers the goal's scope, whatever the --tag and --since of the report.
   */
  goal: GoalStatus | null;
  /** The scheduler's predicted recall against the person's answers, over the whole history (engine/calibration). */
  calibration: Calibration;
  /** What the scheduler runs on: FSRS-6's default parameters or those `mlquiz optimize` fitted, the desired retention, the hour days start. */
  scheduler: SchedulerInUse;
  next: Suggestion[];
}

export interface SchedulerInUse {
  parameters: 'default' | 'fitted';
  /** When the parameters in use were fitted, and on how many reviews; null for the defaults. */
  fitted_at: string | null;
  fitted_reviews: number | null;
  retention: number;
  day_start: number;
}

export interface Totals {
  /** Loaded questions in scope, and how many of them have been reviewed at least once. */
  questions: number;
  seen: number;
  /** Every review in scope, ever. */
  reviews: number;
  /** Distinct local days with at least one review, ever. */
  days_practised: number;
  streak: Streak;
  retention: Retention;
  /**
   * The due figures nest, so that they cannot contradict each other:
   * overdue ≤ due_now ≤ due_today, and due_today is the forecast's first day.
   * due_now: seen questions due at this instant (overdue included): what `mlquiz run` asks first.
   */
  due_now: number;
  /** Seen questions due before the local day ends, due_now included. */
  due_today: number;
  /** Seen questions that fell due before the local day began (all of them due now). */
  overdue: number;
  first_review: string | null;
  last_review: string | null;
  /** The activity window (--since, or the last 12 weeks): reviews and days practised inside it. */
  window: { from: string; to: string; reviews: number; days_practised: number };
}

export interface Streak {
  /** Consecutive days with a review, ending today, or yesterday while today is still open. */
  current: number;
  longest: number;
  practised_today: boolean;
}

export interface Retention {
  /**
   * Share of reviews of already-seen questions (not first reviews) rated Good or Easy,
   * within [from, to]; null when there is no such review.
   */
  rate: number | null;
  reviews: number;
  remembered: number;
  from: string;
  to: string;
}

export interface TagRow {
  tag: string;
  questions: number;
  seen: number;
  /** Seen questions due now, as totals.due_now. */
  due: number;
  /** Mean recall now (as WeakQuestion.retrievability) over the tag's questions, unseen counting as 0. */
  mastery: number;
}

export interface WeakQuestion {
  id: string;
  prompt: string;
  tags: string[];
  /**
   * Recall now: FSRS's probability of recalling it at this instant, or 0 while its
   * latest answer was Again (see recallNow in recall.ts). Rounded once; every view shows it.
   */
  retrievability: number;
  lapses: number;
  reviews: number;
  /** Mean of answer time over time budget in the last three reviews; null without a budget. */
  slowness: number | null;
  last_rating: number;
  last_review: string;
  due: string;
  /** Higher is weaker; see weakness() in questions.ts. */
  weakness: number;
  /** Short human reasons, always the recall first: e.g. "recall 23%", "4 lapses", "2.1× its time", "last: Again". */
  reasons: string[];
}

export interface Leech {
  id: string;
  prompt: string;
  tags: string[];
  lapses: number;
  /** Again ratings among the last five reviews. */
  recent_again: number;
  reviews: number;
  reason: string;
}

export interface ActivityDay {
  date: string;
  reviews: number;
  /** 0 for none, then 1-4 by quarters of the busiest day in the window. */
  level: 0 | 1 | 2 | 3 | 4;
}

export interface Activity {
  from: string;
  to: string;
  /** One entry per day from `from` to `to`, both included. */
  days: ActivityDay[];
  max: number;
}

export interface Forecast {
  /** Reviews already due before today started. */
  overdue: number;
  /** Today first (it includes the overdue ones), then the next 13 days. */
  days: { date: string; reviews: number }[];
}

export interface MockRound {
  id: string;
  started_at: string;
  date: string;
  status: string;
  /** 0-100; null for a round that was not finished. */
  score: number | null;
  questions: number;
  answered: number;
  plan?: string;
  minutes?: number;
}

export interface Mocks {
  rounds: MockRound[];
  best: MockRound | null;
  latest: MockRound | null;
  /** Latest scored round minus the one before it; null with fewer than two. */
  change: number | null;
}

export interface Suggestion {
  command: string;
  reason: string;
}
