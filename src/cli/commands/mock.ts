import chalk from 'chalk';
import { readdirSync } from 'node:fs';
import { MiB, readRegularFile } from '../../fs/read-regular.js';
import { basename, dirname, join, resolve } from 'node:path';
import type { Question } from '../../bank/types.js';
import { formatDiagnostic } from '../../bank/types.js';
import { RATING_LABELS } from '../../engine/rating.js';
import { checkNumeric, checkChoice, parseNumber } from '../../engine/answer-check.js';
import { abandon, answer, ask, clockAt, grade as gradeRound, startRound, type RoundState } from '../../engine/mock.js';
import { drawRound } from '../../engine/mock-draw.js';
import { buildScorecard, roundScore } from '../../engine/mock-score.js';
import { defaultPlan, parsePlan, planCount, scalePlan, type Plan } from '../../engine/plan.js';
import { openSession, upsertSession } from '../../engine/review.js';
import { createRng } from '../../engine/rng.js';
import { InputError, Interrupted, UsageError } from '../../errors.js';
import type { Session } from '../../progress/schema.js';
import { openStore } from '../../progress/store.js';
import { timedChoice, timedNumber, timedText, type Timed } from '../../ui/countdown.js';
import { QUIT, type Io } from '../../ui/prompts.js';
import { grade, reveal, showQuestion, write, type Attempt } from '../../ui/question.js';
import { renderScorecard } from '../../ui/scorecard.js';
import { formatDuration } from '../../ui/session-summary-view.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { columns, dataDir, type Context } from '../context.js';
import { recordAnswer } from '../../session/record.js';
import { terminalPrompter } from '../terminal-prompter.js';
import { requireTerminal } from './run.js';

