import type { Session } from '../progress/schema.js';
import { dayNumber, dayString, type Offset } from './days.js';
import type { GoalCalendar } from './goal.js';

/** One mock round a week, then one a day over the last days before the interview. */
export const MOCK_EVERY_DAYS = 7;
export const MOCK_DAILY_LAST = 3;

export interface MockAdvice {
  /** The rule in words, with its dates. */
  rule: string;
  /** The next day a round is due (today when one is owed). */
  next: string | null;
  /** Every day a round is recommended from today to the interview. */
  days: string[];
  /** Rounds since the goal was set, with the days they were left before the interview. */
  rounds: { date: string; days_left: number; score: number | null }[];
}

/**
 * Pure: when to take mock rounds on the way to the interview: one a week (a week after
 * the last, or today if none was taken in the last week) until the final days, then one
 * a day on the last three days before it.
 */
export function mockAdvice(sessions: readonly Session[], cal: GoalCalendar, offset: Offset): MockAdvice {
  const rounds = sessions
    .filter((s) => s.kind === 'mock' && dayNumber(Date.parse(s.started_at), offset) >= cal.setDay)
    .map((s) => {
      const day = dayNumber(Date.parse(s.started_at), offset);
      return { date: dayString(day), days_left: cal.day - day, score: s.score ?? null };
    });
  const finalFrom = cal.day - MOCK_DAILY_LAST;
  const lastRound = rounds.length ? cal.day - rounds.at(-1)!.days_left : undefined;
  const days: number[] = [];
  if (cal.daysLeft > 0) {
    let d = lastRound === undefined ? cal.today : Math.max(cal.today, lastRound + MOCK_EVERY_DAYS);
    for (; d < finalFrom; d += MOCK_EVERY_DAYS) days.push(d);
    for (let f = Math.max(finalFrom, cal.today); f < cal.day; f++) if (f !== lastRound) days.push(f);
  }
  const daily = `daily on the last ${MOCK_DAILY_LAST} days (${dayString(finalFrom)} to ${dayString(cal.day - 1)})`;
  const rule =
    cal.daysLeft <= 0
      ? 'the interview day has come: no more rounds needed'
      : cal.today >= finalFrom
        ? `one a day now: ${daily}`
        : `one a week until ${dayString(finalFrom - 1)}, then ${daily}`;
  return { rule, next: days.length ? dayString(days[0]!) : null, days: days.map(dayString), rounds };
}
