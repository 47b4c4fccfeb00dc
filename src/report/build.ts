import { instantOf } from '../progress/time-order.js';
import { byText } from '../format/compare.js';
import { calibrationOf, type Calibration } from '../engine/calibration.js';
import { traceRecalls, type RecallTrace } from '../engine/recall-trace.js';
import { goalStatus, type GoalStatus } from '../engine/goal-status.js';
import { mockHistory } from '../engine/mock-history.js';
import type { Question } from '../bank/types.js';
import type { Progress, Session } from '../progress/schema.js';
import { dayNumber, dayString, hourlyOffset, parseSince, personDay, streaks, weekday, type Offset } from '../engine/days.js';
import { isDue, schedulingOf } from '../engine/schedule.js';
import { tagMastery } from './mastery.js';
import { round } from './recall.js';
import { planTags, suggest } from './next-steps.js';
import { findLeeches, findWeakest, histories } from './weak-questions.js';
import type { Activity, ActivityDay, Forecast, MockRound, Mocks, ReportData, TagRow } from './types.js';

export interface ReportOptions {
  now: Date;
  /** The local time zone; see days.ts. */
  offset: Offset;
  /** The hour the person's day starts (days.ts personDay); midnight when unset. */
  dayStart?: number;
  /** The --tag filter: the questions were already narrowed to it; this narrows rows and reviews. */
  tags?: string[];
  /**
   * Every loaded question, whatever the filter: the goal's scope, tag weakness and which
   * tags were tried are taken from them, as `mlquiz goal` and the picker do. Defaults to `questions`.
   */
  all?: readonly Question[];
  /** `30d`, `12w` or `2026-10-01`: the activity window (default: the last 12 weeks). */
  since?: string;
  /**
   * A recall trace the caller kept from an earlier run (recall-cache.ts): carried on where
   * it fits the reviews and the scheduling, made afresh where it does not.
   */
  trace?: RecallTrace;
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
  // Days are the person's (see personDay); the clock shown in the header is the zone's own.
  const offset = hourlyOffset(personDay(o.offset, o.dayStart ?? 0));
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
  // Counted a run of one day at a time: the log is in time order, so a day's reviews come together.
  let runDay = NaN;
  let run = 0;
  for (const r of progress.reviews) {
    if (!inScope(r.question)) continue;
    const ms = instantOf(r.at);
    const day = dayNumber(ms, offset);
    if (day !== runDay) {
      if (run) perDay.set(runDay, (perDay.get(runDay) ?? 0) + run);
      runDay = day;
      run = 0;
    }
    run++;
    reviews++;
    if (first === null || r.at < first) first = r.at;
    if (last === null || r.at > last) last = r.at;
    if (r.state !== 0 && day >= retentionFrom && day <= today) {
      retentionN++;
      if (r.rating >= 3) retained++;
    }
  }

  if (run) perDay.set(runDay, (perDay.get(runDay) ?? 0) + run);
  const activity = buildActivity(perDay, from, today);
  const days = new Set(perDay.keys());
  const { current, longest } = streaks(days, today);
  const hist = histories(progress.reviews, byId);
  const tags = tagRows(questions, progress, now, filterTags, new Map([...hist].map(([id, h]) => [id, h.last.rating])));
  const seen = questions.filter((q) => progress.cards[q.id]).length;
  const due = dueCounts(questions, progress, now, today, offset);

  const leeches = findLeeches(questions, progress, hist);
  const weakest = findWeakest(questions, progress, hist, new Set(leeches.map((l) => l.id)), now);
  const mocks = buildMocks(progress.sessions, since, offset);
  const all = o.all ?? questions;
  const goal = progress.goal ? reportGoal(goalStatus(all, progress, progress.goal, now, offset)) : null;

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
    due_now: due.now,
    due_today: due.forecast.days[0]!.reviews,
    overdue: due.forecast.overdue,
    first_review: first,
    last_review: last,
    window: {
      from: activity.from,
      to: activity.to,
      reviews: activity.days.reduce((a, d) => a + d.reviews, 0),
      days_practised: activity.days.filter((d) => d.reviews > 0).length,
    },
  };
  const scheduling = schedulingOf(progress, offset);
  const fitted = progress.fsrs?.fitted;
  return {
    generated_at: now.toISOString(),
    generated_local: localIso(now, o.offset),
    today: dayString(today),
    filter: { tags: filterTags },
    totals,
    tags,
    weakest,
    leeches,
    activity,
    due: due.forecast,
    mocks,
    goal,
    calibration: roundCalibration(calibrationOf(reportTrace(progress, o), now, RETENTION_DAYS, scheduling.retention)),
    scheduler: {
      parameters: fitted ? 'fitted' : 'default',
      fitted_at: fitted?.at ?? null,
      fitted_reviews: fitted?.reviews ?? null,
      retention: scheduling.retention,
      day_start: o.dayStart ?? 0,
    },
    next: suggest({ totals, leeches, mocks, filterTags, goal, plan: planTags(questions, all, progress, goal, now), now, today: dayString(today) }),
  };
}

