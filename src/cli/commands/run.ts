import chalk from 'chalk';
import type { Difficulty } from '../../bank/types.js';
import { budgetMs, RATING_LABELS } from '../../engine/rating.js';
import { pickSession } from '../../engine/pick.js';
import { applyReview, openSession, upsertSession } from '../../engine/review.js';
import { createRng } from '../../engine/rng.js';
import { summariseSession } from '../../engine/session-summary.js';
import { dayNumber, dayString, type Offset } from '../../engine/days.js';
import { Interrupted, UsageError } from '../../errors.js';
import type { Review, Session } from '../../progress/schema.js';
import { openStore } from '../../progress/store.js';
import { QUIT, type Io } from '../../ui/prompts.js';
import { attempt, grade, reveal, showQuestion, write } from '../../ui/question.js';
import { renderSummary } from '../../ui/session-summary-view.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { columns, dataDir, type Context } from '../context.js';
import { saveAnswer } from '../save.js';

export interface RunOptions {
  tag?: string[];
  deck?: string;
  difficulty?: Difficulty;
  count: number;
  id?: string[];
  seed?: string;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

export function requireTerminal(ctx: Context, command: string): void {
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY)
    throw new UsageError(`mlquiz ${command} is interactive and needs a terminal. To read the questions without one, use: mlquiz list --json`);
}

export default async function run(opts: RunOptions, _args: string[], ctx: Context): Promise<number> {
  requireTerminal(ctx, 'run');
  const set = await loadConfiguredBanks(ctx, opts);
  const pool = selectQuestions(set, { tags: opts.tag, deck: opts.deck, difficulty: opts.difficulty, ids: opts.id });
  const store = openStore(dataDir(ctx, opts.dataDir));
  // Before the first question: a folder that cannot be written fails now, not after an answer.
  store.checkWritable();
  let progress = store.load();
  const started = ctx.now();
  const seed = opts.seed ?? String(started.getTime());
  const picks = pickSession(pool, progress, { count: opts.id?.length ?? opts.count, now: started, rng: createRng(seed), all: set.questions });
  const io: Io = { input: ctx.stdin, output: ctx.stdout };
  const width = columns(ctx);
  const session = openSession(
    'run',
    started,
    seed,
    picks.map((p) => p.question.id),
    {
      tags: opts.tag ?? [],
      deck: opts.deck ?? null,
      difficulty: opts.difficulty ?? null,
      ids: opts.id ?? [],
    },
  );
  const mine: Review[] = [];
  const finish = async (status: Session['status']) => {
    if (mine.length === 0) return;
    progress = await store.commit((p) => upsertSession(p, { ...session, answered: mine.length, ended_at: ctx.now().toISOString(), status }));
  };

  write(io, chalk.dim(`${picks.length} question${picks.length === 1 ? '' : 's'} · seed ${seed} · progress in ${store.file}`));
  try {
    for (const [i, pick] of picks.entries()) {
      const q = pick.question;
      const label = pick.kind === 'new' ? 'new' : pick.kind === 'due' ? 'due for review' : 'review ahead of time';
      showQuestion(io, q, { index: i + 1, total: picks.length, label }, width);
      const shown = ctx.now();
      const a = await attempt(io, q);
      if (a === QUIT) break;
      const durationMs = ctx.now().getTime() - shown.getTime();
      reveal(io, q, a, width);
      const budget = budgetMs(q);
      const g = await grade(io, q, a, { durationMs, budgetMs: budget });
      if (g === QUIT) break;
      const now = ctx.now();
      const input = {
        question: q.id,
        rating: g.rating,
        now,
        covered: g.covered,
        total: q.key_points.length,
        durationMs,
        budgetMs: budget,
        session: session.id,
        ...(a.correct !== undefined && { correct: a.correct }),
      };
      // Committed at once: quitting or a crash loses at most the answer in progress.
      const notes: string[] = [];
      const saved = await saveAnswer(io, store, (p) => {
        notes.length = 0;
        return upsertSession(
          applyReview(p, input, (m) => notes.push(m)),
          { ...session, answered: mine.length + 1, ended_at: now.toISOString() },
        );
      });
      if (saved === QUIT) break;
      progress = saved;
      for (const n of notes) write(io, chalk.yellow(`Note: ${n}.`));
      mine.push(progress.reviews.findLast((r) => r.session === session.id)!);
      const card = progress.cards[q.id]!;
      write(io, chalk.dim(`Saved: ${RATING_LABELS[g.rating]}. Next review ${relativeDay(card.due, now, ctx.offset)}.`));
    }
  } catch (e) {
    if (e instanceof Interrupted) {
      await finish('interrupted');
      write(io, '');
      renderSummary(io, summariseSession(mine, set.questions, progress, ctx.now(), ctx.offset), store.file);
    }
    throw e;
  }
  await finish(mine.length === picks.length ? 'finished' : 'quit');
  renderSummary(io, summariseSession(mine, set.questions, progress, ctx.now(), ctx.offset), store.file);
  return 0;
}

/** When a review falls due, in the person's local calendar days. */
export function relativeDay(iso: string, now: Date, offset: Offset): string {
  const due = dayNumber(Date.parse(iso), offset);
  const days = due - dayNumber(now.getTime(), offset);
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days (${dayString(due)})`;
}
