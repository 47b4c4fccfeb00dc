import type { Session } from '../progress/schema.js';
import { byText } from '../format/compare.js';

export interface ScoredRound {
  id: string;
  at: string;
  /** 0-100. */
  score: number;
  plan?: string;
}

export interface MockHistory {
  /** Finished rounds with a score, oldest first. */
  rounds: ScoredRound[];
  /** The highest score; the earlier round on a tie. */
  best: ScoredRound | null;
  latest: ScoredRound | null;
  previous: ScoredRound | null;
  /** Latest minus previous; null with fewer than two rounds. */
  change: number | null;
}

/**
 * The one definition of a person's mock history, shared by the end-of-round scorecard
 * and the report: which rounds count (finished, scored), the best, the latest and the
 * change on the one before.
 */
export function mockHistory(sessions: readonly Session[]): MockHistory {
  const rounds = sessions
    .filter((s) => s.kind === 'mock' && s.status === 'finished' && typeof s.score === 'number')
    .sort((a, b) => byText(a.started_at, b.started_at))
    .map((s): ScoredRound => ({ id: s.id, at: s.started_at, score: s.score!, ...(s.plan !== undefined && { plan: s.plan }) }));
  const best = rounds.reduce<ScoredRound | null>((b, r) => (b === null || r.score > b.score ? r : b), null);
  const latest = rounds.at(-1) ?? null;
  const previous = rounds.at(-2) ?? null;
  return { rounds, best, latest, previous, change: latest && previous ? latest.score - previous.score : null };
}