/**
 * The recall trace of the whole log (in time order, as the progress holds it) under the
 * scheduling the report reads it with, carried on from `o.trace` where that fits.
 */
export function reportTrace(progress: Progress, o: Pick<ReportOptions, 'offset' | 'dayStart' | 'trace'>): RecallTrace {
  return traceRecalls(progress.reviews, schedulingOf(progress, hourlyOffset(personDay(o.offset, o.dayStart ?? 0))), o.trace);
}

/** Shares rounded once, here, as every other figure of the report. */
function roundCalibration(k: Calibration): Calibration {
  const r = (x: number | null) => (x === null ? null : round(x, 3));
  return {
    ...k,
    bins: k.bins.map((b) => ({ ...b, predicted: round(b.predicted, 3), actual: round(b.actual, 3) })),
    rmse_bins: r(k.rmse_bins),
    log_loss: r(k.log_loss),
    recent: { ...k.recent, retention: r(k.recent.retention) },
  };
}

/** The goal as `mlquiz goal --json` has it, its mock scores rounded as the report's own rounds are. */
function reportGoal(s: GoalStatus): GoalStatus {
  const rounds = s.mocks.rounds.map((r) => ({ ...r, score: r.score === null ? null : round(r.score, 1) }));
  return { ...s, mocks: { ...s.mocks, rounds } };
}

function tagRows(questions: readonly Question[], progress: Progress, now: Date, filterTags: readonly string[], last: ReadonlyMap<string, number>): TagRow[] {
  const wanted = new Set(filterTags.map((t) => t.toLowerCase()));
  return tagMastery(questions, progress, now, last)
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

/**
 * Every "due" figure from one pass, so that they nest and cannot disagree: overdue (due
 * before today began) ⊆ due now (due at this instant) ⊆ due today (due before the local
 * day ends), and due today is the forecast's first bar.
 */
function dueCounts(questions: readonly Question[], progress: Progress, now: Date, today: number, offset: Offset): { now: number; forecast: Forecast } {
  const counts = new Array<number>(FORECAST_DAYS).fill(0);
  let overdue = 0;
  let dueNow = 0;
  for (const q of questions) {
    const card = progress.cards[q.id];
    if (!card) continue;
    if (isDue(card, now)) dueNow++;
    const day = dayNumber(Date.parse(card.due), offset);
    if (day < today) overdue++;
    const i = Math.max(0, day - today);
    if (i < FORECAST_DAYS) counts[i]!++;
  }
  return { now: dueNow, forecast: { overdue, days: counts.map((reviews, i) => ({ date: dayString(today + i), reviews })) } };
}

/** `now` as ISO 8601 in the person's zone, to the second: `2026-11-21T10:00:00+01:00`. */
export function localIso(now: Date, offset: Offset): string {
  const ms = Math.floor(now.getTime() / 1000) * 1000;
  const behind = offset(ms);
  const local = new Date(ms - behind * 60_000).toISOString().slice(0, 19);
  const ahead = -behind;
  const sign = ahead < 0 ? '-' : '+';
  const abs = Math.abs(ahead);
  return `${local}${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
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
    .sort((a, b) => byText(a.started_at, b.started_at));
  // Best, latest and change by the one definition the scorecard uses too, over the window's rounds.
  const inWindow = new Set(rounds.map((r) => r.id));
  const h = mockHistory(sessions.filter((s) => inWindow.has(s.id)));
  const byId = (r: { id: string } | null) => (r ? rounds.find((m) => m.id === r.id)! : null);
  return { rounds, best: byId(h.best), latest: byId(h.latest), change: h.change === null ? null : round(h.change, 1) };
}
