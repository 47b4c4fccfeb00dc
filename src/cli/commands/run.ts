import type { Difficulty } from '../../bank/types.js';
import { openSession } from '../../engine/review.js';
import { createRng } from '../../engine/rng.js';
import { planSession } from '../../engine/today.js';
import { UsageError } from '../../errors.js';
import { colours } from '../../format/colour.js';
import { plural } from '../../format/plural.js';
import { progressStore } from '../progress.js';
import { terminalPrompter } from '../terminal-prompter.js';
import { runPractice } from '../../session/practice.js';
import { nothingToAsk, paceLine, previewJson, renderPreview } from '../../ui/session-preview.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { columns, localDays, sessionSeed, writeJson, type Context } from '../context.js';

export interface RunOptions {
  tag?: string[];
  deck?: string;
  difficulty?: Difficulty;
  count?: number;
  id?: string[];
  new?: number;
  reviewsOnly?: boolean;
  dryRun?: boolean;
  json?: boolean;
  seed?: string;
  bank?: string[];
  dataDir?: string;
  skipInvalid?: boolean;
}

export function requireTerminal(ctx: Context, command: string): void {
  if (!ctx.stdin.isTTY || !ctx.stdout.isTTY)
    throw new UsageError(
      `mlquiz ${command} is interactive and needs a terminal. Without one: ${command === 'run' ? 'mlquiz run --dry-run shows what it would ask, ' : ''}mlquiz list --json prints the questions`,
    );
}

export default async function run(opts: RunOptions, _args: string[], ctx: Context): Promise<number> {
  if (opts.reviewsOnly && opts.new) throw new UsageError('--reviews-only asks no new questions; --new asks some: give one of them.');
  if (opts.json && !opts.dryRun) throw new UsageError('--json goes with --dry-run: mlquiz run --dry-run --json prints the session it would ask.');
  // A dry run reads and prints only: no terminal, no write check, no session record.
  if (!opts.dryRun) requireTerminal(ctx, 'run');
  const set = await loadConfiguredBanks(ctx, opts);
  const pool = selectQuestions(set, { tags: opts.tag, deck: opts.deck, difficulty: opts.difficulty, ids: opts.id });
  const store = progressStore(ctx, opts.dataDir);
  // Before the first question: a folder that cannot be written fails now, not after an answer.
  if (!opts.dryRun) store.checkWritable();
  const progress = store.load();
  const started = ctx.now();
  const seed = sessionSeed(ctx, opts.seed);
  const days = localDays(ctx);
  const maxNew = opts.reviewsOnly ? 0 : opts.new;
  const planned = planSession({
    all: set.questions,
    pool,
    progress,
    now: started,
    offset: days,
    rng: createRng(seed),
    count: opts.count ?? opts.id?.length,
    ...(maxNew !== undefined && { maxNew }),
    chosen: !!(opts.tag?.length || opts.deck || opts.difficulty || opts.id?.length),
  });
  // Questions named with --id come in the order they were named.
  const plan = opts.id ? { ...planned, picks: [...planned.picks].sort((a, b) => opts.id!.indexOf(a.question.id) - opts.id!.indexOf(b.question.id)) } : planned;
  if (opts.dryRun) {
    if (opts.json) writeJson(ctx, previewJson(plan.picks));
    else ctx.stdout.write(renderPreview(plan, { seed, width: columns(ctx), chalk: colours(ctx), reviewsOnly: maxNew === 0 }));
    return 0;
  }
  // The prompts come with the command, not by a dynamic import: that split the code they
  // share with it into chunks of their own, each one more module to load before the first
  // question. A dry run pays a few milliseconds for them.
  const prompter = terminalPrompter({ input: ctx.stdin, output: ctx.stdout }, columns(ctx));
  if (plan.paced) prompter.info(paceLine(plan.paced));
  if (!plan.picks.length) {
    prompter.info(nothingToAsk(plan, maxNew === 0));
    return 0;
  }
  const filter = { tags: opts.tag ?? [], deck: opts.deck ?? null, difficulty: opts.difficulty ?? null, ids: opts.id ?? [] };
  const session = openSession(
    'run',
    started,
    seed,
    plan.picks.map((p) => p.question.id),
    filter,
  );
  prompter.info(`${plural(plan.picks.length, 'question')} · seed ${seed} · progress in ${store.dir}`);
  await runPractice({ picks: plan.picks, questions: set.questions, progress, store, session, prompter, now: ctx.now, offset: days });
  return 0;
}
