import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBanks } from '../../src/bank/load.js';
import { dayString, parseDay, UTC } from '../../src/engine/days.js';
import { BadGoal, dayStart, goalCalendar, goalScope, parseGoalDate } from '../../src/engine/goal.js';
import { goalStatus } from '../../src/engine/goal-status.js';
import { mockAdvice } from '../../src/engine/mock-advice.js';
import { asksWithin, dailyPace, LOAD_CAP, pace } from '../../src/engine/pacing.js';
import { pickSession } from '../../src/engine/pick.js';
import { readiness } from '../../src/engine/readiness.js';
import { applyReview } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { retrievability } from '../../src/engine/schedule.js';
import { emptyProgress, type Goal, type Progress, type Session } from '../../src/progress/schema.js';
import { days, NOW, q } from './fixtures.js';

const TODAY = parseDay('2026-11-21');
const review = (p: Progress, id: string, rating: 1 | 2 | 3 | 4, at = NOW, durationMs = 60_000) =>
  applyReview(p, { question: id, rating, now: at, covered: [], total: 2, durationMs, budgetMs: 180_000, session: 's' });
const goalIn = (n: number, over: Partial<Goal> = {}): Goal => ({ date: dayString(TODAY + n), tags: [], minutes: 600, set_at: NOW.toISOString(), ...over });
/** 52 medium questions (180 s each) in four tags. */
const bank = ['a', 'b', 'c', 'd'].flatMap((t) => Array.from({ length: 13 }, (_, i) => q(`${t}${i}`, { tags: [t] })));

describe('the goal date', () => {
  it.each([
    ['2026-12-20', TODAY + 29],
    ['2026-11-21', TODAY],
    [' 2027-01-05 ', TODAY + 45],
  ])('%j is the day %i', (s, day) => expect(parseGoalDate(s, TODAY)).toBe(day));

  it.each([
    ['2026-11-20', /2026-11-20 is in the past \(today is 2026-11-21\)/],
    ['2026-02-30', /not a date; give the interview day as YYYY-MM-DD/],
    ['20/12/2026', /not a date/],
    ['next friday', /not a date/],
    ['', /not a date/],
  ])('%j is refused: %s', (s, message) => {
    expect(() => parseGoalDate(s, TODAY)).toThrow(BadGoal);
    expect(() => parseGoalDate(s, TODAY)).toThrow(message);
  });

  it('the scope is any of the goal tags, or every question', () => {
    expect(goalScope(bank, { tags: [] })).toHaveLength(52);
    expect(goalScope(bank, { tags: ['a', 'c'] }).map((x) => x.tags[0])).toEqual([...Array(13).fill('a'), ...Array(13).fill('c')]);
  });
});

describe('the calendar of a plan', () => {
  it.each([
    // days ahead when set, reserve (review-only days), last day that introduces, intro days left today
    [29, 3, TODAY + 25, 26],
    [8, 2, TODAY + 5, 6],
    [2, 0, TODAY + 1, 2],
    [0, 0, TODAY - 1, 1],
  ])('a goal %i days ahead keeps %i review days: new questions until day %i, %i days of them', (ahead, reserve, deadline, introDays) => {
    const cal = goalCalendar(goalIn(ahead), NOW, UTC);
    expect(cal).toMatchObject({ today: TODAY, daysLeft: ahead, reserve, deadline, introDaysLeft: introDays });
  });

  it('the deadline is fixed when the goal is set: it does not creep as the day comes nearer', () => {
    const goal = goalIn(12);
    expect(goalCalendar(goal, days(10), UTC).deadline).toBe(goalCalendar(goal, NOW, UTC).deadline);
    expect(goalCalendar(goal, days(10), UTC)).toMatchObject({ daysLeft: 2, introDaysLeft: 1 });
  });
});

describe('readiness', () => {
  it('is the predicted recall on the morning of the day, never-seen questions counting 0, per tag and overall', () => {
    let p = review(emptyProgress(), 'a0', 3);
    p = review(p, 'b0', 1);
    const scope = [bank[0]!, bank[1]!, bank[13]!];
    const at = dayStart(TODAY + 10, UTC);
    const r = readiness(scope, p, at);
    const ra = retrievability(p.cards.a0, at);
    const rb = retrievability(p.cards.b0, at);
    expect(ra).toBeGreaterThan(rb);
    expect(r).toMatchObject({ at: '2026-12-01T00:00:00.000Z', questions: 3, introduced: 2 });
    expect(r.overall).toBeCloseTo((ra + rb) / 3, 12);
    expect(r.tags).toEqual(
      [
        { tag: 'a', questions: 2, introduced: 1, readiness: ra / 2 },
        { tag: 'b', questions: 1, introduced: 1, readiness: rb },
      ].sort((x, y) => x.readiness - y.readiness),
    );
  });

  it('an empty scope is 0, not NaN', () => expect(readiness([], emptyProgress(), NOW).overall).toBe(0));
});