export interface MockOptions {
  count?: number;
  minutes?: number;
  perQuestion?: number;
  tag?: string[];
  plan?: string;
  listPlans?: boolean;
  seed?: string;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

export const DEFAULT_COUNT = 6;
export const DEFAULT_MINUTES = 30;

export default async function mock(opts: MockOptions, _args: string[], ctx: Context): Promise<number> {
  if (opts.listPlans) return listPlans(ctx);
  requireTerminal(ctx, 'mock');
  if (opts.plan && opts.tag?.length) throw new UsageError('--plan and --tag both choose the topics; give one of them (a plan file can name tags).');
  const set = await loadConfiguredBanks(ctx, opts);
  const pool = selectQuestions(set, { tags: opts.tag });
  const knownTags = new Set(set.questions.flatMap((q) => q.tags.map((t) => t.toLowerCase())));
  const base = opts.plan ? loadPlan(ctx, opts.plan, knownTags) : defaultPlan(opts.tag, DEFAULT_COUNT);
  const plan = scalePlan(base, opts.count ?? planCount(base));
  const minutes = opts.minutes ?? plan.minutes ?? DEFAULT_MINUTES;

  const store = openStore(dataDir(ctx, opts.dataDir));
  store.checkWritable();
  let progress = store.load();
  const started = ctx.now();
  const seed = opts.seed ?? String(started.getTime());
  const drawn = drawRound(pool, progress, plan, {
    now: started,
    rng: createRng(seed),
    all: set.questions,
    ...(opts.perQuestion !== undefined && { perQuestionS: opts.perQuestion }),
  });
  if (drawn.items.length === 0) throw new UsageError(`no question fits the plan "${plan.name}" (mlquiz tags shows what there is)`);

  const io: Io = { input: ctx.stdin, output: ctx.stdout };
  const prompter = terminalPrompter(io, columns(ctx));
  const width = columns(ctx);
  let state = startRound(drawn.items, Math.round(minutes * 60_000));
  const session: Session = {
    ...openSession(
      'mock',
      started,
      seed,
      drawn.items.map((i) => i.question.id),
      { tags: opts.tag ?? [] },
    ),
    plan: plan.name,
    minutes,
    results: [],
    score: null,
  };
  const record = (s: RoundState, status: Session['status']): Session => ({
    ...session,
    answered: s.results.length,
    results: [...s.results],
    ended_at: ctx.now().toISOString(),
    status,
    score: status === 'in-progress' ? null : roundScore(s),
  });
  const finish = async (status: 'finished' | 'abandoned') => {
    progress = await store.commit((p) => upsertSession(p, record(state, status)));
    const card = buildScorecard(state, progress.sessions, session.id);
    renderScorecard(io, card, { plan: plan.name, file: store.file, width });
  };

  intro(io, plan, drawn, state, seed);
  try {
    while (state.phase === 'between') {
      const item = state.items[state.index]!;
      const q = item.question;
      state = ask(state, ctx.now());
      // The part's name helps only when the plan has parts to tell apart.
      const label = plan.blend.length > 1 ? item.part : undefined;
      showQuestion(io, q, { index: state.index + 1, total: state.items.length, ...(label && { label }) }, width);
      const clock = () => clockAt(state, ctx.now());
      const a = await timedAttempt(io, q, clock);
      state = answer(state, ctx.now(), { timedOut: a.timedOut });
      const { durationMs, timedOut } = state.answered!;
      if (timedOut) write(io, chalk.bold.yellow(`Time's up: the ${formatDuration(item.budgetMs)} for this question are over. Here is the answer.`));
      reveal(io, q, a.attempt, width);
      const g = await grade(io, q, a.attempt, { durationMs, budgetMs: item.budgetMs });
      if (g === QUIT) {
        state = abandon(state);
        break;
      }
      const now = ctx.now();
      const correct = a.attempt.correct;
      state = gradeRound(state, { rating: g.rating, covered: g.covered.length, total: q.key_points.length, ...(correct !== undefined && { correct }) });
      const reviewInput = {
        question: q.id,
        rating: g.rating,
        now,
        covered: g.covered,
        total: q.key_points.length,
        durationMs,
        budgetMs: item.budgetMs,
        session: session.id,
        ...(correct !== undefined && { correct }),
      };
      // Committed at once, with the round so far: Ctrl+C or a crash loses at most the answer in hand.
      const snapshot = record(state, 'in-progress');
      const saved = await recordAnswer(store, prompter, reviewInput, snapshot);
      if (saved === QUIT) {
        state = abandon(state);
        break;
      }
      progress = saved;
      write(io, chalk.dim(`Saved: ${RATING_LABELS[g.rating]}.`));
      if (state.end === 'round-time') write(io, chalk.bold.yellow("\nThe round's time is up."));
    }
  } catch (e) {
    if (e instanceof Interrupted) {
      state = abandon(state);
      write(io, '');
      await finish('abandoned');
    }
    throw e;
  }
  await finish(state.end === 'abandoned' ? 'abandoned' : 'finished');
  return 0;
}

function intro(io: Io, plan: Plan, drawn: ReturnType<typeof drawRound>, state: RoundState, seed: string): void {
  const n = drawn.items.length;
  write(
    io,
    chalk.bold(`Mock round: ${n} question${n === 1 ? '' : 's'} in ${formatMinutes(state.roundMs)}`) + chalk.dim(`  · plan ${plan.name} · seed ${seed}`),
  );
  for (const s of drawn.short)
    write(
      io,
      chalk.yellow(`Only ${s.missing === 1 ? 'one question' : `${s.missing} questions`} short for "${s.part}": not enough distinct questions match it.`),
    );
  write(io, chalk.dim('Answer as in an interview: the model answer stays hidden until you submit or time runs out.'));
  write(io, chalk.dim("The round's clock runs while a question is open. Ctrl+C abandons the round; graded answers are kept."));
}

function formatMinutes(ms: number): string {
  const m = ms / 60_000;
  return Number.isInteger(m) ? `${m} min` : formatDuration(ms);
}

/** The answer against the clock, as the Attempt the shared reveal and grading take. */
async function timedAttempt(io: Io, q: Question, clock: Parameters<typeof timedText>[1]['clock']): Promise<{ attempt: Attempt; timedOut: boolean }> {
  const unanswered = <T>(r: Timed<T>): r is Extract<Timed<T>, { timedOut: true }> => r.timedOut;
  if (q.type === 'choice') {
    const r = await timedChoice(io, { clock, choices: q.choices!, multiple: (q.correct?.length ?? 0) > 1 });
    // No choice submitted in time is a wrong answer, as an interviewer would count it.
    if (unanswered(r)) return { attempt: { correct: false }, timedOut: true };
    return { attempt: { picked: r.value, correct: checkChoice(q, r.value) }, timedOut: false };
  }
  if (q.type === 'numeric') {
    const r = await timedNumber(io, { clock, ...(q.unit !== undefined && { unit: q.unit }), parse: (s) => parseNumber(s, q.unit) });
    if (unanswered(r)) return { attempt: { correct: false }, timedOut: true };
    return { attempt: { number: r.value, correct: checkNumeric(q, r.value) }, timedOut: false };
  }
  const r = await timedText(io, { clock });
  if (unanswered(r)) return { attempt: r.partial.trim() ? { text: `${r.partial.trim()} (cut off)` } : {}, timedOut: true };
  return { attempt: r.value ? { text: r.value } : {}, timedOut: false };
}

/** Where the plans shipped with mlquiz live: beside the shipped banks unless the entry says otherwise. */
function plansDir(ctx: Context): string {
  return ctx.shippedPlans ?? join(dirname(ctx.shippedBanks), 'plans');
}

function shippedPlanFiles(ctx: Context): string[] {
  try {
    return readdirSync(plansDir(ctx))
      .filter((f) => /\.ya?ml$/i.test(f))
      .sort()
      .map((f) => join(plansDir(ctx), f));
  } catch {
    return [];
  }
}

const planName = (file: string) => basename(file).replace(/\.ya?ml$/i, '');

/** A plan by shipped name, or a plan file by path; every problem in it at once. */
export function loadPlan(ctx: Context, ref: string, knownTags?: ReadonlySet<string>): Plan {
  const isPath = /[\\/]/.test(ref) || /\.ya?ml$/i.test(ref);
  const file = isPath ? resolve(ctx.cwd, ref) : shippedPlanFiles(ctx).find((f) => planName(f) === ref);
  if (!file) {
    const names = shippedPlanFiles(ctx).map(planName);
    throw new UsageError(`no plan named "${ref}". Plans: ${names.join(', ') || '(none shipped)'}; or give a plan file, e.g. --plan ./my-plan.yaml`);
  }
  let text: string;
  try {
    // A regular file only, and a small one: a FIFO or device given as --plan must not hang.
    text = readRegularFile(file, MiB).toString('utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new UsageError(`${file}: no such plan file`);
    throw new InputError(`${file}: cannot read the plan: it ${(e as Error).message}`);
  }
  const { plan, diagnostics } = parsePlan(text, file, planName(file), knownTags);
  if (!plan)
    throw new InputError(
      `${diagnostics.length} problem${diagnostics.length === 1 ? '' : 's'} in the plan ${file} ("Plans" in the README describes the format)`,
      diagnostics.map(formatDiagnostic),
    );
  return plan;
}

function listPlans(ctx: Context): number {
  const files = shippedPlanFiles(ctx);
  const out = (s = '') => ctx.stdout.write(s + '\n');
  if (!files.length) out('No plans are shipped; give a plan file with --plan ./my-plan.yaml ("Plans" in the README).');
  for (const file of files) {
    const plan = loadPlan(ctx, file);
    const minutes = plan.minutes ?? DEFAULT_MINUTES;
    out(`${chalk.bold(planName(file).padEnd(14))} ${planCount(plan)} questions, ${minutes} min${plan.description ? chalk.dim(`  ${plan.description}`) : ''}`);
    out(chalk.dim(`${' '.repeat(15)}${plan.blend.map((p) => `${p.count} ${p.label}`).join(' · ')}`));
  }
  out(chalk.dim('\nRun one with: mlquiz mock --plan NAME   (or --plan ./my-plan.yaml)'));
  return 0;
}
