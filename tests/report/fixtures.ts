// Synthetic but realistic progress: every review goes through the real applyReview, so
// cards, lapses and due dates are what FSRS would have made of such a history.
import type { Question } from '../../src/bank/types.js';
import { budgetMs, type Rating } from '../../src/engine/rating.js';
import { applyReview } from '../../src/engine/review.js';
import { createRng } from '../../src/engine/rng.js';
import { retrievability } from '../../src/engine/schedule.js';
import { emptyProgress, PROGRESS_VERSION, type Progress, type Review, type Session, type StoredCard } from '../../src/progress/schema.js';

const DAY_MS = 86_400_000;

export function makeQuestion(id: string, tags: string[], over: Partial<Question> = {}): Question {
  return {
    id,
    deck: 'demo',
    prompt: `Prompt of ${id}?`,
    answer: 'An answer.',
    key_points: ['one', 'two', 'three'],
    tags,
    difficulty: 'medium',
    type: 'open',
    follow_ups: [],
    see_also: [],
    file: 'demo.yaml',
    line: 1,
    ...over,
  };
}

/** One graded answer, appended through applyReview. */
export function review(
  p: Progress,
  question: string,
  at: string,
  rating: Rating,
  extra: { durationMs?: number; budgetMs?: number; session?: string } = {},
): Progress {
  return applyReview(p, {
    question,
    rating,
    now: new Date(at),
    covered: rating >= 3 ? [0, 1, 2] : [0],
    total: 3,
    durationMs: extra.durationMs ?? 60_000,
    ...(extra.budgetMs !== undefined && { budgetMs: extra.budgetMs }),
    session: extra.session ?? `run-${at.slice(0, 10)}`,
  });
}

export function mockSession(id: string, startedAt: string, score: number | null, status: Session['status'] = 'finished'): Session {
  return {
    id,
    kind: 'mock',
    started_at: startedAt,
    ended_at: status === 'in-progress' ? null : startedAt,
    status,
    questions: ['a', 'b'],
    answered: 2,
    minutes: 30,
    results: [],
    score,
  };
}

export interface SimulationOptions {
  questions: readonly Pick<Question, 'id' | 'difficulty' | 'time_limit'>[];
  /** Reviews to make in all. */
  reviews: number;
  /** The last day of practice; the history runs back from it. */
  end: Date;
  /** Answers per practised day. */
  perDay: number;
  /** Chance of practising on a given day. */
  practise?: number;
  seed: string;
  /** A mock round every this many practised days (none if undefined). */
  mockEvery?: number;
}

/**
 * Simulates a person practising: each practised day they answer the due questions first,
 * then new ones, then reviews ahead; they recall a question with its FSRS retrievability
 * (new ones by a per-question "hardness"), answer slowly what they find hard, and rate
 * honestly. Deterministic for a seed.
 */
export function simulate(o: SimulationOptions): Progress {
  const rng = createRng(o.seed);
  const practise = o.practise ?? 0.85;
  // Most questions are easy for someone preparing; a few are very hard.
  const hardness = new Map(o.questions.map((q) => [q.id, rng() ** 3]));
  const byId = new Map(o.questions.map((q) => [q.id, q]));
  const days = Math.ceil(o.reviews / (o.perDay * practise)) + 1;
  const cards: Record<string, StoredCard> = {};
  const reviews: Review[] = [];
  const sessions: Session[] = [];
  let practised = 0;
  for (let d = days - 1; d >= 0 && reviews.length < o.reviews; d--) {
    if (d > 0 && rng() > practise) continue;
    practised++;
    let t = o.end.getTime() - d * DAY_MS - 3 * 3_600_000 + Math.floor(rng() * 3_600_000);
    const sessionId = `run-${new Date(t).toISOString()}`;
    const seenIds = Object.keys(cards);
    const due = seenIds.filter((id) => Date.parse(cards[id]!.due) <= t).sort((a, b) => Date.parse(cards[a]!.due) - Date.parse(cards[b]!.due));
    const unseen = o.questions.filter((q) => !cards[q.id]).map((q) => q.id);
    // Spread what is left over the days left, so that the history ends on `end`.
    const left = o.reviews - reviews.length;
    const quota = d === 0 ? left : Math.min(2 * o.perDay, Math.ceil(left / ((d + 1) * practise)));
    const picks = [...due, ...unseen].slice(0, quota);
    while (picks.length < quota && seenIds.length) picks.push(seenIds[Math.floor(rng() * seenIds.length)]!);
    const asked: string[] = [];
    for (const id of picks) {
      if (reviews.length >= o.reviews) break;
      const q = byId.get(id)!;
      const h = hardness.get(id)!;
      const now = new Date(t);
      const card = cards[id];
      // Seeing the answer teaches too: repeated reviews lift recall even when FSRS's
      // stability is still tiny, as it is after a failure.
      const p = card ? Math.max(retrievability(card, now) ** (1 + h), Math.min(0.9, 0.3 + 0.15 * card.reps * (1 - h))) : 1 - h;
      const recalled = rng() < p;
      const rating: Rating = !recalled ? 1 : rng() < 0.08 + h / 4 ? 2 : rng() < 0.2 ? 4 : 3;
      const budget = budgetMs(q);
      const durationMs = Math.round(budget * (0.3 + h * 2 + rng() * 0.5));
      const one = applyReview(
        { version: PROGRESS_VERSION, cards: card ? { [id]: card } : {}, reviews: [], sessions: [] },
        { question: id, rating, now, covered: [], total: 3, durationMs, budgetMs: budget, session: sessionId },
      );
      cards[id] = one.cards[id]!;
      reviews.push(one.reviews[0]!);
      asked.push(id);
      t += durationMs + 30_000;
    }
    sessions.push({
      id: sessionId,
      kind: 'run',
      started_at: new Date(o.end.getTime() - d * DAY_MS).toISOString(),
      ended_at: new Date(t).toISOString(),
      status: 'finished',
      questions: asked,
      answered: asked.length,
    });
    if (o.mockEvery && practised % o.mockEvery === 0) {
      const score = Math.round(40 + 45 * (1 - Math.exp(-practised / 30)) + (rng() - 0.5) * 16);
      sessions.push(mockSession(`mock-${new Date(t).toISOString()}`, new Date(t + 60_000).toISOString(), score));
    }
  }
  return { ...emptyProgress(), cards, reviews, sessions };
}
