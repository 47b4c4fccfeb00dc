import { describe, expect, it } from 'vitest';
import { dayString, parseDay, UTC } from '../../src/engine/days.js';
import { applyReview } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { DEFAULT_COUNT, planSession, type SessionRequest } from '../../src/engine/today.js';
import { emptyProgress, type Goal, type Progress } from '../../src/progress/schema.js';
import { days, NOW, q } from './fixtures.js';

const bank = ['a', 'b', 'c', 'd'].flatMap((t) => Array.from({ length: 13 }, (_, i) => q(`${t}${i}`, { tags: [t] })));
const goal = (n: number, over: Partial<Goal> = {}): Goal => ({
  date: dayString(parseDay('2026-11-21') + n),
  tags: ['a', 'b'],
  minutes: 600,
  set_at: NOW.toISOString(),
  ...over,
});
const request = (progress: Progress, over: Partial<SessionRequest> = {}): SessionRequest => ({
  all: bank,
  pool: bank,
  progress,
  now: NOW,
  offset: UTC,
  rng: createRng('t'),
  chosen: false,
  ...over,
});

describe('the session mlquiz run asks', () => {
  let reviewed = emptyProgress();
  for (const x of bank.slice(0, 6))
    reviewed = applyReview(reviewed, { question: x.id, rating: 3, now: days(-40), covered: [], total: 2, durationMs: 1, session: 's' });
  const withGoal = (n: number, over: Partial<Goal> = {}) => ({ ...reviewed, goal: goal(n, over) });

  it.each([
    // what, request, paced?, due, new
    ['no goal: 10 from the pool, two due to one new', request(reviewed), false, 6, 4],
    ['a goal paces the day over its scope, spreading the 6 due: 1.5x the average of the days left is 5', request(withGoal(25)), true, 4, 1],
    ['-n turns pacing off', request(withGoal(25), { count: 3 }), false, 2, 1],
    ['filters or --id turn pacing off', request(withGoal(25), { chosen: true }), false, 6, 4],
    ['--new lowers the plan', request(withGoal(3), { maxNew: 2 }), true, 6, 2],
    ['--reviews-only keeps the due', request(withGoal(3), { maxNew: 0 }), true, 6, 0],
    ['a goal whose day has passed paces nothing', request(withGoal(-1)), false, 6, 4],
  ])('%s', (_what, r, paced, due, fresh) => {
    const plan = planSession(r);
    expect(!!plan.paced).toBe(paced);
    expect(plan.picks.filter((p) => p.kind === 'due')).toHaveLength(due);
    expect(plan.picks.filter((p) => p.kind === 'new')).toHaveLength(fresh);
    if (plan.paced) expect(plan.paced).toMatchObject({ reviews: due, fresh });
    if (paced) expect(plan.picks.every((p) => ['a', 'b'].includes(p.question.tags[0]!))).toBe(true);
  });

  it('defaults to 10 questions', () => {
    expect(planSession(request(emptyProgress())).picks).toHaveLength(DEFAULT_COUNT);
  });
});
