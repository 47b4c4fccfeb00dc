import { describe, expect, it } from 'vitest';
import { UTC } from '../../src/engine/days.js';
import type { GoalStatus } from '../../src/engine/goal-status.js';
import { pickSession } from '../../src/engine/pick.js';
import { createRng } from '../../src/engine/rng.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { buildReport } from '../../src/report/build.js';
import { MAX_SUGGESTIONS, planTags, suggest, type NextInput, type PlanTags } from '../../src/report/next-steps.js';
import type { Leech, Mocks, Totals } from '../../src/report/types.js';
import { makeQuestion, review } from './fixtures.js';

const NOW = new Date('2026-11-21T09:00:00Z');
const TODAY = '2026-11-21';
const noMocks: Mocks = { rounds: [], best: null, latest: null, change: null };
const totals = (over: Partial<Totals> = {}): Totals => ({
  questions: 100,
  seen: 40,
  reviews: 200,
  days_practised: 10,
  streak: { current: 2, longest: 5, practised_today: true },
  retention: { rate: 0.8, reviews: 100, remembered: 80, from: '2026-10-23', to: '2026-11-21' },
  due_now: 0,
  due_today: 0,
  overdue: 0,
  first_review: '2026-10-01T10:00:00Z',
  last_review: '2026-11-21T08:00:00Z',
  window: { from: '2026-08-31', to: '2026-11-21', reviews: 200, days_practised: 10 },
  ...over,
});
const noTags: PlanTags = { untried: [], weak: null };
const leech = (id: string): Leech => ({ id, prompt: '?', tags: [], lapses: 5, recent_again: 1, reviews: 9, reason: '5 lapses' });
const mockOn = (date: string): Mocks => {
  const r = { id: 'm', started_at: `${date}T10:00:00Z`, date, status: 'finished', score: 70, questions: 6, answered: 6 };
  return { rounds: [r], best: r, latest: r, change: null };
};
/** A goal status with only what Next reads filled in as asked; the rest is plausible. */
const goal = (over: { days_left?: number; today?: number; mockNext?: string | null }): GoalStatus => {
  const total = over.today ?? 12;
  return {
    goal: { date: '2026-12-15', tags: ['cnn'], minutes: 30, set_at: '2026-11-01T09:00:00Z' },
    days_left: over.days_left ?? 24,
    scope: { questions: 40, tags: 1 },
    readiness: { at: '2026-12-15T00:00:00.000Z', questions: 40, introduced: 20, overall: 0.4, tags: [] },
    status: 'on track',
    behind: [],
    plan: {
      intro_deadline: '2026-12-11',
      introduced: 20,
      expected_introduced: 18,
      remaining: 20,
      new_per_day: 1,
      due_now: 8,
      today: { reviews: Math.max(0, total - 2), new: Math.min(2, total), total, minutes: 2 * total },
      minutes: 30,
      minutes_needed: 20,
      seconds_per_question: 120,
    },
    mocks: { rule: 'one a week until 2026-12-11, then daily on the last 3 days (2026-12-12 to 2026-12-14)', next: over.mockNext ?? null, days: [], rounds: [] },
  };
};
const input = (over: Partial<NextInput>): NextInput => ({
  totals: totals(),
  leeches: [],
  mocks: mockOn('2026-11-19'),
  filterTags: [],
  goal: null,
  plan: noTags,
  now: NOW,
  today: TODAY,
  ...over,
});
const commands = (n: Partial<NextInput>) => suggest(input(n)).map((s) => s.command);

