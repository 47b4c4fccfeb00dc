import { parseDay, weekday } from '../engine/days.js';
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
