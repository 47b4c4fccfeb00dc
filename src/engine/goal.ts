import type { Question } from '../bank/types.js';
import type { Goal } from '../progress/schema.js';
import { dayNumber, dayString, parseDay, type Offset } from './days.js';

const DAY_MS = 86_400_000;

/** The last days before the interview are for review and mock rounds: no new questions. */
export const RESERVE_DAYS = 3;

/** A goal date that is not one, or lies in the past; the message names the value. */
export class BadGoal extends Error {}

/** The day of `mlquiz goal YYYY-MM-DD`: a real calendar day, today or later. */
export function parseGoalDate(value: string, today: number): number {
  const v = value.trim();
  const day = /^\d{4}-\d{2}-\d{2}$/.test(v) ? parseDay(v) : Number.NaN;
  if (!Number.isFinite(day) || dayString(day) !== v)
    throw new BadGoal(`${value}: not a date; give the interview day as YYYY-MM-DD, e.g. ${dayString(today + 30)}`);
  if (day < today) throw new BadGoal(`${value} is in the past (today is ${dayString(today)})`);
  if (day > parseDay('2999-12-31')) throw new BadGoal(`${value}: too far ahead`);
  return day;
}

/** The questions a goal covers: any of its tags, or every loaded question. */
export function goalScope(questions: readonly Question[], goal: Pick<Goal, 'tags'>): Question[] {
  if (!goal.tags.length) return [...questions];
  const tags = new Set(goal.tags);
  return questions.filter((q) => q.tags.some((t) => tags.has(t)));
}

export interface GoalCalendar {
  today: number;
  /** The interview day. */
  day: number;
  /** The local day the goal was set. */
  setDay: number;
  /** Days from today to the interview day: 0 on the day, negative after it. */
  daysLeft: number;
  /** Review-only days kept before the interview: 3, fewer when the goal was set less than 12 days ahead. */
  reserve: number;
  /** The last day that introduces new questions. */
  deadline: number;
  /** Days from today to the deadline, today included; at least 1, so a late plan asks the rest now. */
  introDaysLeft: number;
}

/**
 * The plan's days. The reserve is fixed when the goal is set (a quarter of its days, at
 * most three), so the deadline does not creep as the day comes nearer.
 */
export function goalCalendar(goal: Pick<Goal, 'date' | 'set_at'>, now: Date, offset: Offset): GoalCalendar {
  const today = dayNumber(now.getTime(), offset);
  const day = parseDay(goal.date);
  const setDay = Math.min(today, dayNumber(Date.parse(goal.set_at), offset));
  const reserve = Math.min(RESERVE_DAYS, Math.max(0, Math.floor((day - setDay) / 4)));
  const deadline = day - reserve - 1;
  return { today, day, setDay, daysLeft: day - today, reserve, deadline, introDaysLeft: Math.max(1, deadline - today + 1) };
}

/** The instant a local day starts: readiness is predicted for the morning of the interview. */
export function dayStart(day: number, offset: Offset): Date {
  const utc = day * DAY_MS;
  return new Date(utc + offset(utc) * 60_000);
}

/** "18 days to go", "1 day to go", "the interview is today". */
export function daysToGo(daysLeft: number): string {
  if (daysLeft === 0) return 'the interview is today';
  if (daysLeft < 0) return `the interview was ${-daysLeft === 1 ? 'yesterday' : `${-daysLeft} days ago`}`;
  return `${daysLeft} ${daysLeft === 1 ? 'day' : 'days'} to go`;
}
