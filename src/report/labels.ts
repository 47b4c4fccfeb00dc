import { parseDay, weekday } from '../engine/days.js';
import { daysToGo } from '../engine/goal.js';
import type { GoalStatus } from '../engine/goal-status.js';
import { plural } from '../format/plural.js';
import type { ReportData, Totals } from './types.js';

/*
 * The words both renderers print for the report's figures, so that the terminal and the
 * HTML page say the same thing the same way. The figures themselves come from build.ts.
 */

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** `2026-11-21 10:00 UTC+01:00`: when the report was made, in the person's zone, as the terminal writes days. */
export function madeAt(d: Pick<ReportData, 'generated_local'>): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.exec(d.generated_local);
  if (!m) return d.generated_local;
  const zone = m[3] === 'Z' || m[3] === '+00:00' ? 'UTC' : `UTC${m[3]}`;
  return `${m[1]} ${m[2]} ${zone}`;
}

/** The note beside "due now": how many of them are overdue, and how many fall due by the end of today. */
export function dueNowNote(t: Pick<Totals, 'due_now' | 'due_today' | 'overdue'>): string {
  const parts: string[] = [];
  if (t.overdue) parts.push(`${t.overdue} of them overdue`);
  parts.push(`${t.due_today} by the end of today`);
  return parts.join(' · ');
}

/** The note on the forecast's today bar, which counts due_today: `8 now, 4 overdue`; empty when none is due yet. */
export function todayBarNote(t: Pick<Totals, 'due_now' | 'overdue'>): string {
  if (!t.due_now) return '';
  return t.overdue ? `${t.due_now} now, ${t.overdue} overdue` : `${t.due_now} now`;
}

/** The sentence under the forecast, spelling out what the today bar counts. */
export function forecastNote(t: Pick<Totals, 'due_now' | 'due_today' | 'overdue'>): string {
  const now = t.due_now ? `: ${t.due_now} due now${t.overdue ? `, ${t.overdue} of them overdue from earlier days` : ''}` : '';
  return `Today counts ${plural(t.due_today, 'review')} due by the end of the day${now}.`;
}

/** Forecast bar labels: `today`, then weekday and day of the month. */
export function forecastLabel(date: string, i: number): [string, string] {
  return i === 0 ? ['today', ''] : [WEEKDAYS[weekday(parseDay(date))]!, date.slice(8)];
}

/*
 * The goal's words, as `mlquiz goal` (ui/goal-view.ts) puts them, so that the report and
 * that command read alike; ui sits above report, so they are spelled here.
 */

/** The one line a report without a goal has about it. */
export const NO_GOAL = 'No interview day set: mlquiz goal YYYY-MM-DD plans the days to it (readiness, a daily share, mock rounds).';

/** A goal whose tags no loaded question carries, as `mlquiz goal` says it. */
export const EMPTY_SCOPE = 'No loaded question has these tags: set the goal again with tags that exist (mlquiz tags lists them).';
/** What readiness is, in the words of `mlquiz goal`. */
export const READINESS_NOTE = 'the predicted recall of every question in scope on the morning of the day, if you stopped practising now';
/** After the day: what `mlquiz goal` offers then. */
export const GOAL_OVER = 'Set the next interview day, or remove this one: mlquiz goal --clear';

/** `Interview on Sun 2026-12-20 · 29 days to go`. */
export function goalHeadline(g: Pick<GoalStatus, 'goal' | 'days_left'>): string {
  return `Interview on ${WEEKDAYS[weekday(parseDay(g.goal.date))]} ${g.goal.date} · ${daysToGo(g.days_left)}`;
}

/** `statistics, probability (69 questions in 2 tags) · 45 min a day`. */
export function goalScopeNote(g: Pick<GoalStatus, 'goal' | 'scope'>): string {
  const focus = g.goal.tags.length ? g.goal.tags.join(', ') : 'every tag';
  return `${focus} (${plural(g.scope.questions, 'question')} in ${plural(g.scope.tags, 'tag')}) · ${g.goal.minutes} min a day`;
}

export function goalVerdict(g: Pick<GoalStatus, 'status'>): string {
  return g.status === 'over' ? 'the day has passed' : g.status;
}

/** `introduced 12 of 69 (the plan expects 10 by today)`. */
export function introducedNote(g: Pick<GoalStatus, 'plan' | 'scope'>): string {
  return `introduced ${g.plan.introduced} of ${g.scope.questions} (${expectedNote(g)})`;
}

export function expectedNote(g: Pick<GoalStatus, 'plan'>): string {
  return `the plan expects ${g.plan.expected_introduced} by today`;
}

/** Today's share: `14 questions, about 20 min: 9 reviews, 5 new`. */
export function todayShare(t: GoalStatus['plan']['today']): string {
  return `${plural(t.total, 'question')}, about ${t.minutes} min: ${plural(t.reviews, 'review')}, ${t.new} new`;
}

/** The today line's value: the share, or that there is nothing to do. */
export function todayNote(g: Pick<GoalStatus, 'plan'>): string {
  return g.plan.today.total ? todayShare(g.plan.today) : 'nothing due and nothing new needed';
}

/** `40 days before the interview`; `on the interview day`. */
export function daysBefore(daysLeft: number): string {
  return daysLeft === 0 ? 'on the interview day' : `${plural(daysLeft, 'day')} before the interview`;
}

/** A mock round's score as the goal lists it: a number, or `unscored` for a round not finished. */
export function mockScore(score: number | null): string {
  return score === null ? 'unscored' : String(score);
}

/** The next recommended round: `today`, or its day. */
export function nextMock(g: Pick<GoalStatus, 'mocks'>, today: string): string | null {
  const next = g.mocks.next;
  return next === null ? null : next === today ? 'today' : `${WEEKDAYS[weekday(parseDay(next))]} ${next}`;
}
