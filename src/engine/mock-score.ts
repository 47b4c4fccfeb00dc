import { weakestTags as rankTags } from './tag-weakness.js';
import { mockHistory, type ScoredRound } from './mock-history.js';
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
  /** Finished rounds before this one. */
  count: number;
  best: { score: number; at: string; plan?: string } | null;
  last: { score: number; at: string; plan?: string } | null;
  /** The scores of up to the last 9 earlier rounds and this one, oldest first, for a sparkline. */
  recent: number[];
  /** This round minus the last earlier one, as the report's "change" (mock-history); null without both. */
  delta: number | null;
}

/** How a round compares with the earlier finished rounds, by the one definition of mock history. */
export function compareRounds(sessions: readonly Session[], current: { id: string; score: number | null }): RoundHistory {
  const earlier = mockHistory(sessions.filter((s) => s.id !== current.id));
  const strip = (r: ScoredRound | null) => r && { score: r.score, at: r.at, ...(r.plan !== undefined && { plan: r.plan }) };
  const scores = earlier.rounds.map((r) => r.score);
  return {
    count: earlier.rounds.length,
    best: strip(earlier.best),
    last: strip(earlier.latest),
    recent: [...scores.slice(-9), ...(current.score !== null ? [current.score] : [])],
    delta: current.score !== null && earlier.latest ? current.score - earlier.latest.score : null,
  };
}

export interface TagScore {
  tag: string;
  score: number;
  questions: number;
}

/** The round's weakest tags by the one rule of tag-weakness (a question scored 0.6 is 0.4 of a miss), with their mean score. */
export function weakestTags(results: readonly MockResult[], tagsOf: (id: string) => readonly string[], limit = 3): TagScore[] {
  return rankTags(
    results.map((r) => ({ tags: tagsOf(r.question), miss: 1 - r.score })),
    limit,
  ).map((w) => ({ tag: w.tag, score: 1 - w.missed / w.answers, questions: w.answers }));
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