describe('daily pacing', () => {
  it.each([
    // what, goal, progress, today's reviews, new, why
    ['a fresh start introduces the scope evenly by the deadline', goalIn(29), emptyProgress(), 0, 2],
    ['the minutes cap the day: 6 minutes hold two 3-minute questions', goalIn(29, { minutes: 6 }), emptyProgress(), 0, 2],
    ['3 minutes hold one', goalIn(29, { minutes: 3 }), emptyProgress(), 0, 1],
    ['a late start spreads the rest over the days to the deadline', goalIn(3), emptyProgress(), 0, 18],
    ['the interview day asks nothing new', goalIn(0), emptyProgress(), 0, 0],
  ])('%s', (_what, goal, progress, reviews, fresh) => {
    const p = dailyPace(bank, progress, goal, NOW, UTC);
    expect(p.today).toMatchObject({ reviews, fresh, total: reviews + fresh });
    expect(p.today.total).toBeLessThanOrEqual(Math.min(p.capByMinutes, p.capByLoad));
  });

  it('a backlog after a break is spread: at most 1.5x the average work of the days left', () => {
    let p = emptyProgress();
    for (const x of bank) p = review(p, x.id, 3, days(-60));
    const pace10 = dailyPace(bank, p, goalIn(10), NOW, UTC);
    expect(pace10.dueNow).toBe(52);
    expect(pace10.today.reviews).toBe(pace10.capByLoad);
    expect(pace10.capByLoad).toBeLessThan(52);
    expect(pace10.capByLoad).toBe(Math.ceil((LOAD_CAP * (52 * asksWithin(0, p.cards.a0!.scheduled_days * 2.5, 10))) / 10));
  });

  it("the person's own pace scales the time per question once they have answered ten with a budget", () => {
    let p = emptyProgress();
    expect(pace(p)).toBe(1);
    for (let i = 0; i < 9; i++) p = review(p, `a${i}`, 3, NOW, 45_000);
    expect(pace(p)).toBe(1);
    p = review(p, 'a9', 3, NOW, 45_000);
    expect(pace(p)).toBe(0.25);
    const slow = dailyPace(bank, emptyProgress(), goalIn(29, { minutes: 30 }), NOW, UTC);
    const fast = dailyPace(bank, p, goalIn(29, { minutes: 30 }), NOW, UTC);
    expect(slow.capByMinutes).toBe(10);
    expect(fast.capByMinutes).toBe(40);
  });

  it('asksWithin counts asks at growing intervals inside the horizon', () => {
    expect(asksWithin(0, 1, 10)).toBe(4); // days 0, 1, 3.5, 9.75
    expect(asksWithin(12, 1, 10)).toBe(0);
    expect(asksWithin(-3, 2, 4)).toBe(2); // overdue: now, then in 2 days
  });
});

describe('on track or behind', () => {
  it('on track on the day the goal is set, with time enough', () => {
    expect(goalStatus(bank, emptyProgress(), goalIn(29), NOW, UTC)).toMatchObject({ status: 'on track', behind: [], days_left: 29 });
  });

  it('behind when fewer questions were introduced than the steady plan expects by today', () => {
    const s = goalStatus(bank, emptyProgress(), goalIn(29), days(13), UTC);
    // 13 of the 26 introduction days are over: half of 52.
    expect(s.plan.expected_introduced).toBe(26);
    expect(s.status).toBe('behind');
    expect(s.behind).toEqual(['26 new questions behind the plan']);
  });

  it('questions introduced before the goal was set count from the start of the line', () => {
    let p = emptyProgress();
    for (const x of bank.slice(0, 26)) p = review(p, x.id, 3, days(-5));
    expect(goalStatus(bank, p, goalIn(29), days(13), UTC).plan.expected_introduced).toBe(39);
  });

  it('behind when the plan needs more minutes a day than the goal has', () => {
    const s = goalStatus(bank, emptyProgress(), goalIn(10, { minutes: 5 }), NOW, UTC);
    expect(s.status).toBe('behind');
    expect(s.behind[0]).toMatch(/^the plan needs about \d+ min a day and you have 5$/);
  });

  it('over once the day has passed', () => {
    expect(goalStatus(bank, emptyProgress(), goalIn(2), days(3), UTC)).toMatchObject({ status: 'over', days_left: -1, behind: [] });
  });
});

