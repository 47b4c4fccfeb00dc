import { describe, expect, it } from 'vitest';
import { dayNumber, dayString, DEFAULT_DAY_START, personDay, UTC, type Offset } from '../../src/engine/days.js';
import { dayStart } from '../../src/engine/goal.js';
import { applyReview } from '../../src/engine/review.js';
import { DEFAULT_SCHEDULING, elapsedDays, nextCard, type Scheduling } from '../../src/engine/schedule.js';
import { predictedRecalls } from '../../src/engine/recall-trace.js';
import { emptyProgress, type Progress } from '../../src/progress/schema.js';
import { buildReport } from '../../src/report/build.js';
import { makeQuestion, review } from '../report/fixtures.js';

/** California in winter (UTC−8) and Tokyo (UTC+9): Date#getTimezoneOffset's minutes behind UTC. */
const LA: Offset = () => 480;
const TOKYO: Offset = () => -540;
const la = personDay(LA, DEFAULT_DAY_START);
const tokyo = personDay(TOKYO, DEFAULT_DAY_START);

/** An instant given as local wall-clock time in a zone of constant offset. */
const local = (wall: string, offset: Offset) => {
  const asUtc = Date.parse(`${wall}Z`);
  return asUtc + offset(asUtc) * 60_000;
};

describe('the person’s day: local calendar days starting at 4 a.m.', () => {
  it.each([
    // zone, first review (local), second review (local), person's days apart, UTC dates apart, offset
    ['UTC−8', '2026-11-20T17:00', '2026-11-21T09:00', 1, 0, LA],
    ['UTC−8', '2026-11-21T02:00', '2026-11-21T05:00', 1, 0, LA],
    ['UTC−8', '2026-11-20T23:00', '2026-11-21T01:00', 0, 0, LA],
    ['UTC−8', '2026-11-21T03:59', '2026-11-21T04:00', 1, 0, LA],
    ['UTC−8', '2026-11-20T15:00', '2026-11-20T17:00', 0, 1, LA],
    ['UTC+9', '2026-11-21T08:00', '2026-11-21T10:00', 0, 1, TOKYO],
    ['UTC+9', '2026-11-20T23:30', '2026-11-21T00:30', 0, 0, TOKYO],
    ['UTC+9', '2026-11-21T03:00', '2026-11-21T05:00', 1, 0, TOKYO],
    ['UTC+9', '2026-11-20T10:00', '2026-11-21T08:00', 1, 0, TOKYO],
  ] as const)('%s: %s then %s are %d days apart (UTC dates: %d)', (_z, a, b, personal, utc, offset) => {
    const days = personDay(offset, DEFAULT_DAY_START);
    const [t1, t2] = [local(a, offset), local(b, offset)];
    expect(elapsedDays(t1, t2, days)).toBe(personal);
    expect(elapsedDays(t1, t2, UTC)).toBe(utc);
    // FSRS counts the same days: the card after the second review says how many elapsed.
    const s: Scheduling = { ...DEFAULT_SCHEDULING, days };
    const card = nextCard(nextCard(undefined, new Date(t1), 3, s), new Date(t2), 3, s);
    expect(card.elapsed_days).toBe(personal);
    expect(nextCard(nextCard(undefined, new Date(t1), 3), new Date(t2), 3).elapsed_days).toBe(utc);
  });

  it('names the day of an instant, the night before 4 a.m. belonging to the evening', () => {
    expect(dayString(dayNumber(local('2026-11-21T03:59', LA), la))).toBe('2026-11-20');
    expect(dayString(dayNumber(local('2026-11-21T04:00', LA), la))).toBe('2026-11-21');
    expect(dayString(dayNumber(local('2026-11-21T00:30', TOKYO), tokyo))).toBe('2026-11-20');
    expect(dayString(dayNumber(local('2026-11-21T09:00', TOKYO), tokyo))).toBe('2026-11-21');
    // Midnight days when the day starts at 0.
    expect(dayString(dayNumber(local('2026-11-21T00:30', TOKYO), personDay(TOKYO, 0)))).toBe('2026-11-21');
  });

  it('a day begins at 4 a.m. local time (the goal’s readiness morning)', () => {
    const d = dayNumber(local('2026-12-01T12:00', LA), la);
    expect(new Date(dayStart(d, la).getTime()).toISOString()).toBe('2026-12-01T12:00:00.000Z');
    expect(new Date(dayStart(d, tokyo).getTime()).toISOString()).toBe('2026-11-30T19:00:00.000Z');
  });

  it('a due date keeps its distance from the review, and lands on the person’s day the interval names', () => {
    const s: Scheduling = { ...DEFAULT_SCHEDULING, days: la };
    const at = local('2026-11-21T02:30', LA);
    const card = nextCard(undefined, new Date(at), 3, s);
    expect(Date.parse(card.due) - at).toBe(card.scheduled_days * 86_400_000);
    expect(dayNumber(Date.parse(card.due), la) - dayNumber(at, la)).toBe(card.scheduled_days);
    expect(card.last_review).toBe(new Date(at).toISOString());
  });

  it('applyReview and the recall predictions step memory on the same days as nextCard', () => {
    let p: Progress = emptyProgress();
    const walls = ['2026-11-01T17:00', '2026-11-02T09:00', '2026-11-02T23:30', '2026-11-05T03:00', '2026-11-05T05:00', '2026-11-20T20:00'];
    let card;
    const s: Scheduling = { ...DEFAULT_SCHEDULING, days: la };
    for (const w of walls) {
      const now = new Date(local(w, LA));
      p = applyReview(p, { question: 'q', rating: 3, now, covered: [], total: 1, durationMs: 1, session: 's', days: la });
      card = nextCard(card, now, 3, s);
    }
    expect(p.cards.q).toEqual(card);
    // With UTC days the same history gives another card: the definition matters.
    const utc = walls.reduce<ReturnType<typeof nextCard> | undefined>((c, w) => nextCard(c, new Date(local(w, LA)), 3), undefined);
    expect(utc!.stability).not.toBeCloseTo(card!.stability, 6);
    // The predictions read the memory each review left, on the same days.
    const predicted = predictedRecalls(p.reviews, s);
    expect(predicted).toHaveLength(walls.length - 1);
    expect(predicted.map((x) => x.predicted)).not.toEqual(predictedRecalls(p.reviews).map((x) => x.predicted));
  });

  it('the report counts streaks, the heatmap and today in the person’s days', () => {
    const qs = [makeQuestion('a', ['x'])];
    let p = emptyProgress();
    // In California: Thursday 22:00, then Saturday 01:30 (still Friday's night), then Saturday 10:00.
    p = review(p, 'a', new Date(local('2026-11-19T22:00', LA)).toISOString(), 3);
    p = review(p, 'a', new Date(local('2026-11-21T01:30', LA)).toISOString(), 3);
    p = review(p, 'a', new Date(local('2026-11-21T10:00', LA)).toISOString(), 3);
    const now = new Date(local('2026-11-21T12:00', LA));
    const r = buildReport(qs, p, { now, offset: LA, dayStart: DEFAULT_DAY_START });
    expect(r.today).toBe('2026-11-21');
    expect(r.totals.streak).toEqual({ current: 3, longest: 3, practised_today: true });
    expect(r.totals.days_practised).toBe(3);
    const active = r.activity.days.filter((d) => d.reviews > 0).map((d) => d.date);
    expect(active).toEqual(['2026-11-19', '2026-11-20', '2026-11-21']);
    // The header's clock is the zone's own, not shifted by the day start.
    expect(r.generated_local).toBe('2026-11-21T12:00:00-08:00');
    // With midnight days, 01:30 is Saturday: two days in a row and a gap.
    const midnight = buildReport(qs, p, { now, offset: LA });
    expect(midnight.totals.streak).toEqual({ current: 1, longest: 1, practised_today: true });
  });
});
