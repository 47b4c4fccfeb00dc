import type { MockResult, Session } from '../progress/schema.js';
import type { EndReason, RoundState } from './mock.js';
import { questionScore } from './question-score.js';

export { questionScore };

/**
 * The round's score in percent: the mean question score over every question drawn for
 * the round, a question not reached before the round's time ran out counting 0, as in
 * an interview. An abandoned round has no score (null): it is not comparable.
 */
export function roundScore(s: Pick<RoundState, 'items' | 'results' | 'end'>): number | null {
  if (s.end === 'abandoned' || s.end === null || s.items.length === 0) return null;
  const sum = s.results.reduce((a, r) => a + r.score, 0);
  return Math.round((100 * sum) / s.items.length);
}

export interface RoundHistory {
  /** Finished rounds before this one, oldest first. */
  count: number;
  best: { score: number; at: string; plan?: string } | null;
  last: { score: number; at: string; plan?: string } | null;
  /** The scores of up to the last 9 earlier rounds and this one, oldest first, for a sparkline. */
  recent: number[];
  /** This round against the mean of the last three earlier rounds; null without both. */
  delta: number | null;
}

/** How a round compares with the earlier finished rounds in the progress file. */
export function compareRounds(sessions: readonly Session[], current: { id: string; score: number | null }): RoundHistory {
  const earlier = sessions
    .filter((s) => s.kind === 'mock' && s.status === 'finished' && typeof s.score === 'number' && s.id !== current.id)
    .sort((a, b) => a.started_at.localeCompare(b.started_at));
  const pick = (s: Session | undefined) => (s ? { score: s.score!, at: s.started_at, ...(s.plan !== undefined && { plan: s.plan }) } : null);
  const best = earlier.reduce<Session | undefined>((b, s) => (!b || s.score! > b.score! ? s : b), undefined);
  const scores = earlier.map((s) => s.score!);
  const lastThree = scores.slice(-3);
  const delta = current.score !== null && lastThree.length ? Math.round(current.score - lastThree.reduce((a, b) => a + b, 0) / lastThree.length) : null;
  return {
    count: earlier.length,
    best: pick(best),
    last: pick(earlier.at(-1)),
    recent: [...scores.slice(-9), ...(current.score !== null ? [current.score] : [])],
    delta,
  };
}

export interface TagScore {
  tag: string;
  score: number;
  questions: number;
}

/** The round's tags by mean question score, weakest first; only tags below full marks. */
export function weakestTags(results: readonly MockResult[], tagsOf: (id: string) => readonly string[], limit = 3): TagScore[] {
  const byTag = new Map<string, number[]>();
  for (const r of results) for (const t of tagsOf(r.question)) byTag.set(t, [...(byTag.get(t) ?? []), r.score]);
  return [...byTag]
    .map(([tag, s]) => ({ tag, score: s.reduce((a, b) => a + b, 0) / s.length, questions: s.length }))
    .filter((t) => t.score < 1)
    .sort((a, b) => a.score - b.score || b.questions - a.questions || a.tag.localeCompare(b.tag))
    .slice(0, limit);
}

export interface ScorecardRow {
  index: number;
  id: string;
  prompt: string;
  type: 'open' | 'choice' | 'numeric';
  budgetMs: number;
  /** Absent for a question not reached (round time ran out, or the round was abandoned). */
  result?: MockResult;
}

export interface Scorecard {
  rows: ScorecardRow[];
  end: EndReason;
  score: number | null;
  history: RoundHistory;
  weakest: TagScore[];
  /** Answering time used of the round's time. */
  usedMs: number;
  roundMs: number;
  /** Questions reached (graded), and of those the ones answered before their time ran out. */
  reached: number;
  answered: number;
}

/** Pure: everything the end-of-round screen shows. */
export function buildScorecard(s: RoundState, sessions: readonly Session[], sessionId: string): Scorecard {
  const rows = s.items.map((item, i): ScorecardRow => {
    const row: ScorecardRow = { index: i + 1, id: item.question.id, prompt: item.question.prompt, type: item.question.type, budgetMs: item.budgetMs };
    const result = s.results[i];
    if (result) row.result = result;
    return row;
  });
  const tags = new Map(s.items.map((item) => [item.question.id, item.question.tags]));
  const score = roundScore(s);
  return {
    rows,
    end: s.end ?? 'abandoned',
    score,
    history: compareRounds(sessions, { id: sessionId, score }),
    weakest: weakestTags(s.results, (id) => tags.get(id) ?? []),
    usedMs: s.usedMs,
    roundMs: s.roundMs,
    reached: s.results.length,
    // A question cut off by its clock was not answered, whatever was typed when it stopped.
    answered: s.results.filter((r) => !r.timed_out).length,
  };
}
