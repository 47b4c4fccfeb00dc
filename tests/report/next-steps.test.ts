import { describe, expect, it } from 'vitest';
import { suggest } from '../../src/report/next-steps.js';
import type { Leech, Mocks, TagRow, Totals } from '../../src/report/types.js';

const NOW = new Date('2026-11-21T09:00:00Z');
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
const tags: TagRow[] = [
  { tag: 'cnn', questions: 30, seen: 20, due: 0, mastery: 0.55 },
  { tag: 'rnn', questions: 20, seen: 2, due: 0, mastery: 0.08 },
  { tag: 'done', questions: 10, seen: 10, due: 0, mastery: 0.95 },
];
const leech = (id: string): Leech => ({ id, prompt: '?', tags: [], lapses: 5, recent_again: 1, reviews: 9, reason: '5 lapses' });
const mockOn = (date: string): Mocks => {
  const r = { id: 'm', started_at: `${date}T10:00:00Z`, date, status: 'finished', score: 70, questions: 6, answered: 6 };
  return { rounds: [r], best: r, latest: r, change: null };
};

describe('suggest', () => {
  it('starts a first session, inside the tag filter if there is one', () => {
    expect(suggest(totals({ seen: 0, reviews: 0 }), tags, [], noMocks, [], NOW).map((s) => s.command)).toEqual(['mlquiz run']);
    expect(suggest(totals({ seen: 0, reviews: 0 }), tags, [], noMocks, ['cnn', 'rnn'], NOW).map((s) => s.command)).toEqual(['mlquiz run --tag cnn --tag rnn']);
  });

  it('puts leeches first, then due reviews, at most two commands', () => {
    const s = suggest(totals({ due_now: 7 }), tags, [leech('a'), leech('b'), leech('c'), leech('d')], noMocks, [], NOW);
    expect(s.map((x) => x.command)).toEqual(['mlquiz run --id a --id b --id c', 'mlquiz run']);
    expect(s[0]?.reason).toMatch(/^the 3 worst of 4 leeches:/);
    expect(s[1]?.reason).toBe('7 reviews due now: they come first');
  });

  it('otherwise the weakest tag, then a mock round when none was done this week', () => {
    const s = suggest(totals(), tags, [], noMocks, [], NOW);
    expect(s.map((x) => x.command)).toEqual(['mlquiz run --tag rnn', 'mlquiz mock']);
    expect(s[0]?.reason).toBe('weakest tag: rnn at 8% mastery, 18 of 20 unseen');
    expect(suggest(totals(), tags, [], mockOn('2026-11-18'), [], NOW).map((x) => x.command)).toEqual(['mlquiz run --tag rnn']);
    expect(suggest(totals(), tags, [], mockOn('2026-11-01'), [], NOW)[1]?.reason).toMatch(/no mock round for a week/);
  });

  it('does not suggest a mock before enough of the bank is seen', () => {
    expect(suggest(totals({ seen: 5 }), tags, [], noMocks, [], NOW).map((x) => x.command)).toEqual(['mlquiz run --tag rnn']);
  });
});