describe('suggest: what the plan needs first, each with its command', () => {
  it("starts a first session, inside the tag filter if there is one, or today's share with a goal", () => {
    const first = { totals: totals({ seen: 0, reviews: 0 }) };
    expect(commands(first)).toEqual(['mlquiz run']);
    expect(commands({ ...first, filterTags: ['cnn', 'rnn'] })).toEqual(['mlquiz run --tag cnn --tag rnn']);
    expect(suggest(input({ ...first, goal: goal({ today: 3 }) }))[0]!.reason).toBe("today's share of your plan: 3 questions, about 6 min: 1 review, 2 new");
  });

  it.each([
    ['due reviews, no goal', { totals: totals({ due_now: 7 }) }, ['mlquiz run'], '7 reviews due now: they come first'],
    [
      "today's share with a goal, instead of a second bare run",
      { totals: totals({ due_now: 7 }), goal: goal({}) },
      ['mlquiz run'],
      "today's share of your plan: 12 questions, about 24 min: 10 reviews, 2 new",
    ],
    ['a goal with nothing to do today', { goal: goal({ today: 0 }) }, [], ''],
    [
      'with a filter the due reviews are a session of its own, beside the plan',
      { totals: totals({ due_now: 2 }), goal: goal({}), filterTags: ['rnn'] },
      ['mlquiz run', 'mlquiz run --tag rnn'],
      "today's share of your plan: 12 questions, about 24 min: 10 reviews, 2 new",
    ],
    [
      'a mock round due today by the goal',
      { goal: goal({ today: 0, mockNext: TODAY }) },
      ['mlquiz mock'],
      'a mock round is due today by your plan: one a week until 2026-12-11, then daily on the last 3 days (2026-12-12 to 2026-12-14)',
    ],
    [
      'no mock when the goal has the next round later, even after a week without one',
      { goal: goal({ today: 0, mockNext: '2026-11-25' }), mocks: noMocks },
      [],
      '',
    ],
    ['without a goal, a mock after a week without one', { mocks: mockOn('2026-11-01') }, ['mlquiz mock'], 'no mock round for a week: time yourself again'],
    ['without a goal, no mock before 20 questions are seen', { totals: totals({ seen: 5 }), mocks: noMocks }, [], ''],
    [
      'after the interview day the goal no longer paces run',
      { totals: totals({ due_now: 1 }), goal: goal({ days_left: -2 }) },
      ['mlquiz run'],
      '1 review due now: they come first',
    ],
  ] as [string, Partial<NextInput>, string[], string][])('%s', (_, over, want, reason) => {
    const s = suggest(input(over));
    expect(s.map((x) => x.command)).toEqual(want);
    if (reason) expect(s[0]!.reason).toBe(reason);
  });

  it('names the untried tags, the largest few in the command, "of your goal" with one', () => {
    const untried = ['a', 'b', 'c', 'd', 'e'].map((tag, i) => ({ tag, questions: 10 - i }));
    const s = suggest(input({ plan: { untried, weak: null } }));
    expect(s).toEqual([{ command: 'mlquiz run --tag a --tag b --tag c', reason: '5 tags never tried; the 3 largest: a, b, c; one session opens each' }]);
    const two = suggest(input({ plan: { untried: untried.slice(0, 2), weak: null }, goal: goal({ today: 0 }) }));
    expect(two).toEqual([{ command: 'mlquiz run --tag a --tag b', reason: '2 tags of your goal never tried: a, b; one session opens each' }]);
  });

  it('orders today, mock, untried, leeches, weak tag, and keeps at most four', () => {
    const all = input({
      totals: totals({ due_now: 3 }),
      goal: goal({ mockNext: TODAY }),
      plan: { untried: [{ tag: 'u', questions: 4 }], weak: { tag: 'w', missed: 3, answers: 4, weakness: 4 / 6 } },
      leeches: [leech('l1')],
    });
    expect(suggest(all).map((s) => s.command)).toEqual(['mlquiz run', 'mlquiz mock', 'mlquiz run --tag u', 'mlquiz run --id l1']);
    expect(MAX_SUGGESTIONS).toBe(4);
    // With nothing due today the weak tag gets the fourth place.
    expect(suggest({ ...all, goal: goal({ today: 0, mockNext: TODAY }) }).map((s) => s.command)).toEqual([
      'mlquiz mock',
      'mlquiz run --tag u',
      'mlquiz run --id l1',
      'mlquiz run --tag w',
    ]);
    expect(suggest({ ...all, leeches: [leech('a'), leech('b'), leech('c'), leech('d')], goal: null, plan: noTags })[1]).toEqual({
      command: 'mlquiz run --id a --id b --id c',
      reason: 'the 3 worst of 4 leeches: failed again and again; read the answer closely, then retry',
    });
  });
});

