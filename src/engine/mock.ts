import type { MockResult } from '../progress/schema.js';
import type { Rating } from './rating.js';
import type { RoundItem } from './mock-draw.js';
import { questionScore } from './question-score.js';

/**
 * The mock round as a pure state machine. The command feeds it the clock; nothing here
 * waits or reads the time, so a whole round can be played in a test in microseconds.
 *
 *   between --ask--> asking --answer--> grading --grade--> between | over
 *   any phase --abandon--> over
 *
 * The round clock runs only while a question is open: reading the model answer and
 * grading oneself are not part of the interview, so they do not eat the round's time.
 */
export type Phase = 'between' | 'asking' | 'grading' | 'over';
/** complete: every question graded; round-time: the round's time ran out first; abandoned: Ctrl+C or quit. */
export type EndReason = 'complete' | 'round-time' | 'abandoned';

export interface RoundState {
  readonly items: readonly RoundItem[];
  readonly roundMs: number;
  readonly phase: Phase;
  /** The question in hand (asking, grading) or the next one to ask (between). */
  readonly index: number;
  /** Answering time of the questions already answered. */
  readonly usedMs: number;
  readonly askedAt: number | null;
  readonly answered: { durationMs: number; timedOut: boolean } | null;
  readonly results: readonly MockResult[];
  readonly end: EndReason | null;
}

/** What the countdown shows at a moment. */
export interface Clock {
  questionMs: number;
  questionLeftMs: number;
  roundMs: number;
  roundLeftMs: number;
  /** In the last 20% of the time: shown in the warning colour. */
  questionWarning: boolean;
  roundWarning: boolean;
  questionExpired: boolean;
}

/** The share of a budget left below which the countdown turns to the warning colour. */
export const WARNING_SHARE = 0.2;

export function startRound(items: readonly RoundItem[], roundMs: number): RoundState {
  const state: RoundState = { items, roundMs, phase: 'between', index: 0, usedMs: 0, askedAt: null, answered: null, results: [], end: null };
  return items.length ? state : { ...state, phase: 'over', end: 'complete' };
}

function expect(s: RoundState, phase: Phase, action: string): void {
  if (s.phase !== phase) throw new Error(`mock round: cannot ${action} while ${s.phase}`);
}

/** Shows the next question and starts its clock. */
export function ask(s: RoundState, now: Date): RoundState {
  expect(s, 'between', 'ask');
  return { ...s, phase: 'asking', askedAt: now.getTime() };
}

export function clockAt(s: RoundState, now: Date): Clock {
  const item = s.items[Math.min(s.index, s.items.length - 1)];
  const questionMs = item?.budgetMs ?? 0;
  const elapsed = s.phase === 'asking' && s.askedAt !== null ? Math.max(0, now.getTime() - s.askedAt) : (s.answered?.durationMs ?? 0);
  const questionLeftMs = Math.max(0, questionMs - elapsed);
  const roundLeftMs = Math.max(0, s.roundMs - s.usedMs - (s.phase === 'between' || s.phase === 'over' ? 0 : elapsed));
  return {
    questionMs,
    questionLeftMs,
    roundMs: s.roundMs,
    roundLeftMs,
    questionWarning: questionLeftMs <= questionMs * WARNING_SHARE,
    roundWarning: roundLeftMs <= s.roundMs * WARNING_SHARE,
    questionExpired: questionLeftMs <= 0,
  };
}

/**
 * Closes the question: submitted by the person, or cut off by the clock. An answer
 * submitted after the budget (a tick late) counts as timed out, and time used is never
 * recorded above the budget of a timed-out question.
 */
export function answer(s: RoundState, now: Date, opts: { timedOut: boolean }): RoundState {
  expect(s, 'asking', 'answer');
  const budget = s.items[s.index]!.budgetMs;
  const elapsed = Math.max(0, now.getTime() - s.askedAt!);
  const timedOut = opts.timedOut || elapsed >= budget;
  return { ...s, phase: 'grading', answered: { durationMs: timedOut ? budget : elapsed, timedOut } };
}

export interface GradeInput {
  rating: Rating;
  /** How many key points were covered, of `total`. */
  covered: number;
  total: number;
  /** Choice and numeric questions. */
  correct?: boolean;
}

/** Records the graded answer; the round ends after it if it was the last or the round's time is spent. */
export function grade(s: RoundState, g: GradeInput): RoundState {
  expect(s, 'grading', 'grade');
  const item = s.items[s.index]!;
  const { durationMs, timedOut } = s.answered!;
  const result: MockResult = {
    question: item.question.id,
    rating: g.rating,
    covered: g.covered,
    total: g.total,
    duration_ms: Math.round(durationMs),
    budget_ms: Math.max(1, Math.round(item.budgetMs)),
    timed_out: timedOut,
    score: questionScore(g),
  };
  if (g.correct !== undefined) result.correct = g.correct;
  const usedMs = s.usedMs + durationMs;
  const next: RoundState = { ...s, results: [...s.results, result], usedMs, index: s.index + 1, askedAt: null, answered: null, phase: 'between' };
  if (next.index >= s.items.length) return { ...next, phase: 'over', end: 'complete' };
  if (usedMs >= s.roundMs) return { ...next, phase: 'over', end: 'round-time' };
  return next;
}

/** Ctrl+C or quit: the answer in hand, if not graded, is dropped; graded ones stay. */
export function abandon(s: RoundState): RoundState {
  if (s.phase === 'over') return s;
  return { ...s, phase: 'over', end: 'abandoned', askedAt: null, answered: null };
}
