import type { Question } from '../bank/types.js';
import type { Progress, Session } from '../progress/schema.js';
import { dayNumber, dayString, hourlyOffset, parseSince, streaks, weekday, type Offset } from '../engine/days.js';
import { isDue } from '../engine/schedule.js';
import { tagMastery } from './mastery.js';
import { suggest } from './next-steps.js';
import { findLeeches, findWeakest, histories } from './weak-questions.js';
import type { Activity, ActivityDay, Forecast, MockRound, Mocks, ReportData, TagRow } from './types.js';

export interface ReportOptions {
  now: Date;
  /** The local time zone; see days.ts. */
  offset: Offset;
  /** The --tag filter: the questions were already narrowed to it; this narrows rows and reviews. */
  tags?: string[];
  /** `30d`, `12w` or `2026-10-01`: the activity window (default: the last 12 weeks). */
  since?: string;
}

export const DEFAULT_WEEKS = 12;
export const RETENTION_DAYS = 30;
export const FORECAST_DAYS = 14;

/**
 * Pure: the whole report from the loaded questions and the progress file. One pass over
 * the review log for the counts, one for the per-question histories, so that 100,000
 * reviews cost milliseconds.
 */
export function buildReport(questions: readonly Question[], progress: Progress, o: ReportOptions): ReportData {
  const { now } = o;
  const offset = hourlyOffset(o.offset);
  const filterTags = o.tags ?? [];
  const today = dayNumber(now.getTime(), offset);
  const since = o.since === undefined ? undefined : parseSince(o.since, today);
  // By default a heatmap of whole weeks: back to the Monday 11 weeks before this one.
  const from = since ?? today - weekday(today) - (DEFAULT_WEEKS - 1) * 7;
  const retentionFrom = since ?? today - RETENTION_DAYS + 1;

  const byId = new Map(questions.map((q) => [q.id, q]));
  // Without a tag filter, reviews of questions no longer in any bank still count as practice.
  const inScope = filterTags.length ? (id: string) => byId.has(id) : () => true;

  const perDay = new Map<number, number>();
  let reviews = 0;
  let retained = 0;
  let retentionN = 0;
  let first: string | null = null;
  let last: string | null = null;
  for (const r of progress.reviews) {
    if (!inScope(r.question)) continue;
    const ms = Date.parse(r.at);
    const day = dayNumber(ms, offset);
    perDay.set(day, (perDay.get(day) ?? 0) + 1);
    reviews++;
    if (first === null || r.at < first) first = r.at;
    if (last === null || r.at > last) last = r.at;
    if (r.state !== 0 && day >= retentionFrom && day <= today) {
      retentionN++;
      if (r.rating >= 3) retained++;
    }
  }

  const activity = buildActivity(perDay, from, today);
  const days = new Set(perDay.keys());
  const { current, longest } = streaks(days, today);
  const tags = tagRows(questions, progress, now, filterTags);
  const seen = questions.filter((q) => progress.cards[q.id]).length;
  const dueNow = questions.filter((q) => {
    const c = progress.cards[q.id];
    return c !== undefined && isDue(c, now);
  }).length;

  const hist = histories(progress.reviews, byId);
  const leeches = findLeeches(questions, progress, hist);
  const weakest = findWeakest(questions, progress, hist, new Set(leeches.map((l) => l.id)), now).map((w) => ({
    ...w,
    retrievability: round(w.retrievability),
    slowness: w.slowness === null ? null : round(w.slowness, 2),
    weakness: round(w.weakness),
  }));
  const mocks = buildMocks(progress.sessions, since, offset);

  const totals: ReportData['totals'] = {
    questions: questions.length,
    seen,
    reviews,
    days_practised: days.size,
    streak: { current, longest, practised_today: days.has(today) },
    retention: {
      rate: retentionN ? round(retained / retentionN) : null,
      reviews: retentionN,
      remembered: retained,
      from: dayString(retentionFrom),
      to: dayString(today),
    },
    due_now: dueNow,
    first_review: first,
    last_review: last,
    window: {
      from: activity.from,
      to: activity.to,
      reviews: activity.days.reduce((a, d) => a + d.reviews, 0),
      days_practised: activity.days.filter((d) => d.reviews > 0).length,
    },
  };
  return {
    generated_at: now.toISOString(),
    today: dayString(today),
    filter: { tags: filterTags },
    totals,
    tags,
    weakest,
    leeches,
    activity,
    due: forecast(questions, progress, today, offset),
    mocks,
    next: suggest(totals, tags, leeches, mocks, filterTags, now),
  };
}

function tagRows(questions: readonly Question[], progress: Progress, now: Date, filterTags: readonly string[]): TagRow[] {
  const wanted = new Set(filterTags.map((t) => t.toLowerCase()));
  return tagMastery(questions, progress, now)
    .filter((t) => wanted.size === 0 || wanted.has(t.tag.toLowerCase()))
    .map((t) => ({ tag: t.tag, questions: t.count, seen: t.seen, due: t.due, mastery: round(t.mastery) }));
}

function buildActivity(perDay: ReadonlyMap<number, number>, from: number, today: number): Activity {
  let max = 0;
  for (let d = from; d <= today; d++) max = Math.max(max, perDay.get(d) ?? 0);
  const days: ActivityDay[] = [];
  for (let d = from; d <= today; d++) {
    const n = perDay.get(d) ?? 0;
    // Quarters of the busiest day, as code-hosting heatmaps do: relative, so that a
    // steady 10 a day reads as steady and not as pale.
    const level = (n === 0 ? 0 : Math.min(4, Math.ceil((n / max) * 4))) as ActivityDay['level'];
    days.push({ date: dayString(d), reviews: n, level });
  }
  return { from: dayString(from), to: dayString(today), days, max };
}

function forecast(questions: readonly Question[], progress: Progress, today: number, offset: Offset): Forecast {
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  let overdue = 0;
  for (const q of questions) {
    const card = progress.cards[q.id];
    if (!card) continue;
    const day = dayNumber(Date.parse(card.due), offset);
    if (day < today) overdue++;
    const i = Math.max(0, day - today);
    if (i < FORECAST_DAYS) counts[i]!++;
  }
  return { overdue, days: counts.map((reviews, i) => ({ date: dayString(today + i), reviews })) };
}

function buildMocks(sessions: readonly Session[], since: number | undefined, offset: Offset): Mocks {
  const rounds: MockRound[] = sessions
    .filter((s) => s.kind === 'mock')
    .map((s) => {
      const m: MockRound = {
        id: s.id,
        started_at: s.started_at,
        date: dayString(dayNumber(Date.parse(s.started_at), offset)),
        status: s.status,
        score: s.status === 'finished' && typeof s.score === 'number' ? round(s.score, 1) : null,
        questions: s.questions.length,
        answered: s.answered,
      };
      if (s.plan !== undefined) m.plan = s.plan;
      if (s.minutes !== undefined) m.minutes = s.minutes;
      return m;
    })
    .filter((m) => since === undefined || m.date >= dayString(since))
    .sort((a, b) => a.started_at.localeCompare(b.started_at));
  const scored = rounds.filter((r) => r.score !== null);
  const best = scored.reduce<MockRound | null>((b, r) => (b === null || r.score! > b.score! ? r : b), null);
  const latest = scored.at(-1) ?? null;
  const prev = scored.at(-2);
  return { rounds, best, latest, change: latest && prev ? round(latest.score! - prev.score!, 1) : null };
}

function round(x: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}
