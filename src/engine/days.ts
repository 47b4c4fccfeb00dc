/**
 * Local calendar days as integers (days since 1970-01-01), so that a report over 100,000
 * reviews groups them with arithmetic instead of date formatting. The time zone is an
 * input like the clock: `offset` is Date#getTimezoneOffset's value at an instant given
 * in epoch milliseconds (minutes behind UTC), and tests pass a constant.
 */
export type Offset = (ms: number) => number;

export const UTC: Offset = () => 0;
export const systemOffset: Offset = (ms) => new Date(ms).getTimezoneOffset();

/** The hour the person's day turns over, as Anki's: a review at 1 a.m. still belongs to the evening before. */
export const DEFAULT_DAY_START = 4;

/**
 * The person's day, the one definition every count of days uses (FSRS's elapsed days,
 * due dates, streaks, the heatmap, today, a goal's days): the local calendar day that
 * starts `startHour` hours after midnight. It is given as an Offset of the day's
 * boundary rather than of the clock, so that dayNumber and the goal's dayStart read it
 * unchanged: an instant belongs to the day of its local time less `startHour` hours.
 */
export function personDay(offset: Offset, startHour: number): Offset {
  return startHour ? (ms) => offset(ms) + startHour * 60 : offset;
}

const DAY_MS = 86_400_000;

/**
 * The offset looked up once per hour of time rather than per review: zones change their
 * offset on the hour, and asking the system for it is the slow part of grouping by day.
 */
export function hourlyOffset(offset: Offset): Offset {
  const cache = new Map<number, number>();
  // A log in time order asks about one hour many times running: that one is kept at hand.
  let lastHour = NaN;
  let lastValue = 0;
  return (ms) => {
    const h = Math.floor(ms / 3_600_000);
    if (h === lastHour) return lastValue;
    let v = cache.get(h);
    if (v === undefined) cache.set(h, (v = offset(h * 3_600_000)));
    lastHour = h;
    lastValue = v;
    return v;
  };
}

export function dayNumber(ms: number, offset: Offset): number {
  return Math.floor((ms - offset(ms) * 60_000) / DAY_MS);
}

export function dayString(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function parseDay(s: string): number {
  return Math.floor(Date.parse(`${s}T00:00:00Z`) / DAY_MS);
}

/** 0 for Monday … 6 for Sunday: weeks start on Monday, as in ISO 8601. */
export function weekday(day: number): number {
  // 1970-01-01 was a Thursday.
  return (day + 3) % 7;
}

/**
 * The first day of a `--since` window: `30d` and `12w` count back from today (today
 * included, so `7d` is a week), a date `2026-10-01` is that local day.
 */
/** A window that is not one; the message names the value, and the caller names the option. */
export class BadWindow extends Error {}

export function parseSince(value: string, today: number): number {
  const v = value.trim();
  const rel = /^(\d+)\s*([dw])$/i.exec(v);
  if (rel) {
    const n = Number(rel[1]) * (rel[2]!.toLowerCase() === 'w' ? 7 : 1);
    if (n < 1) throw new BadWindow(`${value}: the window must be at least one day`);
    return today - n + 1;
  }
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) {
    const day = parseDay(v);
    if (!Number.isFinite(day) || dayString(day) !== v) throw new BadWindow(`${value}: not a calendar date`);
    if (day > today) throw new BadWindow(`${value}: the date is in the future (today is ${dayString(today)})`);
    return day;
  }
  throw new BadWindow(`${value}: expected a number of days or weeks (30d, 12w) or a date (2026-10-01)`);
}

/**
 * The current streak counts back from today; a day without practice yet does not break
 * it until it is over, so a streak of 5 ending yesterday is still 5 this morning.
 */
export function streaks(days: ReadonlySet<number>, today: number): { current: number; longest: number } {
  let current = 0;
  for (let d = days.has(today) ? today : today - 1; days.has(d); d--) current++;
  let longest = 0;
  let run = 0;
  let prev = Number.NaN;
  for (const d of [...days].sort((a, b) => a - b)) {
    run = d === prev + 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    prev = d;
  }
  return { current, longest };
}
