import type { Question } from '../bank/types.js';
import { abandon, answer, ask, clockAt, grade as gradeRound, startRound, type Clock, type RoundState } from '../engine/mock.js';
import type { Offset } from '../engine/days.js';
import type { Draw } from '../engine/mock-draw.js';
import { buildScorecard, roundScore, type Scorecard } from '../engine/mock-score.js';
import type { Plan } from '../engine/plan.js';
import { checkAnswer, type Answer } from '../engine/answer-check.js';
import { choiceOrder } from '../engine/choice-order.js';
import { RATING_LABELS } from '../engine/rating.js';
import { Interrupted } from '../errors.js';
import type { Progress, Session } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { QUIT, type Prompter } from './prompter.js';
import { gradeAnswer } from './grading.js';
import { closeSession, recordAnswer } from './record.js';

/** What a mock round asks of the person beyond a practice session: a clock on every answer. */
export interface MockPrompter extends Prompter {
  intro(info: { plan: Plan; draw: Draw; roundMs: number; seed: string }): void;
  /** The answer against the clock; `timedOut` when the question's time ran out first. */
  /** `answer` null: nothing submitted before the question's time ran out (what was typed of an open answer comes as its text). */
  timedAttempt(q: Question, clock: () => Clock, order: readonly number[]): Promise<{ answer: Answer | null; timedOut: boolean }>;
  timeUp(budgetMs: number): void;
  roundTimeUp(): void;
  scorecard(card: Scorecard, info: { plan: string; file: string }): void;
}

export interface MockInput {
  plan: Plan;
  draw: Draw;
  minutes: number;
  seed: string;
  progress: Progress;
  store: ProgressStore;
  /** The session record as it starts (kind mock, with plan and minutes). */
  session: Session;
  prompter: MockPrompter;
  now: () => Date;
  /** The person's days (days.ts personDay), for the scheduler's elapsed days; UTC days when unset. */
  days?: Offset;
}

/**
 * The mock-round loop over the round's state machine: each question against its clock,
 * revealed when time runs out, graded and recorded at once with the round so far; the
 * scorecard at the end. `q` at grading or Ctrl+C abandons the round, keeping what was graded.
 */
export async function runMockRound(inp: MockInput): Promise<{ state: RoundState; progress: Progress }> {
  const { plan, prompter, store, session } = inp;
  let progress = inp.progress;
  let state = startRound(inp.draw.items, Math.round(inp.minutes * 60_000));
  const record = (s: RoundState, status: Session['status']): Session => ({
    ...session,
    answered: s.results.length,
    results: [...s.results],
    ended_at: inp.now().toISOString(),
    status,
    score: status === 'in-progress' ? null : roundScore(s),
  });
  const finish = async (status: 'finished' | 'abandoned') => {
    progress = await closeSession(store, record(state, status));
    prompter.scorecard(buildScorecard(state, progress.sessions, session.id), { plan: plan.name, file: store.file });
    return { state, progress };
  };

  prompter.intro({ plan, draw: inp.draw, roundMs: state.roundMs, seed: inp.seed });
  try {
    while (state.phase === 'between') {
      const item = state.items[state.index]!;
      const q = item.question;
      state = ask(state, inp.now());
      // The part's name helps only when the plan has parts to tell apart.
      const label = plan.blend.length > 1 ? item.part : undefined;
      await prompter.showQuestion(q, { index: state.index + 1, total: state.items.length, ...(label && { label }) });
      const order = choiceOrder(q, inp.seed);
      const given = await prompter.timedAttempt(q, () => clockAt(state, inp.now()), order);
      // Nothing submitted in time is a wrong answer, as an interviewer would count it.
      const a = { attempt: given.answer ? checkAnswer(q, given.answer) : q.type === 'open' ? {} : { correct: false }, timedOut: given.timedOut };
      state = answer(state, inp.now(), { timedOut: a.timedOut });
      const { durationMs, timedOut } = state.answered!;
      if (timedOut) prompter.timeUp(item.budgetMs);
      await prompter.reveal(q, a.attempt, order);
      const g = await gradeAnswer(prompter, q, a.attempt, { durationMs, budgetMs: item.budgetMs });
      if (g === QUIT) {
        state = abandon(state);
        break;
      }
      const now = inp.now();
      const correct = a.attempt.correct;
      state = gradeRound(state, { rating: g.rating, covered: g.covered.length, total: q.key_points.length, ...(correct !== undefined && { correct }) });
      const input = {
        question: q.id,
        rating: g.rating,
        now,
        covered: g.covered,
        total: q.key_points.length,
        durationMs,
        budgetMs: item.budgetMs,
        session: session.id,
        ...(inp.days && { days: inp.days }),
        ...(correct !== undefined && { correct }),
      };
      // Recorded at once, with the round so far: Ctrl+C or a crash loses at most the answer in hand.
      const saved = await recordAnswer(store, prompter, input, record(state, 'in-progress'));
      if (saved === QUIT) {
        state = abandon(state);
        break;
      }
      progress = saved;
      prompter.info(`Saved: ${RATING_LABELS[g.rating]}.`);
      if (state.end === 'round-time') prompter.roundTimeUp();
    }
  } catch (e) {
    if (e instanceof Interrupted) {
      state = abandon(state);
      await finish('abandoned');
    }
    throw e;
  }
  return finish(state.end === 'abandoned' ? 'abandoned' : 'finished');
}