describe("planTags and the report: the picker's definitions of untried and weak", () => {
  // rnn: 2 of 3 recent answers missed; cnn: none of 2; svm: never tried.
  const QS = [
    ...['r1', 'r2', 'r3', 'r4'].map((id) => makeQuestion(id, ['rnn'])),
    ...['c1', 'c2', 'c3'].map((id) => makeQuestion(id, ['cnn'])),
    ...['s1', 's2'].map((id) => makeQuestion(id, ['svm'])),
  ];
  let p: Progress = emptyProgress();
  p = review(p, 'r1', '2026-11-19T10:00:00Z', 1);
  p = review(p, 'r2', '2026-11-19T10:05:00Z', 2);
  p = review(p, 'r3', '2026-11-19T10:10:00Z', 3);
  p = review(p, 'c1', '2026-11-19T10:15:00Z', 3);
  p = review(p, 'c2', '2026-11-19T10:20:00Z', 4);
  // An old miss outside the 30 days counts for nothing.
  p = review(p, 'c3', '2026-09-01T10:00:00Z', 1);

  it("untried tags are the picker's, over all banks without a goal and over its scope with one", () => {
    expect(planTags(QS, QS, p, null, NOW).untried).toEqual([{ tag: 'svm', questions: 2 }]);
    const d = buildReport(
      QS,
      { ...p, goal: { date: '2026-12-20', tags: ['rnn', 'cnn'], minutes: 30, set_at: '2026-11-10T09:00:00Z' } },
      { now: NOW, offset: UTC },
    );
    expect(d.next.some((s) => s.command.includes('--tag svm'))).toBe(false);
    expect(buildReport(QS, p, { now: NOW, offset: UTC }).next).toContainEqual({
      command: 'mlquiz run --tag svm',
      reason: '1 tag never tried: svm; one session opens each',
    });
  });

  it('the weak tag is tag-weakness over the last 30 days, in the words of the picker', () => {
    const weak = planTags(QS, QS, p, null, NOW).weak;
    expect(weak).toEqual({ tag: 'rnn', missed: 2, answers: 3, weakness: 0.6 });
    // The picker, asked for new questions of tried tags only, gives rnn's new one this reason.
    const tried = QS.filter((q) => !q.tags.includes('svm'));
    const pick = pickSession(tried, p, { count: 1, maxNew: 1, maxDue: 0, now: NOW, rng: createRng('x'), all: QS }).find((x) => x.reason.startsWith('weak tag'));
    expect(pick?.reason).toBe('weak tag: rnn (2 of 3 missed)');
    const next = buildReport(QS, p, { now: NOW, offset: UTC }).next.find((s) => s.command === 'mlquiz run --tag rnn');
    expect(next?.reason.startsWith(`${pick!.reason}, `)).toBe(true);
    expect(next?.reason).toBe('weak tag: rnn (2 of 3 missed), the weakest in the last 30 days');
  });

  it('names no weak tag where the picker would not: none above the prior', () => {
    let ok = emptyProgress();
    ok = review(ok, 'r1', '2026-11-19T10:00:00Z', 1);
    ok = review(ok, 'r2', '2026-11-19T10:05:00Z', 3);
    // 1 of 2 missed: (1 + 1) / (2 + 2) = 0.5, the prior itself.
    expect(planTags(QS, QS, ok, null, NOW).weak).toBeNull();
  });
});
