import { describe, expect, it } from 'vitest';
import { relativeDay } from '../../src/session/practice.js';
import { applyReview } from '../../src/engine/review.js';
import { summariseSession } from '../../src/engine/session-summary.js';
import { emptyProgress } from '../../src/progress/schema.js';
import { UTC, type Offset } from '../../src/engine/days.js';
import { q } from './fixtures.js';

// Los Angeles in November: getTimezoneOffset() gives +480 (8 hours behind UTC).
const LA: Offset = () => 480;
// 18:00 on 21 November in Los Angeles is already 02:00 on the 22nd in UTC.
const EVENING = new Date('2026-11-22T02:00:00.000Z');

describe('end-of-session summary', () => {
  const qs = [q('a', { tags: ['cnn'] }), q('b', { tags: ['cnn', 'rnn'] }), q('c', { tags: ['rnn'] })];
  let p = emptyProgress();
  p = applyReview(p, { question: 'a', rating: 1, now: EVENING, covered: [], total: 2, durationMs: 30_000, session: 's' });
  p = applyReview(p, { question: 'b', rating: 3, now: EVENING, covered: [0, 1], total: 2, durationMs: 60_000, session: 's' });
  p = applyReview(p, { question: 'c', rating: 4, now: EVENING, covered: [0, 1], total: 2, durationMs: 10_000, session: 's' });

  it('counts ratings and time, and names the weakest tag by the one rule of tag-weakness', () => {
    const s = summariseSession(p.reviews, qs, p, EVENING, LA);
    expect(s).toMatchObject({
      answered: 3,
      ratings: { Again: 1, Hard: 0, Good: 1, Easy: 1 },
      duration_ms: 100_000,
      weakestTag: { tag: 'cnn', missed: 1, answers: 2 },
    });
  });

  it('regression: the tip does not repeat the command just run (a session of --tag cnn alone marks cnn as focused)', () => {
    expect(summariseSession(p.reviews, qs, p, EVENING, LA, ['cnn']).weakestTag).toMatchObject({ tag: 'cnn', focused: true });
    expect(summariseSession(p.reviews, qs, p, EVENING, LA, ['cnn', 'rnn']).weakestTag).toMatchObject({ tag: 'cnn', focused: false });
    expect(summariseSession(p.reviews, qs, p, EVENING, LA).weakestTag).toMatchObject({ tag: 'cnn', focused: false });
  });

  it('names no weakest tag when no answer was missed: every answer was Good or Easy', () => {
    const good = p.reviews.filter((r) => r.rating >= 3);
    expect(summariseSession(good, qs, p, EVENING, LA).weakestTag).toBeUndefined();
  });

  it("regression: next due dates were UTC dates, a day off from the report's local forecast in the evening west of UTC", () => {
    const dueDays = (offset: Offset) => summariseSession(p.reviews, qs, p, EVENING, offset).nextDue.map((d) => d.date);
    // Whole-day intervals from a review at 18:00 local on the 21st fall on local days counted from the 21st.
    const la = dueDays(LA);
    expect(la[0]).toBe(new Date(Date.parse('2026-11-21T00:00:00Z') + (Date.parse(p.cards.a!.due) - EVENING.getTime())).toISOString().slice(0, 10));
    expect(dueDays(UTC)[0]).toBe(p.cards.a!.due.slice(0, 10));
    expect(la[0]).not.toBe(dueDays(UTC)[0]);
  });

  it('says when a review falls due in local calendar days', () => {
    expect(relativeDay('2026-11-22T07:00:00.000Z', EVENING, LA)).toBe('today'); // 23:00 on the 21st in LA
    expect(relativeDay('2026-11-22T09:00:00.000Z', EVENING, LA)).toBe('tomorrow'); // 01:00 on the 22nd
    expect(relativeDay('2026-11-25T03:00:00.000Z', EVENING, LA)).toBe('in 3 days (2026-11-24)'); // 19:00 on the 24th
    expect(relativeDay('2026-11-25T03:00:00.000Z', EVENING, UTC)).toBe('in 3 days (2026-11-25)');
  });
});
