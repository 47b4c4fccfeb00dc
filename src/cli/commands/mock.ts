import { drawRound } from '../../engine/mock-draw.js';
import { defaultPlan, planCount, scalePlan } from '../../engine/plan.js';
import { openSession } from '../../engine/review.js';
import { createRng } from '../../engine/rng.js';
import { UsageError } from '../../errors.js';
import type { Session } from '../../progress/schema.js';
import { progressStore } from '../progress.js';
import { runMockRound } from '../../session/mock-round.js';
import { loadConfiguredBanks, selectQuestions } from '../banks.js';
import { columns, localDays, sessionSeed, type Context } from '../context.js';
import { DEFAULT_COUNT, DEFAULT_MINUTES, listPlans, loadPlan } from '../plans.js';
import { terminalMockPrompter } from '../terminal-prompter.js';
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

  const store = progressStore(ctx, opts.dataDir);
  store.checkWritable();
  const progress = store.load();
  const started = ctx.now();
  const seed = sessionSeed(ctx, opts.seed);
  const drawn = drawRound(pool, progress, plan, {
    now: started,
    rng: createRng(seed),
    all: set.questions,
    ...(opts.perQuestion !== undefined && { perQuestionS: opts.perQuestion }),
  });
  if (drawn.items.length === 0) throw new UsageError(`no question fits the plan "${plan.name}" (mlquiz tags shows what there is)`);

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
  const prompter = terminalMockPrompter({ input: ctx.stdin, output: ctx.stdout }, columns(ctx));
  await runMockRound({ plan, draw: drawn, minutes, seed, progress, store, session, prompter, now: ctx.now, days: localDays(ctx) });
  return 0;
}