describe('mock rounds toward the day', () => {
  const mock = (at: Date, score: number): Session => ({
    id: `mock-${at.toISOString()}`,
    kind: 'mock',
    started_at: at.toISOString(),
    ended_at: at.toISOString(),
    status: 'finished',
    questions: [],
    answered: 6,
    score,
  });

  it('one a week, then daily on the last three days; none taken yet: today', () => {
    const a = mockAdvice([], goalCalendar(goalIn(20), NOW, UTC), UTC);
    expect(a.next).toBe('2026-11-21');
    expect(a.days).toEqual(['2026-11-21', '2026-11-28', '2026-12-05', '2026-12-08', '2026-12-09', '2026-12-10']);
    expect(a.rule).toBe('one a week until 2026-12-07, then daily on the last 3 days (2026-12-08 to 2026-12-10)');
  });

  it('a round two days ago: the next is a week after it; rounds are listed with the days they were left', () => {
    const goal = goalIn(20, { set_at: days(-5).toISOString() });
    const a = mockAdvice([mock(days(-2), 64)], goalCalendar(goal, NOW, UTC), UTC);
    expect(a.next).toBe('2026-11-26');
    expect(a.rounds).toEqual([{ date: '2026-11-19', days_left: 22, score: 64 }]);
  });

  it('in the last days: one a day, and not twice on a day already taken', () => {
    const goal = goalIn(2, { set_at: days(-20).toISOString() });
    const a = mockAdvice([mock(NOW, 70)], goalCalendar(goal, NOW, UTC), UTC);
    expect(a.rule).toMatch(/^one a day now/);
    expect(a.days).toEqual(['2026-11-22']);
  });
});

describe('a simulated month toward a goal', () => {
  it('a seeded learner failing 40% gets every question introduced before the day, and no day over the caps', async () => {
    const all = (await loadBanks([resolve(import.meta.dirname, '../../questions')], process.cwd())).questions;
    const goal = goalIn(30, { tags: ['statistics', 'probability', 'linear-models'], minutes: 45 });
    const scope = goalScope(all, goal);
    expect(scope.length).toBeGreaterThan(80);
    const learner = createRng('learner');
    let p = emptyProgress();
    const loads: number[] = [];
    let introducedBy: number | undefined;
    for (let d = 0; d < 30; d++) {
      const now = days(d);
      const plan = dailyPace(scope, p, goal, now, UTC);
      const picks = pickSession(scope, p, { count: plan.today.total, maxNew: plan.today.fresh, maxDue: plan.today.reviews, now, rng: createRng(d), all });
      // The session is exactly the day's share, and the share is within both caps.
      expect(picks.filter((x) => x.kind === 'due')).toHaveLength(plan.today.reviews);
      expect(picks.filter((x) => x.kind === 'new')).toHaveLength(plan.today.fresh);
      expect(plan.today.total).toBeLessThanOrEqual(Math.min(plan.capByMinutes, plan.capByLoad));
      for (const x of picks) p = review(p, x.question.id, learner() < 0.4 ? 1 : 3, now, 60_000 + learner() * 120_000);
      loads.push(picks.length);
      if (introducedBy === undefined && scope.every((x) => p.cards[x.id])) introducedBy = TODAY + d;
    }
    const cal = goalCalendar(goal, NOW, UTC);
    expect(introducedBy).toBeDefined();
    expect(introducedBy!).toBeLessThanOrEqual(cal.deadline);
    // As lived, not as forecast: no day asked more than 1.5x the average of the days left.
    loads.forEach((load, d) => {
      const rest = loads.slice(d);
      expect(load).toBeLessThanOrEqual(LOAD_CAP * (rest.reduce((a, b) => a + b, 0) / rest.length));
    });
    const end = goalStatus(all, p, goal, days(30), UTC);
    expect(end.status).toBe('on track');
    expect(end.readiness.overall).toBeGreaterThan(0.8);
  });
});
