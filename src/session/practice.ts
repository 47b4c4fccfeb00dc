import type { Question } from '../bank/types.js';
import { dayNumber, dayString, type Offset } from '../engine/days.js';
import type { SessionPick } from '../engine/pick.js';
import { checkAnswer } from '../engine/answer-check.js';
import { choiceOrder } from '../engine/choice-order.js';
import { budgetMs, RATING_LABELS } from '../engine/rating.js';
import { summariseSession } from '../engine/session-summary.js';
import { Interrupted } from '../errors.js';
import type { Progress, Review, Session } from '../progress/schema.js';
import type { ProgressStore } from '../progress/store.js';
import { QUIT, type Prompter } from './prompter.js';
import { gradeAnswer } from './grading.js';
import { closeSession, recordAnswer } from './record.js';

export interface PracticeInput {
  picks: readonly SessionPick[];
  /** Every loaded question, for the summary's tag figures. */
  questions: readonly Question[];
  progress: Progress;
  store: ProgressStore;
  session: Session;
  prompter: Prompter;
  now: () => Date;
  /** The person's days (days.ts personDay): for due dates and the scheduler's elapsed days. */
  offset: Offset;
}

export interface PracticeResult {
  reviews: Review[];
  progress: Progress;
  status: Session['status'];
}

/**
 * The practice loop: ask, reveal, grade, record, for each pick; `q` leaves with every
 * graded answer kept; Ctrl+C (Interrupted) records the session as interrupted, shows the
 * summary and rethrows, so the entry point exits 130.
 */
export async function runPractice(inp: PracticeInput): Promise<PracticeResult> {
  const { picks, prompter, store, session } = inp;
  let progress = inp.progress;
  const mine: Review[] = [];
  const finish = async (status: Session['status']) => {
    if (mine.length) progress = await closeSession(store, { ...session, answered: mine.length, ended_at: inp.now().toISOString(), status });
    prompter.summary(summariseSession(mine, inp.questions, progress, inp.now(), inp.offset, tagsOf(inp.session.filter)), store.file);
    return { reviews: mine, progress, status };
  };
  try {
    for (const [i, pick] of picks.entries()) {
      const q = pick.question;
      await prompter.showQuestion(q, { index: i + 1, total: picks.length, label: pick.reason });
      const shown = inp.now();
      const order = choiceOrder(q, session.seed ?? session.id);
      const given = await prompter.attempt(q, order);
      if (given === QUIT) break;
      const a = checkAnswer(q, given);
      const durationMs = inp.now().getTime() - shown.getTime();
      await prompter.reveal(q, a, order);
      const budget = budgetMs(q);
      const g = await gradeAnswer(prompter, q, a, { durationMs, budgetMs: budget });
      if (g === QUIT) break;
      const now = inp.now();
      const input = {
        question: q.id,
        rating: g.rating,
        now,
        covered: g.covered,
        total: q.key_points.length,
        durationMs,
        budgetMs: budget,
        session: session.id,
        days: inp.offset,
        ...(a.correct !== undefined && { correct: a.correct }),
      };
      // Recorded at once: quitting or a crash loses at most the answer in progress.
      const saved = await recordAnswer(store, prompter, input, { ...session, answered: mine.length + 1, ended_at: now.toISOString() });
      if (saved === QUIT) break;
      progress = saved;
      mine.push(progress.reviews.findLast((r) => r.session === session.id)!);
      prompter.info(`Saved: ${RATING_LABELS[g.rating]}. Next review ${relativeDay(progress.cards[q.id]!.due, now, inp.offset)}.`);
    }
  } catch (e) {
    if (e instanceof Interrupted) await finish('interrupted');
    throw e;
  }
  return finish(mine.length === picks.length ? 'finished' : 'quit');
}

/** When a review falls due, in the person's local calendar days. */
export function relativeDay(iso: string, now: Date, offset: Offset): string {
  const due = dayNumber(Date.parse(iso), offset);
  const days = due - dayNumber(now.getTime(), offset);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days (${dayString(due)})`;
}

/** The tags a session was limited to, as its stored filter has them. */
const tagsOf = (filter: Record<string, unknown> | undefined): string[] =>
  Array.isArray(filter?.tags) ? (filter!.tags as unknown[]).filter((t): t is string => typeof t === 'string') : [];
